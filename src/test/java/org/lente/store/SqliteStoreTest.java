package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article store's contract on a real SQLite file, and what only the embedded store does. */
class SqliteStoreTest extends ArticleStoreContract<SqliteStore> {

  @TempDir
  Path dir;

  @Override
  SqliteStore open() throws IOException {
    return SqliteStore.open(dir);
  }

  @Override
  List<String> rows(String sql) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE))) {
      return rows(db, sql);
    }
  }

  /**
   * The rows found in a batch's new articles, held until its end ({@link ArticleStore#holdWrites}, as the cluster's
   * writer does) and written at once, leave what the articles' puts one by one leave, row for row, in every table they
   * reach: articles sharing entities (their counts summed), one stored again in the batch (the held rows written
   * before its update reads them), one new after it.
   */
  @Test
  void rowsFoundInABatchHeldUntilItsEndAreStoredAsByPutsOneByOne(@TempDir Path other) throws Exception {
    try (SqliteStore batch = SqliteStore.open(other)) {
      batch.holdWrites();
      for (SqliteStore s : List.of(store, batch)) {
        s.put("a1", Fixtures.realistic(1));
        s.put("a2", Fixtures.realistic(2));
        s.put("a3", Fixtures.realistic(3));
      }
      assertEquals(List.of("0"), rows(other, "SELECT count(*) FROM mentions"), "the new articles' rows not held");
      for (SqliteStore s : List.of(store, batch)) {
        s.put("a2", Fixtures.realistic(4)); // stored again: its version 1's rows are read back and replaced
        s.put("a5", Fixtures.realistic(5));
        for (String day : List.of("2024-03-02", "2024-01-20", "2024-02-11")) { // a role's days widen both ways
          s.put("r" + day, Fixtures.article("https://www.example.org/ruoli/" + day,
              "La ministra Giorgia Meloni ha incontrato Olaf Scholz a Roma il " + day + ".").published(day)
              .entity("Giorgia Meloni", org.lente.nlp.ner.Entity.Type.PER, "Giorgia Meloni", 0, "ministra")
              .entity("Olaf Scholz", org.lente.nlp.ner.Entity.Type.PER, "Olaf Scholz", 0, "cancelliere").build());
        }
      }
      batch.writeHeld();
      List<String> tables = List.of("mentions", "quotes", "times", "article_entities", "entity_days",
          "kb_entity_types", "entity_aliases", "entity_roles", "kb_entities", "sources", "authors", "article_authors",
          "author_articles", "author_sources");
      for (String t : tables) {
        List<String> held = new java.util.ArrayList<>(rows(other, "SELECT * FROM " + t));
        List<String> oneByOne = new java.util.ArrayList<>(rows("SELECT * FROM " + t));
        java.util.Collections.sort(held);
        java.util.Collections.sort(oneByOne);
        assertTrue(!oneByOne.isEmpty(), t + " is empty: nothing compared");
        assertEquals(oneByOne, held, t);
      }
    }
  }

  /**
   * What a batch's new articles add to the resolver's sightings, held until its end with their found rows, leaves what
   * their puts one by one leave: each sighting's count summed over the articles naming it, an article stored again in
   * the batch (the held sightings written before it) and one new after it.
   */
  @Test
  void sightingsHeldUntilABatchsEndAreCountedAsByPutsOneByOne(@TempDir Path other) throws Exception {
    try (SqliteStore batch = SqliteStore.open(other)) {
      batch.holdWrites();
      for (SqliteStore s : List.of(store, batch)) {
        for (int n = 1; n <= 3; n++) {
          org.lente.nlp.Analysis a = Fixtures.realistic(n);
          s.put("s" + n, a, sightings(a), java.util.Map.of(), null);
        }
      }
      assertEquals(List.of("0"), rows(other, "SELECT count(*) FROM resolver_sightings"), "the sightings not held");
      assertTrue(rows(other, "SELECT count(*) FROM resolver_names").stream().allMatch(n -> Integer.parseInt(n) > 10),
          "the names are written at once (their ids are needed)");
      for (SqliteStore s : List.of(store, batch)) {
        org.lente.nlp.Analysis again = Fixtures.realistic(4);
        s.put("s2", again, sightings(again), java.util.Map.of(), null); // stored again: the held ones written first
        org.lente.nlp.Analysis last = Fixtures.realistic(5);
        s.put("s5", last, sightings(last), java.util.Map.of(), null);
      }
      batch.writeHeld();
      assertTrue(Integer.parseInt(rows("SELECT max(seen) FROM resolver_sightings").get(0)) > 1,
          "no sighting counted twice: nothing summed");
      for (String t : List.of("resolver_names", "resolver_sightings")) {
        List<String> held = new java.util.ArrayList<>(rows(other, "SELECT * FROM " + t));
        List<String> oneByOne = new java.util.ArrayList<>(rows("SELECT * FROM " + t));
        java.util.Collections.sort(held);
        java.util.Collections.sort(oneByOne);
        assertEquals(oneByOne, held, t);
      }
    }
  }

  /** The rows {@code sql} selects in the SQLite store in {@code folder}. */
  private static List<String> rows(Path folder, String sql) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(SqliteStore.FILE))) {
      return rows(db, sql);
    }
  }

  /**
   * A batch's statements adding to its knowledge-base entities' and sources' counts ({@link ArticleWrites#entityCounts},
   * {@link ArticleWrites#sourceCounts}) read the batch's rows once, then each row of the table by its id: led by the
   * ids' list, SQLite read the rows once for each id.
   */
  @Test
  void aBatchsCountsReadItsRowsOnceAndEachTableRowByItsId(@TempDir Path other) throws Exception {
    try (Database db = Database.open(other);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + other.resolve(SqliteStore.FILE))) {
      for (String sql : List.of(ArticleWrites.entityCounts(db.sql()), ArticleWrites.sourceCounts(db.sql()))) {
        List<String> plan = rows(c, "EXPLAIN QUERY PLAN " + sql).stream().map(r -> r.substring(r.lastIndexOf('|') + 1))
            .toList();
        int rowsRead = firstMatching(plan, "SCAN j .*");
        int tableRead = firstMatching(plan, "SEARCH [ks] USING INTEGER PRIMARY KEY.*");
        assertTrue(rowsRead >= 0 && tableRead > rowsRead, sql + "\n" + String.join("\n", plan));
      }
    }
  }

  /** The index of the first of {@code lines} matching {@code regex}, or -1. */
  private static int firstMatching(List<String> lines, String regex) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches(regex)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void openCreatesTheFolderAndTheDatabase() throws IOException {
    Path nested = dir.resolve("a/b");
    try (SqliteStore other = SqliteStore.open(nested)) {
      assertEquals(nested.resolve(SqliteStore.FILE), other.file());
      assertTrue(Files.isRegularFile(other.file()));
    }
  }
}
