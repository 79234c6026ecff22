package org.lente.nlp.ner;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A person named in full somewhere in a text is a person where the text names them in part: after
 * "Mario Rossi" (labelled PER), "Rossi" and "Maria Teresa Rossi"'s "Teresa Rossi" are that person
 * wherever the tagger typed them otherwise ("l'intervento di Rossi" read as a place after "di") or
 * left a lone capitalised "Rossi" out. Only the trailing words of a full name count (surnames, not
 * first names, stand for a person in news), each beginning with a capital; a full name is a run of
 * two to {@link NameMemory#MAX_WORDS} words labelled PER. Runs after {@link NameMemory}; linear in the
 * number of words.
 */
public final class PartialNames {

  private PartialNames() {}

  /**
   * Retypes and fills the partial names of persons, in place.
   *
   * @param words the text's sentences, as words
   * @param labels one label per word ({@code O}, {@code PER}, ...; a run of equal labels is one entity)
   */
  public static void apply(List<List<String>> words, List<String[]> labels) {
    NameMemory.checkPaired(words, labels);
    Set<String> partial = new HashSet<>();
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      forEachEntity(l, (a, b) -> {
        if (b - a >= 2 && b - a <= NameMemory.MAX_WORDS && l[a].equals("PER")) {
          for (int k = a + 1; k < b; k++) {
            if (NameMemory.isCapitalised(w.get(k))) {
              partial.add(String.join(" ", w.subList(k, b)));
            }
          }
        }
      });
    }
    if (partial.isEmpty()) {
      return;
    }
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      forEachEntity(l, (a, b) -> {
        if (!l[a].equals("PER") && partial.contains(String.join(" ", w.subList(a, b)))) {
          Arrays.fill(l, a, b, "PER");
        }
      });
      NameMemory.forEachCapitalisedRun(w, (a, b) -> {
        if (b - a == 1 && l[a].equals("O") && partial.contains(w.get(a))) {
          l[a] = "PER";
        }
      });
    }
  }

  /** Calls {@code run} with [start, end) of each maximal run of equal labels other than {@code O}. */
  private static void forEachEntity(String[] labels, BiConsumer<Integer, Integer> run) {
    int i = 0;
    while (i < labels.length) {
      int j = i + 1;
      while (j < labels.length && labels[j].equals(labels[i])) {
        j++;
      }
      if (!labels[i].equals("O")) {
        run.accept(i, j);
      }
      i = j;
    }
  }
}
