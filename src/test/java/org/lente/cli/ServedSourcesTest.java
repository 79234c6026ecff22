package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running {@code lente serve} polls the sources added beside it, while {@code lente ingest} and
 * {@code lente search} work on the same folder: issue 15's "Done when".
 */
class ServedSourcesTest {

  /** Title, text and a word only that article has, by path: two served by the site, two in a folder. */
  private static final Map<String, String[]> SITE = Map.of(
      "/faro.html", new String[] {"Il faro torna a splendere", "Il faro di Capo Sandalo torna acceso dopo due anni, "
          + "ha annunciato la Marina. I pescatori del porto festeggiano con una processione di barche.", "processione"},
      "/diga.html", new String[] {"La diga supera il collaudo", "La diga sul torrente Vajont ha superato il collaudo "
          + "di primavera, hanno detto gli ingegneri regionali dopo tre giorni di misure sulle paratoie.", "paratoie"});
  private static final Map<String, String[]> FOLDER = Map.of(
      "orto.html", new String[] {"Un orto sul tetto della scuola", "Gli studenti di Bergamo coltivano zucchine e "
          + "basilico sul tetto della scuola media, ha raccontato la preside durante la festa di fine anno.",
          "zucchine"},
      "treno.html", new String[] {"Il treno storico riparte", "Il treno storico a vapore riparte domenica da Pistoia "
          + "verso la montagna, hanno annunciato i volontari che hanno restaurato la locomotiva.", "locomotiva"});

  @TempDir Path tmp;

  private HttpServer site;
  private String base;

  /** An Italian article page of {@code article}'s title and text. */
  static byte[] page(String[] article) {
    return ("<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>" + article[0] + "</title></head>"
        + "<body><article><h1>" + article[0] + "</h1><p>" + article[1] + "</p></article></body></html>").getBytes(UTF_8);
  }

  /** An RSS feed whose items are {@code articles} (path → title and text), linked under {@code base}. */
  static byte[] rss(String base, Map<String, String[]> articles) {
    StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie"
        + "</title>");
    articles.forEach((p, a) -> rss.append("<item><title>").append(a[0]).append("</title><link>").append(base)
        .append(p).append("</link></item>"));
    return rss.append("</channel></rss>").toString().getBytes(UTF_8);
  }

  @BeforeEach
  void serveSite() throws Exception {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + site.getAddress().getPort();
    site.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      byte[] b;
      if (path.equals("/feed.xml")) {
        b = rss(base, SITE);
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      } else if (SITE.containsKey(path)) {
        b = page(SITE.get(path));
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      } else {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    site.start();
  }

  @AfterEach
  void stopSite() {
    site.stop(0);
  }

  @Test
  void aSourceAddedBesideTheServerIsPolledWhileIngestAndSearchRunAndEveryArticleIsFoundWithinFiveSeconds()
      throws Exception {
    Path data = tmp.resolve("kb");
    Path folder = Files.createDirectories(tmp.resolve("articoli"));
    for (var e : FOLDER.entrySet()) {
      Files.write(folder.resolve(e.getKey()), page(e.getValue()));
    }
    try (ServeProcess serve = ServeProcess.start(data, "--allow-private", "--delay", "0")) {
      CliRun added = CliRun.of("sources", "add", "--data", data.toString(), "--allow-private", base + "/feed.xml");
      assertEquals(0, added.code(), added.out() + added.err());
      CompletableFuture<CliRun> ingest = CompletableFuture.supplyAsync(
          () -> CliRun.of("ingest", "--data", data.toString(), folder.toString()));
      CliRun during = CliRun.of("search", "--data", data.toString(), "anything");
      assertEquals(0, during.code(), "search while the server polls and ingest runs: " + during.out() + during.err());

      CliRun ingested = ingest.get(5, TimeUnit.MINUTES);
      assertEquals(0, ingested.code(), ingested.out() + ingested.err());
      List<String[]> all = new ArrayList<>(SITE.values());
      all.addAll(FOLDER.values());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      List<String[]> missing = new ArrayList<>(all);
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        missing.removeIf(a -> found(serve, data, a));
        Thread.sleep(100);
      }
      assertEquals(List.of(), missing.stream().map(a -> a[0]).toList(),
          "not in the reader's search and lente search within 5 s");
      CliRun listed = CliRun.of("sources", "list", "--json", "--data", data.toString());
      assertTrue(listed.out().contains("\"articlesAdded\" : 2"), listed.out());
    }
  }

  @Test
  void theServerRecordsTheHealthOfASourceThatFails() throws Exception {
    Path data = tmp.resolve("kb");
    try (ServeProcess serve = ServeProcess.start(data, "--allow-private", "--delay", "0")) {
      CliRun added = CliRun.of("sources", "add", "--data", data.toString(), "--allow-private", base + "/gone.xml");
      assertEquals(0, added.code(), added.out() + added.err());

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      String listed = "";
      while (!listed.contains("\"lastStatus\" : 404") && System.nanoTime() < deadline) {
        Thread.sleep(100);
        listed = CliRun.of("sources", "list", "--json", "--data", data.toString()).out();
      }
      assertTrue(listed.contains("\"lastStatus\" : 404"), listed);
      assertTrue(listed.matches("(?s).*\"failingSince\" : \"20\\d\\d-.*"), listed);
    }
  }

  /** Whether the article is found by its word both in the running server's reader and by {@code lente search}. */
  @Test
  void watchWithoutFeedsPollsTheStoredSourcesHeadlessAndRecordsThem() throws Exception {
    Path data = tmp.resolve("kb");
    CliRun added = CliRun.of("sources", "add", "--data", data.toString(), "--allow-private", base + "/feed.xml");
    assertEquals(0, added.code(), added.out() + added.err());
    String java = ProcessHandle.current().info().command().orElse("java");
    Process watch = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.lente.cli.Main", "watch", "--data", data.toString(), "--allow-private", "--delay", "0")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("watch.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3); // the child loads its models first
      String listed = "";
      while (!listed.contains("\"articlesAdded\" : 2") && watch.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(500);
        listed = CliRun.of("sources", "list", "--json", "--data", data.toString()).out();
      }
      assertTrue(listed.contains("\"articlesAdded\" : 2"), listed + Files.readString(tmp.resolve("watch.log")));
    } finally {
      watch.destroy(); // SIGTERM: the run ends as after Ctrl-C
      assertTrue(watch.waitFor(60, TimeUnit.SECONDS), "watch did not stop on SIGTERM");
    }
    assertTrue(Files.readString(tmp.resolve("watch.log")).contains("watching 1 stored source of"),
        Files.readString(tmp.resolve("watch.log")));
    CliRun found = CliRun.of("search", "--data", data.toString(), "paratoie");
    assertTrue(found.out().contains("La diga supera il collaudo"), found.out() + found.err());
  }

  @Test
  void watchWithoutFeedsOrStoredSourcesSaysWhatToDo() {
    CliRun run = CliRun.of("watch", "--data", tmp.resolve("kb").toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("no FEED given and no sources stored"), run.err());
  }

  private static boolean found(ServeProcess serve, Path data, String[] article) {
    try {
      var page = serve.get("/search?q=" + URLEncoder.encode(article[2], UTF_8));
      return page.statusCode() == 200 && page.body().contains(article[0])
          && CliRun.of("search", "--data", data.toString(), article[2]).out().contains(article[0]);
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
