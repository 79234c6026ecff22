package org.lente.nlp.ner;

import static org.lente.learn.Logistic.flag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lente.learn.Logistic;

/**
 * Retypes a place as an organisation or an organisation as a place where the tagger's choice is
 * unlikely: a town before a league table's points ("Reading ( 28 )"), a name the nearby sentences type
 * the other way. Each name the tagger typed LOC or ORG is scored by a logistic regression over the
 * shape of its context (the kind of word before it: an article, a locative or an "of" preposition;
 * after it: a parenthesised number, a lower-case word, a list's comma or "e"), its own shape (capitals
 * throughout, several words), whether the sentence is about sport ({@link Corrections#isSportsSentence})
 * and how the same words are typed within {@link PartialNames#WINDOW} sentences; never over the name's
 * words themselves, nor over any list of names. Each feature but the type has a second weight for an
 * organisation, so that the evidence can point either way. A name switches type when the probability
 * is at least {@link #THRESHOLD}.
 *
 * <p>The weights are learned from the shipped tagger's own errors on KIND's {@code WN_test_a}, which the
 * tagger never saw, and cross-validated over articles by {@code scripts/ner-test-folds}
 * ({@code org.lente.eval.NerRetypeTraining}; docs/ner.md). Immutable and thread-safe.
 */
public final class PlaceOrOrganisation {

  /** The least probability at which a name switches type: chosen on folds 0-2 among 0.5 to 0.8, all of which gain. */
  public static final double THRESHOLD = 0.7;

  private static final List<String> SHAPE = List.of("acronym", "several_words", "article_before",
      "locative_before", "of_before", "opens_clause", "number_in_parentheses_after", "lower_word_after",
      "list_after", "sports_sentence", "elsewhere_mostly_other", "elsewhere_other", "elsewhere_same");

  /** The model's features: a bias, the type (ORG), then {@link #SHAPE}, then {@link #SHAPE} again for an ORG. */
  public static final List<String> NAMES = names();

  /** Articles and prepositions joined with an article: the word before a name that takes one. */
  static final Set<String> ARTICLES = Set.copyOf(List.of(("il lo la l' i gli le del dello della dell' dei degli"
      + " delle al allo alla all' ai agli alle dal dallo dalla dall' dai dagli dalle nel nello nella nell' nei negli"
      + " nelle sul sullo sulla sull' sui sugli sulle").split(" ")));
  private static final Set<String> LOCATIVE = Set.of("in", "a", "ad");
  static final Set<String> OF = Set.of("di", "da");
  static final Set<String> CLAUSE_MARKS = Set.of(".", ":", ",", ";");
  private static final Set<String> LIST_MARKS = Set.of(",", "e", ".", ")");

  private static final String RESOURCE = "place-or-organisation-model.tsv";

  private final double[] weights;

  /** @param weights one per {@link #NAMES} */
  public PlaceOrOrganisation(double[] weights) {
    this.weights = Logistic.checked(weights, NAMES);
  }

