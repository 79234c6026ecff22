package org.lente.nlp;

/**
 * A word or punctuation mark of a text, by its character offsets.
 *
 * @param text the characters {@code [start, end)} of the text, as they appear there: 1 to {@link #MAX_CHARS}
 */
public record Token(String text, int start, int end) {

  /**
   * The longest token: a longer run of letters and digits is no word (the longest words of the
   * languages Lente reads have under 50 letters), and {@link Tokenizer} cuts it into tokens this long.
   */
  public static final int MAX_CHARS = 100;

  public Token {
    if (text.isEmpty() || start < 0 || end - start != text.length() || text.length() > MAX_CHARS) {
      throw new IllegalArgumentException("bad token " + (text.length() > MAX_CHARS ? text.substring(0, 20) + "… ("
          + text.length() + " characters)" : text) + " at " + start + "-" + end);
    }
  }

  /** True when the token begins with an upper-case letter. */
  public boolean capitalized() {
    return Character.isUpperCase(text.codePointAt(0));
  }

  /** True when the token has no letter or digit. */
  public boolean punctuation() {
    return text.chars().noneMatch(Character::isLetterOrDigit);
  }

  /** The text lower-cased, with the typographic apostrophe as {@code '}: {@link #lowerCase(String)}. */
  public String lower() {
    return lowerCase(text);
  }

  /**
   * A word as the rules compare it: lower-cased (in {@link java.util.Locale#ROOT}), with the typographic
   * apostrophe as {@code '} ("dell’" is "dell'").
   */
  public static String lowerCase(String word) {
    return word.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
  }
}
