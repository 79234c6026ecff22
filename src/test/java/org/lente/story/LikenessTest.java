package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
  void aNameRepeatedInAShortArticleDoesNotOutweighATranslation() {
    // the Italian article names the company six times and gives four figures; its translation says the
    // company's name three times (pronouns elsewhere), keeps the figures and adds two of its own; another
    // short article on the company names it four times and nothing else of the Italian one
    Signature it = signature("it", "n:apple", "#:199", "n:apple", "#:2008", "n:apple", "#:9", "n:apple", "#:3",
        "n:apple", "n:apple");
    Signature translation = signature("en", "n:apple", "#:199", "#:2008", "n:apple", "#:9", "#:3", "n:apple", "#:16",
        "#:32");
    Signature other = signature("en", "n:apple", "n:apple", "n:leopard", "n:apple", "n:apple");
    double t = Likeness.of(it, translation, Likeness.Weights.UNIFORM).score();
    double o = Likeness.of(it, other, Likeness.Weights.UNIFORM).score();
    assertTrue(t > o, "translation " + t + ", other " + o);
  }

  @Test
  void aTranslationOfTheOriginalsFirstPartCoversAllOfThatPassage() {
    // the original names twenty things; its translation was cut after the eighth and keeps those, in order
    String[] original = new String[20];
    for (int i = 0; i < original.length; i++) {
      original[i] = (i % 2 == 0 ? "n:name" : "#:") + i;
    }
    Signature en = signature("en", original);
    Signature it = signature("it", java.util.Arrays.copyOf(original, 8));
    Likeness l = Likeness.of(it, en, Likeness.Weights.UNIFORM);
    assertEquals(0.4, l.coverage(it, en), 1e-9);
    assertEquals(1.0, l.passage(it, en), 1e-9);
  }

  @Test
  void aFewAnchorsSpreadOverBothArticlesCoverLittleOfTheirPassage() {
    // two articles of ten anchors each share the first and the last two, everything between them their own
    assertPassage(List.of("n:kessler", "#:1", "#:2", "#:3", "n:baltica", "#:4", "#:5", "#:6", "n:estmark", "n:northvale"),
        List.of("n:kessler", "#:71", "#:72", "#:73", "#:74", "#:75", "#:76", "#:77", "n:estmark", "n:northvale"), 3, 0.3);
  }

  @Test
  void aNameBothArticlesRepeatCountsOnceInThePassage() {
    // two articles about one company name it in every other anchor, and share nothing else
    assertPassage(List.of("n:apple", "#:1", "n:apple", "#:2", "n:apple", "#:3", "n:apple", "#:4", "n:apple", "#:5"),
        List.of("n:apple", "#:6", "n:apple", "#:7", "n:apple", "#:8", "n:apple", "#:9", "n:apple", "#:0"), 5, 1.0 / 6);
  }

  /** That the Italian and English signatures of the terms given align {@code aligned} anchors and cover {@code passage}. */
  private static void assertPassage(List<String> en, List<String> it, int aligned, double passage) {
    Signature a = signature("en", en.toArray(String[]::new));
    Signature b = signature("it", it.toArray(String[]::new));
    Likeness l = Likeness.of(b, a, Likeness.Weights.UNIFORM);
    assertEquals(aligned, l.aligned().size());
    assertEquals(passage, l.passage(b, a), 1e-9);
  }

  /** A signature of the terms given ({@code "n:apple"}, {@code "#:199"}), one sentence each. */
  private static Signature signature(String language, String... terms) {
    java.util.List<Anchor> anchors = new java.util.ArrayList<>();
    for (int i = 0; i < terms.length; i++) {
      Anchor.Kind kind = terms[i].startsWith("n:") ? Anchor.Kind.NAME : Anchor.Kind.NUMBER;
      anchors.add(new Anchor(kind, terms[i].substring(2), 10 * i, i));
    }
    return new Signature(language, null, anchors, terms.length);
  }

  @Test
  void articlesWithNothingInCommonScoreZero() {
    Signature a = Signature.of(Texts.analysis("a", null, "it", null, "t", "nessun nome qui."));
    Likeness l = Likeness.of(a, Signature.of(Fixtures.english(null)), Likeness.Weights.UNIFORM);
    assertEquals(0, l.score());
  }
}
