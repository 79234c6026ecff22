package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class DirectionTrainingTest {
  private static final String DOC = "{\"fold\": \"f\", \"lang\": \"en\", \"dct\": \"1998-10-21\", "
      + "\"paragraphs\": [\"Profit fell in the third quarter, and the shares rose on Monday.\"], \"gold\": [%s]}";

  @Test void aCaseIsLabelledByTheReadingItsGoldHolds() throws IOException {
    List<DirectionTraining.Example> e = DirectionTraining.examples(List.of(String.format(DOC,
        "[0, 15, 32, \"DATE\", \"1998-Q3\"], [0, 57, 63, \"DATE\", \"1998-10-19\"]")));
    assertEquals(List.of(false, false), e.stream().map(DirectionTraining.Example::ahead).toList());
  }
  @Test void aCaseWhoseGoldHoldsNeitherReadingIsLeftOut() throws IOException {
    assertEquals(List.of(), DirectionTraining.examples(List.of(String.format(DOC, "[0, 57, 63, \"DATE\", \"XXXX-WXX-1\"]"))));
  }
  @Test void aCaseAfterADeadlineWordIsCountedAsTheDeadlines() throws IOException {
    String doc = "{\"fold\": \"f\", \"lang\": \"en\", \"dct\": \"1998-10-21\", \"paragraphs\": [\"Holders may tender "
        + "their shares until Nov. 2, and the shares rose on Monday.\"], \"gold\": [[0, 38, 44, \"DATE\", \"1998-11-02\"], "
        + "[0, 69, 75, \"DATE\", \"1998-10-19\"]]}";
    assertEquals(List.of(Direction.Constraint.DEADLINE, Direction.Constraint.NONE),
        DirectionTraining.examples(List.of(doc)).stream().map(DirectionTraining.Example::constraint).toList());
  }
}
