package org.lente.ingest.source;

import java.util.List;
import java.util.Objects;

/**
 * A parsed sitemap: either an index of other sitemaps or a set of page URLs.
 *
 * @param kind which of the two it is
 * @param sitemaps for an index, the sitemaps it lists (absolute http(s) URLs); empty for a urlset
 * @param urls for a urlset, its pages in document order; empty for an index
 * @param losses what of the document could not be read: entries skipped, the rest after a break
 * @param warnings what was wrong with the document and repaired or ignored without losing an entry
 */
public record Sitemap(Kind kind, List<String> sitemaps, List<SitemapUrl> urls, List<Loss> losses,
    List<String> warnings) {

  /** The two kinds of sitemap document. */
  public enum Kind { INDEX, URLSET }

  public Sitemap {
    Objects.requireNonNull(kind, "kind");
    sitemaps = List.copyOf(sitemaps);
    urls = List.copyOf(urls);
    losses = List.copyOf(losses);
    warnings = List.copyOf(warnings);
  }
}
