package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockModelTest {

  private static final int LINK_SHARE = BlockModel.FEATURES.indexOf("link_share");

  @Test
  void theBundledModelHasOneWeightPerFeature() {
    assertEquals(BlockModel.FEATURES.size(), BlockModel.bundled().weights().length);
  }

  @Test
  void aModelFileWithAFeatureOutOfOrderIsRejected() {
    List<String> lines = new ArrayList<>(BlockModel.bundled().format().lines().toList());
    lines.add(1, lines.remove(2));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockModel.parse(lines));
    assertTrue(e.getMessage().contains("expected log_chars"), e.getMessage());
  }

  @Test
  void aModelReadsBackWhatItWrites() {
    BlockModel model = BlockModel.bundled();

    assertArrayEquals(model.weights(), BlockModel.parse(model.format().lines().toList()).weights(), 1e-6);
  }

  @Test
  void trainingLearnsThatLinkListsAreNotText() {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean text = i % 2 == 0;
      double[] f = new double[BlockModel.FEATURES.size()];
      f[0] = 1;
      f[LINK_SHARE] = text ? 0.05 * (i % 5) : 0.8 + 0.05 * (i % 5);
      x.add(f);
      y.add(text);
      w.add(1.0);
    }

    BlockModel model = BlockModel.train(x, y, w, 1e-3, 50);

    assertTrue(model.probability(features(LINK_SHARE, 0.1)) > 0.9, "prose");
    assertTrue(model.probability(features(LINK_SHARE, 0.9)) < 0.1, "link list");
  }

  @Test
  void aBlockTheModelRejectsIsLeftOutButCaptionsAreNotJudged() {
    double[] weights = new double[BlockModel.FEATURES.size()];
    weights[LINK_SHARE] = -10;
    weights[0] = 2;
    BlockModel model = new BlockModel(weights);
    Block prose = new Block(Block.Type.PARAGRAPH, "The council met on Tuesday.");
    Block links = new Block(Block.Type.LIST, "Home\nNews");
    Block caption = new Block(Block.Type.CAPTION, "The town hall at dusk.");

    List<Block> kept = model.keep(List.of(new BlockModel.Candidate(prose, features(LINK_SHARE, 0)),
        new BlockModel.Candidate(links, features(LINK_SHARE, 1)), new BlockModel.Candidate(caption, null)));

    assertEquals(List.of(prose, caption), kept);
  }

  @Test
  void whenTheModelRejectsEveryBodyBlockAllAreKept() {
    double[] weights = new double[BlockModel.FEATURES.size()];
    weights[0] = -5;
    Block only = new Block(Block.Type.PARAGRAPH, "A one-line notice from the parish council.");

    List<Block> kept = new BlockModel(weights).keep(List.of(new BlockModel.Candidate(only, features(0, 1))));

    assertEquals(List.of(only), kept);
  }

  @Test
  void aCandidateWithTheWrongNumberOfFeaturesIsRefused() {
    Block b = new Block(Block.Type.PARAGRAPH, "text");

    assertThrows(IllegalArgumentException.class, () -> new BlockModel.Candidate(b, new double[3]));
  }

  @Test
  void solveInvertsASymmetricPositiveDefiniteSystem() {
    double[][] a = {{4, 1}, {1, 3}};

    assertArrayEquals(new double[] {1.0 / 11, 7.0 / 11}, BlockModel.solve(a, new double[] {1, 2}), 1e-12);
  }

  /** A feature row with the bias and one other feature set. */
  private static double[] features(int index, double value) {
    double[] f = new double[BlockModel.FEATURES.size()];
    f[0] = 1;
    f[index] = value;
    return f;
  }
}
