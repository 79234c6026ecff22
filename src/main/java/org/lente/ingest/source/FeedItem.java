package org.lente.ingest.source;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a feed.
 *
 * @param url the entry's page, an absolute http(s) URL; never null
 * @param title plain text, whitespace collapsed, or null
 * @param published ISO 8601 (see {@code FeedDates}): the publication date, else the update date,
 *     or null
 * @param summary the entry's description as the feed gives it (RSS {@code description}, Atom
 *     {@code summary} else {@code content}, JSON Feed {@code summary} else its content), often
 *     HTML, or null
 * @param authors names as written, never null
 */
public record FeedItem(String url, String title, String published, String summary, List<String> authors) {

  public FeedItem {
    Objects.requireNonNull(url, "url");
    if (!URI.create(url).isAbsolute()) {
      throw new IllegalArgumentException("feed item url is not absolute: " + url);
    }
    authors = List.copyOf(authors);
  }
}
