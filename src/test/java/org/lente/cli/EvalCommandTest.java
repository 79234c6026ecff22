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
  void nerScoresAKindStyleFile() throws IOException {
    Path kind = Files.createDirectories(data.resolve("ner/kind"));
    Files.writeString(kind.resolve("WN_test_a.tsv"),
        "Il\tO\nsindaco\tO\nPaolo\tB-PER\nFerri\tI-PER\nè\tO\na\tO\nMilano\tB-LOC\n.\tO\n");

    CliRun run = CliRun.of("eval", "ner", "--data", data.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("| KIND WN_test_a (it) | 1 | 8 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |"),
        run.out());
  }

  @Test
  void quotesScoresAPolnearStyleFolder() throws IOException {
    Path dev = data.resolve("quotes/polnear/dev");
    Files.createDirectories(dev.resolve("text"));
    Files.createDirectories(dev.resolve("attributions"));
    String text = "“We will rebuild the bridge,” said Anna Lowe on Monday.";
    Files.writeString(dev.resolve("text/bridge.txt"), text);
    Files.writeString(dev.resolve("attributions/bridge_ab12.ann"), String.join("\n",
        "T1\tContent 1 27\twe will rebuild the bridge",
        "T2\tCue 30 34\tsaid",
        "T3\tSource 35 44\tAnna Lowe",
        "T4\tAttribution 30 34\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3", ""));

    CliRun run = CliRun.of("eval", "quotes", "--data", data.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("| PolNeAR dev (en) | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 | 1.000 (1/1) |"), run.out());
  }

  @Test
  void nerAndQuotesWithoutDataSaySo() {
    assertTrue(CliRun.of("eval", "ner", "--data", data.toString()).out().contains("skipped kind"));
    assertTrue(CliRun.of("eval", "quotes", "--data", data.toString()).out().contains("skipped polnear"));
  }

  @Test
  void anUnknownTaskIsAUsageError() {
    CliRun run = CliRun.of("eval", "translation", "--data", data.toString());

    assertEquals(1, run.code());
    assertTrue(run.err().contains("unknown task: translation"), run.err());
  }
}
