package org.lente.nlp.quote;

import java.util.Arrays;
import java.util.List;
import org.lente.learn.Logistic;

/**
 * Decides whether text between quotation marks is a direct quote from the evidence around it: a
 * logistic regression over {@link Evidence#NAMES}. Scare quotes, titles, nicknames and slogans (short
 * quoted noun phrases with no cue, speaker or colon introduction) score low; speech with an
 * attribution, or long and sentence-like, scores high. Immutable and thread-safe.
 *
 * <p>The weights in {@code direct-quote-model.tsv} were learned from PolNeAR's training split by
 * {@code scripts/train-quote-model} ({@link org.lente.eval.QuoteModelTraining}).
 */
public final class DirectQuoteModel {

  /** The bundled model's resource, beside this class. */
  static final String RESOURCE = "direct-quote-model.tsv";

  /** A quote is kept when the model's probability is at least this: the plain logistic decision. */
  public static final double THRESHOLD = 0.5;

  private final double[] weights;

  /** @param weights one per {@link Evidence#NAMES}, the first being the bias */
  public DirectQuoteModel(double[] weights) {
    if (weights.length != Evidence.NAMES.size()) {
      throw new IllegalArgumentException("expected " + Evidence.NAMES.size() + " weights, got " + weights.length);
    }
    this.weights = weights.clone();
  }

  /** The model bundled with Lente, read once. */
  public static DirectQuoteModel bundled() {
    return Bundled.MODEL;
  }

  /** Holds the bundled model: read on first use. */
  private static final class Bundled {
    static final DirectQuoteModel MODEL =
        new DirectQuoteModel(Logistic.resource(DirectQuoteModel.class, RESOURCE, Evidence.NAMES));
  }

  /** Reads "name TAB weight" lines ('#' starts a comment); every feature must be there, in order. */
  static DirectQuoteModel parse(List<String> lines) {
    return new DirectQuoteModel(Logistic.parse(lines, Evidence.NAMES));
  }

  /** The probability that a quotation with these features is a direct quote. */
  public double probability(double[] features) {
    return Logistic.probability(weights, features);
  }

  /** True when the quotation is a direct quote. */
  public boolean accepts(double[] features) {
    return probability(features) >= THRESHOLD;
  }

  /** The weights, the bias first. */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * Fits a model by batch gradient descent on the mean log loss with an L2 penalty {@code lambda}
   * (the bias is not penalised).
   */
  public static DirectQuoteModel train(List<double[]> x, List<Boolean> y, double lambda, int iterations) {
    if (x.size() != y.size() || x.isEmpty()) {
      throw new IllegalArgumentException("bad training set: " + x.size() + " rows, " + y.size() + " labels");
    }
    int d = Evidence.NAMES.size();
    double[] w = new double[d];
    double rate = 0.5;
    double[] grad = new double[d];
    for (int it = 0; it < iterations; it++) {
      Arrays.fill(grad, 0);
      for (int n = 0; n < x.size(); n++) {
        double[] f = x.get(n);
        double z = 0;
        for (int i = 0; i < d; i++) {
          z += w[i] * f[i];
        }
        double err = 1 / (1 + Math.exp(-z)) - (y.get(n) ? 1 : 0);
        for (int i = 0; i < d; i++) {
          grad[i] += err * f[i];
        }
      }
      for (int i = 0; i < d; i++) {
        w[i] -= rate * (grad[i] / x.size() + (i == 0 ? 0 : lambda * w[i]));
      }
    }
    return new DirectQuoteModel(w);
  }
}
