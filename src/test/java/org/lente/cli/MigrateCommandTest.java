package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.PostgresServer;

/** {@code lente migrate --cluster FILE} against a real PostgreSQL server. */
class MigrateCommandTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir Path dir;

  @Test
  void migrateCreatesTheSchemaThenFindsItUpToDate() throws Exception {
    Path file = PG.clusterFile(dir, PG.newDatabase());
    CliRun first = CliRun.of("migrate", "--cluster", file.toString());
    assertEquals(0, first.code(), first.err());
    assertEquals("schema at version 11 (was empty; 1 script applied)", first.out().strip());
    CliRun second = CliRun.of("migrate", "--cluster", file.toString());
    assertEquals(0, second.code(), second.err());
    assertEquals("schema at version 11: up to date", second.out().strip());
  }

  @Test
  void aMisspeltKeyIsABadClusterFile() throws Exception {
    Path file = Files.writeString(dir.resolve("cluster.properties"),
        "postgres.url=" + PG.url("x") + "\npostgres.usr=test\n");
    CliRun run = CliRun.of("migrate", "--cluster", file.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("unknown keys [postgres.usr]"), run.err());
  }

  @Test
  void aMissingDatabaseIsAFailureThatNamesIt() throws Exception {
    Path file = PG.clusterFile(dir, PG.url("no_such_database"));
    CliRun run = CliRun.of("migrate", "--cluster", file.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("no_such_database"), run.err());
  }
}
