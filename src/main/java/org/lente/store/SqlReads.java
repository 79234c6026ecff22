package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;

/**
 * The store's {@link ArticleReader}: the reader's listings and pages, read from the aggregate tables
 * that {@link ArticleWrites} keeps, mostly on the read connections ({@link SqlConnections#reading}),
 * so that pages are served while articles are written. The SQL is the same on SQLite and PostgreSQL
 * but for the fragments {@link SqlConnections} gives. The read half of {@link SqlArticleStore}, which
 * adds the writes.
 */
abstract sealed class SqlReads implements ArticleReader permits SqlArticleStore {

  private final SqlConnections db;
  private final ResolverTables resolver;

  SqlReads(SqlConnections db, ResolverTables resolver) {
    this.db = db;
    this.resolver = resolver;
  }

  private static final String ARTICLE_COLUMNS = "a.id, a.key, a.content_hash, a.version, a.stored_at, a.analysis";

  @Override
  public Optional<StoredArticle> get(long id) throws IOException {
    return db.locked("get article " + id, () -> {
      PreparedStatement st = db.statement("SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.id = ?");
      st.setLong(1, id);
      return articles(st).stream().findFirst();
    });
  }

  /** {@inheritDoc} On PostgreSQL by {@code id = ANY}: the primary key read for each id. */
  @Override
  public Map<Long, StoredArticle> getAll(java.util.Collection<Long> ids) throws IOException {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return db.locked("get " + ids.size() + " articles", () -> {
      PreparedStatement st = db.statement("SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE "
          + db.inIdList("a.id"));
      st.setString(1, db.idList(List.copyOf(ids)));
      Map<Long, StoredArticle> out = new java.util.HashMap<>();
      for (StoredArticle a : articles(st)) {
        out.put(a.id(), a);
      }
      return out;
    });
  }

  @Override
  public List<StoredArticle> unindexed(long after, int max) throws IOException {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    return db.locked("list unindexed articles", () -> {
      PreparedStatement st = db.statement("SELECT " + ARTICLE_COLUMNS + " FROM articles a "
          + "WHERE a.indexed_version < a.version AND a.id > ? ORDER BY a.id LIMIT ?");
      st.setLong(1, after);
      st.setInt(2, max);
      return articles(st);
    });
  }

  /** Up to {@code max} articles after id {@code after}, in id order: a rebuild's pages. */
  public List<StoredArticle> articlesAfter(long after, int max) throws IOException {
    return db.reading("list the articles after " + after, () -> {
      PreparedStatement st = db.statement("SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.id > ? "
          + "ORDER BY a.id LIMIT ?");
      st.setLong(1, after);
      st.setInt(2, max);
      return articles(st);
    });
  }

  /** id → latest version of up to {@code max} articles after id {@code after}, in id order. */
  public Map<Long, Integer> versionsAfter(long after, int max) throws IOException {
    return db.reading("list the versions after " + after, () -> {
      PreparedStatement st = db.statement("SELECT id, version FROM articles WHERE id > ? ORDER BY id LIMIT ?");
      st.setLong(1, after);
      st.setInt(2, max);
      return versions(st);
    });
  }

