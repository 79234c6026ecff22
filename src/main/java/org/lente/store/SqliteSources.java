package org.lente.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded {@link Sources}: tables {@code polled_sources} (schema script {@code V12__sources.sql})
 * and {@code source_urls} (V14) of the knowledge base's {@code lente.db}, on the store's
 * {@link Database}. Reads run on its read connections (listing the sources does not wait for a
 * write); writes take its write lock and {@code BEGIN IMMEDIATE}, so one writer at a time, in this
 * process and others. The article URLs handled with an article stored are written by the store's
 * article writes ({@link SqlSources#write}).
 */
public final class SqliteSources extends SqlSources {

  private final Database db;

  /** Whether {@link #close} closes {@link #db}: opened here rather than shared. */
  private final boolean owned;

  private SqliteSources(Database db, boolean owned) {
    super(db.sql());
    this.db = db;
    this.owned = owned;
  }

  /**
   * The sources on {@code db}, an open database that the caller closes; {@link #close} leaves it open.
   * The folder's application ({@code org.lente.Lente}) runs them on the one database it opened.
   */
  public static SqliteSources on(Database db) {
    return new SqliteSources(db, false);
  }

  /** Opens the sources of the knowledge base in {@code dir} alone, creating or upgrading its schema first. */
  public static SqliteSources open(Path dir) throws IOException {
    return new SqliteSources(Database.open(dir), true);
  }

  /**
   * Opens the sources of the knowledge base in {@code dir} alone, for reading only, writing nothing
   * (see {@link Database#openReadOnly}); changes through it fail.
   */
  public static SqliteSources openReadOnly(Path dir) throws IOException {
    return new SqliteSources(Database.openReadOnly(dir), true);
  }

  /** Closes the database when it was opened here ({@link #open}, {@link #openReadOnly}); else nothing. */
  @Override
  public void close() throws IOException {
    if (owned) {
      db.close();
    }
  }
}
