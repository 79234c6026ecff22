package org.lente.ingest.source;

import java.util.Objects;

/**
 * One page of a sitemap.
 *
 * @param url an absolute http(s) URL; never null
 * @param lastModified {@code lastmod} as ISO 8601, or null
 * @param publicationDate Google News' {@code news:publication_date} as ISO 8601, or null
 * @param title Google News' {@code news:title}, or null
 */
public record SitemapUrl(String url, String lastModified, String publicationDate, String title) {

  public SitemapUrl {
    Objects.requireNonNull(url, "url");
  }
}
