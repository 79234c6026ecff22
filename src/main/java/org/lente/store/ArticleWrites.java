package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.ingest.source.SourceProgress;
import org.lente.store.ArticleStore.Put;

/**
 * The store's write path: an article's row and versions, the rows of what was found in it (mentions,
 * quotes, times, byline), the aggregates the reader's pages count from (kept exact on every put,
 * never recounted), the entity resolver's names in the same transaction, and the index and failure
 * marks. Every write is one transaction ({@link SqlConnections#writing}); the SQL is the same on
 * SQLite and PostgreSQL.
 */
final class ArticleWrites {

  private final SqlConnections db;
  private final ResolverTables resolver;
  /** The keys and content hashes of the next puts, computed ahead ({@link #prepare}), kept by key and text. */
  private final Ahead<KeyAndText, ArticleLookups.Asked> hashes = new Ahead<>(t -> t,
      t -> new ArticleLookups.Asked(t.key(), ContentHash.of(t.text())), Ahead.MAX_WAITING);
  /** The puts' first lookups, read ahead while writes are held ({@link #holdWrites}). */
  private final ArticleLookups lookups = new ArticleLookups();
  /** The sources' rows as the puts wrote them, while writes are held: a put that would change none sends nothing. */
  private final KnownSources sources = new KnownSources();

  /** An article's key and text, as {@link #prepare} is given them. */
  private record KeyAndText(String key, String text) { }
  /**
   * The found rows of new articles held until {@link #writeHeld} ({@link #holdWrites}), or null: each put writes its
   * own. Read and replaced under the write connection's lock ({@link SqlConnections#writing}), and replaced whole.
   */
  private volatile FoundRows held;

  ArticleWrites(SqlConnections db, ResolverTables resolver) {
    this.db = db;
    this.resolver = resolver;
  }

  /** As {@link ArticleStore#holdWrites}. */
  void holdWrites() {
    if (held == null) {
      held = new FoundRows();
    }
  }

  /** As {@link ArticleStore#writeHeld}. */
  void writeHeld() throws IOException {
    if (held != null) {
      db.writing("write the rows found in the new articles", () -> {
        writeHeldRows();
        return null;
      });
    }
  }

  /**
   * As {@link ArticleStore#dropHeld}; the lookups read ahead and the sources known are dropped too (read or written in
   * the transaction rolled back).
   */
  void dropHeld() {
    if (held != null) {
      held = new FoundRows();
    }
    lookups.forget();
    sources.forget();
  }

  /** Writes the held rows, if any, in the transaction running: taken first, so that rows that fail are not written again. */
  private void writeHeldRows() throws SQLException {
    FoundRows rows = held;
    if (rows != null && !rows.isEmpty()) {
      held = new FoundRows();
      write(rows);
    }
  }

  /** As {@link ArticleStore#prepare}: the text's {@link ContentHash}, kept with the key for the lookups read ahead. */
  void prepare(String key, Analysis analysis) {
    hashes.prepare(new KeyAndText(key, analysis.article().text()));
  }

  /** The {@code snippet} column of an article: {@link ArticleSummary#snippet(Article)}, '' when it has none. */
  static String snippetColumn(Article article) {
    String snippet = ArticleSummary.snippet(article);
    return snippet == null ? "" : snippet;
  }

  /**
   * As {@link ArticleStore#put(String, Analysis)}.
   *
   * <p>The content hash is {@link ContentHash} of the article's text, compared with the latest
   * version of each article (an earlier version's text under another key is stored anew). An update
   * keeps the article's id and its indexed version, so it shows up in {@link ArticleStore#unindexed(long, int)}.
   *
   * @throws IllegalArgumentException when the article has no text ("no text: key"), which is not
   *     stored
   */
  Put put(String key, Analysis analysis) throws IOException {
    return put(key, analysis, List.of(), Map.of(), null);
  }

