package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.nlp.ner.Boundaries;

class NerBoundaryTrainingTest {

  private static Boundaries.Move move(String words, String labels, Boundaries.Edge edge) {
    return Boundaries.moves(List.of(words.split(" ")), labels.split(" ")).stream().filter(m -> m.edge() == edge)
        .findFirst().orElseThrow();
  }

  @Test
  void aMoveToTheGoldEdgeIsRight() {
    Boundaries.Move m = move("Il sindaco Marco Bianchi parla", "O O PER O O", Boundaries.Edge.EXTEND_RIGHT);
    assertTrue(NerBoundaryTraining.right(m, NerBoundaryTraining.spans("O O B-PER I-PER O".split(" "))));
  }

  @Test
  void aMoveThatReachesAnotherGoldNameIsWrong() {
    // "Bari" then the mayor "Marco Bianchi": extending the place to the person's end is not its edge
    Boundaries.Move m = move("sindaco di Bari Marco Bianchi", "O O LOC O O", Boundaries.Edge.EXTEND_RIGHT);
    assertFalse(NerBoundaryTraining.right(m, NerBoundaryTraining.spans("O O B-LOC B-PER I-PER".split(" "))));
  }

  @Test
  void aModelThatMovesEveryRightEdgeDamagesGoldNames() {
    double[] w = new double[Boundaries.NAMES.size()];
    int width = w.length / Boundaries.Edge.values().length;
    for (Boundaries.Edge e : Boundaries.Edge.values()) {
      w[e.ordinal() * width] = e == Boundaries.Edge.EXTEND_RIGHT ? 5 : -5;
    }
    NerBoundaryTraining.Fold fold = new NerBoundaryTraining.Fold(List.of(List.of("la", "Regione", "decide", ".")),
        List.<String[]>of("O ORG O O".split(" ")), List.<String[]>of("O B-ORG O O".split(" ")));
    assertEquals(1, NerBoundaryTraining.movesOnGold(new Boundaries(w), fold, Boundaries.THRESHOLD));
  }

  private static List<List<String>> sentences(String... s) {
    return Arrays.stream(s).map(x -> List.of(x.split(" "))).toList();
  }

  @Test
  void anArticleOpensAtAHeadlineAfterAClosedSentence() {
    List<List<String>> s = sentences("Nuovo ponte sul Po a Piacenza", "Il cantiere apre domani .", "I lavori durano un anno .",
        "Sciopero dei treni in Lombardia", "I pendolari protestano .");
    assertEquals(List.of(0, 3), NerBoundaryTraining.articleStarts(s));
  }

  @Test
  void aFoldBeginsAtTheFirstArticleFromItsShare() {
    // ten sentences in two folds: the second would begin at sentence 5, the next article opens at 7
    assertArrayEquals(new int[] {0, 7, 10}, NerBoundaryTraining.folds(List.of(0, 3, 7), 10, 2));
  }

  @Test
  void moreFoldsThanArticlesIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> NerBoundaryTraining.folds(List.of(0, 6), 10, 3));
  }

  @Test
  void aFeatureSetLeavesTheFeaturesItDropsUnweighted() {
    // a person extended over a capitalised word: the interaction per_moved_capitalised fires
    NerBoundaryTraining.Fold fold = new NerBoundaryTraining.Fold(
        sentences("Il ministro Carla Neri parla .", "La deputata Anna parla ."),
        List.<String[]>of("O O PER O O O".split(" "), "O O PER O O".split(" ")),
        List.<String[]>of("O O B-PER I-PER O O".split(" "), "O O B-PER O O".split(" ")));
    int feature = Boundaries.NAMES.indexOf("extend_right.per_moved_capitalised");
    assertNotEquals(0.0, NerBoundaryTraining.train(List.of(fold), NerBoundaryTraining.Variant.ALL).weights()[feature]);
    assertEquals(0.0, NerBoundaryTraining.train(List.of(fold), NerBoundaryTraining.Variant.NO_INTERACTIONS).weights()[feature]);
  }
}
