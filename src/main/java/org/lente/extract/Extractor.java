package org.lente.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.lente.ingest.Charsets;
import org.lente.ingest.Page;

/**
 * The extraction stage: turns a {@link Page} into an {@link Article}. Decodes the bytes, tells HTML
 * from plain text and binary junk, and hands the text to {@link HtmlExtractor} or
 * {@link TextExtractor}.
 *
 * <p>Lenient with content: any input gives an article, possibly empty, with its problems listed in
 * {@link Article#warnings()} (at most {@value #MAX_WARNINGS}). Thread-safe.
 */
public final class Extractor {

  /** Warnings kept per article; further ones are counted in a last warning. */
  public static final int MAX_WARNINGS = 20;

  private static final Pattern HTML_START = Pattern.compile(
      "(?is)^\\s*(<!doctype\\s+html|<html|<head|<body|<meta|<title|<!--|<\\?xml[^>]*>\\s*<(!doctype\\s+)?html|"
          + "<(div|p|article|section|main|h1|table|span|a|script|link|style)[\\s>/])");
  private static final Pattern HTML_INSIDE = Pattern.compile(
      "(?i)<(p|div|br|body|article|h1|h2)[\\s>/]");

  private final HtmlExtractor html;
  private final TextExtractor text = new TextExtractor();

  public Extractor(Limits limits) {
    this.html = new HtmlExtractor(limits);
  }

  /** @param model decides which blocks inside an HTML article's root are article text */
  public Extractor(Limits limits, BlockModel model) {
    this.html = new HtmlExtractor(limits, model);
  }

  public Extractor() {
    this(Limits.DEFAULTS);
  }

  public Article extract(Page page) {
    List<String> warnings = new ArrayList<>(page.warnings());
    byte[] bytes = page.bytes();
    if (bytes.length == 0) {
      warnings.add("empty input");
      return empty(page, warnings);
    }
    String binary = binaryReason(bytes);
    if (binary != null) {
      warnings.add("input looks binary (" + binary + "); no article extracted");
      return empty(page, warnings);
    }
    Charsets.Decoded decoded = Charsets.decode(bytes, page.contentType());
    if (decoded.warning() != null) {
      warnings.add(decoded.warning());
    }
    String content = decoded.text();
    Article article;
    if (looksLikeHtml(content)) {
      article = html.extract(page.source(), content, page.url(), warnings);
    } else {
      article = text.extract(page.source(), content, page.url(), warnings);
    }
    return capped(dated(article, page));
  }

  /**
   * {@code article}, with a publication date when its page states none (its metadata, the date line
   * under its headline, its URL: each extractor's own): the dateline that opens its text
   * ({@code dateSource} "dateline"), else a date in the path of its URL or of the file it was read
   * from ("url" or "path").
   */
  private static Article dated(Article article, Page page) {
    if (article.published() != null) {
      return article;
    }
    String date = Dates.dateline(article.text());
    if (date != null) {
      return article.withPublished(date, "dateline");
    }
    String url = article.url() != null ? article.url() : page.url();
    date = Dates.fromPath(url);
    if (date != null) {
      return article.withPublished(date, "url");
    }
    date = page.source().equals(url) ? null : Dates.fromPath(page.source());
    return date == null ? article : article.withPublished(date, "path");
  }

  /**
   * The blocks found inside the article's root of an HTML page, before {@link BlockModel} decides on
   * them; empty for other input. For training the model.
   */
  public List<BlockModel.Candidate> candidates(Page page) {
    byte[] bytes = page.bytes();
    if (bytes.length == 0 || binaryReason(bytes) != null) {
      return List.of();
    }
    String content = Charsets.decode(bytes, page.contentType()).text();
    return looksLikeHtml(content) ? html.candidates(content, page.url()) : List.of();
  }

  static boolean looksLikeHtml(String content) {
    String head = content.length() > 2048 ? content.substring(0, 2048) : content;
    if (HTML_START.matcher(head).find()) {
      return true;
    }
    return HTML_INSIDE.matcher(head).results().limit(3).count() >= 3;
  }

  /** Why the bytes are not text (NUL bytes or many control characters in the first 8 KiB), or null. */
  static String binaryReason(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int nul = 0;
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        nul++;
      } else if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    // UTF-16 text has NULs in every other byte but starts with a BOM, which Charsets handles
    boolean utf16Bom = bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
        || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE);
    if (nul > 0 && !utf16Bom) {
      return nul + " NUL bytes in the first " + n;
    }
    if (control * 20 > n) {
      return control + " control bytes in the first " + n;
    }
    return null;
  }

  private static Article empty(Page page, List<String> warnings) {
    return Article.empty(page.source(), page.url(), cap(warnings));
  }

  private static Article capped(Article a) {
    return a.warnings().size() <= MAX_WARNINGS ? a : a.withWarnings(cap(a.warnings()));
  }

  private static List<String> cap(List<String> warnings) {
    if (warnings.size() <= MAX_WARNINGS) {
      return warnings;
    }
    List<String> out = new ArrayList<>(warnings.subList(0, MAX_WARNINGS - 1));
    out.add((warnings.size() - MAX_WARNINGS + 1) + " more warnings");
    return out;
  }
}
