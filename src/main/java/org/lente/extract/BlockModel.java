package org.lente.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lente.learn.Logistic;

/**
 * Decides which of the blocks found inside an article's root are article text: a logistic regression
 * over general block features ({@link #FEATURES}: length, punctuation, link share, class words of the
 * element and its containers, kind of block, position, neighbours). Captions, bios and preformatted text are not judged.
 * Immutable and thread-safe.
 *
 * <p>The weights in {@code block-model.tsv} are learned from the Scrapinghub and trafilatura pages by
 * {@code scripts/train-extraction-model} ({@link org.lente.eval.ExtractionModelTraining}), with the
 * label of a block taken from each page's gold text.
 */
public final class BlockModel {

  /** The bundled model's resource, beside this class. */
  static final String RESOURCE = "block-model.tsv";

  /** The features, in order; the first is the bias (always 1). */
  public static final List<String> FEATURES = List.of(
      "bias", "log_chars", "sentence_end", "punctuation_per_word", "link_share", "class_weight",
      "heading", "list", "quote", "position", "last", "share_of_text", "neighbour_log_chars",
      "capitalised_words", "digits", "log_lines", "paragraph_tag", "short_without_end", "before_root",
      "depth_share");

  /** A block is kept when the model's probability is at least this: the plain logistic decision. */
  public static final double THRESHOLD = 0.5;

  /**
   * A block the writer found, with its features.
   *
   * @param features one value per {@link #FEATURES}; null for captions, bios and preformatted text,
   *     which are not judged
   */
  public record Candidate(Block block, double[] features) {
    public Candidate {
      Objects.requireNonNull(block, "block");
      if (features != null && features.length != FEATURES.size()) {
        throw new IllegalArgumentException("expected " + FEATURES.size() + " features, got " + features.length);
      }
      features = features == null ? null : features.clone();
    }

    @Override
    public double[] features() {
      return features == null ? null : features.clone();
    }

    /** True when the model decides on this block. */
    public boolean judged() {
      return features != null;
    }
  }

  private final double[] weights;
  private final boolean keepAll;

  private BlockModel(double[] weights, boolean keepAll) {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException("expected " + FEATURES.size() + " weights, got " + weights.length);
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("weight is not finite: " + w);
      }
    }
    this.weights = weights.clone();
    this.keepAll = keepAll;
  }

  /** @param weights one per {@link #FEATURES}, the bias first */
  public BlockModel(double[] weights) {
    this(weights, false);
  }

  /** Keeps every block the writer found: the extractor without a learned decision (for training and comparison). */
  public static BlockModel keepAll() {
    return new BlockModel(new double[FEATURES.size()], true);
  }

  /** The model bundled with Lente, read once. */
  public static BlockModel bundled() {
    return Bundled.MODEL;
  }

  /** Holds the bundled model: read on first use. */
  private static final class Bundled {
    static final BlockModel MODEL = new BlockModel(Logistic.resource(BlockModel.class, RESOURCE, FEATURES));
  }

  /** Reads "name TAB weight" lines ('#' starts a comment); every feature must be there, in order. */
  public static BlockModel parse(List<String> lines) {
    return new BlockModel(Logistic.parse(lines, FEATURES));
  }

  /** The model as {@link #parse} reads it: one "name TAB weight" line per feature. */
  public String format() {
    return Logistic.format(weights, FEATURES);
  }

  /** The probability that a block with these features is article text. */
  public double probability(double[] features) {
    return Logistic.probability(weights, features);
  }

  /**
   * The blocks to print: captions, bios and the body blocks the model accepts. When it accepts no
   * body block at all, every candidate is kept: a page whose only text the model doubts is still
   * better printed than empty.
   */
  public List<Block> keep(List<Candidate> candidates) {
    List<Block> out = new ArrayList<>(candidates.size());
    boolean anyBody = false;
    for (Candidate c : candidates) {
      boolean kept = keepAll || !c.judged() || probability(c.features) >= THRESHOLD;
      if (kept) {
        out.add(c.block());
        anyBody |= c.judged();
      }
    }
    if (!anyBody && candidates.stream().anyMatch(Candidate::judged)) {
      return candidates.stream().map(Candidate::block).toList();
    }
    return out;
  }

  /** The weights, the bias first. */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * Fits a model by Newton's method (iteratively reweighted least squares) on the weighted mean log
   * loss with an L2 penalty {@code lambda} on every weight but the bias.
   *
   * @param x feature rows, each of {@link #FEATURES} length
   * @param y labels: true for article text
   * @param sampleWeights how much each row counts; positive
   */
  public static BlockModel train(List<double[]> x, List<Boolean> y, List<Double> sampleWeights, double lambda,
      int iterations) {
    if (x.size() != y.size() || x.size() != sampleWeights.size() || x.isEmpty()) {
      throw new IllegalArgumentException("bad training set: " + x.size() + " rows, " + y.size() + " labels, "
          + sampleWeights.size() + " weights");
    }
    int d = FEATURES.size();
    double[] w = new double[d];
    double total = sampleWeights.stream().mapToDouble(Double::doubleValue).sum();
    for (int it = 0; it < iterations; it++) {
      double[] grad = new double[d];
      double[][] hessian = new double[d][d];
      for (int n = 0; n < x.size(); n++) {
        double[] f = x.get(n);
        double z = 0;
        for (int i = 0; i < d; i++) {
          z += w[i] * f[i];
        }
        double p = 1 / (1 + Math.exp(-z));
        double s = sampleWeights.get(n) / total;
        double err = (p - (y.get(n) ? 1 : 0)) * s;
        double curvature = p * (1 - p) * s;
        for (int i = 0; i < d; i++) {
          grad[i] += err * f[i];
          for (int j = 0; j <= i; j++) {
            hessian[i][j] += curvature * f[i] * f[j];
          }
        }
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < i; j++) {
          hessian[j][i] = hessian[i][j];
        }
        if (i > 0) {
          grad[i] += lambda * w[i];
          hessian[i][i] += lambda;
        }
        hessian[i][i] += 1e-9; // keeps a constant feature from making the system singular
      }
      double[] step = solve(hessian, grad);
      double change = 0;
      for (int i = 0; i < d; i++) {
        w[i] -= step[i];
        change = Math.max(change, Math.abs(step[i]));
      }
      if (change < 1e-8) {
        break;
      }
    }
    return new BlockModel(w);
  }

  /** Solves {@code a x = b} for a symmetric positive definite {@code a} (Cholesky); a and b are left as they are. */
  static double[] solve(double[][] a, double[] b) {
    int d = b.length;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (sum <= 0) {
            throw new IllegalArgumentException("matrix is not positive definite at row " + i + ": " + sum);
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] y = new double[d];
    for (int i = 0; i < d; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    double[] x = new double[d];
    for (int i = d - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < d; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }
}
