package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article store's contract on a real SQLite file, and what only the embedded store does. */
class SqliteStoreTest extends ArticleStoreContract<SqliteStore> {

  @TempDir
  Path dir;

  @Override
  SqliteStore open() throws IOException {
    return SqliteStore.open(dir);
  }

  @Override
  List<String> rows(String sql) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE))) {
      return rows(db, sql);
    }
  }

  @Test
  void openCreatesTheFolderAndTheDatabase() throws IOException {
    Path nested = dir.resolve("a/b");
    try (SqliteStore other = SqliteStore.open(nested)) {
      assertEquals(nested.resolve(SqliteStore.FILE), other.file());
      assertTrue(Files.isRegularFile(other.file()));
    }
  }
}
