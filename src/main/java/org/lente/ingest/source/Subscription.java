package org.lente.ingest.source;

import java.util.List;
import java.util.Objects;

/**
 * A feed listed in an OPML subscription list.
 *
 * @param url the feed's {@code xmlUrl}, an absolute http(s) URL; never null
 * @param title the outline's {@code title}, else its {@code text}, or null
 * @param folders the titles of the outlines it is nested in, outermost first; never null
 */
public record Subscription(String url, String title, List<String> folders) {

  public Subscription {
    Objects.requireNonNull(url, "url");
    folders = List.copyOf(folders);
  }
}
