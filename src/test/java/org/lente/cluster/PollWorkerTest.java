package org.lente.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.PostgresConnections;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.Poller;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceProgress;
import org.lente.store.PostgresSources;

/**
 * Poll workers on a real PostgreSQL server and a real Kafka broker, polling feeds served on 127.0.0.1 (port 0): the
 * fetcher allows private addresses there, as {@code --allow-private} does.
 */
class PollWorkerTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();

  @TempDir Path dir;

  private ClusterFile cluster;
  private HttpServer site;
  private String base;
  /** The items each feed path lists now; a path not here answers 500. */
  private final Map<String, List<String>> feeds = new ConcurrentHashMap<>();
  /** When each path was requested. */
  private final Map<String, List<Long>> requests = new ConcurrentHashMap<>();
  /** Held open until counted down: the first request of {@code /slow.xml}. */
  private final CountDownLatch slow = new CountDownLatch(1);
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();
  private Process child;

  @BeforeEach
  void start() throws Exception {
    cluster = PG.newMigratedCluster(dir);
    try (Admin admin = KAFKA.admin()) {
      KafkaTopics.ensure(admin, 3);
    }
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.setExecutor(Executors.newCachedThreadPool()); // a held request does not hold the others
    base = "http://127.0.0.1:" + site.getAddress().getPort();
    site.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      List<Long> times = requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
      times.add(System.nanoTime());
      if (path.equals("/slow.xml") && times.size() == 1) {
        try {
          slow.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<String> items = feeds.get(path);
      if (items == null) {
        ex.sendResponseHeaders(500, -1);
      } else {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie"
            + "</title>");
        items.forEach(i -> rss.append("<item><title>").append(i).append("</title><link>").append(base).append(i)
            .append("</link></item>"));
        byte[] b = rss.append("</channel></rss>").toString().getBytes(UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
      }
      ex.close();
    });
    site.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (child != null) {
      child.destroyForcibly();
    }
    slow.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
    site.stop(0);
  }

  private PollWorker worker(String holder, Duration claim) throws IOException {
    Fetcher fetcher = new Fetcher(Fetcher.Options.defaults().withAllowPrivate(true).withObeyRobots(false)
        .withPoliteness(4, Duration.ZERO).withRetries(0, Duration.ofMillis(100), Duration.ofSeconds(1)));
    PollWorker w = PollWorker.open(cluster, KAFKA.bootstrap(), new Poller(fetcher), holder, claim,
        line -> log.add(holder + ": " + line));
    open.add(w);
    return w;
  }

  private Source addFeed(String path, List<String> items, Duration every) throws IOException {
    feeds.put(path, new CopyOnWriteArrayList<>(items));
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresSources sources = PostgresSources.on(pg)) {
      return sources.add(Source.Kind.FEED, base + path, null, every, Instant.now());
    }
  }

  /** The URLs put on lente.fetch after {@code from} by the polls of the sources {@code ids}, in order. */
  private static List<String> handedOn(Map<TopicPartition, Long> from, List<Long> ids) throws Exception {
    Map<TopicPartition, Long> to = KAFKA.ends(KafkaTopics.FETCH);
    long total = to.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L)).sum();
    List<ConsumerRecord<String, String>> got = KAFKA.read(from, r -> r.size() >= total, Duration.ofMinutes(1));
    List<String> urls = new ArrayList<>();
    for (ConsumerRecord<String, String> r : got) {
      KafkaMessages.FetchTask task = KafkaMessages.read(r.value(), KafkaMessages.FetchTask.class);
      Optional<SourceProgress> progress = PollWorker.progress(task.origin());
      if (progress.isPresent() && ids.contains(progress.get().source())) {
        assertEquals(task.url(), progress.get().url(), "the origin names the URL as listed");
        assertEquals("127.0.0.1", r.key(), "keyed by host");
        urls.add(task.url());
      }
    }
    return urls;
  }

  /** When the claim on source {@code id} ends, as stored. */
  private Instant claimedUntil(long id) throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        PreparedStatement st = c.prepareStatement("SELECT claimed_until FROM source_claims WHERE source_id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next(), "no claim on source " + id);
        return rs.getTimestamp(1).toInstant();
      }
    }
  }

  /** How many times {@code path} was requested so far. */
  private int requested(String path) {
    List<Long> times = requests.get(path);
    return times == null ? 0 : times.size();
  }

  private static void sleepPast(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis() + 300);
  }

  @Test
  void aFeedsNewItemsArriveOnFetchOnceAcrossPollsAndARestart() throws Exception {
    Duration every = Duration.ofSeconds(1);
    Source feed = addFeed("/feed.xml", List.of("/a/1", "/a/2"), every);
    Map<TopicPartition, Long> from = KAFKA.ends(KafkaTopics.FETCH);

    PollWorker first = worker("first", Duration.ofMinutes(1));
    assertEquals(1, first.pollDue(() -> false));
    feeds.get("/feed.xml").add("/a/3");
    sleepPast(every);
    assertEquals(1, first.pollDue(() -> false));
    first.close();
    PollWorker restarted = worker("restarted", Duration.ofMinutes(1));
    sleepPast(every);
    assertEquals(1, restarted.pollDue(() -> false));

    assertEquals(List.of(base + "/a/1", base + "/a/2", base + "/a/3"), handedOn(from, List.of(feed.id())),
        String.join("\n", log));
    assertEquals(3, requests.get("/feed.xml").size());
    assertEquals(0, restarted.counts().handedOn());
  }

  @Test
  void twoWorkersSideBySidePollEachDueSourceOncePerInterval() throws Exception {
    Duration every = Duration.ofSeconds(2);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(addFeed("/f" + i + ".xml", List.of("/f" + i + "/1", "/f" + i + "/2"), every).id());
    }
    Map<TopicPartition, Long> from = KAFKA.ends(KafkaTopics.FETCH);
    PollWorker a = worker("a", Duration.ofMinutes(1));
    PollWorker b = worker("b", Duration.ofMinutes(1));
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<PollWorker.Counts> ca = pool.submit(() -> a.run(stop::get));
      Future<PollWorker.Counts> cb = pool.submit(() -> b.run(stop::get));
      // until each feed was requested three times (two intervals to check), at most the 9 s the count allows
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(9);
      while (System.nanoTime() < deadline && !IntStream.range(0, 3).allMatch(i -> requested("/f" + i + ".xml") >= 3)) {
        Thread.sleep(50);
      }
      stop.set(true);
      long polls = ca.get(1, TimeUnit.MINUTES).polled() + cb.get(1, TimeUnit.MINUTES).polled();
      assertTrue(polls >= 6, "two polls of each feed at least in 9 s: " + polls + "\n" + String.join("\n", log));
    } finally {
      pool.shutdownNow();
    }

    for (int i = 0; i < 3; i++) {
      List<Long> times = new ArrayList<>(requests.get("/f" + i + ".xml"));
      Collections.sort(times);
      for (int j = 1; j < times.size(); j++) {
        double gap = (times.get(j) - times.get(j - 1)) / 1e9;
        assertTrue(gap > 1.5, "/f" + i + ".xml polled twice within " + gap + " s (every 2 s)\n" + String.join("\n",
            log));
      }
    }
    List<String> urls = handedOn(from, ids);
    assertEquals(6, urls.size(), "each item once: " + urls);
    assertEquals(6, urls.stream().distinct().count(), "each item once: " + urls);
  }

  @Test
  void aWorkerWhosePostgresSessionsWereTerminatedCarriesOn() throws Exception {
    Source before = addFeed("/prima.xml", List.of("/p/1"), Duration.ofMinutes(15));
    Map<TopicPartition, Long> from = KAFKA.ends(KafkaTopics.FETCH);
    PollWorker w = worker("w", Duration.ofMinutes(1));
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<PollWorker.Counts> counts = pool.submit(() -> w.run(stop::get));
      waitFor(() -> requests.containsKey("/prima.xml"));
      assertTrue(PG.terminateSessions(cluster.postgresUrl()) > 0); // as a restart or an idle timeout ends them
      Source after = addFeed("/dopo.xml", List.of("/d/1"), Duration.ofMinutes(15));
      waitFor(() -> requests.containsKey("/dopo.xml") || counts.isDone());
      Thread.sleep(1_000); // its poll recorded
      stop.set(true);
      assertEquals(2, counts.get(1, TimeUnit.MINUTES).polled(), String.join("\n", log));
      assertEquals(List.of(base + "/p/1", base + "/d/1"), handedOn(from, List.of(before.id(), after.id())));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits up to 30 s for {@code done}. */
  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void aFailingSourceIsRecordedWithItsErrorAndTheOthersArePolled() throws Exception {
    Source broken = addFeed("/broken.xml", List.of(), Duration.ofMinutes(15));
    feeds.remove("/broken.xml"); // answers 500
    Source fine = addFeed("/fine.xml", List.of("/b/1"), Duration.ofMinutes(15));
    Map<TopicPartition, Long> from = KAFKA.ends(KafkaTopics.FETCH);

    PollWorker w = worker("w", Duration.ofMinutes(1));
    assertEquals(2, w.pollDue(() -> false));

    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresSources sources = PostgresSources.on(pg)) {
      Source.State failed = sources.get(broken.id()).orElseThrow().state();
      assertEquals(500, failed.lastStatus());
      assertNotNull(failed.lastError());
      assertNotNull(failed.failingSince());
      assertTrue(failed.nextPoll().isAfter(Instant.now().plusSeconds(600)), "due again after its interval");
      assertEquals(null, sources.get(fine.id()).orElseThrow().state().lastError());
    }
    assertEquals(List.of(base + "/b/1"), handedOn(from, List.of(broken.id(), fine.id())));
    assertEquals(new PollWorker.Counts(2, 1, 1, 0), w.counts());
  }

  /**
   * A worker process holds its claim while its poll waits for the server, and is killed (kill -9): another worker
   * finds the source claimed until the claim expires, then polls it and hands its item on. The claim lasts 10 s
   * (what the test waits out); the other worker is opened before the kill, so that its first poll comes well within
   * the claim.
   */
  @Test
  void aKilledWorkersSourceIsPolledByAnotherOnceItsClaimExpires() throws Exception {
    Source feed = addFeed("/slow.xml", List.of("/c/1"), Duration.ofMinutes(15));
    Map<TopicPartition, Long> from = KAFKA.ends(KafkaTopics.FETCH);
    Path file = Files.writeString(dir.resolve("cluster.properties"), "postgres.url=" + cluster.postgresUrl()
        + "\npostgres.user=" + PostgresServer.USER + "\nkafka.bootstrap=" + KAFKA.bootstrap() + "\n");
    Path childLog = dir.resolve("child.log");
    child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.lente.cli.Main", "worker", "poll",
        "--cluster", file.toString(), "--allow-private", "--ignore-robots", "--delay", "0", "--claim", "10")
        .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
    PollWorker other = worker("other", Duration.ofMinutes(1));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!requests.containsKey("/slow.xml") && System.nanoTime() < deadline && child.isAlive()) {
      Thread.sleep(50);
    }
    assertTrue(requests.containsKey("/slow.xml"), "the worker never polled: " + Files.readString(childLog));
    Instant until = claimedUntil(feed.id());
    child.destroyForcibly(); // kill -9, mid-poll, its claim held
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));

    assertEquals(0, other.pollDue(() -> false), "claimed by the killed worker: " + Files.readString(childLog));
    Instant took = null;
    while (took == null && System.nanoTime() < deadline) {
      if (other.pollDue(() -> false) == 1) {
        took = Instant.now(); // after the claim, which the database gave no earlier than the killed one's end
      } else {
        Thread.sleep(100);
      }
    }
    assertNotNull(took, "never taken over\n" + String.join("\n", log));
    assertTrue(took.isAfter(until.minusMillis(500)), "taken at " + took + ", before the claim's end " + until);
    assertEquals(List.of(base + "/c/1"), handedOn(from, List.of(feed.id())));
  }
}
