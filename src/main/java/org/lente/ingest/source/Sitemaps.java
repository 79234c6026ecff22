package org.lente.ingest.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads sitemaps (https://www.sitemaps.org/protocol.html): an XML {@code sitemapindex}, an XML
 * {@code urlset} with the Google News extension, or a plain-text sitemap (one URL a line),
 * gzip-compressed or not (recognised by its magic bytes). Parsing only: nothing is fetched.
 *
 * <p>A sitemap that breaks half-way gives the entries before the break; entries whose location is
 * not an http(s) URL are skipped: each is one of {@link Sitemap#losses}. Thread-safe.
 */
public final class Sitemaps {

  static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

  private Sitemaps() {}

  /**
   * Parses a sitemap.
   *
   * @param baseUri where it came from, to resolve relative locations (the protocol forbids them,
   *     some sites use them); may be null
   * @throws SourceFormatException when the bytes are neither kind of sitemap, break before the
   *     root element, or nest elements deeper than 256 levels
   */
  public static Sitemap parse(byte[] bytes, URI baseUri) throws SourceFormatException {
    List<String> warnings = new ArrayList<>();
    List<Loss> losses = new ArrayList<>();
    byte[] content = SourceBytes.gunzipIfGzip(bytes, losses);
    int first = SourceBytes.firstContent(content, content.length);
    if (first < 0) {
      throw new SourceFormatException("not a sitemap: the input is empty");
    }
    if (content[first] != '<') {
      return text(content, baseUri, losses, warnings);
    }
    XMLStreamReader r = SafeXml.open(content, warnings);
    String root = r.getLocalName();
    if (!root.equals("urlset") && !root.equals("sitemapindex")) {
      throw new SourceFormatException("not a sitemap: the root element is <" + root + ">");
    }
    boolean index = root.equals("sitemapindex");
    List<String> sitemaps = new ArrayList<>();
    List<SitemapUrl> urls = new ArrayList<>();
    int skipped = 0;
    String skippedExample = null;
    try {
      while (SafeXml.nextChild(r)) {
        String name = r.getLocalName();
        if (!name.equals("url") && !name.equals("sitemap")) {
          SafeXml.skip(r);
          continue;
        }
        String loc = null;
        String lastmod = null;
        String published = null;
        String title = null;
        while (SafeXml.nextChild(r)) {
          if (SafeXml.is(r, NEWS, "news")) {
            while (SafeXml.nextChild(r)) {
              switch (r.getLocalName()) {
                case "publication_date" -> published = SafeXml.text(r);
                case "title" -> title = Feeds.plain(SafeXml.text(r));
                default -> SafeXml.skip(r);
              }
            }
          } else if (r.getLocalName().equals("loc") && !SafeXml.is(r, NEWS, "loc")) {
            loc = SafeXml.text(r);
          } else if (r.getLocalName().equals("lastmod")) {
            lastmod = SafeXml.text(r);
          } else {
            SafeXml.skip(r);
          }
        }
        String url = Links.resolve(baseUri, loc);
        if (url == null) {
          if (skipped++ == 0) {
            skippedExample = loc;
          }
        } else if (index) {
          sitemaps.add(url);
        } else {
          urls.add(new SitemapUrl(url, FeedDates.iso(lastmod), FeedDates.iso(published), title));
        }
      }
    } catch (XMLStreamException e) {
      SafeXml.rejectTooDeep(e, "sitemap");
      losses.add(Loss.rest(SafeXml.brokeAfter(e, sitemaps.size() + urls.size(), "entries")));
    }
    if (skipped > 0) {
      losses.add(new Loss(skipped, skipped + " entr(ies) without a usable http(s) location skipped (first: \""
          + skippedExample + "\")"));
    }
    return new Sitemap(index ? Sitemap.Kind.INDEX : Sitemap.Kind.URLSET, sitemaps, urls, losses, warnings);
  }

  /** A text sitemap: one URL a line; lines that are not URLs are skipped, a loss. */
  private static Sitemap text(byte[] content, URI baseUri, List<Loss> losses, List<String> warnings)
      throws SourceFormatException {
    List<SitemapUrl> urls = new ArrayList<>();
    int skipped = 0;
    String example = null;
    for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n|\r")) {
      String s = line.strip();
      if (s.isEmpty()) {
        continue;
      }
      String url = s.startsWith("http://") || s.startsWith("https://") ? Links.resolve(baseUri, s) : null;
      if (url == null) {
        if (skipped++ == 0) {
          example = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        }
      } else {
        urls.add(new SitemapUrl(url, null, null, null));
      }
    }
    if (urls.isEmpty()) {
      throw new SourceFormatException("not a sitemap: neither XML nor lines of URLs (first line: \"" + example + "\")");
    }
    if (skipped > 0) {
      losses.add(new Loss(skipped, skipped + " line(s) that are not http(s) URLs skipped (first: \"" + example + "\")"));
    }
    return new Sitemap(Sitemap.Kind.URLSET, List.of(), urls, losses, warnings);
  }
}
