package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CorefEvalTest {

  private static final Path DIR = Path.of("..", "shared", "data", "meantime", "en");

  @Test
  void meantimeCrossDocumentScoresAreComputedForBothSettings() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DIR.resolve("intra_cross-doc_annotation")),
        "MEANTIME not found at " + DIR.toAbsolutePath() + ": skipping");
    CorefEval.Result r = new CorefEval().run(DIR);
    System.out.print(r.table());
    assertEquals(60, r.documents());
    for (CorefEval.Scores s : new CorefEval.Scores[] {r.named(), r.all()}) {
      assertTrue(s.mentions() > 0 && s.goldEntities() > 0 && s.systemEntities() > 0, s.toString());
      assertTrue(s.conllF1() > 0 && s.conllF1() <= 1, s.toString());
    }
    assertTrue(r.all().mentions() > r.named().mentions());
  }

  @Test
  void allMentionsReachTheIssuesTarget() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DIR.resolve("intra_cross-doc_annotation")),
        "MEANTIME not found at " + DIR.toAbsolutePath() + ": skipping");
    CorefEval.Result r = new CorefEval().run(DIR);
    assertTrue(r.all().conllF1() >= 0.70, "all-mention CoNLL F1 below 0.70 (0.748 measured):\n" + r.table());
    assertTrue(r.named().conllF1() >= 0.84, "named CoNLL F1 below 0.84 (0.843 measured):\n" + r.table());
  }

  @Test
  void theNameInAPhraseIsTheRunNotModifyingANoun() {
    assertEquals(List.of("Ryanair"), CorefEval.nameIn(List.of("Irish", "low", "cost", "airline", ",", "Ryanair")));
    assertEquals(List.of("Moscone", "Center"),
        CorefEval.nameIn(List.of("Moscone", "Center", "in", "San", "Francisco", ",", "California")));
  }

  @Test
  void aRoleBeforeAPersonsNameIsNotPartOfIt() {
    assertEquals(List.of("Steve", "Jobs"), CorefEval.nameIn(List.of("Apple", "CEO", "Steve", "Jobs")));
  }

  @Test
  void aRoleAloneIsNoName() {
    assertEquals(List.of(), CorefEval.nameIn(List.of("Apple", "CEO")));
  }
}
