package org.lente.nlp.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lente.nlp.Tokenizer;

/**
 * One label per name across a batch of sentences: a name (a run of capitalised words) that the tagger
 * labelled as an entity in most of the places where it stands alone in the batch gets that label
 * where the tagger missed it, with the type it was given most. A CRF decides sentence by sentence and
 * misses a name where its neighbours give little evidence ("ha detto Bersani" after "Pier Luigi
 * Bersani" was found). Only whole runs of capitalised words are matched, so a name is not found
 * inside a longer one. Linear in the number of words (names are at most {@link #MAX_WORDS} long).
 */
public final class NameMemory {

  /** The longest name remembered, in words. */
  static final int MAX_WORDS = 6;

  private NameMemory() {}

  /**
   * Fills the labels the tagger missed, in place.
   *
   * @param words the batch's sentences, as words
   * @param labels one label per word ({@code O}, {@code PER}, ...), as {@link EntityTagger#label} gives
   */
  public static void apply(List<List<String>> words, List<String[]> labels) {
    checkPaired(words, labels);
    Map<String, Votes> votes = new HashMap<>();
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      forEachCapitalisedRun(w, (a, b) -> {
        if (b - a <= MAX_WORDS) {
          votes.computeIfAbsent(String.join(" ", w.subList(a, b)), x -> new Votes()).add(uniform(l, a, b));
        }
      });
    }
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      forEachCapitalisedRun(w, (a, b) -> {
        Votes v = b - a <= MAX_WORDS ? votes.get(String.join(" ", w.subList(a, b))) : null;
        String type = v == null ? null : v.majorityType();
        if (type != null && uniform(l, a, b).equals("O")) {
          java.util.Arrays.fill(l, a, b, type);
        }
      });
    }
  }

  /** Throws unless there is one label array per sentence and one label per word. */
  static void checkPaired(List<List<String>> words, List<String[]> labels) {
    if (words.size() != labels.size()) {
      throw new IllegalArgumentException("sentences: " + words.size() + " with words, " + labels.size() + " labelled");
    }
    for (int s = 0; s < words.size(); s++) {
      if (words.get(s).size() != labels.get(s).length) {
        throw new IllegalArgumentException("sentence " + s + ": " + words.get(s).size() + " words, "
            + labels.get(s).length + " labels");
      }
    }
  }

  /** The label shared by words [a, b), or "" when they differ. */
  static String uniform(String[] labels, int a, int b) {
    for (int k = a + 1; k < b; k++) {
      if (!labels[k].equals(labels[a])) {
        return "";
      }
    }
    return labels[a];
  }

  /** Calls {@code run} with [start, end) of each maximal run of words that begin with a capital. */
  static void forEachCapitalisedRun(List<String> words, java.util.function.BiConsumer<Integer, Integer> run) {
    int i = 0;
    while (i < words.size()) {
      if (!isCapitalised(words.get(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < words.size() && isCapitalised(words.get(j))) {
        j++;
      }
      run.accept(i, j);
      i = j;
    }
  }

  /** Whether the word begins with a capital letter, or is an Arabic name after its article ("al-Assad"). */
  static boolean isCapitalised(String w) {
    return !w.isEmpty() && (Character.isUpperCase(w.codePointAt(0)) || Tokenizer.isArticledName(w));
  }

  /** How often a name was labelled with each type, and how often it was left out. */
  private static final class Votes {
    private final Map<String, Integer> byType = new HashMap<>();
    private int entity;
    private int missed;

    void add(String label) {
      if (label.equals("O")) {
        missed++;
      } else if (!label.isEmpty()) {
        entity++;
        byType.merge(label, 1, Integer::sum);
      }
    }

    /**
     * The type given most when the name was an entity in more places than it was missed; null
     * otherwise.
     */
    String majorityType() {
      if (entity <= missed) {
        return null;
      }
      String best = null;
      int most = 0;
      for (Map.Entry<String, Integer> e : byType.entrySet()) {
        if (e.getValue() > most || e.getValue() == most && e.getKey().compareTo(best) < 0) {
          most = e.getValue();
          best = e.getKey();
        }
      }
      return best;
    }
  }
}
