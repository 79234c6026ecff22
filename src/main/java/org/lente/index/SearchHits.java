package org.lente.index;

import java.util.List;
import java.util.Map;

/**
 * The result of a search.
 *
 * @param total how many articles match
 * @param hits the best {@code limit} of them, best first
 * @param facets facet field → value → count over all matching articles, values by count
 */
public record SearchHits(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {

  public SearchHits {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** One matching article; {@code snippet} has the matched words between {@code <b>} and {@code </b>}. */
  public record Hit(long id, String title, String source, String url, String published, String language,
      float score, String snippet) {}
}
