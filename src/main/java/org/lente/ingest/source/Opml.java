package org.lente.ingest.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An OPML subscription list (the format feed readers export): the feeds it names, at any depth
 * of nested outlines.
 *
 * @param title the document's {@code head/title}, or null
 * @param feeds every outline with an {@code xmlUrl}, in document order, each URL once
 * @param losses what of the document could not be read: outlines skipped, the rest after a break
 * @param warnings what was wrong with the document and repaired or ignored without losing an outline
 */
public record Opml(String title, List<Subscription> feeds, List<Loss> losses, List<String> warnings) {

  public Opml {
    feeds = List.copyOf(feeds);
    losses = List.copyOf(losses);
    warnings = List.copyOf(warnings);
  }

  /**
   * Parses an OPML document. Nothing is fetched. Outlines whose {@code xmlUrl} is not an absolute
   * http(s) URL are skipped, and a document that breaks half-way gives the feeds before the break:
   * each is one of {@link #losses}.
   *
   * @throws SourceFormatException when the root element is not {@code opml}, the bytes are not XML,
   *     or elements nest deeper than 256 levels
   */
  public static Opml parse(byte[] bytes) throws SourceFormatException {
    List<String> warnings = new ArrayList<>();
    List<Loss> losses = new ArrayList<>();
    byte[] content = SourceBytes.gunzipIfGzip(bytes, losses);
    XMLStreamReader r = SafeXml.open(content, warnings);
    if (!r.getLocalName().equals("opml")) {
      throw new SourceFormatException("not OPML: the root element is <" + r.getLocalName() + ">");
    }
    Reading reading = new Reading();
    try {
      while (SafeXml.nextChild(r)) {
        if (r.getLocalName().equals("head")) {
          while (SafeXml.nextChild(r)) {
            if (r.getLocalName().equals("title") && reading.title == null) {
              reading.title = Feeds.plain(SafeXml.text(r));
            } else {
              SafeXml.skip(r);
            }
          }
        } else if (r.getLocalName().equals("body")) {
          outlines(r, new ArrayList<>(), reading);
        } else {
          SafeXml.skip(r);
        }
      }
    } catch (XMLStreamException e) {
      SafeXml.rejectTooDeep(e, "OPML list");
      losses.add(Loss.rest(SafeXml.brokeAfter(e, reading.feeds.size(), "feeds")));
    }
    if (reading.skipped > 0) {
      losses.add(new Loss(reading.skipped, reading.skipped + " outline(s) whose xmlUrl is not an absolute http(s) URL"
          + " skipped (first: \"" + reading.skippedExample + "\")"));
    }
    return new Opml(reading.title, reading.feeds, losses, warnings);
  }

  private static final class Reading {
    final List<Subscription> feeds = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    String title;
    int skipped;
    String skippedExample;
  }

  /** The outlines inside the current element, recursively; {@code folders} is the path to it. */
  private static void outlines(XMLStreamReader r, List<String> folders, Reading reading) throws XMLStreamException {
    while (SafeXml.nextChild(r)) {
      if (!r.getLocalName().equals("outline")) {
        SafeXml.skip(r);
        continue;
      }
      String title = Feeds.plain(Feeds.first(SafeXml.attribute(r, "title"), SafeXml.attribute(r, "text")));
      String xmlUrl = SafeXml.attribute(r, "xmlUrl");
      if (xmlUrl != null) {
        String url = Links.resolve(null, xmlUrl);
        if (url == null) {
          if (reading.skipped++ == 0) {
            reading.skippedExample = xmlUrl;
          }
        } else if (reading.seen.add(url)) {
          reading.feeds.add(new Subscription(url, title, folders));
        }
      }
      List<String> inner = new ArrayList<>(folders);
      if (title != null) {
        inner.add(title);
      }
      outlines(r, inner, reading);
    }
  }
}
