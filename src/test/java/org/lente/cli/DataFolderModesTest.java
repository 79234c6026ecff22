package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    assertTrue(Files.isRegularFile(data.resolve("entities.json")), "entities.json was not written");
    assertEquals(List.of(), notOwnerOnly(data));
  }

  @Test
  void serveCreatesItsFolderAndAccessLogForTheOwnerAlone() throws Exception {
    Path data = tmp.resolve("served");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.lente.cli.Main",
        "serve", "--port", "0", "--data", data.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      int port = -1;
      Pattern serving = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)/");
      try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), UTF_8))) {
        String line;
        while (port < 0 && (line = err.readLine()) != null) {
          Matcher m = serving.matcher(line);
          if (m.find()) {
            port = Integer.parseInt(m.group(1));
          }
        }
        assertTrue(port > 0, "serve did not start");
        HttpResponse<String> health = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
      }
    } finally {
      p.destroy(); // SIGTERM: the server closes the knowledge base and the access log
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
    }

    assertTrue(Files.size(data.resolve("access.log")) > 0, "the request was not logged");
    assertEquals(List.of(), notOwnerOnly(data));
  }
}
