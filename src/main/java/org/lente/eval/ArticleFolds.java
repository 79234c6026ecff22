package org.lente.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A tagged NER file and its gold cut into folds of whole articles, for learning from a tagger's own
 * errors on text it never saw ({@link NerRetypeTraining}). KIND's files have no document marks, so the
 * articles are found from their headlines ({@link #articleStarts}).
 */
final class ArticleFolds {

  private ArticleFolds() {}

  /** Sentences with the tagger's labels (O, PER ...) and the gold IOB2 tags, one entry per sentence each. */
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

  /**
   * {@code all} cut into {@code k} folds of consecutive sentences, each beginning at an article's start
   * ({@link #cuts}); where each begins is reported to {@code log}, to be read.
   *
   * @throws IllegalArgumentException when there are fewer than two folds or too few articles for them
   */
  static List<Fold> cut(Fold all, int k, Consumer<String> log) {
    int[] cuts = cuts(articleStarts(all.words()), all.words().size(), k);
    List<Fold> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(all.slice(cuts[f], cuts[f + 1]));
      log.accept("fold " + f + ": sentences " + (cuts[f] + 1) + "-" + cuts[f + 1] + ", opening with: "
          + String.join(" ", all.words().get(cuts[f])));
    }
    return folds;
  }

  /**
   * The sentences that open an article. A Wikinews article opens with its headline, which, unlike a
   * body sentence, ends without a closing punctuation mark. So an article opens at a sentence that ends
   * without one after a sentence that ends with one (or at the first sentence). Subheadings inside an
   * article ("Reazioni") open one too: folds cut only at some of these.
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
   * f/k of the {@code n} sentences; the last entry is {@code n}.
   *
   * @throws IllegalArgumentException when {@code k < 2}, or a fold would be empty
   */
  static int[] cuts(List<Integer> starts, int n, int k) {
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

  /**
   * A gold file and a prediction of it (token TAB IOB2 tag), which must have the same tokens.
   *
   * @throws IOException when the files cannot be read or their sentences or tokens differ (the message says where)
   */
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

  /** IOB2 tags as the types they mark ("B-PER", "I-PER" → "PER"; "O" stays). */
  private static String[] types(String[] tags) {
    return Arrays.stream(tags).map(t -> t.equals("O") ? t : t.substring(t.indexOf('-') + 1)).toArray(String[]::new);
  }

  private static List<Conll.Sentence> conll(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return Conll.read(in);
    }
  }
}
