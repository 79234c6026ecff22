package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.knowledge.KnowledgeBase;

/**
 * Kills a real {@code lente ingest} process (kill -9) at random points, repeatedly: the knowledge
 * base must open after each kill, keep every article the process reported stored, have an index
 * that matches the store, and a final run must complete the work and a re-run add nothing (those two
 * in this JVM).
 */
class IngestCrashTest {

  private static final String[] TOWNS = {"Carpi", "Sassuolo", "Mirandola", "Vignola", "Formigine", "Pavullo",
      "Finale", "Castelfranco"};
  private static final String[] NAMES = {"Paolo Ferri", "Giulia Neri", "Marco Bassi", "Anna Riva", "Luca Sarti"};

  @TempDir Path in;
  @TempDir Path data;

  /** Forty distinct short articles, written for this test. */
  private void writeArticles() throws IOException {
    for (int i = 0; i < 40; i++) {
      String town = TOWNS[i % TOWNS.length];
      String name = NAMES[i % NAMES.length];
      String text = "Nuovo parcheggio a " + town + " numero " + i + "\n\n"
          + "Il comune di " + town + " ha approvato lunedì il progetto numero " + i + " per un parcheggio da "
          + (40 + i) + " posti vicino alla stazione.\n\n"
          + "“I lavori partiranno entro l'estate e dureranno " + (2 + i % 5) + " mesi”, ha detto il sindaco "
          + name + " durante il consiglio comunale.\n\n"
          + "Secondo l'ufficio tecnico, il costo sarà di " + (100 + 7 * i) + " mila euro.\n";
      Files.writeString(in.resolve(String.format("articolo-%02d.txt", i)), text);
    }
  }

  /** Runs {@code lente ingest -v} in a child JVM; kills it after {@code killAfter} reported lines. */
  private List<String> ingest(int killAfter, Random random) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
        "org.lente.cli.Main", "ingest", "-v", "--threads", "2", "--data", data.toString(), in.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> reported = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        reported.add(line);
        if (reported.size() >= killAfter) {
          Thread.sleep(random.nextInt(200)); // land anywhere: between articles, mid-write, mid-commit
          p.destroyForcibly();
          break;
        }
      }
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ingest did not end");
    return reported;
  }

  /** Runs {@code lente ingest -v} in this JVM; returns the lines it reported. */
  private List<String> ingestHere() {
    return CliRun.of("ingest", "-v", "--threads", "2", "--data", data.toString(), in.toString()).out().lines()
        .toList();
  }

  @Test
  void killedIngestsLoseNothingReportedAndTheRestCompletes() throws Exception {
    writeArticles();
    Random random = new Random(20261124);
    List<Long> reportedStored = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      for (String line : ingest(1 + random.nextInt(12), random)) {
        String[] f = line.split("\t");
        if (f[0].equals("stored") || f[0].equals("updated")) {
          reportedStored.add(Long.parseLong(f[2]));
        }
      }
      try (Lente lente = Lente.open(data, Lente.Options.write())) {
        KnowledgeBase kb = lente.knowledge();
        for (long id : reportedStored) {
          assertTrue(kb.reader().article(id).isPresent(), "article " + id + " was reported stored, then lost");
        }
        assertTrue(kb.check().consistent(), "index out of step after reopening: " + kb.check());
      }
    }
    // the runs that complete the work and add nothing need no process of their own: this JVM, whose models are
    // loaded once
    List<String> last = ingestHere();
    assertTrue(last.get(last.size() - 1).startsWith("stored "), last.toString());
    try (Lente lente = Lente.open(data, Lente.Options.write())) {
      KnowledgeBase kb = lente.knowledge();
      assertEquals(40, kb.reader().stats().articles());
      assertTrue(kb.check().consistent(), kb.check().toString());
    }
    List<String> again = ingestHere();
    assertTrue(again.get(again.size() - 1).startsWith("stored 0, updated 0, duplicates 40"), again.toString());
  }
}
