package org.lente.story;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.lente.store.SqliteStore;
import org.sqlite.SQLiteConfig;

/**
 * The embedded {@link StoryStore}: the story tables of the knowledge base's {@code lente.db} (schema
 * scripts {@code V3__stories.sql}, {@code V9__anchor_postings.sql}, {@code V11__story_ids.sql},
 * applied by {@link SqliteStore#open}), on a connection of its own. WAL mode with
 * {@code synchronous=NORMAL}: these tables are derived from the articles, so a power loss that drops
 * the last commits loses nothing that cannot be recomputed.
 */
public final class SqliteStoryStore extends SqlStoryStore {

  private SqliteStoryStore(Connection conn) {
    super(conn);
  }

  /** Opens the story tables of the knowledge base in {@code dir}, creating or upgrading its schema first. */
  public static SqliteStoryStore open(Path dir) throws IOException {
    SqliteStore.open(dir).close(); // applies the migrations, V3 included
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(SqliteStore.BUSY_TIMEOUT_MS);
    Path file = dir.resolve(SqliteStore.FILE);
    try {
      return new SqliteStoryStore(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    } catch (SQLException e) {
      throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the story tables of the knowledge base in {@code dir} for reading only, writing nothing
   * (see {@link SqliteStore#openReadOnly}); writes through it fail.
   */
  public static SqliteStoryStore openReadOnly(Path dir) throws IOException {
    Path file = dir.resolve(SqliteStore.FILE);
    try {
      return new SqliteStoryStore(SqliteStore.readOnlyConnection(file));
    } catch (SQLException e) {
      throw new IOException("cannot open " + file + " for reading: " + e.getMessage(), e);
    }
  }

  @Override
  String hasLanguage() {
    return "EXISTS (SELECT 1 FROM json_each(story, '$.languages') WHERE value = ?)";
  }

  @Override
  String hasArticles() {
    return "json_array_length(story, '$.articles') >= ?";
  }

  @Override
  String listed() {
    return "json_set(s.story, '$.timeline', json('[]'), '$.quotes', json('[]'))";
  }
}
