package org.lente.extract;

/** Whitespace tests that run on every character of a page, quick for the common characters. */
final class Whitespace {

  private Whitespace() {}

  /**
   * {@link Character#isWhitespace(char)}, without its table lookup for the characters below
   * U+1680, among which only tab to carriage return, the four separators U+001C to U+001F and the
   * space are whitespace.
   */
  static boolean is(char c) {
    if (c <= ' ') {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c';
    }
    return c >= '\u1680' && Character.isWhitespace(c);
  }
}
