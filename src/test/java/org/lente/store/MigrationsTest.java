package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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

  /**
   * A database of the schema before snippets, with more articles than one batch of the fill, gets
   * each article's snippet and its language as a code when a writing Lente opens it.
   */
  @Test
  void openingADatabaseOfTheSchemaBeforeSnippetsFillsThemIn() throws Exception {
    int before = Migrations.SCRIPTS.indexOf("V13__article_snippets.sql");
    int articles = Migrations.FILL_BATCH + 2;
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = db.createStatement()) {
      st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, "
          + "applied_at TEXT NOT NULL)");
      for (int v = 0; v < before; v++) {
        st.executeUpdate(Migrations.load(Migrations.SCRIPTS.get(v)));
        st.executeUpdate("INSERT INTO schema_version VALUES (" + (v + 1) + ", '" + Migrations.SCRIPTS.get(v)
            + "', '2026-12-01T00:00:00Z')");
      }
      db.setAutoCommit(false);
      try (PreparedStatement ins = db.prepareStatement("INSERT INTO articles (id, key, content_hash, version, "
          + "stored_at, published, language, title, source, url, analysis) VALUES (?, ?, ?, 1, "
          + "'2026-12-01T00:00:00Z', '2024-06-19', 'en-GB', 'A title', ?, ?, ?)")) {
        for (int id = 1; id <= articles; id++) {
          String url = "https://news.example.com/" + id;
          ins.setInt(1, id);
          ins.setString(2, url);
          ins.setString(3, "hash" + id);
          ins.setString(4, url);
          ins.setString(5, url);
          ins.setString(6, AnalysisJson.write(Fixtures.article(url,
              "The bridge over the river opens again, number " + id + ".").language("en-GB").build()));
          ins.addBatch();
        }
        ins.executeBatch();
      }
      db.commit();
    }
    try (SqliteStore store = SqliteStore.open(dir)) {
      List<ArticleSummary> first = store.articles(new ArticleFilter(null, null, null, "en", null, null), null, 100)
          .items();
      assertEquals(100, first.size());
      assertEquals("The bridge over the river opens again, number " + articles + ".", first.get(0).snippet());
      assertEquals("en", first.get(0).language());
    }
    assertEquals(List.of("0"), rows("SELECT count(*) FROM articles WHERE snippet IS NULL OR language <> 'en'"));
  }

  @Test
  void aFileThatIsNotADatabaseIsAnIoException() throws IOException {
    java.nio.file.Files.writeString(dir.resolve(SqliteStore.FILE), "not a database, just text ".repeat(100));
    assertThrows(IOException.class, () -> SqliteStore.open(dir));
  }
}
