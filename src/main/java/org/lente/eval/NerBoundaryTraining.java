package org.lente.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lente.learn.Logistic;
import org.lente.nlp.ner.Boundaries;

/**
 * Learns {@link Boundaries} from the shipped tagger's own errors on text it never saw: KIND's
 * {@code WN_test_a} (Tint's Italian model was trained on {@code WN_train} and {@code WN_dev}), tagged
 * once by {@code bin/lente ner --lang it}, cut into folds of whole articles ({@link #articleStarts}).
 * Every move {@link Boundaries#moves} offers on the tagger's labels is an example, positive when a
 * gold name overlapping the moved name has its edge where the move puts it. For fold F a model is
 * fitted on the other folds and moves fold F's names, at each threshold of {@link #THRESHOLDS} and
 * for each feature set of {@link Variant}; the held-out files are written for the standard scorer:
 * {@code OUT/fold-F.gold.tsv}, {@code fold-F.base.tsv} (the tagger's) and {@code fold-F.VARIANT-T.tsv}. No model is written: on the folds
 * the mover does not gain (docs/ner.md).
 *
 * <p>Usage: {@code NerBoundaryTraining GOLD.tsv PREDICTED.tsv K OUT_DIR}; run by
 * {@code scripts/ner-test-folds}.
 */
public final class NerBoundaryTraining {

  /** The L2 penalty and the gradient steps: fixed beforehand, not searched. */
  private static final double LAMBDA = 1e-3;
  private static final int ITERATIONS = 2000;

  /** The thresholds the held-out folds are written at; the choice among them is made on folds 0-2. */
  static final double[] THRESHOLDS = {0.4, 0.5, 0.6, 0.7};

  /** One fold's held-out sentences: words, predicted labels (O, PER ...), gold IOB2 tags. */
  record Fold(List<List<String>> words, List<String[]> predicted, List<String[]> gold) {
    Fold {
      if (words.size() != predicted.size() || words.size() != gold.size()) {
        throw new IllegalArgumentException("fold of " + words.size() + " sentences with " + predicted.size()
            + " predictions and " + gold.size() + " gold");
      }
    }

    /** Sentences [{@code from}, {@code to}). */
    Fold slice(int from, int to) {
      return new Fold(words.subList(from, to), predicted.subList(from, to), gold.subList(from, to));
    }
  }

  /** The feature sets compared: all of {@link Boundaries#NAMES}, or all but the named shape features. */
  enum Variant {
    ALL(Set.of()),
    /** Without the two type interactions (a person taking in a capitalised or a lower-case word). */
    NO_INTERACTIONS(Set.of("per_moved_capitalised", "per_moved_lower")),
    /** Without what the neighbours beyond the new edge are. */
    NO_OUTER(Set.of("outer_none", "outer_punctuation", "outer_function", "outer_capitalised", "outer_labelled"));

    private final Set<String> dropped;

    Variant(Set<String> dropped) {
      this.dropped = dropped;
    }

    /** Whether the feature (an {@link Boundaries#NAMES} entry) is used. */
    boolean uses(String feature) {
      return !dropped.contains(feature.substring(feature.indexOf('.') + 1));
    }

