package org.lente.ingest.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetcherTest {

  private final TestServer server = newServer();
  private final CountDownLatch release = new CountDownLatch(1);

  /** Loopback allowed, no politeness delay, quick retries and timeouts. */
  private static final Fetcher.Options LOCAL = Fetcher.Options.defaults()
      .withAllowPrivate(true)
      .withPoliteness(2, Duration.ZERO)
      .withRetries(3, Duration.ofMillis(10), Duration.ofSeconds(5))
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20));

  private static TestServer newServer() {
    try {
      return new TestServer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final List<Fetcher> fetchers = new ArrayList<>();

  @AfterEach
  void stop() {
    release.countDown();
    fetchers.forEach(Fetcher::close);
    server.close();
  }

  private Fetcher track(Fetcher fetcher) {
    fetchers.add(fetcher);
    return fetcher;
  }

  private Fetcher fetcher() {
    return track(new Fetcher(LOCAL));
  }

  @Test
  void aPageIsFetchedWithItsHeaders() throws IOException {
    server.on("/page", ex -> {
      ex.getResponseHeaders().set("Cache-Control", "max-age=60");
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      TestServer.send(ex, 200, "<p>ciao</p>");
    });

    Response response = fetcher().fetch(server.uri("/page"));

    assertEquals(Response.Outcome.OK, response.outcome());
    assertEquals("<p>ciao</p>", new String(response.body(), UTF_8));
    assertEquals("text/html; charset=utf-8", response.contentType());
    assertEquals("max-age=60", response.cacheControl());
    assertEquals(new Validators("\"v1\"", null), response.validators());
  }

  @Test
  void theUserAgentNamesLente() throws IOException {
    List<String> agents = new ArrayList<>();
    server.on("/page", ex -> {
      agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
      TestServer.send(ex, 200, "x");
    });

    fetcher().fetch(server.uri("/page"));

    assertTrue(agents.get(0).startsWith("Lente/"), agents.toString());
  }

  @Test
  void redirectsAreFollowedUpToFive() throws IOException {
    for (int i = 1; i <= 6; i++) {
      int next = i - 1;
      server.on("/r" + i, ex -> TestServer.redirect(ex, "/r" + next));
    }
    server.on("/r0", ex -> TestServer.send(ex, 200, "arrived"));

    Response response = fetcher().fetch(server.uri("/r5"));

    assertEquals(server.uri("/r0"), response.uri());
    assertEquals("arrived", new String(response.body(), UTF_8));
  }

  @Test
  void aSixthRedirectIsRefused() {
    for (int i = 1; i <= 6; i++) {
      int next = i - 1;
      server.on("/r" + i, ex -> TestServer.redirect(ex, "/r" + next));
    }
    server.on("/r0", ex -> TestServer.send(ex, 200, "arrived"));

    FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/r6")));

    assertEquals(FetchException.Reason.TOO_MANY_REDIRECTS, e.reason());
    assertEquals(0, server.hits("/r0"));
  }

  @Test
  void aRedirectToAnotherSchemeIsRefused() {
    server.on("/go", ex -> TestServer.redirect(ex, "file:///etc/passwd"));

    FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/go")));

    assertEquals(FetchException.Reason.INVALID_URI, e.reason());
  }

  @Test
  void conditionalGetGivesNotModified() throws IOException {
    List<String> sent = new ArrayList<>();
    server.on("/feed", ex -> {
      String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
      sent.add(ifNoneMatch + " | " + ex.getRequestHeaders().getFirst("If-Modified-Since"));
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      ex.getResponseHeaders().set("Last-Modified", "Tue, 14 May 2024 09:30:00 GMT");
      if ("\"v1\"".equals(ifNoneMatch)) {
        ex.sendResponseHeaders(304, -1);
      } else {
        TestServer.send(ex, 200, "<rss/>");
      }
    });
    Fetcher fetcher = fetcher();
    Response first = fetcher.fetch(server.uri("/feed"));

    Response second = fetcher.fetch(server.uri("/feed"), first.validators());

    assertEquals(Response.Outcome.NOT_MODIFIED, second.outcome());
    assertEquals(304, second.status());
    assertEquals(0, second.body().length);
    assertEquals(List.of("null | null", "\"v1\" | Tue, 14 May 2024 09:30:00 GMT"), sent);
  }

  @Test
  void a503IsRetriedThenSucceeds() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server.on("/flaky", ex -> TestServer.send(ex, calls.incrementAndGet() == 1 ? 503 : 200, "ok"));

    Response response = fetcher().fetch(server.uri("/flaky"));

    assertEquals(200, response.status());
    assertEquals(2, calls.get());
    assertEquals(List.of("retried after HTTP 503"), response.warnings());
  }

  @Test
  void retryAfterIsHonoured() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server.on("/busy", ex -> {
      if (calls.incrementAndGet() == 1) {
        ex.getResponseHeaders().set("Retry-After", "1");
        TestServer.send(ex, 429, "slow down");
      } else {
        TestServer.send(ex, 200, "ok");
      }
    });
    long start = System.nanoTime();

    Response response = fetcher().fetch(server.uri("/busy"));

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, response.status());
    assertTrue(millis >= 1000, "retried after " + millis + " ms");
  }

  @Test
  void aRetryAfterBeyondTheCapEndsTheRetries() {
    server.on("/busy", ex -> {
      ex.getResponseHeaders().set("Retry-After", "3600");
      TestServer.send(ex, 503, "come back in an hour");
    });

    FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/busy")));

    assertEquals(FetchException.Reason.HTTP_STATUS, e.reason());
    assertEquals(503, e.status());
    assertEquals(1, server.hits("/busy"));
  }

  @Test
  void aNotFoundIsAnHttpStatusError() {
    FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/missing")));

    assertEquals(FetchException.Reason.HTTP_STATUS, e.reason());
    assertEquals(404, e.status());
    assertEquals(server.uri("/missing"), e.uri());
  }

  @Test
  void robotsTxtDisallowIsAnError() {
    server.on("/robots.txt", ex -> TestServer.send(ex, 200, "User-agent: *\nDisallow: /private/\n"));
    server.on("/private/page", ex -> TestServer.send(ex, 200, "secret"));

    FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/private/page")));

    assertEquals(FetchException.Reason.ROBOTS, e.reason());
    assertEquals(0, server.hits("/private/page"));
  }

  @Test
  void robotsTxtIsFetchedOncePerSite() throws IOException {
    server.on("/robots.txt", ex -> TestServer.send(ex, 200, "User-agent: *\nDisallow: /private/\n"));
    server.on("/a", ex -> TestServer.send(ex, 200, "a"));
    Fetcher fetcher = fetcher();

    for (int i = 0; i < 3; i++) {
      fetcher.fetch(server.uri("/a"));
    }

    assertEquals(1, server.hits("/robots.txt"));
  }

  @Test
  void aMissingRobotsTxtAllowsEverything() throws IOException {
    server.on("/private/page", ex -> TestServer.send(ex, 200, "fine"));

    assertEquals(200, fetcher().fetch(server.uri("/private/page")).status());
    assertEquals(1, server.hits("/robots.txt"));
  }

  @Test
  void aGzipEncodedBodyIsDecoded() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("<p>compresso</p>".getBytes(UTF_8));
    }
    server.on("/gz", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, gz.size());
      try (OutputStream out = ex.getResponseBody()) {
        out.write(gz.toByteArray());
      }
    });

    assertArrayEquals("<p>compresso</p>".getBytes(UTF_8), fetcher().fetch(server.uri("/gz")).body());
  }

  @Test
  void anEndlessBodyIsCutAtTheCapQuicklyWithoutBeingRead() throws IOException {
    AtomicLong served = new AtomicLong();
    server.on("/huge", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked, no length: a 1 GiB stream from one 64 KiB buffer
      byte[] chunk = new byte[1 << 16];
      try (OutputStream out = ex.getResponseBody()) {
        for (long sent = 0; sent < (1L << 30); sent += chunk.length) {
          out.write(chunk);
          served.addAndGet(chunk.length);
        }
      }
    });
    long start = System.nanoTime();

    Response response = track(new Fetcher(LOCAL.withMaxBytes(1 << 20))).fetch(server.uri("/huge"));

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(1 << 20, response.body().length);
    assertEquals(List.of("body exceeds the limit of 1048576 bytes; truncated, the rest was not read"), response.warnings());
    assertTrue(millis < 5000, "took " + millis + " ms");
    assertTrue(served.get() < (64L << 20), "the server could send " + served.get() + " bytes");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() {
    server.on("/silent", ex -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Fetcher fetcher = track(new Fetcher(LOCAL.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(10))));
    long start = System.nanoTime();

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/silent")));

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(FetchException.Reason.TIMEOUT, e.reason());
    assertTrue(millis < 3000, "took " + millis + " ms");
  }

  @Test
  void theDeadlineBoundsASlowDrip() {
    server.on("/drip", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 100 && release.getCount() > 0; i++) {
          out.write('x');
          out.flush();
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Fetcher fetcher = track(new Fetcher(LOCAL.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500))));
    long start = System.nanoTime();

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/drip")));

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(FetchException.Reason.TIMEOUT, e.reason());
    assertTrue(millis < 3000, "took " + millis + " ms");
  }

  @Test
  void requestsToOneHostAreSpacedByTheDelay() throws IOException {
    server.on("/a", ex -> TestServer.send(ex, 200, "a"));
    Fetcher fetcher = track(new Fetcher(LOCAL.withPoliteness(2, Duration.ofMillis(200)).withObeyRobots(false)));
    long start = System.nanoTime();

    for (int i = 0; i < 3; i++) {
      fetcher.fetch(server.uri("/a"));
    }

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 400, "three requests in " + millis + " ms");
  }

  @Test
  void aSitesCrawlDelaySpacesRequestsBeyondOurOwnDelay() throws IOException {
    server.on("/robots.txt", ex -> TestServer.send(ex, 200, "User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n"));
    server.on("/a", ex -> TestServer.send(ex, 200, "a"));
    Fetcher fetcher = track(new Fetcher(LOCAL.withPoliteness(2, Duration.ZERO)));
    fetcher.fetch(server.uri("/a")); // loads robots.txt and its delay
    long start = System.nanoTime();

    fetcher.fetch(server.uri("/a"));
    fetcher.fetch(server.uri("/a"));

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 1_900, "two requests after a Crawl-delay of 1 s took " + millis + " ms");
  }

  @Test
  void atMostNRequestsToOneHostRunAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    server.on("/slow", ex -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      TestServer.send(ex, 200, "done");
    });
    Fetcher fetcher = track(new Fetcher(LOCAL.withPoliteness(2, Duration.ZERO).withObeyRobots(false)));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Response>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> fetcher.fetch(server.uri("/slow"))));
      }
      for (Future<Response> r : results) {
        assertEquals(200, r.get().status());
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(2, most.get());
  }

  @Test
  void loopbackIsRefusedBeforeConnecting() {
    server.on("/", ex -> TestServer.send(ex, 200, "internal"));
    Fetcher fetcher = track(new Fetcher(LOCAL.withAllowPrivate(false)));

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/")));

    assertEquals(FetchException.Reason.PRIVATE_ADDRESS, e.reason());
    assertEquals(List.of(), server.requests);
  }

  @Test
  void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() {
    Fetcher.Resolver mixed = host -> List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7"));
    Fetcher fetcher = track(new Fetcher(LOCAL.withAllowPrivate(false), mixed, Fetcher.AddressPolicy.PUBLIC_ONLY));

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(URI.create("http://rebind.example/")));

    assertEquals(FetchException.Reason.PRIVATE_ADDRESS, e.reason());
    assertTrue(e.getMessage().contains("10.0.0.7"), e.getMessage());
  }

  @Test
  void theConnectionGoesToTheCheckedAddressNotASecondLookup() throws IOException {
    server.on("/page", ex -> TestServer.send(ex, 200, "via the checked address"));
    Fetcher fetcher = track(new Fetcher(LOCAL.withAllowPrivate(false), newsExample(), allowOnly("news.example")));

    // news.example has no DNS entry: a second lookup by the system resolver would fail
    Response response = fetcher.fetch(URI.create("http://news.example:" + server.port() + "/page"));

    assertEquals("via the checked address", new String(response.body(), UTF_8));
  }

  @Test
  void aRedirectFromAnAllowedHostToLoopbackIsRefused() {
    server.on("/go", ex -> TestServer.redirect(ex, "http://127.0.0.1:" + server.port() + "/admin"));
    server.on("/admin", ex -> TestServer.send(ex, 200, "internal"));
    Fetcher fetcher = track(new Fetcher(LOCAL.withAllowPrivate(false), newsExample(), allowOnly("news.example")));

    FetchException e = assertThrows(FetchException.class,
        () -> fetcher.fetch(URI.create("http://news.example:" + server.port() + "/go")));

    assertEquals(FetchException.Reason.PRIVATE_ADDRESS, e.reason());
    assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/robots.txt"), e.uri());
    assertEquals(1, server.hits("/go"));
    assertEquals(0, server.hits("/admin"));
  }

  @Test
  void aNameResolvingToAPrivateAddressIsRefusedWhenJettyConnects() {
    server.on("/page", ex -> TestServer.send(ex, 200, "internal"));
    AtomicInteger lookups = new AtomicInteger();
    Fetcher.Resolver intranet = host -> {
      lookups.incrementAndGet();
      return List.of(InetAddress.getLoopbackAddress());
    };
    Fetcher fetcher = track(new Fetcher(LOCAL.withAllowPrivate(false).withObeyRobots(false), intranet,
        Fetcher.AddressPolicy.PUBLIC_ONLY));

    FetchException e = assertThrows(FetchException.class,
        () -> fetcher.fetch(URI.create("http://intranet.example:" + server.port() + "/page")));

    assertEquals(FetchException.Reason.PRIVATE_ADDRESS, e.reason());
    assertTrue(e.getMessage().contains("intranet.example resolves to 127.0.0.1"), e.getMessage());
    assertEquals(1, lookups.get());
    assertEquals(List.of(), server.requests);
  }

  @Test
  void aRedirectToANameResolvingToAPrivateAddressIsRefused() {
    server.on("/go", ex -> TestServer.redirect(ex, "http://intranet.example:" + server.port() + "/admin"));
    server.on("/admin", ex -> TestServer.send(ex, 200, "internal"));
    Fetcher.Resolver names = host -> host.equals("news.example") || host.equals("intranet.example")
        ? List.of(InetAddress.getLoopbackAddress()) : Fetcher.Resolver.SYSTEM.resolve(host);
    Fetcher fetcher = track(new Fetcher(LOCAL.withAllowPrivate(false).withObeyRobots(false), names,
        allowOnly("news.example")));

    FetchException e = assertThrows(FetchException.class,
        () -> fetcher.fetch(URI.create("http://news.example:" + server.port() + "/go")));

    assertEquals(FetchException.Reason.PRIVATE_ADDRESS, e.reason());
    assertEquals(URI.create("http://intranet.example:" + server.port() + "/admin"), e.uri());
    assertEquals(1, server.hits("/go"));
    assertEquals(0, server.hits("/admin"));
  }

  @Test
  void moreThanTwoHundredResponseHeadersAreRefused() {
    server.on("/many", ex -> {
      for (int i = 0; i < 250; i++) {
        ex.getResponseHeaders().add("X-Field-" + i, "v");
      }
      TestServer.send(ex, 200, "x");
    });

    FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/many")));

    assertEquals(FetchException.Reason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().contains("more than 200 response headers"), e.getMessage());
  }

  @Test
  void aHeaderSectionOverItsCapIsRefused() {
    server.on("/big", ex -> {
      for (int i = 0; i < 100; i++) {
        ex.getResponseHeaders().add("X-Padding-" + i, "p".repeat(1000));
      }
      TestServer.send(ex, 200, "x");
    });

    FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/big")));

    assertEquals(FetchException.Reason.TOO_LARGE, e.reason(), e.getMessage());
  }

  @Test
  void aGzipBombIsCutAtTheCapAfterDecompression() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) {
        out.write(zeros); // 256 MiB of zeros, about 256 KiB compressed
      }
    }
    server.on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, gz.size());
      try (OutputStream out = ex.getResponseBody()) {
        out.write(gz.toByteArray());
      }
    });

    Response response = track(new Fetcher(LOCAL.withMaxBytes(1 << 20))).fetch(server.uri("/bomb"));

    assertEquals(1 << 20, response.body().length);
    assertTrue(response.warnings().get(0).startsWith("body exceeds the limit of 1048576 bytes"), response.warnings().toString());
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(URI.create("file:///etc/passwd")));

    assertEquals(FetchException.Reason.INVALID_URI, e.reason());
  }

  @Test
  void anUnknownHostIsAnError() {
    Fetcher fetcher = track(new Fetcher(LOCAL, host -> {
      throw new java.net.UnknownHostException(host);
    }, Fetcher.AddressPolicy.PUBLIC_ONLY));

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(URI.create("http://nowhere.example/")));

    assertEquals(FetchException.Reason.UNKNOWN_HOST, e.reason());
  }

  /** news.example is the test server on loopback; everything else resolves as usual. */
  private static Fetcher.Resolver newsExample() {
    return host -> host.equals("news.example") ? List.of(InetAddress.getLoopbackAddress())
        : Fetcher.Resolver.SYSTEM.resolve(host);
  }

  /** Public addresses, plus the loopback server under exactly this one host name. */
  private Fetcher.AddressPolicy allowOnly(String name) {
    InetSocketAddress allowed = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
    return (host, address) -> host.equals(name) && address.equals(allowed)
        || Fetcher.AddressPolicy.PUBLIC_ONLY.permits(host, address);
  }
}
