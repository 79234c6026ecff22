package org.lente.store;

import java.util.Objects;

/**
 * An author by id and name, as a byline gives it.
 *
 * <p>Also its JSON shape in the API: written as is by Jackson, components in order.
 */
public record AuthorRef(long id, String name) {

  public AuthorRef {
    Objects.requireNonNull(name, "name");
    if (id <= 0) {
      throw new IllegalArgumentException("bad author id: " + id);
    }
  }
}
