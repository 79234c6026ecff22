package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lente.nlp.time.TimeTagger;

class MeantimeTimexEvalTest {

  private static final Path DIR = Path.of("..", "shared", "data", "meantime", "en");

  @Test
  void newsTimeExpressionsReachTheirValueF1Floor() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DIR.resolve("intra-doc_annotation")),
        "MEANTIME not found at " + DIR.toAbsolutePath() + ": skipping");
    MeantimeTimexEval.Result r = new MeantimeTimexEval(new TimeTagger()).run(DIR);
    assertTrue(r.documents() >= 60, "documents " + r.documents());
    assertTrue(r.f1() >= 0.80, "value F1 " + r.f1() + " (P " + r.precision() + ", R " + r.recall() + ")");
  }
}
