package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;
import org.lente.nlp.Analysis;

/**
 * The store's reads counted by PostgreSQL itself ({@code pg_stat_statements}, on a server that preloads it): reads
 * have no trigger to count them ({@code StatementCounts} counts writes).
 */
class PostgresRoundTripsTest {

  @RegisterExtension static final PostgresServer PG =
      new PostgresServer(List.of("shared_preload_libraries=pg_stat_statements"));

  @TempDir
  Path dir;

  /**
   * Four articles prepared ahead and put while writes are held (the cluster's writer) have their first lookups (the
   * article of the key, the first of the text) read in one statement, where puts one by one read one each.
   */
  @Test
  void heldPutsPreparedAheadReadTheirKeysAndTextsInOneStatement() throws Exception {
    ClusterFile cluster = PG.newMigratedCluster(dir);
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = db.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      st.execute("SELECT pg_stat_statements_reset()");
    }
    PostgresArticleStore store = PostgresArticleStore.on(PG.connections(cluster));
    store.holdWrites();
    List<Analysis> batch = List.of(Fixtures.plain("https://www.example.org/a", "Piove a Roma da tre giorni."),
        Fixtures.plain("https://www.example.net/b", "A Milano torna il sole."),
        Fixtures.plain("https://www.example.com/c", "Nevica sulle Alpi sopra i mille metri."),
        Fixtures.plain("https://www.example.it/d", "Vento forte in Sardegna per tutta la notte."));
    for (Analysis a : batch) {
      store.prepare(a.article().url(), a);
    }
    for (Analysis a : batch) {
      store.put(a.article().url(), a);
    }
    store.writeHeld();
    assertEquals(4, store.stats().articles());
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      assertEquals(List.of("1"), ArticleStoreContract.rows(db, "SELECT sum(calls) FROM pg_stat_statements "
          + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
          + "AND query LIKE '%FROM articles%key = %'"));
    }
  }
}
