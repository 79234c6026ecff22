package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.PostgresConnections;
import org.lente.index.LuceneIndex;
import org.lente.index.OpenSearchIndex;
import org.lente.index.SearchQuery;
import org.lente.store.PostgresArticleStore;

/** {@code lente reindex --cluster} beside running index workers, on real PostgreSQL and OpenSearch servers. */
class ClusterReindexTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  @TempDir Path dir;
  private ClusterFile cluster;
  private String alias;

  @BeforeEach
  void cluster() throws Exception {
    cluster = IndexWorkerTest.cluster(PG, OS, dir);
    alias = OS.newIndexName();
  }

  private OpenSearchIndex index() throws IOException {
    return OpenSearchIndex.open(OS.url(), alias, LuceneIndex.SEARCH_BUDGET);
  }

  private IndexWorker worker() throws IOException {
    return IndexWorker.open(cluster, index(), 50, Duration.ofMinutes(10), line -> { });
  }

  private ClusterReindex rebuild() throws IOException {
    return ClusterReindex.open(cluster, index(), line -> { });
  }

  private static void drain(IndexWorker worker) throws IOException {
    while (worker.once(0, false).claimed() > 0) {
      // until nothing is left
    }
  }

  /** Stores a new version of article {@code n}. */
  private void update(int n) throws IOException {
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      store.put("cronaca.example/" + n, IndexWorkerTest.analysis(n, "Il cantiere numero " + n + " chiude di nuovo."));
    }
  }

  private Map<Long, Integer> indexed() throws IOException {
    try (OpenSearchIndex index = index()) {
      return index.versions();
    }
  }

  @Test
  void anArticleUpdatedDuringTheRebuildEndsInTheNewIndexAtItsNewestVersion() throws Exception {
    IndexWorkerTest.put(cluster, 30);
    try (IndexWorker worker = worker()) { // opened before the rebuild, running beside it
      drain(worker);
      try (ClusterReindex rebuild = rebuild()) {
        rebuild.copy();
        update(1); // during the copy's window: the worker writes it to the old index, which searches see
        drain(worker);
        rebuild.swap();
        update(2); // after the swap: the worker writes to the new index
        drain(worker);
        rebuild.repair();
        assertEquals(new ClusterReindex.Counts(30, 1, 0), rebuild.counts());
      }
      assertEquals(List.of(alias + "-2"), OS.indicesOf(alias));
      Map<Long, Integer> indexed = indexed();
      assertEquals(30, indexed.size());
      assertEquals(2, indexed.get(1L), "the update made during the copy");
      assertEquals(2, indexed.get(2L), "the update made after the swap");
    }
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      assertEquals(store.versions(), indexed());
    }
  }

  @Test
  void searchesSeeEveryArticleWhileTheIndexIsRebuilt() throws Exception {
    IndexWorkerTest.put(cluster, 60);
    try (IndexWorker worker = worker()) {
      drain(worker);
    }
    AtomicBoolean done = new AtomicBoolean();
    Map<Long, Integer> totals = new ConcurrentHashMap<>(); // total seen → how many searches saw it
    Future<?> searching = Executors.newSingleThreadExecutor().submit(() -> {
      try (OpenSearchIndex index = index()) {
        while (!done.get()) {
          totals.merge(index.search(SearchQuery.of("cantiere")).total(), 1, Integer::sum);
        }
      }
      return null;
    });
    try (ClusterReindex rebuild = rebuild()) {
      assertEquals(new ClusterReindex.Counts(60, 0, 0), rebuild.run());
    }
    done.set(true);
    searching.get();
    assertEquals(Map.of(60L, totals.get(60L)), totals, "a search saw another total");
    assertTrue(totals.get(60L) > 1, "searches ran during the rebuild: " + totals);
    assertEquals(List.of(alias + "-2"), OS.indicesOf(alias));
  }

  @Test
  void theCommandRebuildsTheClustersIndex() throws Exception {
    Map<Long, Integer> stored = IndexWorkerTest.put(cluster, 5);
    OS.deleteIndices(OpenSearchIndex.ALIAS); // the command rebuilds the index under the alias lente
    Path file = java.nio.file.Files.writeString(dir.resolve("cluster.properties"), "postgres.url="
        + cluster.postgresUrl() + "\npostgres.user=" + PostgresServer.USER + "\nopensearch.url=" + OS.url() + "\n");
    Path log = dir.resolve("reindex.log");
    Process p = IndexWorkerTest.lente(log, "reindex", "--cluster", file.toString());
    assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES));
    String out = java.nio.file.Files.readString(log);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("reindexed 5 articles (0 written again after the swap)"), out);
    assertEquals(List.of(OpenSearchIndex.ALIAS + "-2"), OS.indicesOf(OpenSearchIndex.ALIAS));
    try (OpenSearchIndex index = OpenSearchIndex.open(OS.url(), OpenSearchIndex.ALIAS, LuceneIndex.SEARCH_BUDGET)) {
      assertEquals(stored, index.versions());
    }
  }

  @Test
  void aSecondRebuildAtTheSameTimeIsRefused() throws Exception {
    try (ClusterReindex first = rebuild()) {
      IOException e = assertThrows(IOException.class, this::rebuild);
      assertTrue(e.getMessage().contains("another lente reindex --cluster"), e.getMessage());
    }
    try (ClusterReindex again = rebuild()) { // the lock ends with the first
      assertEquals(new ClusterReindex.Counts(0, 0, 0), again.run());
    }
  }
}
