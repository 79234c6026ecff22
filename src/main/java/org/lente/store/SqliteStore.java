package org.lente.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The embedded {@link ArticleStore}: one SQLite file, {@code lente.db}, in a folder. The schema is
 * in {@code V1__articles.sql} and its successors ({@link Migrations}); the latest version of each
 * article is a row of {@code articles} with its analysis as JSON ({@link AnalysisJson}), earlier
 * versions are rows of {@code article_versions}, and the entities, mentions, quotes and times of the
 * latest version are rows of their own tables, for queries.
 *
 * <p>Durability: the database is in WAL mode with {@code synchronous=FULL}, so the WAL is synced
 * to disk at every commit and a {@link #put} that returned survives the process being killed and
 * the machine losing power. ({@code synchronous=NORMAL} would survive only the process being
 * killed: the last commits could be lost with the OS. FULL costs one fsync per put, which still
 * leaves hundreds of puts a second; see the README.)
 *
 * <p>The concerns live in their own classes, which this one opens together: the connections and the
 * schema ({@link Database}, {@link Migrations}), the write path with its aggregates
 * ({@link ArticleWrites}) and the reader's queries ({@link SqlReads}, behind {@link ArticleReader}), which
 * {@link SqlArticleStore} runs on SQLite as on PostgreSQL ({@link SqliteConnections}), and the accounts
 * ({@link SqliteAccounts}).
 *
 * <p>Thread safety: one write connection, used under a lock (SQLite would serialize writers anyway),
 * and a few read-only connections.
 * Other processes may open the same folder: writers wait for each other up to
 * {@link #BUSY_TIMEOUT_MS}, and readers never wait for writers.
 */
public final class SqliteStore extends SqlArticleStore implements Accounts {

  /** The database file's name in the store's folder. */
  public static final String FILE = "lente.db";

  /** How long a statement waits for another process's write transaction to end. */
  public static final int BUSY_TIMEOUT_MS = 10_000;

  private final Database db;
  private final SqliteAccounts accounts;

  private SqliteStore(Database db) {
    super(db.sql());
    this.db = db;
    this.accounts = new SqliteAccounts(db);
  }

  /**
   * Opens the store in {@code dir}, creating the folder (0700) and the database (0600) when missing
   * and bringing an older schema up to date.
   *
   * @throws NewerSchemaException when the database was written by a newer Lente
   */
  public static SqliteStore open(Path dir) throws IOException {
    return new SqliteStore(Database.open(dir));
  }

  /**
   * Opens the store in {@code dir} for reading only, writing nothing (see {@link Database#openReadOnly}):
   * it opens on a full disk. Writes through the store fail.
   *
   * @throws IOException when there is no database, its schema is older than this Lente's (a
   *     writing command upgrades it), or it cannot be read
   * @throws NewerSchemaException when the database was written by a newer Lente
   */
  public static SqliteStore openReadOnly(Path dir) throws IOException {
    return new SqliteStore(Database.openReadOnly(dir));
  }

  /**
   * A read-only connection to {@code database}, which writes nothing. Where SQLite cannot map the
   * write-ahead log's shared-memory index (a full disk) and the log is empty, the database is
   * opened as immutable, without the index.
   */
  public static Connection readOnlyConnection(Path database) throws SQLException, IOException {
    return Database.readOnlyConnection(database);
  }

  /** The database file. */
  public Path file() {
    return db.file();
  }

  /**
   * The store's database, which the folder's other tables run on ({@link SqliteSources#on}, the story
   * store's {@code on}), so that a folder is opened once; closed with the store.
   */
  public Database database() {
    return db;
  }

  /** Closes the database; later calls do nothing. Other methods then throw IllegalStateException. */
  @Override
  public void close() throws IOException {
    db.close();
  }

  // ---- accounts: SqliteAccounts

  @Override
  public long addUser(String name, String passwordHash) throws IOException {
    return accounts.addUser(name, passwordHash);
  }

  @Override
  public Optional<User> user(String name) throws IOException {
    return accounts.user(name);
  }

  @Override
  public int setPassword(String name, String passwordHash) throws IOException {
    return accounts.setPassword(name, passwordHash);
  }

  @Override
  public boolean removeUser(String name) throws IOException {
    return accounts.removeUser(name);
  }

  @Override
  public long putToken(String tokenHash, String name) throws IOException {
    return accounts.putToken(tokenHash, name);
  }

  @Override
  public Optional<String> tokenUser(String tokenHash, Instant now) throws IOException {
    return accounts.tokenUser(tokenHash, now);
  }

  @Override
  public List<Token> tokens() throws IOException {
    return accounts.tokens();
  }

  @Override
  public boolean revokeToken(long id) throws IOException {
    return accounts.revokeToken(id);
  }

  @Override
  public int revokeTokens(String name) throws IOException {
    return accounts.revokeTokens(name);
  }

  @Override
  public boolean putSession(String idHash, User user, Instant expires) throws IOException {
    return accounts.putSession(idHash, user, expires);
  }

  @Override
  public Optional<String> sessionUser(String idHash, Instant now) throws IOException {
    return accounts.sessionUser(idHash, now);
  }

  @Override
  public void deleteSession(String idHash) throws IOException {
    accounts.deleteSession(idHash);
  }

  @Override
  public int pruneSessions(Instant now, int keep) throws IOException {
    return accounts.pruneSessions(now, keep);
  }
}
