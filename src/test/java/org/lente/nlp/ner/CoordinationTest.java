package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CoordinationTest {

  /** The labels after {@link Coordination} of one sentence written inline. */
  private static String[] after(String words, String labels) {
    String[] l = labels.split(" ");
    Coordination.apply(Arrays.asList(words.split(" ")), l);
    return l;
  }

  @Test
  void aMemberTypedOtherwiseTakesTheListsType() {
    assertArrayEquals("O ORG O ORG O ORG O ORG O".split(" "),
        after("battono Lecco , Pavia , Como e Carpi .", "O ORG O LOC O ORG O ORG O"));
  }

  @Test
  void aCapitalisedWordLeftOutOfAListJoinsIt() {
    assertArrayEquals("O ORG O ORG O ORG O ORG O".split(" "),
        after("votano PDL , UDC , ABC e IDV .", "O ORG O ORG O O O ORG O"));
  }

  @Test
  void anAsideInBracketsDoesNotBreakTheList() {
    assertArrayEquals("ORG O O O O ORG O O O O ORG O O O O ORG O O O".split(" "),
        after("Lecco ( 28 ) , Pavia ( 27 ) , Como ( 26 ) e Carpi ( 25 )",
            "ORG O O O O LOC O O O O ORG O O O O ORG O O O"));
  }

  @Test
  void aListOfTwoIsLeftAlone() {
    assertArrayEquals("O PER O ORG O".split(" "), after("intervistano Rossi e Fininvest .", "O PER O ORG O"));
  }

  @Test
  void twoAgainstOneIsNoClearMajority() {
    assertArrayEquals("O ORG O LOC O ORG O".split(" "), after("battono Lecco , Pavia e Carpi .", "O ORG O LOC O ORG O"));
  }

  @Test
  void aListWithoutAClearMajorityIsLeftAlone() {
    // two places against one person: not more than twice as many
    assertArrayEquals("LOC O LOC O PER O".split(" "), after("Roma , Milano e Bianchi .", "LOC O LOC O PER O"));
  }

  @Test
  void namesNotJoinedAreNotAList() {
    assertArrayEquals("ORG O LOC O O ORG O O ORG".split(" "),
        after("Fiat apre a Torino , dice Enel , poi Eni", "ORG O LOC O O ORG O O ORG"));
  }

  @Test
  void aNameInsideAnAsideIsNotAMember() {
    // the person in brackets neither joins the clubs' list nor breaks it
    assertArrayEquals("ORG O O O PER O O ORG O ORG O O O O ORG O".split(" "),
        after("Lecco ( 2-1 , Neri ) , Pavia , Como ( 1-1 ) e Carpi .",
            "ORG O O O PER O O LOC O ORG O O O O ORG O"));
  }
}
