package org.lente.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The connections to a knowledge base's SQLite file: one write connection used under a lock, and
 * {@link #READERS} read-only connections that reads take in turn (WAL: readers wait neither for the
 * writer nor for each other); each with its own prepared statements. Opening brings the schema up to
 * date ({@link Migrations}). A folder's database is opened once and shared by every concern of its
 * knowledge base, which run their SQL through its {@link SqlConnections} ({@link #sql}). Thread-safe.
 */
public final class Database implements AutoCloseable {

  /** How much of the database file is memory-mapped for reading. */
  static final long MMAP_BYTES = 1L << 30;

  /** SQLite's own page cache. */
  static final long CACHE_BYTES = 64L << 20;

  /** Connections for the reader's queries, which run side by side (WAL: readers do not wait). */
  static final int READERS = 4;

  private final Path file;

  private final Connection conn;

  private final java.util.concurrent.BlockingQueue<Reader> readers = new java.util.concurrent.LinkedBlockingQueue<>();

  private final List<Reader> allReaders = new ArrayList<>();

  /** The reader this thread is using, while it runs a read ({@link #reading}); statements then come from it. */
  private final ThreadLocal<Reader> current = new ThreadLocal<>();

  /** A read-only connection with its own prepared statements; used by one thread at a time. */
  private static final class Reader {
    final Connection conn;
    final Map<String, PreparedStatement> statements = new HashMap<>();

    Reader(Connection conn) {
      this.conn = conn;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();

  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private volatile boolean closed;

  /** Opened by {@link #openReadOnly}: nothing is written, not even on close. */
  private final boolean readOnly;

  /** How the concerns of this package and others run their SQL on this database. */
  private final SqliteConnections sql = new SqliteConnections(this);

  private Database(Path file, Connection conn, List<Connection> readerConnections, boolean readOnly) {
    this.file = file;
    this.conn = conn;
    this.readOnly = readOnly;
    for (Connection c : readerConnections) {
      Reader r = new Reader(c);
      allReaders.add(r);
      readers.add(r);
    }
  }

  /**
   * Opens the store in {@code dir}, creating the folder (0700) and the database (0600) when missing
   * and bringing an older schema up to date.
   *
   * @throws NewerSchemaException when the database was written by a newer Lente
   */
  public static Database open(Path dir) throws IOException {
    PrivateFiles.createDirectories(dir);
    Path file = dir.resolve(SqliteStore.FILE);
    PrivateFiles.createFile(file); // 0600, which SQLite gives its -wal and -shm files too
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(SqliteStore.BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    Connection conn;
    try {
      conn = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      Migrations.apply(conn, file);
      Migrations.fillIn(conn);
      tuneForReading(conn);
      List<Connection> readerConnections = new ArrayList<>();
      try {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(SqliteStore.BUSY_TIMEOUT_MS);
        for (int i = 0; i < READERS; i++) {
          Connection c = readOnly.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
          readerConnections.add(c);
          tuneForReading(c);
        }
      } catch (SQLException e) {
        for (Connection c : readerConnections) {
          closing(c, e);
        }
        throw e;
      }
      return new Database(file, conn, readerConnections, false);
    } catch (SQLException e) {
      throw closing(conn, new IOException("cannot open " + file + ": " + e.getMessage(), e));
    } catch (IOException e) {
      throw closing(conn, e);
    } catch (RuntimeException e) {
      throw closing(conn, e);
    }
  }

  /**
   * Opens the store in {@code dir} for reading only, writing nothing: no migration, no checkpoint,
   * no file created but SQLite's {@code -shm} and {@code -wal} when they are missing. So it opens on
   * a full disk: when SQLite cannot map its shared-memory index there and the write-ahead log is
   * empty (the last writer closed cleanly), the database file alone is the whole truth and is opened
   * as immutable. Writes through the store fail.
   *
   * @throws IOException when there is no database, its schema is older than this Lente's (a
   *     writing command upgrades it), or it cannot be read
   * @throws NewerSchemaException when the database was written by a newer Lente
   */
  public static Database openReadOnly(Path dir) throws IOException {
    Path file = dir.resolve(SqliteStore.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no knowledge base in " + dir.toAbsolutePath());
    }
    List<Connection> connections = new ArrayList<>();
    try {
      for (int i = 0; i <= READERS; i++) {
        Connection c = readOnlyConnection(file);
        connections.add(c);
        tuneForReading(c);
      }
      int version = Migrations.current(connections.get(0));
      if (version > Migrations.latest()) {
        throw new NewerSchemaException(file, version, Migrations.latest());
      }
      if (version < Migrations.latest()) {
        throw new IOException("cannot open " + file + " for reading: its schema (version " + version
            + ") is older than this Lente's (" + Migrations.latest() + "); a writing command upgrades it");
      }
      return new Database(file, connections.get(0), List.copyOf(connections.subList(1, connections.size())), true);
    } catch (SQLException | IOException | RuntimeException e) {
      IOException failure = e instanceof IOException io ? io
          : new IOException("cannot open " + file + " for reading: " + e.getMessage(), e);
      for (Connection c : connections) {
        closing(c, failure);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw failure;
    }
  }

  /**
   * A read-only connection to {@code database}, which writes nothing. Where SQLite cannot map the
   * write-ahead log's shared-memory index (a full disk) and the log is empty, the database is
   * opened as immutable, without the index.
   */
  static Connection readOnlyConnection(Path database) throws SQLException, IOException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(SqliteStore.BUSY_TIMEOUT_MS);
    String path = database.toAbsolutePath().toUri().getRawPath();
    Connection conn = config.createConnection("jdbc:sqlite:file:" + path + "?mode=ro");
    try (Statement st = conn.createStatement()) {
      st.execute("SELECT count(*) FROM sqlite_master"); // maps the shared-memory index, or fails
      return conn;
    } catch (SQLException e) {
      conn.close();
      Path wal = database.resolveSibling(database.getFileName() + "-wal");
      long walBytes = Files.exists(wal) ? Files.size(wal) : 0;
      if (walBytes > 0) {
        throw new IOException("cannot read " + database + " (" + e.getMessage() + "), and its write-ahead log holds "
            + walBytes + " bytes not yet in the database file: free some space and run the command again", e);
      }
      return config.createConnection("jdbc:sqlite:file:" + path + "?immutable=1");
    }
  }

  /**
   * Reads through a memory map (no read call per page) and a larger page cache: the reader's pages
   * read article rows and their overflow pages at random.
   */
  private static void tuneForReading(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA mmap_size = " + MMAP_BYTES);
      st.execute("PRAGMA cache_size = -" + (CACHE_BYTES >> 10));
    }
  }

  /** {@code failure}, after closing {@code conn}. */
  private static <E extends Exception> E closing(Connection conn, E failure) {
    try {
      conn.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    return failure;
  }

  /**
   * How SQL written once for both engines runs on this database: reads on its read connections,
   * writes under its lock ({@link SqliteConnections}).
   */
  public SqlConnections sql() {
    return sql;
  }

  /** The database file. */
  Path file() {
    return file;
  }

  /** Closes the database; later calls do nothing. Other methods then throw IllegalStateException. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      SQLException first = null;
      for (PreparedStatement st : statements.values()) {
        try {
          st.close();
        } catch (SQLException e) {
          first = first == null ? e : first;
        }
      }
      statements.clear();
      for (int i = 0; i < allReaders.size(); i++) {
        try {
          readers.poll(10, java.util.concurrent.TimeUnit.SECONDS); // let reads in progress finish
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      for (Reader r : allReaders) {
        for (PreparedStatement st : r.statements.values()) {
          try {
            st.close();
          } catch (SQLException e) {
            first = first == null ? e : first;
          }
        }
        try {
          r.conn.close();
        } catch (SQLException e) {
          first = first == null ? e : first;
        }
      }
      try {
        if (!readOnly) {
          exec("PRAGMA optimize");
        }
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
      try {
        conn.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
      if (first != null) {
        throw failure("close", first);
      }
    } finally {
      lock.unlock();
    }
  }

  /** A prepared statement for {@code sql}, prepared once per connection. Called under the lock. */
  PreparedStatement statement(String sql) throws SQLException {
    Reader reader = current.get();
    Map<String, PreparedStatement> cache = reader != null ? reader.statements : statements;
    PreparedStatement st = cache.get(sql);
    if (st == null) {
      st = (reader != null ? reader.conn : conn).prepareStatement(sql);
      cache.put(sql, st);
    }
    return st;
  }

  /**
   * Runs a read on one of the {@link #READERS} read-only connections (waiting for one when all are
   * busy), so that reads run side by side with each other and with a write; {@link #statement}
   * prepares on that connection meanwhile, and {@code work} is handed it. It sees what was committed
   * when its first statement ran. An SQLException becomes an IOException saying what could not be done.
   */
  <T> T read(String what, SqlWork<T> work) throws IOException {
    checkOpen();
    Reader within = current.get();
    if (within != null) {
      return onConnection(what, work, within.conn); // a read within a read: same connection
    }
    Reader reader;
    try {
      reader = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to " + what, e);
    }
    current.set(reader);
    try {
      return onConnection(what, work, reader.conn);
    } finally {
      current.remove();
      readers.add(reader);
    }
  }

  /** Runs {@code work} on {@code c}; an SQLException becomes an IOException saying what could not be done. */
  private <T> T onConnection(String what, SqlWork<T> work, Connection c) throws IOException {
    try {
      return run(what, () -> unchecked(work, c));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}, under the lock) on the write
   * connection, with {@code synchronous=NORMAL}: for tables derived from the articles (stories,
   * lineage), whose last commits a power loss may drop, as they can be computed again. The next
   * commit with the store's {@code synchronous=FULL} makes them durable too (the write-ahead log is
   * synced whole). Committed, or rolled back when {@code work} throws.
   */
  <T> T writeDerived(String what, SqlWork<T> work) throws IOException {
    try {
      return locked(what, () -> {
        exec("PRAGMA synchronous = NORMAL");
        try {
          return inTransaction("BEGIN IMMEDIATE", () -> unchecked(work, conn));
        } finally {
          exec("PRAGMA synchronous = FULL");
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** {@code work} run on {@code c}, its IOException carried out unchecked (through a {@link Work}). */
  private static <T> T unchecked(SqlWork<T> work, Connection c) throws SQLException {
    try {
      return work.run(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Work on the database that may fail with an SQLException. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} under the lock on an open store; an SQLException becomes an IOException
   * saying what could not be done.
   */
  <T> T locked(String what, Work<T> work) throws IOException {
    lock.lock();
    try {
      return run(what, work);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} on an open store; an SQLException becomes an IOException saying what could not be done. */
  private <T> T run(String what, Work<T> work) throws IOException {
    checkOpen();
    try {
      return work.run();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Runs {@code work} in a transaction begun by {@code begin}: committed, or rolled back when it throws. */
  <T> T inTransaction(String begin, Work<T> work) throws SQLException {
    exec(begin);
    try {
      T result = work.run();
      exec("COMMIT");
      return result;
    } catch (SQLException | RuntimeException e) {
      rollback(e);
      throw e;
    }
  }

  void exec(String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  private void rollback(Exception cause) {
    try {
      exec("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("store closed: " + file);
    }
  }

  private IOException failure(String what, SQLException e) {
    return new IOException(file + ": cannot " + what + ": " + e.getMessage(), e);
  }
}
