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
        .sorted(Map.Entry.<int[], Integer>comparingByValue().reversed()).limit(MAX_PASSAGES).forEach(e ->
            out.add(new Evidence("aligned-passage", sentence(here, e.getKey()[0]), sentence(there, e.getKey()[1]),
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
    for (int[] ij : pairs(hereSig, thereSig, l).keySet()) {
      if (out.size() >= Overlap.MAX_DIFFERENCES) {
        break;
      }
      Set<String> na = numbers(here, hereSig, ij[0]);
      Set<String> nb = numbers(there, thereSig, ij[1]);
      String ta = null;
      String tb = null;
      if (!na.isEmpty() && na.size() == nb.size() && !na.equals(nb)) {
        ta = sentence(here, ij[0]);
        tb = sentence(there, ij[1]);
        out.add(new Evidence("changed-number", ta, tb, "numbers " + Overlap.minus(na, nb) + " here, " + Overlap.minus(nb, na) + " there"));
      }
      List<String> outlets = Overlap.outletsIn(text(here, ij[0]), text(there, ij[1]), sites);
      for (String outlet : outlets) {
        out.add(new Evidence("changed-outlet", ta != null ? ta : sentence(here, ij[0]),
            tb != null ? tb : sentence(there, ij[1]), outlet));
      }
    }
    return out;
  }

  /** The sentence pairs ({here, there}) that share at least two anchors of the common sequence, with how many, in text order. */
  private static Map<int[], Integer> pairs(Signature hereSig, Signature thereSig, Likeness l) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int[] p : l.aligned()) {
      Anchor a = hereSig.anchors().get(p[0]);
      Anchor b = thereSig.anchors().get(p[1]);
      if (a.sentence() >= 0 && b.sentence() >= 0) {
        counts.merge(a.sentence() + ":" + b.sentence(), 1, Integer::sum);
      }
    }
    Map<int[], Integer> out = new LinkedHashMap<>();
    counts.forEach((k, n) -> {
      if (n >= 2) {
        String[] ij = k.split(":");
        out.put(new int[] {Integer.parseInt(ij[0]), Integer.parseInt(ij[1])}, n);
      }
    });
    return out;
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
