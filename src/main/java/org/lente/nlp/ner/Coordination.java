package org.lente.nlp.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names in one list are of one kind: "NCD , SC , AUT e UDC" are four parties, "Swansea e Manchester City ,
 * Burnley e QPR" four clubs. A CRF types each name from its own neighbours and, in a list, those are
 * other names and commas, so it leaves a member out or gives it a type of its own. Here a list is three
 * or more members joined by a comma or a conjunction ({@link #JOINERS}), a member being a labelled name or
 * a single capitalised word the tagger left out; a member may carry an aside in brackets
 * ("Granada ( 12 ) ,", "Bolton ( 2-1 contro il Derby ) ,"), whose names are not members. When one type labels at least {@link #MIN_AGREEING}
 * members and more than twice as many as any other type, every member gets it. A list of two ("Vasco e
 * Nonciclopedia") says too little and is left alone. Linear in the words; stateless and thread-safe.
 */
final class Coordination {

  /** The words that join a list's members, Italian and English. */
  static final Set<String> JOINERS = Set.of(",", "e", "ed", "o", "and", "or");

  /**
   * The most words an aside in brackets after a member may hold: a league table's points or a match's
   * score and opponent ("( 2-1 contro il Derby )"). Folds 0-2 score the same from 6 to 20; 10 is inside.
   */
  static final int MAX_ASIDE = 10;

  /** The fewest members the list's type must label. */
  static final int MIN_AGREEING = 2;

  private static final Set<String> CLOSERS = Set.of(".", "(", ")", ";", ":");

  private Coordination() {}

  /** Applies {@link #apply(List, String[])} to each sentence, in place. */
  static void apply(List<List<String>> sentences, List<String[]> labels) {
    NameMemory.checkPaired(sentences, labels);
    for (int s = 0; s < sentences.size(); s++) {
      apply(sentences.get(s), labels.get(s));
    }
  }

  /**
   * Gives every member of each list in the sentence the list's type, in place.
   *
   * @param labels one label per word ({@code O}, {@code PER}, ...), as {@link EntityTagger#label} gives
   */
  static void apply(List<String> words, String[] labels) {
    List<int[]> list = new ArrayList<>();
    for (int[] m : members(words, labels)) {
      if (!list.isEmpty()) {
        int after = afterAside(words, list.get(list.size() - 1)[1]);
        if (m[0] < after) {
          continue; // a name inside the last member's aside ("Bolton ( 2-1 contro il Derby ) ,") is not a member
        }
        if (after + 1 == m[0] && JOINERS.contains(words.get(after))) {
          list.add(m);
          continue;
        }
        unify(labels, list);
        list = new ArrayList<>();
      }
      list.add(m);
    }
    unify(labels, list);
  }

  /** The names ([start, end) of each run of one label) and the lone capitalised words after a joiner. */
  private static List<int[]> members(List<String> words, String[] labels) {
    List<int[]> members = new ArrayList<>();
    int n = labels.length;
    int i = 0;
    while (i < n) {
      int j = i + 1;
      if (!labels[i].equals("O")) {
        while (j < n && labels[j].equals(labels[i])) {
          j++;
        }
        members.add(new int[] {i, j});
      } else if (i > 0 && JOINERS.contains(words.get(i - 1)) && Character.isUpperCase(words.get(i).codePointAt(0))
          && (j == n || JOINERS.contains(words.get(j)) || CLOSERS.contains(words.get(j)))) {
        members.add(new int[] {i, j});
      }
      i = j;
    }
    return members;
  }

  /**
   * Where the words after a member ending at {@code end} go on: after its aside in brackets of at most
   * {@link #MAX_ASIDE} words, if it has one, else at {@code end}.
   */
  private static int afterAside(List<String> words, int end) {
    if (end < words.size() && words.get(end).equals("(")) {
      int k = end + 1;
      while (k < words.size() && k - end - 1 <= MAX_ASIDE && !words.get(k).equals(")")) {
        k++;
      }
      if (k < words.size() && k - end - 1 <= MAX_ASIDE) {
        return k + 1;
      }
    }
    return end;
  }

  private static void unify(String[] labels, List<int[]> list) {
    if (list.size() < 3) {
      return;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (int[] m : list) {
      if (!labels[m[0]].equals("O")) {
        counts.merge(labels[m[0]], 1, Integer::sum);
      }
    }
    String top = null;
    int first = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > first) {
        second = first;
        first = e.getValue();
        top = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    if (first >= MIN_AGREEING && first > 2 * second) {
      for (int[] m : list) {
        Arrays.fill(labels, m[0], m[1], top);
      }
    }
  }
}
