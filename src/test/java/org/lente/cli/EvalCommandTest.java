package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  @TempDir Path data;

  @Test
  void extractionPrintsATableRowPerBenchmarkFound() throws IOException {
    String body = "The harbour bridge reopened to traffic on Wednesday morning, three years after engineers "
        + "closed it when cracks were found in two of its steel piers.";
    Path sh = data.resolve("extraction/scrapinghub");
    Files.createDirectories(sh.resolve("html"));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sh.resolve("html/bridge.html.gz")))) {
      out.write(("<html><body><article><p>" + body + "</p></article></body></html>").getBytes(UTF_8));
    }
    Files.writeString(sh.resolve("ground-truth.json"), "{\"bridge\": {\"articleBody\": \"" + body + "\"}}");

    CliRun run = CliRun.of("eval", "extraction", "--data", data.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("| scrapinghub | 1 | 1.000 | 1.000 | 1.000 |"), run.out());
    assertTrue(run.out().contains("skipped trafilatura: "), run.out());
  }

  @Test
  void extractionWithNoDataSaysSoAndExitsZero() {
    CliRun run = CliRun.of("eval", "extraction", "--data", data.resolve("nowhere").toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("no benchmark data found under"), run.out());
  }

  @Test
  void anUnknownTaskIsAUsageError() {
    CliRun run = CliRun.of("eval", "translation", "--data", data.toString());

    assertEquals(1, run.code());
    assertTrue(run.err().contains("unknown task: translation"), run.err());
  }
}
