package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.PostgresConnections;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.index.LuceneIndex;
import org.lente.index.OpenSearchIndex;
import org.lente.index.SearchIndex;
import org.lente.index.SearchQuery;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;
import org.lente.store.ArticleFailure;
import org.lente.store.PostgresArticleStore;
import org.lente.story.Texts;

/** The index outbox and its workers on real PostgreSQL and OpenSearch servers. */
class IndexWorkerTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  private static final Duration LONG = Duration.ofMinutes(10);

  @TempDir Path dir;
  private ClusterFile cluster;
  private String alias;

  @BeforeEach
  void cluster() throws Exception {
    cluster = cluster(PG, OS, dir);
    alias = OS.newIndexName();
  }

  /** A cluster file (in memory, as if read from {@code dir}) for a new migrated database and the node. */
  static ClusterFile cluster(PostgresServer pg, OpenSearchServer os, Path dir) throws Exception {
    return new ClusterFile(dir.resolve("cluster.properties"), pg.newMigratedDatabase(), PostgresServer.USER, null,
        os.url(), null);
  }

  static Analysis analysis(int n, String body) {
    return Texts.analysis("cronaca.example/" + n, "La Cronaca", "it", "2026-11-01T08:00:00Z",
        "Il ponte di Verona " + n, body);
  }

  /** Stores articles 1 to {@code n}, each with a text of its own; returns the store's versions. */
  static Map<Long, Integer> put(ClusterFile cluster, int n) throws Exception {
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      for (int i = 1; i <= n; i++) {
        store.put("cronaca.example/" + i, analysis(i, "Il cantiere numero " + i + " del ponte sull'Adige riapre."));
      }
      return store.versions();
    }
  }

  private OpenSearchIndex index(URI url) throws Exception {
    return OpenSearchIndex.open(url, alias, LuceneIndex.SEARCH_BUDGET);
  }

  private IndexWorker worker(URI url, int batch, Duration poll) throws Exception {
    return IndexWorker.open(cluster, index(url), batch, poll, line -> { });
  }

  /** Runs batches until one finds nothing. */
  private static IndexWorker.Counts drain(IndexWorker worker) throws Exception {
    IndexWorker.Counts counts = new IndexWorker.Counts(0, 0, 0);
    while (true) {
      PostgresArticleStore.Indexed b = worker.once(0, false);
      if (b.claimed() == 0) {
        return counts;
      }
      counts = counts.plus(b);
    }
  }

  private Map<Long, Integer> indexed() throws Exception {
    try (OpenSearchIndex index = index(OS.url())) {
      return index.versions();
    }
  }

  @Test
  void anArticleTheWriterStoresIsSearchableOnceAnIndexWorkerRan() throws Exception {
    try (KnowledgeBase kb = new KnowledgeBase(PostgresArticleStore.on(PG.connections(cluster)),
        SearchIndex.writtenElsewhere("the index workers"))) {
      KnowledgeBase.Added added = kb.add("cronaca.example/1", analysis(1, "Il ponte sull'Adige riapre dopo i lavori."));
      assertEquals(null, added.failure()); // left to the workers, not failed
    }
    try (IndexWorker worker = worker(OS.url(), 10, LONG)) {
      assertEquals(new IndexWorker.Counts(1, 0, 1), drain(worker));
    }
    try (OpenSearchIndex index = index(OS.url()); PostgresArticleStore store = PostgresArticleStore.on(PG.connections(cluster))) {
      assertEquals(1, index.search(SearchQuery.of("ponte Adige")).total());
      assertEquals(List.of(), store.unindexed(0, 10));
    }
  }

  @Test
  void twoWorkersIndex200ArticlesSendingEachOnce() throws Exception {
    Map<Long, Integer> stored = put(cluster, 200);
    try (BulkCounter proxy = new BulkCounter(OS.url(), 100); // a slow bulk: the two claims overlap
        IndexWorker a = worker(proxy.url(), 20, LONG); IndexWorker b = worker(proxy.url(), 20, LONG)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<IndexWorker.Counts>> runs = new ArrayList<>();
      for (IndexWorker w : List.of(a, b)) {
        runs.add(pool.submit(() -> {
          start.await();
          return drain(w);
        }));
      }
      start.countDown();
      IndexWorker.Counts ca = runs.get(0).get();
      IndexWorker.Counts cb = runs.get(1).get();
      pool.shutdown();
      assertEquals(200, ca.indexed() + cb.indexed());
      assertTrue(ca.indexed() > 0 && cb.indexed() > 0, "both workers got work: " + ca + ", " + cb);
      Map<Long, Integer> sent = proxy.sent();
      assertEquals(stored.keySet(), sent.keySet());
      assertEquals(List.of(1), sent.values().stream().distinct().toList(), "sent more than once: " + sent);
    }
    assertEquals(stored, indexed());
  }

  /** Runs {@code worker} on a thread of its own until {@code stop}; returns when it is waiting for work. */
  private static Future<IndexWorker.Counts> running(IndexWorker worker, AtomicBoolean stop) throws Exception {
    Future<IndexWorker.Counts> run = Executors.newSingleThreadExecutor().submit(() -> worker.run(stop::get));
    Thread.sleep(1_000); // its first claims found nothing: it waits
    return run;
  }

  /**
   * Stores article 1 (on connections opened before) and returns the seconds from its put until the index holds
   * it, asked every 20 ms; infinity after {@code limit}.
   */
  private double secondsToSearchable(Duration limit) throws Exception {
    try (OpenSearchIndex index = index(OS.url()); PostgresArticleStore store = PostgresArticleStore.on(PG.connections(cluster))) {
      long t0 = System.nanoTime();
      long id = store.put("cronaca.example/1", analysis(1, "Il ponte sull'Adige riapre.")).id();
      while (System.nanoTime() - t0 < limit.toNanos()) {
        if (index.versions(id, id).containsKey(id)) {
          return (System.nanoTime() - t0) / 1e9;
        }
        Thread.sleep(20);
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  @Test
  void aNotificationWakesAWaitingWorkerAtOnce() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    try (IndexWorker worker = worker(OS.url(), 10, Duration.ofMinutes(5))) { // the poll: too late to matter
      Future<IndexWorker.Counts> run = running(worker, stop);
      double seconds = secondsToSearchable(Duration.ofSeconds(20));
      stop.set(true);
      run.get();
      System.out.printf("index outbox: stored to searchable in %.3f s (woken by NOTIFY)%n", seconds);
      // about a second on a loaded machine; the bound only tells a notification (the poll is 5 minutes) from none
      assertTrue(seconds < 5, "indexed after " + seconds + " s");
    }
  }

  @Test
  void withoutNotificationsThePollFindsTheArticle() throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = c.createStatement()) {
      st.execute("DROP TRIGGER articles_index_outbox ON articles"); // every notification missed
    }
    AtomicBoolean stop = new AtomicBoolean();
    try (IndexWorker worker = worker(OS.url(), 10, Duration.ofSeconds(2))) {
      Future<IndexWorker.Counts> run = running(worker, stop);
      double seconds = secondsToSearchable(Duration.ofSeconds(20));
      stop.set(true);
      assertEquals(new IndexWorker.Counts(1, 0, 1), run.get());
      System.out.printf("index outbox: stored to searchable in %.3f s (by the 2 s poll)%n", seconds);
      assertTrue(seconds < 4, "indexed after " + seconds + " s");
    }
  }

  @Test
  void anArticleOpenSearchRefusesIsAFailureAndTheOthersAreIndexed() throws Exception {
    put(cluster, 1);
    String byline = "Redazione ".repeat(4_000); // 40,000 bytes: more than a keyword term may hold
    Article article = new Article("cronaca.example/2", "https://cronaca.example/2", "Il ponte", null, List.of(byline),
        "La Cronaca", null, List.of(), null, null, null, "it",
        List.of(new Block(Block.Type.PARAGRAPH, "Il sindaco ha visitato il cantiere del ponte.")), null, List.of());
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      store.put("cronaca.example/2", new Analysis(article, "it", null, List.of(), List.of(), List.of(), List.of(),
          List.of()));
      store.put("cronaca.example/3", analysis(3, "Il traffico torna sul lungadige."));
    }
    try (IndexWorker worker = worker(OS.url(), 10, LONG)) {
      assertEquals(new IndexWorker.Counts(2, 1, 1), drain(worker)); // and the refused one is not claimed again
    }
    assertEquals(Map.of(1L, 1, 3L, 1), indexed());
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      List<ArticleFailure> failures = store.failures();
      assertEquals(1, failures.size(), failures.toString());
      assertEquals(2, failures.get(0).article());
      assertEquals(ArticleFailure.Stage.INDEX, failures.get(0).stage());
      assertEquals(List.of(2L), store.unindexed(0, 10).stream().map(a -> a.id()).toList());
    }
  }

  /** Starts {@code lente ARGS} in a child JVM, its standard output and error in {@code log}. */
  static Process lente(Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.lente.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static int unindexed(ClusterFile cluster) {
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      return store.unindexed(0, 1_000).size();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anIndexWorkerKilledMidStreamLosesNothing() throws Exception {
    Map<Long, Integer> stored = put(cluster, 120);
    OS.deleteIndices(OpenSearchIndex.ALIAS); // lente worker index writes under the alias lente
    try (BulkCounter proxy = new BulkCounter(OS.url(), 300)) {
      Path file = java.nio.file.Files.writeString(dir.resolve("cluster.properties"), "postgres.url="
          + cluster.postgresUrl() + "\npostgres.user=" + PostgresServer.USER + "\nopensearch.url=" + proxy.url() + "\n");
      String[] args = {"worker", "index", "--cluster", file.toString(), "--batch", "10", "--poll", "60"};
      Process first = lente(dir.resolve("first.log"), args);
      Process second = null;
      try {
        assertTrue(within(LONG, () -> unindexed(cluster) <= 80 || !first.isAlive()),
            java.nio.file.Files.readString(dir.resolve("first.log")));
        first.destroyForcibly(); // kill -9, mid-stream
        first.waitFor();
        int left = unindexed(cluster);
        assertTrue(left > 0, "the first worker finished before it was killed");
        second = lente(dir.resolve("second.log"), args);
        assertTrue(within(LONG, () -> unindexed(cluster) == 0), java.nio.file.Files.readString(dir.resolve("second.log")));
        second.destroy(); // SIGTERM: stops after the batch at hand
        assertTrue(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        String log = java.nio.file.Files.readString(dir.resolve("second.log"));
        assertEquals(143, second.exitValue(), log);
        assertTrue(log.contains("index worker stopped: indexed " + left + ","), log);
        Map<Long, Integer> sent = proxy.sent();
        long again = sent.values().stream().filter(n -> n > 1).count();
        System.out.printf("index outbox: 120 articles, a worker killed with %d left: %d sent twice%n", left, again);
        assertEquals(stored.keySet(), sent.keySet());
        assertTrue(again <= 10, "more than the killed worker's batch sent again: " + sent);
      } finally {
        first.destroyForcibly();
        if (second != null) {
          second.destroyForcibly();
        }
      }
    }
    try (OpenSearchIndex index = OpenSearchIndex.open(OS.url(), OpenSearchIndex.ALIAS, LuceneIndex.SEARCH_BUDGET)) {
      assertEquals(stored, index.versions());
    }
  }

  /** Whether {@code condition} holds within {@code limit}, asked every 100 ms. */
  static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }
}