    String fileName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private NerBoundaryTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: NerBoundaryTraining GOLD.tsv PREDICTED.tsv K OUT_DIR");
      System.exit(1);
    }
    Fold all = read(Path.of(args[0]), Path.of(args[1]));
    int k = Integer.parseInt(args[2]);
    Path out = Path.of(args[3]);
    Files.createDirectories(out);
    int[] cuts = folds(articleStarts(all.words()), all.words().size(), k);
    List<Fold> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(all.slice(cuts[f], cuts[f + 1]));
      System.err.println("fold " + f + ": sentences " + (cuts[f] + 1) + "-" + cuts[f + 1] + ", opening with: "
          + String.join(" ", all.words().get(cuts[f])));
    }
    for (int f = 0; f < k; f++) {
      Fold held = folds.get(f);
      NerFolds.writeTags(out.resolve("fold-" + f + ".gold.tsv"), held.words(), held.gold());
      NerFolds.write(out.resolve("fold-" + f + ".base.tsv"), held.words(), held.predicted());
      List<Fold> train = new ArrayList<>(folds);
      train.remove(f);
      for (Variant v : Variant.values()) {
        Boundaries model = train(train, v);
        for (double t : THRESHOLDS) {
          List<String[]> labels = held.predicted().stream().map(String[]::clone).toList();
          model.apply(held.words(), labels, t);
          NerFolds.write(out.resolve("fold-" + f + "." + v.fileName() + "-" + t + ".tsv"), held.words(), labels);
          System.err.println("fold " + f + " " + v.fileName() + "-" + t + ": on the gold labels it would move "
              + movesOnGold(model, held, t) + " names (each one wrong)");
        }
      }
    }
  }

  /**
   * The sentences that open an article. KIND's files have no document marks; a Wikinews article opens
   * with its headline, which, unlike a body sentence, ends without a closing punctuation mark. So an
   * article opens at a sentence that ends without one after a sentence that ends with one (or at the
   * first sentence). Subheadings inside an article ("Reazioni") open one too: folds cut only at some
   * of these, and {@link #main} prints where, to be read.
   */
  static List<Integer> articleStarts(List<List<String>> sentences) {
    List<Integer> starts = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      if (s == 0 || !closed(sentences.get(s)) && closed(sentences.get(s - 1))) {
        starts.add(s);
      }
    }
    return starts;
  }

  private static boolean closed(List<String> sentence) {
    return !sentence.isEmpty() && CLOSERS.contains(sentence.get(sentence.size() - 1));
  }

  private static final Set<String> CLOSERS = Set.of(".", "!", "?", "...", "…", "\"", "»", "”", ")", ":", ";");

  /**
   * Where {@code k} folds of consecutive sentences begin: fold f at the first article start at or after
   * f/k of the sentences; the last entry is {@code n}.
   */
  static int[] folds(List<Integer> starts, int n, int k) {
    if (k < 2 || starts.size() < k) {
      throw new IllegalArgumentException(k + " folds of " + starts.size() + " articles");
    }
    int[] cuts = new int[k + 1];
    cuts[k] = n;
    for (int f = 1; f < k; f++) {
      int want = (int) ((long) f * n / k);
      int at = starts.stream().filter(s -> s >= want).findFirst().orElse(n);
      if (at <= cuts[f - 1] || at >= n) {
        throw new IllegalArgumentException("no article starts in fold " + f + " (at sentence " + want + ")");
      }
      cuts[f] = at;
    }
    return cuts;
  }

  private static String[] types(String[] tags) {
    return Arrays.stream(tags).map(t -> t.equals("O") ? t : t.substring(t.indexOf('-') + 1)).toArray(String[]::new);
  }

  /**
   * A model learned on the folds' moves, each edge's weights fitted on that edge's moves; the features
   * the variant does not use are zero in every row, so their weights stay zero.
   */
  static Boundaries train(List<Fold> folds, Variant variant) {
    boolean[] used = new boolean[Boundaries.NAMES.size()];
    for (int i = 0; i < used.length; i++) {
      used[i] = variant.uses(Boundaries.NAMES.get(i));
    }
    int width = Boundaries.NAMES.size() / Boundaries.Edge.values().length;
    List<List<double[]>> x = new ArrayList<>();
    List<List<Boolean>> y = new ArrayList<>();
    for (int e = 0; e < Boundaries.Edge.values().length; e++) {
      x.add(new ArrayList<>());
      y.add(new ArrayList<>());
    }
    for (Fold fold : folds) {
      for (int s = 0; s < fold.words().size(); s++) {
        List<int[]> gold = spans(fold.gold().get(s));
        for (Boundaries.Move m : Boundaries.moves(fold.words().get(s), fold.predicted().get(s))) {
          int e = m.edge().ordinal();
          double[] row = Arrays.copyOfRange(m.features(), e * width, (e + 1) * width);
          for (int i = 0; i < width; i++) {
            row[i] = used[e * width + i] ? row[i] : 0;
          }
          x.get(e).add(row);
          y.get(e).add(right(m, gold));
        }
      }
    }
    double[] w = new double[Boundaries.NAMES.size()];
    for (int e = 0; e < x.size(); e++) {
      if (!x.get(e).isEmpty()) {
        System.arraycopy(Logistic.fit(x.get(e), y.get(e), LAMBDA, ITERATIONS), 0, w, e * width, width);
      }
    }
    return new Boundaries(w);
  }

  /**
   * How many edges the model moves when the labels are the gold ones: what a tagger without boundary
   * errors would suffer, every move being wrong (KIND never puts two names of one type side by side).
   */
  static int movesOnGold(Boundaries model, Fold fold, double threshold) {
    int moved = 0;
    for (int s = 0; s < fold.words().size(); s++) {
      String[] labels = types(fold.gold().get(s));
      String[] before = labels.clone();
      model.apply(List.of(fold.words().get(s)), List.<String[]>of(labels), threshold);
      for (int[] span : spans(Conll.iob2(labels))) {
        if (!spans(Conll.iob2(before)).stream().anyMatch(g -> g[0] == span[0] && g[1] == span[1])) {
          moved++;
        }
      }
    }
    return moved;
  }

  /**
   * Whether a gold name overlapping the words the move keeps in the name has the moved edge where the
   * move puts it (a gold name that only the added words reach is another name).
   */
  static boolean right(Boundaries.Move m, List<int[]> gold) {
    int from = Math.max(m.start(), m.newStart());
    int to = Math.min(m.end(), m.newEnd());
    for (int[] g : gold) {
      if (g[0] < to && from < g[1]
          && (m.edge().left() ? g[0] == m.newStart() : g[1] == m.newEnd())) {
        return true;
      }
    }
    return false;
  }

  /** The names in IOB2 tags, as [start, end) pairs, decoded as conlleval does. */
  static List<int[]> spans(String[] tags) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < tags.length) {
      if (tags[i].equals("O")) {
        i++;
        continue;
      }
      String type = tags[i].substring(tags[i].indexOf('-') + 1);
      int j = i + 1;
      while (j < tags.length && tags[j].equals("I-" + type)) {
        j++;
      }
      out.add(new int[] {i, j});
      i = j;
    }
    return out;
  }

  /** A fold's gold file and a prediction of it (token TAB IOB2 tag), which must have the same tokens. */
  static Fold read(Path goldFile, Path predictedFile) throws IOException {
    List<Conll.Sentence> gold = conll(goldFile);
    List<Conll.Sentence> predicted = conll(predictedFile);
    if (gold.size() != predicted.size()) {
      throw new IOException(goldFile + " has " + gold.size() + " sentences, " + predictedFile + " " + predicted.size());
    }
    List<List<String>> words = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    List<String[]> tags = new ArrayList<>();
    for (int s = 0; s < gold.size(); s++) {
      List<String> w = gold.get(s).tokens();
      if (!w.equals(predicted.get(s).tokens())) {
        throw new IOException("sentence " + (s + 1) + " differs between " + goldFile + " and " + predictedFile);
      }
      words.add(w);
      labels.add(types(predicted.get(s).lastColumn().toArray(String[]::new)));
      tags.add(gold.get(s).lastColumn().toArray(String[]::new));
    }
    return new Fold(words, labels, tags);
  }

  private static List<Conll.Sentence> conll(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return Conll.read(in);
    }
  }
}
