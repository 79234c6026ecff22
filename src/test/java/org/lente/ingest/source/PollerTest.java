package org.lente.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.Fetcher;

/** {@link Poller} against a real local server. */
class PollerTest {

  private static final Instant T = Instant.parse("2026-03-08T10:00:00Z");

  private HttpServer server;
  private String base;
  private final AtomicInteger status = new AtomicInteger(200);
  private Poller poller;

  @TempDir Path tmp;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/feed.xml", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      if (status.get() != 200) {
        ex.sendResponseHeaders(status.get(), -1);
        ex.close();
        return;
      }
      byte[] b = rss(base + "/porto.html", "<ttl>60</ttl>").getBytes(UTF_8);
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    Fetcher fetcher = new Fetcher(Fetcher.Options.defaults().withAllowPrivate(true).withRetries(0, Duration.ZERO,
        Duration.ZERO).withPoliteness(1, Duration.ZERO));
    poller = new Poller(fetcher, new PageReader(), Clock.fixed(T, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String rss(String link, String extra) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie</title>" + extra + "<item><title>Porto"
        + "</title><link>" + link + "</link></item></channel></rss>";
  }

  private Source feed() {
    return new Source(1, Source.Kind.FEED, base + "/feed.xml", null, Duration.ofMinutes(15), T, Source.State.NEW);
  }

  @Test
  void aFeedGivesItsItemsAndTheValidatorsForTheNextPoll() {
    Poller.Polled p = poller.poll(feed());

    assertEquals(List.of(base + "/porto.html"), p.articles());
    assertEquals("\"v1\"", p.state().validators().etag());
    assertEquals(200, p.state().lastStatus());
  }

  @Test
  void aFeedUnchangedSinceTheLastPollGivesNoArticles() {
    Source once = feed().withState(poller.poll(feed()).state());
    Poller.Polled again = poller.poll(once);

    assertEquals(List.of(), again.articles());
    assertEquals(304, again.state().lastStatus());
    assertEquals("\"v1\"", again.state().validators().etag());
  }

  @Test
  void aFeedAskingForALongerTtlIsPolledLater() {
    assertEquals(T.plus(Duration.ofMinutes(60)), poller.poll(feed()).state().nextPoll());
  }

  @Test
  void failingSinceIsTheFirstFailureInARowAndASuccessClearsIt() {
    status.set(500);
    Source.State first = poller.poll(feed().withState(new Source.State(T.minusSeconds(900), T, Source.State.NEW
        .validators(), 500, "HTTP 500", 0, T.minusSeconds(900)))).state();
    status.set(200);
    Source.State healed = poller.poll(feed().withState(first)).state();

    assertEquals(T.minusSeconds(900), first.failingSince());
    assertTrue(first.lastError().contains("500"), first.lastError());
    assertNull(healed.failingSince());
    assertNull(healed.lastError());
  }

  @Test
  void aLocalFeedFileIsReadAgainOnEachPoll() throws Exception {
    Path file = Files.writeString(tmp.resolve("feed.xml"), rss("https://notizie.example/porto.html", ""));
    Source s = new Source(2, Source.Kind.FILE, Source.address(Source.Kind.FILE, file.toString()), null,
        Duration.ofMinutes(15), T, Source.State.NEW);
    poller.poll(s);
    Files.writeString(file, rss("https://notizie.example/ponte.html", ""));

    assertEquals(List.of("https://notizie.example/ponte.html"), poller.poll(s).articles());
  }

  @Test
  void aPageToRevisitIsItsOwnArticleOnEveryPoll() {
    Source page = new Source(3, Source.Kind.PAGE, base + "/porto.html", null, Duration.ofMinutes(15), T,
        Source.State.NEW);

    assertEquals(List.of(base + "/porto.html"), poller.poll(page).articles());
  }
}
