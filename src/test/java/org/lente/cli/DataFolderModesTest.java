package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base's folder is its owner's alone: 0700, and every file Lente creates in it 0600. */
class DataFolderModesTest {

  private static final String ARTICLE = "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">"
      + "<title>Il porto riapre dopo i lavori</title></head><body><article><h1>Il porto riapre dopo i lavori</h1>"
      + "<p>Il porto di Livorno riapre domani dopo sei mesi di lavori sulle banchine, ha annunciato l'Autorità "
      + "portuale.</p><p>Le navi potranno attraccare dalle sette del mattino, ha detto il presidente Luciano "
      + "Marchetti ai giornalisti.</p></article></body></html>";

  @TempDir Path tmp;

  /** Every folder and file under {@code dir} whose mode is not 0700 (folders) or 0600 (files), with its mode. */
  private static List<String> notOwnerOnly(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> {
        try {
          String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
          return !mode.equals(Files.isDirectory(p) ? "rwx------" : "rw-------");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(p -> dir.relativize(p) + " " + posixMode(p)).toList();
    }
  }

  private static String posixMode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anIngestCreatesTheFolderAndItsFilesForTheOwnerAlone() throws IOException {
    Path page = Files.writeString(tmp.resolve("porto.html"), ARTICLE);
    Path data = tmp.resolve("kb");

    CliRun run = CliRun.of("ingest", "--threads", "1", "--data", data.toString(), page.toString());

    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(Files.isRegularFile(data.resolve("lente.db")), "lente.db was not written");
    assertEquals(List.of(), notOwnerOnly(data));
  }

  @Test
  void serveCreatesItsFolderAndAccessLogForTheOwnerAlone() throws Exception {
    Path data = tmp.resolve("served");

    try (ServeProcess serve = ServeProcess.start(data)) {
      assertEquals(200, serve.get("/health").statusCode());
      long deadline = System.nanoTime() + 10_000_000_000L; // the line is written once the response is complete
      while (Files.size(data.resolve("access.log")) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }

    assertTrue(Files.size(data.resolve("access.log")) > 0, "the request was not logged");
    assertEquals(List.of(), notOwnerOnly(data));
  }
}
