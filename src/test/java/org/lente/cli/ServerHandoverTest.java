package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.server.ServerFile;

/** {@code lente ingest} on a folder that a running {@code lente serve} holds hands its articles to that server. */
class ServerHandoverTest {

  /** Three short articles of our own, each with a word the others lack, by file name. */
  private static final Map<String, String[]> ARTICLES = Map.of(
      "porto.html", new String[] {"Il porto riapre dopo i lavori", "Il porto di Livorno riapre domani dopo sei mesi di "
          + "lavori sulle banchine, ha annunciato l'Autorità portuale. Le navi attraccheranno dalle sette.", "banchine"},
      "ponte.html", new String[] {"Chiuso il ponte sul fiume", "Il ponte sul fiume Adige resterà chiuso per tre "
          + "settimane, ha detto il sindaco di Verona. I tecnici controlleranno i piloni dopo la piena.", "piloni"},
      "mercato.html", new String[] {"Il mercato coperto compie cento anni", "Il mercato coperto di Firenze festeggia "
          + "cento anni con una settimana di concerti e degustazioni, ha spiegato l'assessore al commercio.",
          "degustazioni"});

  @TempDir Path tmp;

  private Path articles() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("articoli"));
    for (var e : ARTICLES.entrySet()) {
      String title = e.getValue()[0];
      Files.writeString(folder.resolve(e.getKey()), "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">"
          + "<title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + e.getValue()[1]
          + "</p></article></body></html>");
    }
    return folder;
  }

  @Test
  void ingestBesideARunningServerGoesThroughItAndIsSearchableAtOnce() throws Exception {
    Path data = tmp.resolve("kb");
    Path folder = articles();
    try (ServeProcess serve = ServeProcess.start(data)) {
      CliRun run = CliRun.of("ingest", "-v", "--data", data.toString(), folder.toString());

      assertEquals(0, run.code(), run.out() + run.err());
      assertTrue(run.out().contains("stored 3, updated 0, duplicates 0, skipped 0, failed 0"), run.out());
      assertTrue(run.err().contains("articles go through it"), run.err());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      List<String> missing = new ArrayList<>(ARTICLES.keySet());
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        missing.removeIf(name -> CliRun.of("search", "--data", data.toString(), ARTICLES.get(name)[2]).out()
            .contains(ARTICLES.get(name)[0]));
      }
      assertEquals(List.of(), missing, "not found by lente search within 5 s");
      for (String line : run.out().lines().filter(l -> l.startsWith("stored\t")).toList()) {
        String[] f = line.split("\t");
        String title = ARTICLES.get(Path.of(f[1]).getFileName().toString())[0];
        var page = serve.get("/articles/" + f[2]);
        assertEquals(200, page.statusCode(), line);
        assertTrue(page.body().contains(title), "the server's page of " + line + " lacks its title");
      }
    }
  }

  /** Ingests the three articles into {@code data}, which holds the server file of a server that has died. */
  private CliRun ingestBesideAStaleServerFile(Path data) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process gone = new ProcessBuilder(java, "-version").redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(gone.waitFor(60, TimeUnit.SECONDS));
    new ServerFile("127.0.0.1", 9, gone.pid(), ServerFile.newSecret()).write(data);
    return CliRun.of("ingest", "--data", data.toString(), articles().toString());
  }

  @Test
  void aStaleServerFileDoesNotDivertIngest() throws Exception {
    CliRun run = ingestBesideAStaleServerFile(Files.createDirectories(tmp.resolve("kb")));

    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("stored 3"), run.out());
    assertFalse(run.err().contains("go through"), run.err());
  }

  @Test
  void besideAnotherWriterWithAStaleServerFileIngestSaysWhatToDo() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("kb"));
    CliRun.of("ingest", "--data", data.toString(), articles().resolve("porto.html").toString());
    try (var writer = org.lente.index.LuceneIndex.open(data.resolve("index"))) { // another writer holds the folder
      CliRun run = ingestBesideAStaleServerFile(data);

      assertEquals(2, run.code(), run.out() + run.err());
      assertTrue(run.out().contains("is being written by another Lente process"), run.out());
      assertFalse(run.err().contains("go through"), run.err());
    }
  }

  @Test
  void watchBesideARunningServerGoesThroughIt() throws Exception {
    Path data = tmp.resolve("kb");
    String[] porto = ARTICLES.get("porto.html");
    com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + site.getAddress().getPort();
    site.createContext("/porto.html", ex -> {
      byte[] b = ("<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>" + porto[0] + "</title></head>"
          + "<body><article><h1>" + porto[0] + "</h1><p>" + porto[1] + "</p></article></body></html>")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    site.start();
    Path feed = Files.writeString(tmp.resolve("feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>Notizie</title><item><title>Porto</title><link>" + base + "/porto.html</link></item></channel></rss>");
    try (ServeProcess serve = ServeProcess.start(data)) {
      CliRun run = CliRun.of("watch", "--data", data.toString(), "--allow-private", "--delay", "0", "--polls", "1",
          feed.toString());

      assertEquals(0, run.code(), run.out() + run.err());
      assertTrue(run.out().contains("stored 1, updated 0"), run.out());
      assertTrue(run.err().contains("articles go through it"), run.err());
      assertTrue(CliRun.of("search", "--data", data.toString(), porto[2]).out().contains(porto[0]));
    } finally {
      site.stop(0);
    }
  }
}
