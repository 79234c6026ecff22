package org.lente.extract;

import org.jsoup.nodes.Element;

/**
 * Attribute reads for the passes that visit every element. The HTML parser lower-cases attribute
 * names (and drops duplicates), so an exact lookup of a lower-case name finds what jsoup's
 * {@code attr(key)} finds, without comparing every name case-insensitively.
 */
final class Attrs {

  private Attrs() {}

  /** The value of attribute {@code key} (lower case), or "" when it is absent or has none. */
  static String get(Element e, String key) {
    return e.attributesSize() == 0 ? "" : e.attributes().get(key);
  }

  /** True when the element has attribute {@code key} (lower case). */
  static boolean has(Element e, String key) {
    return e.attributesSize() > 0 && e.attributes().hasKey(key);
  }
}
