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
import org.lente.nlp.ner.Entity;

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
    ClusterFile cluster = counted();
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
    assertEquals("1", calls(cluster, "query LIKE '%FROM articles%key = %'"));
  }

  /**
   * An article's entity rows and the knowledge-base entities they link to (one of them new, one there before, one name
   * given two types) are written in one statement, where the two tables' upserts were one each.
   */
  @Test
  void anArticlesEntityRowsAndTheirKnowledgeBaseEntitiesAreWrittenInOneStatement() throws Exception {
    ClusterFile cluster = counted();
    PostgresArticleStore store = PostgresArticleStore.on(PG.connections(cluster));
    store.put("https://www.example.org/a", Fixtures.article("https://www.example.org/a", "Grandina a Torino.")
        .entity("Torino", Entity.Type.LOC, "Torino").build());
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = db.createStatement()) {
      st.execute("SELECT pg_stat_statements_reset()");
    }
    store.put("https://www.example.org/b", Fixtures.article("https://www.example.org/b",
        "Il Torino gioca a Torino contro il Genoa.").entity("Torino", Entity.Type.ORG, "Torino")
        .entity("Torino", Entity.Type.LOC, "Torino", 10).entity("Genoa", Entity.Type.ORG, "Genoa").build());
    assertEquals("1", calls(cluster, "(query LIKE '%INTO kb_entities%' OR query LIKE '%INTO entities%')"));
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      assertEquals(List.of("Genoa|ORG|ORG", "Torino|LOC|LOC", "Torino|LOC|ORG"), ArticleStoreContract.rows(db,
          "SELECT k.name, k.type, e.type FROM entities e JOIN kb_entities k ON k.id = e.kb_id ORDER BY 1, 3"));
    }
  }

  /** A new migrated cluster whose server counts its statements from now ({@code pg_stat_statements} reset). */
  private ClusterFile counted() throws Exception {
    ClusterFile cluster = PG.newMigratedCluster(dir);
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = db.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      st.execute("SELECT pg_stat_statements_reset()");
    }
    return cluster;
  }

  /** The calls, counted since the reset, of the statements of the cluster's database matching {@code condition}. */
  private static String calls(ClusterFile cluster, String condition) throws Exception {
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      return ArticleStoreContract.rows(db, "SELECT sum(calls) FROM pg_stat_statements "
          + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND " + condition).get(0);
    }
  }
}
