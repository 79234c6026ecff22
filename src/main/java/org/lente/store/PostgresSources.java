package org.lente.store;

import java.io.IOException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link Sources}: tables {@code polled_sources} and {@code source_urls} of the shared
 * PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), on a
 * {@link PostgresConnections} of its own (a write and a read connection). Several processes may use the same database at once: each
 * change is one transaction, an address added by two at once is refused to the second, and a poll's
 * count is an increment. Thread-safe.
 */
public final class PostgresSources extends SqlSources {

  private final PostgresConnections db;

  private PostgresSources(PostgresConnections db) {
    super(db);
    this.db = db;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresSources connect(ClusterFile cluster) throws IOException {
    return new PostgresSources(PostgresConnections.connect(cluster));
  }

  /** Closes the connection; later calls do nothing. Other methods then throw IllegalStateException. */
  @Override
  public void close() throws IOException {
    db.close();
  }
}
