package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lente.extract.Extractor;
import org.lente.ingest.PageReader;

/**
 * Extraction accuracy on the first pages of the real third-party benchmarks in {@code ../shared/data}
 * (the {@code lente.data} system property, set by the pom). Skipped when the data is absent, as in a
 * user's clone; the full figures come from {@code lente eval extraction}.
 */
class ExtractionBenchmarkTest {

  private static final int PAGES = 30;

  private final Path data = Path.of(System.getProperty("lente.data", "../shared/data"));
  private final ExtractionEval eval = new ExtractionEval(data, new Extractor(), new PageReader());

  @Test
  void scrapinghubF1IsAbovePointNine() throws IOException {
    assumeTrue(Files.isRegularFile(eval.scrapinghubDir().resolve("ground-truth.json")),
        "skipped: no Scrapinghub benchmark at " + eval.scrapinghubDir().toAbsolutePath().normalize());

    ExtractionEval.Result r = eval.scrapinghub(PAGES, line -> { });

    assertEquals(PAGES, r.pages());
    assertTrue(r.f1() > 0.9, "scrapinghub on " + PAGES + " pages: " + r);
  }

  @Test
  void trafilaturaF1IsAbovePointEightyFive() throws IOException {
    assumeTrue(Files.isRegularFile(eval.trafilaturaDir().resolve("evaldata.json")),
        "skipped: no trafilatura evaluation set at " + eval.trafilaturaDir().toAbsolutePath().normalize());

    ExtractionEval.Result r = eval.trafilatura(PAGES, line -> { });

    assertEquals(PAGES, r.pages());
    assertTrue(r.f1() > 0.85, "trafilatura on " + PAGES + " pages: " + r);
  }
}
