package org.lente.store;

import java.util.Objects;

/**
 * A knowledge-base entity by id, name and type (PER, ORG, LOC, MISC), with a number of articles
 * whose meaning the method that gives it states (all its articles, those in a period, those shared
 * with another entity).
 *
 * <p>Also its JSON shape in the API: written as is by Jackson, components in order.
 */
public record EntityRef(long id, String name, String type, long articles) {

  public EntityRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (id <= 0 || articles < 0) {
      throw new IllegalArgumentException("bad entity ref: id=" + id + ", articles=" + articles);
    }
  }
}
