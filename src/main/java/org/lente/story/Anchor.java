package org.lente.story;

import java.util.Objects;

/**
 * A piece of an article that survives translation: a name, a number, a quote's speaker or a date,
 * compared in a language-independent form.
 *
 * @param value the compared form, 1 to {@link #MAX_CHARS} characters: a name word without accents in lower case ("korea"), a number in
 *     plain decimal form ("4.6", "44000"), a speaker's name words, a TIMEX3 date ("2005-06-13")
 * @param start offset of the anchor's text in the article's text
 * @param sentence index of the sentence it lies in, or -1 when it lies in none
 * @param term the kind and value: what two anchors must share to match ({@code "n:korea"}, {@code "#:4.6"}). A word of a
 *     resolved name ({@code n:}) does not match the same word found by its capital letter ({@code k:}): resolved names
 *     are written the same way in every language the knowledge base resolves, capitalised words are not. Made once,
 *     with the anchor: lineage looks anchors up by their terms many times for each article it compares
 */
public record Anchor(Kind kind, String value, int start, int sentence, String term) {

  /**
   * The longest value: a longer word or number is no name and no figure of the news, and story
   * terms and centroids, stored as JSON, stay small ({@link Signature} leaves longer ones out).
   */
  public static final int MAX_CHARS = 100;

  /** What the anchor is. */
  public enum Kind {
    /**
     * A word of an entity's name (languages with an entity model), or a capitalised word that is a word
     * of one of the article's entity names.
     */
    NAME,
    /** A capitalised word that does not open a sentence, or a word in capitals: a name by its shape, any language. */
    CAPITAL,
    NUMBER,
    /** A quote's speaker. */
    QUOTE,
    DATE
  }

  /** An anchor of this kind and value, its {@link #term} made of them. */
  public Anchor(Kind kind, String value, int start, int sentence) {
    this(kind, value, start, sentence, kind == null || value == null ? null : prefix(kind) + value);
  }

  public Anchor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > MAX_CHARS || start < 0 || sentence < -1) {
      String shown = value.length() > MAX_CHARS ? value.substring(0, 20) + "… (" + value.length() + " characters)" : value;
      throw new IllegalArgumentException("bad anchor " + kind + " '" + shown + "' at " + start + " in sentence " + sentence);
    }
    String prefix = prefix(kind);
    if (term == null || term.length() != prefix.length() + value.length() || !term.startsWith(prefix)
        || !term.startsWith(value, prefix.length())) {
      throw new IllegalArgumentException("the term of anchor " + kind + " '" + value + "' is " + prefix + value + ", not "
          + term);
    }
  }

  /** What a term starts with: its kind's letter and a colon. */
  private static String prefix(Kind kind) {
    return switch (kind) {
      case NAME -> "n:";
      case CAPITAL -> "k:";
      case NUMBER -> "#:";
      case QUOTE -> "q:";
      case DATE -> "d:";
    };
  }
}
