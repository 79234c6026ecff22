package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.knowledge.KnowledgeBase;

/**
 * Stops a real {@code lente ingest --json} process with SIGTERM or SIGINT part-way: it must print the
 * summary marked interrupted, exit with 143 or 130, and the store must hold exactly what the summary
 * says was stored.
 */
class IngestSignalTest {

  private static final int PAGES = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path in;
  @TempDir Path data;

  /** Distinct short articles, written for this test; more than the process gets through before the signal. */
  private void writeArticles() throws IOException {
    String[] towns = {"Lucca", "Pistoia", "Prato", "Empoli", "Arezzo", "Siena"};
    for (int i = 0; i < PAGES; i++) {
      String town = towns[i % towns.length];
      Files.writeString(in.resolve(String.format("notizia-%03d.txt", i)), "La biblioteca di " + town + " numero " + i
          + "\n\nIl comune di " + town + " ha deciso martedì di ampliare la biblioteca civica numero " + i
          + " con " + (20 + i) + " nuovi posti di lettura.\n\n“Apriremo le sale entro ottobre”, ha detto l'assessore "
          + "Sara Conti durante la conferenza stampa.\n");
    }
  }

  /** The last line printed and the exit code of an ingest signalled after {@code after} pages were stored. */
  private record Stopped(JsonNode summary, int code, List<Long> reportedIds) {}

  private Stopped ingestAndSignal(String signal, int after) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.lente.cli.Main", "ingest", "--json", "-v", "--threads", "2", "--data", data.toString(), in.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> lines = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      boolean sent = false;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        String[] f = line.split("\t");
        if (f[0].equals("stored")) {
          ids.add(Long.parseLong(f[2]));
        }
        if (!sent && ids.size() >= after) {
          Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
          assertEquals(0, kill.waitFor(), "kill -" + signal + " failed");
          sent = true;
        }
      }
    }
    assertTrue(p.waitFor(45, TimeUnit.SECONDS), "ingest did not end after the signal");
    return new Stopped(JSON.readTree(lines.get(lines.size() - 1)), p.exitValue(), ids);
  }

  @Test
  void sigtermPrintsTheInterruptedSummaryAndKeepsWhatItCounted() throws Exception {
    writeArticles();
    Stopped run = ingestAndSignal("TERM", 5);

    assertEquals(143, run.code(), run.summary().toString());
    assertTrue(run.summary().get("interrupted").asBoolean(), run.summary().toString());
    int stored = run.summary().get("stored").asInt();
    assertTrue(stored >= 5 && stored < PAGES, run.summary().toString());
    assertEquals(run.reportedIds().size(), stored, "the summary counts what -v reported");
    try (Lente lente = Lente.open(data, Lente.Options.write())) {
      KnowledgeBase kb = lente.knowledge();
      assertEquals(stored, kb.reader().stats().articles(), "stored in the summary against articles in the store");
      for (long id : run.reportedIds()) {
        assertTrue(kb.reader().article(id).isPresent(), "article " + id + " was reported stored, then lost");
      }
      assertTrue(kb.check().consistent(), kb.check().toString());
    }
  }

  /** Whether this process ignores SIGINT (started in the background by a shell without job control): a child would too. */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
        .map(l -> (Long.parseUnsignedLong(l.substring(7).strip(), 16) & (1L << (2 - 1))) != 0).orElse(false);
  }

  @Test
  void sigintExitsWith130AfterTheSummary() throws Exception {
    assumeFalse(sigintIgnored(), "this JVM ignores SIGINT (started in the background), so would the ingest");
    writeArticles();
    Stopped run = ingestAndSignal("INT", 3);

    assertEquals(130, run.code(), run.summary().toString());
    assertTrue(run.summary().get("interrupted").asBoolean(), run.summary().toString());
    int stored = run.summary().get("stored").asInt();
    try (Lente lente = Lente.open(data, Lente.Options.write())) {
      KnowledgeBase kb = lente.knowledge();
      assertEquals(stored, kb.reader().stats().articles(), "stored in the summary against articles in the store");
    }
    assertFalse(stored == PAGES, "the signal came too late to test anything: " + run.summary());
  }
}
