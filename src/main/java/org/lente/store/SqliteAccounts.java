package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The embedded {@link Accounts}: tables {@code users}, {@code api_tokens} and {@code sessions} of the
 * store's file. Reads run on the store's read connections (checking a session or a token does not
 * wait for a write); writes take the store's write lock and {@code BEGIN IMMEDIATE}, so one writer at
 * a time, in this process and others.
 */
final class SqliteAccounts extends SqlAccounts {

  private final Database db;

  SqliteAccounts(Database db) {
    this.db = db;
  }

  @Override
  <T> T reading(String what, Database.Work<T> work) throws IOException {
    return db.reading(what, work);
  }

  @Override
  <T> T writing(String what, Database.Work<T> work) throws IOException {
    return db.writing(what, work);
  }

  @Override
  PreparedStatement statement(String sql) throws SQLException {
    return db.statement(sql);
  }

  @Override
  String lockingUser() {
    return "";
  }
}
