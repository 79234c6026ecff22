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
import java.util.stream.Stream;
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
 *
 * <p>A connection that PostgreSQL closed (a restart, {@code pg_terminate_backend}, an idle timeout, a
 * network cut) is reopened: before work on a connection idle for {@link #CHECK_IDLE} or more, which is
 * checked first ({@link Connection#isValid}), and after work that failed because the connection was lost
 * ({@link #connectionLost}: SQLSTATE class 08, or 57P01–57P03, the server shutting down or starting). Such
 * a failed piece of work is then run once more on the new connection only when running it twice cannot
 * do twice what it did: a read ({@link #reading}, {@link #read}, {@link #snapshot}), or a transaction of
 * {@link #writing} or {@link #writeDerived} that failed before its commit was sent (PostgreSQL rolled it
 * back with the session), or work of {@link #locked} that prepared only statements beginning with
 * {@code SELECT} (a read: Lente's SQL writes nothing from a SELECT). Never redone, and failed with an
 * IOException whose cause is the connection's SQLException: a transaction whose commit was sent and whose
 * answer was lost (it may have committed), work of {@link #locked} that prepared any other statement (each
 * committed as it runs, so it may have written before the answer was lost), and {@link #transaction}, whose
 * work may keep state outside the database that its caller must undo first (the cluster's writer forgets
 * what it holds in memory and seeks to the Kafka offset stored in its last committed transaction). Work
 * joined to an outer one is redone only with the outer one.
 */
public final class PostgresConnections implements SqlConnections, AutoCloseable {

  /** How long a connection may stay unused before work on it checks that it is still open. */
  static final java.time.Duration CHECK_IDLE = java.time.Duration.ofSeconds(1);

  /** How long that check waits for PostgreSQL's answer, in seconds. */
  private static final int CHECK_SECONDS = 5;

  private static final System.Logger LOG = System.getLogger(PostgresConnections.class.getName());

  /** Opens a new connection to the database. */
  @FunctionalInterface
  private interface Connector {
    Connection open() throws SQLException;
  }

  /** Whether failed work may be run again on a new connection, when its connection was lost. */
  private enum Redo {
    /** Reads only: always. */
    READ,
    /** A transaction: unless its commit was sent. */
    BEFORE_COMMIT,
    /** Statements committed as they run: when all the work prepared were SELECTs. */
    READS_ONLY,
    /** Never: the work may have committed, or holds state of its own. */
    NEVER
  }

  /** A connection with its prepared statements, used under its lock. */
  private static final class Session {
    final ReentrantLock lock = new ReentrantLock();
    final Map<String, PreparedStatement> statements = new HashMap<>();
    Connection conn;
    /** Whether a transaction is open on {@link #conn}: work within it joins it. */
    boolean inTransaction;
    /** Whether the running work sent a commit: after that, a failure leaves unknown whether it committed. */
    boolean commitSent;
    /** Whether the running work prepared a statement other than a SELECT. */
    boolean preparedWrite;
    /** Whether {@link #conn} was lost: the next work opens a new one. */
    boolean lost;
    /** When work last ended on {@link #conn}, by {@link System#nanoTime}. */
    long lastUsed = System.nanoTime();

    Session(Connection conn) {
      this.conn = conn;
    }
  }

  private final String url;
  private final Connector connector;
  private final Session writer;
  private final Session reader;

  /** The session this thread is using, while it runs work; {@link #statement} prepares on it. */
  private final ThreadLocal<Session> current = new ThreadLocal<>();

  private volatile boolean closed;

  private PostgresConnections(String url, Connector connector, Connection writer, Connection reader) {
    this.url = url;
    this.connector = connector;
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
    Connector connector = () -> DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(),
        cluster.postgresPassword());
    Connection writer = null;
    try {
      writer = connector.open();
      Connection reader = connector.open();
      return new PostgresConnections(cluster.postgresUrl(), connector, writer, reader);
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

  /**
   * Whether {@code e} (or an exception it was caused by) says that the connection was lost or refused:
   * SQLSTATE class 08 (connection exception), 57P01 (admin shutdown), 57P02 (crash shutdown) or 57P03
   * (cannot connect now).
   */
  public static boolean connectionLost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@inheritDoc} Redone once on a new connection when the connection was lost. */
  @Override
  public <T> T reading(String what, Database.Work<T> work) throws IOException {
    return run(reader, what, Redo.READ, c -> work.run());
  }

  /** {@inheritDoc} Redone once on a new connection when the connection was lost. */
  @Override
  public <T> T read(String what, SqlWork<T> work) throws IOException {
    return run(reader, what, Redo.READ, work);
  }

  /**
   * {@inheritDoc} Redone once on a new connection when the connection was lost and the work prepared only
   * SELECTs; else never (a statement may have committed before the connection was lost).
   */
  @Override
  public <T> T locked(String what, Database.Work<T> work) throws IOException {
    return run(writer, what, Redo.READS_ONLY, c -> work.run());
  }

  /** {@inheritDoc} Redone once on a new connection when the connection was lost before the commit was sent. */
  @Override
  public <T> T writing(String what, Database.Work<T> work) throws IOException {
    return writeDerived(what, c -> work.run());
  }

  /**
   * {@inheritDoc} A READ COMMITTED transaction, as {@link #writing}; redone once on a new connection when the
   * connection was lost before the commit was sent.
   */
  @Override
  public <T> T writeDerived(String what, SqlWork<T> work) throws IOException {
    return run(writer, what, Redo.BEFORE_COMMIT,
        c -> inTransaction(c, Connection.TRANSACTION_READ_COMMITTED, work));
  }

  /**
   * Runs {@code work} in one READ COMMITTED transaction on the write connection, handing it the
   * connection (which the work neither commits, nor rolls back, nor closes): committed when it
   * returns, rolled back when it throws. What runs on these connections from {@code work} on this
   * thread (puts of the article store, writes and reads of the story tables, a nested
   * {@code transaction}) joins this transaction: it sees its uncommitted rows and commits or rolls
   * back with it. An SQLException becomes an IOException saying what could not be done. Never redone
   * when the connection is lost (then {@link #connectionLost} is true of the IOException): the caller
   * undoes what the work kept outside the database and decides; the next work opens a new connection.
   */
  public <T> T transaction(String what, SqlWork<T> work) throws IOException {
    return run(writer, what, Redo.NEVER, c -> inTransaction(c, Connection.TRANSACTION_READ_COMMITTED, work));
  }

  /** {@inheritDoc} A REPEATABLE READ transaction (or, within a transaction, that one); redone as a read. */
  @Override
  public <T> T snapshot(String what, Database.Work<T> work) throws IOException {
    return run(reader, what, Redo.READ,
        c -> inTransaction(c, Connection.TRANSACTION_REPEATABLE_READ, x -> work.run()));
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
      return inNewTransaction(session, isolation, work);
    } finally {
      session.inTransaction = false;
    }
  }

  /**
   * Runs {@code work} in a new transaction of {@code isolation} on {@code session}'s connection: committed, or
   * rolled back when it throws. A connection that cannot be rolled back or reset after it is marked lost.
   */
  private static <T> T inNewTransaction(Session session, int isolation, SqlWork<T> work)
      throws SQLException, IOException {
    Connection conn = session.conn;
    conn.setAutoCommit(false);
    conn.setTransactionIsolation(isolation);
    T result;
    try {
      result = work.run(conn);
      session.commitSent = true;
      conn.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      try {
        conn.rollback();
        reset(conn);
      } catch (SQLException r) {
        e.addSuppressed(r);
        session.lost = true;
      }
      throw e;
    }
    try {
      reset(conn);
    } catch (SQLException e) { // committed: the next work opens a new connection, whose defaults are these
      session.lost = true;
    }
    return result;
  }

  /** Puts {@code conn} back in autocommit and READ COMMITTED, as work outside a transaction expects it. */
  private static void reset(Connection conn) throws SQLException {
    conn.setAutoCommit(true);
    conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
  }

  /**
   * Runs {@code work} on {@code session}'s connection under its lock; work within work keeps the
   * session it runs on (and is redone only with the outermost work). An SQLException becomes an
   * IOException saying what could not be done. The connection is reopened before the work when it was
   * lost or does not answer after {@link #CHECK_IDLE} unused, and after the work when it was lost during it;
   * the work is then run once more when {@code redo} allows it.
   */
  private <T> T run(Session session, String what, Redo redo, SqlWork<T> work) throws IOException {
    Session outer = current.get();
    if (outer != null) {
      try {
        return work.run(outer.conn);
      } catch (SQLException e) {
        throw new IOException(url + ": cannot " + what + ": " + e.getMessage(), e);
      }
    }
    session.lock.lock();
    current.set(session);
    try {
      for (int attempt = 1; ; attempt++) {
        if (closed) {
          throw new IllegalStateException("store closed: " + url);
        }
        session.commitSent = false;
        session.preparedWrite = false;
        try {
          openIfLost(session);
          return work.run(session.conn);
        } catch (SQLException | IOException e) {
          if (!connectionLost(e)) {
            throw e instanceof IOException io ? io : new IOException(url + ": cannot " + what + ": " + e.getMessage(), e);
          }
          session.lost = true;
          boolean again = attempt == 1 && switch (redo) {
            case READ -> true;
            case BEFORE_COMMIT -> !session.commitSent;
            case READS_ONLY -> !session.preparedWrite;
            case NEVER -> false;
          };
          if (!again) {
            String unknown = session.commitSent ? " (its commit was sent: whether it committed is unknown)" : "";
            throw new IOException(url + ": cannot " + what + ": the connection was lost" + unknown + ": "
                + e.getMessage(), e);
          }
          LOG.log(System.Logger.Level.WARNING, url + ": the connection was lost (" + e.getMessage()
              + "); reconnecting to " + what + " again");
        } finally {
          session.lastUsed = System.nanoTime();
        }
      }
    } finally {
      current.remove();
      session.lock.unlock();
    }
  }

  /**
   * Opens a new connection for {@code session} when its connection was lost, or has been unused for
   * {@link #CHECK_IDLE} and does not answer; its prepared statements go with the old one.
   */
  private void openIfLost(Session session) throws SQLException {
    if (!session.lost && System.nanoTime() - session.lastUsed < CHECK_IDLE.toNanos()) {
      return;
    }
    if (!session.lost && session.conn.isValid(CHECK_SECONDS)) {
      return;
    }
    session.statements.clear();
    try {
      session.conn.close();
    } catch (SQLException e) { // already closed by the failure
      LOG.log(System.Logger.Level.DEBUG, url + ": closing a lost connection: " + e.getMessage());
    }
    session.conn = connector.open();
    session.lost = false;
    LOG.log(System.Logger.Level.INFO, url + ": reconnected");
  }

  @Override
  public PreparedStatement statement(String sql) throws SQLException {
    Session session = current.get();
    if (session == null) {
      throw new IllegalStateException("a statement outside a read or a write: " + sql);
    }
    session.preparedWrite |= !sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
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

  /** {@inheritDoc} {@code unnest} of one {@code BIGINT[]} parameter a column: one row a position. */
  @Override
  public String numberRows(String alias, String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("no columns for rows " + alias);
    }
    return "unnest(" + Stream.of(columns).map(c -> "CAST(? AS BIGINT[])").collect(Collectors.joining(", ")) + ") AS "
        + alias + " (" + String.join(", ", columns) + ")";
  }

  @Override
  public String joinedIdIn(String column) {
    return inIdList(column);
  }

  @Override
  public boolean insertsInWith() {
    return true;
  }

  @Override
  public String descNullsLast() {
    return " NULLS LAST";
  }

  @Override
  public String byDayIndex() {
    return "";
  }

  /**
   * {@inheritDoc} A lateral subquery for each entity row; its {@code OFFSET 0} keeps the planner from flattening it
   * into a join, so its mentions can only be read for that row, where the index is the cheaper plan at any size.
   */
  @Override
  public String entityMentions() {
    return "entities e CROSS JOIN LATERAL (SELECT * FROM mentions m WHERE m.entity_id = e.id OFFSET 0) m";
  }

  /** pgJDBC's prepare threshold 0: the statement is never prepared on the server, so each execution is planned anew. */
  @Override
  public void planForValues(PreparedStatement st) throws SQLException {
    st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
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
