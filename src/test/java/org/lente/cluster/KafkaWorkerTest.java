package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.ingest.fetch.FetchException;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.fetch.TestServer;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;

/** Fetch and analysis workers (in this JVM) on a real Kafka broker. */
class KafkaWorkerTest {

  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();

  private static final Pipeline PIPELINE = new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS),
      Pipeline.Options.defaults());

  @BeforeAll
  static void topics() throws Exception {
    try (Admin admin = KAFKA.admin()) {
      KafkaTopics.ensure(admin, 3);
    }
  }

  /** A short Italian article page written for these tests, distinct per {@code n}. */
  static String article(int n) {
    return "<html><head><title>Nuova biblioteca a Modena " + n + "</title>"
        + "<meta property=\"article:published_time\" content=\"2026-11-0" + (1 + n % 9) + "T09:00:00Z\"></head><body>"
        + "<article><h1>Nuova biblioteca a Modena " + n + "</h1>"
        + "<p>Il comune di Modena ha aperto lunedì la biblioteca numero " + n + " nel quartiere della stazione, "
        + "con " + (300 + n) + " posti a sedere e una sala per i ragazzi.</p>"
        + "<p>“Abbiamo lavorato due anni a questo progetto”, ha detto l'assessora Chiara Valli durante "
        + "l'inaugurazione, alla quale hanno partecipato molti cittadini.</p>"
        + "<p>La biblioteca sarà aperta tutti i giorni dalle nove alle diciannove, anche la domenica.</p>"
        + "</article></body></html>";
  }

  static Page page(String url, String html) {
    return new Page(url, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", url, List.of());
  }

  /** A worker of a new group that sees only what is sent from now on, running on its own thread. */
  private static final class Running implements AutoCloseable {
    final KafkaWorker worker;
    final CompletableFuture<KafkaWorker.Counts> done;

    Running(String group, String input, KafkaWorker.Step step, BooleanSupplier stop) throws Exception {
      KAFKA.startAtEnd(group, input);
      worker = new KafkaWorker(KAFKA.bootstrap(), group, input, step, 10, Duration.ofMillis(10), line -> { });
      done = CompletableFuture.supplyAsync(() -> {
        try {
          return worker.run(stop);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }

    @Override
    public void close() throws Exception {
      worker.wakeup();
      try {
        done.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException expected) {
        // a test of a failing worker has already looked at it
      }
      worker.close();
    }
  }

  private static String group(TestInfo info) {
    return "test-" + info.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
  }

  private static List<ConsumerRecord<String, String>> readKeys(Map<TopicPartition, Long> from, String... keys) {
    List<String> wanted = List.of(keys);
    return KAFKA.read(from, got -> got.stream().map(ConsumerRecord::key).toList().containsAll(wanted),
        Duration.ofSeconds(60)).stream().filter(r -> wanted.contains(r.key())).toList();
  }

  @Test
  void anAnalysisWorkerSendsTheArticleEmbeddedIngestWouldStore(TestInfo info) throws Exception {
    String url = "http://worker-test.example/analysed/" + System.nanoTime();
    Page page = page(url, article(1));
    Map<TopicPartition, Long> from = KAFKA.ends(KafkaTopics.ANALYSED);
    try (Running w = new Running(group(info), KafkaTopics.PAGES, KafkaWorker.analyse(PIPELINE), () -> false)) {
      KafkaMessages.FetchedPage in = new KafkaMessages.FetchedPage(page, "a feed");
      KAFKA.send(KafkaTopics.PAGES, in.key(), KafkaMessages.write(in));
      List<ConsumerRecord<String, String>> out = readKeys(from, url);
      assertEquals(1, out.size(), out.toString());
      KafkaMessages.AnalysedArticle a = KafkaMessages.read(out.get(0).value(), KafkaMessages.AnalysedArticle.class);
      Pipeline.Prepared embedded = PIPELINE.prepare(page);
      assertEquals(embedded.key(), a.key());
      assertEquals(embedded.analysis(), a.read(), "the same analysis as embedded ingest");
      assertEquals("a feed", a.origin());
    }
  }

  @Test
  void aRecordFailingThreeTimesBecomesADeadLetterAndTheWorkerGoesOn(TestInfo info) throws Exception {
    String topic = "test-in-" + System.nanoTime();
    try (Admin admin = KAFKA.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    AtomicInteger badTries = new AtomicInteger();
    KafkaWorker.Step step = r -> {
      if (r.value().equals("poison")) {
        badTries.incrementAndGet();
        throw new IllegalStateException("cannot digest " + r.value());
      }
      return List.of(new ProducerRecord<>(KafkaTopics.ANALYSED, r.key(), r.value().toUpperCase()));
    };
    String bad = "bad-" + System.nanoTime();
    String good = "good-" + System.nanoTime();
    Map<TopicPartition, Long> dead = KAFKA.ends(KafkaTopics.DEAD);
    Map<TopicPartition, Long> analysed = KAFKA.ends(KafkaTopics.ANALYSED);
    try (Running w = new Running(group(info), topic, step, () -> false)) {
      KAFKA.send(topic, bad, "poison");
      KAFKA.send(topic, good, "fine");
      List<ConsumerRecord<String, String>> letters = readKeys(dead, bad);
      assertEquals("FINE", readKeys(analysed, good).get(0).value(), "the record after it is handled");
      KafkaMessages.DeadLetter letter = KafkaMessages.read(letters.get(0).value(), KafkaMessages.DeadLetter.class);
      assertEquals(3, letter.attempts());
      assertEquals(3, badTries.get());
      assertEquals(topic, letter.topic());
      assertEquals("poison", letter.value());
      assertTrue(letter.error().contains("IllegalStateException: cannot digest poison"), letter.error());
    }
  }

  @Test
  void anOutputOverItsTopicsLimitIsADeadLetterNotASend(TestInfo info) throws Exception {
    String topic = "test-in-" + System.nanoTime();
    try (Admin admin = KAFKA.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    String huge = "x".repeat(KafkaTopics.MAX_MESSAGE_BYTES + 1);
    KafkaWorker.Step step = r -> List.of(new ProducerRecord<>(KafkaTopics.PAGES, r.key(), huge));
    String key = "huge-" + System.nanoTime();
    Map<TopicPartition, Long> dead = KAFKA.ends(KafkaTopics.DEAD);
    Map<TopicPartition, Long> pages = KAFKA.ends(KafkaTopics.PAGES);
    try (Running w = new Running(group(info), topic, step, () -> false)) {
      KAFKA.send(topic, key, "a page");
      KafkaMessages.DeadLetter letter = KafkaMessages.read(readKeys(dead, key).get(0).value(),
          KafkaMessages.DeadLetter.class);
      assertTrue(letter.error().contains("over its limit of " + KafkaTopics.MAX_MESSAGE_BYTES + " bytes"),
          letter.error());
      assertEquals(1, letter.attempts(), "a size does not change by trying again");
    }
    assertTrue(KAFKA.read(pages, got -> false, Duration.ofSeconds(1)).stream().noneMatch(r -> key.equals(r.key())));
  }

  @Test
  void anOffsetIsNotCommittedWhenTheBrokerRefusesTheOutput(TestInfo info) throws Exception {
    String topic = "test-in-" + System.nanoTime();
    String small = "test-small-" + System.nanoTime();
    try (Admin admin = KAFKA.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(small, 1, (short) 1)
          .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1000")))).all().get(30, TimeUnit.SECONDS);
    }
    StringBuilder noise = new StringBuilder(); // random letters: compression cannot bring them under the limit
    new java.util.Random(16).ints(20_000, 'a', 'z' + 1).forEach(c -> noise.append((char) c));
    KafkaWorker.Step step = r -> List.of(new ProducerRecord<>(small, r.key(), noise.toString()));
    String group = group(info);
    try (Running w = new Running(group, topic, step, () -> false)) {
      KAFKA.send(topic, "k", "v");
      java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> w.done.get(60, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("Kafka did not take a record"), e.getCause().getMessage());
    }
    try (Admin admin = KAFKA.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      assertEquals(0, committed.get(new TopicPartition(topic, 0)).offset(), "still before the record");
    }
  }

  @Test
  void aStoppedWorkerCommitsWhatItFinishedAndNoMore(TestInfo info) throws Exception {
    String topic = "test-in-" + System.nanoTime();
    try (Admin admin = KAFKA.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      for (int i = 0; i < 3; i++) {
        KAFKA.send(topic, "k" + i, "v" + i);
      }
    }
    AtomicBoolean stop = new AtomicBoolean();
    List<String> handled = new ArrayList<>();
    KafkaWorker.Step step = r -> {
      handled.add(r.value());
      if (handled.size() == 2) {
        stop.set(true); // as a SIGTERM arriving while the second record is handled
      }
      return List.of();
    };
    String group = group(info);
    KafkaWorker worker = new KafkaWorker(KAFKA.bootstrap(), group, topic, step, 10, Duration.ofMillis(10), l -> { });
    try (worker) {
      KafkaWorker.Counts counts = worker.run(stop::get);
      assertEquals(2, counts.read());
    }
    assertEquals(List.of("v0", "v1"), handled);
    try (Admin admin = KAFKA.admin()) {
      assertEquals(2, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS).get(new TopicPartition(topic, 0)).offset());
    }
  }

  @Test
  void aFetchWorkerPutsThePageOnThePagesTopicUnderItsUrl(TestInfo info) throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    byte[] body = article(2).getBytes(StandardCharsets.UTF_8);
    http.createContext("/a", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    http.start();
    Fetcher fetcher = new Fetcher(Fetcher.Options.defaults().withAllowPrivate(true).withObeyRobots(false));
    String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/a";
    Map<TopicPartition, Long> pages = KAFKA.ends(KafkaTopics.PAGES);
    try (fetcher; Running w = new Running(group(info), KafkaTopics.FETCH, KafkaWorker.fetch(fetcher), () -> false)) {
      KafkaMessages.FetchTask task = new KafkaMessages.FetchTask(url, "a test");
      assertEquals("127.0.0.1", task.key());
      KAFKA.send(KafkaTopics.FETCH, task.key(), KafkaMessages.write(task));
      List<ConsumerRecord<String, String>> out = readKeys(pages, url);
      KafkaMessages.FetchedPage page = KafkaMessages.read(out.get(0).value(), KafkaMessages.FetchedPage.class);
      assertEquals(article(2), new String(page.page().bytes(), StandardCharsets.UTF_8));
      assertEquals("text/html; charset=utf-8", page.page().contentType());
      assertEquals("a test", page.origin());
      assertFalse(out.size() > 1, "sent once");
    } finally {
      http.stop(0);
    }
  }

  /** A page with no article text. */
  private static final String NO_TEXT = "<html><head><title>Indice</title></head><body></body></html>";

  /** The dead letter of key {@code key} sent after {@code from}. */
  private static KafkaMessages.DeadLetter deadLetter(Map<TopicPartition, Long> from, String key) throws IOException {
    return KafkaMessages.read(readKeys(from, key).get(0).value(), KafkaMessages.DeadLetter.class);
  }

  @Test
  void aSubmittedPageWithNoArticleTextIsADeadLetterAtOnce(TestInfo info) throws Exception {
    String url = "http://worker-test.example/vuota/" + System.nanoTime();
    assertEquals(Pipeline.NO_TEXT, PIPELINE.prepare(page(url, NO_TEXT)).skipped(), "the page has no article text");
    Map<TopicPartition, Long> dead = KAFKA.ends(KafkaTopics.DEAD);
    try (Running w = new Running(group(info), KafkaTopics.PAGES, KafkaWorker.analyse(PIPELINE), () -> false)) {
      KafkaMessages.FetchedPage in = new KafkaMessages.FetchedPage(page(url, NO_TEXT),
          ClusterSubmissions.ORIGIN + "beef");
      KAFKA.send(KafkaTopics.PAGES, in.key(), KafkaMessages.write(in));
      KafkaMessages.DeadLetter letter = deadLetter(dead, url);
      assertEquals(KafkaMessages.DeadLetter.Kind.NOT_AN_ARTICLE, letter.kind());
      assertEquals(1, letter.attempts(), "no article text is not tried again");
      assertEquals(ClusterSubmissions.ORIGIN + "beef", letter.origin());
    }
  }

  @Test
  void aPolledPageWithNoArticleTextGivesNothing(TestInfo info) throws Exception {
    String empty = "http://worker-test.example/indice/" + System.nanoTime();
    String next = "http://worker-test.example/dopo/" + System.nanoTime();
    Map<TopicPartition, Long> dead = KAFKA.ends(KafkaTopics.DEAD);
    Map<TopicPartition, Long> analysed = KAFKA.ends(KafkaTopics.ANALYSED);
    try (Running w = new Running(group(info), KafkaTopics.PAGES, KafkaWorker.analyse(PIPELINE), () -> false)) {
      for (KafkaMessages.FetchedPage in : List.of(
          new KafkaMessages.FetchedPage(page(empty, NO_TEXT), "a feed"),
          new KafkaMessages.FetchedPage(page(next, article(3)), "a feed"))) {
        KAFKA.send(KafkaTopics.PAGES, in.key(), KafkaMessages.write(in));
      }
      readKeys(analysed, next); // the page after it is done, so it was handled
    }
    assertTrue(KAFKA.read(dead, got -> false, Duration.ofSeconds(1)).stream().noneMatch(r -> empty.equals(r.key())));
  }

  @Test
  void aFetchFailureIsADeadLetterWithTheFetchersReason(TestInfo info) throws Exception {
    String url = "http://127.0.0.1:9/riservata/" + System.nanoTime();
    Map<TopicPartition, Long> dead = KAFKA.ends(KafkaTopics.DEAD);
    Fetcher fetcher = new Fetcher(Fetcher.Options.defaults());
    try (fetcher; Running w = new Running(group(info), KafkaTopics.FETCH, KafkaWorker.fetch(fetcher), () -> false)) {
      KafkaMessages.FetchTask task = new KafkaMessages.FetchTask(url, ClusterSubmissions.ORIGIN + "f00d");
      KAFKA.send(KafkaTopics.FETCH, task.key(), KafkaMessages.write(task));
      KafkaMessages.DeadLetter letter = KAFKA.read(dead, got -> got.stream().anyMatch(r -> r.value().contains(url)),
          Duration.ofSeconds(60)).stream().filter(r -> r.value().contains(url))
          .map(r -> assertDoesNotThrow(() -> KafkaMessages.read(r.value(), KafkaMessages.DeadLetter.class)))
          .findFirst().orElseThrow();
      assertEquals(KafkaMessages.DeadLetter.Kind.FETCH, letter.kind());
      assertEquals(FetchException.Reason.PRIVATE_ADDRESS, letter.fetchReason());
      assertEquals(1, letter.attempts(), "a refused address is not tried again");
    }
  }

  /** The fetcher's retries in {@link #fetchFailing}: the default count, with short waits. */
  private static final Fetcher.Options RETRYING = Fetcher.Options.defaults().withAllowPrivate(true)
      .withObeyRobots(false).withRetries(Fetcher.Options.defaults().maxRetries(), Duration.ofMillis(10),
          Duration.ofSeconds(1));

  /**
   * Serves {@code status} for every request to a fresh path, has a fetch worker fetch it with {@link #RETRYING}, and
   * returns the dead letter with how many requests the server got.
   */
  private static Map.Entry<KafkaMessages.DeadLetter, Integer> fetchFailing(TestInfo info, int status)
      throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (TestServer http = new TestServer().on("/pagina", exchange -> {
          requests.incrementAndGet();
          TestServer.send(exchange, status, "<html><body>" + status + "</body></html>");
        });
        Fetcher fetcher = new Fetcher(RETRYING)) {
      String url = http.uri("/pagina").toString() + "?" + System.nanoTime();
      Map<TopicPartition, Long> dead = KAFKA.ends(KafkaTopics.DEAD);
      try (Running w = new Running(group(info), KafkaTopics.FETCH, KafkaWorker.fetch(fetcher), () -> false)) {
        KafkaMessages.FetchTask task = new KafkaMessages.FetchTask(url, ClusterSubmissions.ORIGIN + "cafe");
        KAFKA.send(KafkaTopics.FETCH, url, KafkaMessages.write(task));
        return Map.entry(deadLetter(dead, url), requests.get());
      }
    }
  }

  @Test
  void aPageThatIsNotThereIsADeadLetterAtOnce(TestInfo info) throws Exception {
    Map.Entry<KafkaMessages.DeadLetter, Integer> got = fetchFailing(info, 404);
    KafkaMessages.DeadLetter letter = got.getKey();
    assertEquals(KafkaMessages.DeadLetter.Kind.FETCH, letter.kind());
    assertEquals(FetchException.Reason.HTTP_STATUS, letter.fetchReason());
    assertEquals(404, letter.status());
    assertEquals(1, letter.attempts(), "a 404 is not tried again");
    assertEquals(1, got.getValue(), "requests for the page");
  }

  @Test
  void aServerErrorGetsTheFetchersRetriesAloneOneBudgetPerPage(TestInfo info) throws Exception {
    Map.Entry<KafkaMessages.DeadLetter, Integer> got = fetchFailing(info, 503);
    KafkaMessages.DeadLetter letter = got.getKey();
    assertEquals(FetchException.Reason.HTTP_STATUS, letter.fetchReason());
    assertEquals(503, letter.status());
    assertEquals(1, letter.attempts(), "the worker does not fetch again what the fetcher retried");
    assertEquals(1 + RETRYING.maxRetries(), got.getValue(), "requests for the page: the first and the fetcher's "
        + RETRYING.maxRetries() + " retries");
  }

  @Test
  void aDeadLetterWhoseMessageIsCutKeepsItsOrigin(TestInfo info) throws Exception {
    String topic = "test-in-" + System.nanoTime();
    try (Admin admin = KAFKA.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    String url = "http://worker-test.example/grande/" + System.nanoTime();
    // the page goes before the origin in the message, so cutting it to fit a dead letter cuts the origin away
    KafkaMessages.FetchedPage big = new KafkaMessages.FetchedPage(page(url, "<p>" + "grande ".repeat(80_000)
        + "</p>"), ClusterSubmissions.ORIGIN + "d00d");
    KafkaWorker.Step step = r -> {
      throw new IllegalStateException("cannot digest a page of " + r.value().length() + " characters");
    };
    Map<TopicPartition, Long> dead = KAFKA.ends(KafkaTopics.DEAD);
    try (Running w = new Running(group(info), topic, step, () -> false)) {
      KAFKA.send(topic, url, KafkaMessages.write(big));
      KafkaMessages.DeadLetter letter = deadLetter(dead, url);
      assertTrue(letter.cut(), "the message was cut");
      assertEquals(ClusterSubmissions.ORIGIN + "d00d", letter.origin());
    }
  }
}
