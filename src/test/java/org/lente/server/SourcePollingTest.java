package org.lente.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.Poller;
import org.lente.ingest.source.Source;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;
import org.lente.store.SqliteSources;

/** The server's watch loop on a real knowledge base, polling a feed served on port 0. */
class SourcePollingTest {

  @TempDir Path dir;

  @Test
  void aListedPageWithoutAnArticleIsFetchedOnceAcrossPolls() throws Exception {
    Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + site.getAddress().getPort();
    site.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      String body = switch (path) {
        case "/feed.xml" -> "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Avvisi</title>"
            + "<item><title>Orari</title><link>" + base + "/orari.html</link></item></channel></rss>";
        case "/orari.html" -> "<!doctype html><html><head><title>Orari</title></head><body></body></html>";
        default -> null;
      };
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
      } else {
        byte[] b = body.getBytes(UTF_8);
        ex.getResponseHeaders().set("Content-Type", path.endsWith(".xml") ? "application/rss+xml" : "text/html");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
      }
      ex.close();
    });
    site.start();
    Fetcher fetcher = new Fetcher(Fetcher.Options.defaults().withAllowPrivate(true)
        .withPoliteness(1, Duration.ZERO));
    StringWriter log = new StringWriter();
    try (Lente lente = Lente.open(dir, Lente.Options.write()); SqliteSources sources = SqliteSources.open(dir);
        Ingests ingests = new Ingests(lente.knowledge(), fetcher,
            new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS), Pipeline.Options.defaults()))) {
      sources.add(Source.Kind.FEED, base + "/feed.xml", null, Duration.ofSeconds(1), Instant.now());
      try (SourcePolling polling = new SourcePolling(sources, new Poller(fetcher), ingests, Duration.ofMillis(100),
          new PrintWriter(log)).start()) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (requests.getOrDefault("/feed.xml", new AtomicInteger()).get() < 3 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
      }
      assertTrue(requests.get("/feed.xml").get() >= 3, "polled " + requests + "\n" + log);
      assertEquals(1, requests.get("/orari.html").get(), "no article there: handled, not fetched again");
    } finally {
      site.stop(0);
    }
  }
}
