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
import org.lente.nlp.ner.PersonOrClub;
import org.lente.nlp.ner.PlaceOrOrganisation;
import org.lente.nlp.time.Lang;

/**
 * Learns the re-typers {@link PlaceOrOrganisation} and {@link PersonOrClub} from the shipped tagger's own errors
 * on text it never saw: KIND's {@code WN_test_a} is tagged once by the shipped pipeline without the re-typers
 * (what {@code bin/lente ner --lang it} does but for those last steps), written as {@code OUT/base.tsv}, and cut
 * into folds of whole articles ({@link ArticleFolds}). Every name the tagger typed LOC or ORG is an example for
 * the first, positive when the gold has a name with the same words and the other of the two types; every name
 * typed PER in a sports sentence is one for the second, positive when the gold has an organisation with the same
 * words. For fold F the models fitted on the other folds retype fold F: the place-or-organisation one alone at
 * each threshold of {@link #THRESHOLDS} ({@code fold-F.retype-T.tsv}), and the person-or-club one at each of
 * {@link #CLUB_THRESHOLDS} followed by the place-or-organisation one at its shipped threshold, the order of
 * {@link EntityTagger#labelAll} ({@code fold-F.clubs-T.tsv}); beside them the files for the standard scorer,
 * {@code OUT/fold-F.gold.tsv} and {@code fold-F.base.tsv} (the tagger's). Then the models fitted on all folds are
 * written as the resources.
 *
 * <p>Usage: {@code NerRetypeTraining GOLD.tsv K OUT_DIR MODEL.tsv CLUB_MODEL.tsv}; run by
 * {@code scripts/ner-test-folds}.
 */
public final class NerRetypeTraining {

  /** The L2 penalty and the gradient steps: fixed beforehand (as for the other models), not searched. */
  private static final double LAMBDA = 1e-3;
  private static final int ITERATIONS = 2000;

  /** The thresholds the held-out folds are written at; the choice among them is made on folds 0-2. */
  static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8};

  /**
   * The thresholds the person-or-club re-typer's held-out folds are written at; the choice among them is made on
   * folds 0-2. Lower than {@link #THRESHOLDS} reach, since clubs are a small share of the names it sees.
   */
  static final double[] CLUB_THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

  private NerRetypeTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println("usage: NerRetypeTraining GOLD.tsv K OUT_DIR MODEL.tsv CLUB_MODEL.tsv");
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
        EnumSet.allOf(Correction.class));
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
      PersonOrClub clubs = trainClubs(train);
      for (double t : CLUB_THRESHOLDS) {
        List<String[]> labels = held.predicted().stream().map(String[]::clone).toList();
        clubs.apply(held.words(), labels, t);
        model.apply(held.words(), labels, PlaceOrOrganisation.THRESHOLD);
        NerFolds.write(out.resolve("fold-" + f + ".clubs-" + t + ".tsv"), held.words(), labels);
      }
    }
    writeModel(Path.of(args[3]), "place-or-organisation", PlaceOrOrganisation.class, k, train(folds).weights(),
        PlaceOrOrganisation.NAMES);
    writeModel(Path.of(args[4]), "person-or-club", PersonOrClub.class, k, trainClubs(folds).weights(),
        PersonOrClub.NAMES);
  }

  /** Writes a re-typer's weights fitted on all {@code k} folds as its resource file, with a header saying so. */
  private static void writeModel(Path file, String what, Class<?> owner, int k, double[] weights, List<String> names)
      throws IOException {
    Files.writeString(file, "# Lente's " + what + " re-typer (" + owner.getName() + "): shape"
        + " and context-shape features only.\n# Learned by scripts/ner-test-folds (org.lente.eval.NerRetypeTraining)"
        + " from the shipped tagger's output on all " + k + " article folds of KIND WN_test_a; do not edit by hand.\n"
        + Logistic.format(weights, names), StandardCharsets.UTF_8);
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

  /** A model fitted on every name the tagger typed PER in a sports sentence of the folds. */
  static PersonOrClub trainClubs(List<ArticleFolds.Fold> folds) {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (ArticleFolds.Fold fold : folds) {
      for (PersonOrClub.Candidate c : PersonOrClub.candidates(fold.words(), fold.predicted())) {
        x.add(c.features());
        y.add(goldHas(fold.gold().get(c.sentence()), c.start(), c.end(), "ORG"));
      }
    }
    return new PersonOrClub(Logistic.fit(x, y, LAMBDA, ITERATIONS));
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
