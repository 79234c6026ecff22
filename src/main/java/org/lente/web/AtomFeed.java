package org.lente.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) of articles: for a search or an entity. Written with the JDK's XML
 * writer, which escapes text and attributes; characters XML 1.0 does not allow are dropped, and
 * only http(s) URLs are written as links.
 *
 * @param id the feed's permanent IRI (its absolute URL)
 * @param title the feed's title
 * @param self the feed's own absolute URL; {@code alternate} the HTML page it follows
 * @param entries newest first
 */
public record AtomFeed(String id, String title, String self, String alternate, List<Entry> entries) {

  public static final String NS = "http://www.w3.org/2005/Atom";
  public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";

  /**
   * One article.
   *
   * @param id the entry's permanent IRI (the article page's absolute URL)
   * @param link the article page on this server; {@code original} the article where it was
   *     published (written only when http or https), or null
   * @param published the publication date (ISO-8601 date or date-time), or null
   * @param summary plain text, or null
   */
  public record Entry(String id, String title, String link, String original, String published, List<String> authors,
      String summary) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(link, "link");
      authors = List.copyOf(authors);
    }
  }

  public AtomFeed {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(alternate, "alternate");
    entries = List.copyOf(entries);
  }

  /**
   * The feed as XML. {@code <updated>} of an entry is its publication date (midnight UTC for a
   * bare date), else {@code now}; the feed's is its newest entry's, else {@code now}.
   */
  public String xml(Instant now) {
    StringWriter sw = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("feed");
      w.writeDefaultNamespace(NS);
      element(w, "id", id);
      element(w, "title", title);
      Instant updated = entries.stream().map(e -> instant(e.published(), now)).max(Instant::compareTo).orElse(now);
      element(w, "updated", rfc3339(updated));
      link(w, "self", self, CONTENT_TYPE.substring(0, CONTENT_TYPE.indexOf(';')));
      link(w, "alternate", alternate, "text/html");
      w.writeStartElement("author");
      element(w, "name", "Lente");
      w.writeEndElement();
      element(w, "generator", "Lente");
      for (Entry e : entries) {
        w.writeStartElement("entry");
        element(w, "id", e.id());
        element(w, "title", e.title() == null || e.title().isBlank() ? e.id() : e.title());
        element(w, "updated", rfc3339(instant(e.published(), now)));
        if (e.published() != null && instant(e.published(), null) != null) {
          element(w, "published", rfc3339(instant(e.published(), now)));
        }
        link(w, "alternate", e.link(), "text/html");
        String original = Html.httpUrl(e.original());
        if (original != null) {
          link(w, "via", original, null);
        }
        for (String a : e.authors()) {
          if (a != null && !a.isBlank()) {
            w.writeStartElement("author");
            element(w, "name", a);
            w.writeEndElement();
          }
        }
        if (e.summary() != null && !e.summary().isBlank()) {
          w.writeStartElement("summary");
          w.writeAttribute("type", "text");
          w.writeCharacters(xmlChars(e.summary()));
          w.writeEndElement();
        }
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a feed to a string: " + e.getMessage(), e);
    }
    return sw.toString();
  }

  private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(xmlChars(text));
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("href", xmlChars(href));
    if (type != null) {
      w.writeAttribute("type", type);
    }
  }

  /** The publication date as an instant, or {@code otherwise} when there is none or it is malformed. */
  static Instant instant(String published, Instant otherwise) {
    if (published == null || published.isBlank()) {
      return otherwise;
    }
    try {
      return OffsetDateTime.parse(published).toInstant();
    } catch (DateTimeParseException notOffset) {
      LocalDate d = Times.day(published);
      return d == null ? otherwise : d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  private static String rfc3339(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i);
  }

  /** {@code s} without the characters XML 1.0 does not allow. */
  static String xmlChars(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(sb::appendCodePoint);
    return sb.toString();
  }
}
