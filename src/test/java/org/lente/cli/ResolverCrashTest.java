package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.knowledge.EntityResolver;
import org.lente.knowledge.Equivalents;
import org.lente.store.ResolverCheck;
import org.lente.store.SqliteStore;

/**
 * Kills a real {@code lente ingest} process (kill -9) in the middle of a folder of articles whose
 * names make the resolver move earlier names ("Vladimir Putin" after "Putin"): the entity resolver's
 * state in the store must then match the stored articles exactly, before anything repairs it, and a
 * second ingest must complete.
 */
class ResolverCrashTest {

  private static final String[] PERSONS = {"Putin", "Vladimir Putin", "Rossi", "Mario Rossi", "Luca Rossi",
      "Giulia Neri", "Neri", "Kim", "Kim Jong Un"};
  private static final String[] TOWNS = {"Modena", "Parma", "Piacenza", "Ferrara", "Ravenna", "Rimini"};
  private static final int ARTICLES = 150;

  @TempDir Path in;
  @TempDir Path data;

  /** Short articles written for this test, each naming two persons and a town. */
  private void writeArticles() throws IOException {
    for (int i = 0; i < ARTICLES; i++) {
      String a = PERSONS[i % PERSONS.length];
      String b = PERSONS[(i * 7 + 3) % PERSONS.length];
      String town = TOWNS[i % TOWNS.length];
      String text = "Incontro numero " + i + " a " + town + "\n\n"
          + a + " ha incontrato " + b + " a " + town + " per discutere il progetto numero " + i + ".\n\n"
          + "Secondo il comune di " + town + ", l'incontro è durato " + (20 + i % 40) + " minuti.\n";
      Files.writeString(in.resolve(String.format("articolo-%03d.txt", i)), text);
    }
  }

  /** Runs {@code lente ingest -v} in a child JVM; kills it (kill -9) after {@code killAfter} reported lines. */
  private void ingest(int killAfter, Random random) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.lente.cli.Main", "ingest", "-v", "--threads", "2", "--data", data.toString(), in.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int lines = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (++lines >= killAfter) {
          Thread.sleep(random.nextInt(150)); // land anywhere: between articles, mid-transaction
          p.destroyForcibly(); // SIGKILL
          break;
        }
      }
    }
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "ingest did not end");
  }

  /** The store as the crash left it: every mention's name known and linked as the resolver's rule says. */
  private void assertResolverMatchesStore() throws IOException {
    try (SqliteStore store = SqliteStore.open(data)) {
      ResolverCheck c = store.checkNames();
      assertEquals(0, c.unnamed(), c.toString());
      assertEquals(0, c.mislinked(), c.toString());
      assertEquals(0, c.unseen(), c.toString());
      assertEquals(c.namedMentions(), c.sightings(), c.toString());
      assertTrue(c.namedMentions() > 0, c.toString());
      EntityResolver rule = EntityResolver.of(store.nameSightings(), Equivalents.builtIn());
      assertEquals(rule.entityNames(), store.nameEntities());
    }
  }

  @Test
  void aKilledIngestLeavesTheResolverAndTheStoreConsistent() throws Exception {
    writeArticles();
    Random random = new Random(15);
    for (int round = 0; round < 2; round++) {
      ingest(20 + random.nextInt(40), random);
      assertResolverMatchesStore();
      try (SqliteStore store = SqliteStore.open(data)) {
        assertTrue(store.stats().articles() < ARTICLES, "the run was not killed before its end");
      }
    }
    // the run that completes the work needs no process of its own: this JVM, whose models are loaded once
    CliRun last = CliRun.of("ingest", "-v", "--threads", "2", "--data", data.toString(), in.toString());
    assertResolverMatchesStore();
    try (SqliteStore store = SqliteStore.open(data)) {
      assertEquals(ARTICLES, store.stats().articles(), last.err());
    }
    CliRun check = CliRun.of("check", "--data", data.toString());
    assertEquals(0, check.code(), check.out() + check.err());
  }
}
