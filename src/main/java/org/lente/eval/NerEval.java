package org.lente.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lente.nlp.ner.EntityTagger;
import org.lente.nlp.time.Lang;

/**
 * Named-entity evaluation on a CoNLL file with gold IOB2 labels in the last column, as NERMuD
 * (EVALITA 2023) scores KIND: token-level micro F1 over PER, LOC and ORG ignoring the B-/I- prefixes,
 * and exact-span micro F1 (an entity counts when its first word, last word and type all match). Other
 * types (MISC) are ignored on both sides. Speed is tokens per second on one thread, timed on a second
 * pass after a warm-up pass over the same file.
 */
public final class NerEval {

  private static final Set<String> TYPES = Set.of("PER", "LOC", "ORG");

  /** Counts of one run. */
  public record Result(int sentences, int tokens, Counts tokenLevel, Counts spanLevel, double tokensPerSecond) {
    public Result {
      Objects.requireNonNull(tokenLevel, "tokenLevel");
      Objects.requireNonNull(spanLevel, "spanLevel");
    }
  }

  /** True positives, false positives, false negatives. */
  public record Counts(int tp, int fp, int fn) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private final EntityTagger tagger;

  public NerEval(EntityTagger tagger) {
    this.tagger = Objects.requireNonNull(tagger, "tagger");
  }

  public Result run(Path conll, Lang lang) throws IOException {
    List<Conll.Sentence> sentences;
    try (BufferedReader in = Files.newBufferedReader(conll, StandardCharsets.UTF_8)) {
      sentences = Conll.read(in);
    }
    int tokens = sentences.stream().mapToInt(s -> s.rows().size()).sum();
    List<String[]> predicted = tagAll(sentences, lang); // warm-up
    long t0 = System.nanoTime();
    predicted = tagAll(sentences, lang);
    double seconds = (System.nanoTime() - t0) / 1e9;
    int ttp = 0;
    int tfp = 0;
    int tfn = 0;
    int stp = 0;
    int sfp = 0;
    int sfn = 0;
    for (int i = 0; i < sentences.size(); i++) {
      String[] gold = sentences.get(i).lastColumn().toArray(String[]::new);
      String[] pred = Conll.iob2(predicted.get(i));
      for (int k = 0; k < gold.length; k++) {
        String g = type(gold[k]);
        String p = type(pred[k]);
        if (!g.equals("O") && g.equals(p)) {
          ttp++;
        } else {
          tfp += p.equals("O") ? 0 : 1;
          tfn += g.equals("O") ? 0 : 1;
        }
      }
      Set<String> gs = spans(gold);
      Set<String> ps = spans(pred);
      for (String s : ps) {
        if (gs.contains(s)) {
          stp++;
        } else {
          sfp++;
        }
      }
      for (String s : gs) {
        sfn += ps.contains(s) ? 0 : 1;
      }
    }
    return new Result(sentences.size(), tokens, new Counts(ttp, tfp, tfn), new Counts(stp, sfp, sfn),
        tokens / seconds);
  }

  private List<String[]> tagAll(List<Conll.Sentence> sentences, Lang lang) {
    return tagger.labelAll(lang, sentences.stream().map(Conll.Sentence::tokens).toList());
  }

  /** The type of an IOB2 label, or O when it is not one of the scored types. */
  static String type(String label) {
    String t = label.startsWith("B-") || label.startsWith("I-") ? label.substring(2) : label;
    return TYPES.contains(t) ? t : "O";
  }

  /**
   * Entities of an IOB2 sequence as "start:end:type", read as conlleval does: an I- that does not
   * continue an entity of its type starts a new one.
   */
  static Set<String> spans(String[] labels) {
    Set<String> out = new HashSet<>();
    int start = -1;
    String cur = null;
    for (int i = 0; i <= labels.length; i++) {
      String l = i < labels.length ? labels[i] : "O";
      String t = type(l);
      boolean begins = !t.equals("O") && (l.startsWith("B-") || !t.equals(cur));
      if (cur != null && (t.equals("O") || begins)) {
        out.add(start + ":" + i + ":" + cur);
        cur = null;
      }
      if (begins) {
        start = i;
        cur = t;
      }
    }
    return out;
  }
}
