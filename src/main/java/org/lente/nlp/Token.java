package org.lente.nlp;

/**
 * A word or punctuation mark of a text, by its character offsets.
 *
 * @param text the characters {@code [start, end)} of the text, as they appear there
 */
public record Token(String text, int start, int end) {

  public Token {
    if (text.isEmpty() || start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException("bad token " + text + " at " + start + "-" + end);
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

  /** The text lower-cased, with the typographic apostrophe as {@code '}. */
  public String lower() {
    return text.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
  }
}
