package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.index.SearchIndex;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.fetch.TestServer;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;
import org.lente.nlp.Analysis;
import org.lente.server.Submissions;
import org.lente.story.Texts;

/**
 * How a URL submitted to the cluster ({@link ClusterSubmissions}, as {@code lente serve --cluster} submits it) ends,
 * through a real fetch worker, analysis worker and knowledge writer (in this JVM, each on its own thread) on real
 * PostgreSQL and Kafka servers, the page served by a real HTTP server on port 0; and how the knowledge writer ends a
 * submission whose record on {@value KafkaTopics#ANALYSED} it passes over.
 */
class SubmissionEndTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();

  private static final Pipeline PIPELINE = new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS),
      Pipeline.Options.defaults());

  /** The path of the address the test page names as its canonical one, on its own site: not where it is served. */
  private static final String CANONICAL_PATH = "/cronaca/2026/11/biblioteca-stazione";

  @TempDir Path dir;
  private ClusterFile cluster;

  @BeforeAll
  static void topics() throws Exception {
    KAFKA.ensureTopics(1);
  }

  /** A new database whose stored offset is lente.analysed's end. */
  @BeforeEach
  void cluster() throws Exception {
    String url = PG.newMigratedDatabase();
    cluster = new ClusterFile(dir.resolve("cluster.properties"), url, PostgresServer.USER, null, null,
        KAFKA.bootstrap());
    KAFKA.appliedToEnd(url);
  }

  /** A short Italian article written for this test, naming {@code canonical} as its address, its text by {@code n}. */
  private static String page(String canonical, int n) {
    return KafkaWorkerTest.article(n).replace("</title>", "</title><link rel=\"canonical\" href=\"" + canonical
        + "\">");
  }

  /**
   * Submits {@code request} to {@code submissions} and runs a fetch worker, an analysis worker and the knowledge writer
   * until the submission is no longer queued, or three minutes passed (under a load of 50 on 2 cores one
   * submission took longer than two); returns it as {@code submissions} tells it then.
   */
  private Submissions.Submission submitAndRun(ClusterSubmissions submissions, Submissions.Request request)
      throws Exception {
    String fetchGroup = "test-fetch-" + System.nanoTime();
    String analyseGroup = "test-analyse-" + System.nanoTime();
    KAFKA.startAtEnd(fetchGroup, KafkaTopics.FETCH);
    KAFKA.startAtEnd(analyseGroup, KafkaTopics.PAGES);
    String id = submissions.submit(request, "redazione").id();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Exception> failed = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    try (Fetcher fetcher = new Fetcher(Fetcher.Options.defaults().withAllowPrivate(true).withObeyRobots(false));
        KafkaWorker fetch = new KafkaWorker(KAFKA.bootstrap(), fetchGroup, KafkaTopics.FETCH,
            KafkaWorker.fetch(fetcher), 10, Duration.ofMillis(10), line -> { });
        KafkaWorker analyse = new KafkaWorker(KAFKA.bootstrap(), analyseGroup, KafkaTopics.PAGES,
            KafkaWorker.analyse(PIPELINE), 10, Duration.ofMillis(10), line -> { });
        KnowledgeWriter writer = KnowledgeWriter.open(cluster, SearchIndex.writtenElsewhere("no index in this test"),
            "test", Duration.ofMinutes(5), stop::get, line -> { }).orElseThrow()) {
      Submissions.Submission s;
      try {
        threads.add(Thread.ofPlatform().start(() -> run(() -> fetch.run(stop::get), failed)));
        threads.add(Thread.ofPlatform().start(() -> run(() -> analyse.run(stop::get), failed)));
        threads.add(Thread.ofPlatform().start(() -> run(() -> writer.run(1, stop::get), failed)));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        s = submissions.get(id).orElseThrow();
        while (s.state() == Submissions.State.QUEUED && failed.get() == null && System.nanoTime() < deadline) {
          Thread.sleep(250);
          s = submissions.get(id).orElseThrow();
        }
      } finally {
        stop.set(true);
        for (Thread t : threads) {
          t.join();
        }
      }
      if (failed.get() != null) {
        throw failed.get();
      }
      return s;
    }
  }

  /** Work of a worker's thread. */
  private interface Work {
    Object run() throws Exception;
  }

  private static void run(Work work, AtomicReference<Exception> failed) {
    try {
      work.run();
    } catch (Exception e) {
      failed.compareAndSet(null, e);
    }
  }

  /** The keys of the articles stored. */
  private List<String> keys() throws Exception {
    List<String> keys = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        PreparedStatement st = c.prepareStatement("SELECT key FROM articles ORDER BY id");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  /** The id of the article stored under {@code key}. */
  private long articleId(String key) throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        PreparedStatement st = c.prepareStatement("SELECT id FROM articles WHERE key = ?")) {
      st.setString(1, key);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no article under " + key);
        }
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aUrlWhosePageNamesAnotherCanonicalAddressEndsStoredWithThatArticle() throws Exception {
    AtomicReference<String> body = new AtomicReference<>();
    try (TestServer http = new TestServer().on("/notizia", e -> TestServer.send(e, 200, body.get()));
        ClusterSubmissions submissions = ClusterSubmissions.on(PG.connections(cluster), cluster)) {
      String submitted = http.uri("/notizia").toString();
      String canonical = http.uri(CANONICAL_PATH).toString(); // the same site: a canonical address it trusts
      body.set(page(canonical, 5));
      Submissions.Submission ended = submitAndRun(submissions, Submissions.Request.url(submitted));
      assertEquals(Submissions.State.STORED, ended.state(), ended.toString());
      assertEquals(articleId(canonical), ended.articleId());
      assertEquals(List.of(canonical), keys(), "the article's key");
    }
  }

  @Test
  void aUrlSubmittedAgainAfterItsPageChangedEndsUpdated() throws Exception {
    AtomicReference<String> body = new AtomicReference<>();
    try (TestServer http = new TestServer().on("/notizia", e -> TestServer.send(e, 200, body.get()));
        ClusterSubmissions submissions = ClusterSubmissions.on(PG.connections(cluster), cluster)) {
      String submitted = http.uri("/notizia").toString();
      String canonical = http.uri(CANONICAL_PATH).toString();
      body.set(page(canonical, 6));
      Submissions.Submission first = submitAndRun(submissions, Submissions.Request.url(submitted));
      assertEquals(Submissions.State.STORED, first.state(), first.toString());
      body.set(page(canonical, 7));
      Submissions.Submission again = submitAndRun(submissions, Submissions.Request.url(submitted));
      assertEquals(Submissions.State.UPDATED, again.state(), again.toString());
      assertEquals(first.articleId(), again.articleId());
    }
  }

  /** Records queued submission {@code id}, as {@link ClusterSubmissions#submit} does before its message is sent. */
  private void queued(String id) throws Exception {
    execute("INSERT INTO submissions (id, input, article_key, user_name, submitted_at, state) VALUES ('" + id
        + "', 'https://cronaca.example/" + id + "', 'https://cronaca.example/" + id + "', 'redazione', now(), "
        + "'queued')");
  }

  private void execute(String sql) throws Exception {
    PostgresServer.execute(cluster.postgresUrl(), sql);
  }

  private List<String> rows(String sql) throws Exception {
    return PostgresServer.rows(cluster.postgresUrl(), sql);
  }

  /** Submission {@code id}'s state, article and error. */
  private String submission(String id) throws Exception {
    return String.join("\n", rows("SELECT state, article_id, error FROM submissions WHERE id = '" + id + "'"));
  }

  /** An analysed article written for these tests, {@code title} and {@code body} its text. */
  private static Analysis analysis(int n, String title, String body) {
    return Texts.analysis("cronaca.example/" + n, "La Cronaca", "it", "2026-11-0" + n + "T08:00:00Z", title, body,
        "Verona=Verona/LOC");
  }

  /** Sends {@code analysis} under {@code key} to lente.analysed as the message of submission {@code id}. */
  private static void sendAnalysed(String key, Analysis analysis, String id) throws Exception {
    KAFKA.send(KafkaTopics.ANALYSED, key, KafkaMessages.write(KafkaMessages.AnalysedArticle.of(key, analysis,
        ClusterSubmissions.ORIGIN + id)));
  }

  /** Runs a knowledge writer, {@code batch} records a transaction, until it applied up to {@code until}. */
  private void write(int batch, long until) throws Exception {
    try (KnowledgeWriter writer = KnowledgeWriter.open(cluster, SearchIndex.writtenElsewhere("no index in this test"),
        "test", Duration.ofMinutes(5), () -> false, line -> { }).orElseThrow()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      writer.run(batch, () -> writer.next() >= until || System.nanoTime() > deadline);
      assertEquals(until, writer.next(), "the writer did not reach the topic's end in a minute");
    }
  }

  private static long analysedEnd() throws Exception {
    return KAFKA.ends(KafkaTopics.ANALYSED).get(new org.apache.kafka.common.TopicPartition(KafkaTopics.ANALYSED,
        KnowledgeWriter.PARTITION));
  }

  /** Whether submission {@code id}'s row was last written by the transaction that wrote the stored offset. */
  private boolean endedWithTheOffset(String id) throws Exception {
    return rows("SELECT 1 FROM submissions s, applied_offsets o WHERE s.id = '" + id + "' AND s.xmin = o.xmin")
        .size() == 1;
  }

  @Test
  void aSubmissionWhoseRecordIsNoAnalysedArticleEndsFailedWithTheOffsetPastIt() throws Exception {
    queued("a1");
    long start = analysedEnd();
    KAFKA.send(KafkaTopics.ANALYSED, "rotto", "{\"key\": \"rotto\", \"origin\": \"" + ClusterSubmissions.ORIGIN
        + "a1\"}"); // an origin, and no analysis
    write(1, start + 1);
    assertEquals("failed|null|" + Submissions.NOT_ANALYSED, submission("a1"));
    assertEquals(true, endedWithTheOffset("a1"), "in the transaction storing the offset");
  }

  @Test
  void aSubmissionWhoseArticleFailsToApplyByItsOwnFaultEndsFailedWithTheOffsetPastIt() throws Exception {
    queued("b1");
    long start = analysedEnd();
    sendAnalysed("ponte-nul", analysis(2, "Titolo \u0000 rotto", "Un testo che PostgreSQL rifiuta per il suo "
        + "titolo."), "b1");
    write(1, start + 1);
    assertEquals("failed|null|" + Submissions.NOT_ANALYSED, submission("b1"));
    assertEquals(true, endedWithTheOffset("b1"), "in the transaction storing the offset");
    assertEquals(List.of(), keys(), "nothing stored");
  }

  @Test
  void everySubmissionOfABatchAppliedOneByOneEnds() throws Exception {
    for (String id : List.of("c1", "c2", "c3", "c4")) {
      queued(id);
    }
    long start = analysedEnd();
    sendAnalysed("ponte-1", analysis(1, "Cantiere aperto", "Il cantiere del ponte di Verona apre lunedì."), "c1");
    KAFKA.send(KafkaTopics.ANALYSED, "rotto-2", "{\"origin\": \"" + ClusterSubmissions.ORIGIN + "c2\"}");
    sendAnalysed("ponte-3", analysis(3, "Titolo \u0000 rotto", "Un testo che PostgreSQL rifiuta."), "c3");
    KAFKA.send(KafkaTopics.ANALYSED, "rotto-4", "{\"origin\": \"" + ClusterSubmissions.ORIGIN + "c4\"}");
    write(4, start + 4); // the batch rolls back on ponte-3, then one by one
    assertEquals("stored|" + articleId("ponte-1") + "|null", submission("c1"));
    for (String id : List.of("c2", "c3", "c4")) {
      assertEquals("failed|null|" + Submissions.NOT_ANALYSED, submission(id), id);
    }
    assertEquals(true, endedWithTheOffset("c4"), "the last, in the transaction storing the offset past the batch");
  }

  @Test
  void anUnreadableRecordInABatchThatCommitsEndsItsSubmissionInThatTransaction() throws Exception {
    queued("d1");
    queued("d2");
    long start = analysedEnd();
    KAFKA.send(KafkaTopics.ANALYSED, "rotto-1", "{\"origin\": \"" + ClusterSubmissions.ORIGIN + "d1\"}");
    sendAnalysed("ponte-2", analysis(2, "Cantiere chiuso", "Il cantiere del ponte di Verona chiude venerdì."), "d2");
    write(4, start + 2);
    assertEquals("failed|null|" + Submissions.NOT_ANALYSED, submission("d1"));
    assertEquals("stored|" + articleId("ponte-2") + "|null", submission("d2"));
    assertEquals(true, endedWithTheOffset("d1") && endedWithTheOffset("d2"), "one transaction with the offset");
  }
}
