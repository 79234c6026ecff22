package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;

/** Connections that PostgreSQL closes, on a real server: reopened, and work redone only when that is safe. */
class PostgresConnectionsTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir Path dir;

  private ClusterFile cluster;
  private PostgresConnections db;

  @BeforeEach
  void open() throws Exception {
    cluster = PG.newMigratedCluster(dir);
    db = PostgresConnections.connect(cluster);
    db.writing("make table notes", () -> db.statement("CREATE TABLE notes (body TEXT NOT NULL)").executeUpdate());
  }

  @AfterEach
  void close() throws IOException {
    db.close();
  }

  private long notes() throws IOException {
    return db.reading("count notes", () -> {
      try (ResultSet rs = db.statement("SELECT count(*) FROM notes").executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** The session of the work running on this thread. */
  private long backend() throws java.sql.SQLException {
    try (ResultSet rs = db.statement("SELECT pg_backend_pid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void insert(String body) throws java.sql.SQLException {
    var st = db.statement("INSERT INTO notes (body) VALUES (?)");
    st.setString(1, body);
    st.executeUpdate();
  }

  @Test
  void aReadRightAfterItsSessionWasTerminatedIsRedoneOnANewConnection() throws Exception {
    assertEquals(0, notes());
    assertEquals(2, PG.terminateSessions(cluster.postgresUrl()));
    assertEquals(0, notes()); // within CHECK_IDLE of the last read: the failure itself reconnects
  }

  @Test
  void workAfterAnIdleConnectionWasTerminatedFindsItClosedFirst() throws Exception {
    assertEquals(0, notes());
    PG.terminateSessions(cluster.postgresUrl());
    Thread.sleep(PostgresConnections.CHECK_IDLE.toMillis() + 200);
    // a write of locked is never redone: it succeeds only because the check reopened first
    assertEquals(1, db.locked("insert a note", () -> {
      insert("dopo la pausa");
      return 1;
    }));
    assertEquals(1, notes());
  }

  @Test
  void aTransactionLostBeforeItsCommitIsRedoneOnceAndCommitsOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    db.writing("insert a note", () -> {
      insert("prima");
      if (runs.incrementAndGet() == 1) {
        PG.terminate(backend());
        insert("seconda"); // fails: the session is gone, with the first insert
      }
      return null;
    });
    assertEquals(2, runs.get());
    assertEquals(1, notes());
  }

  @Test
  void aTransactionWhoseCommitWasSentOnALostConnectionIsNotRedone() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    IOException e = assertThrows(IOException.class, () -> db.writing("insert a note", () -> {
      runs.incrementAndGet();
      insert("forse");
      PG.terminate(backend()); // the commit that follows gets no answer
      return null;
    }));
    assertEquals(1, runs.get());
    assertTrue(PostgresConnections.connectionLost(e), e.toString());
    assertTrue(e.getMessage().contains("whether it committed is unknown"), e.getMessage());
    assertEquals(0, notes()); // the next work reconnects
  }

  /** Asserts that {@code work} failed once, on its lost connection, and was not run again. */
  private static void failedOnceOnItsLostConnection(AtomicInteger runs, org.junit.jupiter.api.function.Executable work) {
    IOException e = assertThrows(IOException.class, work);
    assertEquals(1, runs.get());
    assertTrue(PostgresConnections.connectionLost(e), e.toString());
  }

  @Test
  void aStatementOfLockedOnALostConnectionIsNotRedone() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    failedOnceOnItsLostConnection(runs, () -> db.locked("insert a note", () -> {
      runs.incrementAndGet();
      PG.terminate(backend());
      insert("una volta");
      return null;
    }));
    db.locked("insert a note", () -> {
      insert("di nuovo");
      return null;
    });
    assertEquals(1, notes());
  }

  @Test
  void aReadOfLockedRightAfterItsSessionWasTerminatedIsRedone() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    long pid = db.locked("find the session", this::backend);
    PG.terminate(pid);
    assertEquals(0L, db.locked("count notes", () -> {
      runs.incrementAndGet();
      try (ResultSet rs = db.statement("SELECT count(*) FROM notes").executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }));
    assertEquals(2, runs.get());
  }

  @Test
  void aTransactionOfTheCallerIsLeftToItWhenItsConnectionIsLost() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    failedOnceOnItsLostConnection(runs, () -> db.transaction("insert a note", c -> {
      runs.incrementAndGet();
      PG.terminate(backend());
      insert("del chiamante");
      return null;
    }));
    db.transaction("insert a note", c -> {
      insert("poi");
      return null;
    });
    assertEquals(1, notes());
  }

  @Test
  void aFailureOfTheWorkItselfIsNeitherRedoneNorAReconnection() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    IOException e = assertThrows(IOException.class, () -> db.writing("insert nothing", () -> {
      runs.incrementAndGet();
      var st = db.statement("INSERT INTO notes (body) VALUES (NULL)");
      return st.executeUpdate();
    }));
    assertEquals(1, runs.get());
    assertTrue(!PostgresConnections.connectionLost(e), e.toString());
  }

  /**
   * A lookup planned for its values ({@link SqlConnections#planForValues}) is never prepared on the server, so never
   * given a generic plan, however often it runs; the same lookup without it is, after pgJDBC's five executions.
   */
  @Test
  void aStatementPlannedForItsValuesIsNeverPreparedOnTheServer() throws Exception {
    java.util.List<Long> prepared = db.read("run a lookup ten times, planned for its values and not", c -> {
      java.util.List<Long> out = new java.util.ArrayList<>();
      for (boolean forValues : new boolean[] {true, false}) {
        String sql = "SELECT count(*) FROM notes WHERE body = ? AND " + forValues + " = " + forValues;
        for (int i = 0; i < 10; i++) {
          try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            if (forValues) {
              db.planForValues(ps);
            }
            ps.setString(1, "note " + i);
            ps.executeQuery().close();
          }
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_prepared_statements "
            + "WHERE statement = ?")) {
          ps.setString(1, sql.replace("?", "$1"));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            out.add(rs.getLong(1));
          }
        }
      }
      return out;
    });
    assertEquals(java.util.List.of(0L, 1L), prepared);
  }
}
