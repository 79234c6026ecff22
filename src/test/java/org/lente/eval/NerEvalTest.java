package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NerEvalTest {

  @Test
  void spansAreReadAsConllevalDoes() {
    assertEquals(Set.of("0:2:PER", "2:3:PER", "4:5:LOC"),
        NerEval.spans("B-PER I-PER B-PER O I-LOC".split(" ")));
  }

  @Test
  void miscIsNotScored() {
    assertEquals(Set.of(), NerEval.spans("B-MISC I-MISC".split(" ")));
  }

  @Test
  void ioLabelsBecomeIob2() {
    assertArrayEquals("B-PER I-PER O B-LOC B-ORG".split(" "), Conll.iob2("PER PER O LOC ORG".split(" ")));
  }
}
