package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;
import org.lente.server.Auth;
import org.lente.server.Passwords;
import org.lente.story.Direction;
import org.lente.story.Evidence;
import org.lente.story.Link;
import org.lente.story.PostgresStoryStore;
import org.lente.story.SqliteStoryStore;
import org.lente.story.Story;
import org.lente.story.Texts;

/** Exporting a real embedded knowledge base (a SQLite file) into a real PostgreSQL server. */
class ClusterExportTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir Path dir;

  private final Story story = new Story(2, "Tregua a Gaza", "2024-05-01T08:00:00Z", "2024-05-01T08:00:00Z",
      List.of(1L, 2L), List.of("site.example"), List.of("it"), List.of("Hamas"), List.of(),
      List.of(new Story.Event("2024-05-01T08:00:00Z", 1, "Tregua a Gaza")));

  /**
   * A folder with two articles, a story and a link between them, a user with a token; returns the
   * last story id the folder handed out.
   */
  private long knowledgeBase() throws Exception {
    long lastId;
    try (SqliteStore store = SqliteStore.open(dir)) {
      for (int i = 0; i < 2; i++) {
        store.put("k" + i, Texts.analysis("site.example/" + i, "Il Sito", "it", "2024-05-01T08:00:00Z", "Tregua " + i,
            "Hamas e Israele hanno firmato una tregua a Gaza, ha detto il mediatore egiziano. Testo " + i + "."));
      }
      Auth auth = new Auth(store, new Passwords());
      auth.addUser("editor", "correct horse battery".toCharArray());
      auth.newToken("editor");
    }
    try (SqliteStoryStore stories = SqliteStoryStore.open(dir)) {
      stories.newStoryId();
      lastId = stories.newStoryId(); // the table keeps only the last id handed out
      stories.putStory(story, 1, 0);
      stories.putStory(story, 2, 0.8);
      stories.putLinks(List.of(new Link(1, 2, Link.Relation.TRANSLATION, Direction.ORIGINAL, 0.9,
          List.of(new Evidence("credit", "ha detto", null, "a note")))));
    }
    return lastId;
  }

  private ClusterFile migrated() throws Exception {
    return PG.newMigratedCluster(dir);
  }

  private static Map<String, Long> counts(Connection c, Iterable<String> tables) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Statement st = c.createStatement()) {
      for (String t : tables) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
          rs.next();
          out.put(t, rs.getLong(1));
        }
      }
    }
    return out;
  }

  @Test
  void everyTableIsCopiedWithItsRows() throws Exception {
    knowledgeBase();
    ClusterFile c = migrated();
    ClusterExport.Result r = ClusterExport.export(dir, c);
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Connection pg = DriverManager.getConnection(c.postgresUrl(), PostgresServer.USER, null)) {
      assertEquals(counts(sqlite, r.rows().keySet()), counts(pg, r.rows().keySet()));
    }
    assertEquals(2, r.rows().get("articles"));
    assertEquals(2, r.rows().get("quotes"));
  }

  @Test
  void storiesAndLinksReadTheSameFromTheCluster() throws Exception {
    knowledgeBase();
    ClusterFile c = migrated();
    ClusterExport.export(dir, c);
    try (SqliteStoryStore embedded = SqliteStoryStore.open(dir);
        PostgresStoryStore cluster = PostgresStoryStore.on(PG.connections(c))) {
      assertEquals(Optional.of(story), cluster.story(2));
      assertEquals(embedded.links(1), cluster.links(1));
      assertEquals(embedded.stories(null, 1, null, 10), cluster.stories(null, 1, null, 10));
    }
  }

  @Test
  void usersAndTokensReadTheSameFromTheClusterAndUserIdsContinue() throws Exception {
    knowledgeBase();
    try (SqliteStore embedded = SqliteStore.open(dir)) {
      embedded.putToken("known-hash", "editor");
    }
    ClusterFile c = migrated();
    ClusterExport.export(dir, c);
    try (SqliteStore embedded = SqliteStore.open(dir); PostgresAccounts cluster = PostgresAccounts.on(PG.connections(c))) {
      assertEquals(embedded.tokens(), cluster.tokens());
      assertEquals(embedded.user("editor"), cluster.user("editor"));
      assertEquals(Optional.of("editor"), cluster.tokenUser("known-hash", Instant.now()));
      assertTrue(cluster.addUser("writer", "hash") > embedded.user("editor").orElseThrow().id());
    }
  }

  @Test
  void articlesReadTheSameFromTheClusterAndAnUpdateContinuesTheirVersions() throws Exception {
    knowledgeBase();
    ClusterFile c = migrated();
    ClusterExport.export(dir, c);
    try (SqliteStore embedded = SqliteStore.open(dir); PostgresArticleStore cluster = PostgresArticleStore.on(PG.connections(c))) {
      assertEquals(embedded.versions(), cluster.versions());
      assertEquals(embedded.stats(), cluster.stats());
      assertEquals(embedded.get(1), cluster.get(1));
      assertEquals(embedded.articleView(2), cluster.articleView(2));
      assertEquals(embedded.entities(null, 10), cluster.entities(null, 10));
      assertEquals(embedded.sources(null, 10), cluster.sources(null, 10));
      ArticleStore.Put update = cluster.put("k0", Texts.analysis("site.example/0", "Il Sito", "it",
          "2024-05-01T08:00:00Z", "Tregua 0", "La tregua a Gaza è stata prorogata di un giorno."));
      assertEquals(new ArticleStore.Put(ArticleStore.Put.Outcome.UPDATED, 1, 2), update);
      assertEquals(embedded.get(1), cluster.history(1).stream().findFirst());
    }
  }

  @Test
  void idsHandedOutBeforeTheMoveAreNotHandedOutAgain() throws Exception {
    long lastId = knowledgeBase();
    ClusterFile c = migrated();
    ClusterExport.export(dir, c);
    try (PostgresStoryStore cluster = PostgresStoryStore.on(PG.connections(c))) {
      assertEquals(lastId + 1, cluster.newStoryId());
    }
    try (Connection pg = DriverManager.getConnection(c.postgresUrl(), PostgresServer.USER, null);
        Statement st = pg.createStatement();
        ResultSet rs = st.executeQuery("INSERT INTO articles (key, content_hash, version, stored_at, source, "
            + "analysis) VALUES ('new', 'h', 1, 'now', 'new', '{}') RETURNING id")) {
      rs.next();
      assertEquals(3, rs.getLong(1), "the articles' identity continues after the copied ids");
    }
  }

  @Test
  void aDatabaseThatHoldsDataIsRefusedAndKeptAsItIs() throws Exception {
    knowledgeBase();
    ClusterFile c = migrated();
    ClusterExport.export(dir, c);
    IOException e = assertThrows(IOException.class, () -> ClusterExport.export(dir, c));
    assertTrue(e.getMessage().contains("already holds data"), e.getMessage());
    try (Connection pg = DriverManager.getConnection(c.postgresUrl(), PostgresServer.USER, null)) {
      assertEquals(Map.of("articles", 2L), counts(pg, List.of("articles")));
    }
  }

  @Test
  void aDatabaseNotMigratedIsRefusedSayingWhatToRun() throws Exception {
    knowledgeBase();
    ClusterFile c = new ClusterFile(dir.resolve("cluster.properties"), PG.newDatabase(), PostgresServer.USER, null);
    IOException e = assertThrows(IOException.class, () -> ClusterExport.export(dir, c));
    assertTrue(e.getMessage().contains("run lente migrate --cluster"), e.getMessage());
  }
}
