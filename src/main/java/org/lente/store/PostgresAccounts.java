package org.lente.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link Accounts}: tables {@code users}, {@code api_tokens} and {@code sessions} of the
 * shared PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), on one
 * connection of its own with its prepared statements, used under a lock. Several processes may use
 * the same database at once: each write is one transaction, and a session is recorded only against
 * the user's row as committed ({@link #lockingUser}). Thread-safe.
 */
public final class PostgresAccounts extends SqlAccounts implements AutoCloseable {

  private final String url;
  private final Connection conn;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;

  private PostgresAccounts(String url, Connection conn) {
    this.url = url;
    this.conn = conn;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresAccounts connect(ClusterFile cluster) throws IOException {
    PostgresSchema.requireCurrent(cluster);
    try {
      return new PostgresAccounts(cluster.postgresUrl(),
          DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(), cluster.postgresPassword()));
    } catch (SQLException e) {
      throw new IOException("cannot connect to " + cluster.postgresUrl() + ": " + e.getMessage(), e);
    }
  }

  /** {@inheritDoc} Under the lock, in auto-commit: each statement sees what was committed before it. */
  @Override
  <T> T reading(String what, Database.Work<T> work) throws IOException {
    lock.lock();
    try {
      checkOpen();
      return work.run();
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  <T> T writing(String what, Database.Work<T> work) throws IOException {
    lock.lock();
    try {
      checkOpen();
      conn.setAutoCommit(false);
      try {
        T result = work.run();
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          conn.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /** {@inheritDoc} Prepared once per connection. Called under the lock. */
  @Override
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null) {
      st = conn.prepareStatement(sql);
      statements.put(sql, st);
    }
    return st;
  }

  @Override
  String lockingUser() {
    return " FOR SHARE";
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("accounts closed: " + url);
    }
  }

  private IOException failure(String what, SQLException e) {
    return new IOException(url + ": cannot " + what + ": " + e.getMessage(), e);
  }

  /** Closes the connection; later calls do nothing. Other methods then throw IllegalStateException. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        statements.clear();
        conn.close(); // closes its statements
      }
    } catch (SQLException e) {
      throw failure("close", e);
    } finally {
      lock.unlock();
    }
  }
}
