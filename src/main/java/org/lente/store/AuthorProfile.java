package org.lente.store;

import java.util.List;
import java.util.Objects;

/**
 * An author and what the knowledge base holds by them.
 *
 * <p>Also its JSON shape in the API: written as is by Jackson, components in order.
 *
 * @param bio the author bio extracted from the latest single-author article that has one, or null
 * @param sources the sites they write for, by number of articles (at most 20)
 */
public record AuthorProfile(long id, String name, String bio, long articles, List<SourceRef> sources) {

  public AuthorProfile {
    Objects.requireNonNull(name, "name");
    if (id <= 0 || articles < 0) {
      throw new IllegalArgumentException("bad author: id=" + id + ", articles=" + articles);
    }
    sources = List.copyOf(sources);
  }
}
