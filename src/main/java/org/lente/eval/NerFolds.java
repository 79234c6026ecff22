package org.lente.eval;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lente.nlp.ner.Correction;
import org.lente.nlp.ner.EntityTagger;
import org.lente.nlp.ner.NameMemory;
import org.lente.nlp.ner.PartialNames;
import org.lente.nlp.time.Lang;

/**
 * Tags the held-out part of each fold of a cross-validation of the Italian entity model with the CRF
 * trained on the other folds, once per set of {@link Correction}s: the model alone, every correction,
 * and every correction but one; then every correction followed by {@link NameMemory} over the fold
 * ({@code all+memory}), then {@link PartialNames} ({@code all+memory+partial}), then what
 * {@link EntityTagger#labelAll} gives without re-typers, which adds the lists' types
 * ({@code all+memory+partial+coordination}). The output ({@code OUT/fold-F.VARIANT.tsv}, token TAB IOB2 tag) is
 * scored by the standard scorer ({@code ../shared/tools/score_ner.py}); a correction is worth keeping
 * when the folds score higher with it than without. The folds' files and models are made by
 * {@code scripts/train-ner-folds}.
 *
 * <p>Usage: {@code NerFolds FOLD_DIR K OUT_DIR}: reads {@code FOLD_DIR/foldF.test.tsv} and
 * {@code FOLD_DIR/foldF.ser.gz} for F in 0..K-1.
 */
public final class NerFolds {

  private NerFolds() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: NerFolds FOLD_DIR K OUT_DIR");
      System.exit(1);
    }
    Path dir = Path.of(args[0]);
    int k = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    for (int f = 0; f < k; f++) {
      Path model = dir.resolve("fold" + f + ".ser.gz");
      if (!Files.exists(model)) {
        System.err.println("fold " + f + ": no model at " + model + ", skipped");
        continue;
      }
      CRFClassifier<CoreLabel> crf = CRFClassifier.getClassifier(model.toFile());
      List<Conll.Sentence> sentences;
      try (BufferedReader in = Files.newBufferedReader(dir.resolve("fold" + f + ".test.tsv"), StandardCharsets.UTF_8)) {
        sentences = Conll.read(in);
      }
      List<List<String>> words = sentences.stream().map(Conll.Sentence::tokens).toList();
      for (Map.Entry<String, Set<Correction>> v : variants().entrySet()) {
        EntityTagger tagger = new EntityTagger(lang -> crf, v.getValue());
        List<String[]> labels = words.stream().map(w -> tagger.label(Lang.IT, w)).toList();
        write(out.resolve("fold-" + f + "." + v.getKey() + ".tsv"), words, labels);
        if (v.getKey().equals("all")) {
          NameMemory.apply(words, labels);
          write(out.resolve("fold-" + f + ".all+memory.tsv"), words, labels);
          PartialNames.apply(words, labels);
          write(out.resolve("fold-" + f + ".all+memory+partial.tsv"), words, labels);
          write(out.resolve("fold-" + f + ".all+memory+partial+coordination.tsv"), words, tagger.labelAll(Lang.IT, words));
        }
      }
      System.err.println("fold " + f + ": tagged " + sentences.size() + " sentences");
    }
  }

  /** Writes token TAB IOB2 tag, a blank line after each sentence. */
  static void write(Path file, List<List<String>> words, List<String[]> labels) throws IOException {
    writeTags(file, words, labels.stream().map(Conll::iob2).toList());
  }

  /** Writes token TAB tag (as given), a blank line after each sentence. */
  static void writeTags(Path file, List<List<String>> words, List<String[]> tags) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      for (int s = 0; s < words.size(); s++) {
        for (int i = 0; i < tags.get(s).length; i++) {
          w.print(words.get(s).get(i));
          w.print('\t');
          w.println(tags.get(s)[i]);
        }
        w.println();
      }
    }
  }

  /** The sets of corrections compared: none, all, and all but each one. */
  static Map<String, Set<Correction>> variants() {
    Map<String, Set<Correction>> v = new LinkedHashMap<>();
    v.put("model", EnumSet.noneOf(Correction.class));
    v.put("all", EnumSet.allOf(Correction.class));
    for (Correction c : Correction.values()) {
      Set<Correction> without = EnumSet.allOf(Correction.class);
      without.remove(c);
      v.put("without-" + c.name().toLowerCase(java.util.Locale.ROOT), without);
    }
    return v;
  }
}
