package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where a concern written once in SQL for both engines ({@link SqlAccounts}, {@link SqlSources}) runs
 * its statements: the embedded {@link Database} or the cluster's {@link PostgresConnection}. The
 * concern gives the work; the runner gives the connection, the transaction and the lock. Thread-safe.
 */
abstract sealed class SqlRunner permits Database, PostgresConnection {

  SqlRunner() {
  }

  /** Runs {@code work} as a read; an SQLException becomes an IOException saying what could not be done. */
  abstract <T> T reading(String what, Database.Work<T> work) throws IOException;

  /**
   * Runs {@code work} in one write transaction: committed, or rolled back when it throws; an
   * SQLException becomes an IOException saying what could not be done.
   */
  abstract <T> T writing(String what, Database.Work<T> work) throws IOException;

  /** A prepared statement for {@code sql} on the connection of the read or write running on this thread. */
  abstract PreparedStatement statement(String sql) throws SQLException;
}
