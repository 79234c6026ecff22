package org.lente.eval;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.extract.Extractor;
import org.lente.ingest.PageReader;

/** Scores on a two-page benchmark of each kind, written here with known answers. */
class ExtractionEvalTest {

  private static final String BRIDGE_1 = "The harbour bridge reopened to traffic on Wednesday morning, three years "
      + "after engineers closed it when cracks were found in two of its steel piers.";
  private static final String BRIDGE_2 = "Hundreds of residents walked across the deck before the first buses were "
      + "allowed through, and the mayor cut a ribbon at the northern end.";
  private static final String TRAIN_1 = "The first sleeper service in ten years left the capital on Tuesday evening, "
      + "carrying two hundred passengers towards the mountain towns.";
  private static final String TRAIN_2 = "The operator says demand has surprised it: every berth for the summer was "
      + "sold within a week of the timetable being published.";

  @TempDir Path data;

  private ExtractionEval eval;

  @BeforeEach
  void createBenchmarks() throws IOException {
    Path sh = data.resolve("extraction/scrapinghub");
    gzip(sh.resolve("html/bridge.html.gz"), page(BRIDGE_1, BRIDGE_2));
    gzip(sh.resolve("html/train.html.gz"), page(TRAIN_1, TRAIN_2));
    // the bridge page's truth is its text; the train page's truth shares no four words in a row with it
    Files.writeString(sh.resolve("ground-truth.json"), """
        {
          "bridge": {"url": "https://example.com/bridge", "articleBody": "%s\\n\\n%s"},
          "train": {"url": "https://example.com/train", "articleBody": "Completely unrelated words about cooking pasta with fresh tomatoes and basil leaves."}
        }
        """.formatted(BRIDGE_1, BRIDGE_2));

    Path tr = data.resolve("extraction/trafilatura");
    gzip(tr.resolve("html/bridge.html.gz"), page(BRIDGE_1, BRIDGE_2));
    gzip(tr.resolve("html/train.html.gz"), page(TRAIN_1, TRAIN_2));
    // bridge: 2 snippets found (one with odd spacing), 1 missed, its unwanted snippet absent;
    // train: 1 snippet found, both unwanted snippets present: tp 3, fn 1, fp 2
    Files.writeString(tr.resolve("evaldata.json"), """
        {
          "https://example.com/bridge": {"file": "bridge.html",
            "with": ["reopened to traffic on Wednesday", "the mayor   cut a\\nribbon", "a sentence that is not there"],
            "without": ["Home News Sport"]},
          "https://example.com/train": {"file": "train.html",
            "with": ["The first sleeper service"],
            "without": ["every berth for the summer", "two hundred passengers"]}
        }
        """);
    eval = new ExtractionEval(data, new Extractor(), new PageReader());
  }

  @Test
  void scrapinghubAveragesPrecisionAndRecallOverPages() throws IOException {
    ExtractionEval.Result r = eval.scrapinghub(0, line -> { });

    assertEquals("scrapinghub", r.benchmark());
    assertEquals(2, r.pages());
    assertEquals(0.5, r.precision(), 1e-9);
    assertEquals(0.5, r.recall(), 1e-9);
    assertEquals(0.5, r.f1(), 1e-9);
  }

  @Test
  void scrapinghubLimitScoresOnlyTheFirstPages() throws IOException {
    ExtractionEval.Result r = eval.scrapinghub(1, line -> { });

    assertEquals(1, r.pages());
    assertEquals(1.0, r.f1(), 1e-9);
  }

  @Test
  void scrapinghubReportsEachPage() throws IOException {
    List<String> lines = new ArrayList<>();

    eval.scrapinghub(0, lines::add);

    assertEquals(List.of("bridge\tP=1.000\tR=1.000", "train\tP=0.000\tR=0.000"), lines);
  }

  @Test
  void trafilaturaCountsSnippetsOverAllPages() throws IOException {
    ExtractionEval.Result r = eval.trafilatura(0, line -> { });

    assertEquals("trafilatura", r.benchmark());
    assertEquals(2, r.pages());
    assertEquals(3.0 / 5, r.precision(), 1e-9);
    assertEquals(3.0 / 4, r.recall(), 1e-9);
    assertEquals(2 * 0.6 * 0.75 / (0.6 + 0.75), r.f1(), 1e-9);
  }

  @Test
  void trafilaturaReportsMissedAndUnwantedSnippets() throws IOException {
    List<String> lines = new ArrayList<>();

    eval.trafilatura(0, lines::add);

    assertEquals(2, lines.size(), "lines: " + lines);
    assertTrue(lines.get(0).startsWith("bridge.html\tmissed=[a sentence that is not there]\tunwanted=[]"), lines.get(0));
    assertTrue(lines.get(1).contains("unwanted=[every berth for the summer, two hundred passengers]"), lines.get(1));
  }

  @Test
  void aMissingBenchmarkGivesNull() throws IOException {
    ExtractionEval empty = new ExtractionEval(data.resolve("nowhere"), new Extractor(), new PageReader());

    assertNull(empty.scrapinghub(0, line -> { }));
    assertNull(empty.trafilatura(0, line -> { }));
  }

  @Test
  void pagesPerSecondComesFromTheExtractionTime() {
    assertEquals(20.0, new ExtractionEval.Result("x", 10, 1, 1, 1, 0.5).pagesPerSecond(), 1e-9);
    assertEquals(0.0, new ExtractionEval.Result("x", 10, 1, 1, 1, 0).pagesPerSecond(), 1e-9);
  }

  /** A news page with navigation around an article of two paragraphs. */
  private static String page(String p1, String p2) {
    return "<!doctype html><html lang=\"en\"><head><title>News</title></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>"
        + "<article><p>" + p1 + "</p><p>" + p2 + "</p></article></body></html>";
  }

  private static void gzip(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(UTF_8));
    }
  }
}
