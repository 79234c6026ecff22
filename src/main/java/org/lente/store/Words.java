package org.lente.store;

import java.util.Locale;

/**
 * Names and texts as whole lower-case words, for matching one inside another in SQL with
 * {@code instr}: {@code "Antony Blinken"} is {@code " antony blinken "}, and {@code " blinken "}
 * is found in it, but {@code " blink "} is not. Every run of characters that are neither letters
 * nor digits is one space, and the result starts and ends with a space.
 */
final class Words {

  private Words() {}

  /** The words of {@code text} between single spaces; {@code " "} when it has none. */
  static String of(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2).append(' ');
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        sb.appendCodePoint(cp);
      } else if (sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
      i += Character.charCount(cp);
    }
    if (sb.charAt(sb.length() - 1) != ' ') {
      sb.append(' ');
    }
    return sb.toString();
  }

  /**
   * The words of several names, kept apart by {@code |} so that a phrase cannot match across two of
   * them; null names are left out, and the result is null when all are.
   */
  static String ofNames(String... names) {
    StringBuilder sb = null;
    for (String name : names) {
      if (name == null) {
        continue;
      }
      sb = sb == null ? new StringBuilder() : sb.append('|');
      sb.append(of(name));
    }
    return sb == null ? null : sb.toString();
  }

  /** The words of a query, which must have at least one. */
  static String query(String what, String value) {
    String words = of(value);
    if (words.isBlank()) {
      throw new IllegalArgumentException(what + " has no words: \"" + value + "\"");
    }
    return words;
  }
}
