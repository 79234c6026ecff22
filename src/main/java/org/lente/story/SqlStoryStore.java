package org.lente.story;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.lente.store.SqlConnections;
import org.lente.store.StoredJson;

/**
 * A {@link StoryStore} over SQL tables {@code stories}, {@code story_ids}, {@code story_articles},
 * {@code story_terms}, {@code links}, {@code lsh_bands}, {@code anchor_postings} and
 * {@code anchor_terms}: the embedded {@link SqliteStoryStore} and the cluster's
 * {@link PostgresStoryStore}. The SQL is the same for both (upserts as {@code INSERT … ON CONFLICT},
 * which both engines read alike) except where JSON is read inside the database: the three fragments
 * each subclass gives. The connections are the engine's {@link SqlConnections}: reads on its read
 * connections ({@link SqlConnections#read}), writes in one transaction under its write lock
 * ({@link SqlConnections#writeDerived}). Thread-safe.
 */
public abstract sealed class SqlStoryStore implements StoryStore permits SqliteStoryStore, PostgresStoryStore {

  private static final ObjectMapper JSON = StoredJson.MAPPER;

  private final SqlConnections db;

  SqlStoryStore(SqlConnections db) {
    this.db = db;
  }

  /** A condition true when the {@code story} column's JSON lists the language bound to its one {@code ?}. */
  abstract String hasLanguage();

  /** A condition true when the {@code story} column's JSON lists at least {@code ?} articles. */
  abstract String hasArticles();

  /** The {@code s.story} column's JSON with empty {@code timeline} and {@code quotes}: what a listing shows. */
  abstract String listed();

  @Override
  public void putArticle(long article, Stories.Saved story, java.util.Collection<String> terms,
      double score, List<Link> links, String language, long[] bands) throws IOException {
    StoryRows rows = new StoryRows();
    rows.article(article, story, terms, score, links, language, bands);
    write("store the story and lineage of article " + article, rows);
  }

  @Override
  public void putBands(long article, String language, long[] bands) throws IOException {
    StoryRows rows = new StoryRows();
    rows.bands(article, language, bands);
    write("store the bands of article " + article, rows);
  }

  @Override
  public void putRows(StoryRows rows) throws IOException {
    if (!rows.isEmpty()) {
      write("store the stories and lineage of " + rows.joined().size() + " articles", rows);
    }
  }

  /**
   * Writes {@code rows} in one transaction: one statement per {@link SqlConnections#MAX_ROWS} rows of each table, the
   * stories before the articles' places in them.
   */
  private void write(String what, StoryRows rows) throws IOException {
    db.writeDerived(what, c -> {
      writeStories(rows.stories(), true);
      writeJoined(rows.joined());
      writeTerms(rows.termCounts());
      writeSides(rows.sides());
      writeBands(rows.bands());
      writeAnchors(rows.anchors());
      return null;
    });
  }

  /** The bands of the articles, a band twice of one article kept once. */
  private void writeBands(Map<Long, StoryRows.Banded> bands) throws SQLException {
    record Band(long key, long article, String language) {
    }
    List<Band> rows = new ArrayList<>();
    bands.forEach((article, held) -> {
      for (long b : held.bands()) {
        rows.add(new Band(b, article, held.language()));
      }
    });
    SqlConnections.rows(db::statement, "INSERT INTO lsh_bands (band_key, article_id, language) VALUES "
        + SqlConnections.ROWS + " ON CONFLICT DO NOTHING", "(?, ?, ?)", rows, (ps, p, row) -> {
          ps.setLong(p, row.key());
          ps.setLong(p + 1, row.article());
          ps.setString(p + 2, row.language());
          return p + 3;
        });
  }

