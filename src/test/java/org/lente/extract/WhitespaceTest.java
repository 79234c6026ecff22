package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WhitespaceTest {

  @Test
  void agreesWithCharacterIsWhitespaceOnEveryChar() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      assertEquals(Character.isWhitespace((char) c), Whitespace.is((char) c), "U+" + Integer.toHexString(c));
    }
  }
}
