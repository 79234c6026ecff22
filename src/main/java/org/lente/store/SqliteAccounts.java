package org.lente.store;

/**
 * The embedded {@link Accounts}: tables {@code users}, {@code api_tokens} and {@code sessions} of the
 * store's file. Reads run on the store's read connections (checking a session or a token does not
 * wait for a write); writes take the store's write lock and {@code BEGIN IMMEDIATE}, so one writer at
 * a time, in this process and others.
 */
final class SqliteAccounts extends SqlAccounts {

  SqliteAccounts(Database db) {
    super(db.sql());
  }

  @Override
  String lockingUser() {
    return "";
  }
}
