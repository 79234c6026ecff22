package org.lente.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The pages of the knowledge base: the reader's listings and pages (articles, entities, sources,
 * authors, quotes, trends), counts and failures. What the store answers ({@link ArticleReader}) and
 * what the web pages, the API and the CLI read ({@code knowledge.KnowledgeReader}) alike.
 * Implementations are safe for use by several threads.
 */
public interface PageQueries {

  /**
   * The name entity {@code name} goes by in articles of {@code language} (ISO 639-1), when they write
   * it otherwise ("Stati Uniti" for "United States" in Italian); else {@code name}. See {@link ArticleView#names}.
   */
  String localName(String name, String language) throws IOException;

  /** The stages that failed for stored articles and were not retried with success, by article id then stage. */
  List<ArticleFailure> failures() throws IOException;

  StoreStats stats() throws IOException;

  /** Quotes by a speaker and/or about an entity, in a period; newest first. */
  List<QuoteHit> quotes(QuoteQuery query) throws IOException;

  /**
   * What is known of the entity named {@code name} (its canonical name, any case, or a way articles
   * write it), across articles and languages; empty when no article names it.
   */
  Optional<EntityProfile> entity(String name) throws IOException;

  // ---- the reader: listings and pages (see the records for what each field holds) ----

  /**
   * A page of the articles {@code filter} lets through, newest first (publication day descending,
   * then id descending; undated articles last).
   *
   * @param cursor null for the first page, else a {@link Page#next()} of the same listing
   * @param limit 1 to 100
   * @throws IllegalArgumentException on a bad cursor or limit
   */
  Page<ArticleSummary> articles(ArticleFilter filter, String cursor, int limit) throws IOException;

  /** Article {@code id} with its source, byline, author bio and the ids of the entities it names. */
  Optional<ArticleView> articleView(long id) throws IOException;

  /** The knowledge-base entity {@code id}; empty when unknown or no longer mentioned. */
  Optional<EntityProfile> entity(long id) throws IOException;

  /** The id of the entity with this canonical name or alias (any case). */
  Optional<Long> entityId(String name) throws IOException;

  /**
   * The entities in the most articles in the {@code days} days up to the newest publication day
   * stored, with those article counts; by count, then name.
   */
  List<EntityRef> trending(int days, int limit) throws IOException;

  /** Every entity mentioned, by its number of articles (descending), then id. */
  Page<EntityRef> entities(String cursor, int limit) throws IOException;

  Optional<SourceProfile> source(long id) throws IOException;

  /** The sites with articles, by number of articles (descending), then id. */
  Page<SourceProfile> sources(String cursor, int limit) throws IOException;

  /** The id of the source with this host (with or without "www.") or site name (any case). */
  Optional<Long> sourceId(String hostOrSite) throws IOException;

  Optional<AuthorProfile> author(long id) throws IOException;

  /** The authors with articles, by number of articles (descending), then id. */
  Page<AuthorProfile> authors(String cursor, int limit) throws IOException;

  /** The id of the author with this name (any case). */
  Optional<Long> authorId(String name) throws IOException;

  /** Counts and the time of the latest article stored. */
  IngestStatus status() throws IOException;

  /** The summaries of articles {@code ids}, in that order; ids not stored are left out. At most 1,000 ids. */
  List<ArticleSummary> summaries(List<Long> ids) throws IOException;
}
