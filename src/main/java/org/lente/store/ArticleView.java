package org.lente.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article as its page shows it.
 *
 * @param source the site, or null when no host is known
 * @param authors the byline, in order
 * @param authorBio the author's bio the extractor found on the page, or null
 * @param entityIds the knowledge-base entity id of each canonical name the stored analysis gives
 *     (its entities' {@code canonical()} and its quotes' {@code speakerCanonical()} when it names an
 *     entity), for links to entity pages
 */
public record ArticleView(StoredArticle article, SourceRef source, List<AuthorRef> authors, String authorBio,
    Map<String, Long> entityIds) {

  public ArticleView {
    Objects.requireNonNull(article, "article");
    authors = List.copyOf(authors);
    entityIds = Map.copyOf(entityIds);
  }
}
