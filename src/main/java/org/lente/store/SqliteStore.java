package org.lente.store;

import java.io.IOException;
import java.net.URI;
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
public final class SqliteStore implements ArticleStore {

  /** The database file's name in the store's folder. */
  public static final String FILE = "lente.db";

  /** How long a statement waits for another process's write transaction to end. */
  public static final int BUSY_TIMEOUT_MS = 10_000;

  private static final String ARTICLE_COLUMNS = "a.id, a.key, a.content_hash, a.version, a.stored_at, a.analysis";

  private final Path file;
  private final Connection conn;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;

  private SqliteStore(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  /**
   * Opens the store in {@code dir}, creating the folder and the database when missing and bringing
   * an older schema up to date.
   *
   * @throws NewerSchemaException when the database was written by a newer Lente
   */
  public static SqliteStore open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
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
      return new SqliteStore(file, conn);
    } catch (SQLException e) {
      throw closing(conn, new IOException("cannot open " + file + ": " + e.getMessage(), e));
    } catch (IOException e) {
      throw closing(conn, e);
    } catch (RuntimeException e) {
      throw closing(conn, e);
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
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(analysis, "analysis");
    if (key.isBlank()) {
      throw new IllegalArgumentException("blank key");
    }
    if (analysis.article().text().isBlank()) {
      throw new IllegalArgumentException("no text: " + key);
    }
    String hash = ContentHash.of(analysis.article().text());
    String json = AnalysisJson.write(analysis);
    return locked("put " + key, () -> inTransaction("BEGIN IMMEDIATE", () -> putInTransaction(key, analysis, hash, json)));
  }