  /**
   * As {@link ArticleStore#put(String, Analysis, List, Map, SourceProgress)}.
   *
   * <p>In the article's transaction, before its rows are written: the names {@code moved} move
   * ({@link ResolverTables#move}), and {@code sightings} are recorded, each mention keeping its name.
   * Nothing of them is written for a duplicate. After its rows, {@code progress} (or nothing when null;
   * also for a duplicate) is written ({@link SqliteSources#write}), counting the article as added when new.
   * Within a transaction of the caller's on the same connections ({@link PostgresConnections#transaction}),
   * the put joins it.
   */
  Put put(String key, Analysis analysis, List<NameSighting> sightings, Map<String, String> moved,
      SourceProgress progress) throws IOException {
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
    String hash = hashes.take(new KeyAndText(key, analysis.article().text())).hash();
    String json = AnalysisJson.write(analysis);
    return db.writing("put " + key, () -> {
      Put put = putInTransaction(key, analysis, hash, json, sightings, moved);
      if (progress != null) {
        SqliteSources.write(db::statement, progress, put.outcome() == Put.Outcome.STORED, Instant.now());
      }
      return put;
    });
  }

  private Put putInTransaction(String key, Analysis analysis, String hash, String json, List<NameSighting> sightings,
      Map<String, String> moved) throws SQLException {
    Article article = analysis.article();
    String storedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    // the article of this key, and the first of this text: one statement for both, read ahead for the next puts' too
    // while writes are held (the store's one writer: ArticleLookups)
    ArticleLookups.Asked asked = new ArticleLookups.Asked(key, hash);
    ArticleLookups.Known known = held != null
        ? lookups.known(db::statement, asked, hashes.waiting(ArticleLookups.AHEAD - 1))
        : ArticleLookups.read(db::statement, List.of(asked)).get(asked);
    long id = known.keyId();
    int version = known.keyVersion();
    String keyHash = known.keyHash(); // the hash of this key's latest text
    if (id != 0 && hash.equals(keyHash)) { // this key's latest text again
      return new Put(Put.Outcome.DUPLICATE, id, version);
    }
    if (id == 0 && known.textId() != 0) { // a new key with a text an article holds: a duplicate of the first
      return new Put(Put.Outcome.DUPLICATE, known.textId(), known.textVersion());
    }
    lookups.written(key, keyHash, hash); // the article of this key is written below, with this text
    if (id != 0 || !moved.isEmpty()) {
      writeHeldRows(); // an update reads its article's rows and a move the mentions: the held ones among them
    }
    resolver.move(moved);
    FoundRows rows = new FoundRows();
    List<Long> nameIds = resolver.record(sightings, analysis.entities(), rows);
    Long sourceId = source(key, article);
    PreparedStatement write;
    if (id == 0) {
      write = db.statement("INSERT INTO articles (content_hash, stored_at, published, language, title, source, url, "
          + "site, source_id, analysis, snippet, key, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
          + "RETURNING id, day");
      write.setString(12, key);
    } else {
      PreparedStatement keep = db.statement("INSERT INTO article_versions (article_id, version, content_hash, stored_at, "
          + "analysis) SELECT id, version, content_hash, stored_at, analysis FROM articles WHERE id = ?");
      keep.setLong(1, id);
      keep.executeUpdate();
      aggregates(id, -1, stored(id), new FoundRows());
      deleteFound(id);
      write = db.statement("UPDATE articles SET content_hash = ?, stored_at = ?, published = ?, language = ?, title = ?, "
          + "source = ?, url = ?, site = ?, source_id = ?, analysis = ?, snippet = ?, version = version + 1 "
          + "WHERE id = ? RETURNING id, day");
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
    String day;
    try (ResultSet rs = write.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
      day = rs.getString(2);
    }
    Found found = insertFound(id, analysis, nameIds, rows);
    aggregates(id, +1, new Counted(day, sourceId, found.mentions(), found.authors()), rows);
    FoundRows holding = held;
    if (version == 0 && holding != null) { // a new article's rows wait for the others' (holdWrites)
      holding.add(rows);
    } else {
      write(rows);
    }
    authorBio(id, analysis);
    return version == 0 ? new Put(Put.Outcome.STORED, id, 1) : new Put(Put.Outcome.UPDATED, id, version + 1);
  }

  /**
   * The id of the article's site in {@code sources}, added when new, its site set when the article has one; null when
   * no host is known. While writes are held, a row this would leave as it is ({@link KnownSources}) is not written.
   */
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
    Long known = held != null ? sources.unchanged(host, article.site()) : null;
    if (known != null) {
      return known;
    }
    PreparedStatement st = db.statement("INSERT INTO sources (host, site) VALUES (?, ?) ON CONFLICT (host) "
        + "DO UPDATE SET site = coalesce(excluded.site, sources.site) RETURNING id, site");
    st.setString(1, host);
    st.setString(2, article.site());
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      long id = rs.getLong(1);
      if (held != null) {
        sources.written(host, id, rs.getString(2));
      }
      return id;
    }
  }

  private void deleteFound(long id) throws SQLException {
    for (String table : List.of("article_authors", "mentions", "quotes", "times")) {
      PreparedStatement st = db.statement("DELETE FROM " + table + " WHERE article_id = ?");
      st.setLong(1, id);
      st.executeUpdate();
    }
  }

  /** What {@link #insertFound} wrote that the aggregates count: the mentions as counted, the byline's author ids. */
  private record Found(List<CountedMention> mentions, List<Long> authors) { }

  /**
   * Authors, mentions, quotes and times of the analysis, as rows for article {@code id}; each mention
   * with its resolver name's id from {@code nameIds} (parallel to the entities; null entries allowed). The authors and
   * the byline are written; the mentions, quotes and times are added to {@code rows}.
   */
  private Found insertFound(long id, Analysis analysis, List<Long> nameIds, FoundRows rows) throws SQLException {
    List<String> authors = List.copyOf(new LinkedHashSet<>(analysis.article().authors().stream()
        .filter(name -> !name.isBlank()).map(String::strip).toList())); // each name once: one upsert per row
    Map<String, Long> authorIds = new HashMap<>();
    db.addMissing("authors", "name", "(?)", authors, (st, p, name) -> {
          st.setString(p, name);
          return p + 1;
        }, rs -> authorIds.put(rs.getString(2), rs.getLong(1)));
    List<Long> byline = authors.stream().map(authorIds::get).toList();
    rows("INSERT INTO article_authors (article_id, author_id, position) VALUES " + ROWS, "(?, ?, ?)",
        positions(byline.size()), (st, p, position) -> {
          st.setLong(p, id);
          st.setLong(p + 1, byline.get(position));
          st.setInt(p + 2, position);
          return p + 3;
        });

    String language = analysis.textLanguage() != null ? analysis.textLanguage() : "";
    List<ResolverTables.EntityKey> keys = new ArrayList<>(analysis.entities().size());
    for (Entity e : analysis.entities()) {
      keys.add(new ResolverTables.EntityKey(e.type().name(), e.canonical()));
    }
    Map<ResolverTables.EntityKey, ResolverTables.EntityRow> entityRows = resolver.entityRows(keys, language);
    List<CountedMention> counted = new ArrayList<>(keys.size());
    for (int i = 0; i < analysis.entities().size(); i++) {
      Entity e = analysis.entities().get(i);
      counted.add(new CountedMention(entityRows.get(keys.get(i)).kb(), keys.get(i).type(), e.text(), e.role()));
      rows.mentions.add(new FoundRows.MentionRow(id, entityRows.get(keys.get(i)).id(), e.start(), e.end(), e.text(),
          e.role(), nameIds.get(i)));
    }
    LocalDate published = analysis.article().publishedDay();
    String day = published == null ? null : published.toString();
    for (org.lente.nlp.quote.Quote q : analysis.quotes()) {
      int[] span = sentenceSpan(analysis.sentences(), q.start(), q.end());
      rows.quotes.add(new FoundRows.QuoteRow(id, q, span[0], span[1], day));
    }
    for (org.lente.nlp.time.Timex t : analysis.times()) {
      rows.times.add(new FoundRows.TimeRow(id, t));
    }
    return new Found(counted, byline);
  }

  /** 0, 1, …, {@code n - 1}: the positions of a list whose rows {@link #rows} writes with their index. */
  private static List<Integer> positions(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }

  /**
   * A mention as the aggregates count it: the knowledge-base entity of its entity row, that row's type, the mention's
   * text (an alias) and its role (null when none).
   */
  private record CountedMention(long kb, String type, String alias, String role) { }

  /**
   * What an article adds to the aggregates: its day ({@code articles.day}, '' when undated), its source (null when
   * none), its mentions of entities linked to a knowledge-base entity, and its byline's authors.
   */
  private record Counted(String day, Long sourceId, List<CountedMention> mentions, List<Long> authors) {
    Counted {
      Objects.requireNonNull(day, "day");
      mentions = List.copyOf(mentions);
      authors = List.copyOf(authors);
    }
  }

  /** What article {@code id}'s stored rows add to the aggregates, read back: before they are replaced. */
  private Counted stored(long id) throws SQLException {
    PreparedStatement art = db.statement("SELECT day, source_id FROM articles WHERE id = ?");
    art.setLong(1, id);
    String day;
    Long sourceId;
    try (ResultSet rs = art.executeQuery()) {
      rs.next();
      day = rs.getString(1);
      long source = rs.getLong(2);
      sourceId = rs.wasNull() ? null : source;
    }
    PreparedStatement found = db.statement("SELECT e.kb_id, e.type, m.text, m.role FROM mentions m "
        + "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? AND e.kb_id IS NOT NULL");
    found.setLong(1, id);
    List<CountedMention> mentions = new ArrayList<>();
    try (ResultSet rs = found.executeQuery()) {
      while (rs.next()) {
        mentions.add(new CountedMention(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    PreparedStatement byline = db.statement("SELECT author_id FROM article_authors WHERE article_id = ?");
    byline.setLong(1, id);
    List<Long> authors = new ArrayList<>();
    try (ResultSet rs = byline.executeQuery()) {
      while (rs.next()) {
        authors.add(rs.getLong(1));
      }
    }
    return new Counted(day, sourceId, mentions, authors);
  }

  /** How many of an article's mentions of knowledge-base entity {@code kb} have {@code key} (a type, an alias, a role). */
  private record KeyCount(long kb, String key, int count) { }

  /** The counts of {@code mentions} by entity and by what {@code key} gives of each (null: not counted). */
  private static List<KeyCount> countBy(List<CountedMention> mentions,
      java.util.function.Function<CountedMention, String> key) {
    Map<Map.Entry<Long, String>, Integer> counts = new LinkedHashMap<>();
    for (CountedMention m : mentions) {
      String k = key.apply(m);
      if (k != null) {
        counts.merge(Map.entry(m.kb(), k), 1, Integer::sum);
      }
    }
    List<KeyCount> out = new ArrayList<>(counts.size());
    counts.forEach((e, n) -> out.add(new KeyCount(e.getKey(), e.getValue(), n)));
    return out;
  }

  /**
   * Adds ({@code sign} +1) or removes (-1) article {@code id}'s rows ({@code counted}: its mentions, byline and source)
   * to or from the aggregate tables of schema version 2, so that counts stay exact without scanning: called after its
   * rows are inserted and before they are deleted. Roles' first and last days only widen. What it adds to the entity
   * tables keyed by entity and day, type, alias or role, to the knowledge-base entities' counts and to the source's
   * goes to {@code rows} ({@link #write}: one multi-row statement per table whatever their number, the entities' counts
   * one statement); for a removal they are written at once, and the rows left without mentions deleted. The byline's
   * aggregates are written at once.
   */
  private void aggregates(long id, int sign, Counted counted, FoundRows rows) throws SQLException {
    String day = counted.day();
    String datedDay = day.isEmpty() ? null : day;
    List<KeyCount> entities = countBy(counted.mentions(), m -> ""); // mentions of each entity
    List<Long> kbs = entities.stream().map(KeyCount::kb).toList();
    if (sign > 0) {
      for (KeyCount e : entities) {
        rows.articleEntities.add(new FoundRows.ArticleEntity(e.kb(), day, id, e.count()));
      }
    } else {
      PreparedStatement gone = db.statement("DELETE FROM article_entities WHERE article_id = ?");
      gone.setLong(1, id);
      gone.executeUpdate();
    }
    for (KeyCount e : entities) {
      rows.day(e.kb(), day, sign, sign * e.count());
      rows.entity(e.kb(), sign, sign * e.count());
    }
    countBy(counted.mentions(), CountedMention::type).forEach(c -> rows.type(c.kb(), c.key(), sign * c.count()));
    countBy(counted.mentions(), CountedMention::alias).forEach(c -> rows.alias(c.kb(), c.key(), sign * c.count()));
    countBy(counted.mentions(), CountedMention::role)
        .forEach(c -> rows.role(c.kb(), c.key(), sign * c.count(), datedDay));
    Long sourceId = counted.sourceId();
    if (sourceId != null) {
      rows.source(sourceId, sign);
    }
    if (sign < 0) {
      write(rows);
      for (String table : List.of("entity_days", "kb_entity_types", "entity_aliases", "entity_roles")) {
        rows("DELETE FROM " + table + " WHERE mentions <= 0 AND entity_id IN (" + ROWS + ")", "?", kbs, (st, p, kb) -> {
          st.setLong(p, kb);
          return p + 1;
        });
      }
    }
    List<Long> authors = counted.authors();
    PreparedStatement authorCount = db.statement("UPDATE authors SET articles = articles + ? WHERE id = ?");
    PreparedStatement authorArticle = db.statement(sign > 0
        ? "INSERT INTO author_articles (author_id, day, article_id) VALUES (?, ?, ?)"
        : "DELETE FROM author_articles WHERE author_id = ? AND day = ? AND article_id = ?");
    PreparedStatement authorSource = db.statement("INSERT INTO author_sources (author_id, source_id, articles) "
        + "VALUES (?, ?, ?) ON CONFLICT (author_id, source_id) DO UPDATE SET articles = author_sources.articles + excluded.articles");
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
      PreparedStatement empty = db.statement("DELETE FROM author_sources WHERE author_id = ? AND source_id = ? "
          + "AND articles <= 0");
      for (long author : authors) {
        empty.setLong(1, author);
        empty.setLong(2, sourceId);
        empty.addBatch();
      }
      empty.executeBatch();
    }
  }

  /**
   * Writes {@code rows} (of one article or of several, {@link FoundRows}): what they add to the resolver's sightings,
   * the mentions, quotes, times and the articles' entities by day, then what they add to the entity tables keyed by
   * entity and day, type, alias or role, one multi-row statement per {@link SqlConnections#MAX_ROWS} rows each; then
   * the knowledge-base entities' counts and the sources' counts, one statement each ({@link #entityCounts},
   * {@link #sourceCounts}).
   */
  void write(FoundRows rows) throws SQLException {
    resolver.addSightings(rows.sightings);
    rows("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text, role, name_id) VALUES " + ROWS,
        "(?, ?, ?, ?, ?, ?, ?)", rows.mentions, (st, p, m) -> {
          st.setLong(p, m.article());
          st.setLong(p + 1, m.entityRow());
          st.setInt(p + 2, m.start());
          st.setInt(p + 3, m.end());
          st.setString(p + 4, m.text());
          st.setString(p + 5, m.role());
          st.setObject(p + 6, m.nameId());
          return p + 7;
        });
    rows("INSERT INTO quotes (article_id, text, kind, speaker, speaker_start, speaker_canonical, speaker_words, "
        + "text_words, cue, start_offset, end_offset, sentence_start, sentence_end, published) VALUES " + ROWS,
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.quotes, (st, p, row) -> {
          org.lente.nlp.quote.Quote q = row.quote();
          st.setLong(p, row.article());
          st.setString(p + 1, q.text());
          st.setString(p + 2, q.kind().name());
          st.setString(p + 3, q.speaker());
          st.setObject(p + 4, q.speaker() == null ? null : q.speakerStart());
          st.setString(p + 5, q.speakerCanonical());
          st.setString(p + 6, Words.ofNames(q.speaker(), q.speakerCanonical()));
          st.setString(p + 7, Words.of(q.text()));
          st.setString(p + 8, q.cue());
          st.setInt(p + 9, q.start());
          st.setInt(p + 10, q.end());
          st.setInt(p + 11, row.sentenceStart());
          st.setInt(p + 12, row.sentenceEnd());
          st.setString(p + 13, row.day());
          return p + 14;
        });
    rows("INSERT INTO times (article_id, text, type, value, start_offset, end_offset) VALUES " + ROWS,
        "(?, ?, ?, ?, ?, ?)", rows.times, (st, p, row) -> {
          org.lente.nlp.time.Timex t = row.time();
          st.setLong(p, row.article());
          st.setString(p + 1, t.text());
          st.setString(p + 2, t.type().name());
          st.setString(p + 3, t.value());
          st.setInt(p + 4, t.start());
          st.setInt(p + 5, t.end());
          return p + 6;
        });
    rows("INSERT INTO article_entities (entity_id, day, article_id, mentions) VALUES " + ROWS, "(?, ?, ?, ?)",
        rows.articleEntities, (st, p, e) -> {
          st.setLong(p, e.kb());
          st.setString(p + 1, e.day());
          st.setLong(p + 2, e.article());
          st.setInt(p + 3, e.mentions());
          return p + 4;
        });
    rows("INSERT INTO entity_days (entity_id, day, articles, mentions) VALUES " + ROWS + " ON CONFLICT (entity_id, day) "
        + "DO UPDATE SET articles = entity_days.articles + excluded.articles, "
        + "mentions = entity_days.mentions + excluded.mentions", "(?, ?, ?, ?)", List.copyOf(rows.days.entrySet()),
        (st, p, e) -> {
          st.setLong(p, e.getKey().kb());
          st.setString(p + 1, e.getKey().key());
          st.setInt(p + 2, e.getValue().articles());
          st.setInt(p + 3, e.getValue().mentions());
          return p + 4;
        });
    SqlConnections.RowBinder<Map.Entry<FoundRows.Key, Integer>> keyCount = (st, p, e) -> {
      st.setLong(p, e.getKey().kb());
      st.setString(p + 1, e.getKey().key());
      st.setInt(p + 2, e.getValue());
      return p + 3;
    };
    rows("INSERT INTO kb_entity_types (entity_id, type, mentions) VALUES " + ROWS + " ON CONFLICT (entity_id, type) "
        + "DO UPDATE SET mentions = kb_entity_types.mentions + excluded.mentions", "(?, ?, ?)",
        List.copyOf(rows.types.entrySet()), keyCount);
    rows("INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES " + ROWS + " ON CONFLICT (entity_id, alias) "
        + "DO UPDATE SET mentions = entity_aliases.mentions + excluded.mentions", "(?, ?, ?)",
        List.copyOf(rows.aliases.entrySet()), keyCount);
    // the days only widen: the earlier first day and the later last day, a null (undated) giving way
    rows("INSERT INTO entity_roles (entity_id, role, mentions, first_day, last_day) VALUES " + ROWS
        + " ON CONFLICT (entity_id, role) DO UPDATE SET mentions = entity_roles.mentions + excluded.mentions, "
        + "first_day = CASE WHEN entity_roles.first_day IS NULL OR excluded.first_day < entity_roles.first_day "
        + "THEN excluded.first_day ELSE entity_roles.first_day END, "
        + "last_day = CASE WHEN entity_roles.last_day IS NULL OR excluded.last_day > entity_roles.last_day "
        + "THEN excluded.last_day ELSE entity_roles.last_day END", "(?, ?, ?, ?, ?)",
        List.copyOf(rows.roles.entrySet()), (st, p, e) -> {
          st.setLong(p, e.getKey().kb());
          st.setString(p + 1, e.getKey().key());
          st.setInt(p + 2, e.getValue().mentions());
          st.setString(p + 3, e.getValue().first());
          st.setString(p + 4, e.getValue().last());
          return p + 5;
        });
    if (!rows.entities.isEmpty()) {
      PreparedStatement kbCounts = db.statement(entityCounts(db));
      bindEntityCounts(db, kbCounts, rows.entities);
      kbCounts.executeUpdate();
    }
    if (!rows.sources.isEmpty()) {
      PreparedStatement sourceCounts = db.statement(sourceCounts(db));
      bindSourceCounts(db, sourceCounts, rows.sources);
      sourceCounts.executeUpdate();
    }
  }

  /**
   * The statement adding to the knowledge-base entities' counts, for any number of entities ({@link #bindEntityCounts}),
   * on {@code db}'s engine; run after the types' rows are written, it sets each entity's type to the one its mentions
   * give most (on a tie, the first in string order). The entities' rows are read by their primary key whatever
   * statistics the planner has ({@link SqlConnections#numberRows}, restricted by {@link SqlConnections#joinedIdIn}).
   */
  static String entityCounts(SqlConnections db) {
    // NOTE: one statement a batch; as one UPDATE … FROM (VALUES …) (or the rows unrestricted by the ids) PostgreSQL
    // hashed the rows and read all of kb_entities, and one statement per entity is one execution each
    return "UPDATE kb_entities AS k SET articles = k.articles + v.articles, mentions = k.mentions + v.mentions, "
        + "type = (SELECT t.type FROM kb_entity_types t WHERE t.entity_id = k.id ORDER BY t.mentions DESC, t.type "
        + "LIMIT 1) FROM " + db.numberRows("v", "id", "articles", "mentions") + " WHERE k.id = v.id AND "
        + db.joinedIdIn("k.id");
  }

  /** Binds to {@code st}, prepared from {@link #entityCounts}, what {@code entities} (by id) add to their counts. */
  static void bindEntityCounts(SqlConnections db, PreparedStatement st, Map<Long, FoundRows.Counts> entities)
      throws SQLException {
    bindRows(db, st, List.copyOf(entities.keySet()), List.of(
        entities.values().stream().map(c -> (long) c.articles()).toList(),
        entities.values().stream().map(c -> (long) c.mentions()).toList()));
  }

  /**
   * The statement adding to the sources' counts of articles, for any number of sources ({@link #bindSourceCounts}), on
   * {@code db}'s engine, each source's row read by its primary key as in {@link #entityCounts}.
   */
  static String sourceCounts(SqlConnections db) {
    return "UPDATE sources AS s SET articles = s.articles + v.articles FROM " + db.numberRows("v", "id", "articles")
        + " WHERE s.id = v.id AND " + db.joinedIdIn("s.id");
  }

  /** Binds to {@code st}, prepared from {@link #sourceCounts}, the articles {@code sources} (by id) add. */
  static void bindSourceCounts(SqlConnections db, PreparedStatement st, Map<Long, Integer> sources)
      throws SQLException {
    bindRows(db, st, List.copyOf(sources.keySet()), List.of(sources.values().stream().map(Integer::longValue).toList()));
  }

  /**
   * Binds a statement that reads {@link SqlConnections#numberRows} joined by id and restricted by
   * {@link SqlConnections#joinedIdIn}: the rows' {@code ids}, then each other column's values in the columns' order
   * (row i holds the i-th of each), then the ids again for the restriction.
   */
  private static void bindRows(SqlConnections db, PreparedStatement st, List<Long> ids, List<List<Long>> columns)
      throws SQLException {
    int p = 1;
    st.setString(p++, db.idList(ids));
    for (List<Long> column : columns) {
      st.setString(p++, db.idList(column));
    }
    st.setString(p, db.idList(ids));
  }

  /** Where {@link #rows} puts the rows of its multi-row statement. */
  private static final String ROWS = SqlConnections.ROWS;

  /** {@link SqlConnections#rows} on the store's connection. */
  private <T> void rows(String sql, String row, List<T> items, SqlConnections.RowBinder<T> bind) throws SQLException {
    SqlConnections.rows(db::statement, sql, row, items, bind);
  }

  /** Keeps the bio the extractor found on a single-author article as its author's latest bio. */
  private void authorBio(long id, Analysis analysis) throws SQLException {
    String bio = analysis.article().authorBio();
    if (bio == null || bio.isBlank()) {
      return;
    }
    PreparedStatement st = db.statement("UPDATE authors SET bio = ? WHERE id = (SELECT author_id FROM article_authors "
        + "WHERE article_id = ?) AND (SELECT count(*) FROM article_authors WHERE article_id = ?) = 1");
    st.setString(1, bio.strip());
    st.setLong(2, id);
    st.setLong(3, id);
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

  /**
   * As {@link ArticleStore#markIndexed}.
   *
   * <p>Marks never go back: marking version 2 after version 3 leaves 3. Marking a version older
   * than the latest leaves the article in {@link ArticleStore#unindexed(long, int)}.
   *
   * @throws IllegalArgumentException when there is no article {@code id} or it has no such version
   */
  void markIndexed(long id, int version) throws IOException {
    db.locked("mark article " + id + " indexed", () -> {
      PreparedStatement st = db.statement("UPDATE articles SET indexed_version = CASE WHEN indexed_version < ? "
          + "THEN ? ELSE indexed_version END WHERE id = ? AND ? BETWEEN 1 AND version");
      st.setInt(1, version);
      st.setInt(2, version);
      st.setLong(3, id);
      st.setInt(4, version);
      if (st.executeUpdate() == 0) {
        PreparedStatement latest = db.statement("SELECT version FROM articles WHERE id = ?");
        latest.setLong(1, id);
        try (ResultSet rs = latest.executeQuery()) {
          throw new IllegalArgumentException(!rs.next() ? "no article " + id
              : "article " + id + " has no version " + version + ", the latest is " + rs.getInt(1));
        }
      }
      return null;
    });
  }

  void clearIndexed() throws IOException {
    db.locked("clear indexed versions", () -> {
      db.statement("UPDATE articles SET indexed_version = 0").executeUpdate();
      return null;
    });
  }

  void markFailed(ArticleFailure failure) throws IOException {
    db.locked("record the failure of article " + failure.article(), () -> {
      PreparedStatement st = db.statement("INSERT INTO article_failures (article_id, stage, reason, failed_at) "
          + "VALUES (?, ?, ?, ?) ON CONFLICT (article_id, stage) DO UPDATE SET reason = excluded.reason, "
          + "failed_at = excluded.failed_at");
      st.setLong(1, failure.article());
      st.setString(2, failure.stage().label());
      st.setString(3, failure.reason());
      st.setString(4, failure.at().toString());
      st.executeUpdate();
      return null;
    });
  }

  void clearFailed(long id, ArticleFailure.Stage... stages) throws IOException {
    db.writing("clear the failures of article " + id, () -> {
      PreparedStatement st = db.statement("DELETE FROM article_failures WHERE article_id = ? AND stage = ?");
      for (ArticleFailure.Stage s : stages) {
        st.setLong(1, id);
        st.setString(2, s.label());
        st.executeUpdate();
      }
      return null;
    });
  }

  void moveNames(Map<String, String> moved) throws IOException {
    Objects.requireNonNull(moved, "moved");
    db.writing("move " + moved.size() + " entity names", () -> {
      writeHeldRows(); // a move reads the mentions
      resolver.move(moved);
      return null;
    });
  }

  void importNames(List<NameSighting> sightings, Map<String, String> entities) throws IOException {
    Objects.requireNonNull(sightings, "sightings");
    Objects.requireNonNull(entities, "entities");
    db.writing("import " + sightings.size() + " entity names", () -> {
      writeHeldRows(); // an import may move names, which reads the mentions
      resolver.importNames(sightings, entities);
      return null;
    });
  }
}
