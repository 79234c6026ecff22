package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslationLinkTest {

  @Test
  void aTranslationWithoutDatesIsATranslation() {
    Signature en = Signature.of(LineageTest.undatedEnglishPort());
    Signature it = Signature.of(LineageTest.undatedItalianPort());
    assertTrue(TranslationLink.DEFAULT.test(it, en, Lineage.likeness(it, en)));
  }

  @Test
  void aFollowUpNamingTheSamePeopleIsNoTranslation() {
    Signature en = Signature.of(Fixtures.english("2024-05-01T08:00:00Z"));
    Signature followUp = Signature.of(Fixtures.followUpItalian());
    assertFalse(TranslationLink.DEFAULT.test(followUp, en, Lineage.likeness(followUp, en)));
  }

  @Test
  void twoArticlesInOneLanguageAreNoTranslation() {
    Signature en = Signature.of(LineageTest.undatedEnglishPort());
    assertFalse(TranslationLink.DEFAULT.test(en, en, Lineage.likeness(en, en)));
  }

  @Test
  void theProbabilityGrowsWithTheCoverage() {
    TranslationLink model = new TranslationLink(-5, Map.of("coverage", 10.0));
    Signature en = Signature.of(LineageTest.undatedEnglishPort());
    Signature it = Signature.of(LineageTest.undatedItalianPort());
    Likeness l = Lineage.likeness(it, en);
    assertEquals(1 / (1 + Math.exp(-(-5 + 10 * l.coverage(it, en)))), model.probability(it, en, l), 1e-12);
  }

  @Test
  void anUnknownFeatureIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TranslationLink(0, Map.of("length", 1.0)));
    assertTrue(e.getMessage().contains("length=1.0"), e.getMessage());
  }
}
