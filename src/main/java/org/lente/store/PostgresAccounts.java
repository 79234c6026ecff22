package org.lente.store;

import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link Accounts}: tables {@code users}, {@code api_tokens} and {@code sessions} of the
 * shared PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), on a
 * {@link PostgresConnections} it is given ({@link #on}), which whoever opened them closes. Several processes
 * may use the same database at once: each write is one transaction, and a session is recorded only against the user's row as committed
 * ({@link #lockingUser}). Thread-safe.
 */
public final class PostgresAccounts extends SqlAccounts implements AutoCloseable {

  private PostgresAccounts(PostgresConnections db) {
    super(db);
  }

  /** The accounts on {@code db}: open connections ({@link PostgresConnections#connect}) that the caller closes. */
  public static PostgresAccounts on(PostgresConnections db) {
    return new PostgresAccounts(java.util.Objects.requireNonNull(db, "db"));
  }

  @Override
  String lockingUser() {
    return " FOR SHARE";
  }

  /** Does nothing: the connections are the caller's, who opened them ({@link #on}). */
  @Override
  public void close() {}
}
