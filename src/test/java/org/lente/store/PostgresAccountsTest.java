package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

/** The accounts contract on a real PostgreSQL server, a new database per test; and what only several writers meet. */
class PostgresAccountsTest extends AccountsContract<PostgresAccounts> {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir
  Path dir;

  private ClusterFile cluster;

  @BeforeEach
  void database() throws Exception {
    cluster = PG.newMigratedCluster(dir);
  }

  @Override
  PostgresAccounts open() throws Exception {
    return PostgresAccounts.connect(cluster);
  }

  /**
   * Another server changes the password (its transaction updates the row and ends the sessions, as
   * {@link Accounts#setPassword} does) while this one records a session checked against the old
   * password: the session waits for that transaction and is not recorded, so none outlives the change.
   */
  @Test
  void aSessionRecordedDuringAnotherServersPasswordChangeWaitsForItAndIsNotKept() throws Exception {
    try (PostgresAccounts a = open()) {
      a.addUser("anna", HASH);
      Accounts.User checked = a.user("anna").orElseThrow();
      boolean recorded = duringAnotherTransaction(List.of(
          "UPDATE users SET password = 'changed' WHERE id = " + checked.id(),
          "DELETE FROM sessions WHERE user_id = " + checked.id()),
          () -> a.putSession("s", checked, Instant.now().plus(Duration.ofHours(1))));
      assertFalse(recorded, "a session of the old password was recorded");
      assertEquals(Optional.empty(), a.sessionUser("s", Instant.now()));
    }
  }

  /** Two servers add the same name at once: the second is told the name is taken, as when it was taken before. */
  @Test
  void aNameAddedByAnotherServerAtTheSameTimeIsRefusedAsTaken() throws Exception {
    try (PostgresAccounts a = open()) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> duringAnotherTransaction(List.of(
          "INSERT INTO users (name, password, created_at) VALUES ('anna', 'theirs', 'now')"),
          () -> a.addUser("anna", HASH)));
      assertTrue(e.getCause() instanceof IllegalArgumentException, e.getCause().toString());
      assertEquals("theirs", a.user("anna").orElseThrow().passwordHash());
    }
  }

  /**
   * Runs {@code call} on another thread while a transaction on another connection has run
   * {@code sql}; commits that transaction once {@code call} waits for one of its locks (or has
   * returned), then returns what {@code call} returned.
   *
   * @throws ExecutionException when {@code call} threw
   */
  private <T> T duringAnotherTransaction(List<String> sql, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection other = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = other.createStatement()) {
      other.setAutoCommit(false);
      for (String s : sql) {
        st.executeUpdate(s);
      }
      Future<T> result = pool.submit(call);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!result.isDone() && !waitingForALock() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      other.commit();
      return result.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Whether a connection to the test's database waits for a row lock. */
  private boolean waitingForALock() throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            + "AND wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedSayingToMigrate() throws Exception {
    ClusterFile empty = new ClusterFile(dir.resolve("cluster.properties"), PG.newDatabase(), PostgresServer.USER, null);
    IOException e = assertThrows(IOException.class, () -> PostgresAccounts.connect(empty));
    assertTrue(e.getMessage().contains("lente migrate"), e.getMessage());
  }
}
