package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
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
    return PostgresAccounts.on(PG.connections(cluster));
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

  private <T> T duringAnotherTransaction(List<String> sql, Callable<T> call) throws Exception {
    return OtherTransaction.during(cluster, sql, call);
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedSayingToMigrate() throws Exception {
    ClusterFile empty = new ClusterFile(dir.resolve("cluster.properties"), PG.newDatabase(), PostgresServer.USER, null);
    IOException e = assertThrows(IOException.class, () -> PostgresAccounts.on(PG.connections(empty)));
    assertTrue(e.getMessage().contains("lente migrate"), e.getMessage());
  }
}
