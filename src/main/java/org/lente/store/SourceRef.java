package org.lente.store;

import java.util.Objects;

/**
 * A site articles come from: its host (lower case, no "www.") and the name it gives itself (nullable).
 *
 * <p>Also its JSON shape in the API: written as is by Jackson, components in order.
 */
public record SourceRef(long id, String host, String site) {

  public SourceRef {
    Objects.requireNonNull(host, "host");
    if (id <= 0) {
      throw new IllegalArgumentException("bad source id: " + id);
    }
  }

  /** The outlet's name as a reader sees it: the site's own name, else the host; null when both are blank. */
  public String outlet() {
    if (site != null && !site.isBlank()) {
      return site.strip();
    }
    return host.isBlank() ? null : host;
  }
}
