package org.lente.story;

import java.io.IOException;
import java.nio.file.Path;
import org.lente.store.Database;
import org.lente.store.SqliteStore;

/**
 * The embedded {@link StoryStore}: the story tables of the knowledge base's {@code lente.db} (schema
 * scripts {@code V3__stories.sql}, {@code V9__anchor_postings.sql}, {@code V11__story_ids.sql}), on the
 * store's {@link Database}: reads on its read connections (a reader's page does not wait for the
 * writer), writes under its write lock with {@code synchronous=NORMAL} ({@link org.lente.store.SqlConnections#writeDerived}):
 * these tables are derived from the articles, so a power loss that drops the last commits loses
 * nothing that cannot be recomputed.
 */
public final class SqliteStoryStore extends SqlStoryStore {

  private final Database db;

  /** Whether {@link #close} closes {@link #db}: opened here rather than shared. */
  private final boolean owned;

  private SqliteStoryStore(Database db, boolean owned) {
    super(db.sql());
    this.db = db;
    this.owned = owned;
  }

  /**
   * The story tables on {@code db}, an open database that the caller closes; {@link #close} leaves it
   * open. The folder's application ({@code org.lente.Lente}) runs them on the one database it opened.
   */
  public static SqliteStoryStore on(Database db) {
    return new SqliteStoryStore(db, false);
  }

  /** Opens the story tables of the knowledge base in {@code dir} alone, creating or upgrading its schema first. */
  public static SqliteStoryStore open(Path dir) throws IOException {
    return new SqliteStoryStore(Database.open(dir), true);
  }

  /**
   * Opens the story tables of the knowledge base in {@code dir} alone for reading only, writing
   * nothing (see {@link SqliteStore#openReadOnly}); writes through it fail.
   */
  public static SqliteStoryStore openReadOnly(Path dir) throws IOException {
    return new SqliteStoryStore(Database.openReadOnly(dir), true);
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

  /** Closes the database when it was opened here ({@link #open}, {@link #openReadOnly}); else nothing. */
  @Override
  public void close() throws IOException {
    if (owned) {
      db.close();
    }
  }
}
