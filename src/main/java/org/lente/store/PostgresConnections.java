package org.lente.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * SQL written once for both engines, on the cluster's PostgreSQL database (created by
 * {@code lente migrate}, see {@link PostgresSchema}): the one class holding its connections, for the
 * article store, the accounts, the sources and the story tables, each with connections of its own. Two
 * connections, each with its own
 * prepared statements and used by one thread at a time, one for writes (and the reads that must see
 * them) and one for the other reads, so that a page is read while an article is written. Writes run
 * in READ COMMITTED transactions; several processes may write at once (each upsert waits for the
 * other's row). A transaction is the thread's while it runs: the work of every concern on these
 * connections called from it (an article's put, the story tables' writes, their reads) joins it and
 * commits or rolls back with it ({@link #transaction}), so that the cluster's writer keeps an
 * article, its stories and its Kafka offset together. Thread-safe.
 */
public final class PostgresConnections implements SqlConnections, AutoCloseable {

  /** A connection with its prepared statements, used under its lock. */
  private static final class Session {
    final Connection conn;
    final ReentrantLock lock = new ReentrantLock();
    final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Whether a transaction is open on {@link #conn}: work within it joins it. */
    boolean inTransaction;

    Session(Connection conn) {
      this.conn = conn;
    }
  }

  private final String url;
  private final Session writer;
  private final Session reader;

  /** The session this thread is using, while it runs work; {@link #statement} prepares on it. */
  private final ThreadLocal<Session> current = new ThreadLocal<>();

  private volatile boolean closed;

  private PostgresConnections(String url, Connection writer, Connection reader) {
    this.url = url;
    this.writer = new Session(writer);
    this.reader = new Session(reader);
  }

  /**
   * Connects twice to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresConnections connect(ClusterFile cluster) throws IOException {
    PostgresSchema.requireCurrent(cluster);
    Connection writer = null;
    try {
      writer = DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(), cluster.postgresPassword());
      Connection reader = DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(),
          cluster.postgresPassword());
      return new PostgresConnections(cluster.postgresUrl(), writer, reader);
    } catch (SQLException e) {
      IOException failure = new IOException("cannot connect to " + cluster.postgresUrl() + ": " + e.getMessage(), e);
      if (writer != null) {
        try {
          writer.close();
        } catch (SQLException c) {
          failure.addSuppressed(c);
        }
      }
      throw failure;
    }
  }

  @Override
  public <T> T reading(String what, Database.Work<T> work) throws IOException {
    return run(reader, what, c -> work.run());
  }

  @Override
  public <T> T read(String what, SqlWork<T> work) throws IOException {
    return run(reader, what, work);
  }

  @Override
  public <T> T locked(String what, Database.Work<T> work) throws IOException {
    return run(writer, what, c -> work.run());
  }

  @Override
  public <T> T writing(String what, Database.Work<T> work) throws IOException {
    return writeDerived(what, c -> work.run());
  }

  /** {@inheritDoc} A READ COMMITTED transaction, as {@link #writing}. */
  @Override
  public <T> T writeDerived(String what, SqlWork<T> work) throws IOException {
    return transaction(what, work);
  }

  /**
   * Runs {@code work} in one READ COMMITTED transaction on the write connection, handing it the
   * connection (which the work neither commits, nor rolls back, nor closes): committed when it
   * returns, rolled back when it throws. What runs on these connections from {@code work} on this
   * thread (puts of the article store, writes and reads of the story tables, a nested
   * {@code transaction}) joins this transaction: it sees its uncommitted rows and commits or rolls
   * back with it. An SQLException becomes an IOException saying what could not be done.
   */
  public <T> T transaction(String what, SqlWork<T> work) throws IOException {
    return run(writer, what, c -> inTransaction(c, Connection.TRANSACTION_READ_COMMITTED, work));
  }

  /** {@inheritDoc} A REPEATABLE READ transaction (or, within a transaction, that one). */
  @Override
  public <T> T snapshot(String what, Database.Work<T> work) throws IOException {
    return run(reader, what, c -> inTransaction(c, Connection.TRANSACTION_REPEATABLE_READ, x -> work.run()));
  }

  /**
   * Runs {@code work} in a transaction of {@code isolation} on the session this thread uses: committed,
   * or rolled back when it throws; within a transaction already open there, it joins that one (the
   * outer transaction commits or rolls back).
   */
  private <T> T inTransaction(Connection conn, int isolation, SqlWork<T> work) throws SQLException, IOException {
    Session session = current.get();
    if (session.inTransaction) {
      return work.run(conn);
    }
    session.inTransaction = true;
    try {
      return inNewTransaction(conn, isolation, work);
    } finally {
      session.inTransaction = false;
    }
  }

  /** Runs {@code work} in a new transaction of {@code isolation} on {@code conn}: committed, or rolled back when it throws. */
  private static <T> T inNewTransaction(Connection conn, int isolation, SqlWork<T> work) throws SQLException, IOException {
    conn.setAutoCommit(false);
    conn.setTransactionIsolation(isolation);
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
      conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  /**
   * Runs {@code work} on {@code session}'s connection under its lock; work within work keeps the
   * session it runs on. An SQLException becomes an IOException saying what could not be done.
   */
  private <T> T run(Session session, String what, SqlWork<T> work) throws IOException {
    Session outer = current.get();
    Session using = outer != null ? outer : session;
    using.lock.lock();
    current.set(using);
    try {
      if (closed) {
        throw new IllegalStateException("store closed: " + url);
      }
      return work.run(using.conn);
    } catch (SQLException e) {
      throw new IOException(url + ": cannot " + what + ": " + e.getMessage(), e);
    } finally {
      if (outer == null) {
        current.remove();
      }
      using.lock.unlock();
    }
  }

  @Override
  public PreparedStatement statement(String sql) throws SQLException {
    Session session = current.get();
    if (session == null) {
      throw new IllegalStateException("a statement outside a read or a write: " + sql);
    }
    PreparedStatement st = session.statements.get(sql);
    if (st == null) {
      st = session.conn.prepareStatement(sql);
      session.statements.put(sql, st);
    }
    return st;
  }

  @Override
  public String contains(String column) {
    return "strpos(" + column + ", ?) > 0";
  }

  /** {@inheritDoc} By the schema's indexes on {@code lower(column)}. */
  @Override
  public String equalsAnyCase(String column) {
    return "lower(" + column + ") = lower(?)";
  }

  @Override
  public String inIdList(String column) {
    return column + " = ANY (CAST(? AS BIGINT[]))";
  }

  /** {@inheritDoc} An array literal, "{1,2,3}". */
  @Override
  public String idList(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
  }

  @Override
  public String descNullsLast() {
    return " NULLS LAST";
  }

  @Override
  public String byDayIndex() {
    return "";
  }

  /** Closes both connections, waiting for the work running on them; later calls do nothing. */
  @Override
  public void close() throws IOException {
    SQLException first = null;
    for (Session s : List.of(writer, reader)) {
      s.lock.lock();
      try {
        closed = true;
        s.statements.clear();
        s.conn.close(); // closes its statements
      } catch (SQLException e) {
        first = first == null ? e : first;
      } finally {
        s.lock.unlock();
      }
    }
    if (first != null) {
      throw new IOException(url + ": cannot close: " + first.getMessage(), first);
    }
  }
}
