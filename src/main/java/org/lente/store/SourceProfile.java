package org.lente.store;

import java.util.Objects;

/**
 * A site and what the knowledge base holds from it.
 *
 * <p>Also its JSON shape in the API: written as is by Jackson, components in order.
 *
 * @param site the name the site gives itself, or null
 * @param firstDay the earliest publication day (yyyy-MM-dd) of its dated articles, or null;
 *     {@code lastDay} the latest
 */
public record SourceProfile(long id, String host, String site, long articles, String firstDay, String lastDay) {

  public SourceProfile {
    Objects.requireNonNull(host, "host");
    if (id <= 0 || articles < 0) {
      throw new IllegalArgumentException("bad source: id=" + id + ", articles=" + articles);
    }
  }

  public SourceRef ref() {
    return new SourceRef(id, host, site);
  }
}
