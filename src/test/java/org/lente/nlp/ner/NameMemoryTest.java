package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameMemoryTest {

  /** The labels of sentence {@code at} after {@link NameMemory}; sentences and labels alternate. */
  private static String[] after(int at, String... sentencesAndLabels) {
    LabelledSentences text = LabelledSentences.of(sentencesAndLabels);
    NameMemory.apply(text.words(), text.labels());
    return text.labels().get(at);
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
    assertThrows(IllegalArgumentException.class, () -> NameMemory.apply(List.of(Arrays.asList("a", "Roma")), List.of()));
  }
}
