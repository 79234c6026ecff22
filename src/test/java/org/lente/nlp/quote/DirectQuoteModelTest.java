package org.lente.nlp.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectQuoteModelTest {

  @Test
  void theBundledModelHasOneWeightPerFeature() {
    assertEquals(Evidence.NAMES.size(), DirectQuoteModel.bundled().weights().length);
  }

  @Test
  void aModelFileWithAMissingFeatureIsRejected() {
    List<String> lines = new ArrayList<>();
    for (String name : Evidence.NAMES.subList(0, Evidence.NAMES.size() - 1)) {
      lines.add(name + "\t0.5");
    }
    assertThrows(IllegalArgumentException.class, () -> DirectQuoteModel.parse(lines));
  }

  @Test
  void trainingLearnsASeparableFeature() {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double[] f = new double[Evidence.NAMES.size()];
      f[0] = 1;
      f[11] = i % 2; // a cue within three tokens on every positive
      x.add(f);
      y.add(i % 2 == 1);
    }
    DirectQuoteModel m = DirectQuoteModel.train(x, y, 1e-3, 500);
    assertTrue(m.accepts(x.get(1)));
    assertFalse(m.accepts(x.get(0)));
  }
}
