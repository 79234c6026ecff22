package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.PostgresConnections;
import org.lente.index.LuceneIndex;
import org.lente.index.OpenSearchIndex;
import org.lente.index.SearchIndex;
import org.lente.nlp.Analysis;
import org.lente.store.PostgresArticleStore;
import org.lente.store.PostgresSources;
import org.lente.story.Texts;

/** The knowledge writer on real PostgreSQL, Kafka and OpenSearch servers. */
class KnowledgeWriterTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();
  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  private static final Duration LONG = Duration.ofMinutes(5);

  @TempDir Path dir;
  private ClusterFile cluster;
  private String alias;

  @BeforeAll
  static void topics() throws Exception {
    KAFKA.ensureTopics(1);
  }

  /**
   * A new database whose stored offset is the topic's end, as if every record before had been applied: the topic
   * is shared by the tests of this run, the database is each test's own.
   */
  @BeforeEach
  void cluster() throws Exception {
    String url = PG.newMigratedDatabase();
    cluster = new ClusterFile(dir.resolve("cluster.properties"), url, PostgresServer.USER, null, OS.url(),
        KAFKA.bootstrap());
    KAFKA.appliedToEnd(url);
    alias = OS.newIndexName();
  }

  private static long end() throws Exception {
    return KAFKA.ends(KafkaTopics.ANALYSED).get(new TopicPartition(KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION));
  }

  private static Analysis analysis(int n, String body) {
    return Texts.analysis("cronaca.example/" + n, "La Cronaca", "it", "2026-11-0" + n + "T08:00:00Z",
        "Il ponte di Verona " + n, body);
  }

  private static void send(String key, Analysis analysis) throws Exception {
    KAFKA.send(KafkaTopics.ANALYSED, key, KafkaMessages.write(KafkaMessages.AnalysedArticle.of(key, analysis, null)));
  }

  private static Analysis analysis(int n, String title, String body) {
    return Texts.analysis("cronaca.example/" + n, "La Cronaca", "it", "2026-11-0" + n + "T08:00:00Z", title, body,
        "Verona=Verona/LOC");
  }

  private KnowledgeWriter open(String holder, Duration ttl) throws Exception {
    return open(holder, ttl, () -> false, line -> { }).orElseThrow();
  }

  private java.util.Optional<KnowledgeWriter> open(String holder, Duration ttl, BooleanSupplier stop,
      java.util.function.Consumer<String> log) throws Exception {
    SearchIndex index = OpenSearchIndex.open(OS.url(), alias, LuceneIndex.SEARCH_BUDGET);
    return KnowledgeWriter.open(cluster, index, holder, ttl, stop, log);
  }

  /** A log the writer's thread and the test's share. */
  private static final class Log implements java.util.function.Consumer<String> {
    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(String line) {
      lines.add(line);
    }

    long count(String part) {
      synchronized (lines) {
        return lines.stream().filter(l -> l.contains(part)).count();
      }
    }

    @Override
    public String toString() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }
  }

  /**
   * Waits (a minute at most) for a session of the test's database other than the caller's that matches {@code where}
   * (a condition on {@code pg_stat_activity}); returns its pid.
   */
  private long session(String where) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String name = cluster.postgresUrl().substring(cluster.postgresUrl().lastIndexOf('/') + 1);
    while (System.nanoTime() < deadline) {
      List<String> pids = rows("SELECT pid FROM pg_stat_activity WHERE datname = '" + name + "' AND pid <> "
          + "pg_backend_pid() AND " + where);
      if (!pids.isEmpty()) {
        return Long.parseLong(pids.get(0));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no session where " + where + " in a minute");
  }

  /** Runs {@code writer} until it has applied up to {@code until}, or a minute passed. */
  private static KnowledgeWriter.Counts runTo(KnowledgeWriter writer, long until) throws Exception {
    return runTo(writer, KnowledgeWriter.DEFAULT_BATCH, until);
  }

  /** Runs {@code writer} with {@code batch} records per transaction until it has applied up to {@code until}. */
  private static KnowledgeWriter.Counts runTo(KnowledgeWriter writer, int batch, long until) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    BooleanSupplier done = () -> writer.next() >= until || System.nanoTime() > deadline;
    KnowledgeWriter.Counts counts = writer.run(batch, done);
    assertEquals(until, writer.next(), "the writer did not reach the topic's end in a minute");
    return counts;
  }

  private Map<Long, Integer> versions() throws Exception {
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      return store.versions();
    }
  }

  /** The rows {@code sql} selects, read past the writer: each its columns joined by "|". */
  private List<String> rows(String sql) throws Exception {
    return PostgresServer.rows(cluster.postgresUrl(), sql);
  }

  private void execute(String sql) throws Exception {
    PostgresServer.execute(cluster.postgresUrl(), sql);
  }

  private long storedOffset() throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      return AppliedOffsets.read(c, KafkaTopics.ANALYSED).get(KnowledgeWriter.PARTITION);
    }
  }

  @Test
  void recordsTheTopicRemovedBeforeTheyWereAppliedAreNamedAndTheRestApplied() throws Exception {
    long start = sendThree();
    removeBefore(start + 2);
    Log log = new Log();
    try (KnowledgeWriter writer = open("a", LONG, () -> false, log).orElseThrow()) {
      assertEquals(start + 2, writer.next(), log.toString());
      runTo(writer, start + 3);
    }
    assertOnlyTheThirdApplied(start, log);
  }

  @Test
  void recordsTheTopicRemovesWhileTheWriterWaitsAreNamedAndTheRestApplied() throws Exception {
    long start = sendThree();
    Log log = new Log();
    try (KnowledgeWriter writer = open("a", LONG, () -> false, log).orElseThrow()) {
      assertEquals(start, writer.next(), log.toString());
      removeBefore(start + 2); // its position is gone before its first poll: the poll fails, a new consumer comes
      runTo(writer, start + 3);
    }
    assertEquals(1, log.count("a new Kafka consumer made"), log.toString());
    assertOnlyTheThirdApplied(start, log);
  }

  /** Sends three articles to lente.analysed; returns the offset of the first. */
  private static long sendThree() throws Exception {
    long start = end();
    send("verona-1", analysis(1, "Il ponte sull'Adige è stato chiuso per lavori di manutenzione."));
    send("verona-2", analysis(2, "Il traffico è stato deviato sul lungadige per tutta la settimana."));
    send("verona-3", analysis(3, "Il ponte sull'Adige riaprirà lunedì, dopo i lavori di manutenzione."));
    return start;
  }

  /** Removes lente.analysed's records before {@code offset}, as its retention does with records past its limit. */
  private static void removeBefore(long offset) throws Exception {
    TopicPartition analysed = new TopicPartition(KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION);
    try (Admin admin = KAFKA.admin()) {
      admin.deleteRecords(Map.of(analysed, RecordsToDelete.beforeOffset(offset))).all().get(30, TimeUnit.SECONDS);
    }
  }

  private void assertOnlyTheThirdApplied(long start, Log log) throws Exception {
    assertEquals(1, log.count("records at offsets " + start + " to " + (start + 1) + " of " + KafkaTopics.ANALYSED
        + "-" + KnowledgeWriter.PARTITION + " were removed by the topic's retention"), log.toString());
    assertEquals(List.of("verona-3"), rows("SELECT key FROM articles"));
    assertEquals(start + 3, storedOffset());
  }

  @Test
  void aRestartedWriterAppliesNothingTwice() throws Exception {
    long start = end();
    send("verona-1", analysis(1, "Il ponte sull'Adige è stato chiuso per lavori di manutenzione."));
    send("verona-2", analysis(2, "Il traffico è stato deviato sul lungadige per tutta la settimana."));
    send("verona-1", analysis(1, "Il ponte sull'Adige riaprirà lunedì, dopo i lavori di manutenzione."));
    try (KnowledgeWriter writer = open("a", LONG)) {
      assertEquals(start, writer.next());
      assertEquals(new KnowledgeWriter.Counts(3, 0, 0), runTo(writer, start + 3));
    }
    Map<Long, Integer> before = versions();
    assertEquals(Map.of(1L, 2, 2L, 1), before); // verona-1 in its second version
    assertEquals(start + 3, storedOffset());

    try (KnowledgeWriter again = open("a", LONG)) { // a restart: the first version must not come back as a third
      assertEquals(start + 3, again.next());
      send("verona-2", analysis(2, "Il traffico è stato deviato sul lungadige per tutta la settimana."));
      assertEquals(new KnowledgeWriter.Counts(1, 0, 0), runTo(again, start + 4)); // a resent duplicate
    }
    assertEquals(before, versions());
    assertEquals(start + 4, storedOffset()); // the duplicate's offset stored with it
  }

  @Test
  void anArticleOfAPolledSourceCountsForItOnceAsEmbeddedPollingCountsIt() throws Exception {
    long start = end();
    org.lente.ingest.source.Source feed;
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresSources sources = PostgresSources.on(pg)) {
      feed = sources.add(org.lente.ingest.source.Source.Kind.FEED, "https://cronaca.example/feed.xml", null,
          Duration.ofMinutes(15), java.time.Instant.now());
    }
    String url = "https://cronaca.example/7";
    String polled = KafkaMessages.write(KafkaMessages.AnalysedArticle.of("ponte-7", analysis(7,
        "Il ponte sull'Adige apre una corsia in più da domani."), PollWorker.origin(feed, url)));
    KAFKA.send(KafkaTopics.ANALYSED, "ponte-7", polled);
    KAFKA.send(KafkaTopics.ANALYSED, "ponte-7", polled); // handed on again by a poll worker that died: a duplicate
    send("ponte-8", analysis(8, "La corsia in più resterà aperta fino a marzo.")); // a submission's: no source
    try (KnowledgeWriter writer = open("a", LONG)) {
      runTo(writer, start + 3);
    }
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresSources sources = PostgresSources.on(pg)) {
      assertEquals(1, sources.get(feed.id()).orElseThrow().state().articlesAdded());
      assertEquals(java.util.Set.of(url), sources.handled(feed.id(), List.of(url)));
    }
  }

  @Test
  void aStaleWriterCannotCommit() throws Exception {
    long start = end();
    KnowledgeWriter stale = open("stale", Duration.ofMillis(600));
    try (stale) {
      try (KnowledgeWriter fresh = open("fresh", LONG)) { // a standby: waits for the stale lease to expire
        send("verona-3", analysis(3, "Il sindaco ha presentato il nuovo piano per il ponte."));
        send("verona-5", analysis(5, "Il consiglio comunale discuterà il piano giovedì."));
        send("verona-6", analysis(6, "I commercianti del centro chiedono tempi certi."));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        assertThrows(WriterLease.LostException.class, () -> stale.run(3, () -> System.nanoTime() > deadline));
        assertEquals(Map.of(), versions());
        assertEquals(start, storedOffset());

        assertEquals(new KnowledgeWriter.Counts(3, 0, 0), runTo(fresh, 3, start + 3));
      }
    }
    assertEquals(3, versions().size());
    assertEquals(start + 3, storedOffset());
  }

  /** The knowledge writer's lease row's expiry, read past the writer. */
  private java.time.OffsetDateTime leaseExpiry() throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        java.sql.PreparedStatement ps = c.prepareStatement("SELECT expires_at FROM writer_lease WHERE name = ?")) {
      ps.setString(1, KnowledgeWriter.LEASE);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no lease row");
        return rs.getObject(1, java.time.OffsetDateTime.class);
      }
    }
  }

  @Test
  void aWriterOpeningForLongerThanItsLeaseKeepsItAndThenApplies() throws Exception {
    long start = end();
    Duration ttl = Duration.ofSeconds(6); // renewed every 2 s: a renewal late by up to 4 s still keeps it
    var held = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    SearchIndex index = OpenSearchIndex.open(OS.url(), alias, LuceneIndex.SEARCH_BUDGET);
    var opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return KnowledgeWriter.open(cluster, index, "slow", ttl, () -> false, line -> { }, () -> {
          held.countDown();
          try {
            release.await(); // as a resolver's read that outlasts the lease
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    try {
      assertTrue(held.await(1, java.util.concurrent.TimeUnit.MINUTES), "the writer did not take its lease");
      java.time.OffsetDateTime first = leaseExpiry();
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!rows("SELECT clock_timestamp() > '" + first + "'::timestamptz").equals(List.of("t"))) {
        assertTrue(System.nanoTime() < deadline, "the database's clock did not pass " + first);
        Thread.sleep(100); // until the lease as first taken has run out: the opening outlasted a whole term
      }
      assertTrue(leaseExpiry().isAfter(first), "the lease was not renewed while the writer opened");
      try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
        assertEquals(java.util.Optional.empty(), WriterLease.acquire(c, KnowledgeWriter.LEASE, "standby", ttl),
            "a standby took the lease of a writer still opening");
      }
    } finally {
      release.countDown();
    }
    try (KnowledgeWriter writer = opening.get(1, java.util.concurrent.TimeUnit.MINUTES).orElseThrow()) {
      send("verona-9", analysis(9, "Il ponte riaprirà dopo la verifica dei collaudatori."));
      assertEquals(new KnowledgeWriter.Counts(1, 0, 0), runTo(writer, start + 1));
    }
    assertEquals(1, versions().size());
  }

  /** The threads of this JVM named as the writer names its reading thread, alive. */
  private static java.util.Set<Thread> readingThreads() {
    java.util.Set<Thread> out = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("knowledge writer: reading ahead") && t.isAlive()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The records are read on a thread of the writer's own, which ends when the writer is closed. */
  @Test
  void recordsAreReadAheadOnAThreadThatEndsWithTheWriter() throws Exception {
    long start = end();
    java.util.Set<Thread> before = readingThreads();
    send("verona-5", analysis(5, "Il ponte è stato riaperto al traffico."));
    send("verona-6", analysis(6, "I lavori sul lungadige sono finiti in anticipo."));
    java.util.Set<Thread> ours;
    try (KnowledgeWriter writer = open("a", LONG)) {
      assertEquals(new KnowledgeWriter.Counts(2, 0, 0), runTo(writer, start + 2));
      ours = readingThreads();
      ours.removeAll(before);
      assertEquals(1, ours.size(), "the writer's reading thread: " + ours);
    }
    for (Thread t : ours) {
      t.join(Duration.ofSeconds(10).toMillis());
      assertFalse(t.isAlive(), "the reading thread still runs after the writer closed");
    }
    assertEquals(2, versions().size());
  }

  @Test
  void anUnreadableRecordIsPassedOverWithItsOffset() throws Exception {
    long start = end();
    KAFKA.send(KafkaTopics.ANALYSED, "broken", "{\"key\": \"broken\"}");
    send("verona-4", analysis(4, "La giunta ha approvato il bilancio del ponte."));
    try (KnowledgeWriter writer = open("a", LONG)) {
      assertEquals(new KnowledgeWriter.Counts(1, 0, 1), runTo(writer, start + 2));
    }
    assertEquals(1, versions().size());
    assertEquals(start + 2, storedOffset());
  }

  @Test
  void aBatchsArticlesStoriesAndOffsetCommitInOneTransaction() throws Exception {
    long start = end();
    for (int n = 1; n <= 4; n++) {
      send("ponte-" + n, analysis(n, "Cantiere " + n, "Il cantiere numero " + n + " del ponte di Verona apre."));
    }
    try (KnowledgeWriter writer = open("a", LONG)) {
      assertEquals(new KnowledgeWriter.Counts(4, 0, 0), runTo(writer, 4, start + 4));
      // one transaction (xmin) wrote the articles, their stories and the offset (read before the index marks
      // of the writer's close update the articles)
      assertEquals(List.of("4|4|1"), rows("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM "
          + "story_articles), count(DISTINCT x) FROM (SELECT xmin::text AS x FROM articles UNION ALL SELECT "
          + "xmin::text FROM story_articles UNION ALL SELECT xmin::text FROM applied_offsets) t"));
    }
    assertEquals(start + 4, storedOffset());
  }

  @Test
  void aStoryWriteThatFailsRollsBackTheArticleAndItsOffset() throws Exception {
    long start = end();
    execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + "RAISE EXCEPTION 'the story store is full'; END $$");
    execute("CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON story_articles FOR EACH ROW EXECUTE FUNCTION refuse()");
    send("verona-7", analysis(7, "Il ponte riapre", "Il ponte di Verona riapre domani mattina."));
    try (KnowledgeWriter writer = open("a", LONG)) {
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      IOException e = assertThrows(IOException.class, () -> writer.run(1, () -> System.nanoTime() > deadline));
      // the story's failure is the one that stopped the writer (written at the batch's end: Lineage.holdWrites) or is
      // said with it
      assertTrue(says(e, "story store is full"), e.toString());
    }
    assertEquals(Map.of(), versions()); // the article did not outlive its story
    assertEquals(start, storedOffset());

    execute("DROP TRIGGER refuse ON story_articles");
    try (KnowledgeWriter again = open("a", LONG)) { // the restart reads the record again
      assertEquals(new KnowledgeWriter.Counts(1, 0, 0), runTo(again, 1, start + 1));
    }
    assertEquals(List.of("1|1"), rows("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM story_articles)"));
    assertNoRowReferringToNone();
  }

  /** Whether {@code e}, one of its causes or what they carry as suppressed has a message containing {@code text}. */
  private static boolean says(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)
          || java.util.Arrays.stream(t.getSuppressed()).anyMatch(x -> says(x, text))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aRecordThatFailsInsideABatchIsPassedOverAloneAndTheStateIsReadAgain() throws Exception {
    long start = end();
    send("ponte-1", analysis(1, "Cantiere aperto", "Il cantiere del ponte di Verona apre lunedì."));
    KAFKA.send(KafkaTopics.ANALYSED, "broken", "{\"key\": \"broken\"}"); // no analysed article
    send("ponte-2", analysis(2, "Titolo \u0000 rotto", "Un testo che PostgreSQL rifiuta per il suo titolo."));
    send("ponte-3", analysis(3, "Cantiere chiuso", "Il cantiere del ponte di Verona chiude venerdì."));
    try (KnowledgeWriter writer = open("a", LONG)) {
      assertEquals(new KnowledgeWriter.Counts(2, 0, 2), runTo(writer, 4, start + 4));
    }
    assertEquals(start + 4, storedOffset());
    assertEquals(List.of("ponte-1", "ponte-3"), rows("SELECT key FROM articles ORDER BY key"));
    // the stories name stored articles only: the writer's stories forgot the batch that rolled back
    assertEquals(List.of(), rows("SELECT s.id, a.value FROM stories s, json_array_elements_text(s.story::json "
        + "-> 'articles') a WHERE a.value::bigint NOT IN (SELECT id FROM articles)"));
    assertNoRowReferringToNone();
  }

  @Test
  void aWriterThatCannotReadItsMemoryAgainAfterARollbackStopsWithoutPassingTheRecordOver() throws Exception {
    long start = end();
    send("ponte-1", analysis(1, "Cantiere aperto", "Il cantiere del ponte di Verona apre lunedì."));
    send("ponte-2", analysis(2, "Titolo \u0000 rotto", "Un testo che PostgreSQL rifiuta per il suo titolo."));
    try (KnowledgeWriter writer = open("a", LONG)) {
      // stored after the writer read its names: a sighting of a type no resolver reads, so that the forgetting after
      // the rollback of ponte-2 (its title refused: the record's fault) fails
      execute("INSERT INTO resolver_names (name, entity) VALUES ('zz guasto', 'zz guasto')");
      execute("INSERT INTO resolver_sightings (name_id, written, type, language, seen) SELECT id, 'ZZ Guasto', "
          + "'NOT_A_TYPE', 'it', 1 FROM resolver_names WHERE name = 'zz guasto'");
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      IOException e = assertThrows(IOException.class, () -> writer.run(2, () -> System.nanoTime() > deadline));
      assertTrue(says(e, "NOT_A_TYPE"), e.toString());
    }
    assertTrue(storedOffset() < start + 2, "ponte-2 was passed over: " + storedOffset());
  }

  /**
   * No row of the test's database refers to a row that is not there, by each reference the embedded schema declares:
   * PostgreSQL does not check them among the knowledge tables (V16_1), the writer's forgetting after a rollback does.
   */
  private void assertNoRowReferringToNone() throws Exception {
    assertEquals(Map.of(), EmbeddedReferences.of(java.nio.file.Files.createTempDirectory(dir, "embedded"))
        .orphans(cluster.postgresUrl()), "rows referring to none");
  }

  @Test
  void aWriterWhoseSessionIsEndedMidBatchResumesAndStoresEachArticleOnce() throws Exception {
    long start = end();
    int articles = 30;
    execute("CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.1); "
        + "RETURN NEW; END $$"); // a batch of five takes half a second: a session ended meanwhile is mid-batch
    execute("CREATE TRIGGER slow BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION slow()");
    for (int n = 1; n <= articles; n++) {
      send("cantiere-" + n, Texts.analysis("cronaca.example/cantiere-" + n, "La Cronaca", "it", "2026-11-05T08:00:00Z",
          "Cantiere " + n, "Il cantiere numero " + n + " lungo l'Adige apre.", "Verona=Verona/LOC"));
    }
    Log log = new Log();
    try (KnowledgeWriter writer = open("a", LONG, () -> false, log).orElseThrow()) {
      var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return runTo(writer, 5, start + articles);
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      int ended = 3;
      for (int i = 1; i <= ended && !running.isDone(); i++) { // a writer that stopped fails below
        long before = storedOffset();
        PG.terminate(session("xact_start IS NOT NULL AND state <> 'idle'")); // the writer's, in a transaction
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (storedOffset() == before && System.nanoTime() < deadline && !running.isDone()) {
          Thread.sleep(20); // until it committed again
        }
      }
      assertEquals(new KnowledgeWriter.Counts(articles, 0, 0), running.get(3, java.util.concurrent.TimeUnit.MINUTES),
          log.toString());
      assertTrue(log.count("resumed: reading") >= 1, log.toString());
    }
    assertEquals(start + articles, storedOffset());
    assertEquals(List.of(articles + "|1|" + articles), rows("SELECT count(*), max(version), (SELECT count(*) FROM "
        + "story_articles) FROM articles")); // none lost, none doubled
    assertNoRowReferringToNone();
  }
}
