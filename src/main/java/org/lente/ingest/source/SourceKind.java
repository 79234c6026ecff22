package org.lente.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** What kind of source some bytes are, to choose the parser. */
public enum SourceKind {
  /** RSS, Atom or JSON Feed: {@link Feeds}. */
  FEED,
  /** A sitemap index or urlset: {@link Sitemaps}. */
  SITEMAP,
  /** An OPML subscription list: {@link Opml}. */
  OPML,
  /** A web page. */
  HTML,
  /** Plain text. */
  TEXT,
  /** A web archive: {@link Warcs}. */
  WARC,
  /** None of these, or binary. */
  UNKNOWN;

  private static final int HEAD = 8192;
  private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.\\-]*:)?([A-Za-z_][\\w.\\-]*)");
  private static final Pattern JSON_FEED_VERSION =
      Pattern.compile("\"version\"\\s*:\\s*\"https:(?:\\\\?/){2}jsonfeed\\.org(?:\\\\?/)version");

  /**
   * Decides by content first (the first 8 KiB, gunzipped when gzip): the WARC magic {@code WARC/},
   * the XML root element ({@code rss}, {@code rdf:RDF}, {@code feed}, {@code urlset},
   * {@code sitemapindex}, {@code opml}, {@code html}), a JSON object with a JSON Feed
   * {@code version}, an HTML doctype; then by the content type; then by the URI's extension.
   *
   * @param contentType the HTTP header, or null
   * @param uri where the bytes came from (a URL or a {@code file:} URI), or null
   */
  public static SourceKind sniff(byte[] bytes, String contentType, URI uri) {
    byte[] head = head(bytes);
    SourceKind byContent = byContent(head);
    if (byContent != UNKNOWN) {
      return byContent;
    }
    boolean binary = binary(head);
    SourceKind byType = byContentType(contentType);
    if (byType != UNKNOWN && (!binary || byType == WARC)) {
      return byType;
    }
    SourceKind byName = byExtension(uri);
    if (byName != UNKNOWN && (!binary || byName == WARC)) {
      return byName;
    }
    return binary || head.length == 0 ? UNKNOWN : TEXT;
  }

  private static byte[] head(byte[] bytes) {
    if (!SourceBytes.isGzip(bytes)) {
      return bytes.length <= HEAD ? bytes : java.util.Arrays.copyOf(bytes, HEAD);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readNBytes(HEAD);
    } catch (IOException e) {
      return new byte[0]; // a broken gzip stream: nothing to sniff
    }
  }

  private static SourceKind byContent(byte[] head) {
    int start = SourceBytes.firstContent(head, head.length);
    if (start < 0) {
      return UNKNOWN;
    }
    String text = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
    if (text.startsWith("WARC/")) {
      return WARC;
    }
    if (text.startsWith("{")) {
      return JSON_FEED_VERSION.matcher(text).find() ? FEED : UNKNOWN;
    }
    if (!text.startsWith("<")) {
      return UNKNOWN;
    }
    int i = 0;
    while (i < text.length()) {
      int lt = text.indexOf('<', i);
      if (lt < 0) {
        return UNKNOWN;
      }
      if (text.startsWith("<?", lt)) {
        i = after(text, lt, "?>");
      } else if (text.startsWith("<!--", lt)) {
        i = after(text, lt, "-->");
      } else if (text.regionMatches(true, lt, "<!DOCTYPE", 0, 9)) {
        if (text.regionMatches(true, lt + 9, " html", 0, 5)) {
          return HTML;
        }
        int bracket = text.indexOf('[', lt);
        int close = text.indexOf('>', lt);
        i = bracket >= 0 && bracket < close ? after(text, bracket, "]>") : after(text, lt, ">");
      } else {
        Matcher m = ROOT.matcher(text);
        if (!m.find(lt) || m.start() != lt) {
          return UNKNOWN;
        }
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "rss", "rdf", "feed" -> FEED;
          case "urlset", "sitemapindex" -> SITEMAP;
          case "opml" -> OPML;
          case "html", "head", "body" -> HTML;
          default -> UNKNOWN;
        };
      }
      if (i < 0) {
        return UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  private static int after(String text, int from, String close) {
    int end = text.indexOf(close, from);
    return end < 0 ? -1 : end + close.length();
  }

  private static SourceKind byContentType(String contentType) {
    if (contentType == null) {
      return UNKNOWN;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json" -> FEED;
      case "text/x-opml", "text/x-opml+xml", "application/x-opml" -> OPML;
      case "text/html", "application/xhtml+xml" -> HTML;
      case "text/plain" -> TEXT;
      case "application/warc" -> WARC;
      default -> UNKNOWN;
    };
  }

  private static SourceKind byExtension(URI uri) {
    if (uri == null || uri.getPath() == null) {
      return UNKNOWN;
    }
    String path = uri.getPath().toLowerCase(Locale.ROOT);
    if (path.endsWith(".gz")) {
      path = path.substring(0, path.length() - 3);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "rss", "atom", "rdf" -> FEED;
      case "opml" -> OPML;
      case "html", "htm", "xhtml" -> HTML;
      case "txt" -> TEXT;
      case "warc" -> WARC;
      case "xml" -> name.contains("sitemap") ? SITEMAP : name.contains("feed") || name.contains("rss") ? FEED : UNKNOWN;
      default -> UNKNOWN;
    };
  }

  /** Control bytes other than whitespace in the head: not text. */
  private static boolean binary(byte[] head) {
    for (byte b : head) {
      if (b == 0 || (b >= 1 && b < 9) || (b > 13 && b < 32 && b != 27)) {
        return true;
      }
    }
    return false;
  }
}
