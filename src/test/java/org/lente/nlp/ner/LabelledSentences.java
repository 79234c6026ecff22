package org.lente.nlp.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sentences with one label per word, written inline as tests do: "ieri Bersani parla", "O PER O". */
record LabelledSentences(List<List<String>> words, List<String[]> labels) {

  /** Sentences and their labels alternate, words and labels separated by single spaces. */
  static LabelledSentences of(String... sentencesAndLabels) {
    List<List<String>> words = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    for (int k = 0; k < sentencesAndLabels.length; k += 2) {
      words.add(Arrays.asList(sentencesAndLabels[k].split(" ")));
      labels.add(sentencesAndLabels[k + 1].split(" "));
    }
    return new LabelledSentences(words, labels);
  }
}