  /** The shipped model (Italian), read once. */
  public static PlaceOrOrganisation shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final PlaceOrOrganisation MODEL =
        new PlaceOrOrganisation(Logistic.resource(PlaceOrOrganisation.class, RESOURCE, NAMES));
  }

  /** The weights, in the order of {@link #NAMES}. */
  public double[] weights() {
    return weights.clone();
  }

  /** A name the tagger typed LOC or ORG: words [{@code start}, {@code end}) of sentence {@code sentence}. */
  public record Candidate(int sentence, int start, int end, String type, double[] features) {
    public Candidate {
      if (sentence < 0 || start < 0 || start >= end || !(type.equals("LOC") || type.equals("ORG"))
          || features.length != NAMES.size()) {
        throw new IllegalArgumentException("bad candidate: sentence " + sentence + " [" + start + ", " + end + ") "
            + type + " with " + features.length + " features");
      }
      features = features.clone();
    }

    /** The type it would switch to. */
    public String other() {
      return type.equals("LOC") ? "ORG" : "LOC";
    }
  }

  /** The probability that the candidate has the other type. */
  public double probability(Candidate c) {
    return Logistic.probability(weights, c.features());
  }

  /** Retypes the names in place at {@link #THRESHOLD}. */
  public void apply(List<List<String>> words, List<String[]> labels) {
    apply(words, labels, THRESHOLD);
  }

  /**
   * Retypes, in place, every LOC or ORG name whose probability of the other type is at least
   * {@code threshold}; the candidates are all found on the labels as given.
   *
   * @param words the text's sentences, as words
   * @param labels one label per word ({@code O}, {@code PER}, ...; a run of equal labels is one entity)
   * @param threshold in (0, 1)
   */
  public void apply(List<List<String>> words, List<String[]> labels, double threshold) {
    double least = Logistic.threshold(threshold);
    for (Candidate c : candidates(words, labels)) {
      if (probability(c) >= least) {
        java.util.Arrays.fill(labels.get(c.sentence()), c.start(), c.end(), c.other());
      }
    }
  }

  /** Every name typed LOC or ORG in the text, with its features, in reading order. */
  public static List<Candidate> candidates(List<List<String>> words, List<String[]> labels) {
    NameMemory.checkPaired(words, labels);
    record Mention(int sentence, int start, int end, String type) {}
    List<Mention> mentions = new ArrayList<>();
    Map<String, List<Mention>> byName = new HashMap<>();
    for (int s = 0; s < words.size(); s++) {
      String[] l = labels.get(s);
      List<String> w = words.get(s);
      int sentence = s;
      Corrections.forEachRun(l, (a, b) -> {
        if (l[a].equals("LOC") || l[a].equals("ORG")) {
          Mention m = new Mention(sentence, a, b, l[a]);
          mentions.add(m);
          byName.computeIfAbsent(String.join(" ", w.subList(a, b)), x -> new ArrayList<>()).add(m);
        }
      });
    }
    List<Candidate> out = new ArrayList<>(mentions.size());
    String[][] lowered = new String[words.size()][]; // each sentence lower-cased once, for all its names
    for (Mention m : mentions) {
      List<String> w = words.get(m.sentence());
      if (lowered[m.sentence()] == null) {
        lowered[m.sentence()] = Corrections.lowerCase(w);
      }
      int same = 0;
      int other = 0;
      for (Mention n : byName.get(String.join(" ", w.subList(m.start(), m.end())))) {
        if (n != m && Math.abs(n.sentence() - m.sentence()) <= PartialNames.WINDOW) {
          if (n.type().equals(m.type())) {
            same++;
          } else {
            other++;
          }
        }
      }
      out.add(new Candidate(m.sentence(), m.start(), m.end(), m.type(), features(w, lowered[m.sentence()], m.start(),
          m.end(), m.type(), same, other)));
    }
    return out;
  }

  /** The features of words [{@code a}, {@code b}) of a sentence, given as written and {@code lower}-cased. */
  private static double[] features(List<String> words, String[] lower, int a, int b, String type, int same,
      int other) {
    int n = words.size();
    String before = a > 0 ? lower[a - 1] : "";
    String after = b < n ? lower[b] : "";
    String name = String.join(" ", words.subList(a, b));
    double[] shape = {
        flag(name.length() >= 2 && name.chars().anyMatch(Character::isLetter)
            && name.chars().noneMatch(Character::isLowerCase)),
        flag(b - a >= 2),
        flag(ARTICLES.contains(before)),
        flag(LOCATIVE.contains(before)),
        flag(OF.contains(before)),
        flag(a == 0 || CLAUSE_MARKS.contains(before)),
        flag(after.equals("(") && b + 1 < n && Character.isDigit(lower[b + 1].codePointAt(0))),
        flag(!after.isEmpty() && Character.isLowerCase(after.codePointAt(0)) && !Corrections.isFunctionWord(after)
            && after.chars().allMatch(Character::isLetter)),
        flag(LIST_MARKS.contains(after)),
        flag(Corrections.isSportsSentence(lower)),
        flag(other > same),
        flag(other > 0),
        flag(same > 0)};
    boolean org = type.equals("ORG");
    double[] f = new double[NAMES.size()];
    f[0] = 1;
    f[1] = flag(org);
    for (int i = 0; i < shape.length; i++) {
      f[2 + i] = shape[i];
      f[2 + shape.length + i] = org ? shape[i] : 0;
    }
    return f;
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>(List.of("bias", "org"));
    names.addAll(SHAPE);
    SHAPE.forEach(s -> names.add("org." + s));
    return List.copyOf(names);
  }
}
