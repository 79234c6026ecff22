package org.lente.store;

/**
 * How the articles' mentions and the entity resolver's names in the store agree.
 *
 * @param unnamed mentions without a resolver name (stored before schema version 10, or put without
 *     the resolver's sightings)
 * @param mislinked mentions whose knowledge-base entity is not the one their name belongs to
 * @param unseen names no mention comes from (an updated article dropped them)
 * @param sightings the sum of the resolver's sighting counts
 * @param namedMentions mentions with a resolver name; equal to {@code sightings} when no article was
 *     updated (an update removes mentions, and the names it saw stay seen)
 */
public record ResolverCheck(long unnamed, long mislinked, long unseen, long sightings, long namedMentions) {

  public ResolverCheck {
    if (unnamed < 0 || mislinked < 0 || unseen < 0 || sightings < 0 || namedMentions < 0) {
      throw new IllegalArgumentException("negative count in " + unnamed + ", " + mislinked + ", " + unseen + ", "
          + sightings + ", " + namedMentions);
    }
  }

  /** Whether every mention with a name is linked to its name's entity. */
  public boolean consistent() {
    return mislinked == 0;
  }
}
