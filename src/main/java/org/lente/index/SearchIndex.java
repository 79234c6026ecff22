package org.lente.index;

import java.io.IOException;
import java.util.Map;
import org.lente.store.StoredArticle;

/**
 * The full-text index over the stored articles: derived data, rebuilt from the
 * {@link org.lente.store.ArticleStore} whenever it is lost or out of step. The embedded
 * implementation is {@link LuceneIndex}; a clustered one (OpenSearch) implements the same contract.
 *
 * <p>Contract: {@link #put} replaces any earlier version of the same article id; changes are
 * visible to {@link #search} and durable after {@link #commit}. Safe for use by several threads.
 */
public interface SearchIndex extends AutoCloseable {

  /** Adds or replaces the article (by id). */
  void put(StoredArticle article) throws IOException;

  void delete(long id) throws IOException;

  /** Makes every change so far durable and searchable. */
  void commit() throws IOException;

  SearchHits search(SearchQuery query) throws IOException;

  /** id → version of every article in the index, to compare with the store. */
  Map<Long, Integer> versions() throws IOException;

  /** Removes everything. */
  void clear() throws IOException;

  /** False for an index opened for reading only, whose writing methods throw; another process writes it. */
  default boolean writable() {
    return true;
  }

  /**
   * The index of a process that leaves it to others, {@code by} (say, "lente worker index"): not
   * {@link #writable}, and every method but {@link #close} throws an IOException naming them.
   */
  static SearchIndex writtenElsewhere(String by) {
    return new WrittenElsewhere(by);
  }

  @Override
  void close() throws IOException;
}
