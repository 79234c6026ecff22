package org.lente.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much two articles tell the same thing in the same order, whatever their languages: the cosine
 * of their anchors' weighted counts, times how much of the shared anchors come in the same order
 * (the longest common subsequence of the anchors both have). A translation keeps names, numbers and
 * dates, and their order; another article on the same news keeps some names and loses the order.
 *
 * <p>A term's count enters the cosine sublinearly, {@code 1 + ln(count)}: the name an article is about
 * comes back in every other sentence, and with raw counts a short article that shares only that name
 * (and the company's or person's other name words) outweighs the article's translation, which shares
 * it and much more besides.
 *
 * @param score {@code cosine * (0.5 + 0.5 * order)}, in [0, 1]
 * @param cosine of the tf-idf weighted anchor counts, counts damped as {@code 1 + ln(count)}
 * @param order the common subsequence's length over the shorter of the two shared sequences, in [0, 1]
 * @param aligned the anchors of the common subsequence: pairs of indexes into each signature's anchors
 */
public record Likeness(double score, double cosine, double order, List<int[]> aligned) {

  /** How rare a term is among stored articles: log-scaled, 1 for an unknown term in a small store. */
  @FunctionalInterface
  public interface Weights {
    double idf(String term);

    /** Every term weighs the same. */
    Weights UNIFORM = term -> 1.0;
  }

  /**
   * How much a term's kind counts beside its rarity ({@link Anchor#term}): anchors Lente understood
   * (resolved entity names, normalised dates, speakers) count twice as much as names found by their
   * capital letter and bare numbers, which a different article can share by chance.
   */
  public static double kindWeight(String term) {
    return switch (term.charAt(0)) {
      case 'n', 'd', 'q' -> 2.0;
      default -> 1.0;
    };
  }

  /** The longest subsequence computed: anchors past it are left out of the order (quadratic cost). */
  static final int MAX_ANCHORS = 600;

  public Likeness {
    aligned = List.copyOf(aligned);
    if (!(score >= 0 && score <= 1.000001)) {
      throw new IllegalArgumentException("score out of [0, 1]: " + score);
    }
  }

  /** The likeness of {@code a} and {@code b}. */
  public static Likeness of(Signature a, Signature b, Weights weights) {
    Map<String, Integer> ca = counts(a);
    Map<String, Integer> cb = counts(b);
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (Map.Entry<String, Integer> e : ca.entrySet()) {
      double w = weights.idf(e.getKey());
      double x = tf(e.getValue()) * w;
      na += x * x;
      Integer other = cb.get(e.getKey());
      if (other != null) {
        dot += x * tf(other) * w;
      }
    }
    for (Map.Entry<String, Integer> e : cb.entrySet()) {
      double y = tf(e.getValue()) * weights.idf(e.getKey());
      nb += y * y;
    }
    double cosine = na == 0 || nb == 0 ? 0 : Math.min(1, dot / Math.sqrt(na * nb));
    if (cosine == 0) {
      return new Likeness(0, 0, 0, List.of());
    }
    Set<String> shared = new HashSet<>(ca.keySet());
    shared.retainAll(cb.keySet());
    List<Integer> sa = sharedIndexes(a, shared);
    List<Integer> sb = sharedIndexes(b, shared);
    List<int[]> aligned = lcs(a, sa, b, sb);
    double order = Math.min(sa.size(), sb.size()) == 0 ? 0 : (double) aligned.size() / Math.min(sa.size(), sb.size());
    return new Likeness(cosine * (0.5 + 0.5 * order), cosine, order, aligned);
  }

  /**
   * How much of the larger of the two signatures ({@code a} and {@code b}, those this likeness was
   * computed from) the common sequence accounts for, in [0, 1]. A translation carries almost all of
   * its original's anchors in order; a follow-up on the same news about the same people shares a few.
   */
  public double coverage(Signature a, Signature b) {
    int larger = Math.min(MAX_ANCHORS, Math.max(a.anchors().size(), b.anchors().size())); // the sequence stops there
    return larger == 0 ? 0 : Math.min(1, (double) aligned.size() / larger);
  }

  /**
   * How much of the passage the two articles share the common sequence accounts for, in [0, 1], counted in distinct terms:
   * the terms of the common sequence over the terms either of the two signatures ({@code a} and {@code b}, those this
   * likeness was computed from) has from the first aligned anchor to the last, the larger of the two spans, and never
   * over fewer than the smaller signature has. A translation cut short (its original's first half) or framed by a
   * translator's note and a credit line carries nearly all the terms of the part it translates, in order: this stays as
   * high as for a whole translation where {@link #coverage} falls with the part left out. A follow-up on the same news
   * shares a few terms spread over both articles; a short article that shares a few names with a long one is measured
   * over all of its own terms; and a name that both articles repeat throughout (the company they are about) counts
   * once, so that its run does not fill the passage.
   */
  public double passage(Signature a, Signature b) {
    if (aligned.isEmpty()) {
      return 0;
    }
    Set<String> common = new HashSet<>();
    for (int[] pair : aligned) {
      common.add(a.anchors().get(pair[0]).term());
    }
    int spanA = distinctTerms(a, aligned.getFirst()[0], aligned.getLast()[0] + 1);
    int spanB = distinctTerms(b, aligned.getFirst()[1], aligned.getLast()[1] + 1);
    int smaller = Math.min(distinctTerms(a, 0, MAX_ANCHORS), distinctTerms(b, 0, MAX_ANCHORS));
    return Math.min(1, (double) common.size() / Math.max(Math.max(spanA, spanB), smaller));
  }

  /** How many distinct terms the anchors of {@code s} from index {@code from} to {@code to} (exclusive) have. */
  private static int distinctTerms(Signature s, int from, int to) {
    Set<String> terms = new HashSet<>();
    for (int i = from; i < Math.min(to, s.anchors().size()); i++) {
      terms.add(s.anchors().get(i).term());
    }
    return terms.size();
  }

  /** A term's weight for its count in one article: {@code 1 + ln(count)}, 1 for one anchor. */
  static double tf(int count) {
    return 1 + Math.log(count);
  }

  private static String[] terms(Signature s, List<Integer> indexes) {
    String[] out = new String[indexes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.anchors().get(indexes.get(i)).term();
    }
    return out;
  }

  private static Map<String, Integer> counts(Signature s) {
    Map<String, Integer> c = new HashMap<>();
    for (Anchor x : s.anchors()) {
      c.merge(x.term(), 1, Integer::sum);
    }
    return c;
  }

  private static List<Integer> sharedIndexes(Signature s, Set<String> shared) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < s.anchors().size() && out.size() < MAX_ANCHORS; i++) {
      if (shared.contains(s.anchors().get(i).term())) {
        out.add(i);
      }
    }
    return out;
  }

  /** The longest common subsequence of the two anchor sequences, as index pairs in order. */
  private static List<int[]> lcs(Signature a, List<Integer> sa, Signature b, List<Integer> sb) {
    int n = sa.size();
    int m = sb.size();
    String[] ta = terms(a, sa);
    String[] tb = terms(b, sb);
    int[][] len = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        len[i][j] = ta[i].equals(tb[j]) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
      }
    }
    List<int[]> out = new ArrayList<>(len[0][0]);
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (ta[i].equals(tb[j])) {
        out.add(new int[] {sa.get(i), sb.get(j)});
        i++;
        j++;
      } else if (len[i + 1][j] >= len[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }
}
