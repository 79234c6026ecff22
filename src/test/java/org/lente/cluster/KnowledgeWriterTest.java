package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.index.LuceneIndex;
import org.lente.index.OpenSearchIndex;
import org.lente.index.SearchIndex;
import org.lente.nlp.Analysis;
import org.lente.store.PostgresArticleStore;
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
    try (Admin admin = KAFKA.admin()) {
      KafkaTopics.ensure(admin, 1);
    }
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
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null)) {
      AppliedOffsets.record(c, KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION, end());
    }
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

  private KnowledgeWriter open(String holder, Duration ttl) throws Exception {
    SearchIndex index = OpenSearchIndex.open(OS.url(), alias, LuceneIndex.SEARCH_BUDGET);
    return KnowledgeWriter.open(cluster, index, holder, ttl, () -> false, line -> { }).orElseThrow();
  }

  /** Runs {@code writer} until it has applied up to {@code until}, or a minute passed. */
  private static KnowledgeWriter.Counts runTo(KnowledgeWriter writer, long until) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    BooleanSupplier done = () -> writer.next() >= until || System.nanoTime() > deadline;
    KnowledgeWriter.Counts counts = writer.run(done);
    assertEquals(until, writer.next(), "the writer did not reach the topic's end in a minute");
    return counts;
  }

  private Map<Long, Integer> versions() throws Exception {
    try (PostgresArticleStore store = PostgresArticleStore.connect(cluster)) {
      return store.versions();
    }
  }

  private long storedOffset() throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      return AppliedOffsets.read(c, KafkaTopics.ANALYSED).get(KnowledgeWriter.PARTITION);
    }
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
  void aStaleWriterCannotCommit() throws Exception {
    long start = end();
    KnowledgeWriter stale = open("stale", Duration.ofMillis(600));
    try (stale) {
      try (KnowledgeWriter fresh = open("fresh", LONG)) { // a standby: waits for the stale lease to expire
        send("verona-3", analysis(3, "Il sindaco ha presentato il nuovo piano per il ponte."));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        assertThrows(WriterLease.LostException.class, () -> stale.run(() -> System.nanoTime() > deadline));
        assertEquals(Map.of(), versions());
        assertEquals(start, storedOffset());

        assertEquals(new KnowledgeWriter.Counts(1, 0, 0), runTo(fresh, start + 1));
      }
    }
    assertEquals(1, versions().size());
    assertEquals(start + 1, storedOffset());
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
}
