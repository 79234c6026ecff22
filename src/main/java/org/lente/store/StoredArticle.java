package org.lente.store;

import java.time.Instant;
import java.util.Objects;
import org.lente.nlp.Analysis;

/**
 * An analysed article as the knowledge base keeps it: its latest version.
 *
 * @param id the store's identifier, stable across versions
 * @param key what identifies the article across ingests: its canonical URL, else its source
 * @param contentHash SHA-256 (hex) of the article's normalized text ({@link ContentHash})
 * @param version 1 for the first text stored under {@code key}, then 2, 3 … as the text changes
 * @param storedAt when this version was stored
 */
public record StoredArticle(long id, String key, String contentHash, int version, Instant storedAt, Analysis analysis) {

  public StoredArticle {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(storedAt, "storedAt");
    Objects.requireNonNull(analysis, "analysis");
    if (id <= 0 || version <= 0) {
      throw new IllegalArgumentException("id and version start at 1: " + id + ", " + version);
    }
  }
}
