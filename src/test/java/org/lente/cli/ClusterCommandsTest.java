package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.PostgresServer;

/** {@code lente migrate --cluster FILE} and {@code lente export --to-cluster FILE} against a real PostgreSQL server. */
class ClusterCommandsTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir Path dir;

  @Test
  void migrateCreatesTheSchemaThenFindsItUpToDate() throws Exception {
    Path file = PG.clusterFile(dir, PG.newDatabase());
    CliRun first = CliRun.of("migrate", "--cluster", file.toString());
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().strip().matches("schema at version \\d+(\\.\\d+)? \\(was empty; \\d+ scripts? applied\\)"),
        first.out());
    CliRun second = CliRun.of("migrate", "--cluster", file.toString());
    assertEquals(0, second.code(), second.err());
    assertEquals(first.out().strip().replaceFirst(" \\(.*", ": up to date"), second.out().strip());
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

  @Test
  void exportCopiesAFolderIntoAMigratedDatabase() throws Exception {
    Path data = Files.createDirectories(dir.resolve("kb"));
    Files.writeString(dir.resolve("a.txt"), "Tregua a Gaza\n\nHamas e Israele hanno firmato una tregua a Gaza.");
    CliRun ingest = CliRun.of("ingest", "--data", data.toString(), dir.resolve("a.txt").toString());
    assertEquals(0, ingest.code(), ingest.err());
    Path file = PG.clusterFile(dir, PG.newDatabase());
    assertEquals(0, CliRun.of("migrate", "--cluster", file.toString()).code());
    CliRun export = CliRun.of("export", "--data", data.toString(), "--to-cluster", file.toString());
    assertEquals(0, export.code(), export.err());
    assertTrue(export.out().contains("articles             1"), export.out());
    CliRun again = CliRun.of("export", "--data", data.toString(), "--to-cluster", file.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already holds data"), again.err());
  }

  @Test
  void exportOfAFolderWithoutAKnowledgeBaseIsRefused() throws Exception {
    Path file = PG.clusterFile(dir, PG.newDatabase());
    CliRun run = CliRun.of("export", "--data", dir.resolve("empty").toString(), "--to-cluster", file.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("no knowledge base in"), run.err());
  }
}