  private Put putInTransaction(String key, Analysis analysis, String hash, String json) throws SQLException {
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
    Long sourceId = source(key, article);
    PreparedStatement write;
    if (id == 0) {
      write = statement("INSERT INTO articles (content_hash, stored_at, published, language, title, source, url, "
          + "site, source_id, analysis, key, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id");
      write.setString(11, key);
    } else {
      PreparedStatement keep = statement("INSERT INTO article_versions (article_id, version, content_hash, stored_at, "
          + "analysis) SELECT id, version, content_hash, stored_at, analysis FROM articles WHERE id = ?");
      keep.setLong(1, id);
      keep.executeUpdate();
      deleteFound(id);
      write = statement("UPDATE articles SET content_hash = ?, stored_at = ?, published = ?, language = ?, title = ?, "
          + "source = ?, url = ?, site = ?, source_id = ?, analysis = ?, version = version + 1 WHERE id = ? "
          + "RETURNING id");
      write.setLong(11, id);
    }
    write.setString(1, hash);
    write.setString(2, storedAt);
    write.setString(3, article.published());
    write.setString(4, analysis.language() != null ? analysis.language() : article.language());
    write.setString(5, article.title());
    write.setString(6, article.source());
    write.setString(7, article.url());
    write.setString(8, article.site());
    write.setObject(9, sourceId);
    write.setString(10, json);
    try (ResultSet rs = write.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    insertFound(id, analysis);
    return version == 0 ? new Put(Put.Outcome.STORED, id, 1) : new Put(Put.Outcome.UPDATED, id, version + 1);
  }

  /** The id of the article's site in {@code sources}, added when new; null when no host is known. */
  private Long source(String key, Article article) throws SQLException {
    String host = host(article.url());
    if (host == null) {
      host = host(key);
    }
    if (host == null) {
      host = host(article.source());
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

  /** The host of an http(s) URL, lower case and without "www.", or null. */
  static String host(String url) {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      if (host == null || host.isEmpty()) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null; // not a valid URI: no source rather than no article
    }
  }

  private void deleteFound(long id) throws SQLException {
    for (String table : List.of("article_authors", "mentions", "quotes", "times")) {
      PreparedStatement st = statement("DELETE FROM " + table + " WHERE article_id = ?");
      st.setLong(1, id);
      st.executeUpdate();
    }
  }

  /** Authors, mentions, quotes and times of the analysis, as rows for article {@code id}. */
  private void insertFound(long id, Analysis analysis) throws SQLException {
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

    String language = analysis.language() != null ? analysis.language()
        : analysis.article().language() != null ? analysis.article().language() : "";
    PreparedStatement entity = statement("INSERT INTO entities (type, canonical, language, canonical_words) "
        + "VALUES (?, ?, ?, ?) ON CONFLICT (type, canonical, language) DO UPDATE SET type = excluded.type RETURNING id");
    PreparedStatement mention = statement("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, "
        + "text, role) VALUES (?, ?, ?, ?, ?, ?)");
    Map<String, Long> entityIds = new HashMap<>();
    for (Entity e : analysis.entities()) {
      String entityKey = e.type() + "\t" + e.canonical();
      Long entityId = entityIds.get(entityKey);
      if (entityId == null) {
        entity.setString(1, e.type().name());
        entity.setString(2, e.canonical());
        entity.setString(3, language);
        entity.setString(4, Words.of(e.canonical()));
        try (ResultSet rs = entity.executeQuery()) {
          rs.next();
          entityId = rs.getLong(1);
        }
        entityIds.put(entityKey, entityId);
      }
      mention.setLong(1, id);
      mention.setLong(2, entityId);
      mention.setInt(3, e.start());
      mention.setInt(4, e.end());
      mention.setString(5, e.text());
      mention.setString(6, e.role());
      mention.addBatch();
    }
    mention.executeBatch();

    String day = day(analysis.article().published());
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

  /** The date part ({@code yyyy-MM-dd}) of an ISO-8601 date or date-time, or null. */
  static String day(String published) {
    if (published == null || published.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(published.substring(0, 10)).toString();
    } catch (DateTimeParseException e) {
      return null; // not ISO-8601: the quote has no date
    }
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
  public List<StoredArticle> unindexed(int max) throws IOException {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    return locked("list unindexed articles", () -> {
      PreparedStatement st = statement("SELECT " + ARTICLE_COLUMNS + " FROM articles a "
          + "WHERE a.indexed_version < a.version ORDER BY a.id LIMIT ?");
      st.setInt(1, max);
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
   * @throws IllegalArgumentException when {@code speaker} or {@code about} has no words
   */
  @Override
  public List<QuoteHit> quotes(QuoteQuery query) throws IOException {
    StringBuilder sql = new StringBuilder("SELECT q.article_id, a.title, a.url, a.published, q.text, q.kind, "
        + "q.speaker, q.speaker_canonical, q.cue FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1 = 1");
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
    // the order of the index quotes_newest; SQLite puts nulls last in descending order
    sql.append(" ORDER BY q.published DESC, q.article_id DESC, q.start_offset LIMIT ?");
    args.add(query.limit());
    return locked("find quotes " + query, () -> {
      PreparedStatement st = statement(sql.toString());
      for (int i = 0; i < args.size(); i++) {
        st.setObject(i + 1, args.get(i));
      }
      List<QuoteHit> hits = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          hits.add(new QuoteHit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
        }
      }
      return hits;
    });
  }

  @Override
  public Optional<EntityProfile> entity(String name) throws IOException {
    Optional<EntityProfile> profile = locked("profile entity " + name, () -> {
      // the entity rows of this name (one per language), of its most mentioned type
      PreparedStatement find = statement("SELECT e.type, e.canonical, count(m.id) AS n FROM entities e "
          + "JOIN mentions m ON m.entity_id = e.id WHERE e.canonical = ? COLLATE NOCASE GROUP BY e.type, e.canonical "
          + "ORDER BY n DESC LIMIT 1");
      find.setString(1, name);
      String type;
      String canonical;
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          return Optional.<EntityProfile>empty();
        }
        type = rs.getString(1);
        canonical = rs.getString(2);
      }
      String ids = "(SELECT id FROM entities WHERE type = ? AND canonical = ?)";
      long articles = 0;
      PreparedStatement st = statement("SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id IN " + ids);
      st.setString(1, type);
      st.setString(2, canonical);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        articles = rs.getLong(1);
      }
      List<EntityProfile.Count> aliases = new ArrayList<>();
      st = statement("SELECT text, count(*) AS n FROM mentions WHERE entity_id IN " + ids
          + " GROUP BY text ORDER BY n DESC, text LIMIT 50");
      st.setString(1, type);
      st.setString(2, canonical);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          aliases.add(new EntityProfile.Count(rs.getString(1), type, rs.getLong(2)));
        }
      }
      List<EntityProfile.Role> roles = new ArrayList<>();
      st = statement("SELECT m.role, count(*) AS n, min(substr(a.published, 1, 10)), max(substr(a.published, 1, 10)) "
          + "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.role IS NOT NULL AND m.entity_id IN " + ids
          + " GROUP BY m.role ORDER BY n DESC LIMIT 50");
      st.setString(1, type);
      st.setString(2, canonical);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          roles.add(new EntityProfile.Role(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
        }
      }
      Map<String, Long> perDay = new java.util.TreeMap<>();
      st = statement("SELECT coalesce(substr(a.published, 1, 10), 'undated') AS day, count(*) FROM mentions m "
          + "JOIN articles a ON a.id = m.article_id WHERE m.entity_id IN " + ids + " GROUP BY day");
      st.setString(1, type);
      st.setString(2, canonical);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          perDay.put(rs.getString(1), rs.getLong(2));
        }
      }
      List<EntityProfile.Count> together = new ArrayList<>();
      st = statement("SELECT e2.canonical, e2.type, count(DISTINCT m2.article_id) AS n FROM mentions m1 "
          + "JOIN mentions m2 ON m2.article_id = m1.article_id JOIN entities e2 ON e2.id = m2.entity_id "
          + "WHERE m1.entity_id IN " + ids + " AND NOT (e2.type = ? AND e2.canonical = ?) "
          + "GROUP BY e2.canonical, e2.type ORDER BY n DESC, e2.canonical LIMIT 20");
      st.setString(1, type);
      st.setString(2, canonical);
      st.setString(3, type);
      st.setString(4, canonical);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          together.add(new EntityProfile.Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
        }
      }
      return Optional.of(new EntityProfile(canonical, type, articles, aliases, roles, perDay, List.of(), List.of(),
          together));
    });
    if (profile.isEmpty()) {
      return profile;
    }
    EntityProfile p = profile.get();
    List<QuoteHit> by = quotes(new QuoteQuery(p.name(), null, null, null, 20));
    List<QuoteHit> about = quotes(new QuoteQuery(null, p.name(), null, null, 20));
    return Optional.of(new EntityProfile(p.name(), p.type(), p.articles(), p.aliases(), p.roles(), p.mentionsPerDay(),
        by, about, p.cooccurring()));
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
      try {
        exec("PRAGMA optimize");
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
        long id = rs.getLong(1);
        int version = rs.getInt(4);
        Analysis analysis;
        try {
          analysis = AnalysisJson.read(rs.getString(6));
        } catch (IOException e) {
          throw new SQLException("unreadable analysis of article " + id + " version " + version + ": "
              + e.getMessage(), e);
        }
        found.add(new StoredArticle(id, rs.getString(2), rs.getString(3), version, Instant.parse(rs.getString(5)),
            analysis));
      }
    }
    return found;
  }

  /** A prepared statement for {@code sql}, prepared once per connection. Called under the lock. */
  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null) {
      st = conn.prepareStatement(sql);
      statements.put(sql, st);
    }
    return st;
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
