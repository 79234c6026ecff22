package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhrasesTest {

  @Test
  void findsAPhraseAsAWholeWordInAnyAsciiCase() {
    Phrases p = new Phrases("subscribe to|sign up (for|now)|únete", "\\b");

    assertTrue(p.find("Please SUBSCRIBE TO our newsletter"));
    assertTrue(p.find("sign up now."));
    assertFalse(p.find("resubscribe to it"));
    assertFalse(p.find("sign up forever"));
  }

  @Test
  void aLeadingGroupIsSpelledOut() {
    Phrases p = new Phrases("(posted|written)\\s+(by|da)|this (entry|post) was posted", "\\b");

    assertTrue(p.find("05/10/2018 - Written by: Jane Doe"));
    assertTrue(p.find("This post was posted in Health"));
    assertFalse(p.find("unwritten by law"));
  }

  @Test
  void aPhraseThatDoesNotStartWithALetterOrAPlainGroupIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Phrases("[ab] c", "\\b"));
    assertThrows(IllegalArgumentException.class, () -> new Phrases("(a|b)? c", "\\b"));
    assertThrows(IllegalArgumentException.class, () -> new Phrases("(?:a|b) c", "\\b"));
  }

  /** Random texts built from the phrases' own words, in all cases and next to every kind of character. */
  @Test
  void answersAsTheRegexDoesOnRandomTexts() {
    List<Phrases> all = List.of(BlockWriter.PROMO, BlockWriter.AGENCY_CREDIT, BlockWriter.META_LINE,
        new Phrases("únete|über uns|x_y|a1 b", "\\b"));
    String[] glue = {" ", "", "-", "_", "(", ")", "\n", "é", "Ú", "İ", "7", ". ", ")  ", "/"};
    Random random = new Random(42);
    for (Phrases p : all) {
      int found = 0;
      String[] words = p.pattern().pattern().replaceAll("\\\\[bsS]|[()?*.\\[\\]|+^$:\\\\]", " ").split(" +");
      for (int i = 0; i < 20_000; i++) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(8); k >= 0; k--) {
          String w = words[random.nextInt(words.length)];
          sb.append(random.nextInt(4) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w);
          sb.append(glue[random.nextInt(glue.length)]);
        }
        String text = random.nextBoolean() ? sb.toString().strip() : sb.toString();
        boolean expected = p.pattern().matcher(text).find();
        assertEquals(expected, p.find(text), () -> p.pattern() + " on \"" + text + "\"");
        found += expected ? 1 : 0;
      }
      assertTrue(found > 200, "too few texts hold a phrase to test anything: " + found);
    }
  }
}
