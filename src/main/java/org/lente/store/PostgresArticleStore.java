package org.lente.store;

import java.io.IOException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link ArticleStore}: the article, resolver and reader tables of the shared
 * PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), with the same
 * SQL as the embedded store ({@link SqlArticleStore}) on connections of its own or shared
 * ({@link PostgresConnections}, {@link #on}). Each put is one transaction, or joins the caller's
 * ({@link PostgresConnections#transaction}). Several processes may read at once; the cluster has one
 * writer. Thread-safe.
 */
public final class PostgresArticleStore extends SqlArticleStore {

  private final PostgresConnections connections;
  /** Whether {@link #close} closes {@link #connections}: connected here rather than shared. */
  private final boolean owned;

  private PostgresArticleStore(PostgresConnections connections, boolean owned) {
    super(connections);
    this.connections = connections;
    this.owned = owned;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresArticleStore connect(ClusterFile cluster) throws IOException {
    return new PostgresArticleStore(PostgresConnections.connect(cluster), true);
  }

  /**
   * The article store on {@code connections}, open connections that the caller closes ({@link #close}
   * leaves them open): puts called within one of their {@link PostgresConnections#transaction
   * transactions} join it.
   */
  public static PostgresArticleStore on(PostgresConnections connections) {
    return new PostgresArticleStore(java.util.Objects.requireNonNull(connections, "connections"), false);
  }

  /** Closes the connections when connected here, waiting for the work running on them; later calls do nothing. */
  @Override
  public void close() throws IOException {
    if (owned) {
      connections.close();
    }
  }
}
