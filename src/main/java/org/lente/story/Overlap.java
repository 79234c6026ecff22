package org.lente.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.quote.Quote;

/**
 * What two articles in one language share word for word, and what the one changed of the other:
 * the shared passages (runs of shared {@value MinHash#SHINGLE}-word shingles), the share of each
 * article's shingles found in the other (containment), and, in sentences that match, a number, a
 * quote's speaker or an outlet's name that differs.
 *
 * @param jaccard shared shingles over all distinct shingles of both
 * @param hereInThere the share of this article's shingles found in the related one
 * @param thereInHere the share of the related article's shingles found in this one
 * @param passages {@code shared-passage} evidence, longest first, at most {@value #MAX_PASSAGES}
 * @param differences {@code changed-number}, {@code changed-speaker} and {@code changed-outlet} evidence
 */
public record Overlap(double jaccard, double hereInThere, double thereInHere, List<Evidence> passages,
    List<Evidence> differences) {

  static final int MAX_PASSAGES = 3;
  static final int MAX_DIFFERENCES = 10;
  private static final int PASSAGE_CHARS = 300;
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

  public Overlap {
    passages = List.copyOf(passages);
    differences = List.copyOf(differences);
  }

  /** Compares two analysed articles. */
  public static Overlap of(Analysis here, Analysis there) {
    return of(new Profile(here), new Profile(there));
  }

  /** Compares two articles from their profiles, which keep their words and shingles for later comparisons. */
  static Overlap of(Profile here, Profile there) {
    return of(here, there, Shingles.of(here, there));
  }

  /**
   * Compares two articles whose shared shingles are {@code shared} ({@link Shingles#of} of the two): the shares, and the
   * passages and differences that only a pair worth a link needs, which {@link Lineage} computes only for such a pair.
   */
  static Overlap of(Profile here, Profile there, Shingles shared) {
    return new Overlap(shared.jaccard(), shared.hereInThere(), shared.thereInHere(),
        passages(here.text(), here.words(), here.shingles(), shared.shared()), differences(here, there));
  }

  /**
   * The shingles two articles share, and the shares of {@link Overlap} they give: what tells whether a pair is worth
   * the rest of the comparison (passages and differences read every sentence of both).
   *
   * @param shared the shingles of both
   * @param jaccard shared shingles over all distinct shingles of both
   * @param hereInThere the share of this article's shingles found in the related one
   * @param thereInHere the share of the related article's shingles found in this one
   */
  record Shingles(Set<Long> shared, double jaccard, double hereInThere, double thereInHere) {
    Shingles {
      shared = java.util.Collections.unmodifiableSet(shared);
    }

    /** The shingles {@code here} and {@code there} share. */
    static Shingles of(Profile here, Profile there) {
      Set<Long> setA = here.shingleSet();
      Set<Long> setB = there.shingleSet();
      Set<Long> small = setA.size() <= setB.size() ? setA : setB;
      Set<Long> large = small == setA ? setB : setA;
      Set<Long> shared = new HashSet<>();
      for (Long x : small) {
        if (large.contains(x)) {
          shared.add(x);
        }
      }
      int union = setA.size() + setB.size() - shared.size();
      double jaccard = union == 0 ? 0 : (double) shared.size() / union;
      double aInB = setA.isEmpty() ? 0 : (double) shared.size() / setA.size();
      double bInA = setB.isEmpty() ? 0 : (double) shared.size() / setB.size();
      return new Shingles(shared, jaccard, aInB, bInA);
    }
  }

  /** Runs of shared shingles in {@code text}, as passages, longest first. */
  private static List<Evidence> passages(String text, MinHash.Words w, long[] shingles, Set<Long> shared) {
    List<int[]> runs = new ArrayList<>(); // [first word, last word]
    int start = -1;
    for (int i = 0; i <= shingles.length; i++) {
      boolean in = i < shingles.length && shared.contains(shingles[i]);
      if (in && start < 0) {
        start = i;
      } else if (!in && start >= 0) {
        runs.add(new int[] {start, Math.min(w.words().size() - 1, i - 1 + MinHash.SHINGLE - 1)});
        start = -1;
      }
    }
    runs.sort(Comparator.comparingInt((int[] r) -> r[1] - r[0]).reversed());
    List<Evidence> out = new ArrayList<>();
    for (int[] r : runs.subList(0, Math.min(MAX_PASSAGES, runs.size()))) {
      int from = w.starts()[r[0]];
      int to = w.ends()[r[1]];
      String passage = text.substring(from, Math.min(to, from + PASSAGE_CHARS));
      out.add(new Evidence("shared-passage", passage, passage, (r[1] - r[0] + 1) + " words in both articles"));
    }
    return out;
  }

  /** Sentences that match (most of their words shared) but differ in a number, a speaker or an outlet. */
  private static List<Evidence> differences(Profile hereProfile, Profile thereProfile) {
    List<Evidence> out = new ArrayList<>();
    Analysis here = hereProfile.analysis();
    Analysis there = thereProfile.analysis();
    String a = here.article().text();
    String b = there.article().text();
    Set<String> outlets = sites(here, there);
    List<Set<String>> wordsB = thereProfile.sentenceWords();
    Set<String> sentencesB = thereProfile.sentenceTexts();
    List<Set<String>> wordsA = hereProfile.sentenceWords();
    int index = -1;
    for (Sentence sa : here.sentences()) {
      index++;
      if (out.size() >= MAX_DIFFERENCES) {
        break;
      }
      String ta = a.substring(sa.start(), sa.end());
      if (sentencesB.contains(ta)) {
        continue; // the same sentence there: nothing changed in it
      }
      Set<String> wa = wordsA.get(index);
      Sentence best = null;
      double bestSim = 0;
      for (int j = 0; j < wordsB.size(); j++) {
        double sim = jaccard(wa, wordsB.get(j));
        if (sim > bestSim) {
          bestSim = sim;
          best = there.sentences().get(j);
        }
      }
      if (best == null || bestSim < 0.5 || bestSim == 1.0 || out.size() >= MAX_DIFFERENCES) {
        continue;
      }
      String tb = b.substring(best.start(), best.end());
      Set<String> na = matches(NUMBER, ta);
      Set<String> nb = matches(NUMBER, tb);
      if (!na.equals(nb)) {
        out.add(new Evidence("changed-number", ta, tb, "numbers " + minus(na, nb) + " here, " + minus(nb, na) + " there"));
      }
      String qa = speakerIn(here, sa);
      String qb = speakerIn(there, best);
      if (qa != null && qb != null && !qa.equalsIgnoreCase(qb)) {
        out.add(new Evidence("changed-speaker", ta, tb, "the quote is given to " + qa + " here, to " + qb + " there"));
      }
      for (String outlet : outletsIn(ta, tb, outlets)) {
        out.add(new Evidence("changed-outlet", ta, tb, outlet));
      }
    }
    return out;
  }

  private static String speakerIn(Analysis a, Sentence s) {
    for (Quote q : a.quotes()) {
      if (q.start() < s.end() && q.end() > s.start() && q.speakerCanonical() != null) {
        return q.speakerCanonical();
      }
    }
    return null;
  }

  /** The two articles' site names, the outlets {@link #outletsIn} looks for besides the agencies. */
  static Set<String> sites(Analysis here, Analysis there) {
    Set<String> outlets = new HashSet<>();
    for (String s : new String[] {here.article().site(), there.article().site()}) {
      if (s != null && !s.isBlank()) {
        outlets.add(s.strip());
      }
    }
    return outlets;
  }

  /**
   * Notes on outlet names present in one sentence and not the other ("names Oltre La Linea here, Al
   * Jazeera there" when one stands in place of the other): the articles' sites, and the
   * outlets whose credit lines {@link Provenance} knows ("Reuters", "NK News", "ANSA"), each matched as
   * whole words ("AP" is not found in "APPLE").
   */
  static List<String> outletsIn(String ta, String tb, Set<String> sites) {
    Set<String> names = new LinkedHashSet<>(sites);
    names.addAll(Provenance.outlets());
    List<String> onlyA = new ArrayList<>();
    List<String> onlyB = new ArrayList<>();
    for (String n : names) {
      boolean inA = named(ta, n);
      boolean inB = named(tb, n);
      if (inA != inB) {
        (inA ? onlyA : onlyB).add(n);
      }
    }
    if (onlyA.size() == 1 && onlyB.size() == 1) { // one outlet in place of another
      return List.of("names " + onlyA.get(0) + " here, " + onlyB.get(0) + " there");
    }
    List<String> out = new ArrayList<>();
    onlyA.forEach(n -> out.add(n + " is named here, not there"));
    onlyB.forEach(n -> out.add(n + " is named there, not here"));
    return out;
  }

  /** Whether {@code name} occurs in {@code text} as whole words. */
  private static boolean named(String text, String name) {
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      int end = at + name.length();
      boolean before = at == 0 || !Character.isLetterOrDigit(text.codePointBefore(at));
      boolean after = end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end));
      if (before && after) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> matches(Pattern p, String s) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The members of {@code a} not in {@code b}, in {@code a}'s order. */
  static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static double jaccard(Set<String> x, Set<String> y) {
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Set<String> small = x.size() <= y.size() ? x : y;
    Set<String> large = small == x ? y : x;
    int both = 0;
    for (String w : small) {
      if (large.contains(w)) {
        both++;
      }
    }
    return (double) both / (x.size() + y.size() - both);
  }

  /**
   * The direction containment suggests: the article mostly contained in the other is a trimmed copy
   * of it. Returns the weight for "the related article is the original" (0 when neither is).
   */
  public double containmentBalance(List<Evidence> out) {
    Objects.requireNonNull(out, "out");
    if (hereInThere >= 0.9 && thereInHere < 0.8) {
      out.add(new Evidence("containment", String.format("%.2f", hereInThere), String.format("%.2f", thereInHere),
          "this article is mostly contained in the related one, which has more: this one looks trimmed"));
      return 0.5;
    }
    if (thereInHere >= 0.9 && hereInThere < 0.8) {
      out.add(new Evidence("containment", String.format("%.2f", hereInThere), String.format("%.2f", thereInHere),
          "the related article is mostly contained in this one, which has more: it looks trimmed"));
      return -0.5;
    }
    return 0;
  }
}
