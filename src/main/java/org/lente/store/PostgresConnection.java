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
 * One connection to the cluster's PostgreSQL database (created by {@code lente migrate}, see
 * {@link PostgresSchema}) with its prepared statements, used under a lock: what each of the cluster's
 * concerns ({@link PostgresAccounts}, {@link PostgresSources}, the story store) runs its SQL on. A
 * read runs in auto-commit, so each statement sees what was committed before it; a write is one
 * transaction, committed, or rolled back when it throws. Several processes may use the same database
 * at once. Thread-safe.
 */
public final class PostgresConnection extends SqlRunner implements AutoCloseable {

  private final String url;
  private final Connection conn;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;

  private PostgresConnection(String url, Connection conn) {
    this.url = url;
    this.conn = conn;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresConnection connect(ClusterFile cluster) throws IOException {
    PostgresSchema.requireCurrent(cluster);
    try {
      return new PostgresConnection(cluster.postgresUrl(),
          DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(), cluster.postgresPassword()));
    } catch (SQLException e) {
      throw new IOException("cannot connect to " + cluster.postgresUrl() + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} as a read, in auto-commit; an SQLException becomes an IOException saying what could not be done. */
  public <T> T read(String what, SqlWork<T> work) throws IOException {
    lock.lock();
    try {
      checkOpen();
      return work.run(conn);
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} in one transaction: committed, or rolled back when it throws; an SQLException
   * becomes an IOException saying what could not be done.
   */
  public <T> T write(String what, SqlWork<T> work) throws IOException {
    lock.lock();
    try {
      checkOpen();
      conn.setAutoCommit(false);
      try {
        T result = work.run(conn);
        conn.commit();
        return result;
      } catch (SQLException | IOException | RuntimeException e) {
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

  /** {@link #read} of work that runs its statements through {@link #statement}. */
  @Override
  <T> T reading(String what, Database.Work<T> work) throws IOException {
    return read(what, c -> work.run());
  }

  /** {@link #write} of work that runs its statements through {@link #statement}. */
  @Override
  <T> T writing(String what, Database.Work<T> work) throws IOException {
    return write(what, c -> work.run());
  }

  /** A prepared statement for {@code sql}, prepared once. Called within a read or a write (under the lock). */
  @Override
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null) {
      st = conn.prepareStatement(sql);
      statements.put(sql, st);
    }
    return st;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("connection closed: " + url);
    }
  }

  private IOException failure(String what, SQLException e) {
    return new IOException(url + ": cannot " + what + ": " + e.getMessage(), e);
  }

  /** Closes the connection; later calls do nothing. Reads and writes then throw IllegalStateException. */
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