  @Override
  public void putAnchors(long article, String language, java.util.Collection<String> terms)
      throws IOException {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(terms));
    String lang = language == null ? "" : language;
    db.writeDerived("store the anchors of article " + article, c -> { // a statement per 100 terms, not two per term
      Map<String, Integer> added = new LinkedHashMap<>(); // the new postings: one more article holds each of their terms
      SqlConnections.rows(db::statement, POSTINGS + " RETURNING term", "(?, ?, ?)", all, (ps, p, t) -> {
        ps.setString(p, t);
        ps.setLong(p + 1, article);
        ps.setString(p + 2, lang);
        return p + 3;
      }, rs -> added.put(rs.getString(1), 1));
      countAnchors(added);
      return null;
    });
  }

  /** The insert of anchor postings (term, article, language): a posting stored already is left as it is. */
  private static final String POSTINGS = "INSERT INTO anchor_postings (term, article_id, language) VALUES "
      + SqlConnections.ROWS + " ON CONFLICT DO NOTHING";

  /** The held articles' anchor postings, all new ({@link StoryRows#anchors}), and the counts of their terms. */
  private void writeAnchors(Map<Long, StoryRows.Anchored> anchors) throws SQLException {
    record Posting(String term, long article, String language) {
    }
    List<Posting> rows = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    anchors.forEach((article, a) -> {
      for (String t : a.terms()) {
        rows.add(new Posting(t, article, a.language()));
        counts.merge(t, 1, Integer::sum);
      }
    });
    SqlConnections.rows(db::statement, POSTINGS, "(?, ?, ?)", rows, (ps, p, row) -> {
      ps.setString(p, row.term());
      ps.setLong(p + 1, row.article());
      ps.setString(p + 2, row.language());
      return p + 3;
    });
    countAnchors(counts);
  }

  /** Adds to each term's count of articles holding it what {@code added} gives: one statement per 100 terms. */
  private void countAnchors(Map<String, Integer> added) throws SQLException {
    addToCounts("anchor_terms", "articles", added);
  }

  /**
   * Adds to the count in column {@code count} of {@code table}'s row of each term (keyed by its {@code term}, added when
   * missing) what {@code added} gives: one statement per {@link SqlConnections#MAX_ROWS} terms.
   */
  private void addToCounts(String table, String count, Map<String, Integer> added) throws SQLException {
    SqlConnections.rows(db::statement, "INSERT INTO " + table + " (term, " + count + ") VALUES " + SqlConnections.ROWS
        + " ON CONFLICT(term) DO UPDATE SET " + count + " = " + table + "." + count + " + excluded." + count, "(?, ?)",
        List.copyOf(added.entrySet()), (ps, p, e) -> {
          ps.setString(p, e.getKey());
          ps.setInt(p + 1, e.getValue());
          return p + 2;
        });
  }

  /** The terms of one read: under SQLite's bound on parameters. */
  private static final int TERMS_A_READ = 500;

  @Override
  public Map<String, List<Long>> anchorPostings(java.util.Collection<String> terms, String language,
      int maxArticles) throws IOException {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(terms));
    return db.read("look up anchor postings", c -> {
      Map<String, List<Long>> out = new LinkedHashMap<>();
      for (int from = 0; from < all.size(); from += TERMS_A_READ) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + TERMS_A_READ));
        List<String> rare = new ArrayList<>();
        counts(c, chunk, maxArticles, (t, n) -> rare.add(t));
        postings(c, rare, language, out);
      }
      return out;
    });
  }

  @Override
  public java.util.Set<String> anchorLanguages() throws IOException {
    return db.read("read the anchors' languages", c -> {
      java.util.Set<String> out = new java.util.TreeSet<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT DISTINCT language FROM anchor_postings")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, Integer> anchorCounts(java.util.Collection<String> terms) throws IOException {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(terms));
    return db.read("count anchor articles", c -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      for (int from = 0; from < all.size(); from += TERMS_A_READ) {
        counts(c, all.subList(from, Math.min(all.size(), from + TERMS_A_READ)), Integer.MAX_VALUE, out::put);
      }
      return out;
    });
  }

  @Override
  public Map<String, List<Long>> anchorArticles(java.util.Collection<String> terms, String language)
      throws IOException {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(terms));
    return db.read("look up anchor postings", c -> {
      Map<String, List<Long>> out = new LinkedHashMap<>();
      for (int from = 0; from < all.size(); from += TERMS_A_READ) {
        postings(c, all.subList(from, Math.min(all.size(), from + TERMS_A_READ)), language, out);
      }
      return out;
    });
  }

  /** Gives {@code counted} each of {@code terms} (distinct) held by 1 to {@code maxArticles} articles, with their number. */
  private void counts(java.sql.Connection c, List<String> terms, int maxArticles,
      java.util.function.ObjIntConsumer<String> counted) throws SQLException {
    if (terms.isEmpty()) {
      return;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(terms.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement("SELECT term, articles FROM anchor_terms WHERE term IN (" + marks
        + ") AND articles <= ?")) {
      db.planForValues(ps);
      for (int i = 0; i < terms.size(); i++) {
        ps.setString(i + 1, terms.get(i));
      }
      ps.setInt(terms.size() + 1, maxArticles);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counted.accept(rs.getString(1), rs.getInt(2));
        }
      }
    }
  }

  /** Adds to {@code out} the articles holding each of {@code terms} (distinct) whose language is not {@code language} (null: any). */
  private void postings(java.sql.Connection c, List<String> terms, String language, Map<String, List<Long>> out)
      throws SQLException {
    if (terms.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(postingsQuery(terms.size(), language != null))) {
      db.planForValues(ps);
      int p = 1;
      for (int branch = 0; branch < (language == null ? 1 : 2); branch++) {
        for (String t : terms) {
          ps.setString(p++, t);
        }
        if (language != null) {
          ps.setString(p++, language);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
    }
  }

  /**
   * The statement that reads the postings of {@code terms} terms (bound first, in order), with {@code ?} then bound
   * to the language to leave out when {@code otherLanguages}: then it is two range reads of the index on
   * {@code (term, language)} (schema V15), the languages below and above, each bound with the terms and the language
   * in turn. NOTE: {@code language <> ?} would read every posting of each term, the article's own language's too,
   * and drop them afterwards: in a store of one language, all of them, to keep none.
   */
  static String postingsQuery(int terms, boolean otherLanguages) {
    String select = "SELECT term, article_id FROM anchor_postings WHERE term IN ("
        + String.join(", ", java.util.Collections.nCopies(terms, "?")) + ")";
    return otherLanguages ? select + " AND language < ? UNION ALL " + select + " AND language > ?" : select;
  }

  /** Articles sharing most bands first. */
  @Override
  public Map<Long, Integer> bandCandidates(String language, long[] bands, int max) throws IOException {
    StringBuilder sql = new StringBuilder("SELECT article_id, count(*) FROM lsh_bands WHERE language = ? AND band_key IN (");
    for (int i = 0; i < bands.length; i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(") GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT ?");
    return db.read("look up LSH bands", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        ps.setString(1, language == null ? "" : language);
        for (int i = 0; i < bands.length; i++) {
          ps.setLong(i + 2, bands[i]);
        }
        ps.setInt(bands.length + 2, max);
        Map<Long, Integer> out = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getLong(1), rs.getInt(2));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void putLinks(List<Link> links) throws IOException {
    if (links.isEmpty()) {
      return;
    }
    StoryRows rows = new StoryRows();
    rows.links(links);
    write("store " + links.size() + " links", rows);
  }

  /**
   * Each side of a link ({@link StoryRows#sides}: each pair of articles once), replacing the stored link of the same
   * two articles: one statement per {@link SqlConnections#MAX_ROWS} sides.
   */
  private void writeSides(java.util.Collection<Link> sides) throws SQLException, IOException {
    List<Map.Entry<Link, String>> rows = new ArrayList<>(sides.size()); // each side with its evidence's JSON
    for (Link side : sides) {
      rows.add(Map.entry(side, JSON.writeValueAsString(side.evidence())));
    }
    SqlConnections.rows(db::statement, "INSERT INTO links (article_id, related_id, relation, direction, score, "
        + "evidence) VALUES " + SqlConnections.ROWS + " ON CONFLICT (article_id, related_id) DO UPDATE SET "
        + "relation = excluded.relation, direction = excluded.direction, score = excluded.score, "
        + "evidence = excluded.evidence", "(?, ?, ?, ?, ?, ?)", rows, (ps, p, row) -> {
          Link side = row.getKey();
          ps.setLong(p, side.article());
          ps.setLong(p + 1, side.related());
          ps.setString(p + 2, side.relation().label());
          ps.setString(p + 3, side.direction().label());
          ps.setDouble(p + 4, side.score());
          ps.setString(p + 5, row.getValue());
          return p + 6;
        });
  }

  @Override
  public List<Link> links(long article) throws IOException {
    return db.read("read the links of article " + article, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT related_id, relation, direction, score, evidence "
          + "FROM links WHERE article_id = ? ORDER BY score DESC, related_id")) {
        ps.setLong(1, article);
        List<Link> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Link(article, rs.getLong(1), Link.Relation.parse(rs.getString(2)),
                Direction.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)), rs.getDouble(4),
                JSON.readValue(rs.getString(5), new TypeReference<List<Evidence>>() { })));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void putStory(Story story, long article, double score) throws IOException {
    db.writeDerived("store story " + story.id(), c -> {
      // the story alone: its stored centroid stays, so the row's (empty) centroid is not written
      writeStories(List.of(new StoryRows.StoryRow(new Stories.Saved(story, Map.of(), Map.of()), Instant.now())),
          false);
      writeJoined(Map.of(article, new StoryRows.Joined(story.id(), score)));
      return null;
    });
  }

  /**
   * Stores each story as its row gives it (each story once: {@link StoryRows#stories}); with its centroid (its JSON,
   * {@link #centroid}) when {@code withCentroid}, else the story's stored centroid stays. One statement per
   * {@link SqlConnections#MAX_ROWS} stories, not an update of the centroid after the upsert, which wrote the story's
   * row a second time (docs/cluster-writer.md: it saved little; the row's JSON is what costs).
   */
  private void writeStories(java.util.Collection<StoryRows.StoryRow> stories, boolean withCentroid)
      throws SQLException, IOException {
    record Row(Story story, String json, String centroid, String updatedAt) {
    }
    List<Row> rows = new ArrayList<>(stories.size());
    for (StoryRows.StoryRow row : stories) {
      rows.add(new Row(row.saved().story(), JSON.writeValueAsString(row.saved().story()),
          withCentroid ? centroid(row.saved()) : null, row.updatedAt().toString()));
    }
    SqlConnections.rows(db::statement, "INSERT INTO stories (id, title, first_published, last_published, "
        + "updated_at, story" + (withCentroid ? ", centroid" : "") + ") VALUES " + SqlConnections.ROWS
        + " ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_published = excluded.first_published, "
        + "last_published = excluded.last_published, updated_at = excluded.updated_at, story = excluded.story"
        + (withCentroid ? ", centroid = excluded.centroid" : ""),
        withCentroid ? "(?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)", rows, (st, p, row) -> {
          st.setLong(p, row.story().id());
          st.setString(p + 1, row.story().title());
          st.setString(p + 2, row.story().first());
          st.setString(p + 3, row.story().last());
          st.setString(p + 4, row.updatedAt());
          st.setString(p + 5, row.json());
          if (!withCentroid) {
            return p + 6;
          }
          st.setString(p + 6, row.centroid());
          return p + 7;
        });
  }

  /** Stores each article's place in its story, replacing the stored one. */
  private void writeJoined(Map<Long, StoryRows.Joined> joined) throws SQLException {
    SqlConnections.rows(db::statement, "INSERT INTO story_articles (article_id, story_id, score) VALUES "
        + SqlConnections.ROWS + " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, "
        + "score = excluded.score", "(?, ?, ?)", List.copyOf(joined.entrySet()), (ps, p, e) -> {
          ps.setLong(p, e.getKey());
          ps.setLong(p + 1, e.getValue().story());
          ps.setDouble(p + 2, e.getValue().score());
          return p + 3;
        });
  }

  @Override
  public Optional<Story> story(long id) throws IOException {
    return db.read("read story " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT story FROM stories WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(JSON.readValue(rs.getString(1), Story.class)) : Optional.<Story>empty();
        }
      }
    });
  }

  @Override
  public Optional<Long> storyOf(long article) throws IOException {
    return db.read("read the story of article " + article, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT story_id FROM story_articles WHERE article_id = ?")) {
        ps.setLong(1, article);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
        }
      }
    });
  }

  @Override
  public Optional<Long> articleId(String reference) throws IOException {
    return db.read("look up article " + reference, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM articles WHERE key = ? OR url = ? OR source = ? ORDER BY id LIMIT 1")) {
        ps.setString(1, reference);
        ps.setString(2, reference);
        ps.setString(3, reference);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
        }
      }
    });
  }

  @Override
  public Map<Long, String> localOrigins(List<Long> ids) throws IOException {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return db.read("look up the origins of " + ids.size() + " articles", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, source FROM articles WHERE url IS NULL AND " + db.inIdList("id"))) {
        ps.setString(1, db.idList(ids));
        Map<Long, String> out = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getLong(1), rs.getString(2));
          }
        }
        return out;
      }
    });
  }

  /**
   * The stored form of {@code story}'s centroid ({@link Centroid}), its maps in key order: the stored bytes depend on
   * the state alone (the cluster's writers and a single process agree). A {@link Stories.Saved}'s maps iterate in
   * that order; they are written as they come, not sorted again (Jackson's {@code ORDER_MAP_ENTRIES_BY_KEYS} copied
   * them into a tree map for each article: docs/cluster-writer.md).
   */
  static String centroid(Stories.Saved story) throws IOException {
    return CENTROID.writeValueAsString(new Centroid(story.centroid(), story.names()));
  }

  /**
   * The writer of {@link Centroid}: its maps' key and value serializers found once for their declared types, not
   * looked up for each entry as for an untyped map's values (a third of the centroids' JSON time in the writer's
   * profile, docs/cluster-writer.md session 22).
   */
  private static final com.fasterxml.jackson.databind.ObjectWriter CENTROID = JSON.writerFor(Centroid.class);

  /**
   * Adds to each term's count what {@code counts} gives ({@link StoryRows#termCounts}, the article count under
   * {@link StoryRows#COUNTED} among them): one statement per {@link SqlConnections#MAX_ROWS} terms.
   */
  private void writeTerms(Map<String, Integer> counts) throws SQLException {
    addToCounts("story_terms", "df", counts);
  }

  @Override
  public List<Long> articlesWithoutStory() throws IOException {
    return db.read("list articles without a story", c -> {
      List<Long> out = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT a.id FROM articles a "
          + "WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY a.id")) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, Integer> termCounts() throws IOException {
    return db.read("read story terms", c -> {
      Map<String, Integer> out = new java.util.HashMap<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT term, df FROM story_terms WHERE term <> ''")) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getInt(2));
        }
      }
      return out;
    });
  }

  @Override
  public int countedArticles() throws IOException {
    return db.read("count story articles", c -> {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT coalesce(max(df), 0) FROM story_terms WHERE term = ''")) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  @Override
  public List<Stories.Saved> savedStories(int max) throws IOException {
    if (max < 0) {
      throw new IllegalArgumentException("negative maximum " + max);
    }
    return db.read("read stories", c -> {
      List<Stories.Saved> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT story, centroid FROM stories WHERE centroid IS NOT NULL "
          + "ORDER BY (SELECT max(article_id) FROM story_articles s WHERE s.story_id = stories.id) DESC, id DESC "
          + "LIMIT ?")) {
        ps.setInt(1, max);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Story story = JSON.readValue(rs.getString(1), Story.class);
            Centroid centroid = JSON.readValue(rs.getString(2), Centroid.class);
            out.add(new Stories.Saved(story, centroid.terms(), centroid.names()));
          }
        }
      }
      return out;
    });
  }

  /** The stored form of a story's centroid: its names, then its terms. */
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({"names", "terms"})
  private record Centroid(Map<String, Double> terms, Map<String, String> names) {
    Centroid {
      terms = terms == null ? Map.of() : terms;
      names = names == null ? Map.of() : names;
    }
  }

  @Override
  public long newStoryId() throws IOException {
    return db.writeDerived("allocate a story id", c -> {
      try (Statement st = c.createStatement()) {
        long id;
        try (ResultSet rs = st.executeQuery("INSERT INTO story_ids DEFAULT VALUES RETURNING id")) {
          rs.next();
          id = rs.getLong(1);
        }
        st.executeUpdate("DELETE FROM story_ids WHERE id < " + id); // the sequence keeps the highest
        return id;
      }
    });
  }

  @Override
  public long lastStoryId() throws IOException {
    return db.read("read stories", c -> {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM stories")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public org.lente.store.Page<Story> stories(String language, int minArticles, String cursor, int limit)
      throws IOException {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1 to 100: " + limit);
    }
    if (minArticles < 1) {
      throw new IllegalArgumentException("minimum articles must be at least 1: " + minArticles);
    }
    StoryCursor after = StoryCursor.decode(cursor);
    // A listing shows counts, dates, sources and languages: the timeline (a title per article) and the
    // quotes are left out in the database, not parsed by Jackson (a story of 4,000 articles holds 580 KB), and
    // only for the page's rows: the inner query picks them without touching the JSON (unless filtering).
    StringBuilder sql = new StringBuilder("SELECT id FROM stories WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (after != null && after.last() != null) {
      sql.append(" AND (last_published IS NULL OR last_published < ? OR (last_published = ? AND id < ?))");
      args.add(after.last());
      args.add(after.last());
      args.add(after.id());
    } else if (after != null) {
      sql.append(" AND last_published IS NULL AND id < ?");
      args.add(after.id());
    }
    if (language != null) {
      sql.append(" AND ").append(hasLanguage());
      args.add(language);
    }
    if (minArticles > 1) {
      sql.append(" AND ").append(hasArticles());
      args.add(minArticles);
    }
    sql.append(" ORDER BY last_published IS NULL, last_published DESC, id DESC LIMIT ?");
    args.add(limit + 1);
    sql.insert(0, "SELECT s.id, s.last_published, " + listed() + " FROM stories s JOIN (").append(") p ON p.id = s.id "
        + "ORDER BY s.last_published IS NULL, s.last_published DESC, s.id DESC");
    return db.read("list stories", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        List<Story> out = new ArrayList<>();
        String next = null;
        String lastPublished = null;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (out.size() == limit) {
              Story last = out.get(limit - 1);
              next = new StoryCursor(last.id(), lastPublished).encode();
              break;
            }
            lastPublished = rs.getString(2);
            out.add(JSON.readValue(rs.getString(3), Story.class));
          }
        }
        return new org.lente.store.Page<>(out, next);
      }
    });
  }
}
