package org.lente.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lente.store.SourceRef;

/**
 * The names the reader shows for where articles come from. An article read from a local file has no
 * web address, so no source: the store gives it none, and a story lists its name as an empty string.
 * The reader then shows nothing rather than an empty link or an empty name: a file's folder says
 * nothing a reader can follow, and it would publish the server's paths.
 */
public final class Sources {

  private Sources() {
  }

  /** The site's name, else its host; null when both are blank (then show no link). */
  public static String name(SourceRef source) {
    return source == null ? null : source.outlet();
  }

  /** {@code names} without the blank ones (sources of local files) and repeats, in their order. */
  public static List<String> names(List<String> names) {
    Set<String> kept = new LinkedHashSet<>();
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        kept.add(n.strip());
      }
    }
    return List.copyOf(kept);
  }
}
