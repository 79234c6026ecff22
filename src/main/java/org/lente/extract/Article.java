package org.lente.extract;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What extraction makes of one page: its metadata and its body as {@link Block}s.
 *
 * <p>Strings are null when the page does not give them; lists are empty, never null. Dates are
 * ISO-8601: a date ({@code 2024-06-19}), or a date-time with its offset when the page gives one.
 *
 * @param source the input path or URL
 * @param url the URL the article is known by (and stored under): the canonical URL the page
 *     declares when it is on the site the page was fetched from (same host or registrable domain),
 *     or when the page's own URL is unknown; else the URL the page was fetched from. A page cannot
 *     claim another outlet's article.
 * @param dateSource where {@code published} was found: json-ld, meta, time-element, url or text (a date
 *     line under the headline) from the page itself; else dateline (the dateline that opens the text),
 *     url or path (the page's URL or the file's path), found by {@link Extractor}; or option when the
 *     user's {@code --date} filled it in; null when there is no date
 * @param language ISO 639-1 code
 * @param warnings what was wrong with the input and how it was handled; capped in length
 * @param declaredUrl the canonical URL the page declares (JSON-LD, canonical link, {@code og:url}),
 *     whatever its site; null when it declares none
 */
public record Article(
    String source,
    String url,
    String title,
    String subtitle,
    List<String> authors,
    String site,
    String section,
    List<String> tags,
    String published,
    String modified,
    String dateSource,
    String language,
    List<Block> blocks,
    String authorBio,
    List<String> warnings,
    String declaredUrl) {

  public Article {
    Objects.requireNonNull(source, "source");
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
    blocks = List.copyOf(blocks);
    warnings = List.copyOf(warnings);
  }

  /** An article whose page declares no URL of its own (plain text, or made in code). */
  public Article(String source, String url, String title, String subtitle, List<String> authors, String site,
      String section, List<String> tags, String published, String modified, String dateSource, String language,
      List<Block> blocks, String authorBio, List<String> warnings) {
    this(source, url, title, subtitle, authors, site, section, tags, published, modified, dateSource, language,
        blocks, authorBio, warnings, null);
  }

  /** An article with nothing found: for empty, binary or unreadable inputs. */
  public static Article empty(String source, String url, List<String> warnings) {
    return new Article(source, url, null, null, List.of(), null, null, List.of(), null, null, null, null,
        List.of(), null, warnings);
  }

  public Article withWarnings(List<String> newWarnings) {
    return new Article(source, url, title, subtitle, authors, site, section, tags, published, modified,
        dateSource, language, blocks, authorBio, newWarnings, declaredUrl);
  }

  /** This article with {@code newPublished} as its publication date, found in {@code newDateSource}. */
  public Article withPublished(String newPublished, String newDateSource) {
    return new Article(source, url, title, subtitle, authors, site, section, tags, newPublished, modified,
        newDateSource, language, blocks, authorBio, warnings, declaredUrl);
  }

  /**
   * The calendar day the article was published: the date {@code published} starts with
   * ({@code yyyy-MM-dd}, the offset of a date-time not applied); null when there is no date or it is
   * not ISO-8601. Listings, quotes, charts and the index all date an article by this day.
   */
  public LocalDate publishedDay() {
    return day(published);
  }

  /**
   * The calendar day an ISO-8601 date, date-time or TIMEX3 value starts with ({@code yyyy-MM-dd}, any
   * offset not applied); null for null or a value that does not start with a day. The one rule behind
   * {@link #publishedDay()}, for dates held apart from an article (a listing's, a chart's).
   */
  public static LocalDate day(String iso) {
    if (iso == null) {
      return null;
    }
    String p = iso.strip();
    if (p.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(p.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The outlet the article comes from, as a reader names it: the site's own name, else the host of its
   * URL (else of its source, when that is a web address) in lower case without "www."; null when
   * neither is known, as for a local file, whose path is never shown as an outlet.
   */
  public String outlet() {
    if (site != null && !site.isBlank()) {
      return site.strip();
    }
    String host = host(url);
    return host != null ? host : host(source);
  }

  /** The host of an http(s) URL, lower case and without "www."; null for anything else. */
  public static String host(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
      return null;
    }
    try {
      String host = URI.create(u).getHost();
      if (host == null || host.isEmpty()) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null; // not a valid URI: no host rather than an error
    }
  }

  /** About how long a title made from the body's first line may be, in characters. */
  static final int MADE_TITLE_CHARS = 80;

  /**
   * The title to show a reader: the title; else, for an untitled article, the first line of its body
   * cut at a word after about {@value #MADE_TITLE_CHARS} characters; else the name of the file or
   * URL it came from, without folders or extension, dashes and underscores as spaces. Never a path
   * or an address; null when none of these has a letter or digit.
   */
  public String displayTitle() {
    if (title != null && !title.isBlank()) {
      return title.strip();
    }
    String line = text().strip().lines().findFirst().orElse("").strip();
    if (line.chars().anyMatch(Character::isLetterOrDigit)) {
      return cut(line);
    }
    String name = source.replaceFirst("[?#].*$", "").replaceFirst("[/\\\\]+$", "");
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
        .replaceFirst("(\\.[A-Za-z0-9]{1,5}){1,2}$", "").replaceAll("[-_+.\\s]+", " ").strip();
    if (name.chars().noneMatch(Character::isLetterOrDigit)) {
      return null;
    }
    return cut(Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }

  private static String cut(String line) {
    if (line.length() <= MADE_TITLE_CHARS) {
      return line;
    }
    int space = line.lastIndexOf(' ', MADE_TITLE_CHARS);
    return line.substring(0, space > MADE_TITLE_CHARS / 2 ? space : MADE_TITLE_CHARS).strip() + " …";
  }

  /** The body as plain text: body blocks in order, separated by a blank line. */
  public String text() {
    return bodyText(blocks);
  }

  /** The text of the body blocks among {@code blocks}, separated by a blank line; empty when none. */
  static String bodyText(List<Block> blocks) {
    return blocks.stream()
        .filter(b -> b.type().countsAsBody())
        .map(Block::text)
        .collect(Collectors.joining("\n\n"));
  }

  /** The text of the bio blocks among {@code blocks}, separated by a blank line; null when none. */
  static String bioText(List<Block> blocks) {
    String bio = blocks.stream()
        .filter(b -> b.type() == Block.Type.BIO)
        .map(Block::text)
        .collect(Collectors.joining("\n\n"));
    return bio.isEmpty() ? null : bio;
  }
}
