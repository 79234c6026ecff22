package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameMemoryTest {

  private static List<String> words(String sentence) {
    return Arrays.asList(sentence.split(" "));
  }

  private static String[] labels(String labels) {
    return labels.split(" ");
  }

  @Test
  void aNameMissedOnceTakesTheLabelItHasElsewhere() {
    List<String[]> l = List.of(labels("O PER O"), labels("O O PER"), labels("O O O"));
    NameMemory.apply(List.of(words("ieri Bersani parla"), words("lo dice Bersani"), words("secondo Bersani ,")), l);
    assertArrayEquals(labels("O PER O"), l.get(2));
  }

  @Test
  void aNameMostlyLeftOutStaysOut() {
    List<String[]> l = List.of(labels("O ORG O"), labels("O O O"), labels("O O O"));
    NameMemory.apply(List.of(words("con Governo ombra"), words("il Governo decide"), words("dal Governo ,")), l);
    assertArrayEquals(labels("O O O"), l.get(1));
  }

  @Test
  void aNameInsideALongerCapitalisedRunIsNotMatched() {
    List<String[]> l = List.of(labels("O LOC O"), labels("O LOC O"), labels("O O O O"));
    NameMemory.apply(List.of(words("a Roma ieri"), words("da Roma oggi"), words("la Lazio Roma Calcio")), l);
    assertArrayEquals(labels("O O O O"), l.get(2));
  }

  @Test
  void sentencesAndLabelsMustPair() {
    assertThrows(IllegalArgumentException.class, () -> NameMemory.apply(List.of(words("a Roma")), List.of()));
  }
}
