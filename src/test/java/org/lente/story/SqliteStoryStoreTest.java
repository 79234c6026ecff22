package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.SqliteStore;

/** The story store contract on a real SQLite file. */
class SqliteStoryStoreTest extends StoryStoreContract {

  @TempDir
  Path dir;

  @Override
  SqlStoryStore open() throws Exception {
    return SqliteStoryStore.open(dir);
  }

  @Override
  long[] articles(int n) throws Exception {
    long[] ids = new long[n];
    try (SqliteStore store = SqliteStore.open(dir)) {
      for (int i = 0; i < n; i++) {
        ids[i] = store.put("k" + i, Texts.analysis("site.example/" + i, null, "it", null, "t" + i,
            "Testo numero " + i + " del giorno.")).id();
      }
    }
    return ids;
  }

  /** The plan names the index's ranges: an article's own language's postings are not read, to be dropped. */
  @Test
  void anchorPostingsAreSearchedInTheOtherLanguagesRangesOnly() throws Exception {
    SqliteStore.open(dir).close();
    List<String> plan = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN "
            + SqlStoryStore.postingsQuery(2, true))) {
      for (int p = 1; p <= 6; p++) {
        ps.setString(p, p % 3 == 0 ? "it" : "n:kessler" + p);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString("detail").contains("anchor_postings")) {
            plan.add(rs.getString("detail"));
          }
        }
      }
    }
    assertEquals(List.of("SEARCH anchor_postings USING COVERING INDEX anchor_postings_language (term=? AND language<?)",
        "SEARCH anchor_postings USING COVERING INDEX anchor_postings_language (term=? AND language>?)"), plan);
  }

  /** 30 terms and names: a hash order that happens to be the key order is out of reach (1 in 30!). */
  @Test
  void aCentroidIsWrittenInKeyOrderWhateverTheMapsOrder() throws Exception {
    long[] ids = articles(1);
    Map<String, Double> terms = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    StringJoiner termsJson = new StringJoiner(",", "{", "}");
    StringJoiner namesJson = new StringJoiner(",", "{", "}");
    for (int i = 10; i < 40; i++) {
      terms.put("k:termine" + i, i / 4.0);
      names.put("k:nome" + i, "Nome " + i);
      termsJson.add("\"k:termine" + i + "\":" + i / 4.0);
      namesJson.add("\"k:nome" + i + "\":\"Nome " + i + "\"");
    }
    Story story = new Story(1, "Titolo", null, null, List.of(ids[0]), List.of("site.example"), List.of("it"),
        List.of(), List.of(), List.of());
    try (SqlStoryStore s = open()) {
      s.putArticle(ids[0], new Stories.Saved(story, terms, names), List.of(), 0, List.of(), "it", new long[] {1});
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT centroid FROM stories WHERE id = 1")) {
      rs.next();
      assertEquals("{\"names\":" + namesJson + ",\"terms\":" + termsJson + "}", rs.getString(1));
    }
  }
}
