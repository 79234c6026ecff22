package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;
import org.lente.ingest.source.Source;

/** The sources contract on a real PostgreSQL server, a new database per test; and what only several writers meet. */
class PostgresSourcesTest extends SourcesContract {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir
  Path dir;

  private ClusterFile cluster;

  @BeforeEach
  void database() throws Exception {
    cluster = PG.newMigratedCluster(dir);
  }

  @Override
  Sources open() throws Exception {
    return PostgresSources.connect(cluster);
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
  }

  /**
   * Another server adds the same address while this one adds it (its insert not yet committed, so
   * this one's check does not see it): this one waits for it and is told the address is taken.
   */
  @Test
  void anAddressAddedByAnotherServerAtTheSameTimeIsRefused() throws Exception {
    try (Sources sources = open()) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> OtherTransaction.during(cluster, List.of(
          "INSERT INTO polled_sources (kind, address, title, every_seconds, added_at) VALUES ('feed', '" + FEED
              + "', 'theirs', 900, '" + T + "')"),
          () -> sources.add(Source.Kind.FEED, FEED, "mine", QUARTER, T)));

      assertTrue(e.getCause() instanceof IllegalArgumentException, e.getCause().toString());
      assertEquals("theirs", sources.byAddress(FEED).orElseThrow().title());
    }
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedSayingToMigrate() throws Exception {
    ClusterFile empty = new ClusterFile(dir.resolve("cluster.properties"), PG.newDatabase(), PostgresServer.USER, null);
    IOException e = assertThrows(IOException.class, () -> PostgresSources.connect(empty));
    assertTrue(e.getMessage().contains("lente migrate"), e.getMessage());
  }
}
