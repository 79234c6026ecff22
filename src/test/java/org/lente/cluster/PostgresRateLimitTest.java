package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.PostgresConnections;

/** The shared token buckets on a real PostgreSQL server. */
class PostgresRateLimitTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir Path dir;
  private ClusterFile cluster;

  @BeforeEach
  void database() throws Exception {
    cluster = new ClusterFile(dir.resolve("cluster.properties"), PG.newMigratedDatabase(), PostgresServer.USER, null);
  }

  @Test
  void aBucketEmptiesThenRefillsWithTime() throws Exception {
    try (PostgresConnections db = PostgresConnections.connect(cluster)) {
      PostgresRateLimit limit = new PostgresRateLimit(db, 120); // 2 a second
      for (int i = 0; i < 120; i++) {
        assertEquals(0, limit.take("198.51.100.1"), "take " + i);
      }
      assertEquals(1, limit.take("198.51.100.1"));
      assertEquals(0, limit.take("198.51.100.2")); // another client, its own bucket
      Thread.sleep(1_100);
      assertEquals(0, limit.take("198.51.100.1"));
    }
  }

  @Test
  void twoInstancesShareOneBucket() throws Exception {
    try (PostgresConnections a = PostgresConnections.connect(cluster);
        PostgresConnections b = PostgresConnections.connect(cluster)) {
      PostgresRateLimit onA = new PostgresRateLimit(a, 3);
      PostgresRateLimit onB = new PostgresRateLimit(b, 3);
      assertEquals(0, onA.take("198.51.100.1"));
      assertEquals(0, onB.take("198.51.100.1"));
      assertEquals(0, onA.take("198.51.100.1"));
      assertTrue(onB.take("198.51.100.1") >= 1);
    }
  }

  @Test
  void rowsUntouchedForLongArePruned() throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO rate_limits (client, tokens, at, allowed) VALUES "
          + "('192.0.2.1', 0, now() - interval '11 minutes', FALSE), ('192.0.2.2', 0, now() - interval '1 minute', TRUE)");
      try (PostgresConnections db = PostgresConnections.connect(cluster)) {
        new PostgresRateLimit(db, 10).take("192.0.2.3");
      }
      try (ResultSet rs = st.executeQuery("SELECT string_agg(client, ' ' ORDER BY client) FROM rate_limits")) {
        rs.next();
        assertEquals("192.0.2.2 192.0.2.3", rs.getString(1));
      }
    }
  }
}
