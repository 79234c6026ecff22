package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialNamesTest {

  /** The labels of sentence {@code at} after {@link PartialNames}; sentences and labels alternate. */
  private static String[] after(int at, String... sentencesAndLabels) {
    LabelledSentences text = LabelledSentences.of(sentencesAndLabels);
    PartialNames.apply(text.words(), text.labels());
    return text.labels().get(at);
  }

  @Test
  void aSurnameTypedAsAPlaceIsThePersonNamedInFull() {
    assertArrayEquals("O O O PER O".split(" "), after(1,
        "parla Giulio Ferrandi oggi", "O PER PER O", "le dimissioni di Ferrandi .", "O O O LOC O"));
  }

  @Test
  void aLoneSurnameLeftOutIsThePerson() {
    assertArrayEquals("O O PER".split(" "), after(1,
        "Giulio Ferrandi arriva", "PER PER O", "lo dice Ferrandi", "O O O"));
  }

  @Test
  void aLoneSurnameAfterItsArabicArticleIsThePerson() {
    assertArrayEquals("O O PER O".split(" "), after(1,
        "parla Bashar al-Assad oggi", "O PER PER O", "secondo fonti al-Assad tace", "O O O O"));
  }

  @Test
  void anArticleOpeningASentenceIsNotTheTrailingWordOfAName() {
    assertArrayEquals("O O O O".split(" "), after(1,
        "parla Kim Jong Un oggi", "O PER PER PER O", "Un accordo è firmato", "O O O O"));
  }

  @Test
  void theTrailingWordsOfALongerNameAreThePerson() {
    assertArrayEquals("O PER PER O".split(" "), after(1,
        "con Anna Maria Ferrandi ieri", "O PER PER PER O", "e Maria Ferrandi ha", "O ORG ORG O"));
  }

  @Test
  void aFirstNameAloneIsNotThePerson() {
    assertArrayEquals("O LOC O".split(" "), after(1,
        "parla Giulio Ferrandi oggi", "O PER PER O", "a Giulio ieri", "O LOC O"));
  }

  @Test
  void aSurnameInsideALongerCapitalisedRunIsNotFilled() {
    assertArrayEquals("O O O O".split(" "), after(1,
        "parla Giulio Ferrandi oggi", "O PER PER O", "la Ferrandi Costruzioni spa", "O O O O"));
  }

  @Test
  void aOneWordPersonIsNoFullNameAndOneVoteAgainstOneChangesNothing() {
    assertArrayEquals("O LOC O".split(" "), after(1,
        "parla Ferrandi oggi", "O PER O", "a Ferrandi ieri", "O LOC O"));
  }

  @Test
  void aFullNameFarAwayInTheFileVouchesForNothing() {
    List<List<String>> words = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    words.add(List.of("parla", "Giulio", "Ferrandi"));
    labels.add(new String[] {"O", "PER", "PER"});
    for (int k = 0; k < PartialNames.WINDOW; k++) {
      words.add(List.of("piove", "."));
      labels.add(new String[] {"O", "O"});
    }
    words.add(List.of("il", "Ferrandi", "."));
    labels.add(new String[] {"O", "LOC", "O"});
    PartialNames.apply(words, labels);
    assertArrayEquals(new String[] {"O", "LOC", "O"}, labels.get(labels.size() - 1));
  }

  @Test
  void aFullNameWithinTheWindowVouchesBackwardsToo() {
    assertArrayEquals("O PER O".split(" "), after(0,
        "il Ferrandi .", "O LOC O", "parla Giulio Ferrandi", "O PER PER"));
  }

  @Test
  void aNameMostlyAPersonIsAPersonEverywhereNearby() {
    assertArrayEquals("O O PER".split(" "), after(2,
        "parla Ferrandi oggi", "O PER O", "dice Ferrandi ,", "O PER O", "lo dice Ferrandi", "O O LOC"));
  }

  @Test
  void aPlaceMostlyAPlaceKeepsItsRoleElsewhere() {
    assertArrayEquals("O ORG O".split(" "), after(2,
        "in Tirenia ieri", "O LOC O", "a Tirenia oggi", "O LOC O", "la Tirenia firma", "O ORG O"));
  }

  @Test
  void labelsMustPairWithWords() {
    assertThrows(IllegalArgumentException.class, () -> PartialNames.apply(
        List.of(Arrays.asList("a", "Roma")), List.<String[]>of(new String[] {"O"})));
  }
}
