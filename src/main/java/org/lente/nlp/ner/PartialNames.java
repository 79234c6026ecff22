package org.lente.nlp.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person named in full near a partial name is that person: after "Mario Rossi" (labelled PER),
 * "Rossi" and "Maria Teresa Rossi"'s "Teresa Rossi" are that person wherever the tagger typed them
 * otherwise ("l'intervento di Rossi" read as a place after "di") or left a lone capitalised "Rossi"
 * out. Only the trailing words of a full name count (surnames, not first names, stand for a person
 * in news), each beginning with a capital; a full name is a run of two to {@link NameMemory#MAX_WORDS}
 * words labelled PER, and it must stand within {@link #WINDOW} sentences of the partial name, so that
 * in a file of many articles a surname that is a bridge, a stadium or a firm in another article
 * ("il Morandi", "lo Stirpe") keeps its type. A lone word left out is not filled when it is an article, a preposition
 * or a conjunction opening a sentence ("Un accordo …" after "Kim Jong Un"). Then a name that is a person in most of its nearby
 * mentions is a person in the others ({@link #mostlyAPerson}). Runs after {@link NameMemory}; linear in
 * the number of words (times the log of a name's mentions).
 */
public final class PartialNames {

  /**
   * How far, in sentences before or after, a full name vouches for its partial names: about two news
   * articles. Chosen on held-out folds of KIND's Wikinews training set, where 20 to 100 sentences gain
   * alike and less than 20 gains less (docs/ner.md).
   */
  static final int WINDOW = 50;

  private PartialNames() {}

  /**
   * Retypes and fills the partial names of persons, in place.
   *
   * @param words the text's sentences, as words
   * @param labels one label per word ({@code O}, {@code PER}, ...; a run of equal labels is one entity)
   */
  public static void apply(List<List<String>> words, List<String[]> labels) {
    NameMemory.checkPaired(words, labels);
    Map<String, List<Integer>> fullNameAt = fullNames(words, labels);
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      int sentence = s;
      Corrections.forEachRun(l, (a, b) -> {
        if (!l[a].equals("PER") && near(fullNameAt.get(String.join(" ", w.subList(a, b))), sentence)) {
          Arrays.fill(l, a, b, "PER");
        }
      });
      NameMemory.forEachCapitalisedRun(w, (a, b) -> {
        if (b - a == 1 && l[a].equals("O") && near(fullNameAt.get(w.get(a)), sentence)
            && !(a == 0 && Corrections.isFunctionWord(w.get(a).toLowerCase(java.util.Locale.ROOT)))) {
          l[a] = "PER";
        }
      });
    }
    mostlyAPerson(words, labels);
  }

  /**
   * Where each partial name of a full name labelled PER is vouched for: the trailing words of every run of two to
   * {@link NameMemory#MAX_WORDS} words labelled PER, each from a capitalised word on ("Rossi", "Teresa Rossi"), with
   * the sentences of those runs, ascending and each once.
   */
  static Map<String, List<Integer>> fullNames(List<List<String>> words, List<String[]> labels) {
    Map<String, List<Integer>> fullNameAt = new HashMap<>();
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      int sentence = s;
      Corrections.forEachRun(l, (a, b) -> {
        if (b - a >= 2 && b - a <= NameMemory.MAX_WORDS && l[a].equals("PER")) {
          for (int k = a + 1; k < b; k++) {
            if (NameMemory.isCapitalised(w.get(k))) {
              List<Integer> at = fullNameAt.computeIfAbsent(String.join(" ", w.subList(k, b)), x -> new ArrayList<>());
              if (at.isEmpty() || at.get(at.size() - 1) != sentence) {
                at.add(sentence);
              }
            }
          }
        }
      });
    }
    return fullNameAt;
  }

  /**
   * A name labelled PER in more of its mentions within {@link #WINDOW} sentences than with its own
   * type, and at least as often as with any other type, becomes PER where it is typed otherwise ("di
   * Ferrandi" read as a place among mentions of the person Ferrandi). Only towards PER: KIND types a
   * place by its role in each sentence ("Italia" as LOC or ORG), a person is a person throughout.
   */
  private static void mostlyAPerson(List<List<String>> words, List<String[]> labels) {
    Map<String, Map<String, List<Integer>>> mentions = mentionsByType(words, labels);
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      int sentence = s;
      Corrections.forEachRun(l, (a, b) -> {
        Map<String, List<Integer>> byType = mentions.get(String.join(" ", w.subList(a, b)));
        int persons = countNear(byType.get("PER"), sentence);
        if (persons == 0 || l[a].equals("PER") || persons <= countNear(byType.get(l[a]), sentence)) {
          return;
        }
        for (List<Integer> other : byType.values()) {
          if (countNear(other, sentence) > persons) {
            return;
          }
        }
        Arrays.fill(l, a, b, "PER");
      });
    }
  }

  /** Every labelled name's words, then its type, then the sentences it has that type in (ascending, repeats allowed). */
  static Map<String, Map<String, List<Integer>>> mentionsByType(List<List<String>> words, List<String[]> labels) {
    Map<String, Map<String, List<Integer>>> mentions = new HashMap<>();
    for (int s = 0; s < words.size(); s++) {
      List<String> w = words.get(s);
      String[] l = labels.get(s);
      int sentence = s;
      Corrections.forEachRun(l, (a, b) -> mentions.computeIfAbsent(String.join(" ", w.subList(a, b)), x -> new HashMap<>())
          .computeIfAbsent(l[a], x -> new ArrayList<>()).add(sentence));
    }
    return mentions;
  }

  /** Whether one of {@code sentences} (ascending; null for none) is within {@link #WINDOW} of {@code s}. */
  static boolean near(List<Integer> sentences, int s) {
    return countNear(sentences, s) > 0;
  }

  /** How many of {@code sentences} (ascending, repeats allowed; null for none) are within {@link #WINDOW} of {@code s}. */
  static int countNear(List<Integer> sentences, int s) {
    return sentences == null ? 0 : firstAtLeast(sentences, s + WINDOW + 1) - firstAtLeast(sentences, s - WINDOW);
  }

  /** The index of the first of {@code sorted} that is at least {@code x}, or its size. */
  private static int firstAtLeast(List<Integer> sorted, int x) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid) < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
