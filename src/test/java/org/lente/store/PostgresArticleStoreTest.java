package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;

/** The article store's contract on a real PostgreSQL server, a new migrated database per test. */
class PostgresArticleStoreTest extends ArticleStoreContract<PostgresArticleStore> {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir
  Path dir;

  private ClusterFile cluster;

  @BeforeEach
  @Override
  void openStore() throws Exception {
    cluster = PG.newMigratedCluster(dir);
    super.openStore();
  }

  @Override
  PostgresArticleStore open() throws IOException {
    return PostgresArticleStore.connect(cluster);
  }

  @Override
  List<String> rows(String sql) throws Exception {
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      return rows(db, sql);
    }
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedSayingToMigrate() throws Exception {
    ClusterFile empty = new ClusterFile(dir.resolve("empty.properties"), PG.newDatabase(), PostgresServer.USER, null);
    IOException e = assertThrows(IOException.class, () -> PostgresArticleStore.connect(empty));
    assertTrue(e.getMessage().contains("lente migrate"), e.getMessage());
  }
}
