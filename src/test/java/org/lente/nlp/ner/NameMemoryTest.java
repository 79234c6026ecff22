package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameMemoryTest {

  private static List<String> words(String sentence) {
    return Arrays.asList(sentence.split(" "));
  }

  /** The labels of sentence {@code at} after {@link NameMemory}; sentences and labels alternate. */
  private static String[] after(int at, String... sentencesAndLabels) {
    List<List<String>> words = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    for (int k = 0; k < sentencesAndLabels.length; k += 2) {
      words.add(words(sentencesAndLabels[k]));
      labels.add(sentencesAndLabels[k + 1].split(" "));
    }
    NameMemory.apply(words, labels);
    return labels.get(at);
  }

  @Test
  void aNameMissedOnceTakesTheLabelItHasElsewhere() {
    assertArrayEquals("O PER O".split(" "), after(2,
        "ieri Bersani parla", "O PER O", "lo dice Bersani", "O O PER", "secondo Bersani ,", "O O O"));
  }

  @Test
  void aNameMostlyLeftOutStaysOut() {
    assertArrayEquals("O O O".split(" "), after(1,
        "con Governo ombra", "O ORG O", "il Governo decide", "O O O", "dal Governo ,", "O O O"));
  }

  @Test
  void aNameInsideALongerCapitalisedRunIsNotMatched() {
    assertArrayEquals("O O O O".split(" "), after(2,
        "a Roma ieri", "O LOC O", "da Roma oggi", "O LOC O", "la Lazio Roma Calcio", "O O O O"));
  }

  @Test
  void sentencesAndLabelsMustPair() {
    assertThrows(IllegalArgumentException.class, () -> NameMemory.apply(List.of(words("a Roma")), List.of()));
  }
}
