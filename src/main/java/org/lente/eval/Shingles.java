package org.lente.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Scrapinghub article-extraction benchmark's score: both texts are split into word tokens
 * ({@code \w+}, case kept), compared as multisets of 4-token shingles, and the page's TP/FP/FN
 * normalised to sum to 1 so that long pages weigh no more than short ones.
 */
final class Shingles {

  /** Normalised true positives, false positives and false negatives of one page. */
  record Counts(double tp, double fp, double fn) {
    /** Precision, or NaN when the page has nothing predicted (the benchmark leaves it out of the mean). */
    double precision() {
      if (tp + fp == 0) {
        return Double.NaN;
      }
      return fp == 0 && fn == 0 ? 1 : tp / (tp + fp);
    }

    /** Recall, or NaN when the page has no true text (left out of the mean). */
    double recall() {
      if (tp + fn == 0) {
        return Double.NaN;
      }
      return fp == 0 && fn == 0 ? 1 : tp / (tp + fn);
    }
  }

  // Python's \w in Unicode mode: letters, digits and the underscore.
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{Nd}\\p{Nl}\\p{No}_]+");

  private Shingles() {}

  static Counts score(String truth, String predicted) {
    Map<List<String>, Integer> t = shingles(truth);
    Map<List<String>, Integer> p = shingles(predicted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    Set<List<String>> keys = new HashSet<>(t.keySet());
    keys.addAll(p.keySet());
    for (List<String> k : keys) {
      int tc = t.getOrDefault(k, 0);
      int pc = p.getOrDefault(k, 0);
      tp += Math.min(tc, pc);
      fp += Math.max(0, pc - tc);
      fn += Math.max(0, tc - pc);
    }
    double sum = tp + fp + fn;
    return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(0, 0, 0);
  }

  private static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<List<String>, Integer> out = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - 3); i++) {
      List<String> s = tokens.subList(i, Math.min(tokens.size(), i + 4));
      if (!s.isEmpty()) {
        out.merge(List.copyOf(s), 1, Integer::sum);
      }
    }
    return out;
  }
}
