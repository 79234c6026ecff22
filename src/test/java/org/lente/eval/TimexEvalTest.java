package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lente.nlp.time.Lang;
import org.lente.nlp.time.TimeTagger;

class TimexEvalTest {
  private static final Path DIR = Path.of("..", "shared", "data", "time", "duckling");
  private final TimexEval eval = new TimexEval(new TimeTagger());

  private TimexEval.Result run(String file, Lang lang) throws IOException {
    Path tsv = DIR.resolve(file);
    Assumptions.assumeTrue(Files.isRegularFile(tsv), "Duckling corpus not found at " + tsv.toAbsolutePath() + ": skipping accuracy check");
    return eval.run(tsv, lang);
  }

  @Test
  void italianAccuracyFloor() throws IOException {
    TimexEval.Result r = run("it_time_examples.tsv", Lang.IT);
    assertTrue(r.accuracy() >= 0.84, "IT accuracy " + r.accuracy());
  }

  @Test
  void englishAccuracyFloor() throws IOException {
    TimexEval.Result r = run("en_time_examples.tsv", Lang.EN);
    assertTrue(r.accuracy() >= 0.45, "EN accuracy " + r.accuracy());
  }

  @Test
  void aValueIsCutToTheGoldGrainAtEachEnd() {
    assertEquals("2013-01", TimexEval.cut("2013-01-00T00:00:00", "month"));
    assertEquals("2013-02-12T04|2013-02-12T06", TimexEval.cut("2013-02-12T04:00:00|2013-02-12T06:00:00", "hour"));
    assertEquals("2013-02-12T04:30:00", TimexEval.cut("2013-02-12T04:30:00", "unknown"));
  }
}
