package org.lente.story;

/** Which of two linked articles came first, from the related article's side. */
public enum Direction {
  /** The related article is the original; the article the link starts from derives from it. */
  ORIGINAL,
  /** The related article is a copy or translation of the article the link starts from. */
  COPY,
  /** The evidence does not say. */
  UNKNOWN;

  /** The same link seen from the other article. */
  public Direction flipped() {
    return switch (this) {
      case ORIGINAL -> COPY;
      case COPY -> ORIGINAL;
      case UNKNOWN -> UNKNOWN;
    };
  }

  /** Lower-case name, as in JSON and the store. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
