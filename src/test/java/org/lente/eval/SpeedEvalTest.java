package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;

/** The speed of the product's path from a file to its analysis. */
class SpeedEvalTest {

  private final SpeedEval eval = new SpeedEval(new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS),
      Pipeline.Options.defaults()));

  @Test
  void aFileWithNoArticleTextIsCountedApartAndItsTokensAreNot(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.txt"), "Ferries leave from Savona\n\nThe harbour master of Genoa said on "
        + "Thursday that ferries to Sardinia will leave from Savona while the breakwater is repaired.");
    Files.writeString(dir.resolve("b.txt"), " \n\n  \n");

    SpeedEval.Result r = eval.run("test", dir, 0);

    assertNotNull(r);
    assertEquals(1, r.articles(), r.toString());
    assertEquals(1, r.skipped(), r.toString());
  }
}
