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
 * @param losses what of the document could not be read: entries skipped, the rest after a break
 * @param warnings what was wrong with the document and repaired or ignored without losing an entry
 */
public record Feed(String title, String link, Integer ttl, List<FeedItem> items, List<Loss> losses,
    List<String> warnings) {

  public Feed {
    if (ttl != null && ttl < 0) {
      throw new IllegalArgumentException("negative ttl: " + ttl);
    }
    items = List.copyOf(items);
    losses = List.copyOf(losses);
    warnings = List.copyOf(warnings);
  }
}