  /** id → version of the rows of {@code st}, which selects those two columns, in its order; unmodifiable. */
  private static Map<Long, Integer> versions(PreparedStatement st) throws SQLException {
    Map<Long, Integer> versions = new LinkedHashMap<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        versions.put(rs.getLong(1), rs.getInt(2));
      }
    }
    return Collections.unmodifiableMap(versions);
  }

  /**
   * In the write transaction running on this thread, on PostgreSQL only: locks and returns up to {@code max}
   * unindexed articles after id {@code after}, in id order, passing over those another transaction holds
   * ({@code FOR UPDATE SKIP LOCKED}) and, unless {@code withFailed}, those whose indexing failed. The locks last
   * until that transaction ends, so that no other claim gets them meanwhile and their version cannot change.
   */
  List<StoredArticle> claimUnindexed(long after, int max, boolean withFailed) throws SQLException {
    PreparedStatement st = db.statement("SELECT " + ARTICLE_COLUMNS + " FROM articles a "
        + "WHERE a.indexed_version < a.version AND a.id > ? AND (? OR NOT EXISTS (SELECT 1 FROM article_failures f "
        + "WHERE f.article_id = a.id AND f.stage = 'index')) ORDER BY a.id LIMIT ? FOR UPDATE OF a SKIP LOCKED");
    st.setLong(1, after);
    st.setBoolean(2, withFailed);
    st.setInt(3, max);
    return articles(st);
  }

  @Override
  public List<ArticleFailure> failures() throws IOException {
    return db.locked("list failed articles", () -> {
      PreparedStatement st = db.statement("SELECT article_id, stage, reason, failed_at FROM article_failures "
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
    return db.locked("list versions", () -> {
      return versions(db.statement("SELECT id, version FROM articles ORDER BY id"));
    });
  }

  /** {@inheritDoc} Empty when there is no article {@code id} or it has one version. */
  @Override
  public List<StoredArticle> history(long id) throws IOException {
    return db.locked("read the history of article " + id, () -> {
      PreparedStatement st = db.statement("SELECT a.id, a.key, v.content_hash, v.version, v.stored_at, v.analysis "
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
    return db.snapshot("count", () -> new StoreStats(
        db.count("SELECT count(*) FROM articles"),
        db.count("SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM article_versions)"),
        db.count("SELECT count(*) FROM entities e WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"),
        db.count("SELECT count(*) FROM mentions"),
        db.count("SELECT count(*) FROM quotes"),
        db.count("SELECT count(*) FROM sources s WHERE EXISTS (SELECT 1 FROM articles a WHERE a.source_id = s.id)"),
        db.count("SELECT count(*) FROM authors w WHERE EXISTS "
            + "(SELECT 1 FROM article_authors aa WHERE aa.author_id = w.id)")));
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
      sql.append(" AND ").append(db.contains("q.speaker_words"));
      args.add(Words.query("speaker", query.speaker()));
    }
    if (query.about() != null) {
      String about = Words.query("about", query.about());
      sql.append(" AND (").append(db.contains("q.text_words")).append(" OR EXISTS (SELECT 1 FROM mentions m "
          + "WHERE m.article_id = q.article_id AND m.start_offset >= q.sentence_start AND m.end_offset <= "
          + "q.sentence_end AND m.entity_id IN (SELECT e.id FROM entities e WHERE ")
          .append(db.contains("e.canonical_words")).append(")))");
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
    // the order of the index quotes_newest (whose last column is, implicitly, the rowid q.id); undated
    // quotes last (SQLite's default for DESC)
    String order = " ORDER BY q.published DESC" + db.descNullsLast() + ", q.article_id DESC, q.start_offset, q.id "
        + "LIMIT ?";
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
    return db.locked("find quotes " + query, () -> {
      PreparedStatement st = db.statement(sql);
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
  static final int MAX_PAGE = 100;

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
    return db.reading("list articles " + filter, () -> {
      PreparedStatement st = db.statement(sql.toString());
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
    return db.locked("summarise " + copy.size() + " articles", () -> summariesLocked(copy));
  }

  /** The summaries of articles {@code ids}, in that order (missing ones left out). Under the lock. */
  private List<ArticleSummary> summariesLocked(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, List<AuthorRef>> authors = authorsOf(ids);
    PreparedStatement st = db.statement("SELECT a.id, a.title, a.url, a.published, a.language, s.id, s.host, s.site, "
        + "nullif(a.snippet, '') FROM articles a LEFT JOIN sources s ON s.id = a.source_id "
        + "WHERE " + db.inIdList("a.id"));
    st.setString(1, db.idList(ids));
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

  /** The bylines of articles {@code ids}. Under the lock. */
  private Map<Long, List<AuthorRef>> authorsOf(List<Long> ids) throws SQLException {
    PreparedStatement st = db.statement("SELECT aa.article_id, w.id, w.name FROM article_authors aa "
        + "JOIN authors w ON w.id = aa.author_id WHERE " + db.inIdList("aa.article_id")
        + " ORDER BY aa.article_id, aa.position");
    st.setString(1, db.idList(ids));
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
    return db.reading("read article " + id, () -> {
      PreparedStatement st = db.statement("SELECT " + ARTICLE_COLUMNS + ", s.id, s.host, s.site FROM articles a "
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
      List<AuthorRef> authors = authorsOf(List.of(id)).getOrDefault(id, List.of());
      Map<String, Long> entityIds = new HashMap<>();
      Map<String, String> shown = new HashMap<>();
      Map<Integer, Long> kbAt = new HashMap<>(); // mention offset → entity: the stored names may be older
      Map<Long, String> kbNames = new HashMap<>();
      PreparedStatement names = db.statement("SELECT m.start_offset, e.kb_id, k.name FROM mentions m "
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
    PreparedStatement st = db.statement("SELECT articles FROM kb_entities WHERE id = ?");
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
    return db.reading("read the entity resolver's names", resolver::sightings);
  }

  @Override
  public Map<String, String> nameEntities() throws IOException {
    return db.reading("read the entity resolver's entities", resolver::entities);
  }

  @Override
  public String localName(String name, String language) throws IOException {
    Objects.requireNonNull(name, "name");
    return db.reading("find the " + language + " name of " + name,
        () -> resolver.localNames(List.of(name), language).getOrDefault(name, name));
  }

  @Override
  public ResolverCheck checkNames() throws IOException {
    return db.reading("check the entity resolver's names", resolver::check);
  }

  /** The knowledge-base entity named exactly {@code name}. Under the lock. */
  private Optional<Long> kbId(String name) throws SQLException {
    PreparedStatement st = db.statement("SELECT id FROM kb_entities WHERE name = ?");
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
    return db.reading("find entity " + n, () -> {
      Optional<Long> exact = kbId(n);
      if (exact.isPresent()) {
        return exact;
      }
      PreparedStatement st = db.statement("SELECT id FROM kb_entities WHERE " + db.equalsAnyCase("name")
          + " AND articles > 0 ORDER BY articles DESC LIMIT 1");
      st.setString(1, n);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          return Optional.of(rs.getLong(1));
        }
      }
      st = db.statement("SELECT entity_id FROM entity_aliases WHERE " + db.equalsAnyCase("alias")
          + " ORDER BY mentions DESC LIMIT 1");
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
    return db.reading("profile entity " + asked, () -> {
      long id = followRedirects(asked);
      PreparedStatement st = db.statement("SELECT name, type, articles FROM kb_entities WHERE id = ? AND articles > 0");
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
      st = db.statement("SELECT alias, mentions FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, alias "
          + "LIMIT 50");
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          aliases.add(new EntityProfile.Count(rs.getString(1), type, rs.getLong(2)));
        }
      }
      List<EntityProfile.Role> roles = new ArrayList<>();
      st = db.statement("SELECT role, mentions, first_day, last_day FROM entity_roles WHERE entity_id = ? "
          + "ORDER BY mentions DESC, role LIMIT 50");
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          roles.add(new EntityProfile.Role(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
        }
      }
      Map<String, Long> perDay = new java.util.TreeMap<>();
      st = db.statement("SELECT day, mentions FROM entity_days WHERE entity_id = ?");
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String day = rs.getString(1);
          perDay.merge(day.isEmpty() ? "undated" : day, rs.getLong(2), Long::sum);
        }
      }
      List<EntityRef> together = new ArrayList<>();
      // counted over the window, ordered by count alone; only the 20 kept get their names
      st = db.statement("SELECT k.id, k.name, k.type, t.n FROM (SELECT x.entity_id AS id, count(*) AS n "
          + "FROM article_entities x WHERE x.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ? "
          + "ORDER BY day DESC, article_id DESC LIMIT " + EntityProfile.WINDOW + ") AND x.entity_id <> ? "
          + "GROUP BY x.entity_id ORDER BY n DESC, x.entity_id LIMIT 20) t JOIN kb_entities k ON k.id = t.id "
          + "ORDER BY t.n DESC, k.name");
      st.setLong(1, id);
      st.setLong(2, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          together.add(new EntityRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
      }
      st = db.statement("SELECT " + QUOTE_COLUMNS + " FROM quotes q JOIN articles a ON a.id = q.article_id "
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
    PreparedStatement st = db.statement("SELECT " + QUOTE_COLUMNS + " FROM (SELECT article_id, day FROM article_entities "
        + "WHERE entity_id = ? ORDER BY day DESC, article_id DESC LIMIT " + EntityProfile.WINDOW + ") w "
        + "JOIN quotes q ON q.article_id = w.article_id JOIN articles a ON a.id = q.article_id "
        + "WHERE q.speaker_canonical IS DISTINCT FROM ? AND EXISTS (SELECT 1 FROM mentions m "
        + "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = q.article_id AND m.start_offset >= q.sentence_start "
        + "AND m.start_offset < q.sentence_end AND m.end_offset <= q.sentence_end AND e.kb_id = ?) "
        + "ORDER BY w.day DESC, w.article_id DESC, q.start_offset LIMIT 20");
    st.setLong(1, id);
    st.setString(2, name);
    st.setLong(3, id);
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
    return db.reading("find trending entities", () -> {
      String newest;
      try (ResultSet rs = db.statement("SELECT max(day) FROM articles").executeQuery()) {
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
      PreparedStatement st = db.statement("SELECT k.id, k.name, k.type, t.n FROM (SELECT d.entity_id AS id, "
          + "sum(d.articles) AS n FROM entity_days d" + db.byDayIndex() + " WHERE d.day BETWEEN ? AND ? "
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
    return db.reading("list entities", () -> {
      PreparedStatement st = bySizeAfter("SELECT id, name, type, articles FROM kb_entities", after, limit);
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

  /**
   * {@code select} (from a table with columns {@code articles} and {@code id}) of the rows with
   * articles, by {@code articles} descending then id descending, after the cursor {@code after} (or
   * from the first), {@code limit} + 1 of them: ready to run. Under a read.
   */
  private PreparedStatement bySizeAfter(String select, Cursor after, int limit) throws SQLException {
    PreparedStatement st = db.statement(select + " WHERE articles > 0"
        + (after == null ? "" : " AND (articles, id) < (?, ?)") + " ORDER BY articles DESC, id DESC LIMIT ?");
    int i = 1;
    if (after != null) {
      st.setLong(i++, after.number());
      st.setLong(i++, after.id());
    }
    st.setInt(i, limit + 1);
    return st;
  }

  @Override
  public Optional<SourceProfile> source(long id) throws IOException {
    return db.reading("read source " + id, () -> sourceProfile(id));
  }

  private Optional<SourceProfile> sourceProfile(long id) throws SQLException {
    PreparedStatement st = db.statement("SELECT host, site, articles FROM sources WHERE id = ?");
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
    PreparedStatement min = db.statement("SELECT min(day) FROM articles WHERE source_id = ? AND day > ''");
    min.setLong(1, id);
    PreparedStatement max = db.statement("SELECT max(day) FROM articles WHERE source_id = ? AND day > ''");
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
    return db.reading("list " + table, () -> {
      PreparedStatement st = bySizeAfter("SELECT id FROM " + table, after, limit);
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
    return db.reading("find source " + hostOrSite, () -> {
      PreparedStatement st = db.statement("SELECT id FROM sources WHERE host = ?");
      st.setString(1, host);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          return Optional.of(rs.getLong(1));
        }
      }
      st = db.statement("SELECT id FROM sources WHERE " + db.equalsAnyCase("site") + " ORDER BY articles DESC LIMIT 1");
      st.setString(1, hostOrSite.strip());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
      }
    });
  }

  @Override
  public Optional<AuthorProfile> author(long id) throws IOException {
    return db.reading("read author " + id, () -> authorProfile(id));
  }

  private Optional<AuthorProfile> authorProfile(long id) throws SQLException {
    PreparedStatement st = db.statement("SELECT name, bio, articles FROM authors WHERE id = ?");
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
    st = db.statement("SELECT s.id, s.host, s.site FROM author_sources x JOIN sources s ON s.id = x.source_id "
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
    return db.reading("find author " + name, () -> {
      PreparedStatement st = db.statement("SELECT id FROM authors WHERE " + db.equalsAnyCase("name")
          + " ORDER BY (name = ?) DESC, articles DESC LIMIT 1");
      st.setString(1, name.strip());
      st.setString(2, name.strip());
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
    return db.reading("read the status", () -> {
      Instant last = null;
      try (ResultSet rs = db.statement("SELECT stored_at FROM articles ORDER BY id DESC LIMIT 1").executeQuery()) {
        if (rs.next()) {
          last = Instant.parse(rs.getString(1));
        }
      }
      return new IngestStatus(db.count("SELECT count(*) FROM articles"),
          db.count("SELECT count(*) FROM kb_entities WHERE articles > 0"),
          db.count("SELECT count(*) FROM quotes"),
          db.count("SELECT count(*) FROM sources WHERE articles > 0"),
          db.count("SELECT count(*) FROM authors WHERE articles > 0"),
          last);
    });
  }

  private static void bind(PreparedStatement st, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      st.setObject(i + 1, args.get(i));
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
}
