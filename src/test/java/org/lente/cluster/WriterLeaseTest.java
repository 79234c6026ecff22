package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer's lease and its applied offsets on a real PostgreSQL server. */
class WriterLeaseTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  private static final Duration LONG = Duration.ofMinutes(5);

  private String url;

  @BeforeEach
  void database() throws Exception {
    url = PG.newMigratedDatabase();
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE applied (what TEXT)"); // stands for what a record changes
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, PostgresServer.USER, null);
  }

  private Connection transaction() throws SQLException {
    Connection c = connect();
    c.setAutoCommit(false);
    return c;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void insert(Connection tx, String what) throws SQLException {
    try (Statement st = tx.createStatement()) {
      st.executeUpdate("INSERT INTO applied VALUES ('" + what + "')");
    }
  }

  @Test
  void aLiveLeaseIsNotTakenByAnother() throws Exception {
    try (Connection c = connect()) {
      WriterLease a = WriterLease.acquire(c, "writer", "a", LONG).orElseThrow();
      assertEquals(Optional.empty(), WriterLease.acquire(c, "writer", "b", LONG));
      assertEquals(1, a.epoch());
    }
  }

  @Test
  void aStaleWritersCommitIsRefused() throws Exception {
    WriterLease stale;
    WriterLease fresh;
    try (Connection c = connect()) {
      stale = WriterLease.acquire(c, "writer", "a", Duration.ofMillis(1)).orElseThrow();
      Thread.sleep(20); // a stalls past its lease
      fresh = WriterLease.acquire(c, "writer", "b", LONG).orElseThrow();
    }
    assertEquals(stale.epoch() + 1, fresh.epoch());
    try (Connection tx = transaction()) {
      insert(tx, "from a");
      WriterLease.LostException e = assertThrows(WriterLease.LostException.class, () -> stale.check(tx));
      assertTrue(e.getMessage().contains("now held by b with epoch " + fresh.epoch()), e.getMessage());
      tx.rollback();
    }
    try (Connection tx = transaction()) {
      insert(tx, "from b");
      fresh.check(tx);
      tx.commit();
    }
    assertEquals(1, count("SELECT count(*) FROM applied"));
    assertEquals(1, count("SELECT count(*) FROM applied WHERE what = 'from b'"));
  }

  @Test
  void aTakeoverWaitsForTheCheckedTransactionAndThenFencesIt() throws Exception {
    WriterLease a;
    try (Connection c = connect()) {
      a = WriterLease.acquire(c, "writer", "a", Duration.ofMillis(1)).orElseThrow();
    }
    Thread.sleep(20);
    try (Connection tx = transaction()) {
      insert(tx, "first");
      a.check(tx); // renews and locks the row until this transaction ends
      CompletableFuture<Optional<WriterLease>> takeover = CompletableFuture.supplyAsync(() -> {
        try (Connection c = connect()) {
          return WriterLease.acquire(c, "writer", "b", LONG);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(300);
      assertTrue(!takeover.isDone(), "the takeover waits for a's open transaction");
      tx.commit(); // a's transaction, checked before the takeover, is valid
      assertEquals(a.epoch() + 1, takeover.get(30, TimeUnit.SECONDS).orElseThrow().epoch());
    }
    try (Connection tx = transaction()) {
      insert(tx, "second");
      assertThrows(WriterLease.LostException.class, () -> a.check(tx));
      tx.rollback();
    }
    assertEquals(1, count("SELECT count(*) FROM applied"));
    assertEquals(1, count("SELECT count(*) FROM applied WHERE what = 'first'"));
  }

  @Test
  void anOffsetAndItsDataCommitOrRollBackTogether() throws Exception {
    try (Connection c = connect()) {
      WriterLease lease = WriterLease.acquire(c, "writer", "a", LONG).orElseThrow();
      try (Connection tx = transaction()) {
        insert(tx, "record 0");
        AppliedOffsets.record(tx, "lente.analysed", 0, 1);
        lease.check(tx);
        tx.rollback(); // as a crash before the commit
      }
      assertEquals(Map.of(), AppliedOffsets.read(c, "lente.analysed"));
      assertEquals(0, count("SELECT count(*) FROM applied"));
      try (Connection tx = transaction()) {
        insert(tx, "record 0");
        AppliedOffsets.record(tx, "lente.analysed", 0, 1);
        lease.check(tx);
        tx.commit();
      }
      assertEquals(Map.of(0, 1L), AppliedOffsets.read(c, "lente.analysed"), "where a restarted writer seeks");
      assertEquals(1, count("SELECT count(*) FROM applied"));
    }
  }

  @Test
  void anOffsetNeverGoesBack() throws Exception {
    try (Connection tx = transaction()) {
      AppliedOffsets.record(tx, "lente.analysed", 0, 7);
      AppliedOffsets.record(tx, "lente.analysed", 0, 7);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> AppliedOffsets.record(tx, "lente.analysed", 0, 5));
      assertTrue(e.getMessage().contains("the stored one is past it (7)"), e.getMessage());
    }
  }
}
