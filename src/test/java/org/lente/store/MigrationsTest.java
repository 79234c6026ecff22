package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  @TempDir
  Path dir;

  private List<String> rows(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }

  @Test
  void scriptsAreNumberedInOrder() {
    for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
      assertTrue(Migrations.SCRIPTS.get(i).startsWith("V" + (i + 1) + "__"), Migrations.SCRIPTS.get(i));
    }
  }

  @Test
  void aNewDatabaseGetsEveryScriptOnce() throws Exception {
    SqliteStore.open(dir).close();
    assertEquals(Migrations.SCRIPTS, rows("SELECT script FROM schema_version ORDER BY version"));
  }

  @Test
  void reopeningAppliesNothingAgain() throws Exception {
    SqliteStore.open(dir).close();
    List<String> applied = rows("SELECT version || ' ' || script || ' ' || applied_at FROM schema_version");
    SqliteStore.open(dir).close();
    assertEquals(applied, rows("SELECT version || ' ' || script || ' ' || applied_at FROM schema_version"));
  }

  @Test
  void theDatabaseIsInWalMode() throws Exception {
    SqliteStore.open(dir).close();
    assertEquals(List.of("wal"), rows("PRAGMA journal_mode"));
  }

  @Test
  void aDatabaseFromANewerLenteIsRefusedAndLeftAlone() throws Exception {
    SqliteStore.open(dir).close();
    int future = Migrations.latest() + 1;
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = db.createStatement()) {
      st.executeUpdate("INSERT INTO schema_version VALUES (" + future + ", 'V" + future + "__future.sql', 'now')");
    }
    NewerSchemaException e = assertThrows(NewerSchemaException.class, () -> SqliteStore.open(dir));
    assertEquals(future, e.found());
    assertEquals(Migrations.latest(), e.known());
    assertEquals(List.of(String.valueOf(future)), rows("SELECT max(version) FROM schema_version"));
  }

  @Test
  void aFileThatIsNotADatabaseIsAnIoException() throws IOException {
    java.nio.file.Files.writeString(dir.resolve(SqliteStore.FILE), "not a database, just text ".repeat(100));
    assertThrows(IOException.class, () -> SqliteStore.open(dir));
  }
}
