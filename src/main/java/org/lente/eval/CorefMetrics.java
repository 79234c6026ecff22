package org.lente.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coreference scores of a response partition of mentions against a key partition: MUC (Vilain et
 * al. 1995), B³ (Bagga and Baldwin 1998) and entity-based CEAF, CEAF-e (Luo 2005), computed as the
 * CoNLL reference scorer (v8, Pradhan et al. 2014) does, so mentions may be missing from either
 * side. Clusters are sets of mentions of any type with {@code equals} and {@code hashCode}; a
 * mention must not be in two clusters of one side. Stateless.
 */
public final class CorefMetrics {

  /** Precision and recall, each in [0, 1]; 0 when undefined (an empty denominator). */
  public record Score(double precision, double recall) {
    public Score {
      if (!(precision >= 0 && precision <= 1 && recall >= 0 && recall <= 1)) {
        throw new IllegalArgumentException("bad score: precision=" + precision + ", recall=" + recall);
      }
    }

    public double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  private CorefMetrics() {
  }

  /**
   * MUC: the links needed to join each key cluster, and how many of them the response makes.
   * Recall is Σ(|K| − |p(K)|) / Σ(|K| − 1), where p(K) is K split by the response clusters (a
   * mention in no response cluster is a part of its own); precision swaps the two sides.
   */
  public static <M> Score muc(Collection<? extends Set<M>> key, Collection<? extends Set<M>> response) {
    return new Score(mucRecall(response, key), mucRecall(key, response));
  }

  private static <M> double mucRecall(Collection<? extends Set<M>> key, Collection<? extends Set<M>> response) {
    Map<M, Integer> clusterOf = index(response);
    long numerator = 0;
    long denominator = 0;
    for (Set<M> k : key) {
      Set<Integer> parts = new HashSet<>();
      int alone = 0;
      for (M m : k) {
        Integer c = clusterOf.get(m);
        if (c == null) {
          alone++;
        } else {
          parts.add(c);
        }
      }
      numerator += k.size() - (parts.size() + alone);
      denominator += k.size() - 1;
    }
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  /**
   * B³: for each mention, the share of its response cluster that is in its key cluster
   * (precision) and the share of its key cluster that is in its response cluster (recall),
   * averaged over the mentions of the response and of the key respectively.
   */
  public static <M> Score bCubed(Collection<? extends Set<M>> key, Collection<? extends Set<M>> response) {
    return new Score(bCubedRecall(response, key), bCubedRecall(key, response));
  }

  private static <M> double bCubedRecall(Collection<? extends Set<M>> key, Collection<? extends Set<M>> response) {
    Map<M, Integer> clusterOf = index(response);
    double numerator = 0;
    long mentions = 0;
    for (Set<M> k : key) {
      Map<Integer, Integer> overlap = new HashMap<>();
      for (M m : k) {
        Integer c = clusterOf.get(m);
        if (c != null) {
          overlap.merge(c, 1, Integer::sum);
        }
      }
      for (int n : overlap.values()) {
        numerator += (double) n * n / k.size();
      }
      mentions += k.size();
    }
    return mentions == 0 ? 0 : numerator / mentions;
  }

  /**
   * CEAF-e: the one-to-one alignment of key and response clusters that maximises the total
   * similarity φ4(K, R) = 2|K ∩ R| / (|K| + |R|) (found exactly, by the Hungarian method on each
   * group of clusters that share mentions); recall is that total over the number of key clusters,
   * precision over the number of response clusters.
   */
  public static <M> Score ceafE(Collection<? extends Set<M>> key, Collection<? extends Set<M>> response) {
    List<Set<M>> keys = nonEmpty(key);
    List<Set<M>> responses = nonEmpty(response);
    double total = bestAlignment(keys, responses);
    return new Score(responses.isEmpty() ? 0 : total / responses.size(), keys.isEmpty() ? 0 : total / keys.size());
  }

  /** The largest total φ4 of a one-to-one alignment between the two sides. */
  static <M> double bestAlignment(List<Set<M>> keys, List<Set<M>> responses) {
    Map<M, Integer> responseOf = index(responses);
    // overlaps[k] : response cluster → shared mentions
    List<Map<Integer, Integer>> overlaps = new ArrayList<>();
    for (Set<M> k : keys) {
      Map<Integer, Integer> o = new HashMap<>();
      for (M m : k) {
        Integer r = responseOf.get(m);
        if (r != null) {
          o.merge(r, 1, Integer::sum);
        }
      }
      overlaps.add(o);
    }
    // connected groups of key and response clusters: an optimal alignment never pairs across them
    int[] parent = new int[keys.size() + responses.size()];
    Arrays.setAll(parent, i -> i);
    for (int k = 0; k < keys.size(); k++) {
      for (int r : overlaps.get(k).keySet()) {
        parent[find(parent, k)] = find(parent, keys.size() + r);
      }
    }
    Map<Integer, List<Integer>> groupKeys = new HashMap<>();
    Map<Integer, List<Integer>> groupResponses = new HashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      groupKeys.computeIfAbsent(find(parent, k), x -> new ArrayList<>()).add(k);
    }
    for (int r = 0; r < responses.size(); r++) {
      groupResponses.computeIfAbsent(find(parent, keys.size() + r), x -> new ArrayList<>()).add(r);
    }
    double total = 0;
    for (Map.Entry<Integer, List<Integer>> g : groupKeys.entrySet()) {
      List<Integer> rows = g.getValue();
      List<Integer> cols = groupResponses.getOrDefault(g.getKey(), List.of());
      if (cols.isEmpty()) {
        continue;
      }
      double[][] sim = new double[rows.size()][cols.size()];
      for (int i = 0; i < rows.size(); i++) {
        Set<M> k = keys.get(rows.get(i));
        for (int j = 0; j < cols.size(); j++) {
          Set<M> r = responses.get(cols.get(j));
          int shared = overlaps.get(rows.get(i)).getOrDefault(cols.get(j), 0);
          sim[i][j] = 2.0 * shared / (k.size() + r.size());
        }
      }
      total += maxAssignment(sim);
    }
    return total;
  }

