package org.lente.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.lente.nlp.Analysis;

/**
 * Where the knowledge base keeps articles and what was found in them: the source of truth. The
 * embedded implementation is {@link SqliteStore} (one SQLite file, WAL); a clustered one
 * (PostgreSQL) implements the same contract.
 *
 * <p>Contract: {@link #put} is atomic and durable when it returns (a crash after it returns loses
 * nothing); idempotent by key and by content (see {@link Put.Outcome}); and versions are kept.
 * Implementations are safe for use by several threads.
 */
public interface ArticleStore extends AutoCloseable {

  /** What {@link #put} did. */
  record Put(Outcome outcome, long id, int version) {
    public enum Outcome {
      /** A new article. */
      STORED,
      /** A known key with a changed text: a new version, the old one kept. */
      UPDATED,
      /** The same key with the same text, or the same text under another key: nothing stored. */
      DUPLICATE
    }
  }

  /** Stores {@code analysis} under {@code key} (canonical URL, else source), unless already there. */
  Put put(String key, Analysis analysis) throws IOException;

  /**
   * As {@link #put(String, Analysis)}, and in the same transaction the entity resolver's state
   * follows: {@code sightings} (one per entity of the analysis, in order, null for one without a
   * name; or empty) are recorded, each mention keeping its name, and the names {@code moved}
   * (normalised name → new entity name) move to their new entity with their earlier mentions.
   * Nothing is written for a duplicate.
   *
   * @throws IllegalArgumentException when {@code sightings} is neither empty nor one per entity
   */
  Put put(String key, Analysis analysis, List<NameSighting> sightings, java.util.Map<String, String> moved)
      throws IOException;

  /** The entity resolver's state: every sighting recorded by {@link #put} and {@link #importNames}. */
  List<NameSighting> nameSightings() throws IOException;

  /** Every resolver name (normalised, with its namespace) with the name of its entity now. */
  java.util.Map<String, String> nameEntities() throws IOException;

  /** Moves resolver names to other entities, with their mentions, in one transaction (see {@link #put}). */
  void moveNames(java.util.Map<String, String> moved) throws IOException;

  /**
   * Adds resolver names with their sightings in one transaction, each belonging to the entity named
   * in {@code entities} (else to its written form): an older state brought in.
   */
  void importNames(List<NameSighting> sightings, java.util.Map<String, String> entities) throws IOException;

  /** How the articles' mentions and the resolver's names agree. */
  ResolverCheck checkNames() throws IOException;

  /**
   * The name entity {@code name} goes by in articles of {@code language} (ISO 639-1), when they write
   * it otherwise ("Stati Uniti" for "United States" in Italian); else {@code name}. See {@link ArticleView#names}.
   */
  String localName(String name, String language) throws IOException;

  Optional<StoredArticle> get(long id) throws IOException;

  /** Articles whose latest version is not marked indexed, in id order, at most {@code max}. */
  default List<StoredArticle> unindexed(int max) throws IOException {
    return unindexed(0, max);
  }

  /** As {@link #unindexed(int)}, among the articles with an id above {@code after}. */
  List<StoredArticle> unindexed(long after, int max) throws IOException;

  /** Records that the index holds {@code version} of article {@code id}. */
  void markIndexed(long id, int version) throws IOException;

  /** Marks every article unindexed, for a full rebuild of the index. */
  void clearIndexed() throws IOException;

  /** Records that a stage failed for a stored article, replacing an earlier failure of that stage. */
  void markFailed(ArticleFailure failure) throws IOException;

  /** Forgets the failures of {@code stages} for article {@code id}: a retry succeeded, or a new version came. */
  void clearFailed(long id, ArticleFailure.Stage... stages) throws IOException;

  /** The stages that failed for stored articles and were not retried with success, by article id then stage. */
  List<ArticleFailure> failures() throws IOException;

  /** id → latest version, for every article: what the index must hold. */
  java.util.Map<Long, Integer> versions() throws IOException;

  /** Earlier versions of article {@code id}, oldest first (the latest is {@link #get}). */
  List<StoredArticle> history(long id) throws IOException;

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

  @Override
  void close() throws IOException;
}
