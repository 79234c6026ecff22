package org.lente.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Whether two articles in different languages are translations of one another: a logistic regression
 * on what their {@link Likeness} shows, learned from MEANTIME's professional translations
 * ({@code bench/lineage-calibrate.py}, cross-validated by topic) and kept in
 * {@code translation-link.properties}. It weighs the coverage of the common anchor sequence, the
 * coverage of the passage it spans ({@link Likeness#passage}: a translation cut short or framed by a
 * translator's note still covers the part it translates) and its order, not the cosine: another
 * article on the same news shares the names and figures of the news (a high cosine) but not the run
 * of them, which a translation keeps. Immutable.
 *
 * @param bias the intercept
 * @param weights by feature name: {@code coverage} ({@link Likeness#coverage}), {@code passage}
 *     ({@link Likeness#passage}), {@code order},
 *     {@code cosine} and {@code likeness} (the score)
 */
public record TranslationLink(double bias, Map<String, Double> weights) {

  /** The least probability that makes a link a translation. */
  public static final double DECIDES = 0.5;

  private static final java.util.Set<String> FEATURES = java.util.Set.of("coverage", "passage", "order", "cosine",
      "likeness");

  /** The model Lente ships. */
  public static final TranslationLink DEFAULT = load("translation-link.properties");

  public TranslationLink {
    weights = Map.copyOf(weights);
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (!FEATURES.contains(w.getKey()) || !Double.isFinite(w.getValue())) {
        throw new IllegalArgumentException("bad weight " + w.getKey() + "=" + w.getValue() + " (features: " + FEATURES + ")");
      }
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bad bias " + bias);
    }
  }

  /** The model in a properties resource of this package: {@code bias=...} and one line per feature. */
  static TranslationLink load(String resource) {
    Properties p = new Properties();
    try (InputStream in = TranslationLink.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (!name.equals("bias")) {
        weights.put(name, Double.parseDouble(p.getProperty(name)));
      }
    }
    return new TranslationLink(Double.parseDouble(p.getProperty("bias", "NaN")), weights);
  }

  /** The probability that {@code a} and {@code b}, whose likeness is {@code l}, are translations, in (0, 1). */
  public double probability(Signature a, Signature b, Likeness l) {
    double z = bias;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      z += w.getValue() * switch (w.getKey()) {
        case "coverage" -> l.coverage(a, b);
        case "passage" -> l.passage(a, b);
        case "order" -> l.order();
        case "cosine" -> l.cosine();
        default -> l.score();
      };
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Whether the languages of {@code a} and {@code b} are known and differ, and {@link #probability} decides. */
  public boolean test(Signature a, Signature b, Likeness l) {
    boolean otherLanguage = a.language() != null && b.language() != null && !a.language().equals(b.language());
    return otherLanguage && probability(a, b, l) >= DECIDES;
  }
}
