package org.lente.store;

import java.io.IOException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link Accounts}: tables {@code users}, {@code api_tokens} and {@code sessions} of the
 * shared PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), on a
 * {@link PostgresConnections} of its own ({@link #connect}) or shared with the other stores of a process
 * ({@link #on}). Several processes may use the same database at once: each
 * write is one transaction, and a session is recorded only against the user's row as committed
 * ({@link #lockingUser}). Thread-safe.
 */
public final class PostgresAccounts extends SqlAccounts implements AutoCloseable {

  private final PostgresConnections db;

  /** Whether {@link #close} closes {@link #db}: connected here rather than shared. */
  private final boolean owned;

  private PostgresAccounts(PostgresConnections db, boolean owned) {
    super(db);
    this.db = db;
    this.owned = owned;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresAccounts connect(ClusterFile cluster) throws IOException {
    return new PostgresAccounts(PostgresConnections.connect(cluster), true);
  }

  /** The accounts on {@code db}, open connections that the caller closes ({@link #close} leaves them open). */
  public static PostgresAccounts on(PostgresConnections db) {
    return new PostgresAccounts(java.util.Objects.requireNonNull(db, "db"), false);
  }

  @Override
  String lockingUser() {
    return " FOR SHARE";
  }

  /**
   * Closes the connections when they were opened by {@link #connect} (later calls do nothing; other methods then
   * throw IllegalStateException); leaves shared ones ({@link #on}) open.
   */
  @Override
  public void close() throws IOException {
    if (owned) {
      db.close();
    }
  }
}
