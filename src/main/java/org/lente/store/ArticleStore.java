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

  Optional<StoredArticle> get(long id) throws IOException;

  /** Articles whose latest version is not marked indexed, in id order, at most {@code max}. */
  List<StoredArticle> unindexed(int max) throws IOException;

  /** Records that the index holds {@code version} of article {@code id}. */
  void markIndexed(long id, int version) throws IOException;

  /** Marks every article unindexed, for a full rebuild of the index. */
  void clearIndexed() throws IOException;

  /** id → latest version, for every article: what the index must hold. */
  java.util.Map<Long, Integer> versions() throws IOException;

  /** Earlier versions of article {@code id}, oldest first (the latest is {@link #get}). */
  List<StoredArticle> history(long id) throws IOException;

  StoreStats stats() throws IOException;

  /** Quotes by a speaker and/or about an entity, in a period; newest first. */
  List<QuoteHit> quotes(QuoteQuery query) throws IOException;

  /**
   * What is known of the entity whose canonical name is {@code name} (any case), across articles
   * and languages: aliases, roles over time, mentions per day, quotes by and about it, the entities
   * it occurs with; empty when no article names it.
   */
  Optional<EntityProfile> entity(String name) throws IOException;

  @Override
  void close() throws IOException;
}
