package org.lente.learn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The parts every logistic-regression model of Lente shares: its weights file ("name TAB weight"
 * lines, one per feature in order, '#' starting a comment) and its probability. Stateless.
 */
public final class Logistic {

  private Logistic() {}

  /** The weights in a resource beside {@code owner}; an error names a missing resource. */
  public static double[] resource(Class<?> owner, String resource, List<String> names) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads "name TAB weight" lines; every one of {@code names} must be there, in order, and nothing else. */
  public static double[] parse(List<String> lines, List<String> names) {
    double[] w = new double[names.size()];
    int i = 0;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 2 || i >= w.length || !f[0].equals(names.get(i))) {
        throw new IllegalArgumentException("bad model line " + (i + 1) + ": " + line + " (expected "
            + (i < w.length ? names.get(i) : "no more lines") + ")");
      }
      w[i++] = Double.parseDouble(f[1]);
    }
    if (i != w.length) {
      throw new IllegalArgumentException("model has " + i + " weights, expected " + w.length);
    }
    return w;
  }

  /** The weights as {@link #parse} reads them. */
  public static String format(double[] weights, List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < weights.length; i++) {
      sb.append(names.get(i)).append('\t').append(String.format(Locale.ROOT, "%.6f", weights[i])).append('\n');
    }
    return sb.toString();
  }

  /** A copy of a model's {@code weights}, one per feature of {@code names}; an error gives both counts. */
  public static double[] checked(double[] weights, List<String> names) {
    if (weights.length != names.size()) {
      throw new IllegalArgumentException("expected " + names.size() + " weights, got " + weights.length);
    }
    return weights.clone();
  }

  /** A decision threshold on a probability, checked to lie in (0, 1). */
  public static double threshold(double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    }
    return threshold;
  }

  /** A feature that holds or does not: 1 or 0. */
  public static double flag(boolean holds) {
    return holds ? 1 : 0;
  }

  /** The logistic of the weighted sum: the probability of the positive class. */
  public static double probability(double[] weights, double[] features) {
    if (features.length != weights.length) {
      throw new IllegalArgumentException("expected " + weights.length + " features, got " + features.length);
    }
    double z = 0;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Weights fitted by batch gradient descent (step 0.5) on the mean log loss of rows {@code x} (each with the bias
   * first, all of one length) and labels {@code y}, with an L2 penalty {@code lambda} on every weight but the bias.
   */
  public static double[] fit(List<double[]> x, List<Boolean> y, double lambda, int iterations) {
    if (x.size() != y.size() || x.isEmpty()) {
      throw new IllegalArgumentException("bad training set: " + x.size() + " rows, " + y.size() + " labels");
    }
    int d = x.get(0).length;
    double[] w = new double[d];
    double[] grad = new double[d];
    for (int it = 0; it < iterations; it++) {
      java.util.Arrays.fill(grad, 0);
      for (int n = 0; n < x.size(); n++) {
        double[] f = x.get(n);
        double err = probability(w, f) - (y.get(n) ? 1 : 0);
        for (int i = 0; i < d; i++) {
          grad[i] += err * f[i];
        }
      }
      for (int i = 0; i < d; i++) {
        w[i] -= 0.5 * (grad[i] / x.size() + (i == 0 ? 0 : lambda * w[i]));
      }
    }
    return w;
  }
}
