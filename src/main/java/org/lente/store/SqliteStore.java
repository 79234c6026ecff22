package org.lente.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;
import org.sqlite.SQLiteConfig;

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
 * <p>Thread safety: one connection, used under a lock; SQLite would serialize writers anyway.
 * Other processes may open the same folder: writers wait for each other up to
 * {@link #BUSY_TIMEOUT_MS}, and readers never wait for writers.
 */
public final class SqliteStore implements ArticleStore, Accounts {

  /** The database file's name in the store's folder. */
  public static final String FILE = "lente.db";

  /** How long a statement waits for another process's write transaction to end. */
  public static final int BUSY_TIMEOUT_MS = 10_000;

  /** How much of the database file is memory-mapped for reading. */
  static final long MMAP_BYTES = 1L << 30;

  /** SQLite's own page cache. */
  static final long CACHE_BYTES = 64L << 20;

  private static final String ARTICLE_COLUMNS = "a.id, a.key, a.content_hash, a.version, a.stored_at, a.analysis";

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
  /** The entity resolver's tables, on this store's statements. */
  private final ResolverTables resolver = new ResolverTables(this::statement);
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private volatile boolean closed;
  /** Opened by {@link #openReadOnly}: nothing is written, not even on close. */
  private final boolean readOnly;

  private SqliteStore(Path file, Connection conn, List<Connection> readerConnections, boolean readOnly) {
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
  public static SqliteStore open(Path dir) throws IOException {
    PrivateFiles.createDirectories(dir);
    Path file = dir.resolve(FILE);
    PrivateFiles.createFile(file); // 0600, which SQLite gives its -wal and -shm files too
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    Connection conn;
    try {
      conn = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      Migrations.apply(conn, file);
      fillIn(conn);
      tuneForReading(conn);
      List<Connection> readerConnections = new ArrayList<>();
      try {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(BUSY_TIMEOUT_MS);
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
      return new SqliteStore(file, conn, readerConnections, false);
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
  public static SqliteStore openReadOnly(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
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
      return new SqliteStore(file, connections.get(0), List.copyOf(connections.subList(1, connections.size())), true);
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
  public static Connection readOnlyConnection(Path database) throws SQLException, IOException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
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

  /** How many rows a transaction of {@link #fillIn} fills. */
  static final int FILL_BATCH = 500;

  /**
   * Fills in the rows stored before schema version 13 (whose snippet is NULL): their snippet, and their
   * language as {@link Analysis#textLanguage()} (earlier versions kept the tag as the page declared it,
   * "en-GB", which {@code ?lang=en} missed). In transactions of {@link #FILL_BATCH} rows, so that other
   * processes' writes go in between; a row is filled once, so a fill cut short by a crash goes on at the
   * next open. A row whose analysis cannot be read gets an empty snippet and keeps its language.
   */
  static void fillIn(Connection conn) throws SQLException {
    try (PreparedStatement select = conn.prepareStatement("SELECT id, analysis FROM articles WHERE snippet IS NULL "
            + "ORDER BY id LIMIT " + FILL_BATCH);
        PreparedStatement update = conn.prepareStatement("UPDATE articles SET snippet = ?, "
            + "language = coalesce(?, language) WHERE id = ? AND snippet IS NULL");
        Statement st = conn.createStatement()) {
      int filled;
      do {
        filled = 0;
        st.executeUpdate("BEGIN IMMEDIATE");
        try {
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              filled++;
              Analysis analysis;
              try {
                analysis = AnalysisJson.read(rs.getString(2));
              } catch (IOException e) {
                analysis = null; // get() names the row's problem when it is read
              }
              update.setString(1, analysis == null ? "" : snippetColumn(analysis.article()));
              update.setString(2, analysis == null ? null : analysis.textLanguage());
              update.setLong(3, rs.getLong(1));
              update.addBatch();
            }
          }
          update.executeBatch();
          st.executeUpdate("COMMIT");
        } catch (SQLException | RuntimeException e) {
          try {
            st.executeUpdate("ROLLBACK");
          } catch (SQLException rollback) {
            e.addSuppressed(rollback);
          }
          throw e;
        }
      } while (filled == FILL_BATCH);
    }
  }

  /** The {@code snippet} column of an article: {@link ArticleSummary#snippet(Article)}, '' when it has none. */
  private static String snippetColumn(Article article) {
    String snippet = ArticleSummary.snippet(article);
    return snippet == null ? "" : snippet;
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

  /** The database file. */
  public Path file() {
    return file;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The content hash is {@link ContentHash} of the article's text, compared with the latest
   * version of each article (an earlier version's text under another key is stored anew). An update
   * keeps the article's id and its indexed version, so it shows up in {@link #unindexed}.
   *
   * @throws IllegalArgumentException when the article has no text ("no text: key"), which is not
   *     stored
   */
  @Override
  public Put put(String key, Analysis analysis) throws IOException {
    return put(key, analysis, List.of(), Map.of());
  }

  /**
   * {@inheritDoc}
   *
   * <p>In the article's transaction, before its rows are written: the names {@code moved} move
   * ({@link ResolverTables#move}), and {@code sightings} are recorded, each mention keeping its name.
   * Nothing of them is written for a duplicate.
   */
  @Override
  public Put put(String key, Analysis analysis, List<NameSighting> sightings, Map<String, String> moved)
      throws IOException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sightings, "sightings");
    Objects.requireNonNull(moved, "moved");
    if (!sightings.isEmpty() && sightings.size() != analysis.entities().size()) {
      throw new IllegalArgumentException("sightings for " + sightings.size() + " entities, but the analysis of "
          + key + " has " + analysis.entities().size());
    }
    Objects.requireNonNull(analysis, "analysis");
    if (key.isBlank()) {
      throw new IllegalArgumentException("blank key");
    }
    if (analysis.article().text().isBlank()) {
      throw new IllegalArgumentException("no text: " + key);
    }
    String hash = ContentHash.of(analysis.article().text());
    String json = AnalysisJson.write(analysis);
    return locked("put " + key, () -> inTransaction("BEGIN IMMEDIATE",
        () -> putInTransaction(key, analysis, hash, json, sightings, moved)));
  }

  private Put putInTransaction(String key, Analysis analysis, String hash, String json, List<NameSighting> sightings,
      Map<String, String> moved) throws SQLException {
    Article article = analysis.article();
    String storedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    PreparedStatement byKey = statement("SELECT id, content_hash, version FROM articles WHERE key = ?");
    byKey.setString(1, key);
    long id = 0;
    int version = 0;
    try (ResultSet rs = byKey.executeQuery()) {
      if (rs.next()) {
        id = rs.getLong(1);
        version = rs.getInt(3);
        if (rs.getString(2).equals(hash)) {
          return new Put(Put.Outcome.DUPLICATE, id, version);
        }
      }
    }
    if (id == 0) {
      PreparedStatement byHash = statement("SELECT id, version FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1");
      byHash.setString(1, hash);
      try (ResultSet rs = byHash.executeQuery()) {
        if (rs.next()) {
          return new Put(Put.Outcome.DUPLICATE, rs.getLong(1), rs.getInt(2));
        }
      }
    }
    resolver.move(moved);
    List<Long> nameIds = resolver.record(sightings, analysis.entities());
    Long sourceId = source(key, article);
    PreparedStatement write;
    if (id == 0) {
      write = statement("INSERT INTO articles (content_hash, stored_at, published, language, title, source, url, "
          + "site, source_id, analysis, snippet, key, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
          + "RETURNING id");
      write.setString(12, key);
    } else {
      PreparedStatement keep = statement("INSERT INTO article_versions (article_id, version, content_hash, stored_at, "
          + "analysis) SELECT id, version, content_hash, stored_at, analysis FROM articles WHERE id = ?");
      keep.setLong(1, id);
      keep.executeUpdate();
      aggregates(id, -1);
      deleteFound(id);
      write = statement("UPDATE articles SET content_hash = ?, stored_at = ?, published = ?, language = ?, title = ?, "
          + "source = ?, url = ?, site = ?, source_id = ?, analysis = ?, snippet = ?, version = version + 1 "
          + "WHERE id = ? RETURNING id");
      write.setLong(12, id);
    }
    write.setString(1, hash);
    write.setString(2, storedAt);
    write.setString(3, article.published());
    write.setString(4, analysis.textLanguage());
    write.setString(5, article.title());
    write.setString(6, article.source());
    write.setString(7, article.url());
    write.setString(8, article.site());
    write.setObject(9, sourceId);
    write.setString(10, json);
    write.setString(11, snippetColumn(article));
    try (ResultSet rs = write.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    insertFound(id, analysis, nameIds);
    aggregates(id, +1);
    authorBio(id, analysis);
    return version == 0 ? new Put(Put.Outcome.STORED, id, 1) : new Put(Put.Outcome.UPDATED, id, version + 1);
  }

  /** The id of the article's site in {@code sources}, added when new; null when no host is known. */
  private Long source(String key, Article article) throws SQLException {
    String host = Article.host(article.url());
    if (host == null) {
      host = Article.host(key);
    }
    if (host == null) {
      host = Article.host(article.source());
    }
    if (host == null) {
      return null;
    }
    PreparedStatement st = statement("INSERT INTO sources (host, site) VALUES (?, ?) ON CONFLICT (host) "
        + "DO UPDATE SET site = coalesce(excluded.site, sources.site) RETURNING id");
    st.setString(1, host);
    st.setString(2, article.site());
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void deleteFound(long id) throws SQLException {
    for (String table : List.of("article_authors", "mentions", "quotes", "times")) {
      PreparedStatement st = statement("DELETE FROM " + table + " WHERE article_id = ?");
      st.setLong(1, id);
      st.executeUpdate();
    }
  }

  /**
   * Authors, mentions, quotes and times of the analysis, as rows for article {@code id}; each mention
   * with its resolver name's id from {@code nameIds} (parallel to the entities; null entries allowed).
   */
  private void insertFound(long id, Analysis analysis, List<Long> nameIds) throws SQLException {
    Set<String> authors = new LinkedHashSet<>();
    for (String name : analysis.article().authors()) {
      if (!name.isBlank()) {
        authors.add(name.strip());
      }
    }
    PreparedStatement author = statement("INSERT INTO authors (name) VALUES (?) "
        + "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id");
    PreparedStatement byline = statement("INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)");
    int position = 0;
    for (String name : authors) {
      author.setString(1, name);
      long authorId;
      try (ResultSet rs = author.executeQuery()) {
        rs.next();
        authorId = rs.getLong(1);
      }
      byline.setLong(1, id);
      byline.setLong(2, authorId);
      byline.setInt(3, position++);
      byline.addBatch();
    }
    byline.executeBatch();

    String language = analysis.textLanguage() != null ? analysis.textLanguage() : "";
    PreparedStatement mention = statement("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, "
        + "text, role, name_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    Map<String, Long> entityIds = new HashMap<>();
    for (int i = 0; i < analysis.entities().size(); i++) {
      Entity e = analysis.entities().get(i);
      String entityKey = e.type() + "\t" + e.canonical();
      Long entityId = entityIds.get(entityKey);
      if (entityId == null) {
        entityId = resolver.entityRow(e.type().name(), e.canonical(), language);
        entityIds.put(entityKey, entityId);
      }
      mention.setLong(1, id);
      mention.setLong(2, entityId);
      mention.setInt(3, e.start());
      mention.setInt(4, e.end());
      mention.setString(5, e.text());
      mention.setString(6, e.role());
      mention.setObject(7, nameIds.get(i));
      mention.addBatch();
    }
    mention.executeBatch();

    LocalDate published = analysis.article().publishedDay();
    String day = published == null ? null : published.toString();
    PreparedStatement quote = statement("INSERT INTO quotes (article_id, text, kind, speaker, speaker_start, "
        + "speaker_canonical, speaker_words, text_words, cue, start_offset, end_offset, sentence_start, sentence_end, "
        + "published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (Quote q : analysis.quotes()) {
      int[] span = sentenceSpan(analysis.sentences(), q.start(), q.end());
      quote.setLong(1, id);
      quote.setString(2, q.text());
      quote.setString(3, q.kind().name());
      quote.setString(4, q.speaker());
      quote.setObject(5, q.speaker() == null ? null : q.speakerStart());
      quote.setString(6, q.speakerCanonical());
      quote.setString(7, Words.ofNames(q.speaker(), q.speakerCanonical()));
      quote.setString(8, Words.of(q.text()));
      quote.setString(9, q.cue());
      quote.setInt(10, q.start());
      quote.setInt(11, q.end());
      quote.setInt(12, span[0]);
      quote.setInt(13, span[1]);
      quote.setString(14, day);
      quote.addBatch();
    }
    quote.executeBatch();

    PreparedStatement time = statement("INSERT INTO times (article_id, text, type, value, start_offset, end_offset) "
        + "VALUES (?, ?, ?, ?, ?, ?)");
    for (Timex t : analysis.times()) {
      time.setLong(1, id);
      time.setString(2, t.text());
      time.setString(3, t.type().name());
      time.setString(4, t.value());
      time.setInt(5, t.start());
      time.setInt(6, t.end());
      time.addBatch();
    }
    time.executeBatch();
  }

  /**
   * Adds ({@code sign} +1) or removes (-1) article {@code id}'s rows (mentions, byline, source) to or
   * from the aggregate tables of schema version 2, so that counts stay exact without scanning: called
   * after its rows are inserted and before they are deleted. Roles' first and last days only widen.
   */
  private void aggregates(long id, int sign) throws SQLException {
    PreparedStatement art = statement("SELECT day, source_id FROM articles WHERE id = ?");
    art.setLong(1, id);
    String day;
    Long sourceId;
    try (ResultSet rs = art.executeQuery()) {
      rs.next();
      day = rs.getString(1);
      long source = rs.getLong(2);
      sourceId = rs.wasNull() ? null : source;
    }
    String datedDay = day.isEmpty() ? null : day;

    Map<Long, Integer> mentions = new LinkedHashMap<>();
    Map<Long, Map<String, Integer>> types = new HashMap<>();
    Map<Long, Map<String, Integer>> aliases = new HashMap<>();
    Map<Long, Map<String, Integer>> roles = new HashMap<>();
    PreparedStatement found = statement("SELECT e.kb_id, e.type, m.text, m.role FROM mentions m "
        + "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? AND e.kb_id IS NOT NULL");
    found.setLong(1, id);
    try (ResultSet rs = found.executeQuery()) {
      while (rs.next()) {
        long kb = rs.getLong(1);
        mentions.merge(kb, 1, Integer::sum);
        types.computeIfAbsent(kb, k -> new HashMap<>()).merge(rs.getString(2), 1, Integer::sum);
        aliases.computeIfAbsent(kb, k -> new HashMap<>()).merge(rs.getString(3), 1, Integer::sum);
        String role = rs.getString(4);
        if (role != null) {
          roles.computeIfAbsent(kb, k -> new HashMap<>()).merge(role, 1, Integer::sum);
        }
      }
    }
    PreparedStatement articleEntity = statement(sign > 0
        ? "INSERT INTO article_entities (entity_id, day, article_id, mentions) VALUES (?, ?, ?, ?)"
        : "DELETE FROM article_entities WHERE entity_id = ? AND day = ? AND article_id = ? AND mentions = ?");
    PreparedStatement perDay = statement("INSERT INTO entity_days (entity_id, day, articles, mentions) "
        + "VALUES (?, ?, ?, ?) ON CONFLICT (entity_id, day) DO UPDATE SET articles = articles + excluded.articles, "
        + "mentions = mentions + excluded.mentions");
    PreparedStatement kbCounts = statement("UPDATE kb_entities SET articles = articles + ?, mentions = mentions + ? "
        + "WHERE id = ?");
    PreparedStatement typeCount = statement("INSERT INTO kb_entity_types (entity_id, type, mentions) VALUES (?, ?, ?) "
        + "ON CONFLICT (entity_id, type) DO UPDATE SET mentions = mentions + excluded.mentions");
    PreparedStatement kbType = statement("UPDATE kb_entities SET type = (SELECT t.type FROM kb_entity_types t "
        + "WHERE t.entity_id = ?1 ORDER BY t.mentions DESC, t.type LIMIT 1) WHERE id = ?1");
    PreparedStatement aliasCount = statement("INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?, ?, ?) "
        + "ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions");
    PreparedStatement roleCount = statement("INSERT INTO entity_roles (entity_id, role, mentions, first_day, last_day) "
        + "VALUES (?, ?, ?, ?4, ?4) ON CONFLICT (entity_id, role) DO UPDATE SET mentions = mentions + excluded.mentions, "
        + "first_day = coalesce(min(first_day, excluded.first_day), first_day, excluded.first_day), "
        + "last_day = coalesce(max(last_day, excluded.last_day), last_day, excluded.last_day)");
    for (Map.Entry<Long, Integer> m : mentions.entrySet()) {
      long kb = m.getKey();
      int n = m.getValue();
      articleEntity.setLong(1, kb);
      articleEntity.setString(2, day);
      articleEntity.setLong(3, id);
      articleEntity.setInt(4, n);
      articleEntity.addBatch();
      perDay.setLong(1, kb);
      perDay.setString(2, day);
      perDay.setInt(3, sign);
      perDay.setInt(4, sign * n);
      perDay.addBatch();
      kbCounts.setInt(1, sign);
      kbCounts.setInt(2, sign * n);
      kbCounts.setLong(3, kb);
      kbCounts.addBatch();
      for (Map.Entry<String, Integer> t : types.get(kb).entrySet()) {
        typeCount.setLong(1, kb);
        typeCount.setString(2, t.getKey());
        typeCount.setInt(3, sign * t.getValue());
        typeCount.addBatch();
      }
      for (Map.Entry<String, Integer> a : aliases.get(kb).entrySet()) {
        aliasCount.setLong(1, kb);
        aliasCount.setString(2, a.getKey());
        aliasCount.setInt(3, sign * a.getValue());
        aliasCount.addBatch();
      }
      for (Map.Entry<String, Integer> r : roles.getOrDefault(kb, Map.of()).entrySet()) {
        roleCount.setLong(1, kb);
        roleCount.setString(2, r.getKey());
        roleCount.setInt(3, sign * r.getValue());
        roleCount.setString(4, datedDay);
        roleCount.addBatch();
      }
    }
    articleEntity.executeBatch();
    perDay.executeBatch();
    kbCounts.executeBatch();
    typeCount.executeBatch();
    aliasCount.executeBatch();
    roleCount.executeBatch();
    for (long kb : mentions.keySet()) {
      kbType.setLong(1, kb);
      kbType.addBatch();
    }
    kbType.executeBatch();
    if (sign < 0) {
      for (String table : List.of("entity_days", "kb_entity_types", "entity_aliases", "entity_roles")) {
        PreparedStatement empty = statement("DELETE FROM " + table + " WHERE entity_id = ? AND mentions <= 0");
        for (long kb : mentions.keySet()) {
          empty.setLong(1, kb);
          empty.addBatch();
        }
        empty.executeBatch();
      }
    }

    if (sourceId != null) {
      PreparedStatement source = statement("UPDATE sources SET articles = articles + ? WHERE id = ?");
      source.setInt(1, sign);
      source.setLong(2, sourceId);
      source.executeUpdate();
    }
    PreparedStatement byline = statement("SELECT author_id FROM article_authors WHERE article_id = ?");
    byline.setLong(1, id);
    List<Long> authors = new ArrayList<>();
    try (ResultSet rs = byline.executeQuery()) {
      while (rs.next()) {
        authors.add(rs.getLong(1));
      }
    }
    PreparedStatement authorCount = statement("UPDATE authors SET articles = articles + ? WHERE id = ?");
    PreparedStatement authorArticle = statement(sign > 0
        ? "INSERT INTO author_articles (author_id, day, article_id) VALUES (?, ?, ?)"
        : "DELETE FROM author_articles WHERE author_id = ? AND day = ? AND article_id = ?");
    PreparedStatement authorSource = statement("INSERT INTO author_sources (author_id, source_id, articles) "
        + "VALUES (?, ?, ?) ON CONFLICT (author_id, source_id) DO UPDATE SET articles = articles + excluded.articles");
    for (long author : authors) {
      authorCount.setInt(1, sign);
      authorCount.setLong(2, author);
      authorCount.addBatch();
      authorArticle.setLong(1, author);
      authorArticle.setString(2, day);
      authorArticle.setLong(3, id);
      authorArticle.addBatch();
      if (sourceId != null) {
        authorSource.setLong(1, author);
        authorSource.setLong(2, sourceId);
        authorSource.setInt(3, sign);
        authorSource.addBatch();
      }
    }
    authorCount.executeBatch();
    authorArticle.executeBatch();
    authorSource.executeBatch();
    if (sign < 0 && sourceId != null) {
      PreparedStatement empty = statement("DELETE FROM author_sources WHERE author_id = ? AND source_id = ? "
          + "AND articles <= 0");
      for (long author : authors) {
        empty.setLong(1, author);
        empty.setLong(2, sourceId);
        empty.addBatch();
      }
      empty.executeBatch();
    }
  }

  /** Keeps the bio the extractor found on a single-author article as its author's latest bio. */
  private void authorBio(long id, Analysis analysis) throws SQLException {
    String bio = analysis.article().authorBio();
    if (bio == null || bio.isBlank()) {
      return;
    }
    PreparedStatement st = statement("UPDATE authors SET bio = ? WHERE id = (SELECT author_id FROM article_authors "
        + "WHERE article_id = ?2) AND (SELECT count(*) FROM article_authors WHERE article_id = ?2) = 1");
    st.setString(1, bio.strip());
    st.setLong(2, id);
    st.executeUpdate();
  }

  /**
   * {@code [start, end)} of the sentences that {@code [from, to)} lies in: from the start of the
   * sentence holding {@code from} to the end of the one holding {@code to - 1}; where an end falls
   * outside every sentence, the quote's own offset stands for it.
   */
  static int[] sentenceSpan(List<Sentence> sentences, int from, int to) {
    Sentence first = sentenceAt(sentences, from);
    Sentence last = sentenceAt(sentences, Math.max(from, to - 1));
    return new int[] {first == null ? from : Math.min(first.start(), from), last == null ? to : Math.max(last.end(), to)};
  }

  /** The sentence holding offset {@code at}, or null; {@code sentences} are in text order. */
  private static Sentence sentenceAt(List<Sentence> sentences, int at) {
    int lo = 0;
    int hi = sentences.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Sentence s = sentences.get(mid);
      if (at < s.start()) {
        hi = mid - 1;
      } else if (at >= s.end()) {
        lo = mid + 1;
      } else {
        return s;
      }
    }
    return null;
  }

  @Override
  public Optional<StoredArticle> get(long id) throws IOException {
    return locked("get article " + id, () -> {
      PreparedStatement st = statement("SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.id = ?");
      st.setLong(1, id);
      return articles(st).stream().findFirst();
    });
  }

  @Override
  public List<StoredArticle> unindexed(long after, int max) throws IOException {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    return locked("list unindexed articles", () -> {
      PreparedStatement st = statement("SELECT " + ARTICLE_COLUMNS + " FROM articles a "
          + "WHERE a.indexed_version < a.version AND a.id > ? ORDER BY a.id LIMIT ?");
      st.setLong(1, after);
      st.setInt(2, max);
      return articles(st);
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Marks never go back: marking version 2 after version 3 leaves 3. Marking a version older
   * than the latest leaves the article in {@link #unindexed}.
   *
   * @throws IllegalArgumentException when there is no article {@code id} or it has no such version
   */
  @Override
  public void markIndexed(long id, int version) throws IOException {
    locked("mark article " + id + " indexed", () -> {
      PreparedStatement st = statement("UPDATE articles SET indexed_version = max(indexed_version, ?1) "
          + "WHERE id = ?2 AND ?1 BETWEEN 1 AND version");
      st.setInt(1, version);
      st.setLong(2, id);
      if (st.executeUpdate() == 0) {
        Map<Long, Integer> latest = versions(id);
        throw new IllegalArgumentException(latest.isEmpty() ? "no article " + id
            : "article " + id + " has no version " + version + ", the latest is " + latest.get(id));
      }
      return null;
    });
  }

  @Override
  public void clearIndexed() throws IOException {
    locked("clear indexed versions", () -> {
      exec("UPDATE articles SET indexed_version = 0");
      return null;
    });
  }

  @Override
  public void markFailed(ArticleFailure failure) throws IOException {
    locked("record the failure of article " + failure.article(), () -> {
      PreparedStatement st = statement("INSERT OR REPLACE INTO article_failures (article_id, stage, reason, failed_at) "
          + "VALUES (?, ?, ?, ?)");
      st.setLong(1, failure.article());
      st.setString(2, failure.stage().label());
      st.setString(3, failure.reason());
      st.setString(4, failure.at().toString());
      st.executeUpdate();
      return null;
    });
  }

  @Override
  public void clearFailed(long id, ArticleFailure.Stage... stages) throws IOException {
    locked("clear the failures of article " + id, () -> {
      PreparedStatement st = statement("DELETE FROM article_failures WHERE article_id = ? AND stage = ?");
      for (ArticleFailure.Stage s : stages) {
        st.setLong(1, id);
        st.setString(2, s.label());
        st.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<ArticleFailure> failures() throws IOException {
    return locked("list failed articles", () -> {
      PreparedStatement st = statement("SELECT article_id, stage, reason, failed_at FROM article_failures "
          + "ORDER BY article_id, stage");
      List<ArticleFailure> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new ArticleFailure(rs.getLong(1), ArticleFailure.Stage.parse(rs.getString(2)), rs.getString(3),
              Instant.parse(rs.getString(4))));
        }
      }
      return out;
    });
  }

  @Override
  public Map<Long, Integer> versions() throws IOException {
    return locked("list versions", () -> Collections.unmodifiableMap(versions(null)));
  }

  /** id → latest version of article {@code id}, or of every article when it is null. */
  private Map<Long, Integer> versions(Long id) throws SQLException {
    PreparedStatement st = statement("SELECT id, version FROM articles WHERE ?1 IS NULL OR id = ?1 ORDER BY id");
    st.setObject(1, id);
    Map<Long, Integer> versions = new LinkedHashMap<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        versions.put(rs.getLong(1), rs.getInt(2));
      }
    }
    return versions;
  }

  /** {@inheritDoc} Empty when there is no article {@code id} or it has one version. */
  @Override
  public List<StoredArticle> history(long id) throws IOException {
    return locked("read the history of article " + id, () -> {
      PreparedStatement st = statement("SELECT a.id, a.key, v.content_hash, v.version, v.stored_at, v.analysis "
          + "FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE v.article_id = ? ORDER BY v.version");
      st.setLong(1, id);
      return articles(st);
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Versions count the latest ones too; entities, sources and authors count those that the
   * latest versions mention (an entity dropped by an update is not counted).
   */
  @Override
  public StoreStats stats() throws IOException {
    // one read transaction: one snapshot for all the counts
    return locked("count", () -> inTransaction("BEGIN", () -> new StoreStats(
        count("SELECT count(*) FROM articles"),
        count("SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM article_versions)"),
        count("SELECT count(*) FROM entities e WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"),
        count("SELECT count(*) FROM mentions"),
        count("SELECT count(*) FROM quotes"),
        count("SELECT count(*) FROM sources s WHERE EXISTS (SELECT 1 FROM articles a WHERE a.source_id = s.id)"),
        count("SELECT count(*) FROM authors w WHERE EXISTS "
            + "(SELECT 1 FROM article_authors aa WHERE aa.author_id = w.id)"))));
  }

  private long count(String sql) throws SQLException {
    try (ResultSet rs = statement(sql).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Words are compared in lower case, as whole words, in order ("antony blinken" finds "Antony
   * Blinken", "Blink" does not). {@code speaker} is looked for in the speaker as written and in
   * its canonical name; {@code about} in the quote's text and in the canonical names of the
   * entities mentioned in the sentences the quote lies in (which include the speaker when the
   * sentence names them). The period is inclusive, on the article's publication date: articles
   * without one are left out when a period is given, and come last otherwise. Newest first, then by
   * article id (newest first) and position in the article.
   *
   * <p>A page after a cursor ({@link QuoteQuery#cursor}) seeks to the cursor's day in the index
   * {@code quotes_newest}, so it costs about what the first page costs however deep it is (on a
   * million quotes, a page near the end: 1 ms instead of 190 ms for a scan up to the cursor).
   *
   * @throws IllegalArgumentException when {@code speaker} or {@code about} has no words, or the cursor
   *     is not a quote's position ("bad cursor: …")
   */
  @Override
  public List<QuoteHit> quotes(QuoteQuery query) throws IOException {
    Cursor after = Cursor.decode(query.cursor());
    StringBuilder sql = new StringBuilder("SELECT " + QUOTE_COLUMNS
        + " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (query.speaker() != null) {
      sql.append(" AND instr(q.speaker_words, ?) > 0");
      args.add(Words.query("speaker", query.speaker()));
    }
    if (query.about() != null) {
      String about = Words.query("about", query.about());
      sql.append(" AND (instr(q.text_words, ?) > 0 OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = "
          + "q.article_id AND m.start_offset >= q.sentence_start AND m.end_offset <= q.sentence_end AND m.entity_id IN "
          + "(SELECT e.id FROM entities e WHERE instr(e.canonical_words, ?) > 0)))");
      args.add(about);
      args.add(about);
    }
    if (query.from() != null) {
      sql.append(" AND q.published >= ?");
      args.add(query.from().toString());
    }
    if (query.to() != null) {
      sql.append(" AND q.published <= ?");
      args.add(query.to().toString());
    }
    // the order of the index quotes_newest (whose last column is, implicitly, the rowid q.id); SQLite
    // puts nulls last in descending order
    String order = " ORDER BY q.published DESC, q.article_id DESC, q.start_offset, q.id LIMIT ?";
    if (after == null) {
      return quotesWhere(query, sql + order, args, query.limit());
    }
    QuotePosition p = QuotePosition.of(after);
    // after p: the same day and a lower article id, or the same article and a later offset, or the
    // same offset and a higher quote id; then earlier days; then the undated quotes
    String inDay = " AND (q.article_id < ? OR (q.article_id = ? AND (q.start_offset > ? OR (q.start_offset = ? "
        + "AND q.id > ?))))";
    List<Object> inDayArgs = List.of(p.articleId(), p.articleId(), p.start(), p.start(), after.id());
    if (p.published() == null) {
      return quotesWhere(query, sql + " AND q.published IS NULL" + inDay + order, concat(args, inDayArgs),
          query.limit());
    }
    // two queries, so that each seeks in the index rather than scanning it up to the cursor: the dated
    // quotes from the cursor's day down (a range), then, if the page is not full, the undated ones
    List<Object> datedArgs = concat(args, List.of(p.published(), p.published()));
    List<QuoteHit> dated = quotesWhere(query, sql + " AND q.published <= ? AND (q.published < ? OR (1 = 1"
        + inDay + "))" + order, concat(datedArgs, inDayArgs), query.limit());
    if (dated.size() == query.limit()) {
      return dated;
    }
    List<QuoteHit> page = new ArrayList<>(dated);
    page.addAll(quotesWhere(query, sql + " AND q.published IS NULL" + order, args, query.limit() - dated.size()));
    return page;
  }

  private List<QuoteHit> quotesWhere(QuoteQuery query, String sql, List<Object> args, int limit) throws IOException {
    List<Object> all = concat(args, List.of(limit));
    return locked("find quotes " + query, () -> {
      PreparedStatement st = statement(sql);
      bind(st, all);
      return quoteHits(st);
    });
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A quote's place in the listing of {@link #quotes}: its day (or null), article and offset. */
  private record QuotePosition(String published, long articleId, long start) {

    /** From a {@link Cursor} whose key is "{@code articleId:start:published}" (published may be empty). */
    static QuotePosition of(Cursor c) {
      String[] parts = c.key().split(":", -1);
      try {
        if (parts.length == 3) {
          return new QuotePosition(parts[2].isEmpty() ? null : parts[2], Long.parseLong(parts[0]),
              Long.parseLong(parts[1]));
        }
      } catch (NumberFormatException e) {
        // below
      }
      throw new IllegalArgumentException("bad cursor: " + c.encode());
    }

    static String encode(long quoteId, String published, long articleId, long start) {
      return new Cursor(quoteId, articleId + ":" + start + ":" + (published == null ? "" : published)).encode();
    }
  }

  // ---- the reader's queries (schema version 2) ----

  /** The most a listing gives in one page. */
  public static final int MAX_PAGE = 100;

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ": " + limit);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Driven by the narrowest index: the entity's or author's article list when filtered by one,
   * else the articles by source, language or day; each page costs a range scan of the index plus
   * the page's rows.
   */
  @Override
  public Page<ArticleSummary> articles(ArticleFilter filter, String cursor, int limit) throws IOException {
    Objects.requireNonNull(filter, "filter");
    checkLimit(limit);
    Cursor after = Cursor.decode(cursor);
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    String day;
    String id;
    boolean needArticles = filter.sourceId() != null || filter.language() != null;
    if (filter.entityId() != null) {
      sql.append("SELECT x.article_id, x.day FROM article_entities x")
          .append(needArticles ? " JOIN articles a ON a.id = x.article_id" : "").append(" WHERE x.entity_id = ?");
      args.add(filter.entityId());
      day = "x.day";
      id = "x.article_id";
      if (filter.authorId() != null) {
        sql.append(" AND EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = x.article_id "
            + "AND aa.author_id = ?)");
        args.add(filter.authorId());
      }
    } else if (filter.authorId() != null) {
      sql.append("SELECT x.article_id, x.day FROM author_articles x")
          .append(needArticles ? " JOIN articles a ON a.id = x.article_id" : "").append(" WHERE x.author_id = ?");
      args.add(filter.authorId());
      day = "x.day";
      id = "x.article_id";
    } else {
      sql.append("SELECT a.id, a.day FROM articles a WHERE 1 = 1");
      day = "a.day";
      id = "a.id";
    }
    if (filter.sourceId() != null) {
      sql.append(" AND a.source_id = ?");
      args.add(filter.sourceId());
    }
    if (filter.language() != null) {
      sql.append(" AND a.language = ?");
      args.add(filter.language());
    }
    if (filter.from() != null) {
      sql.append(" AND ").append(day).append(" >= ?");
      args.add(filter.from().toString());
    }
    if (filter.to() != null) {
      sql.append(" AND ").append(day).append(" <= ?");
      args.add(filter.to().toString());
    }
    if (after != null) {
      sql.append(" AND (").append(day).append(", ").append(id).append(") < (?, ?)");
      args.add(after.key());
      args.add(after.id());
    }
    sql.append(" ORDER BY ").append(day).append(" DESC, ").append(id).append(" DESC LIMIT ?");
    args.add(limit + 1);
    return reading("list articles " + filter, () -> {
      PreparedStatement st = statement(sql.toString());
      bind(st, args);
      List<Long> ids = new ArrayList<>();
      String lastDay = null;
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next() && ids.size() < limit + 1) {
          ids.add(rs.getLong(1));
          if (ids.size() == limit) {
            lastDay = rs.getString(2);
          }
        }
      }
      String next = null;
      if (ids.size() > limit) {
        ids = ids.subList(0, limit);
        next = new Cursor(ids.get(limit - 1), lastDay).encode();
      }
      return new Page<>(summariesLocked(ids), next);
    });
  }

  @Override
  public List<ArticleSummary> summaries(List<Long> ids) throws IOException {
    if (ids.size() > 1000) {
      throw new IllegalArgumentException("at most 1000 summaries at a time: " + ids.size());
    }
    List<Long> copy = List.copyOf(ids);
    return locked("summarise " + copy.size() + " articles", () -> summariesLocked(copy));
  }

  /** The summaries of articles {@code ids}, in that order (missing ones left out). Under the lock. */
  private List<ArticleSummary> summariesLocked(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    String idList = ids.toString(); // "[1, 2, 3]": a JSON array for json_each
    Map<Long, List<AuthorRef>> authors = authorsOf(idList);
    PreparedStatement st = statement("SELECT a.id, a.title, a.url, a.published, a.language, s.id, s.host, s.site, "
        + "nullif(a.snippet, '') FROM articles a LEFT JOIN sources s ON s.id = a.source_id "
        + "WHERE a.id IN (SELECT value FROM json_each(?))");
    st.setString(1, idList);
    Map<Long, ArticleSummary> byId = new HashMap<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        long sourceId = rs.getLong(6);
        SourceRef source = rs.wasNull() ? null : new SourceRef(sourceId, rs.getString(7), rs.getString(8));
        byId.put(id, new ArticleSummary(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), source,
            authors.getOrDefault(id, List.of()), rs.getString(9)));
      }
    }
    List<ArticleSummary> out = new ArrayList<>(ids.size());
    for (long id : ids) {
      ArticleSummary s = byId.get(id);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The bylines of the articles in {@code idList} (a JSON array of ids). Under the lock. */
  private Map<Long, List<AuthorRef>> authorsOf(String idList) throws SQLException {
    PreparedStatement st = statement("SELECT aa.article_id, w.id, w.name FROM article_authors aa "
        + "JOIN authors w ON w.id = aa.author_id WHERE aa.article_id IN (SELECT value FROM json_each(?)) "
        + "ORDER BY aa.article_id, aa.position");
    st.setString(1, idList);
    Map<Long, List<AuthorRef>> authors = new HashMap<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new AuthorRef(rs.getLong(2), rs.getString(3)));
      }
    }
    return authors;
  }

  @Override
  public Optional<ArticleView> articleView(long id) throws IOException {
    return reading("read article " + id, () -> {
      PreparedStatement st = statement("SELECT " + ARTICLE_COLUMNS + ", s.id, s.host, s.site FROM articles a "
          + "LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?");
      st.setLong(1, id);
      StoredArticle article;
      SourceRef source = null;
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.<ArticleView>empty();
        }
        article = article(rs);
        long sourceId = rs.getLong(7);
        if (!rs.wasNull()) {
          source = new SourceRef(sourceId, rs.getString(8), rs.getString(9));
        }
      }
      List<AuthorRef> authors = authorsOf("[" + id + "]").getOrDefault(id, List.of());
      Map<String, Long> entityIds = new HashMap<>();
      Map<String, String> shown = new HashMap<>();
      Map<Integer, Long> kbAt = new HashMap<>(); // mention offset → entity: the stored names may be older
      Map<Long, String> kbNames = new HashMap<>();
      PreparedStatement names = statement("SELECT m.start_offset, e.kb_id, k.name FROM mentions m "
          + "JOIN entities e ON e.id = m.entity_id JOIN kb_entities k ON k.id = e.kb_id WHERE m.article_id = ?");
      names.setLong(1, id);
      try (ResultSet rs = names.executeQuery()) {
        while (rs.next()) {
          kbAt.put(rs.getInt(1), rs.getLong(2));
          kbNames.put(rs.getLong(2), rs.getString(3));
        }
      }
      Map<String, String> local = resolver.localNames(kbNames.values(), article.analysis().language());
      for (Entity e : article.analysis().entities()) {
        Long kb = kbAt.get(e.start());
        if (kb != null && entityIds.putIfAbsent(e.canonical(), kb) == null) {
          shown.put(e.canonical(), local.getOrDefault(kbNames.get(kb), kbNames.get(kb)));
        }
      }
      for (Quote q : article.analysis().quotes()) {
        String speaker = q.speakerCanonical();
        if (speaker != null && !entityIds.containsKey(speaker)) {
          kbId(speaker).ifPresent(kb -> entityIds.put(speaker, kb));
        }
      }
      return Optional.of(new ArticleView(article, source, authors, article.analysis().article().authorBio(),
          entityIds, shown));
    });
  }

  /**
   * The entity that answers for entity {@code id}: itself while it has articles, else the entity it
   * was merged into (following at most {@link ResolverTables#MAX_REDIRECTS} merges).
   */
  private long followRedirects(long id) throws SQLException {
    long at = id;
    PreparedStatement st = statement("SELECT articles FROM kb_entities WHERE id = ?");
    for (int i = 0; i < ResolverTables.MAX_REDIRECTS; i++) {
      st.setLong(1, at);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next() && rs.getLong(1) > 0) {
          return at;
        }
      }
      Long next = resolver.redirected(at);
      if (next == null) {
        return at;
      }
      at = next;
    }
    return at;
  }

  @Override
  public List<NameSighting> nameSightings() throws IOException {
    return reading("read the entity resolver's names", resolver::sightings);
  }

  @Override
  public Map<String, String> nameEntities() throws IOException {
    return reading("read the entity resolver's entities", resolver::entities);
  }

  @Override
  public void moveNames(Map<String, String> moved) throws IOException {
    Objects.requireNonNull(moved, "moved");
    locked("move " + moved.size() + " entity names", () -> inTransaction("BEGIN IMMEDIATE", () -> {
      resolver.move(moved);
      return null;
    }));
  }

  @Override
  public void importNames(List<NameSighting> sightings, Map<String, String> entities) throws IOException {
    Objects.requireNonNull(sightings, "sightings");
    Objects.requireNonNull(entities, "entities");
    locked("import " + sightings.size() + " entity names", () -> inTransaction("BEGIN IMMEDIATE", () -> {
      resolver.importNames(sightings, entities);
      return null;
    }));
  }

  @Override
  public String localName(String name, String language) throws IOException {
    Objects.requireNonNull(name, "name");
    return reading("find the " + language + " name of " + name,
        () -> resolver.localNames(List.of(name), language).getOrDefault(name, name));
  }

  @Override
  public ResolverCheck checkNames() throws IOException {
    return reading("check the entity resolver's names", resolver::check);
  }

  /** The knowledge-base entity named exactly {@code name}. Under the lock. */
  private Optional<Long> kbId(String name) throws SQLException {
    PreparedStatement st = statement("SELECT id FROM kb_entities WHERE name = ?");
    st.setString(1, name);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>By its canonical name exactly, else in any case, else by the most frequent entity written
   * that way in articles (an alias, any case).
   */
  @Override
  public Optional<Long> entityId(String name) throws IOException {
    Objects.requireNonNull(name, "name");
    String n = name.strip();
    return reading("find entity " + n, () -> {
      Optional<Long> exact = kbId(n);
      if (exact.isPresent()) {
        return exact;
      }
      PreparedStatement st = statement("SELECT id FROM kb_entities WHERE name = ? COLLATE NOCASE AND articles > 0 "
          + "ORDER BY articles DESC LIMIT 1");
      st.setString(1, n);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          return Optional.of(rs.getLong(1));
        }
      }
      st = statement("SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE ORDER BY mentions DESC "
          + "LIMIT 1");
      st.setString(1, n);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
      }
    });
  }

  @Override
  public Optional<EntityProfile> entity(String name) throws IOException {
    Optional<Long> id = entityId(name);
    return id.isPresent() ? entity(id.get()) : Optional.empty();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Read from the aggregate tables, never from all the entity's mentions: quotes about it and
   * co-occurring entities come from its latest {@link EntityProfile#WINDOW} articles.
   */
  @Override
  public Optional<EntityProfile> entity(long asked) throws IOException {
    return reading("profile entity " + asked, () -> {
      long id = followRedirects(asked);
      PreparedStatement st = statement("SELECT name, type, articles FROM kb_entities WHERE id = ? AND articles > 0");
      st.setLong(1, id);
      String name;
      String type;
      long articles;
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.<EntityProfile>empty();
        }
        name = rs.getString(1);
        type = rs.getString(2);
        articles = rs.getLong(3);
      }
      List<EntityProfile.Count> aliases = new ArrayList<>();
      st = statement("SELECT alias, mentions FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, alias "
          + "LIMIT 50");
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          aliases.add(new EntityProfile.Count(rs.getString(1), type, rs.getLong(2)));
        }
      }
      List<EntityProfile.Role> roles = new ArrayList<>();
      st = statement("SELECT role, mentions, first_day, last_day FROM entity_roles WHERE entity_id = ? "
          + "ORDER BY mentions DESC, role LIMIT 50");
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          roles.add(new EntityProfile.Role(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
        }
      }
      Map<String, Long> perDay = new java.util.TreeMap<>();
      st = statement("SELECT day, mentions FROM entity_days WHERE entity_id = ?");
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String day = rs.getString(1);
          perDay.merge(day.isEmpty() ? "undated" : day, rs.getLong(2), Long::sum);
        }
      }
      List<EntityRef> together = new ArrayList<>();
      // counted over the window, ordered by count alone; only the 20 kept get their names
      st = statement("SELECT k.id, k.name, k.type, t.n FROM (SELECT x.entity_id AS id, count(*) AS n "
          + "FROM article_entities x WHERE x.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?1 "
          + "ORDER BY day DESC, article_id DESC LIMIT " + EntityProfile.WINDOW + ") AND x.entity_id <> ?1 "
          + "GROUP BY x.entity_id ORDER BY n DESC, x.entity_id LIMIT 20) t JOIN kb_entities k ON k.id = t.id "
          + "ORDER BY t.n DESC, k.name");
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          together.add(new EntityRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
      }
      st = statement("SELECT " + QUOTE_COLUMNS + " FROM quotes q JOIN articles a ON a.id = q.article_id "
          + "WHERE q.speaker_canonical = ? ORDER BY q.published DESC, q.article_id DESC, q.start_offset LIMIT 20");
      st.setString(1, name);
      List<QuoteHit> by = quoteHits(st);
      return Optional.of(new EntityProfile(id, name, type, articles, aliases, roles, perDay, by,
          quotesAbout(id, name), together));
    });
  }

  /**
   * Quotes about entity {@code id} (named in the quote's sentences, not its speaker), newest first,
   * from its latest {@link EntityProfile#WINDOW} articles: one query over at most that many
   * articles' quotes, however frequent the entity. Under a read.
   */
  private List<QuoteHit> quotesAbout(long id, String name) throws SQLException {
    PreparedStatement st = statement("SELECT " + QUOTE_COLUMNS + " FROM (SELECT article_id, day FROM article_entities "
        + "WHERE entity_id = ?1 ORDER BY day DESC, article_id DESC LIMIT " + EntityProfile.WINDOW + ") w "
        + "JOIN quotes q ON q.article_id = w.article_id JOIN articles a ON a.id = q.article_id "
        + "WHERE q.speaker_canonical IS NOT ?2 AND EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id "
        + "WHERE m.article_id = q.article_id AND m.start_offset >= q.sentence_start AND m.start_offset < q.sentence_end "
        + "AND m.end_offset <= q.sentence_end AND e.kb_id = ?1) "
        + "ORDER BY w.day DESC, w.article_id DESC, q.start_offset LIMIT 20");
    st.setLong(1, id);
    st.setString(2, name);
    return quoteHits(st);
  }

  private static final String QUOTE_COLUMNS = "q.article_id, a.title, a.url, a.published, q.text, q.kind, q.speaker, "
      + "q.speaker_canonical, q.cue, q.id, q.published, q.start_offset";

  private static List<QuoteHit> quoteHits(PreparedStatement st) throws SQLException {
    List<QuoteHit> hits = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        hits.add(new QuoteHit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            QuotePosition.encode(rs.getLong(10), rs.getString(11), rs.getLong(1), rs.getLong(12))));
      }
    }
    return hits;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Counted from the per-day aggregates: the cost grows with the entities named in the period, not
   * with their mentions.
   */
  @Override
  public List<EntityRef> trending(int days, int limit) throws IOException {
    if (days < 1 || days > 3660) {
      throw new IllegalArgumentException("days must be 1 to 3660: " + days);
    }
    checkLimit(limit);
    return reading("find trending entities", () -> {
      String newest;
      try (ResultSet rs = statement("SELECT max(day) FROM articles").executeQuery()) {
        rs.next();
        newest = rs.getString(1);
      }
      if (newest == null || newest.isEmpty()) {
        return List.<EntityRef>of();
      }
      String first;
      try {
        first = LocalDate.parse(newest).minusDays(days - 1L).toString();
      } catch (DateTimeParseException e) {
        first = newest; // a day that is not a date: that day alone
      }
      // NOTE: by the day index, always: with statistics SQLite may prefer skipping through the primary
      // key entity by entity, which reads every entity's days
      PreparedStatement st = statement("SELECT k.id, k.name, k.type, t.n FROM (SELECT d.entity_id AS id, "
          + "sum(d.articles) AS n FROM entity_days d INDEXED BY entity_days_day WHERE d.day BETWEEN ? AND ? "
          + "GROUP BY d.entity_id ORDER BY n DESC, d.entity_id LIMIT ?) t JOIN kb_entities k ON k.id = t.id "
          + "ORDER BY t.n DESC, k.name");
      st.setString(1, first);
      st.setString(2, newest);
      st.setInt(3, limit);
      List<EntityRef> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new EntityRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
      }
      return out;
    });
  }

  @Override
  public Page<EntityRef> entities(String cursor, int limit) throws IOException {
    checkLimit(limit);
    Cursor after = Cursor.decode(cursor);
    return reading("list entities", () -> {
      PreparedStatement st = statement("SELECT id, name, type, articles FROM kb_entities WHERE articles > 0 "
          + "AND (?1 IS NULL OR (articles, id) < (?1, ?2)) ORDER BY articles DESC, id DESC LIMIT ?3");
      st.setObject(1, after == null ? null : after.number());
      st.setObject(2, after == null ? null : after.id());
      st.setInt(3, limit + 1);
      List<EntityRef> refs = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          refs.add(new EntityRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
      }
      if (refs.size() <= limit) {
        return new Page<>(refs, null);
      }
      EntityRef last = refs.get(limit - 1);
      return new Page<>(refs.subList(0, limit), new Cursor(last.id(), Long.toString(last.articles())).encode());
    });
  }

  @Override
  public Optional<SourceProfile> source(long id) throws IOException {
    return reading("read source " + id, () -> sourceProfile(id));
  }

  private Optional<SourceProfile> sourceProfile(long id) throws SQLException {
    PreparedStatement st = statement("SELECT host, site, articles FROM sources WHERE id = ?");
    st.setLong(1, id);
    String host;
    String site;
    long articles;
    try (ResultSet rs = st.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      host = rs.getString(1);
      site = rs.getString(2);
      articles = rs.getLong(3);
    }
    // min and max each on their own, so that SQLite reads one end of the index
    PreparedStatement min = statement("SELECT min(day) FROM articles WHERE source_id = ? AND day > ''");
    min.setLong(1, id);
    PreparedStatement max = statement("SELECT max(day) FROM articles WHERE source_id = ? AND day > ''");
    max.setLong(1, id);
    String first;
    String last;
    try (ResultSet rs = min.executeQuery()) {
      rs.next();
      first = rs.getString(1);
    }
    try (ResultSet rs = max.executeQuery()) {
      rs.next();
      last = rs.getString(1);
    }
    return Optional.of(new SourceProfile(id, host, site, articles, first, last));
  }

  @Override
  public Page<SourceProfile> sources(String cursor, int limit) throws IOException {
    return bySize("sources", cursor, limit, this::sourceProfile, SourceProfile::id, SourceProfile::articles);
  }

  /** Reads one profile by id. */
  @FunctionalInterface
  private interface Profile<T> {
    Optional<T> read(long id) throws SQLException;
  }

  /**
   * A page of the rows of {@code table} (sources or authors) with articles, by their {@code articles}
   * count descending then id descending, each read by {@code profile}.
   */
  private <T> Page<T> bySize(String table, String cursor, int limit, Profile<T> profile,
      java.util.function.ToLongFunction<T> id, java.util.function.ToLongFunction<T> articles) throws IOException {
    checkLimit(limit);
    Cursor after = Cursor.decode(cursor);
    return reading("list " + table, () -> {
      PreparedStatement st = statement("SELECT id FROM " + table + " WHERE articles > 0 "
          + "AND (?1 IS NULL OR (articles, id) < (?1, ?2)) ORDER BY articles DESC, id DESC LIMIT ?3");
      st.setObject(1, after == null ? null : after.number());
      st.setObject(2, after == null ? null : after.id());
      st.setInt(3, limit + 1);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      List<T> out = new ArrayList<>();
      for (long each : ids.subList(0, Math.min(limit, ids.size()))) {
        profile.read(each).ifPresent(out::add);
      }
      String next = null;
      if (ids.size() > limit && !out.isEmpty()) {
        T last = out.get(out.size() - 1);
        next = new Cursor(id.applyAsLong(last), Long.toString(articles.applyAsLong(last))).encode();
      }
      return new Page<>(out, next);
    });
  }

  @Override
  public Optional<Long> sourceId(String hostOrSite) throws IOException {
    Objects.requireNonNull(hostOrSite, "hostOrSite");
    String name = hostOrSite.strip().toLowerCase(Locale.ROOT);
    String host = name.startsWith("www.") ? name.substring(4) : name;
    return reading("find source " + hostOrSite, () -> {
      PreparedStatement st = statement("SELECT id FROM sources WHERE host = ?");
      st.setString(1, host);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          return Optional.of(rs.getLong(1));
        }
      }
      st = statement("SELECT id FROM sources WHERE site = ? COLLATE NOCASE ORDER BY articles DESC LIMIT 1");
      st.setString(1, hostOrSite.strip());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
      }
    });
  }

  @Override
  public Optional<AuthorProfile> author(long id) throws IOException {
    return reading("read author " + id, () -> authorProfile(id));
  }

  private Optional<AuthorProfile> authorProfile(long id) throws SQLException {
    PreparedStatement st = statement("SELECT name, bio, articles FROM authors WHERE id = ?");
    st.setLong(1, id);
    String name;
    String bio;
    long articles;
    try (ResultSet rs = st.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      name = rs.getString(1);
      bio = rs.getString(2);
      articles = rs.getLong(3);
    }
    List<SourceRef> sources = new ArrayList<>();
    st = statement("SELECT s.id, s.host, s.site FROM author_sources x JOIN sources s ON s.id = x.source_id "
        + "WHERE x.author_id = ? AND x.articles > 0 ORDER BY x.articles DESC, s.id LIMIT 20");
    st.setLong(1, id);
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        sources.add(new SourceRef(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
    }
    return Optional.of(new AuthorProfile(id, name, bio, articles, sources));
  }

  @Override
  public Page<AuthorProfile> authors(String cursor, int limit) throws IOException {
    return bySize("authors", cursor, limit, this::authorProfile, AuthorProfile::id, AuthorProfile::articles);
  }

  @Override
  public Optional<Long> authorId(String name) throws IOException {
    Objects.requireNonNull(name, "name");
    return reading("find author " + name, () -> {
      PreparedStatement st = statement("SELECT id FROM authors WHERE name = ? COLLATE NOCASE ORDER BY name = ?1 DESC, "
          + "articles DESC LIMIT 1");
      st.setString(1, name.strip());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>The last stored instant is that of the article with the highest id (an update of an older
   * article is not counted). The counts take a scan of the quotes' smallest index: cache them.
   */
  @Override
  public IngestStatus status() throws IOException {
    return reading("read the status", () -> {
      Instant last = null;
      try (ResultSet rs = statement("SELECT stored_at FROM articles ORDER BY id DESC LIMIT 1").executeQuery()) {
        if (rs.next()) {
          last = Instant.parse(rs.getString(1));
        }
      }
      return new IngestStatus(count("SELECT count(*) FROM articles"),
          count("SELECT count(*) FROM kb_entities WHERE articles > 0"),
          count("SELECT count(*) FROM quotes"),
          count("SELECT count(*) FROM sources WHERE articles > 0"),
          count("SELECT count(*) FROM authors WHERE articles > 0"),
          last);
    });
  }

  @Override
  public long addUser(String name, String passwordHash) throws IOException {
    if (name == null || name.isBlank() || name.length() > 100 || !name.equals(name.strip())
        || name.codePoints().anyMatch(SqliteStore::unprintable)) {
      throw new IllegalArgumentException("bad user name: '" + (name == null ? null : name.codePoints()
          .map(c -> unprintable(c) ? '?' : c).collect(StringBuilder::new, StringBuilder::appendCodePoint,
              StringBuilder::append)) + "' (1 to 100 printable characters, no space at either end)");
    }
    Objects.requireNonNull(passwordHash, "passwordHash");
    return locked("add user " + name, () -> inTransaction("BEGIN IMMEDIATE", () -> {
      if (userId(name).isPresent()) {
        throw new IllegalArgumentException("user " + name + " exists (change their password with lente user passwd "
            + name + ")");
      }
      PreparedStatement st = statement("INSERT INTO users (name, password, created_at) VALUES (?, ?, ?)");
      st.setString(1, name);
      st.setString(2, passwordHash);
      st.setString(3, Instant.now().toString());
      st.executeUpdate();
      return lastInsertId();
    }));
  }

  /** Control and format characters (line breaks, U+202E and the other direction marks) have no place in a name. */
  private static boolean unprintable(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  @Override
  public Optional<User> user(String name) throws IOException {
    return locked("read user " + name, () -> {
      PreparedStatement st = statement("SELECT id, password FROM users WHERE name = ?");
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(new User(rs.getLong(1), name, rs.getString(2))) : Optional.<User>empty();
      }
    });
  }

  /** {@inheritDoc} Both in one transaction: no session of the old password outlives the change. */
  @Override
  public int setPassword(String name, String passwordHash) throws IOException {
    Objects.requireNonNull(passwordHash, "passwordHash");
    return locked("set the password of " + name, () -> inTransaction("BEGIN IMMEDIATE", () -> {
      long id = existingUserId(name);
      PreparedStatement st = statement("UPDATE users SET password = ? WHERE id = ?");
      st.setString(1, passwordHash);
      st.setLong(2, id);
      st.executeUpdate();
      return deleteById("DELETE FROM sessions WHERE user_id = ?", id);
    }));
  }

  /**
   * {@inheritDoc} The user's tokens and sessions go in the same transaction, whether or not the
   * connection enforces the schema's ON DELETE CASCADE.
   */
  @Override
  public boolean removeUser(String name) throws IOException {
    return locked("remove user " + name, () -> inTransaction("BEGIN IMMEDIATE", () -> {
      Optional<Long> id = userId(name);
      if (id.isEmpty()) {
        return false;
      }
      deleteById("DELETE FROM sessions WHERE user_id = ?", id.get());
      deleteById("DELETE FROM api_tokens WHERE user_id = ?", id.get());
      deleteById("DELETE FROM users WHERE id = ?", id.get());
      return true;
    }));
  }

  @Override
  public long putToken(String tokenHash, String name) throws IOException {
    Objects.requireNonNull(tokenHash, "tokenHash");
    return locked("add a token for " + name, () -> inTransaction("BEGIN IMMEDIATE", () -> {
      long id = existingUserId(name);
      PreparedStatement st = statement("INSERT INTO api_tokens (hash, user_id, created_at) VALUES (?, ?, ?)");
      st.setString(1, tokenHash);
      st.setLong(2, id);
      st.setString(3, Instant.now().toString());
      st.executeUpdate();
      return lastInsertId();
    }));
  }

  /**
   * {@inheritDoc} The check runs on a read connection; only a last use to record takes the write
   * lock, at most once per {@link #LAST_USE_STEP} and token.
   */
  @Override
  public Optional<String> tokenUser(String tokenHash, Instant now) throws IOException {
    Objects.requireNonNull(now, "now");
    record Found(long id, String user, boolean stale) {}
    long staleBefore = now.minus(LAST_USE_STEP).toEpochMilli();
    Optional<Found> found = reading("check a token", () -> {
      PreparedStatement st = statement("SELECT t.id, u.name, t.last_used_at FROM api_tokens t "
          + "JOIN users u ON u.id = t.user_id WHERE t.hash = ?");
      st.setString(1, tokenHash);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.<Found>empty();
        }
        Long lastUsed = nullableLong(rs, 3);
        return Optional.of(new Found(rs.getLong(1), rs.getString(2), lastUsed == null || lastUsed <= staleBefore));
      }
    });
    if (found.isPresent() && found.get().stale()) {
      locked("record the use of token " + found.get().id(), () -> {
        PreparedStatement st = statement("UPDATE api_tokens SET last_used_at = ? WHERE id = ? "
            + "AND (last_used_at IS NULL OR last_used_at <= ?)");
        st.setLong(1, now.toEpochMilli());
        st.setLong(2, found.get().id());
        st.setLong(3, staleBefore);
        return st.executeUpdate();
      });
    }
    return found.map(Found::user);
  }

  @Override
  public List<Token> tokens() throws IOException {
    return reading("list the tokens", () -> {
      List<Token> tokens = new ArrayList<>();
      PreparedStatement st = statement("SELECT t.id, u.name, t.created_at, t.last_used_at FROM api_tokens t "
          + "JOIN users u ON u.id = t.user_id ORDER BY t.id");
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Long lastUsed = nullableLong(rs, 4);
          tokens.add(new Token(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
              lastUsed == null ? null : Instant.ofEpochMilli(lastUsed)));
        }
      }
      return tokens;
    });
  }

  @Override
  public boolean revokeToken(long id) throws IOException {
    return locked("revoke token " + id, () -> deleteById("DELETE FROM api_tokens WHERE id = ?", id) > 0);
  }

  @Override
  public int revokeTokens(String name) throws IOException {
    return locked("revoke the tokens of " + name, () -> inTransaction("BEGIN IMMEDIATE",
        () -> deleteById("DELETE FROM api_tokens WHERE user_id = ?", existingUserId(name))));
  }

  @Override
  public boolean putSession(String idHash, User user, Instant expires) throws IOException {
    Objects.requireNonNull(idHash, "idHash");
    Objects.requireNonNull(expires, "expires");
    return locked("start a session for " + user.name(), () -> {
      PreparedStatement st = statement("INSERT INTO sessions (hash, user_id, expires_at, created_at) "
          + "SELECT ?, id, ?, ? FROM users WHERE id = ? AND password = ?");
      st.setString(1, idHash);
      st.setLong(2, expires.toEpochMilli());
      st.setString(3, Instant.now().toString());
      st.setLong(4, user.id());
      st.setString(5, user.passwordHash());
      return st.executeUpdate() == 1;
    });
  }

  /** {@inheritDoc} On a read connection: checking a session does not wait for a write. */
  @Override
  public Optional<String> sessionUser(String idHash, Instant now) throws IOException {
    return reading("check a session", () -> {
      PreparedStatement st = statement("SELECT u.name FROM sessions s JOIN users u ON u.id = s.user_id "
          + "WHERE s.hash = ? AND s.expires_at > ?");
      st.setString(1, idHash);
      st.setLong(2, now.toEpochMilli());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
      }
    });
  }

  /** Column {@code column} of the current row as a long, or null for NULL. */
  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** The id of user {@code name}, or empty. Called under the lock. */
  private Optional<Long> userId(String name) throws SQLException {
    PreparedStatement st = statement("SELECT id FROM users WHERE name = ?");
    st.setString(1, name);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  /** The id of user {@code name}; IllegalArgumentException when there is none. Called under the lock. */
  private long existingUserId(String name) throws SQLException {
    return userId(name).orElseThrow(() -> new IllegalArgumentException("no user " + name
        + " (add one with lente user add " + name + ")"));
  }

  /** Runs {@code sql}, a DELETE with one parameter, the id {@code id}; how many rows went. Called under the lock. */
  private int deleteById(String sql, long id) throws SQLException {
    PreparedStatement st = statement(sql);
    st.setLong(1, id);
    return st.executeUpdate();
  }

  /** The rowid of the last row inserted on the write connection. Called under the lock. */
  private long lastInsertId() throws SQLException {
    try (ResultSet rs = statement("SELECT last_insert_rowid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void deleteSession(String idHash) throws IOException {
    locked("end a session", () -> {
      PreparedStatement st = statement("DELETE FROM sessions WHERE hash = ?");
      st.setString(1, idHash);
      st.executeUpdate();
      return null;
    });
  }

  @Override
  public int pruneSessions(Instant now, int keep) throws IOException {
    if (keep < 0) {
      throw new IllegalArgumentException("keep must not be negative: " + keep);
    }
    return locked("prune sessions", () -> {
      PreparedStatement ended = statement("DELETE FROM sessions WHERE expires_at <= ?");
      ended.setLong(1, now.toEpochMilli());
      int gone = ended.executeUpdate();
      PreparedStatement surplus = statement("DELETE FROM sessions WHERE hash IN (SELECT hash FROM sessions "
          + "ORDER BY expires_at DESC, hash LIMIT -1 OFFSET ?)");
      surplus.setInt(1, keep);
      return gone + surplus.executeUpdate();
    });
  }

  private static void bind(PreparedStatement st, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      st.setObject(i + 1, args.get(i));
    }
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

  /** The articles a query of {@link #ARTICLE_COLUMNS} (or columns of the same shape) returns. */
  private List<StoredArticle> articles(PreparedStatement st) throws SQLException {
    List<StoredArticle> found = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        found.add(article(rs));
      }
    }
    return found;
  }

  /** The article at the current row of a query of {@link #ARTICLE_COLUMNS} (or columns of the same shape). */
  private static StoredArticle article(ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    int version = rs.getInt(4);
    Analysis analysis;
    try {
      analysis = AnalysisJson.read(rs.getString(6));
    } catch (IOException e) {
      throw new SQLException("unreadable analysis of article " + id + " version " + version + ": "
          + e.getMessage(), e);
    }
    return new StoredArticle(id, rs.getString(2), rs.getString(3), version, Instant.parse(rs.getString(5)), analysis);
  }

  /** A prepared statement for {@code sql}, prepared once per connection. Called under the lock. */
  private PreparedStatement statement(String sql) throws SQLException {
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
   * prepares on that connection meanwhile. An SQLException becomes an IOException saying what could
   * not be done.
   */
  private <T> T reading(String what, Work<T> work) throws IOException {
    checkOpen();
    if (current.get() != null) {
      try {
        return work.run(); // a read within a read: same connection
      } catch (SQLException e) {
        throw failure(what, e);
      }
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
      checkOpen();
      return work.run();
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      current.remove();
      readers.add(reader);
    }
  }

  /** Work on the database that may fail with an SQLException. */
  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} under the lock on an open store; an SQLException becomes an IOException
   * saying what could not be done.
   */
  private <T> T locked(String what, Work<T> work) throws IOException {
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

  /** Runs {@code work} in a transaction begun by {@code begin}: committed, or rolled back when it throws. */
  private <T> T inTransaction(String begin, Work<T> work) throws SQLException {
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

  private void exec(String sql) throws SQLException {
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

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("store closed: " + file);
    }
  }

  private IOException failure(String what, SQLException e) {
    return new IOException(file + ": cannot " + what + ": " + e.getMessage(), e);
  }
}
