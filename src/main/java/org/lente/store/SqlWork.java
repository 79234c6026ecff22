package org.lente.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQL run on the connection it is handed, by a concern whose tables live in the knowledge base's
 * database but whose code lives in another package (the story tables): see
 * {@link SqlConnections#read} and {@link SqlConnections#writeDerived}. The connection
 * is the caller's: the work neither commits, nor rolls back, nor closes it.
 */
@FunctionalInterface
public interface SqlWork<T> {

  /** Runs on {@code c}; an IOException is what the work's own parsing or writing of JSON threw. */
  T run(Connection c) throws SQLException, IOException;
}
