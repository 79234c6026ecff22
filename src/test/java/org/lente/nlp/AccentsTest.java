package org.lente.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccentsTest {

  @Test
  void accentedLettersLoseTheirMarks() {
    assertEquals("Citta, perche, Muller, Francois", Accents.strip("Città, perché, Müller, François"));
  }

  @Test
  void caseIsKept() {
    assertEquals("ETA Eta", Accents.strip("ÉTÀ Età"));
  }

  @Test
  void compatibilityFormsAreDecomposed() {
    assertEquals("fine 2", Accents.strip("ﬁne ²"));
  }

  @Test
  void asciiTextIsReturnedAsItIs() {
    String text = "Vladimir Putin, 2026";
    assertSame(text, Accents.strip(text));
  }

  @Test
  void asciiIsDecidedByEveryCharacter() {
    assertTrue(Accents.isAscii("Roma 1-0 Lazio"));
    assertFalse(Accents.isAscii("Roma – Lazio"));
    assertTrue(Accents.isAscii(""));
  }
}
