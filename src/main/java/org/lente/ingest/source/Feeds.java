package org.lente.ingest.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads feeds: RSS 2.0 and 0.9x, RSS 1.0 and 0.90 (RDF), Atom 1.0 (and 0.3's element names), and
 * JSON Feed 1.x. Parsing only: nothing is fetched, not even a DTD.
 *
 * <p>Lenient with content: gzip is recognised by its magic bytes; a feed that breaks half-way
 * gives the items before the break, and items without a usable link are skipped, each a counted
 * {@link Feed#losses loss}; dates that cannot be read are left null with a warning. Relative links are resolved
 * against {@code xml:base}, then the base URI, then (RSS) the channel's link. Thread-safe.
 */
public final class Feeds {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String ATOM_03 = "http://purl.org/atom/ns#";
  static final String RSS_10 = "http://purl.org/rss/1.0/";
  static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String SYNDICATION = "http://purl.org/rss/1.0/modules/syndication/";

  private static final Pattern EMAIL_AND_NAME = Pattern.compile("\\S+@\\S+\\s*\\((.+)\\)");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private Feeds() {}

  /**
   * Parses a feed.
   *
   * @param baseUri where the feed came from, for relative links; may be null
   * @throws SourceFormatException when the bytes are not a feed (another root element, not XML or
   *     JSON, a JSON document that is not a JSON Feed), break before anything was read, or nest
   *     elements deeper than 256 levels ("feed too deeply nested (limit 256)")
   */
  public static Feed parse(byte[] bytes, URI baseUri) throws SourceFormatException {
    List<String> warnings = new ArrayList<>();
    List<Loss> losses = new ArrayList<>();
    byte[] content = SourceBytes.gunzipIfGzip(bytes, losses);
    int first = SourceBytes.firstContent(content, content.length);
    if (first < 0) {
      throw new SourceFormatException("not a feed: the input is empty");
    }
    if (content[first] == '{') {
      return JsonFeeds.parse(content, baseUri, losses, warnings);
    }
    XMLStreamReader r = SafeXml.open(content, warnings);
    Parsed feed = new Parsed(baseUri, losses, warnings);
    String root = r.getLocalName();
    try {
      switch (root) {
        case "rss", "RDF" -> rss(r, feed);
        case "feed" -> atom(r, feed, Links.base(baseUri, SafeXml.xmlBase(r)));
        default -> throw new SourceFormatException("not a feed: the root element is <" + root + ">");
      }
    } catch (XMLStreamException e) {
      SafeXml.rejectTooDeep(e, "feed");
      if (feed.items.isEmpty() && feed.title == null) {
        throw SafeXml.error("the feed is not well-formed XML", e);
      }
      losses.add(Loss.rest(SafeXml.brokeAfter(e, feed.items.size(), "items")));
    }
    return feed.build();
  }

  /** What has been read so far, kept when the document breaks. */
  static final class Parsed {
    final URI baseUri;
    final List<Loss> losses;
    final List<String> warnings;
    final List<FeedItem> items = new ArrayList<>();
    String title;
    String link;
    Integer ttl;
    int noLink;
    String noLinkExample;
    int badDates;
    String badDateExample;

    Parsed(URI baseUri, List<Loss> losses, List<String> warnings) {
      this.baseUri = baseUri;
      this.losses = losses;
      this.warnings = warnings;
    }

    /** Adds an item, or counts it as skipped when it has no usable link. */
    void add(String url, String title, String rawDate, String summary, List<String> authors) {
      String published = FeedDates.iso(rawDate);
      if (published == null && rawDate != null && !rawDate.isBlank()) {
        if (badDates++ == 0) {
          badDateExample = rawDate.strip();
        }
      }
      if (url == null) {
        if (noLink++ == 0) {
          noLinkExample = title;
        }
        return;
      }
      items.add(new FeedItem(url, title, published, summary, authors));
    }

    Feed build() {
      if (noLink > 0) {
        losses.add(new Loss(noLink, noLink + " item(s) without a usable http(s) link skipped (first: " + noLinkExample
            + ")"));
      }
      if (badDates > 0) {
        warnings.add(badDates + " date(s) that could not be read left out (first: \"" + badDateExample + "\")");
      }
      return new Feed(title, link, ttl, items, losses, warnings);
    }
  }

  private static void rss(XMLStreamReader r, Parsed feed) throws XMLStreamException {
    String period = null;
    String frequency = null;
    while (SafeXml.nextChild(r)) {
      if (r.getLocalName().equals("channel")) {
        while (SafeXml.nextChild(r)) {
          String name = r.getLocalName();
          if (isRss(r) && name.equals("title") && feed.title == null) {
            feed.title = plain(SafeXml.text(r));
          } else if (isRss(r) && name.equals("link") && feed.link == null) {
            feed.link = Links.resolve(feed.baseUri, SafeXml.text(r));
          } else if (isRss(r) && name.equals("ttl")) {
            feed.ttl = minutes(SafeXml.text(r), feed.warnings);
          } else if (SafeXml.is(r, SYNDICATION, "updatePeriod")) {
            period = SafeXml.text(r);
          } else if (SafeXml.is(r, SYNDICATION, "updateFrequency")) {
            frequency = SafeXml.text(r);
          } else if (isRss(r) && name.equals("item")) {
            rssItem(r, feed);
          } else {
            SafeXml.skip(r);
          }
        }
      } else if (isRss(r) && r.getLocalName().equals("item")) {
        rssItem(r, feed); // RSS 1.0: items are the channel's siblings
      } else {
        SafeXml.skip(r);
      }
    }
    if (feed.ttl == null && period != null) {
      feed.ttl = syndicationMinutes(period, frequency);
    }
  }

  /** RSS 2.0 and 0.9x elements have no namespace; RSS 1.0 and 0.90 have their own. */
  private static boolean isRss(XMLStreamReader r) {
    String ns = r.getNamespaceURI();
    return ns == null || ns.isEmpty() || ns.equals(RSS_10) || ns.equals(RSS_090);
  }

  private static void rssItem(XMLStreamReader r, Parsed feed) throws XMLStreamException {
    URI base = feed.baseUri != null ? feed.baseUri : feed.link == null ? null : URI.create(feed.link);
    String about = r.getAttributeValue(RDF, "about");
    String title = null;
    String link = null;
    String guid = null;
    String atomLink = null;
    String date = null;
    String dcDate = null;
    String description = null;
    String encoded = null;
    List<String> authors = new ArrayList<>();
    while (SafeXml.nextChild(r)) {
      String name = r.getLocalName();
      if (isRss(r)) {
        switch (name) {
          case "title" -> title = title == null ? plain(SafeXml.text(r)) : skipped(r, title);
          case "link" -> link = link == null ? Links.resolve(base, SafeXml.text(r)) : skipped(r, link);
          case "guid" -> {
            boolean permalink = !"false".equalsIgnoreCase(SafeXml.attribute(r, "isPermaLink"));
            String text = SafeXml.text(r);
            if (permalink && guid == null) {
              guid = Links.resolve(null, text);
            }
          }
          case "pubDate" -> date = SafeXml.text(r);
          case "description" -> description = SafeXml.text(r);
          case "author" -> author(SafeXml.text(r), authors);
          default -> SafeXml.skip(r);
        }
      } else if (SafeXml.is(r, DC, "creator")) {
        author(SafeXml.text(r), authors);
      } else if (SafeXml.is(r, DC, "date")) {
        dcDate = SafeXml.text(r);
      } else if (SafeXml.is(r, CONTENT, "encoded")) {
        encoded = SafeXml.text(r);
      } else if (SafeXml.is(r, ATOM, "link") && atomLink == null && alternate(r)) {
        atomLink = Links.resolve(base, SafeXml.attribute(r, "href"));
        SafeXml.skip(r);
      } else {
        SafeXml.skip(r);
      }
    }
    String url = first(link, guid, atomLink, Links.resolve(base, about));
    feed.add(url, title, date != null ? date : dcDate, description != null ? description : encoded, authors);
  }

  private static void atom(XMLStreamReader r, Parsed feed, URI base) throws XMLStreamException {
    while (SafeXml.nextChild(r)) {
      String name = r.getLocalName();
      if (!isAtom(r)) {
        SafeXml.skip(r);
      } else if (name.equals("title") && feed.title == null) {
        feed.title = atomText(r);
      } else if (name.equals("link") && feed.link == null && alternate(r)) {
        feed.link = Links.resolve(Links.base(base, SafeXml.xmlBase(r)), SafeXml.attribute(r, "href"));
        SafeXml.skip(r);
      } else if (name.equals("entry")) {
        atomEntry(r, feed, Links.base(base, SafeXml.xmlBase(r)));
      } else {
        SafeXml.skip(r);
      }
    }
  }

  private static boolean isAtom(XMLStreamReader r) {
    String ns = r.getNamespaceURI();
    return ns == null || ns.isEmpty() || ns.equals(ATOM) || ns.equals(ATOM_03);
  }

  private static void atomEntry(XMLStreamReader r, Parsed feed, URI base) throws XMLStreamException {
    String title = null;
    String link = null;
    boolean linkIsHtml = false;
    String id = null;
    String published = null;
    String updated = null;
    String summary = null;
    String content = null;
    List<String> authors = new ArrayList<>();
    while (SafeXml.nextChild(r)) {
      if (!isAtom(r)) {
        SafeXml.skip(r);
        continue;
      }
      switch (r.getLocalName()) {
        case "title" -> title = title == null ? atomText(r) : skipped(r, title);
        case "link" -> {
          if (alternate(r)) {
            String type = SafeXml.attribute(r, "type");
            boolean html = type == null || type.toLowerCase(Locale.ROOT).contains("html");
            String href = Links.resolve(Links.base(base, SafeXml.xmlBase(r)), SafeXml.attribute(r, "href"));
            if (href != null && (link == null || html && !linkIsHtml)) {
              link = href;
              linkIsHtml = html;
            }
          }
          SafeXml.skip(r);
        }
        case "id" -> id = Links.resolve(null, SafeXml.text(r));
        case "published", "issued" -> published = SafeXml.text(r);
        case "updated", "modified" -> updated = SafeXml.text(r);
        case "summary" -> summary = SafeXml.text(r);
        case "content" -> content = SafeXml.text(r);
        case "author" -> {
          while (SafeXml.nextChild(r)) {
            if (r.getLocalName().equals("name")) {
              author(SafeXml.text(r), authors);
            } else {
              SafeXml.skip(r);
            }
          }
        }
        default -> SafeXml.skip(r);
      }
    }
    feed.add(first(link, id), title, published != null ? published : updated, summary != null ? summary : content,
        authors);
  }

  /** An Atom or RSS link element that points at the page itself: {@code rel} absent or {@code alternate}. */
  private static boolean alternate(XMLStreamReader r) {
    String rel = SafeXml.attribute(r, "rel");
    return rel == null || rel.isBlank() || rel.strip().equalsIgnoreCase("alternate");
  }

  /** An Atom text construct as plain text: {@code html} has its tags dropped, {@code xhtml} its markup. */
  private static String atomText(XMLStreamReader r) throws XMLStreamException {
    boolean html = "html".equalsIgnoreCase(SafeXml.attribute(r, "type"));
    String text = SafeXml.text(r);
    return plain(html ? decodeBasicEntities(TAG.matcher(text).replaceAll("")) : text);
  }

  private static String decodeBasicEntities(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
  }

  /** Whitespace collapsed; null when nothing is left. */
  static String plain(String s) {
    if (s == null) {
      return null;
    }
    String collapsed = s.replaceAll("\\s+", " ").strip();
    return collapsed.isEmpty() ? null : collapsed;
  }

  /** RSS's {@code author} is an email address with the name in parentheses; the name is what counts. */
  static void author(String raw, List<String> authors) {
    String name = plain(raw);
    if (name == null) {
      return;
    }
    Matcher m = EMAIL_AND_NAME.matcher(name);
    if (m.matches()) {
      name = m.group(1).strip();
    }
    if (!authors.contains(name)) {
      authors.add(name);
    }
  }

  private static Integer minutes(String raw, List<String> warnings) {
    try {
      int ttl = Integer.parseInt(raw.strip());
      if (ttl >= 0) {
        return ttl;
      }
    } catch (NumberFormatException e) {
      // warned below
    }
    warnings.add("ttl is not a number of minutes: \"" + raw + "\"; ignored");
    return null;
  }

  /** The syndication module's {@code updatePeriod} divided by {@code updateFrequency}, in minutes. */
  private static Integer syndicationMinutes(String period, String frequency) {
    int minutes = switch (period.strip().toLowerCase(Locale.ROOT)) {
      case "hourly" -> 60;
      case "daily" -> 1440;
      case "weekly" -> 10080;
      case "monthly" -> 43200;
      case "yearly" -> 525600;
      default -> -1;
    };
    if (minutes < 0) {
      return null;
    }
    int times = 1;
    try {
      times = frequency == null ? 1 : Math.max(1, Integer.parseInt(frequency.strip()));
    } catch (NumberFormatException e) {
      // the period alone
    }
    return minutes / times;
  }

  /** Skips a repeated element and keeps the value already read. */
  private static String skipped(XMLStreamReader r, String kept) throws XMLStreamException {
    SafeXml.skip(r);
    return kept;
  }

  @SafeVarargs
  static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
