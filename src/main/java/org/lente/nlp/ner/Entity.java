package org.lente.nlp.ner;

import java.util.Objects;

/**
 * A named entity mentioned in a text.
 *
 * @param text the mention as written, {@code [start, end)} of the analysed text
 * @param canonical the fullest name the text gives this entity ("Vladimir Putin" for "Putin");
 *     the mention itself when there is none longer
 * @param role the title or function the text gives the entity ("ministro della Difesa"), or null
 */
public record Entity(String text, Type type, int start, int end, String canonical, String role) {

  /**
   * The longest mention {@link Entities} reports: a longer run of words is no name. Not checked here,
   * so that analyses stored before the bound still read back; story terms leave longer names out.
   */
  public static final int MAX_CHARS = 200;

  /** Entity types, as in CoNLL: person, organisation, location, other names. */
  public enum Type { PER, ORG, LOC, MISC }

  public Entity {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(canonical, "canonical");
    if (start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException("bad entity span " + start + "-" + end + " for " + text);
    }
  }

  public Entity withCanonical(String name, String newRole) {
    return new Entity(text, type, start, end, name, newRole);
  }
}
