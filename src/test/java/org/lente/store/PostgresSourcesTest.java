package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Sources sources = open(); Connection other = connect(); Statement st = other.createStatement()) {
      other.setAutoCommit(false);
      st.executeUpdate("INSERT INTO polled_sources (kind, address, title, every_seconds, added_at) "
          + "VALUES ('feed', '" + FEED + "', 'theirs', 900, '" + T + "')");
      Future<Source> mine = pool.submit(() -> sources.add(Source.Kind.FEED, FEED, "mine", QUARTER, T));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!mine.isDone() && !waitingForALock() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      other.commit();

      ExecutionException e = assertThrows(ExecutionException.class, () -> mine.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof IllegalArgumentException, e.getCause().toString());
      assertEquals("theirs", sources.byAddress(FEED).orElseThrow().title());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Whether a connection to the test's database waits for a lock. */
  private boolean waitingForALock() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            + "AND wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedSayingToMigrate() throws Exception {
    ClusterFile empty = new ClusterFile(dir.resolve("cluster.properties"), PG.newDatabase(), PostgresServer.USER, null);
    IOException e = assertThrows(IOException.class, () -> PostgresSources.connect(empty));
    assertTrue(e.getMessage().contains("lente migrate"), e.getMessage());
  }
}
