package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.PostgresConnections;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.KafkaServer;
import org.lente.cluster.OpenSearchServer;
import org.lente.cluster.PostgresServer;
import org.lente.index.LuceneIndex;
import org.lente.index.OpenSearchIndex;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.Poller;
import org.lente.server.Server;
import org.lente.store.PostgresArticleStore;
import org.lente.story.Texts;

/**
 * The latency of concurrent page reads on one {@code lente serve --cluster} instance ({@link ServeCommand#clusterServer}
 * on port 0, over real PostgreSQL, Kafka and OpenSearch servers; not part of the test suite): 60 articles in the
 * store, then for 1, 4 and 8 clients at once, each reading article pages at random, the median, 95th percentile
 * and largest latency and the pages read per second. Figures in docs/cluster-serve.md.
 *
 * <p>Run: {@code bin/test -q -Dtest=ServeReadBench -Dsurefire.failIfNoSpecifiedTests=false}; system property
 * {@code lente.bench.reads} (200): the pages each client reads.
 */
class ServeReadBench {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();
  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  @TempDir Path dir;

  @Test
  void concurrentPageReads() throws Exception {
    int reads = Integer.getInteger("lente.bench.reads", 200);
    ClusterFile cluster = new ClusterFile(dir.resolve("cluster.properties"), PG.newMigratedDatabase(),
        PostgresServer.USER, null, OS.url(), KAFKA.bootstrap());
    List<Long> ids = new ArrayList<>();
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      for (int i = 0; i < 60; i++) {
        ids.add(store.put("https://trento.example/cronaca/" + i, Texts.analysis("trento.example/cronaca/" + i,
            "Cronaca", "it", "2026-11-04T08:00:00Z", "Il ponte numero " + i + " riapre",
            "Il ponte sull'Adige numero " + i + " riapre dopo i lavori, dice il sindaco di Trento.")).id());
      }
    }
    try (ServeCommand.ClusterServer s = ServeCommand.clusterServer(cluster, OpenSearchIndex.open(OS.url(),
        OS.newIndexName(), LuceneIndex.SEARCH_BUDGET), Server.Settings.defaults("127.0.0.1", 0),
        new Poller(new Fetcher(Fetcher.Options.defaults())))) {
      s.server().start();
      s.server().ready(true);
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + s.server().port() + "/articles/";
      run(http, base, ids, 1, reads); // warm-up
      for (int clients : new int[] {1, 4, 8}) {
        long[] ns = run(http, base, ids, clients, reads);
        int n = ns.length - 1;
        System.out.printf("serve-read-bench: clients=%d pages=%d p50=%.1fms p95=%.1fms max=%.1fms pages/s=%.0f%n",
            clients, n, ns[n / 2] / 1e6, ns[(int) (n * 0.95)] / 1e6, ns[n - 1] / 1e6, n / (ns[n] / 1e9));
      }
    }
  }

  /**
   * Each of {@code clients} threads reads {@code reads} pages at random; returns the pages' latencies in ns, sorted,
   * then the wall time of the whole run in ns as the last element.
   */
  private static long[] run(HttpClient http, String base, List<Long> ids, int clients, int reads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      List<Future<long[]>> each = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        each.add(pool.submit(() -> {
          long[] ms = new long[reads];
          for (int i = 0; i < reads; i++) {
            long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + id)).build(),
                HttpResponse.BodyHandlers.ofString());
            ms[i] = System.nanoTime() - t;
            assertEquals(200, r.statusCode(), r.body());
          }
          return ms;
        }));
      }
      long[] all = new long[clients * reads + 1];
      int n = 0;
      for (Future<long[]> f : each) {
        for (long v : f.get()) {
          all[n++] = v;
        }
      }
      all[n] = System.nanoTime() - start;
      long[] latencies = Arrays.copyOf(all, n);
      Arrays.sort(latencies);
      System.arraycopy(latencies, 0, all, 0, n);
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
