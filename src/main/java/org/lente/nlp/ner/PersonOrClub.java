package org.lente.nlp.ner;

import static org.lente.learn.Logistic.flag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lente.learn.Logistic;

/**
 * Retypes as an organisation a name the tagger typed PER in a sports sentence where a club is likely: a
 * club read as a surname ("contro il Burnley", "Burnley e QPR ( 35 )"). Each name typed PER in a sentence
 * {@link Corrections#isSportsSentence} calls about sport is scored by a logistic regression over the shape
 * of its context (an article, "contro" or "di"/"da" before it; a score within three words; a parenthesis
 * after it; a name of the same list, across one comma, "e" or dash, typed ORG or PER), its own shape (several
 * words), and how the same words are typed within {@link PartialNames#WINDOW} sentences (as a place or an
 * organisation, as a person, as the surname of a full name labelled PER); never over the name's words
 * themselves, nor over any list of names. A name becomes ORG when the probability is at least
 * {@link #THRESHOLD}.
 *
 * <p>The weights are learned from the shipped tagger's own errors on KIND's {@code WN_test_a}, which the
 * tagger never saw, and cross-validated over articles by {@code scripts/ner-test-folds}
 * ({@code org.lente.eval.NerRetypeTraining}; docs/ner.md), as {@link PlaceOrOrganisation}'s are. Immutable and
 * thread-safe.
 */
public final class PersonOrClub {

  /**
   * The least probability at which a name becomes ORG: chosen on folds 0-2 among 0.3 to 0.8, where 0.4 to 0.6 gain
   * alike and 0.3 switches a scorer (docs/ner.md).
   */
  public static final double THRESHOLD = 0.5;

  /** The model's features: a bias, then one flag each. */
  public static final List<String> NAMES = List.of("bias", "several_words", "article_before", "against_before",
      "of_before", "opens_clause", "score_near", "parenthesis_after", "joined_to_organisation", "joined_to_person",
      "elsewhere_place_or_organisation", "elsewhere_mostly_other", "elsewhere_person", "partial_of_full_name");

  /** What joins two names of one list or one pairing ("Burnley e QPR", "Leeds - Burnley"). */
  private static final Set<String> JOINS = Set.of(",", "e", "ed", "-");

  /** How far, in words, a score counts as near the name ("Burnley 2-1", "2-1 contro il Burnley"). */
  private static final int SCORE_DISTANCE = 3;

  private static final String RESOURCE = "person-or-club-model.tsv";

  private final double[] weights;

  /** @param weights one per {@link #NAMES} */
  public PersonOrClub(double[] weights) {
    this.weights = Logistic.checked(weights, NAMES);
  }

  /** The shipped model (Italian), read once. */
  public static PersonOrClub shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final PersonOrClub MODEL = new PersonOrClub(Logistic.resource(PersonOrClub.class, RESOURCE, NAMES));
  }

  /** The weights, in the order of {@link #NAMES}. */
  public double[] weights() {
    return weights.clone();
  }

  /** A name the tagger typed PER in a sports sentence: words [{@code start}, {@code end}) of sentence {@code sentence}. */
  public record Candidate(int sentence, int start, int end, double[] features) {
    public Candidate {
      if (sentence < 0 || start < 0 || start >= end || features.length != NAMES.size()) {
        throw new IllegalArgumentException("bad candidate: sentence " + sentence + " [" + start + ", " + end + ") with "
            + features.length + " features");
      }
      features = features.clone();
    }
  }

  /** The probability that the candidate is an organisation. */
  public double probability(Candidate c) {
    return Logistic.probability(weights, c.features());
  }

  /** Retypes the names in place at {@link #THRESHOLD}. */
  public void apply(List<List<String>> words, List<String[]> labels) {
    apply(words, labels, THRESHOLD);
  }

  /**
   * Retypes as ORG, in place, every candidate whose probability is at least {@code threshold}; the candidates
   * are all found on the labels as given.
   *
   * @param words the text's sentences, as words
   * @param labels one label per word ({@code O}, {@code PER}, ...; a run of equal labels is one entity)
   * @param threshold in (0, 1)
   */
  public void apply(List<List<String>> words, List<String[]> labels, double threshold) {
    double least = Logistic.threshold(threshold);
    for (Candidate c : candidates(words, labels)) {
      if (probability(c) >= least) {
        Arrays.fill(labels.get(c.sentence()), c.start(), c.end(), "ORG");
      }
    }
  }

  /** Every name typed PER in a sports sentence of the text, with its features, in reading order. */
  public static List<Candidate> candidates(List<List<String>> words, List<String[]> labels) {
    NameMemory.checkPaired(words, labels);
    Map<String, Map<String, List<Integer>>> mentions = PartialNames.mentionsByType(words, labels);
    Map<String, List<Integer>> fullNames = PartialNames.fullNames(words, labels);
    List<Candidate> out = new ArrayList<>();
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      String[] lower = Corrections.lowerCase(w);
      if (!Corrections.isSportsSentence(lower)) {
        continue;
      }
      int sentence = s;
      Corrections.forEachRun(l, (a, b) -> {
        if (l[a].equals("PER")) {
          String name = String.join(" ", w.subList(a, b));
          Map<String, List<Integer>> byType = mentions.get(name);
          int persons = PartialNames.countNear(byType.get("PER"), sentence) - 1;
          int others = PartialNames.countNear(byType.get("ORG"), sentence)
              + PartialNames.countNear(byType.get("LOC"), sentence);
          boolean partial = PartialNames.near(fullNames.get(name), sentence);
          out.add(new Candidate(sentence, a, b, features(lower, l, a, b, persons, others, partial)));
        }
      });
    }
    return out;
  }

  private static double[] features(String[] lower, String[] labels, int a, int b, int persons, int others,
      boolean partial) {
    int n = lower.length;
    String before = a > 0 ? lower[a - 1] : "";
    boolean score = false;
    for (int i = Math.max(0, a - SCORE_DISTANCE); i < Math.min(n, b + SCORE_DISTANCE); i++) {
      score |= (i < a || i >= b) && Corrections.isScore(lower[i]);
    }
    return new double[] {
        1,
        flag(b - a >= 2),
        flag(PlaceOrOrganisation.ARTICLES.contains(before)),
        flag(before.equals("contro")
            || a > 1 && lower[a - 2].equals("contro") && PlaceOrOrganisation.ARTICLES.contains(before)),
        flag(PlaceOrOrganisation.OF.contains(before)),
        flag(a == 0 || PlaceOrOrganisation.CLAUSE_MARKS.contains(before)),
        flag(score),
        flag(b < n && lower[b].equals("(")),
        flag(joinedTo(lower, labels, a, b, "ORG")),
        flag(joinedTo(lower, labels, a, b, "PER")),
        flag(others > 0),
        flag(others > persons),
        flag(persons > 0),
        flag(partial)};
  }

  /** Whether the name before words [a, b) or after them, across one of {@link #JOINS}, is typed {@code type}. */
  private static boolean joinedTo(String[] lower, String[] labels, int a, int b, String type) {
    return a > 1 && JOINS.contains(lower[a - 1]) && labels[a - 2].equals(type)
        || b + 1 < lower.length && JOINS.contains(lower[b]) && labels[b + 1].equals(type);
  }
}
