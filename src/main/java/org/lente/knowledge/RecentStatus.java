package org.lente.knowledge;

import java.io.IOException;
import java.util.Objects;
import org.lente.store.ArticleReader;
import org.lente.store.IngestStatus;

/**
 * The store's counts and latest article ({@link ArticleReader#status}), reused: counting takes a scan of an
 * index, so a status is counted again only when it is older than a minute, or than two seconds after
 * {@link #changed} (so that a stream of adds does not recount each time). Thread-safe.
 */
final class RecentStatus {

  /** How long a status is reused when nothing changed. */
  static final long MAX_AGE_NANOS = 60_000_000_000L;

  /** How long a status is reused after a change. */
  static final long MIN_AGE_NANOS = 2_000_000_000L;

  private final ArticleReader store;
  private IngestStatus status;
  private long countedAt;
  private boolean stale;

  RecentStatus(ArticleReader store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The status, counted now when the one held is too old. */
  synchronized IngestStatus get() throws IOException {
    long now = System.nanoTime();
    long age = now - countedAt;
    if (status == null || age > MAX_AGE_NANOS || (stale && age > MIN_AGE_NANOS)) {
      status = store.status();
      countedAt = now;
      stale = false;
    }
    return status;
  }

  /** Says that the store changed: the status held is reused for two seconds at most. */
  synchronized void changed() {
    stale = true;
  }
}
