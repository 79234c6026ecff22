package org.lente.index;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.lente.store.StoredArticle;

/**
 * The index as seen by a process that neither writes nor searches it: the cluster's knowledge writer, whose
 * stored articles the index workers take from the store's outbox ({@code lente worker index}). Not
 * {@link #writable}, so the knowledge base leaves what it stores unindexed for them; every other method throws,
 * naming who writes the index. Closing it does nothing. Thread-safe.
 */
final class WrittenElsewhere implements SearchIndex {

  private final String by;

  WrittenElsewhere(String by) {
    this.by = Objects.requireNonNull(by, "by");
  }

  private IOException elsewhere(String what) {
    return new IOException("cannot " + what + " here: the search index is written by " + by);
  }

  @Override
  public void put(StoredArticle article) throws IOException {
    throw elsewhere("index article " + article.id());
  }

  @Override
  public void delete(long id) throws IOException {
    throw elsewhere("delete article " + id);
  }

  @Override
  public void commit() throws IOException {
    throw elsewhere("commit");
  }

  @Override
  public SearchHits search(SearchQuery query) throws IOException {
    throw elsewhere("search");
  }

  @Override
  public Map<Long, Integer> versions() throws IOException {
    throw elsewhere("list the indexed versions");
  }

  @Override
  public void clear() throws IOException {
    throw elsewhere("clear");
  }

  @Override
  public boolean writable() {
    return false;
  }

  @Override
  public void close() {
  }
}
