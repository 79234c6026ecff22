package org.lente.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the page's items, in the listing's order
 * @param next the opaque cursor of the following page (URL-safe), or null on the last page
 */
public record Page<T>(List<T> items, String next) {

  public Page {
    items = List.copyOf(items);
    if (next != null && next.isBlank()) {
      throw new IllegalArgumentException("blank cursor");
    }
  }
}
