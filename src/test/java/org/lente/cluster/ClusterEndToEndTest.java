package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.lente.ingest.Page;
import org.lente.index.SearchIndex;
import org.lente.index.OpenSearchIndex;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;
import org.lente.store.PostgresArticleStore;
import org.lente.store.StoredArticle;
import org.lente.story.Lineage;
import org.lente.story.PostgresStoryStore;
import org.lente.story.Stories;

/**
 * The cluster end to end (issue 16), with real PostgreSQL, Kafka and OpenSearch and the workers as child JVMs
 * ({@code lente worker analyse|write}): the same real news articles (Italian texts of {@code
 * ../shared/data/corpus/cl-tls-it}, the first {@code -Dlente.e2e.articles} (400) by path; skipped when the data is
 * absent) are put on {@value KafkaTopics#PAGES} and go through 1, then (a fresh database, new offsets) 3 analysis
 * workers to {@value KafkaTopics#ANALYSED} and the knowledge writer. Mid-stream an analysis worker is killed (kill
 * -9; restarted when it was the only one), and so is the writer, while it works through a backlog; a standby writer
 * takes over. Then: every article key is stored once, in its first version, with as many mentions and quotes as its
 * analysed record holds; and the PostgreSQL content equals that of a single process fed the same records in the
 * writer's order (partition 0's offsets), table by table, ids as the natural keys of their rows ({@link
 * ContentDump}).
 */
class ClusterEndToEndTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();
  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  private static final Path CORPUS = Path.of(System.getProperty("lente.data", "../shared/data"), "corpus", "cl-tls-it");
  private static final int ARTICLES = Integer.getInteger("lente.e2e.articles", 40);
  private static final Duration LONG = Duration.ofMinutes(20);
  /**
   * The writers' lease, which the standby waits out after the kill. A cold writer's first batches under CI load took
   * over 10 s, and a standby beside it then took over a writer still warming up (which the fence then stopped), so
   * the standby starts only once the first writer applied a batch; the lease stays above those 10 s.
   */
  private static final Duration LEASE = Duration.ofSeconds(15);
  /** How often {@link #await} asks its condition. */
  private static final Duration POLL = Duration.ofMillis(200);
  private static final TopicPartition ANALYSED = new TopicPartition(KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION);

  private static Map<String, String> pages; // URL → FetchedPage JSON, in path order
  private static String absent; // why the shared data cannot feed the runs, or null

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir; // a failure keeps the workers' logs
  private WorkerProcesses workers; // those of the run at hand, killed when it ends
  private long started; // System.nanoTime() when the run started

  @BeforeAll
  static void pages() throws IOException {
    // each test skips with the reason (corpus): an assumption here skipped the class as no test at all in surefire's
    // report, with no reason
    if (!Files.isDirectory(CORPUS)) {
      absent = "the shared data is absent (" + CORPUS.toAbsolutePath()
          + "): the cluster end-to-end test needs its Italian news texts";
      return;
    }
    List<Path> texts;
    try (Stream<Path> all = Files.walk(CORPUS)) {
      texts = all.filter(p -> p.toString().endsWith(".txt") && !CORPUS.relativize(p).startsWith("reference"))
          .sorted().limit(ARTICLES).toList();
    }
    if (texts.size() != ARTICLES) {
      absent = "the shared data holds " + texts.size() + " texts in " + CORPUS + ", not " + ARTICLES;
      return;
    }
    pages = new LinkedHashMap<>();
    for (Path text : texts) {
      String url = "https://cl-tls-it.example/" + CORPUS.relativize(text).toString().replace('\\', '/');
      Page page = new Page(url, Files.readAllBytes(text), "text/plain; charset=utf-8", url, List.of());
      pages.put(url, KafkaMessages.write(new KafkaMessages.FetchedPage(page, "e2e")));
    }
  }

  @BeforeEach
  void corpus() {
    Assumptions.assumeTrue(absent == null, absent);
  }

  @Test
  void oneAnalysisWorkerKilledAndRestartedAndTheWriterKilled() throws Exception {
    runAndCompare(1);
  }

  @Test
  void threeAnalysisWorkersOneKilledAndTheWriterKilled() throws Exception {
    runAndCompare(3);
  }

  private void runAndCompare(int analysers) throws Exception {
    try (var admin = KAFKA.admin()) {
      KafkaTopics.ensure(admin, 6);
    }
    try (WorkerProcesses running = new WorkerProcesses(dir);
        Analysed analysed = new Analysed(KAFKA.ends(KafkaTopics.ANALYSED).get(ANALYSED))) {
      workers = running;
      runAndCompare(analysers, analysed);
    }
  }

  /** Runs the cluster from where {@code analysed} starts, then compares. */
  private void runAndCompare(int analysers, Analysed analysed) throws Exception {
    long t0 = System.nanoTime();
    started = t0;
    String url = PG.newMigratedDatabase();
    Path file = Files.writeString(dir.resolve("cluster.properties"), "postgres.url=" + url + "\npostgres.user="
        + PostgresServer.USER + "\nopensearch.url=" + OS.url() + "\nkafka.bootstrap=" + KAFKA.bootstrap() + "\n",
        StandardCharsets.UTF_8);
    OS.deleteIndices(OpenSearchIndex.ALIAS); // the writers' index, shared by the runs
    // fresh offsets: the database starts where lente.analysed ends, the analysis group where lente.pages does
    long start = analysed.start;
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null)) {
      AppliedOffsets.record(c, KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION, start);
    }
    String group = "e2e-analyse-" + System.nanoTime();
    KAFKA.startAtEnd(group, KafkaTopics.PAGES);
    // the first half now, the rest once the standby stands by: the writer's kill then falls within the stream
    Map<String, String> firstHalf = new LinkedHashMap<>();
    Map<String, String> rest = new LinkedHashMap<>();
    pages.forEach((key, page) -> (firstHalf.size() < ARTICLES / 2 ? firstHalf : rest).put(key, page));
    KAFKA.send(KafkaTopics.PAGES, firstHalf);

    String[] analyse = {"analyse", "--cluster", file.toString(), "--group", group};
    // small batches, so that the kill falls within the stream; the lease is what the standby waits out after the
    // kill (LEASE)
    String[] write = {"write", "--cluster", file.toString(), "--lease", Long.toString(LEASE.toSeconds()), "--batch",
        "4"};
    // the writer works while the articles arrive; the analysis workers load their models meanwhile
    Process writer = workers.start(write);
    List<Process> analysing = new ArrayList<>();
    for (int i = 0; i < analysers; i++) {
      analysing.add(workers.start(analyse));
    }
    await("the first writer holding the lease", () -> running(writer) && workers.log(writer).contains(
        "holds the lease (epoch"));
    // a standby waits beside it before it is killed, started once the writer is past its cold first batch
    await("the first writer's first batch applied", () -> running(writer) && applied(url) > start);
    Process standby = workers.start(write);
    await("a quarter of the articles analysed", () -> analysed.records().size() >= ARTICLES / 4);
    Process killed = analysing.remove(0);
    killed.destroyForcibly(); // kill -9, mid-stream
    assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
    if (analysing.isEmpty()) {
      analysing.add(workers.start(analyse));
    }

    await("the second writer standing by", () -> running(standby) && workers.log(standby).contains("standby:"));
    KAFKA.send(KafkaTopics.PAGES, rest);
    await("a quarter of the articles written", () -> applied(url) >= start + ARTICLES / 4);
    assertTrue(writer.isAlive() && !workers.log(standby).contains("holds the lease (epoch"),
        "the first writer is not the one writing when it is to be killed\n" + workers.logs());
    writer.destroyForcibly(); // kill -9, mid-stream
    assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
    long killedAt = applied(url);
    assertTrue(killedAt < start + ARTICLES, "the writer was killed after the last article (offset " + killedAt
        + "), not mid-stream\n" + workers.logs());

    Set<String> keys = new TreeSet<>(pages.keySet());
    await("every article on " + KafkaTopics.ANALYSED, () -> analysed.hold(keys));
    for (Process p : analysing) {
      p.destroy(); // SIGTERM: commits what it finished
    }
    for (Process p : analysing) {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "an analysis worker did not stop on SIGTERM\n" + workers.logs());
    }
    long end = KAFKA.ends(KafkaTopics.ANALYSED).get(ANALYSED);
    await("the standby writer applying up to offset " + end, () -> applied(url) == end);
    standby.destroy(); // SIGTERM: commits the index, releases the lease
    assertTrue(standby.waitFor(60, TimeUnit.SECONDS), "the writer did not stop on SIGTERM\n" + workers.logs());
    assertTrue(workers.log(standby).contains("holds the lease (epoch"), "the standby never took over\n" + workers.logs());
    double clusterSeconds = (System.nanoTime() - t0) / 1e9;

    await("the records of " + KafkaTopics.ANALYSED + " read back", () -> analysed.records().size() >= end - start);
    List<ConsumerRecord<String, String>> records = analysed.records();
    assertEquals(end - start, records.size(), "the records of " + KafkaTopics.ANALYSED + " read back");
    Map<String, Analysis> stored = lastAnalysisByKey(records);
    assertEquals(keys, stored.keySet(), "the keys on " + KafkaTopics.ANALYSED);

    // nothing lost, nothing doubled: each text stored once (a text met again under another key is the store's
    // duplicate, as in embedded Lente), in its first version, with its mentions and quotes
    Set<String> texts = new TreeSet<>();
    for (ConsumerRecord<String, String> r : records) {
      texts.add(KafkaMessages.read(r.value(), KafkaMessages.AnalysedArticle.class).contentHash());
    }
    assertEquals(texts, new TreeSet<>(column(url, "SELECT content_hash FROM articles")), "the texts stored");
    assertEquals(List.of(Integer.toString(texts.size())), column(url, "SELECT count(*) FROM articles"),
        "articles stored");
    assertEquals(List.of("0"), column(url, "SELECT count(*) FROM articles WHERE version > 1"),
        "articles stored in a second version");
    Map<String, Integer> mentions = counts(url, "mentions");
    Map<String, Integer> quotes = counts(url, "quotes");
    assertEquals(expected(stored, "mentions", mentions.keySet()), mentions, "mentions per article");
    assertEquals(expected(stored, "quotes", quotes.keySet()), quotes, "quotes per article");
    // PostgreSQL checks no reference among the knowledge tables (V16_1): none names a row that is not there
    assertEquals(Map.of(), EmbeddedReferences.of(Files.createTempDirectory(dir, "embedded")).orphans(url),
        "rows referring to none, by the references the embedded schema declares");

    // the same content as one process fed the records in the writer's order
    long t1 = System.nanoTime();
    String single = PG.newMigratedDatabase();
    int skipped = feed(new ClusterFile(dir.resolve("single.properties"), single, PostgresServer.USER, null),
        records);
    double singleSeconds = (System.nanoTime() - t1) / 1e9;
    Map<String, List<String>> a = ContentDump.dump(url, PostgresServer.USER);
    Map<String, List<String>> b = ContentDump.dump(single, PostgresServer.USER);
    System.out.printf("cluster e2e: %d articles, %d analysis workers (one killed), writer killed at offset %d of "
        + "%d..%d: %d records on %s (%d duplicates), %d unreadable; cluster %.1f s, single process %.1f s; %d rows "
        + "in %d tables compared%n", ARTICLES, analysers, killedAt, start, end, records.size(), KafkaTopics.ANALYSED,
        records.size() - ARTICLES, skipped, clusterSeconds, singleSeconds,
        a.values().stream().mapToInt(List::size).sum(), a.size());
    Path rows = dir.resolve("differences-" + analysers + ".txt");
    Map<String, String> differences = differences(a, b, rows);
    Map<String, String> byIds = differences(ContentDump.dumpWithIds(url, PostgresServer.USER),
        ContentDump.dumpWithIds(single, PostgresServer.USER), dir.resolve("differences-by-id-" + analysers + ".txt"));
    System.out.printf("cluster e2e: %d of %d tables differ from the single process (%s); with ids compared as "
        + "stored, %d would (%s)%n", differences.size(), a.size(), String.join(", ", differences.keySet()),
        byIds.size(), String.join(", ", byIds.keySet()));
    assertEquals(Map.of(), differences, "the cluster's PostgreSQL content against a single process fed the "
        + "writer's order (the rows that differ are in " + rows + ", the workers' logs in " + dir + ")");
  }

  /** The records of lente.analysed from an offset on, read as they come. Not thread-safe. */
  private static final class Analysed implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    final long start;

    Analysed(long start) {
      this.start = start;
      consumer = KAFKA.consumer(Map.of(ANALYSED, start));
    }

    /** The records read so far, after reading what has come. */
    List<ConsumerRecord<String, String>> records() {
      for (ConsumerRecords<String, String> got = consumer.poll(Duration.ofMillis(200)); !got.isEmpty();
          got = consumer.poll(Duration.ofMillis(200))) {
        got.forEach(records::add);
      }
      return records;
    }

    /** Whether the records read hold every key of {@code keys}. */
    boolean hold(Set<String> keys) {
      Set<String> missing = new HashSet<>(keys);
      records().forEach(r -> missing.remove(r.key()));
      return missing.isEmpty();
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  /** The offset the writers stored: the next record of lente.analysed to apply. */
  private static long applied(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null)) {
      return AppliedOffsets.read(c, KafkaTopics.ANALYSED).getOrDefault(KnowledgeWriter.PARTITION, 0L);
    }
  }

  /**
   * True while {@code p} runs; fails with the workers' logs once it ended, as a condition on its log would then never
   * hold (seen: a standby writer that could not reach the broker under a load of 126 exited, and the wait for it
   * would have run its 20 minutes).
   */
  private boolean running(Process p) throws IOException {
    if (!p.isAlive()) {
      throw new AssertionError("worker process " + p.pid() + " ended (exit " + p.exitValue() + ")\n" + workers.logs());
    }
    return true;
  }

  /** A condition polled while processes work; may throw. */
  private interface Condition {
    boolean holds() throws Exception;
  }

  /**
   * Waits (polling every {@link #POLL}) until {@code condition} holds, then prints the time since the run started;
   * fails with the workers' logs after 20 minutes.
   */
  private void await(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + LONG.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached in " + LONG + ": " + what + "\n" + workers.logs());
      }
      Thread.sleep(POLL.toMillis());
    }
    System.out.printf("cluster e2e: %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
  }

  /** The analysis of each key's last record (in offset order): what the writer keeps of it. */
  private static Map<String, Analysis> lastAnalysisByKey(List<ConsumerRecord<String, String>> records)
      throws IOException {
    Map<String, Analysis> last = new TreeMap<>();
    for (ConsumerRecord<String, String> r : records) {
      KafkaMessages.AnalysedArticle a = KafkaMessages.read(r.value(), KafkaMessages.AnalysedArticle.class);
      last.put(a.key(), a.read());
    }
    return last;
  }

  /** What the analysed records of {@code keys} hold of {@code table} ("mentions": their entities, "quotes"). */
  private static Map<String, Integer> expected(Map<String, Analysis> byKey, String table, Set<String> keys) {
    Map<String, Integer> n = new TreeMap<>();
    for (String key : keys) {
      Analysis a = byKey.get(key);
      n.put(key, a == null ? -1 : table.equals("mentions") ? a.entities().size() : a.quotes().size());
    }
    return n;
  }

  /** The rows of {@code table} per article key, articles without any included. */
  private static Map<String, Integer> counts(String url, String table) throws SQLException {
    Map<String, Integer> n = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT a.key, count(t.article_id) FROM articles a LEFT JOIN " + table
            + " t ON t.article_id = a.id GROUP BY a.key")) {
      while (rs.next()) {
        n.put(rs.getString(1), rs.getInt(2));
      }
    }
    return n;
  }

  private static List<String> column(String url, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /**
   * Feeds {@code records} in their order to a knowledge base over {@code cluster}'s PostgreSQL stores in this
   * process, as the writer builds it (leaving the index to index workers, so that articles stay unindexed on both
   * sides); returns how many records were unreadable and passed over, as the writer passes them.
   */
  private int feed(ClusterFile cluster, List<ConsumerRecord<String, String>> records) throws IOException {
    int unreadable = 0;
    PostgresArticleStore store = PostgresArticleStore.on(PG.connections(cluster));
    Lineage lineage = new Lineage(PostgresStoryStore.on(PG.connections(cluster)), id -> store.get(id).map(StoredArticle::analysis),
        Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD);
    try (KnowledgeBase kb = new KnowledgeBase(store, SearchIndex.writtenElsewhere("lente worker index"), null,
        lineage)) {
      for (ConsumerRecord<String, String> r : records) {
        KafkaMessages.AnalysedArticle a;
        Analysis analysis;
        try {
          a = KafkaMessages.read(r.value(), KafkaMessages.AnalysedArticle.class);
          analysis = a.read();
        } catch (IOException e) {
          unreadable++;
          continue;
        }
        kb.add(a.key(), analysis);
      }
    }
    return unreadable;
  }

  /**
   * The tables whose rows differ between dumps {@code a} (the cluster) and {@code b} (the single process), each with
   * its row counts and the first rows found in one dump only (cut to 300 characters); every such row is written to
   * {@code file}, table by table.
   */
  static Map<String, String> differences(Map<String, List<String>> a, Map<String, List<String>> b, Path file)
      throws IOException {
    Map<String, String> differ = new TreeMap<>();
    StringBuilder all = new StringBuilder();
    Set<String> tables = new TreeSet<>(a.keySet());
    tables.addAll(b.keySet());
    for (String table : tables) {
      List<String> ra = a.getOrDefault(table, List.of());
      List<String> rb = b.getOrDefault(table, List.of());
      if (!ra.equals(rb)) {
        List<String> onlyA = onlyIn(ra, rb);
        List<String> onlyB = onlyIn(rb, ra);
        differ.put(table, "cluster " + ra.size() + " rows, single process " + rb.size() + "; only in the cluster: "
            + cut(onlyA, onlyB) + "; only in the single process: " + cut(onlyB, onlyA));
        all.append("== ").append(table).append(": only in the cluster\n");
        onlyA.forEach(r -> all.append(r).append('\n'));
        all.append("== ").append(table).append(": only in the single process\n");
        onlyB.forEach(r -> all.append(r).append('\n'));
      }
    }
    Files.writeString(file, all, StandardCharsets.UTF_8);
    return differ;
  }

  /** The rows of {@code a} not in {@code b} (as many times), in {@code a}'s order. */
  private static List<String> onlyIn(List<String> a, List<String> b) {
    Map<String, Integer> inB = new java.util.HashMap<>();
    b.forEach(r -> inB.merge(r, 1, Integer::sum));
    List<String> rest = new ArrayList<>();
    for (String r : a) {
      if (inB.merge(r, -1, Integer::sum) < 0) {
        rest.add(r);
      }
    }
    return rest;
  }

  /**
   * The first three rows of {@code rows}, each cut to 300 characters around where it first differs from the row of
   * {@code others} at the same place.
   */
  private static List<String> cut(List<String> rows, List<String> others) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.size() && out.size() < 3; i++) {
      String r = rows.get(i);
      String other = i < others.size() ? others.get(i) : "";
      int at = 0;
      while (at < r.length() && at < other.length() && r.charAt(at) == other.charAt(at)) {
        at++;
      }
      int from = Math.max(0, at - 150);
      out.add((from > 0 ? "…" : "") + r.substring(from, Math.min(r.length(), from + 300))
          + (from + 300 < r.length() ? "…" : ""));
    }
    return out;
  }
}
