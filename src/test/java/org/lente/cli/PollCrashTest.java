package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.ingest.source.Source;
import org.lente.store.SqliteSources;
import org.lente.store.SqliteStore;

/**
 * A headless {@code lente watch} killed with {@code kill -9} in the middle of a poll leaves the
 * source's state and articles added as its stored articles say, and once restarted fetches none of
 * the article URLs it handled.
 */
class PollCrashTest {

  /** Title and text by path, in the feed's order; the last one's answer is held until the kill. */
  private static final Map<String, String[]> SITE = new java.util.LinkedHashMap<>();

  static {
    SITE.put("/ponte.html", new String[] {"Riapre il ponte sul Ticino", "Il ponte di barche sul Ticino riapre "
        + "sabato dopo sei mesi di lavori, ha annunciato il sindaco di Bereguardo ai pendolari della zona."});
    SITE.put("/mercato.html", new String[] {"Il mercato coperto compie cent'anni", "Il mercato coperto di Livorno "
        + "compie cento anni e i banchi del pesce festeggiano con una settimana di assaggi per i cittadini."});
    SITE.put("/rifugio.html", new String[] {"Un nuovo rifugio sul Monte Rosa", "Il Club alpino inaugura un "
        + "rifugio a tremila metri sul Monte Rosa, costruito con legno di larice portato in elicottero."});
  }

  private static final String HELD = "/rifugio.html";

  @TempDir Path tmp;

  private HttpServer site;
  private String base;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final CountDownLatch heldAsked = new CountDownLatch(1);
  private volatile CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void serveSite() throws Exception {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    base = "http://127.0.0.1:" + site.getAddress().getPort();
    site.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      byte[] b;
      if (path.equals("/feed.xml")) {
        b = ServedSourcesTest.rss(base, SITE);
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      } else if (SITE.containsKey(path)) {
        if (path.equals(HELD)) {
          heldAsked.countDown();
          try {
            release.await(2, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        b = ServedSourcesTest.page(SITE.get(path));
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      } else {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      try {
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
      } catch (java.io.IOException gone) { // the killed process no longer listens
      }
      ex.close();
    });
    site.start();
  }

  @AfterEach
  void stopSite() {
    release.countDown();
    site.stop(0);
  }

  private Process watch(Path data, String log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.lente.cli.Main", "watch", "--data", data.toString(), "--allow-private", "--delay", "0")
        .redirectErrorStream(true).redirectOutput(tmp.resolve(log).toFile()).start();
  }

  private static Source source(Path data) throws Exception {
    try (SqliteSources sources = SqliteSources.openReadOnly(data)) {
      return sources.all().get(0);
    }
  }

  private static long articles(Path data) throws Exception {
    try (SqliteStore store = SqliteStore.open(data)) {
      return store.stats().articles();
    }
  }

  @Test
  void aWatchKilledMidPollKeepsItsProgressWithItsArticlesAndRefetchesNothingItHandled() throws Exception {
    Path data = tmp.resolve("kb");
    CliRun added = CliRun.of("sources", "add", "--data", data.toString(), "--allow-private", base + "/feed.xml");
    assertEquals(0, added.code(), added.out() + added.err());

    Process first = watch(data, "first.log");
    try {
      assertTrue(heldAsked.await(3, TimeUnit.MINUTES), "the third article was never asked for: "
          + Files.readString(tmp.resolve("first.log"))); // the two before it are stored by then
    } finally {
      first.destroyForcibly(); // SIGKILL, mid-poll
      assertTrue(first.waitFor(60, TimeUnit.SECONDS), "watch did not die");
    }
    release.countDown();
    Source crashed = source(data);
    assertEquals(2, articles(data));
    assertEquals(2, crashed.state().articlesAdded(), "articles added as stored");
    assertNull(crashed.state().lastPoll(), "the poll's state goes with its last article, not stored");

    release = new CountDownLatch(0);
    Process second = watch(data, "second.log");
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (source(data).state().lastPoll() == null && second.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(300);
      }
    } finally {
      second.destroy();
      assertTrue(second.waitFor(60, TimeUnit.SECONDS), "watch did not stop on SIGTERM");
    }
    Source polled = source(data);
    assertTrue(polled.state().lastPoll() != null, Files.readString(tmp.resolve("second.log")));
    assertEquals(3, articles(data));
    assertEquals(3, polled.state().articlesAdded());
    assertEquals(1, requests.get("/ponte.html").get(), "handled before the kill: not fetched again");
    assertEquals(1, requests.get("/mercato.html").get(), "handled before the kill: not fetched again");
    assertEquals(2, requests.get(HELD).get(), "not handled before the kill: fetched again");
  }
}
