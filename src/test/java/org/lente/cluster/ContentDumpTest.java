package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ContentDump} on real PostgreSQL databases migrated as the cluster's. */
class ContentDumpTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  /** Two articles, one story of both, an entity mentioned in the second; {@code gap} ids burnt before each insert. */
  private static String database(int gap, String mentioned) throws Exception {
    String url = PG.newMigratedDatabase();
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = c.createStatement()) {
      for (String sequence : List.of("articles", "kb_entities", "entities", "resolver_names", "mentions")) {
        st.execute("SELECT setval(pg_get_serial_sequence('" + sequence + "', 'id'), " + (1 + gap) + ")");
      }
      st.execute("INSERT INTO articles (key, content_hash, version, stored_at, source, analysis) VALUES "
          + "('https://a.example/uno', 'h1', 1, 'now', 'a.example', '{}'), "
          + "('https://a.example/due', 'h2', 1, 'later', 'a.example', '{}')");
      st.execute("INSERT INTO kb_entities (name, type, articles, mentions) VALUES ('Mario Draghi', 'PER', 1, 1), "
          + "('Banca d''Italia', 'ORG', 0, 0)");
      st.execute("INSERT INTO entities (type, canonical, language, canonical_words, kb_id) SELECT 'PER', name, 'it', "
          + "lower(name), id FROM kb_entities");
      st.execute("INSERT INTO resolver_names (name, entity) VALUES ('P|mario draghi', 'Mario Draghi')");
      st.execute("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text, name_id) SELECT "
          + "(SELECT id FROM articles WHERE key = 'https://a.example/due'), "
          + "(SELECT id FROM entities WHERE canonical = '" + mentioned.replace("'", "''") + "'), 0, 12, "
          + "'Mario Draghi', (SELECT id FROM resolver_names)");
      st.execute("INSERT INTO story_ids DEFAULT VALUES");
      st.execute("INSERT INTO stories (id, title, updated_at, story) SELECT 1 + " + gap + ", 'Storia', 'now', "
          + "'{\"id\":' || (1 + " + gap + ") || ',\"articles\":[' || string_agg(id::text, ',' ORDER BY id) || ']}' "
          + "FROM articles");
      st.execute("INSERT INTO story_articles (article_id, story_id, score) SELECT id, 1 + " + gap + ", 0 FROM articles");
    }
    return url;
  }

  @Test
  void theSameRowsUnderOtherIdsDumpAlike() throws Exception {
    String first = database(0, "Mario Draghi");
    String shifted = database(40, "Mario Draghi");
    Map<String, List<String>> a = ContentDump.dump(first, PostgresServer.USER);
    Map<String, List<String>> b = ContentDump.dump(shifted, PostgresServer.USER);
    assertEquals(a, b);
    assertNotEquals(ContentDump.dumpWithIds(first, PostgresServer.USER).get("mentions"),
        ContentDump.dumpWithIds(shifted, PostgresServer.USER).get("mentions"));
    assertEquals(List.of("<https://a.example/due>\t<PER|Mario Draghi|it>\t0\t12\tMario Draghi\tnull\t<P|mario draghi>"),
        a.get("mentions"));
    assertTrue(a.get("stories").get(0).contains(
        "{\"id\":\"<https://a.example/due https://a.example/uno>\",\"articles\":[\"<https://a.example/uno>\","
            + "\"<https://a.example/due>\"]}"), a.get("stories").toString());
  }

  @Test
  void aReferenceToAnotherRowDumpsOtherwise() throws Exception {
    Map<String, List<String>> a = ContentDump.dump(database(0, "Mario Draghi"), PostgresServer.USER);
    Map<String, List<String>> b = ContentDump.dump(database(0, "Banca d'Italia"), PostgresServer.USER);
    assertNotEquals(a.get("mentions"), b.get("mentions"));
    assertEquals(a.get("entities"), b.get("entities"));
  }

  @Test
  void anArticleNamedInALinksNoteDumpsByItsKeyWhateverItsId() throws Exception {
    List<String> first = links(database(0, "Mario Draghi"), "https://a.example/uno");
    List<String> shifted = links(database(40, "Mario Draghi"), "https://a.example/uno");
    assertEquals(first, shifted);
    assertTrue(first.get(0).contains("derives from article <https://a.example/uno>, a version"), first.toString());
    assertNotEquals(first, links(database(0, "Mario Draghi"), "https://a.example/due"));
  }

  /** The links of a database whose one link's evidence note names the article {@code named} by its id. */
  private static List<String> links(String url, String named) throws Exception {
    execute(url, "INSERT INTO links (article_id, related_id, relation, direction, score, evidence) SELECT d.id, u.id, "
        + "'near-duplicate', 'unknown', 0.8, '[{\"kind\":\"closer-version\",\"here\":null,\"there\":null,"
        + "\"note\":\"the related article derives from article ' || n.id || ', a version of this one\"}]' "
        + "FROM articles d, articles u, articles n WHERE d.key = 'https://a.example/due' "
        + "AND u.key = 'https://a.example/uno' AND n.key = '" + named + "'");
    return ContentDump.dump(url, PostgresServer.USER).get("links");
  }

  @Test
  void anIdColumnNotDescribedFailsTheDump() throws Exception {
    String url = database(0, "Mario Draghi");
    execute(url, "ALTER TABLE quotes ADD COLUMN story_id BIGINT");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ContentDump.dump(url, PostgresServer.USER));
    assertTrue(e.getMessage().contains("quotes.story_id"), e.getMessage());
  }

  @Test
  void aNaturalKeySharedByTwoRowsFailsTheDump() throws Exception {
    String url = database(0, "Mario Draghi");
    execute(url, "INSERT INTO story_ids DEFAULT VALUES",
        "INSERT INTO stories (id, title, updated_at, story) SELECT 2, title, updated_at, story FROM stories");
    assertThrows(IllegalStateException.class, () -> ContentDump.dump(url, PostgresServer.USER));
  }

  private static void execute(String url, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }
}
