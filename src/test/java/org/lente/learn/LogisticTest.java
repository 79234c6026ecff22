package org.lente.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LogisticTest {
  @Test void fitLearnsWhichSideOfAFeatureIsPositive() {
    List<double[]> x = List.of(new double[] {1, 0.1}, new double[] {1, 0.2}, new double[] {1, 0.8}, new double[] {1, 0.9});
    double[] w = Logistic.fit(x, List.of(false, false, true, true), 1e-3, 2000);
    assertTrue(Logistic.probability(w, new double[] {1, 0.95}) > 0.5 && Logistic.probability(w, new double[] {1, 0.05}) < 0.5,
        "weights " + w[0] + ", " + w[1]);
  }
}
