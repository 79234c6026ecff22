package org.lente.story;

import java.util.List;
import java.util.Objects;

/**
 * A relation from one article to another, seen from the first.
 *
 * @param direction the related article's role: the original of this one, its copy, or unknown
 * @param score how strong the link is, in [0, 1]: estimated shingle Jaccard for near-duplicates,
 *     {@link Likeness#score} for translations, centroid cosine for same-story
 */
public record Link(long article, long related, Relation relation, Direction direction, double score,
    List<Evidence> evidence) {

  /** What the related article is to this one. */
  public enum Relation {
    TRANSLATION, NEAR_DUPLICATE, SAME_STORY;

    /** As in JSON and the store: translation, near-duplicate, same-story. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Relation parse(String label) {
      return valueOf(label.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }

  public Link {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(direction, "direction");
    evidence = List.copyOf(evidence);
    if (article == related) {
      throw new IllegalArgumentException("article " + article + " linked to itself");
    }
  }

  /**
   * Whether this article is derived from the related one: a near-duplicate or a translation of it,
   * and the related one is the original. Stored as the {@code derived_from} view of {@code lente.db}.
   */
  public boolean derivedFrom() {
    return direction == Direction.ORIGINAL && (relation == Relation.TRANSLATION || relation == Relation.NEAR_DUPLICATE);
  }

  /** The same link from the related article's side. */
  public Link flipped() {
    return new Link(related, article, relation, direction.flipped(), score,
        evidence.stream().map(Evidence::flipped).toList());
  }
}
