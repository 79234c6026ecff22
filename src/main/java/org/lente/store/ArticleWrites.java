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
import java.util.Set;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;
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

  ArticleWrites(SqlConnections db, ResolverTables resolver) {
    this.db = db;
    this.resolver = resolver;
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
    String hash = ContentHash.of(analysis.article().text());
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
    PreparedStatement byKey = db.statement("SELECT id, content_hash, version FROM articles WHERE key = ?");
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
      PreparedStatement byHash = db.statement("SELECT id, version FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1");
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
      write = db.statement("INSERT INTO articles (content_hash, stored_at, published, language, title, source, url, "
          + "site, source_id, analysis, snippet, key, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
          + "RETURNING id");
      write.setString(12, key);
    } else {
      PreparedStatement keep = db.statement("INSERT INTO article_versions (article_id, version, content_hash, stored_at, "
          + "analysis) SELECT id, version, content_hash, stored_at, analysis FROM articles WHERE id = ?");
      keep.setLong(1, id);
      keep.executeUpdate();
      aggregates(id, -1);
      deleteFound(id);
      write = db.statement("UPDATE articles SET content_hash = ?, stored_at = ?, published = ?, language = ?, title = ?, "
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
    PreparedStatement st = db.statement("INSERT INTO sources (host, site) VALUES (?, ?) ON CONFLICT (host) "
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
      PreparedStatement st = db.statement("DELETE FROM " + table + " WHERE article_id = ?");
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
    PreparedStatement author = db.statement("INSERT INTO authors (name) VALUES (?) "
        + "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id");
    PreparedStatement byline = db.statement("INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)");
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
    PreparedStatement mention = db.statement("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, "
        + "text, role, name_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    List<ResolverTables.EntityKey> keys = new ArrayList<>(analysis.entities().size());
    for (Entity e : analysis.entities()) {
      keys.add(new ResolverTables.EntityKey(e.type().name(), e.canonical()));
    }
    Map<ResolverTables.EntityKey, Long> entityIds = resolver.entityRows(keys, language);
    for (int i = 0; i < analysis.entities().size(); i++) {
      Entity e = analysis.entities().get(i);
      mention.setLong(1, id);
      mention.setLong(2, entityIds.get(keys.get(i)));
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
    PreparedStatement quote = db.statement("INSERT INTO quotes (article_id, text, kind, speaker, speaker_start, "
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

    PreparedStatement time = db.statement("INSERT INTO times (article_id, text, type, value, start_offset, end_offset) "
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
    String datedDay = day.isEmpty() ? null : day;

    Map<Long, Integer> mentions = new LinkedHashMap<>();
    Map<Long, Map<String, Integer>> types = new HashMap<>();
    Map<Long, Map<String, Integer>> aliases = new HashMap<>();
    Map<Long, Map<String, Integer>> roles = new HashMap<>();
    PreparedStatement found = db.statement("SELECT e.kb_id, e.type, m.text, m.role FROM mentions m "
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
    PreparedStatement articleEntity = db.statement(sign > 0
        ? "INSERT INTO article_entities (entity_id, day, article_id, mentions) VALUES (?, ?, ?, ?)"
        : "DELETE FROM article_entities WHERE entity_id = ? AND day = ? AND article_id = ? AND mentions = ?");
    PreparedStatement perDay = db.statement("INSERT INTO entity_days (entity_id, day, articles, mentions) "
        + "VALUES (?, ?, ?, ?) ON CONFLICT (entity_id, day) DO UPDATE SET articles = entity_days.articles + excluded.articles, "
        + "mentions = entity_days.mentions + excluded.mentions");
    PreparedStatement kbCounts = db.statement("UPDATE kb_entities SET articles = articles + ?, mentions = mentions + ? "
        + "WHERE id = ?");
    PreparedStatement typeCount = db.statement("INSERT INTO kb_entity_types (entity_id, type, mentions) VALUES (?, ?, ?) "
        + "ON CONFLICT (entity_id, type) DO UPDATE SET mentions = kb_entity_types.mentions + excluded.mentions");
    PreparedStatement kbType = db.statement("UPDATE kb_entities SET type = (SELECT t.type FROM kb_entity_types t "
        + "WHERE t.entity_id = ? ORDER BY t.mentions DESC, t.type LIMIT 1) WHERE id = ?");
    PreparedStatement aliasCount = db.statement("INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?, ?, ?) "
        + "ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = entity_aliases.mentions + excluded.mentions");
    // the days only widen: the earlier first day and the later last day, a null (undated) giving way
    PreparedStatement roleCount = db.statement("INSERT INTO entity_roles (entity_id, role, mentions, first_day, last_day) "
        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity_id, role) DO UPDATE SET "
        + "mentions = entity_roles.mentions + excluded.mentions, "
        + "first_day = CASE WHEN entity_roles.first_day IS NULL OR excluded.first_day < entity_roles.first_day "
        + "THEN excluded.first_day ELSE entity_roles.first_day END, "
        + "last_day = CASE WHEN entity_roles.last_day IS NULL OR excluded.last_day > entity_roles.last_day "
        + "THEN excluded.last_day ELSE entity_roles.last_day END");
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
        roleCount.setString(5, datedDay);
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
      kbType.setLong(2, kb);
      kbType.addBatch();
    }
    kbType.executeBatch();
    if (sign < 0) {
      for (String table : List.of("entity_days", "kb_entity_types", "entity_aliases", "entity_roles")) {
        PreparedStatement empty = db.statement("DELETE FROM " + table + " WHERE entity_id = ? AND mentions <= 0");
        for (long kb : mentions.keySet()) {
          empty.setLong(1, kb);
          empty.addBatch();
        }
        empty.executeBatch();
      }
    }

    if (sourceId != null) {
      PreparedStatement source = db.statement("UPDATE sources SET articles = articles + ? WHERE id = ?");
      source.setInt(1, sign);
      source.setLong(2, sourceId);
      source.executeUpdate();
    }
    PreparedStatement byline = db.statement("SELECT author_id FROM article_authors WHERE article_id = ?");
    byline.setLong(1, id);
    List<Long> authors = new ArrayList<>();
    try (ResultSet rs = byline.executeQuery()) {
      while (rs.next()) {
        authors.add(rs.getLong(1));
      }
    }
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
      resolver.move(moved);
      return null;
    });
  }

  void importNames(List<NameSighting> sightings, Map<String, String> entities) throws IOException {
    Objects.requireNonNull(sightings, "sightings");
    Objects.requireNonNull(entities, "entities");
    db.writing("import " + sightings.size() + " entity names", () -> {
      resolver.importNames(sightings, entities);
      return null;
    });
  }
}
