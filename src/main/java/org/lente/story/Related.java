package org.lente.story;

import java.util.Objects;
import org.lente.store.ArticleSummary;

/**
 * An article related to another one, as the reader shows it: the link and the related article.
 *
 * @param article the related article's summary, or null when it is no longer stored
 */
public record Related(Link link, ArticleSummary article) {

  public Related {
    Objects.requireNonNull(link, "link");
    if (article != null && article.id() != link.related()) {
      throw new IllegalArgumentException("summary of article " + article.id() + " given for link to " + link.related());
    }
  }
}
