package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lente.eval.CorefMetrics.Score;

/**
 * The worked example of Pradhan et al. (2014), "Scoring Coreference Partitions of Predicted
 * Mentions: A Reference Implementation", Figure 1: key {a b c} {d e f g}, response {a b} {c d}
 * {f g h i}; its published figures are MUC R 0.40 P 0.40, B³ R 0.42 P 0.50, CEAF-e R 0.65 P 0.43.
 */
class CorefMetricsTest {

  private static final List<Set<String>> KEY = List.of(Set.of("a", "b", "c"), Set.of("d", "e", "f", "g"));
  private static final List<Set<String>> RESPONSE =
      List.of(Set.of("a", "b"), Set.of("c", "d"), Set.of("f", "g", "h", "i"));
  private static final double EPS = 1e-9;

  @Test
  void mucOfTheReferenceExample() {
    Score s = CorefMetrics.muc(KEY, RESPONSE);
    assertEquals(2.0 / 5, s.recall(), EPS); // (3-2) + (4-3) of (3-1) + (4-1)
    assertEquals(2.0 / 5, s.precision(), EPS); // (2-1) + (2-2) + (4-3) of 1 + 1 + 3
  }

  @Test
  void bCubedOfTheReferenceExample() {
    Score s = CorefMetrics.bCubed(KEY, RESPONSE);
    assertEquals((4.0 / 3 + 1.0 / 3 + 1.0 / 4 + 4.0 / 4) / 7, s.recall(), EPS); // 0.4167
    assertEquals((4.0 / 2 + 1.0 / 2 + 1.0 / 2 + 4.0 / 4) / 8, s.precision(), EPS); // 0.5
  }

  @Test
  void ceafEOfTheReferenceExample() {
    Score s = CorefMetrics.ceafE(KEY, RESPONSE);
    // best alignment: {a b c}~{a b} φ4 = 4/5, {d e f g}~{f g h i} φ4 = 4/8; total 1.3
    assertEquals(1.3 / 2, s.recall(), EPS);
    assertEquals(1.3 / 3, s.precision(), EPS);
  }

  @Test
  void mucOfVilainsExample() {
    // Vilain et al. (1995): key {A B C D}, response {A B} {C D}: recall 2/3, precision 1
    Score s = CorefMetrics.muc(List.of(Set.of("A", "B", "C", "D")), List.of(Set.of("A", "B"), Set.of("C", "D")));
    assertEquals(2.0 / 3, s.recall(), EPS);
    assertEquals(1.0, s.precision(), EPS);
  }

  @Test
  void singletonsGiveMucNothingToScoreButPerfectBCubedAndCeaf() {
    List<Set<String>> singletons = List.of(Set.of("a"), Set.of("b"));
    assertEquals(0, CorefMetrics.muc(singletons, singletons).f1(), EPS);
    assertEquals(1, CorefMetrics.bCubed(singletons, singletons).f1(), EPS);
    assertEquals(1, CorefMetrics.ceafE(singletons, singletons).f1(), EPS);
  }

  @Test
  void ceafAlignmentIsOptimalWhereTheGreedyOneIsNot() {
    // greedy takes 0.9 first and leaves 0; the best is 0.8 + 0.8
    assertEquals(1.6, CorefMetrics.maxAssignment(new double[][] {{0.9, 0.8}, {0.8, 0}}), EPS);
  }

  @Test
  void hungarianAssignmentEqualsBruteForceOnRandomMatrices() {
    Random random = new Random(42);
    for (int trial = 0; trial < 300; trial++) {
      int rows = 1 + random.nextInt(5);
      int cols = 1 + random.nextInt(5);
      double[][] m = new double[rows][cols];
      for (double[] row : m) {
        for (int j = 0; j < cols; j++) {
          row[j] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
        }
      }
      assertEquals(bruteForce(m, 0, new boolean[cols]), CorefMetrics.maxAssignment(m), EPS, "trial " + trial);
    }
  }

  @Test
  void aMentionInTwoClustersIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> CorefMetrics.bCubed(KEY, List.of(Set.of("a", "b"), Set.of("b", "c"))));
  }

  private static double bruteForce(double[][] m, int row, boolean[] usedCols) {
    if (row == m.length) {
      return 0;
    }
    double best = bruteForce(m, row + 1, usedCols); // this row unassigned
    for (int j = 0; j < usedCols.length; j++) {
      if (!usedCols[j]) {
        usedCols[j] = true;
        best = Math.max(best, m[row][j] + bruteForce(m, row + 1, usedCols));
        usedCols[j] = false;
      }
    }
    return best;
  }
}
