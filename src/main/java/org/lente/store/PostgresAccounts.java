package org.lente.store;

import java.io.IOException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link Accounts}: tables {@code users}, {@code api_tokens} and {@code sessions} of the
 * shared PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), on
 * connections of their own ({@link PostgresConnections}: reads on one, each write one transaction on
 * the other). Several processes may use the same database at once: a session is recorded only
 * against the user's row as committed ({@link #lockingUser}). Thread-safe.
 */
public final class PostgresAccounts extends SqlAccounts implements AutoCloseable {

  private final PostgresConnections connections;

  private PostgresAccounts(PostgresConnections connections) {
    super(connections);
    this.connections = connections;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresAccounts connect(ClusterFile cluster) throws IOException {
    PostgresSchema.requireCurrent(cluster);
    return new PostgresAccounts(PostgresConnections.connect(cluster));
  }

  @Override
  String lockingUser() {
    return " FOR SHARE";
  }

  /** Closes the connections; later calls do nothing. Other methods then throw IllegalStateException. */
  @Override
  public void close() throws IOException {
    connections.close();
  }
}
