package org.lente.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a search: one page of hits.
 *
 * @param total how many articles match (all pages together)
 * @param hits the page, at most {@code limit} hits, best first
 * @param facets facet field → value → count over all matching articles, fields in the order given (the order
 *     asked for), values by count
 * @param next the opaque cursor of the following page (URL-safe), for {@link SearchQuery#withCursor};
 *     null on the last page
 */
public record SearchHits(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, String next) {

  public SearchHits {
    hits = List.copyOf(hits);
    facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets)); // Map.copyOf would lose the order
    if (next != null && next.isBlank()) {
      throw new IllegalArgumentException("blank cursor");
    }
  }

  /**
   * One matching article; {@code snippet} has the matched words between {@code <b>} and {@code </b>}. Also the
   * JSON shape of a hit, written as is by Jackson for {@code lente search --json} and {@code GET /api/v1/search}.
   */
  public record Hit(long id, String title, String source, String url, String published, String language,
      float score, String snippet) {}
}