  /**
   * The largest sum of a one-to-one assignment of rows to columns of a non-negative matrix
   * (Kuhn–Munkres with potentials, O(n²m) for n ≤ m; the matrix is transposed when it has more
   * rows than columns).
   */
  static double maxAssignment(double[][] sim) {
    int rows = sim.length;
    int cols = rows == 0 ? 0 : sim[0].length;
    if (rows == 0 || cols == 0) {
      return 0;
    }
    if (rows > cols) {
      double[][] t = new double[cols][rows];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          t[j][i] = sim[i][j];
        }
      }
      return maxAssignment(t);
    }
    // minimise cost = -sim; 1-based arrays, column 0 is the virtual start
    int n = rows;
    int m = cols;
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1];
    int[] way = new int[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[m + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double cur = -sim[i0 - 1][j - 1] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    double total = 0;
    for (int j = 1; j <= m; j++) {
      if (p[j] != 0) {
        total += sim[p[j] - 1][j - 1];
      }
    }
    return total;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static <M> List<Set<M>> nonEmpty(Collection<? extends Set<M>> clusters) {
    List<Set<M>> out = new ArrayList<>();
    for (Set<M> c : clusters) {
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Each mention's cluster number, in iteration order of the clusters. */
  private static <M> Map<M, Integer> index(Collection<? extends Set<M>> clusters) {
    Map<M, Integer> out = new HashMap<>();
    int i = 0;
    for (Set<M> c : clusters) {
      for (M m : c) {
        if (out.putIfAbsent(m, i) != null) {
          throw new IllegalArgumentException("mention " + m + " is in two clusters");
        }
      }
      i++;
    }
    return out;
  }
}
