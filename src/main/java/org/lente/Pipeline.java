package org.lente;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.lente.extract.Article;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.nlp.Analysis;
import org.lente.nlp.Analyzer;
import org.lente.store.ContentHash;

/**
 * What every way of adding articles does to a page before the knowledge base stores it: extract the
 * article, date it, analyse it and give it its key. {@code lente ingest}, {@code lente watch}, the
 * server's submissions (API and add form) and {@code lente analyze} all go through here, so the same
 * page gives the same article and the same key whichever way it came. A pure function of the page and
 * the {@link Options}; thread-safe (extractor and analyzer are).
 *
 * <p>The article key ({@link #key}) is the one the store's de-duplication relies on: the same key
 * with a changed text is a new version of that article, and the same text under any key is a
 * duplicate ({@code ArticleStore#put}).
 */
public final class Pipeline {

  /** Why a page is skipped: it has no article text. */
  public static final String NO_TEXT = "no article text found";

  /** How the {@link Page#source()} of content submitted without a place begins ({@link #submitted}). */
  static final String SUBMITTED = "submitted ";

  /** How the key of content with neither URL nor file begins: its content hash follows. */
  static final String CONTENT_KEY = "submitted:";

  /**
   * What is done beside extraction and analysis.
   *
   * @param dates gives a publication date to an article whose page states none (the dateline, the
   *     file's path, {@code --date}); identity for none
   * @param anchor the date relative times are resolved against, or null for each article's
   *     publication date
   */
  public record Options(UnaryOperator<Article> dates, LocalDate anchor) {
    public Options {
      Objects.requireNonNull(dates, "dates");
    }

    /** No date filled in, times resolved against each article's own date: as the server adds articles. */
    public static Options defaults() {
      return new Options(UnaryOperator.identity(), null);
    }
  }

  /**
   * One page made ready for the store: its key and analysis, or why it is skipped.
   *
   * @param key the article key ({@link #key}), null when skipped
   * @param analysis the analysed article, null when skipped
   * @param skipped why the page is no article, else null
   */
  public record Prepared(String key, Analysis analysis, String skipped) {
    public Prepared {
      if ((skipped == null) == (key == null || analysis == null)) {
        throw new IllegalArgumentException("give a key and an analysis, or why the page is skipped: key=" + key
            + ", analysis=" + (analysis == null ? null : "…") + ", skipped=" + skipped);
      }
    }
  }

  private final Extractor extractor;
  private final Analyzer analyzer;
  private final Options options;

  public Pipeline(Extractor extractor, Analyzer analyzer, Options options) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The dated article of {@code page}; possibly with no text. */
  public Article extract(Page page) {
    return options.dates().apply(extractor.extract(page));
  }

  /** The analysis of {@code page}'s article, also when it has no text ({@code lente analyze}). */
  public Analysis analyse(Page page) {
    return analyzer.analyze(extract(page), options.anchor());
  }

  /** The key and analysis of {@code page}'s article; skipped when it has no text. */
  public Prepared prepare(Page page) {
    Article article = extract(page);
    if (article.text().isBlank()) {
      return new Prepared(null, null, NO_TEXT);
    }
    return new Prepared(key(page, article), analyzer.analyze(article, options.anchor()), null);
  }

  /**
   * The key an article is stored under: its URL (the page's canonical or given one, else the one it
   * was fetched from); else, for a page read from a local file, the file's absolute path as a
   * {@code file:} URI (the same whatever the working directory); else, for content with no place
   * (standard input, text or HTML pasted into the server), {@value #CONTENT_KEY} and the text's
   * {@link ContentHash}.
   */
  public static String key(Page page, Article article) {
    if (article.url() != null) {
      return article.url();
    }
    String source = page.source();
    if (!source.equals("-") && !source.startsWith(SUBMITTED)) {
      try {
        return Path.of(source).toAbsolutePath().normalize().toUri().toString();
      } catch (InvalidPathException e) { // not a path after all: keyed by its content as below
      }
    }
    return CONTENT_KEY + ContentHash.of(article.text());
  }

  /**
   * A page of content submitted with no place of its own: HTML (with the URL it came from, or null)
   * or plain text.
   *
   * @param kind what it is, for its source: "html" or "text"
   */
  public static Page submitted(String kind, String content, String contentType, String url) {
    return new Page(SUBMITTED + kind, content.getBytes(StandardCharsets.UTF_8), contentType, url, List.of());
  }
}
