package org.lente.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lente.ingest.source.SourceProgress;
import org.lente.nlp.Analysis;

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
 * ({@link ArticleWrites}), the reader's queries ({@link SqliteReads}, behind {@link ArticleReader}) and
 * the accounts ({@link SqliteAccounts}).
 *
 * <p>Thread safety: one write connection, used under a lock (SQLite would serialize writers anyway),
 * and a few read-only connections.
 * Other processes may open the same folder: writers wait for each other up to
 * {@link #BUSY_TIMEOUT_MS}, and readers never wait for writers.
 */
public final class SqliteStore implements ArticleStore, Accounts {

  /** The database file's name in the store's folder. */
  public static final String FILE = "lente.db";

  /** How long a statement waits for another process's write transaction to end. */
  public static final int BUSY_TIMEOUT_MS = 10_000;

  private final Database db;
  private final ArticleWrites writes;
  private final SqliteReads reads;
  private final SqliteAccounts accounts;

  private SqliteStore(Database db) {
    this.db = db;
    ResolverTables resolver = new ResolverTables(db::statement);
    this.writes = new ArticleWrites(db, resolver);
    this.reads = new SqliteReads(db, resolver);
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

  // ---- writes: ArticleWrites

  @Override
  public Put put(String key, Analysis analysis) throws IOException {
    return writes.put(key, analysis);
  }

  @Override
  public Put put(String key, Analysis analysis, List<NameSighting> sightings, Map<String, String> moved,
      SourceProgress progress) throws IOException {
    return writes.put(key, analysis, sightings, moved, progress);
  }

  @Override
  public void moveNames(Map<String, String> moved) throws IOException {
    writes.moveNames(moved);
  }

  @Override
  public void importNames(List<NameSighting> sightings, Map<String, String> entities) throws IOException {
    writes.importNames(sightings, entities);
  }

  @Override
  public void markIndexed(long id, int version) throws IOException {
    writes.markIndexed(id, version);
  }

  @Override
  public void clearIndexed() throws IOException {
    writes.clearIndexed();
  }

  @Override
  public void markFailed(ArticleFailure failure) throws IOException {
    writes.markFailed(failure);
  }

  @Override
  public void clearFailed(long id, ArticleFailure.Stage... stages) throws IOException {
    writes.clearFailed(id, stages);
  }

  // ---- reads: SqliteReads

  @Override
  public List<NameSighting> nameSightings() throws IOException {
    return reads.nameSightings();
  }

  @Override
  public Map<String, String> nameEntities() throws IOException {
    return reads.nameEntities();
  }

  @Override
  public ResolverCheck checkNames() throws IOException {
    return reads.checkNames();
  }

  @Override
  public String localName(String name, String language) throws IOException {
    return reads.localName(name, language);
  }

  @Override
  public Optional<StoredArticle> get(long id) throws IOException {
    return reads.get(id);
  }

  @Override
  public List<StoredArticle> unindexed(long after, int max) throws IOException {
    return reads.unindexed(after, max);
  }

  @Override
  public List<ArticleFailure> failures() throws IOException {
    return reads.failures();
  }

  @Override
  public Map<Long, Integer> versions() throws IOException {
    return reads.versions();
  }

  @Override
  public List<StoredArticle> history(long id) throws IOException {
    return reads.history(id);
  }

  @Override
  public StoreStats stats() throws IOException {
    return reads.stats();
  }

  @Override
  public List<QuoteHit> quotes(QuoteQuery query) throws IOException {
    return reads.quotes(query);
  }

  @Override
  public Optional<EntityProfile> entity(String name) throws IOException {
    return reads.entity(name);
  }

  @Override
  public Page<ArticleSummary> articles(ArticleFilter filter, String cursor, int limit) throws IOException {
    return reads.articles(filter, cursor, limit);
  }

  @Override
  public Optional<ArticleView> articleView(long id) throws IOException {
    return reads.articleView(id);
  }

  @Override
  public Optional<EntityProfile> entity(long id) throws IOException {
    return reads.entity(id);
  }

  @Override
  public Optional<Long> entityId(String name) throws IOException {
    return reads.entityId(name);
  }

  @Override
  public List<EntityRef> trending(int days, int limit) throws IOException {
    return reads.trending(days, limit);
  }

  @Override
  public Page<EntityRef> entities(String cursor, int limit) throws IOException {
    return reads.entities(cursor, limit);
  }

  @Override
  public Optional<SourceProfile> source(long id) throws IOException {
    return reads.source(id);
  }

  @Override
  public Page<SourceProfile> sources(String cursor, int limit) throws IOException {
    return reads.sources(cursor, limit);
  }

  @Override
  public Optional<Long> sourceId(String hostOrSite) throws IOException {
    return reads.sourceId(hostOrSite);
  }

  @Override
  public Optional<AuthorProfile> author(long id) throws IOException {
    return reads.author(id);
  }

  @Override
  public Page<AuthorProfile> authors(String cursor, int limit) throws IOException {
    return reads.authors(cursor, limit);
  }

  @Override
  public Optional<Long> authorId(String name) throws IOException {
    return reads.authorId(name);
  }

  @Override
  public IngestStatus status() throws IOException {
    return reads.status();
  }

  @Override
  public List<ArticleSummary> summaries(List<Long> ids) throws IOException {
    return reads.summaries(ids);
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
