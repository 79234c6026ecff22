package org.lente.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;

/**
 * The evidence of a cross-language link a user can read: sentence pairs that share several anchors
 * of the common sequence ({@code aligned-passage}), and that sequence itself ({@code shared-sequence}).
 */
final class Passages {

  static final int MAX_PASSAGES = 3;
  static final int MAX_SEQUENCE = 15;
  private static final int MAX_CHARS = 300;

  private Passages() {
  }

  static List<Evidence> aligned(Analysis here, Signature hereSig, Analysis there, Signature thereSig, Likeness l) {
    List<Evidence> out = new ArrayList<>();
    Map<String, Integer> pairs = new LinkedHashMap<>();
    List<String> sequence = new ArrayList<>();
    for (int[] p : l.aligned()) {
      Anchor a = hereSig.anchors().get(p[0]);
      Anchor b = thereSig.anchors().get(p[1]);
      if (sequence.size() < MAX_SEQUENCE) {
        sequence.add(a.value());
      }
      if (a.sentence() >= 0 && b.sentence() >= 0) {
        pairs.merge(a.sentence() + ":" + b.sentence(), 1, Integer::sum);
      }
    }
    if (!sequence.isEmpty()) {
      String s = String.join(" · ", sequence);
      out.add(new Evidence("shared-sequence", s, s, l.aligned().size() + " names, numbers, quotes and dates in the same order"));
    }
    pairs.entrySet().stream().filter(e -> e.getValue() >= 2)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(MAX_PASSAGES).forEach(e -> {
          String[] ij = e.getKey().split(":");
          out.add(new Evidence("aligned-passage", sentence(here, Integer.parseInt(ij[0])),
              sentence(there, Integer.parseInt(ij[1])), e.getValue() + " shared anchors"));
        });
    return out;
  }

  private static String sentence(Analysis a, int i) {
    Sentence s = a.sentences().get(i);
    String text = a.article().text().substring(s.start(), s.end());
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
  }
}
