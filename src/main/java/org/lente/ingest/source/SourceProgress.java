package org.lente.ingest.source;

import java.util.Objects;

/**
 * A poll's progress, written by the store in the transaction of the article it came with (also for a
 * duplicate): article URL {@code url} of source {@code source} is handled, one more article is counted
 * as added when the article is new, and, for the poll's last article, the poll's state is recorded.
 * A crash therefore never leaves the source's state, its articles added or its handled URLs apart from
 * the articles stored.
 *
 * @param source the stored source's id, above zero
 * @param url the article URL as the source listed it (before redirects), not blank
 * @param polled the poll's state (its count of articles added is not used) when this is the poll's last
 *     article, else null
 */
public record SourceProgress(long source, String url, Source.State polled) {

  public SourceProgress {
    if (source <= 0) {
      throw new IllegalArgumentException("bad source id: " + source);
    }
    Objects.requireNonNull(url, "url");
    if (url.isBlank()) {
      throw new IllegalArgumentException("blank article URL of source " + source);
    }
  }
}
