package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LikenessTest {

  @Test
  void aTranslationIsCloserThanAnotherArticleInTheSameLanguage() {
    Signature it = Signature.of(Fixtures.italian(null));
    Likeness translation = Likeness.of(it, Signature.of(Fixtures.english(null)), Likeness.Weights.UNIFORM);
    Likeness other = Likeness.of(it, Signature.of(Fixtures.otherItalian()), Likeness.Weights.UNIFORM);
    assertTrue(translation.score() > 0.6, "translation " + translation.score());
    assertTrue(other.score() < 0.2, "other " + other.score());
  }

  @Test
  void sharedAnchorsInTheSameOrderAreAligned() {
    Signature it = Signature.of(Fixtures.italian(null));
    Signature en = Signature.of(Fixtures.english(null));
    Likeness l = Likeness.of(it, en, Likeness.Weights.UNIFORM);
    assertTrue(l.order() > 0.8, "order " + l.order());
    int[] first = l.aligned().get(0);
    assertEquals("airbus", it.anchors().get(first[0]).value());
    assertEquals(it.anchors().get(first[0]).term(), en.anchors().get(first[1]).term());
  }

  @Test
  void articlesWithNothingInCommonScoreZero() {
    Signature a = Signature.of(Texts.analysis("a", null, "it", null, "t", "nessun nome qui."));
    Likeness l = Likeness.of(a, Signature.of(Fixtures.english(null)), Likeness.Weights.UNIFORM);
    assertEquals(0, l.score());
  }
}
