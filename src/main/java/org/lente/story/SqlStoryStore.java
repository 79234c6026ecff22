package org.lente.story;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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
    db.writeDerived("store the story and lineage of article " + article, c -> {
      writeStory(c, story.story(), article, score, centroid(story));
      writeTerms(terms);
      writeLinks(links);
      writeBands(article, language, bands);
      return null;
    });
  }

  @Override
  public void putBands(long article, String language, long[] bands) throws IOException {
    db.writeDerived("store the bands of article " + article, c -> {
      writeBands(article, language, bands);
      return null;
    });
  }

  /** The bands of an article: one statement per {@link SqlConnections#MAX_ROWS} bands (a band twice is kept once). */
  private void writeBands(long article, String language, long[] bands) throws SQLException {
    SqlConnections.rows(db::statement, "INSERT INTO lsh_bands (band_key, article_id, language) VALUES "
        + SqlConnections.ROWS + " ON CONFLICT DO NOTHING", "(?, ?, ?)", java.util.Arrays.stream(bands).boxed().toList(),
        (ps, p, b) -> {
          ps.setLong(p, b);
          ps.setLong(p + 1, article);
          ps.setString(p + 2, language == null ? "" : language);
          return p + 3;
        });
  }

  @Override
  public void putAnchors(long article, String language, java.util.Collection<String> terms)
      throws IOException {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(terms));
    String lang = language == null ? "" : language;
    db.writeDerived("store the anchors of article " + article, c -> { // a statement per 100 terms, not two per term
      List<String> added = new ArrayList<>(); // the new postings: one more article holds each of their terms
      SqlConnections.rows(db::statement, "INSERT INTO anchor_postings (term, article_id, language) VALUES "
          + SqlConnections.ROWS + " ON CONFLICT DO NOTHING RETURNING term", "(?, ?, ?)", all, (ps, p, t) -> {
            ps.setString(p, t);
            ps.setLong(p + 1, article);
            ps.setString(p + 2, lang);
            return p + 3;
          }, rs -> added.add(rs.getString(1)));
      SqlConnections.rows(db::statement, "INSERT INTO anchor_terms (term, articles) VALUES " + SqlConnections.ROWS
          + " ON CONFLICT(term) DO UPDATE SET articles = anchor_terms.articles + 1", "(?, 1)", added, (ps, p, t) -> {
            ps.setString(p, t);
            return p + 1;
          });
      return null;
    });
  }

  @Override
  public Map<String, List<Long>> anchorPostings(java.util.Collection<String> terms, String language,
      int maxArticles) throws IOException {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(terms));
    return db.read("look up anchor postings", c -> {
      Map<String, List<Long>> out = new LinkedHashMap<>();
      for (int from = 0; from < all.size(); from += 500) { // under SQLite's bound on parameters
        List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
        String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
        List<String> rare = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT term FROM anchor_terms WHERE term IN (" + marks
            + ") AND articles <= ?")) {
          db.planForValues(ps);
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          ps.setInt(chunk.size() + 1, maxArticles);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rare.add(rs.getString(1));
            }
          }
        }
        if (rare.isEmpty()) {
          continue;
        }
        try (PreparedStatement ps = c.prepareStatement(postingsQuery(rare.size(), language != null))) {
          db.planForValues(ps);
          int p = 1;
          for (int branch = 0; branch < (language == null ? 1 : 2); branch++) {
            for (String t : rare) {
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
      return out;
    });
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
    db.writeDerived("store " + links.size() + " links", c -> {
      writeLinks(links);
      return null;
    });
  }

  /**
   * Each link from both sides ({@link Link#flipped}), replacing the stored link of the same two articles: one
   * statement per {@link SqlConnections#MAX_ROWS} sides. Of two sides of the same two articles, the later in
   * {@code links} is stored, as if each were written in turn.
   */
  private void writeLinks(List<Link> links) throws SQLException, IOException {
    Map<List<Long>, Link> sides = new LinkedHashMap<>(); // one row of a statement per pair: each upserted once
    for (Link l : links) {
      for (Link side : List.of(l, l.flipped())) {
        List<Long> pair = List.of(side.article(), side.related());
        sides.remove(pair);
        sides.put(pair, side);
      }
    }
    List<Map.Entry<Link, String>> rows = new ArrayList<>(sides.size()); // each side with its evidence's JSON
    for (Link side : sides.values()) {
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
      writeStory(c, story, article, score, null);
      return null;
    });
  }

  /**
   * Stores {@code story} and article {@code article}'s place in it; with {@code centroid} (its JSON, {@link #centroid})
   * in the same statement, else the story's stored centroid stays. One statement, not an update of the centroid after
   * the upsert, which wrote the story's row a second time (docs/cluster-writer.md: it saved little; the row's JSON is
   * what costs).
   */
  private static void writeStory(Connection c, Story story, long article, double score, String centroid)
      throws SQLException, IOException {
    String columns = centroid == null ? "" : ", centroid";
    try (PreparedStatement st = c.prepareStatement("INSERT INTO stories "
        + "(id, title, first_published, last_published, updated_at, story" + columns + ") VALUES (?, ?, ?, ?, ?, ?"
        + (centroid == null ? "" : ", ?") + ") "
        + "ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_published = excluded.first_published, "
        + "last_published = excluded.last_published, updated_at = excluded.updated_at, story = excluded.story"
        + (centroid == null ? "" : ", centroid = excluded.centroid"));
        PreparedStatement sa = c.prepareStatement(
            "INSERT INTO story_articles (article_id, story_id, score) VALUES (?, ?, ?) "
                + "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score")) {
      st.setLong(1, story.id());
      st.setString(2, story.title());
      st.setString(3, story.first());
      st.setString(4, story.last());
      st.setString(5, Instant.now().toString());
      st.setString(6, JSON.writeValueAsString(story));
      if (centroid != null) {
        st.setString(7, centroid);
      }
      st.executeUpdate();
      sa.setLong(1, article);
      sa.setLong(2, story.id());
      sa.setDouble(3, score);
      sa.executeUpdate();
    }
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

  /**
   * The stored form of {@code story}'s centroid ({@link Centroid}), its maps in key order: the stored bytes depend on
   * the state alone (the cluster's writers and a single process agree). A {@link Stories.Saved}'s maps iterate in
   * that order; they are written as they come, not sorted again (Jackson's {@code ORDER_MAP_ENTRIES_BY_KEYS} copied
   * them into a tree map for each article: docs/cluster-writer.md).
   */
  static String centroid(Stories.Saved story) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("names", story.names());
    fields.put("terms", story.centroid());
    return JSON.writeValueAsString(fields);
  }

  /**
   * Counts each term once more (a term given twice, twice), and the article under {@link #COUNTED} (when it has
   * terms): one statement per {@link SqlConnections#MAX_ROWS} distinct terms.
   */
  private void writeTerms(java.util.Collection<String> terms) throws SQLException {
    if (terms.isEmpty()) {
      return;
    }
    Map<String, Integer> counts = new LinkedHashMap<>(); // each term once in a statement: one upsert per row
    for (String t : terms) {
      if (!t.isEmpty()) {
        counts.merge(t, 1, Integer::sum);
      }
    }
    counts.put(COUNTED, 1);
    SqlConnections.rows(db::statement, "INSERT INTO story_terms (term, df) VALUES " + SqlConnections.ROWS
        + " ON CONFLICT(term) DO UPDATE SET df = story_terms.df + excluded.df", "(?, ?)",
        List.copyOf(counts.entrySet()), (ps, p, e) -> {
          ps.setString(p, e.getKey());
          ps.setInt(p + 1, e.getValue());
          return p + 2;
        });
  }

  /** The {@code story_terms} row that counts the articles whose terms were counted: no term is empty. */
  private static final String COUNTED = "";

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

  /** The stored form of a story's centroid. */
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
