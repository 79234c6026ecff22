package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundariesTest {

  private static List<String> words(String s) {
    return List.of(s.split(" "));
  }

  private static String[] labels(String s) {
    return s.split(" ");
  }

  /** A model that makes every move of one edge and no other. */
  private static Boundaries only(Boundaries.Edge edge) {
    double[] w = new double[Boundaries.NAMES.size()];
    int width = w.length / Boundaries.Edge.values().length;
    for (Boundaries.Edge e : Boundaries.Edge.values()) {
      w[e.ordinal() * width] = e == edge ? 5 : -5;
    }
    return new Boundaries(w);
  }

  private static List<Boundaries.Edge> edges(String words, String labels) {
    return Boundaries.moves(words(words), labels(labels)).stream().map(Boundaries.Move::edge).toList();
  }

  @Test
  void aCapitalisedWordBeforeANameIsOfferedToIt() {
    List<Boundaries.Move> moves = Boundaries.moves(words("presso l' Istituto ZETA di Bari"), labels("O O O ORG O LOC"));
    assertTrue(moves.stream().anyMatch(m -> m.edge() == Boundaries.Edge.EXTEND_LEFT && m.newStart() == 2 && m.newEnd() == 4));
  }

  @Test
  void anOfWordAndTheNameAfterItAreOfferedTogether() {
    List<Boundaries.Move> moves = Boundaries.moves(words("la Provincia di Trapani ha"), labels("O ORG O LOC O"));
    assertTrue(moves.stream().anyMatch(m -> m.edge() == Boundaries.Edge.EXTEND_RIGHT_OF && m.newStart() == 1 && m.newEnd() == 4));
  }

  @Test
  void noMoveJoinsTwoNamesOfOneType() {
    // extending "Anna" over "Verdi" would make "Anna Verdi Bianchi" one person
    assertFalse(edges("Anna Verdi Bianchi .", "PER O PER O").contains(Boundaries.Edge.EXTEND_RIGHT));
  }

  @Test
  void aOneWordNameCannotBeTrimmed() {
    assertEquals(List.of(Boundaries.Edge.EXTEND_RIGHT), edges("Torino accoglie", "LOC O"));
  }

  @Test
  void featuresSeeShapesNotWords() {
    double[] a = Boundaries.moves(words("il Museo ZETA apre"), labels("O O ORG O")).get(0).features();
    double[] b = Boundaries.moves(words("la Galleria KAPPA chiude"), labels("O O ORG O")).get(0).features();
    assertArrayEquals(a, b);
  }

  @Test
  void aLikelyMoveExtendsTheName() {
    List<String[]> labels = List.<String[]>of(labels("O ORG O O"));
    only(Boundaries.Edge.EXTEND_RIGHT).apply(List.of(words("l' amministrazione comunale decide")), labels);
    assertArrayEquals(labels("O ORG ORG O"), labels.get(0));
  }

  @Test
  void anUnlikelyMoveLeavesTheName() {
    List<String[]> labels = List.<String[]>of(labels("O ORG O O"));
    only(Boundaries.Edge.TRIM_RIGHT).apply(List.of(words("l' amministrazione comunale decide")), labels);
    assertArrayEquals(labels("O ORG O O"), labels.get(0));
  }

  @Test
  void aTrimDropsTheEdgeWord() {
    List<String[]> labels = List.<String[]>of(labels("O ORG ORG ORG O"));
    only(Boundaries.Edge.TRIM_RIGHT).apply(List.of(words("dal Corriere Torinese oggi ,")), labels);
    assertArrayEquals(labels("O ORG ORG O O"), labels.get(0));
  }

  @Test
  void aMoveBelowTheThresholdIsNotMade() {
    // every right extension scores 1 / (1 + e^-1) = 0.73: made at 0.5, not at 0.8
    double[] w = new double[Boundaries.NAMES.size()];
    w[Boundaries.NAMES.indexOf("extend_right.bias")] = 1;
    Boundaries model = new Boundaries(w);
    List<String[]> at05 = List.<String[]>of(labels("O ORG O O"));
    List<String[]> at08 = List.<String[]>of(labels("O ORG O O"));
    model.apply(List.of(words("l' amministrazione comunale decide")), at05, 0.5);
    model.apply(List.of(words("l' amministrazione comunale decide")), at08, 0.8);
    assertArrayEquals(labels("O ORG ORG O"), at05.get(0));
    assertArrayEquals(labels("O ORG O O"), at08.get(0));
  }

  @Test
  void aThresholdOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> only(Boundaries.Edge.TRIM_RIGHT).apply(List.of(words("a")), List.<String[]>of(labels("O")), 1.0));
  }

  @Test
  void aMoveThatGrowsNeitherEdgeIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new Boundaries.Move(Boundaries.Edge.EXTEND_LEFT, 2, 4, 2, 4, new double[0]));
  }

  @Test
  void aModelOfTheWrongSizeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Boundaries(new double[3]));
  }
}
