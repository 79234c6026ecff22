package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the embedded reader meets: a database of an older schema brought up to date. The reader's
 * other queries are {@link ArticleStoreContract.Reads}, run on both engines.
 */
class SqliteStoreReadTest {

  @TempDir
  Path dir;

  private SqliteStore store;

  @BeforeEach
  void open() throws IOException {
    store = SqliteStore.open(dir);
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private static String url(int n) {
    return ArticleStoreContract.Reads.url(n);
  }

  /** A database of schema version 1 with rows in it gets its aggregates when opened by this version. */
  @Test
  void migratingFromVersionOneBackfillsTheAggregates() throws Exception {
    store.close();
    Path old = dir.resolve("v1");
    java.nio.file.Files.createDirectories(old);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + old.resolve(SqliteStore.FILE));
        Statement st = db.createStatement()) {
      st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, "
          + "applied_at TEXT NOT NULL)");
      try (InputStream in = Migrations.class.getResourceAsStream("V1__articles.sql")) {
        st.executeUpdate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      st.executeUpdate("INSERT INTO schema_version VALUES (1, 'V1__articles.sql', '2026-11-01T00:00:00Z')");
      st.executeUpdate("INSERT INTO sources (id, host, site) VALUES (1, 'giornale.it', 'Il Giornale')");
      String json = AnalysisJson.write(Fixtures.article(url(1), "Roma e Siria.").bio("Anna scrive.").build());
      for (int id = 1; id <= 3; id++) {
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO articles (id, key, content_hash, version, "
            + "stored_at, published, language, title, source, source_id, analysis) VALUES (?, ?, ?, 1, "
            + "'2026-11-01T00:00:00Z', ?, 'it', ?, ?, 1, ?)")) {
          ins.setInt(1, id);
          ins.setString(2, url(id));
          ins.setString(3, "hash" + id);
          ins.setString(4, "2024-06-0" + id + "T08:00:00Z");
          ins.setString(5, "Articolo " + id);
          ins.setString(6, url(id));
          ins.setString(7, json);
          ins.executeUpdate();
        }
        st.executeUpdate("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text) VALUES (" + id
            + ", 1, 0, 4, 'Roma')");
        if (id > 1) {
          st.executeUpdate("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text, role) VALUES ("
              + id + ", 2, 7, 12, 'Siria', 'paese')");
        }
      }
      st.executeUpdate("INSERT INTO entities (id, type, canonical, language, canonical_words) VALUES "
          + "(1, 'LOC', 'Roma', 'it', ' roma '), (2, 'LOC', 'Siria', 'it', ' siria ')");
      st.executeUpdate("INSERT INTO authors (id, name) VALUES (1, 'Anna Rossi')");
      st.executeUpdate("INSERT INTO article_authors VALUES (3, 1, 0)");
    }
    try (SqliteStore migrated = SqliteStore.open(old)) {
      EntityProfile siria = migrated.entity("Siria").orElseThrow();
      assertEquals(2, siria.articles());
      assertEquals(Map.of("2024-06-02", 1L, "2024-06-03", 1L), siria.mentionsPerDay());
      assertEquals(List.of(new EntityProfile.Role("paese", 2, "2024-06-02", "2024-06-03")), siria.roles());
      assertEquals("Roma", siria.cooccurring().get(0).name());
      assertEquals(List.of(3L, 2L), migrated.articles(ArticleFilter.ALL.withEntity(siria.id()), null, 10).items()
          .stream().map(ArticleSummary::id).toList());
      assertEquals(3, migrated.source(1).orElseThrow().articles());
      AuthorProfile anna = migrated.author(1).orElseThrow();
      assertEquals(1, anna.articles());
      assertEquals("Anna scrive.", anna.bio());
      assertEquals(List.of("Roma", "Siria"), migrated.trending(30, 10).stream().map(EntityRef::name).toList());
    }
    store = SqliteStore.open(dir);
  }
}
