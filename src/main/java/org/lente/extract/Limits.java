package org.lente.extract;

/**
 * Bounds on the work one HTML page may cause, so that hostile markup costs bounded time and memory.
 *
 * @param maxDepth the deepest element nesting kept; deeper markup is flattened into its ancestor
 * @param maxTags the most tags parsed; the page is cut after that many, with a warning
 */
public record Limits(int maxDepth, int maxTags) {

  /** Deep enough for any real page; 100,000 nested tags stop here. */
  public static final int DEFAULT_MAX_DEPTH = 512;
  /** Ten times the largest real news pages: a 16 MiB page of {@code <p>a</p>} is cut here. */
  public static final int DEFAULT_MAX_TAGS = 250_000;
  public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_TAGS);

  public Limits {
    if (maxDepth < 16) {
      throw new IllegalArgumentException("maxDepth must be at least 16: " + maxDepth);
    }
    if (maxTags < 100) {
      throw new IllegalArgumentException("maxTags must be at least 100: " + maxTags);
    }
  }
}
