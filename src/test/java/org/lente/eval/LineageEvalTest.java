package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageEvalTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theOriginalsRankIsItsPlaceAmongTheRelatedArticles() throws IOException {
    LineageEval.Query q = LineageEval.query(JSON.readTree("""
        {"article":{"url":"https://it.wikinews.example/airbus-7","language":"it"},
         "related":[{"url":"https://es.wikinews.example/airbus-7","language":"es","relation":"translation"},
                    {"url":"https://en.wikinews.example/airbus-7","language":"en","relation":"translation",
                     "direction":"original"}]}"""));
    assertEquals("airbus", q.topic());
    assertEquals(2, q.rank());
    assertEquals("es-airbus-7", q.first());
  }

  @Test
  void anUndatedTextIsKnownByItsFileName() throws IOException {
    LineageEval.Query q = LineageEval.query(JSON.readTree("""
        {"article":{"source":"/tmp/x/it-apple-12.txt"},
         "related":[{"source":"/tmp/x/en-apple-12.txt","language":"en","relation":"translation","direction":"unknown"}]}"""));
    assertEquals(1, q.rank());
    LineageEval.Result r = new LineageEval.Result("undated text", List.of(q,
        new LineageEval.Query("apple", "apple-13", 0, null, null, null, 0)));
    assertEquals(0.5, r.score("apple").precisionAt1(), 1e-9);
    assertEquals(0, r.score("airbus").queries());
  }

  @Test
  void detokenisingGluesPunctuationAndElisionsOnly() {
    assertEquals("L'azienda (Airbus) ha detto: \"sì\", oggi.",
        LineageEval.detokenize(List.of("L'", "azienda", "(", "Airbus", ")", "ha", "detto", ":", "\"sì\"", ",", "oggi", ".")));
    assertEquals("rock ' n", LineageEval.detokenize(List.of("rock", "'", "n")));
  }

  /** The eval writes the very files the team's ruler writes, so both give the same number. */
  @Test
  void theFilesAreTheOnesTheRulerWrites(@TempDir Path tmp) throws Exception {
    Path tools = Path.of(System.getProperty("lente.tools", "../shared/tools"));
    Path conll = Path.of(System.getProperty("lente.data", "../shared/data"), "meantime/multilingual/it/meantime.conll");
    assumeTrue(Files.isRegularFile(tools.resolve("meantime_text.py")) && Files.isRegularFile(conll),
        "the ruler's scripts or MEANTIME multilingual are absent (../shared): not compared");
    Path ours = Files.createDirectories(tmp.resolve("ours"));
    Path theirs = Files.createDirectories(tmp.resolve("theirs"));
    LineageEval.writeTexts(conll, "it", ours);
    Process p = new ProcessBuilder("python3", tools.resolve("meantime_text.py").toString(), "it", theirs.toString(),
        conll.toString()).inheritIO().start();
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 could not run the ruler's script");
    assertSameFiles(theirs, ours);
    Path ourPages = Files.createDirectories(tmp.resolve("our-pages"));
    Path theirPages = Files.createDirectories(tmp.resolve("their-pages"));
    LineageEval.writePages(ours, ourPages);
    Process q = new ProcessBuilder("python3", tools.resolve("meantime_pages.py").toString(), theirs.toString(),
        theirPages.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertEquals(true, q.waitFor(60, TimeUnit.SECONDS) && q.exitValue() == 0, "meantime_pages.py failed");
    assertSameFiles(theirPages, ourPages);
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<Path> files;
    List<Path> ours;
    try (var s = Files.list(expected); var t = Files.list(actual)) {
      files = s.sorted().toList();
      ours = t.sorted().toList();
    }
    assertEquals(files.stream().map(Path::getFileName).toList(), ours.stream().map(Path::getFileName).toList());
    for (Path f : files) {
      assertEquals(Files.readString(f), Files.readString(actual.resolve(f.getFileName())), f.getFileName().toString());
    }
  }
}
