package org.lente.web;

import java.util.Map;
import org.lente.store.ArticleSummary;
import org.lente.store.EntityProfile;
import org.lente.store.Page;

/**
 * What the entity page shows.
 *
 * @param chart the mentions chart
 * @param undated mentions in articles without a publication date (not in the chart)
 * @param articles the page of its articles; {@code cursor} the cursor that gave it, or null for the first
 * @param ids entity id by name, for the speakers of the quotes
 */
public record EntityPage(EntityProfile entity, SafeHtml chart, long undated, Page<ArticleSummary> articles,
    String cursor, Map<String, Long> ids) {

  public EntityPage {
    ids = Map.copyOf(ids);
  }

  /** The id of the entity named {@code name}, or null. */
  public Long id(String name) {
    return name == null ? null : ids.get(name);
  }
}
