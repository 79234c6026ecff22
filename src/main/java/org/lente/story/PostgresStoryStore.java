package org.lente.story;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lente.cluster.PostgresSchema;
import org.lente.store.PostgresConnections;

/**
 * The cluster's {@link StoryStore}: the story tables of the shared PostgreSQL database (created by
 * {@code lente migrate}, see {@link PostgresSchema}), on the {@link PostgresConnections} it is given ({@link #on}), which whoever opened them closes. The
 * story JSON is stored as text, as in the embedded store, and read as {@code jsonb} where a listing
 * filters on it.
 */
public final class PostgresStoryStore extends SqlStoryStore {

  /**
   * The articles sharing most bands with each query of a batch ({@link #bandCandidates(List, int)}), ranked as
   * {@code bandCandidates} ranks one query's: each query (its language, its bands as an array's text, its place) a
   * lateral lookup of its own, so that PostgreSQL reads the primary key's index for each query's band keys, not the
   * whole table (a join of all the queries' bands with {@code lsh_bands} was planned as a sequential scan: session 19).
   */
  static final String BANDS_OF_EACH = "SELECT q.ord, c.article_id, c.n "
      + "FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS q(language, bands, ord) "
      + "CROSS JOIN LATERAL (SELECT b.article_id, count(*) AS n FROM lsh_bands b "
      + "WHERE b.band_key = ANY (q.bands::bigint[]) AND b.language = q.language "
      + "GROUP BY b.article_id ORDER BY count(*) DESC, b.article_id LIMIT ?) c ORDER BY q.ord, c.n DESC, c.article_id";

  private final PostgresConnections db;

  private PostgresStoryStore(PostgresConnections db) {
    super(db);
    this.db = db;
  }

  /** {@inheritDoc} One statement for all of them ({@link #BANDS_OF_EACH}). */
  @Override
  public List<Map<Long, Integer>> bandCandidates(List<BandQuery> queries, int max) throws IOException {
    if (queries.isEmpty()) {
      return List.of();
    }
    String[] languages = new String[queries.size()];
    String[] bands = new String[queries.size()];
    for (int i = 0; i < languages.length; i++) {
      languages[i] = queries.get(i).language();
      StringBuilder b = new StringBuilder("{");
      for (long key : queries.get(i).bands()) {
        b.append(b.length() == 1 ? "" : ",").append(key);
      }
      bands[i] = b.append('}').toString();
    }
    return db.read("look up the LSH bands of " + queries.size() + " articles", c -> {
      List<Map<Long, Integer>> out = new ArrayList<>(queries.size());
      for (int i = 0; i < languages.length; i++) {
        out.add(new LinkedHashMap<>());
      }
      PreparedStatement ps = db.statement(BANDS_OF_EACH);
      ps.setArray(1, c.createArrayOf("text", languages));
      ps.setArray(2, c.createArrayOf("text", bands));
      ps.setInt(3, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.get((int) rs.getLong(1) - 1).put(rs.getLong(2), rs.getInt(3));
        }
      }
      return out;
    });
  }

  /**
   * The story tables on {@code db}, open connections ({@link PostgresConnections#connect}) that the caller
   * closes, shared with the article store ({@code PostgresArticleStore.on}): story writes called within one of
   * their {@link PostgresConnections#transaction transactions} join it, so that an article and its stories commit
   * together.
   */
  public static PostgresStoryStore on(PostgresConnections db) {
    return new PostgresStoryStore(java.util.Objects.requireNonNull(db, "db"));
  }

  @Override
  String hasLanguage() {
    return "(story::jsonb -> 'languages') @> to_jsonb(?::text)";
  }

  @Override
  String hasArticles() {
    return "jsonb_array_length(story::jsonb -> 'articles') >= ?";
  }

  @Override
  String listed() {
    return "(s.story::jsonb || '{\"timeline\": [], \"quotes\": []}'::jsonb)::text";
  }

  /** Does nothing: the connections are the caller's, who opened them ({@link #on}). */
  @Override
  public void close() {}
}
