package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real broker with real worker processes (child JVMs running {@code lente worker}, as
 * {@code bin/lente} runs it): generated article pages served on 127.0.0.1 go through one fetch worker and one, then
 * three analysis workers, one of which is killed (kill -9) mid-stream. Every article key must reach
 * {@value KafkaTopics#ANALYSED}; duplicates (redelivered after the kill) are counted and printed. The number of
 * pages per phase is {@code -Dlente.kafka.pages} (default 8; docs/cluster.md has the figures of larger runs).
 */
class KafkaClusterTest {

  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();

  private static final int PAGES = Integer.getInteger("lente.kafka.pages", 8);

  @TempDir Path dir;

  private WorkerProcesses workers;

  @BeforeEach
  void workers() {
    workers = new WorkerProcesses(dir);
  }

  @AfterEach
  void stopWorkers() {
    workers.close();
  }

  private Process worker(String... args) throws IOException {
    return workers.start(args);
  }

  private String logs() throws IOException {
    return workers.logs();
  }

  /** The keys read from {@code from} on until every one of {@code wanted} is there (or 5 minutes pass). */
  private static List<String> keysUntil(Map<TopicPartition, Long> from, Set<String> wanted) {
    List<ConsumerRecord<String, String>> got = KAFKA.read(from,
        records -> records.stream().map(ConsumerRecord::key).toList().containsAll(wanted), Duration.ofMinutes(5));
    return got.stream().map(ConsumerRecord::key).toList();
  }

  /** A started HTTP server on 127.0.0.1, port 0, serving {@link KafkaWorkerTest#article}(N) at /p/N. */
  private static HttpServer articles() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    http.createContext("/p/", exchange -> {
      int n = Integer.parseInt(exchange.getRequestURI().getPath().substring(3));
      byte[] body = KafkaWorkerTest.article(n).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    http.start();
    return http;
  }

  private static void submit(HttpServer http, int first, int count, Set<String> keys) throws Exception {
    for (int i = first; i < first + count; i++) {
      String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/p/" + i;
      KafkaMessages.FetchTask task = new KafkaMessages.FetchTask(url, "e2e");
      KAFKA.send(KafkaTopics.FETCH, task.key(), KafkaMessages.write(task));
      keys.add(url);
    }
  }

  @Test
  void everyArticleReachesTheWriterThroughWorkersOneOfWhichIsKilled() throws Exception {
    HttpServer http = articles();
    try {
      Path cluster = Files.writeString(dir.resolve("cluster.properties"), "postgres.url=jdbc:postgresql://127.0.0.1:1/"
          + "unused\npostgres.user=lente\nkafka.bootstrap=" + KAFKA.bootstrap() + "\n");
      try (Admin admin = KAFKA.admin()) {
        KafkaTopics.ensure(admin, 6);
      }
      String run = Long.toString(System.nanoTime());
      KAFKA.startAtEnd("e2e-fetch-" + run, KafkaTopics.FETCH);
      KAFKA.startAtEnd("e2e-analyse-" + run, KafkaTopics.PAGES);
      String[] analyse = {"analyse", "--cluster", cluster.toString(), "--group", "e2e-analyse-" + run};
      worker("fetch", "--cluster", cluster.toString(), "--group", "e2e-fetch-" + run, "--allow-private",
          "--ignore-robots", "--delay", "0", "--per-host", "4");
      Process first = worker(analyse);

      long t0 = System.nanoTime();
      Map<TopicPartition, Long> from = KAFKA.ends(KafkaTopics.ANALYSED);
      Set<String> phase1 = new TreeSet<>();
      submit(http, 0, PAGES, phase1);
      List<String> got1 = keysUntil(from, phase1);
      assertTrue(got1.containsAll(phase1), "phase 1 missing " + missing(phase1, got1) + "\n" + logs());
      double seconds1 = (System.nanoTime() - t0) / 1e9;

      worker(analyse);
      worker(analyse);
      long t1 = System.nanoTime();
      from = KAFKA.ends(KafkaTopics.ANALYSED);
      Set<String> phase2 = new TreeSet<>();
      submit(http, PAGES, PAGES, phase2);
      Set<String> quarter = new HashSet<>();
      KAFKA.read(from, records -> {
        records.forEach(r -> quarter.add(r.key()));
        return quarter.size() >= PAGES / 4;
      }, Duration.ofMinutes(5));
      first.destroyForcibly(); // kill -9, mid-stream
      assertTrue(first.waitFor(30, TimeUnit.SECONDS));
      List<String> got2 = keysUntil(from, phase2);
      assertTrue(got2.containsAll(phase2), "phase 2 missing " + missing(phase2, got2) + "\n" + logs());
      double seconds2 = (System.nanoTime() - t1) / 1e9;

      for (Process p : workers.started().subList(2, workers.started().size())) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!workers.log(p).contains("reading " + KafkaTopics.PAGES) && System.nanoTime() < until) {
          Thread.sleep(100); // a worker still starting when phase 2 ends has nothing to say when stopped
        }
        p.destroy(); // SIGTERM: the worker commits what it finished and says so
      }
      for (Process p : workers.started().subList(2, workers.started().size())) {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a worker did not stop on SIGTERM\n" + logs());
        assertEquals(143, p.exitValue(), logs());
      }
      assertTrue(logs().contains("worker analyse stopped: read "), logs());
      System.out.printf("kafka e2e: %d pages, 1 analysis worker: %d records on %s, %d duplicates, %.1f s; "
          + "3 analysis workers, one killed: %d records, %d duplicates, %.1f s%n", PAGES, got1.size(),
          KafkaTopics.ANALYSED, duplicates(got1), seconds1, got2.size(), duplicates(got2), seconds2);
      assertEquals(0, duplicates(got1), "nothing is redelivered without a failure");
    } finally {
      http.stop(0);
    }
  }

  /** Sends {@code signal} (STOP, CONT) to process {@code p}. */
  private static void signal(Process p, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
    assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + p.pid());
  }

  /**
   * The lost group of docs/cluster-e2e.md, on purpose: a fetch worker process is stopped (SIGSTOP, as a starved
   * worker misses its heartbeats) until the broker drops it from its group, the emptied group is deleted, and the
   * worker goes on (SIGCONT). Its next heartbeat is answered GROUP_ID_NOT_FOUND ("Consumer group … not found"), which
   * Kafka's client takes as fatal; the worker must make a new consumer, join the group again and fetch what comes.
   */
  @Test
  void aWorkerWhoseGroupIsLostWhileItIsStoppedJoinsAgainAndGoesOn() throws Exception {
    HttpServer http = articles();
    try (Admin admin = KAFKA.admin()) {
      Path cluster = Files.writeString(dir.resolve("cluster.properties"), "postgres.url=jdbc:postgresql://127.0.0.1:1/"
          + "unused\npostgres.user=lente\nkafka.bootstrap=" + KAFKA.bootstrap() + "\n");
      KafkaTopics.ensure(admin, 6);
      String group = "lost-fetch-" + System.nanoTime();
      KAFKA.startAtEnd(group, KafkaTopics.FETCH);
      Process fetch = worker("fetch", "--cluster", cluster.toString(), "--group", group, "--allow-private",
          "--ignore-robots", "--delay", "0");
      Map<TopicPartition, Long> from = KAFKA.ends(KafkaTopics.PAGES);
      Set<String> before = new TreeSet<>();
      submit(http, 0, 1, before);
      assertTrue(keysUntil(from, before).containsAll(before), "the first page not fetched\n" + logs());

      signal(fetch, "STOP");
      try {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS)
            .members().isEmpty()) {
          assertTrue(System.nanoTime() < until, "the stopped worker still in its group after 2 minutes");
          Thread.sleep(500);
        }
        admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
        // the group's offsets went with it: a new member starts at the topic's first record, so none are left before
        Map<TopicPartition, RecordsToDelete> upTo = new HashMap<>();
        KAFKA.ends(KafkaTopics.FETCH).forEach((tp, end) -> upTo.put(tp, RecordsToDelete.beforeOffset(end)));
        admin.deleteRecords(upTo).all().get(30, TimeUnit.SECONDS);
      } finally {
        signal(fetch, "CONT");
      }

      from = KAFKA.ends(KafkaTopics.PAGES);
      Set<String> after = new TreeSet<>();
      submit(http, 1, 1, after);
      assertTrue(keysUntil(from, after).containsAll(after), "the page after the lost group not fetched\n" + logs());
      String log = workers.log(fetch);
      log.lines().filter(l -> l.contains("Kafka consumer")).forEach(l -> System.out.println("kafka lost group: " + l));
      assertTrue(log.contains("GroupIdNotFoundException") && log.contains("closing it")
          && log.contains("a new Kafka consumer made"), "the lost group met and a new consumer made\n" + log);
      fetch.destroy();
      assertTrue(fetch.waitFor(60, TimeUnit.SECONDS), "the worker did not stop on SIGTERM\n" + logs());
      assertEquals(143, fetch.exitValue(), logs());
    } finally {
      http.stop(0);
    }
  }

  private static Set<String> missing(Set<String> wanted, List<String> got) {
    Set<String> m = new TreeSet<>(wanted);
    got.forEach(m::remove);
    return m;
  }

  private static long duplicates(List<String> keys) {
    Map<String, Integer> n = new HashMap<>();
    keys.forEach(k -> n.merge(k, 1, Integer::sum));
    return n.values().stream().mapToInt(c -> c - 1).sum();
  }
}
