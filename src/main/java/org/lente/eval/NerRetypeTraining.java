package org.lente.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.lente.learn.Logistic;
import org.lente.nlp.ner.Correction;
import org.lente.nlp.ner.EntityTagger;
import org.lente.nlp.ner.NerModels;
import org.lente.nlp.ner.PlaceOrOrganisation;
import org.lente.nlp.time.Lang;

/**
 * Learns {@link PlaceOrOrganisation} from the shipped tagger's own errors on text it never saw: KIND's
 * {@code WN_test_a} is tagged once by the shipped pipeline without the re-typer (what
 * {@code bin/lente ner --lang it} does but for that last step), written as {@code OUT/base.tsv}, and cut
 * into folds of whole articles ({@link ArticleFolds}). Every name the tagger typed LOC
 * or ORG is an example, positive when the gold has a name with the same words and the other of the two
 * types. For fold F a model fitted on the other folds retypes fold F at each threshold of
 * {@link #THRESHOLDS}; the held-out files are written for the standard scorer: {@code OUT/fold-F.gold.tsv},
 * {@code fold-F.base.tsv} (the tagger's) and {@code fold-F.retype-T.tsv}. Then the model fitted on all
 * folds is written as the resource.
 *
 * <p>Usage: {@code NerRetypeTraining GOLD.tsv K OUT_DIR MODEL.tsv}; run by {@code scripts/ner-test-folds}.
 */
public final class NerRetypeTraining {

  /** The L2 penalty and the gradient steps: fixed beforehand (as for the other models), not searched. */
  private static final double LAMBDA = 1e-3;
  private static final int ITERATIONS = 2000;

  /** The thresholds the held-out folds are written at; the choice among them is made on folds 0-2. */
  static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8};

  private NerRetypeTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: NerRetypeTraining GOLD.tsv K OUT_DIR MODEL.tsv");
      System.exit(1);
    }
    Path goldFile = Path.of(args[0]);
    int k = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    List<List<String>> words;
    try (BufferedReader in = Files.newBufferedReader(goldFile, StandardCharsets.UTF_8)) {
      words = Conll.read(in).stream().map(Conll.Sentence::tokens).toList();
    }
    EntityTagger tagger = new EntityTagger(new NerModels(System.err::println)::classifier,
        EnumSet.allOf(Correction.class), null);
    Path base = out.resolve("base.tsv");
    NerFolds.write(base, words, tagger.labelAll(Lang.IT, words));
    List<ArticleFolds.Fold> folds = ArticleFolds.cut(ArticleFolds.read(goldFile, base), k, System.err::println);
    for (int f = 0; f < k; f++) {
      ArticleFolds.Fold held = folds.get(f);
      NerFolds.writeTags(out.resolve("fold-" + f + ".gold.tsv"), held.words(), held.gold());
      NerFolds.write(out.resolve("fold-" + f + ".base.tsv"), held.words(), held.predicted());
      List<ArticleFolds.Fold> train = new ArrayList<>(folds);
      train.remove(f);
      PlaceOrOrganisation model = train(train);
      for (double t : THRESHOLDS) {
        List<String[]> labels = held.predicted().stream().map(String[]::clone).toList();
        model.apply(held.words(), labels, t);
        NerFolds.write(out.resolve("fold-" + f + ".retype-" + t + ".tsv"), held.words(), labels);
      }
    }
    Path file = Path.of(args[3]);
    Files.writeString(file, "# Lente's place-or-organisation re-typer (org.lente.nlp.ner.PlaceOrOrganisation): shape"
        + " and context-shape features only.\n# Learned by scripts/ner-test-folds (org.lente.eval.NerRetypeTraining)"
        + " from the shipped tagger's output on all " + k + " article folds of KIND WN_test_a; do not edit by hand.\n"
        + Logistic.format(train(folds).weights(), PlaceOrOrganisation.NAMES), StandardCharsets.UTF_8);
    System.err.println("wrote " + file);
  }

  /** A model fitted on every LOC or ORG name the tagger gave in the folds. */
  static PlaceOrOrganisation train(List<ArticleFolds.Fold> folds) {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (ArticleFolds.Fold fold : folds) {
      for (PlaceOrOrganisation.Candidate c : PlaceOrOrganisation.candidates(fold.words(), fold.predicted())) {
        x.add(c.features());
        y.add(goldHas(fold.gold().get(c.sentence()), c.start(), c.end(), c.other()));
      }
    }
    return new PlaceOrOrganisation(Logistic.fit(x, y, LAMBDA, ITERATIONS));
  }

  /** Whether the IOB2 tags hold a name of {@code type} exactly on words [{@code start}, {@code end}). */
  static boolean goldHas(String[] tags, int start, int end, String type) {
    if (!tags[start].equals("B-" + type) || end < tags.length && tags[end].equals("I-" + type)) {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      if (!tags[i].equals("I-" + type)) {
        return false;
      }
    }
    return true;
  }
}
