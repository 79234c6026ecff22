package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lente watch} against a real local server that answers conditional requests. */
class WatchCommandTest {

  private HttpServer server;
  private String base;
  private final List<String> feedRequests = new CopyOnWriteArrayList<>();

  @TempDir Path data;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + 0;
    server.createContext("/feed.xml", ex -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      feedRequests.add(inm == null ? "-" : inm);
      if ("\"v1\"".equals(inm)) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      byte[] b = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie</title><item><title>Mercato"
          + "</title><link>" + base + "/mercato.html</link></item></channel></rss>").getBytes(UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.createContext("/broken.xml", ex -> {
      byte[] b = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie</title><item><title>Mercato"
          + "</title><link>" + base + "/mercato.html</link></item>\n<item><title>Porto</title><link>" + base
          + "/porto.html</li").getBytes(UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.createContext("/mercato.html", ex -> {
      byte[] b = ("<html lang=\"it\"><body><article><h1>Il mercato coperto chiude per restauro</h1><p>Il mercato "
          + "coperto di via Roma chiuderà lunedì per un restauro di otto mesi, ha annunciato il sindaco Paolo Ferri "
          + "durante il consiglio comunale di ieri sera.</p></article></body></html>").getBytes(UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void pollsWithConditionalRequestsAndIngestsNewArticlesOnce() {
    CliRun run = CliRun.of("watch", "--data", data.toString(), "--allow-private", "--delay", "0", "--every", "0.001",
        "--polls", "2", base + "/feed.xml");

    assertEquals(0, run.code(), run.err());
    List<String> polls = run.out().lines().filter(l -> l.contains(" poll ")).toList();
    assertEquals(2, polls.size(), run.out());
    assertTrue(polls.get(0).contains("stored 1"), polls.get(0));
    assertTrue(polls.get(1).contains("stored 0, updated 0, duplicates 0"), polls.get(1));
    assertEquals(List.of("-", "\"v1\""), feedRequests);
  }

  @Test
  void aFeedThatBreaksHalfWayIsReportedAsAFailureAndItsFirstItemIngested() {
    CliRun run = CliRun.of("watch", "--data", data.toString(), "--allow-private", "--delay", "0", "--polls", "1",
        base + "/broken.xml");

    String poll = run.out().lines().filter(l -> l.contains(" poll 1: ")).findFirst().orElse(run.out());
    assertTrue(poll.contains("stored 1, updated 0, duplicates 0, skipped 0, failed 1"), run.out());
    assertTrue(run.out().contains("failed: " + base + "/broken.xml: the XML is malformed at line 2"), run.out());
    assertTrue(run.out().contains("kept the 1 items read before it"), run.out());
  }

  @Test
  void maxAgeIsReadFromCacheControl() {
    assertEquals(Duration.ofSeconds(600), org.lente.ingest.source.Poller.maxAge("public, max-age=600"));
    assertEquals(null, org.lente.ingest.source.Poller.maxAge("no-cache"));
  }

  @Test
  void sigtermWhileWaitingEndsAtOnceWith143() throws Exception {
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(javaCommand, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.lente.cli.Main",
        "watch", "--data", data.toString(), "--allow-private", "--delay", "0", "--every", "60", base + "/feed.xml")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> lines = new ArrayList<>();
    long signalled = 0;
    try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        if (line.contains(" poll 1: ")) {
          p.toHandle().destroy(); // SIGTERM, leaving the output open (Process.destroy closes it)
          signalled = System.nanoTime();
        }
      }
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "watch did not end after SIGTERM");
    long took = (System.nanoTime() - signalled) / 1_000_000;

    assertEquals(143, p.exitValue(), lines.toString());
    assertTrue(lines.get(0).contains("stored 1"), lines.toString());
    assertTrue(lines.get(lines.size() - 1).contains("stopped while waiting for poll 2"), lines.toString());
    assertTrue(took < 10_000, "took " + took + " ms to stop instead of waiting out the minute");
  }

  @Test
  void aLocalFeedFileIsWatchedAsIngestReadsIt() throws IOException {
    Path feed = java.nio.file.Files.writeString(data.resolve("feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\">"
        + "<channel><title>Notizie</title><item><title>Mercato</title><link>" + base + "/mercato.html</link></item>"
        + "</channel></rss>");

    CliRun run = CliRun.of("watch", "--data", data.resolve("kb").toString(), "--allow-private", "--delay", "0",
        "--polls", "1", feed.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains(" poll 1: stored 1,"), run.out());
  }

  @Test
  void aRunWhoseFeedsFailedExitsWithTwo() {
    CliRun run = CliRun.of("watch", "--data", data.toString(), "--allow-private", "--delay", "0", "--polls", "1",
        base + "/missing.xml");

    assertEquals(2, run.code(), run.out());
    assertTrue(run.out().contains("failed: " + base + "/missing.xml"), run.out());
  }
}
