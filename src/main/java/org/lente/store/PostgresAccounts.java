package org.lente.store;

import java.io.IOException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link Accounts}: tables {@code users}, {@code api_tokens} and {@code sessions} of the
 * shared PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), on a
 * {@link PostgresConnections} of its own (a write and a read connection). Several processes may use the same database at once: each
 * write is one transaction, and a session is recorded only against the user's row as committed
 * ({@link #lockingUser}). Thread-safe.
 */
public final class PostgresAccounts extends SqlAccounts implements AutoCloseable {

  private final PostgresConnections db;

  private PostgresAccounts(PostgresConnections db) {
    super(db);
    this.db = db;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresAccounts connect(ClusterFile cluster) throws IOException {
    return new PostgresAccounts(PostgresConnections.connect(cluster));
  }

  @Override
  String lockingUser() {
    return " FOR SHARE";
  }

  /** Closes the connection; later calls do nothing. Other methods then throw IllegalStateException. */
  @Override
  public void close() throws IOException {
    db.close();
  }
}
