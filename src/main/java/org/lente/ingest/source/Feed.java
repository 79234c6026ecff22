package org.lente.ingest.source;

import java.util.List;

/**
 * A parsed RSS, Atom or JSON Feed document.
 *
 * @param title the feed's title, or null
 * @param link the site the feed belongs to (absolute), or null
 * @param ttl how many minutes the feed may be cached (RSS {@code ttl}, or the syndication module's
 *     update period), or null when it does not say
 * @param items the entries in document order; only entries with an absolute http(s) link
 * @param warnings what was wrong with the document and how it was handled
 */
public record Feed(String title, String link, Integer ttl, List<FeedItem> items, List<String> warnings) {

  public Feed {
    if (ttl != null && ttl < 0) {
      throw new IllegalArgumentException("negative ttl: " + ttl);
    }
    items = List.copyOf(items);
    warnings = List.copyOf(warnings);
  }
}
