package org.lente.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.lente.nlp.Analysis;

/**
 * The schema's history: SQL scripts in this package's resources, applied in order, each once and
 * each in its own transaction together with its row in {@code schema_version}. Version n is the
 * n-th script, named {@code Vn__what.sql}. A script, once released, is never edited: a change to
 * the schema is a new script at the end of {@link #SCRIPTS}.
 */
final class Migrations {

  /** The scripts, oldest first. */
  static final List<String> SCRIPTS = List.of("V1__articles.sql", "V2__reader.sql", "V3__stories.sql",
      "V4__story_index.sql", "V5__sessions.sql", "V6__derived_from.sql",
      "V7__article_failures.sql", "V8__accounts.sql", "V9__anchor_postings.sql",
      "V10__resolver_names.sql", "V11__story_ids.sql", "V12__sources.sql", "V13__article_snippets.sql",
      "V14__source_urls.sql", "V15__anchor_languages.sql", "V16__unread_article_indexes.sql");

  private Migrations() {}

  /** The newest schema version this code knows. */
  static int latest() {
    return SCRIPTS.size();
  }

  /**
   * Brings the database on {@code conn} (in auto-commit mode) up to {@link #latest()}. Safe when
   * several processes open the same new database at once: each step re-reads the version inside a
   * write transaction.
   *
   * @throws NewerSchemaException when the database's version is above {@link #latest()}
   */
  static void apply(Connection conn, Path database) throws IOException, SQLException {
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
          + "script TEXT NOT NULL, applied_at TEXT NOT NULL)");
      while (true) {
        st.executeUpdate("BEGIN IMMEDIATE");
        try {
          int current = current(conn);
          if (current > latest()) {
            throw new NewerSchemaException(database, current, latest());
          }
          if (current == latest()) {
            st.executeUpdate("COMMIT");
            return;
          }
          String script = SCRIPTS.get(current);
          st.executeUpdate(load(script)); // sqlite3_exec: every statement of the script
          try (PreparedStatement ins = conn.prepareStatement(
              "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
            ins.setInt(1, current + 1);
            ins.setString(2, script);
            ins.setString(3, Instant.now().toString());
            ins.executeUpdate();
          }
          st.executeUpdate("COMMIT");
        } catch (IOException | SQLException | RuntimeException e) {
          try {
            st.executeUpdate("ROLLBACK");
          } catch (SQLException rollback) {
            e.addSuppressed(rollback);
          }
          throw e;
        }
      }
    }
  }

  /** The database's schema version: 0 for a new one. */
  static int current(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** How many rows a transaction of {@link #fillIn} fills. */
  static final int FILL_BATCH = 500;

  /**
   * Fills in the rows stored before schema version 13 (whose snippet is NULL): their snippet, and their
   * language as {@link org.lente.nlp.Analysis#textLanguage()} (earlier versions kept the tag as the page declared it,
   * "en-GB", which {@code ?lang=en} missed). In transactions of {@link #FILL_BATCH} rows, so that other
   * processes' writes go in between; a row is filled once, so a fill cut short by a crash goes on at the
   * next open. A row whose analysis cannot be read gets an empty snippet and keeps its language.
   *
   * <p>SQLite picks out of each stored analysis only what the rules read (the languages, the subtitle,
   * the first {@link ArticleSummary#SNIPPET_BLOCKS} blocks), which the rules then apply to; parsing
   * whole analyses took twice as long as the rest of an old store's migration.
   */
  static void fillIn(Connection conn) throws SQLException {
    StringBuilder parts = new StringBuilder("$.language', '$.article.language', '$.article.subtitle");
    for (int b = 0; b < ArticleSummary.SNIPPET_BLOCKS; b++) {
      parts.append("', '$.article.blocks[").append(b).append("].type', '$.article.blocks[").append(b).append("].text");
    }
    try (PreparedStatement select = conn.prepareStatement("SELECT id, CASE WHEN json_valid(analysis) THEN "
            + "json_extract(analysis, '" + parts + "') END FROM articles WHERE snippet IS NULL ORDER BY id LIMIT "
            + FILL_BATCH);
        PreparedStatement update = conn.prepareStatement("UPDATE articles SET snippet = ?, "
            + "language = coalesce(?, language) WHERE id = ? AND snippet IS NULL");
        Statement st = conn.createStatement()) {
      int filled;
      do {
        filled = 0;
        st.executeUpdate("BEGIN IMMEDIATE");
        try {
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              filled++;
              Analysis analysis = head(rs.getString(2));
              update.setString(1, analysis == null ? "" : ArticleWrites.snippetColumn(analysis.article()));
              update.setString(2, analysis == null ? null : analysis.textLanguage());
              update.setLong(3, rs.getLong(1));
              update.addBatch();
            }
          }
          update.executeBatch();
          st.executeUpdate("COMMIT");
        } catch (SQLException | RuntimeException e) {
          try {
            st.executeUpdate("ROLLBACK");
          } catch (SQLException rollback) {
            e.addSuppressed(rollback);
          }
          throw e;
        }
      } while (filled == FILL_BATCH);
    }
  }

  /**
   * An analysis holding only what {@link #fillIn} reads, from the JSON array {@code [language,
   * article language, subtitle, type, text, type, text, …]} it selects; null when the row's analysis
   * is not JSON (then {@code get()} names its problem when it is read). A block of a type this Lente
   * does not know is left out.
   */
  private static Analysis head(String json) {
    if (json == null) {
      return null;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode a = StoredJson.MAPPER.readTree(json);
      List<org.lente.extract.Block> blocks = new java.util.ArrayList<>();
      for (int i = 3; i + 1 < a.size(); i += 2) {
        String type = a.get(i).textValue();
        String text = a.get(i + 1).textValue();
        if (type != null && text != null
            && java.util.Arrays.stream(org.lente.extract.Block.Type.values()).anyMatch(t -> t.name().equals(type))) {
          blocks.add(new org.lente.extract.Block(org.lente.extract.Block.Type.valueOf(type), text));
        }
      }
      org.lente.extract.Article article = new org.lente.extract.Article("stored", null, null, a.get(2).textValue(),
          List.of(), null, null, List.of(), null, null, null, a.get(1).textValue(), blocks, null, List.of());
      return new Analysis(article, a.get(0).textValue(), null, List.of(), List.of(), List.of(), List.of(), List.of());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static String load(String script) throws IOException {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IOException("migration script missing from the classpath: org/lente/store/" + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
