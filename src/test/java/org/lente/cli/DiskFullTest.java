package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge base on a disk that is full, for real: a 4 MiB tmpfs filled to the last byte. Needs
 * root (mount); skipped otherwise.
 */
class DiskFullTest {

  private static final String ARTICLE = "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">"
      + "<title>Il porto riapre dopo i lavori</title></head><body><article><h1>Il porto riapre dopo i lavori</h1>"
      + "<p>Il porto di Livorno riapre domani dopo sei mesi di lavori sulle banchine, ha annunciato l'Autorità "
      + "portuale.</p><p>Le navi potranno attraccare dalle sette del mattino, ha detto il presidente Luciano "
      + "Marchetti ai giornalisti.</p></article></body></html>";

  @TempDir Path tmp;
  private Path disk;
  private Path data;

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @BeforeEach
  void aFullDiskWithAKnowledgeBase() throws Exception {
    disk = Files.createDirectory(tmp.resolve("disk"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()),
        "cannot mount a 4 MiB tmpfs here (needs root): the full-disk test is skipped");
    data = disk.resolve("kb");
    CliRun first = CliRun.of("ingest", "--threads", "1", "--data", data.toString(),
        Files.writeString(tmp.resolve("livorno.html"), ARTICLE).toString());
    assertEquals(0, first.code(), first.out() + first.err());
    byte[] block = new byte[4096];
    try (OutputStream filler = Files.newOutputStream(disk.resolve("filler"))) {
      while (true) {
        filler.write(block);
      }
    } catch (IOException full) {
      // the disk is full
    }
    try (OutputStream filler = Files.newOutputStream(disk.resolve("filler"), java.nio.file.StandardOpenOption.APPEND)) {
      for (int i = 0; i < 4096; i++) {
        filler.write(0); // the last partial block
      }
    } catch (IOException full) {
      // the last byte is taken
    }
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      run("umount", disk.toString());
    }
  }

  @Test
  void statsAndCheckReadAKnowledgeBaseOnAFullDisk() {
    CliRun stats = CliRun.of("stats", "--data", data.toString());
    assertEquals(0, stats.code(), stats.out() + stats.err());
    assertTrue(stats.out().startsWith("articles 1 "), stats.out());

    CliRun check = CliRun.of("check", "--data", data.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("ok: 1 articles"), check.out());
  }

  @Test
  void ingestOnAFullDiskPrintsItsSummaryWithTheFailureAndKeepsTheStore() throws IOException {
    Path genova = Files.writeString(tmp.resolve("genova.html"), ARTICLE.replace("Livorno", "Genova"));

    CliRun ingest = CliRun.of("ingest", "--threads", "1", "--data", data.toString(), genova.toString());

    assertEquals(2, ingest.code(), ingest.out() + ingest.err());
    assertTrue(ingest.out().contains("failed 1"), ingest.out());
    assertTrue(ingest.out().contains("failed: " + data + ": disk full"), ingest.out());
    Files.delete(disk.resolve("filler"));
    CliRun check = CliRun.of("check", "--data", data.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("ok: 1 articles"), check.out());
  }

  @Test
  void serveAnswersFromAKnowledgeBaseOnAFullDisk() throws Exception {
    try (ServeProcess serve = ServeProcess.start(data)) {
      var articles = serve.get("/api/v1/articles");

      assertEquals(200, articles.statusCode(), articles.body());
      assertTrue(articles.body().contains("Il porto riapre dopo i lavori"), articles.body());
    }
  }
}
