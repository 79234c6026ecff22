package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShinglesTest {

  @Test
  void identicalTextsScoreOne() {
    Shingles.Counts c = Shingles.score("the bridge reopened on Wednesday morning", "the bridge reopened on Wednesday morning");

    assertEquals(1.0, c.precision(), 1e-9);
    assertEquals(1.0, c.recall(), 1e-9);
  }

  @Test
  void punctuationAndSpacingDoNotCount() {
    Shingles.Counts c = Shingles.score("the bridge, reopened on Wednesday morning.", "the bridge reopened  on\nWednesday morning");

    assertEquals(1.0, c.precision(), 1e-9);
    assertEquals(1.0, c.recall(), 1e-9);
  }

  @Test
  void caseCounts() {
    Shingles.Counts c = Shingles.score("The Bridge Reopened Today", "the bridge reopened today");

    assertEquals(0.0, c.precision(), 1e-9);
  }

  @Test
  void aMissingTailLowersRecallOnly() {
    // truth: shingles [a b c d] and [b c d e]; predicted: [a b c d]
    Shingles.Counts c = Shingles.score("a b c d e", "a b c d");

    assertEquals(1.0, c.precision(), 1e-9);
    assertEquals(0.5, c.recall(), 1e-9);
  }

  @Test
  void extraTextLowersPrecisionOnly() {
    Shingles.Counts c = Shingles.score("a b c d", "a b c d e f");

    assertEquals(1.0 / 3, c.precision(), 1e-9);
    assertEquals(1.0, c.recall(), 1e-9);
  }

  @Test
  void repeatedShinglesCountAsMany() {
    Shingles.Counts c = Shingles.score("a b c d", "a b c d a b c d");

    // predicted shingles: abcd x2, bcda, cdab, dabc; one abcd is right
    assertEquals(1.0 / 5, c.precision(), 1e-9);
  }

  @Test
  void nothingPredictedHasNoPrecisionAndZeroRecall() {
    Shingles.Counts c = Shingles.score("the bridge reopened on Wednesday", "");

    assertTrue(Double.isNaN(c.precision()));
    assertEquals(0.0, c.recall(), 1e-9);
  }

  @Test
  void textsShorterThanFourWordsAreOneShingle() {
    Shingles.Counts c = Shingles.score("bridge reopened", "bridge reopened");

    assertEquals(1.0, c.precision(), 1e-9);
  }

  @Test
  void accentedWordsAreTokens() {
    Shingles.Counts c = Shingles.score("perché la città aspetta", "perch la citt aspetta");

    assertEquals(0.0, c.recall(), 1e-9);
  }
}
