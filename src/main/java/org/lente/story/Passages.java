package org.lente.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;

/**
 * The evidence of a cross-language link a user can read: sentence pairs that share several anchors
 * of the common sequence ({@code aligned-passage}), that sequence itself ({@code shared-sequence}),
 * and what a translation changed in those sentences ({@link #differences}).
 */
final class Passages {

  static final int MAX_PASSAGES = 3;
  static final int MAX_SEQUENCE = 15;
  private static final int MAX_CHARS = 300;
  /** Hours and minutes: "18:40", "6:40". */
  private static final Pattern CLOCK = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");

  private Passages() {
  }

  static List<Evidence> aligned(Analysis here, Signature hereSig, Analysis there, Signature thereSig, Likeness l) {
    List<Evidence> out = new ArrayList<>();
    List<String> sequence = new ArrayList<>();
    for (int[] p : l.aligned()) {
      if (sequence.size() < MAX_SEQUENCE) {
        sequence.add(hereSig.anchors().get(p[0]).value());
      }
    }
    if (!sequence.isEmpty()) {
      String s = String.join(" · ", sequence);
      out.add(new Evidence("shared-sequence", s, s, l.aligned().size() + " names, numbers, quotes and dates in the same order"));
    }
    pairs(hereSig, thereSig, l).entrySet().stream()
        .sorted(Map.Entry.<Pair, Integer>comparingByValue().reversed()).limit(MAX_PASSAGES).forEach(e ->
            out.add(new Evidence("aligned-passage", sentence(here, e.getKey().here()), sentence(there, e.getKey().there()),
                e.getValue() + " shared anchors")));
    return out;
  }

  /**
   * What a translation changed in the sentences it aligns with its original's (pairs sharing at least
   * two anchors of the common sequence): numbers, when both sentences give as many and not the same
   * ({@code changed-number}: "16 miliardi" where the other says "15.5 billion"), and the outlets named
   * in one and not the other ({@code changed-outlet}: "ha detto a Reuters" for "told AP"), at most
   * {@link Overlap#MAX_DIFFERENCES}.
   */
  static List<Evidence> differences(Analysis here, Signature hereSig, Analysis there, Signature thereSig, Likeness l) {
    List<Evidence> out = new ArrayList<>();
    Set<String> sites = Overlap.sites(here, there);
    for (Pair p : pairs(hereSig, thereSig, l).keySet()) {
      if (out.size() >= Overlap.MAX_DIFFERENCES) {
        break;
      }
      String ta = sentence(here, p.here());
      String tb = sentence(there, p.there());
      Set<String> na = numbers(here, hereSig, p.here());
      Set<String> nb = numbers(there, thereSig, p.there());
      if (!na.isEmpty() && na.size() == nb.size() && !na.equals(nb)) {
        out.add(new Evidence("changed-number", ta, tb, "numbers " + Overlap.minus(na, nb) + " here, " + Overlap.minus(nb, na) + " there"));
      }
      for (String outlet : Overlap.outletsIn(text(here, p.here()), text(there, p.there()), sites)) {
        out.add(new Evidence("changed-outlet", ta, tb, outlet));
      }
    }
    return out;
  }

  /** A sentence of each article, by index. */
  private record Pair(int here, int there) { }

  /** The sentence pairs that share at least two anchors of the common sequence, with how many, in text order. */
  private static Map<Pair, Integer> pairs(Signature hereSig, Signature thereSig, Likeness l) {
    Map<Pair, Integer> counts = new LinkedHashMap<>();
    for (int[] p : l.aligned()) {
      Anchor a = hereSig.anchors().get(p[0]);
      Anchor b = thereSig.anchors().get(p[1]);
      if (a.sentence() >= 0 && b.sentence() >= 0) {
        counts.merge(new Pair(a.sentence(), b.sentence()), 1, Integer::sum);
      }
    }
    counts.values().removeIf(n -> n < 2);
    return counts;
  }

  /**
   * The numbers of a sentence, in their plain form, but for the parts of clock times ("18:40" where a
   * translation may write "6:40 p.m.").
   */
  private static Set<String> numbers(Analysis a, Signature sig, int sentence) {
    String text = a.article().text();
    Set<String> out = new LinkedHashSet<>();
    for (Anchor x : sig.anchors()) {
      if (x.kind() == Anchor.Kind.NUMBER && x.sentence() == sentence && !CLOCK.matcher(text).region(
          Math.max(0, x.start() - 3), Math.min(text.length(), x.start() + 5)).find()) {
        out.add(x.value());
      }
    }
    return out;
  }

  private static String text(Analysis a, int i) {
    Sentence s = a.sentences().get(i);
    return a.article().text().substring(s.start(), s.end());
  }

  private static String sentence(Analysis a, int i) {
    String text = text(a, i);
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
  }
}
