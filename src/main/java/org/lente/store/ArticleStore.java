package org.lente.store;

import java.io.IOException;
import java.util.List;
import org.lente.ingest.source.SourceProgress;
import org.lente.nlp.Analysis;

/**
 * Where the knowledge base keeps articles and what was found in them: the source of truth. The
 * embedded implementation is {@link SqliteStore} (one SQLite file, WAL); the cluster's is
 * {@link PostgresArticleStore}; both run the same SQL ({@link SqlArticleStore}).
 *
 * <p>Contract: {@link #put} is atomic and durable when it returns (a crash after it returns loses
 * nothing); idempotent by key and by content (see {@link Put.Outcome}); and versions are kept.
 * Implementations are safe for use by several threads. What it answers is in {@link ArticleReader};
 * this interface adds the writes.
 */
public interface ArticleStore extends ArticleReader, AutoCloseable {

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
   * Nothing of them is written for a duplicate. A polled source's {@code progress} (or null) is written
   * in the same transaction, also for a duplicate ({@link SourceProgress}).
   *
   * @throws IllegalArgumentException when {@code sightings} is neither empty nor one per entity
   */
  Put put(String key, Analysis analysis, List<NameSighting> sightings, java.util.Map<String, String> moved,
      SourceProgress progress) throws IOException;

  /**
   * Computes ahead, on any thread, what {@link #put} will need of {@code analysis}'s text alone (its content hash),
   * for the next put of an article with that text to take instead of computing it, and notes that a put of
   * {@code key} is expected (while writes are held, {@link #holdWrites}, its first lookup may be read with an earlier
   * put's); what {@code put} stores is the same either way. Nothing by default.
   */
  default void prepare(String key, Analysis analysis) {
  }

  /**
   * From now on the rows found in each new article ({@link #put} storing it for the first time: its mentions, quotes,
   * times, its entities by day) and what it adds to the aggregate tables and to the resolver's sightings (its names
   * themselves are written: their ids are needed) are held in memory, not written, until
   * {@link #writeHeld}, which writes those of all the articles held in one statement per table, their counts summed:
   * for a caller that puts a batch of articles in one transaction of its own and calls {@code writeHeld} before it ends
   * (the cluster's writer). A put that reads such rows (an article stored again, names moved) writes the held ones
   * first; {@link #dropHeld} drops them (the transaction rolled back). The store's reads do not see held rows: for the
   * one writer of a store that reads nothing else meanwhile.
   */
  void holdWrites();

  /** Writes the rows held ({@link #holdWrites}), if any, in one transaction (or the caller's, which it joins). */
  void writeHeld() throws IOException;

  /** Drops the rows held ({@link #holdWrites}) unwritten: the transaction they were meant for rolled back. */
  void dropHeld();

  /** Moves resolver names to other entities, with their mentions, in one transaction (see {@link #put}). */
  void moveNames(java.util.Map<String, String> moved) throws IOException;

  /**
   * Adds resolver names with their sightings in one transaction, each belonging to the entity named
   * in {@code entities} (else to its written form): an older state brought in.
   */
  void importNames(List<NameSighting> sightings, java.util.Map<String, String> entities) throws IOException;

  /** Records that the index holds {@code version} of article {@code id}. */
  void markIndexed(long id, int version) throws IOException;

  /** Marks every article unindexed, for a full rebuild of the index. */
  void clearIndexed() throws IOException;

  /** Records that a stage failed for a stored article, replacing an earlier failure of that stage. */
  void markFailed(ArticleFailure failure) throws IOException;

  /** Forgets the failures of {@code stages} for article {@code id}: a retry succeeded, or a new version came. */
  void clearFailed(long id, ArticleFailure.Stage... stages) throws IOException;

  @Override
  void close() throws IOException;
}
