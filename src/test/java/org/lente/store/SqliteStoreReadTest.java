package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;

/** The reader's queries on a real SQLite file: listings, pages, and the aggregates behind them. */
class SqliteStoreReadTest {

  @TempDir
  Path dir;

  private SqliteStore store;

  @BeforeEach
  void open() throws IOException {
    store = SqliteStore.open(dir);
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private static String url(int n) {
    return "https://www.giornale.it/esteri/" + n;
  }

  /** Article n, published on 2024-06-(1 + n % 28), mentioning Roma and, when n is even, Siria. */
  private long putNumbered(int n) throws IOException {
    Fixtures f = Fixtures.article(url(n), "Notizia " + n + " da Roma" + (n % 2 == 0 ? " sulla Siria." : "."))
        .published(String.format("2024-06-%02d", 1 + n % 28)).site("Il Giornale")
        .entity("Roma", Entity.Type.LOC, "Roma");
    if (n % 2 == 0) {
      f.entity("Siria", Entity.Type.LOC, "Siria");
    }
    return store.put(url(n), f.build()).id();
  }

  @Test
  void aCursorWalksEveryArticleOnceNewestFirst() throws IOException {
    for (int n = 0; n < 57; n++) {
      putNumbered(n);
    }
    List<ArticleSummary> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<ArticleSummary> page = store.articles(ArticleFilter.ALL, cursor, 10);
      seen.addAll(page.items());
      cursor = page.next();
      pages++;
    } while (cursor != null);
    assertEquals(6, pages);
    assertEquals(57, seen.size());
    assertEquals(57, seen.stream().map(ArticleSummary::id).distinct().count());
    for (int i = 1; i < seen.size(); i++) {
      String a = seen.get(i - 1).published();
      String b = seen.get(i).published();
      assertTrue(a.compareTo(b) > 0 || a.equals(b) && seen.get(i - 1).id() > seen.get(i).id(), a + " then " + b);
    }
  }

  @Test
  void undatedArticlesComeLast() throws IOException {
    long undated = store.put(url(1), Fixtures.article(url(1), "Senza data.").build()).id();
    putNumbered(2);
    List<ArticleSummary> items = store.articles(ArticleFilter.ALL, null, 10).items();
    assertEquals(undated, items.get(items.size() - 1).id());
  }

  @Test
  void theEntityFilterListsOnlyItsArticles() throws IOException {
    for (int n = 0; n < 20; n++) {
      putNumbered(n);
    }
    long siria = store.entityId("Siria").orElseThrow();
    Page<ArticleSummary> page = store.articles(ArticleFilter.ALL.withEntity(siria), null, 100);
    assertEquals(10, page.items().size());
    assertTrue(page.items().stream().allMatch(a -> a.title().contains("Siria")));
    assertNull(page.next());
  }

  @Test
  void filtersCombineSourceAuthorLanguageAndPeriod() throws IOException {
    store.put(url(1), Fixtures.article(url(1), "Uno da Roma.").published("2024-05-01").author("Anna Rossi")
        .entity("Roma", Entity.Type.LOC, "Roma").build());
    store.put(url(2), Fixtures.article(url(2), "Due da Roma.").published("2024-05-02").author("Anna Rossi")
        .language("en").entity("Roma", Entity.Type.LOC, "Roma").build());
    store.put("https://altro.example/3", Fixtures.article("https://altro.example/3", "Tre da Roma.")
        .published("2024-05-03").author("Anna Rossi").entity("Roma", Entity.Type.LOC, "Roma").build());
    long anna = store.authorId("anna rossi").orElseThrow();
    long giornale = store.sourceId("www.giornale.it").orElseThrow();
    long roma = store.entityId("Roma").orElseThrow();
    assertEquals(List.of("Uno da Roma."), titles(new ArticleFilter(giornale, anna, roma, "it", null, null)));
    assertEquals(List.of("Due da Roma.", "Uno da Roma."), titles(new ArticleFilter(giornale, anna, null, null, null,
        null)));
    assertEquals(List.of("Tre da Roma.", "Due da Roma."), titles(new ArticleFilter(null, anna, null, null,
        LocalDate.parse("2024-05-02"), LocalDate.parse("2024-05-31"))));
    assertEquals(List.of("Due da Roma."), titles(new ArticleFilter(null, null, roma, "en", null, null)));
  }

  private List<String> titles(ArticleFilter filter) throws IOException {
    return store.articles(filter, null, 100).items().stream().map(ArticleSummary::title).toList();
  }

  @Test
  void aSummaryCarriesSourceBylineAndTheFirstParagraphAsSnippet() throws IOException {
    store.put(url(1), Fixtures.article(url(1), "Titolo breve", "Il primo paragrafo dice cosa è successo.")
        .published("2024-05-01").site("Il Giornale").author("Anna Rossi").author("Marco Bianchi").build());
    ArticleSummary s = store.articles(ArticleFilter.ALL, null, 1).items().get(0);
    assertEquals("giornale.it", s.source().host());
    assertEquals("Il Giornale", s.source().site());
    assertEquals(List.of("Anna Rossi", "Marco Bianchi"), s.authors().stream().map(AuthorRef::name).toList());
    assertEquals("Titolo breve", s.snippet());
  }

  @Test
  void aLongSnippetIsCutAtAWord() {
    Analysis a = Fixtures.article(url(1), "parola ".repeat(100).strip()).build();
    String snippet = ArticleSummary.snippet(a.article());
    assertTrue(snippet.length() <= ArticleSummary.SNIPPET_CHARS, snippet);
    assertTrue(snippet.startsWith("parola parola") && snippet.endsWith("parola…"), snippet);
  }

  @Test
  void theSubtitleIsTheSnippetElseTheFirstParagraph() {
    Article a = Fixtures.article(url(1), "Primo  paragrafo\n dice.", "Secondo.").build().article();
    assertEquals("Primo paragrafo dice.", ArticleSummary.snippet(a));
    Article withSubtitle = new Article(a.source(), a.url(), a.title(), "Il sommario", a.authors(), a.site(),
        a.section(), a.tags(), a.published(), a.modified(), a.dateSource(), a.language(), a.blocks(), a.authorBio(),
        a.warnings());
    assertEquals("Il sommario", ArticleSummary.snippet(withSubtitle));
  }

  @Test
  void theSnippetIsStoredWithTheArticleAndFollowsAnUpdate() throws IOException {
    store.put(url(1), Fixtures.article(url(1), "Il ponte riapre lunedì.").build());
    store.put(url(1), Fixtures.article(url(1), "Il ponte riapre martedì.").build());
    assertEquals("Il ponte riapre martedì.", store.articles(ArticleFilter.ALL, null, 1).items().get(0).snippet());
  }

  @Test
  void aBadCursorIsAnIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> store.articles(ArticleFilter.ALL, "%%%", 10));
    assertThrows(IllegalArgumentException.class, () -> store.articles(ArticleFilter.ALL, null, 0));
  }

  @Test
  void anArticleViewLinksEntitiesAndSpeakersToTheirIds() throws IOException {
    Analysis a = Fixtures.article(url(1), "«Non cederemo», ha detto Antony Blinken a Seul.")
        .published("2024-06-19").author("Anna Rossi").bio("Anna Rossi scrive di esteri.")
        .entity("Antony Blinken", Entity.Type.PER, "Antony Blinken").entity("Seul", Entity.Type.LOC, "Seul")
        .quote("Non cederemo", "Antony Blinken", "Antony Blinken", "dire").build();
    long id = store.put(url(1), a).id();
    ArticleView view = store.articleView(id).orElseThrow();
    assertEquals(store.entityId("Antony Blinken"), java.util.Optional.of(view.entityIds().get("Antony Blinken")));
    assertEquals(Set.of("Antony Blinken", "Seul"), view.entityIds().keySet());
    assertEquals("Anna Rossi scrive di esteri.", view.authorBio());
    assertEquals("Anna Rossi", view.authors().get(0).name());
    assertTrue(store.articleView(id + 100).isEmpty());
  }

  @Test
  void anEntityProfileComesFromTheAggregates() throws IOException {
    store.put(url(1), Fixtures.article(url(1), "Il ministro Crosetto a Roma. Crosetto ha parlato della Siria.")
        .published("2024-06-01").entity("ministro Crosetto", Entity.Type.PER, "Guido Crosetto", 0, "ministro")
        .entity("Crosetto", Entity.Type.PER, "Guido Crosetto", 25).entity("Roma", Entity.Type.LOC, "Roma")
        .entity("Siria", Entity.Type.LOC, "Siria").build());
    store.put(url(2), Fixtures.article(url(2), "Guido Crosetto a Roma.").published("2024-06-03")
        .entity("Guido Crosetto", Entity.Type.PER, "Guido Crosetto").entity("Roma", Entity.Type.LOC, "Roma").build());
    long id = store.entityId("guido crosetto").orElseThrow();
    EntityProfile p = store.entity(id).orElseThrow();
    assertEquals("Guido Crosetto", p.name());
    assertEquals("PER", p.type());
    assertEquals(2, p.articles());
    assertEquals(Map.of("2024-06-01", 2L, "2024-06-03", 1L), p.mentionsPerDay());
    assertEquals(List.of("2024-06-01", "2024-06-03"), List.copyOf(p.mentionsPerDay().keySet()));
    assertEquals(Set.of("ministro Crosetto", "Crosetto", "Guido Crosetto"),
        Set.copyOf(p.aliases().stream().map(EntityProfile.Count::name).toList()));
    assertEquals(List.of(new EntityProfile.Role("ministro", 1, "2024-06-01", "2024-06-01")), p.roles());
    EntityRef roma = p.cooccurring().get(0);
    assertEquals("Roma", roma.name());
    assertEquals(2, roma.articles());
    assertEquals(store.entityId("Roma").orElseThrow(), roma.id());
    assertEquals(id, store.entityId("Crosetto").orElseThrow(), "an alias finds the entity");
  }

  @Test
  void quotesByAndAboutAnEntityAreFoundById() throws IOException {
    store.put(url(1), Fixtures.article(url(1), "«Pyongyang è un partner», ha detto Vladimir Putin.")
        .published("2024-06-19").entity("Pyongyang", Entity.Type.LOC, "Pyongyang")
        .entity("Vladimir Putin", Entity.Type.PER, "Vladimir Putin")
        .quote("Pyongyang è un partner", "Vladimir Putin", "Vladimir Putin", "dire").build());
    EntityProfile putin = store.entity(store.entityId("Vladimir Putin").orElseThrow()).orElseThrow();
    assertEquals(1, putin.quotesBy().size());
    assertEquals(List.of(), putin.quotesAbout(), "his own words are not about him");
    EntityProfile pyongyang = store.entity(store.entityId("Pyongyang").orElseThrow()).orElseThrow();
    assertEquals("Pyongyang è un partner", pyongyang.quotesAbout().get(0).text());
  }

  @Test
  void trendingCountsArticlesInTheLastDaysBeforeTheNewest() throws IOException {
    store.put(url(1), Fixtures.article(url(1), "Vecchio: Libia.").published("2024-01-01")
        .entity("Libia", Entity.Type.LOC, "Libia").build());
    for (int n = 2; n < 5; n++) {
      store.put(url(n), Fixtures.article(url(n), "Nuovo " + n + ": Siria e Libia.").published("2024-06-1" + n)
          .entity("Siria", Entity.Type.LOC, "Siria").entity("Libia", Entity.Type.LOC, "Libia").build());
    }
    store.put(url(5), Fixtures.article(url(5), "Nuovo 5: Siria.").published("2024-06-15")
        .entity("Siria", Entity.Type.LOC, "Siria").build());
    List<EntityRef> top = store.trending(7, 10);
    assertEquals(List.of("Siria", "Libia"), top.stream().map(EntityRef::name).toList());
    assertEquals(List.of(4L, 3L), top.stream().map(EntityRef::articles).toList());
    assertEquals(List.of(1L), store.trending(1, 10).stream().map(EntityRef::articles).toList());
  }

  @Test
  void anUpdatedArticleMovesItsCounts() throws IOException {
    store.put(url(1), Fixtures.article(url(1), "Prima: Siria.").published("2024-06-01")
        .entity("Siria", Entity.Type.LOC, "Siria").build());
    store.put(url(1), Fixtures.article(url(1), "Dopo: Libia.").published("2024-06-02")
        .entity("Libia", Entity.Type.LOC, "Libia").build());
    assertTrue(store.entity("Siria").isEmpty(), "no article mentions Siria any more");
    EntityProfile libia = store.entity("Libia").orElseThrow();
    assertEquals(Map.of("2024-06-02", 1L), libia.mentionsPerDay());
    assertEquals(1, store.entities(null, 10).items().size());
  }

  @Test
  void sourcesAndAuthorsAreListedBySizeWithProfiles() throws IOException {
    for (int n = 0; n < 5; n++) {
      String u = n < 3 ? url(n) : "https://altro.example/" + n;
      store.put(u, Fixtures.article(u, "Articolo " + n + ".").published("2024-06-0" + (n + 1))
          .author(n < 4 ? "Anna Rossi" : "Marco Bianchi").bio(n == 1 ? "Anna scrive di esteri." : null).build());
    }
    Page<SourceProfile> first = store.sources(null, 1);
    assertEquals("giornale.it", first.items().get(0).host());
    assertEquals(3, first.items().get(0).articles());
    assertEquals("2024-06-01", first.items().get(0).firstDay());
    assertEquals("2024-06-03", first.items().get(0).lastDay());
    Page<SourceProfile> second = store.sources(first.next(), 1);
    assertEquals("altro.example", second.items().get(0).host());
    assertNull(second.next());

    Page<AuthorProfile> authors = store.authors(null, 10);
    assertEquals(List.of("Anna Rossi", "Marco Bianchi"), authors.items().stream().map(AuthorProfile::name).toList());
    AuthorProfile anna = authors.items().get(0);
    assertEquals(4, anna.articles());
    assertEquals("Anna scrive di esteri.", anna.bio());
    assertEquals(List.of("giornale.it", "altro.example"), anna.sources().stream().map(SourceRef::host).toList());
    assertEquals(4, store.articles(ArticleFilter.ALL.withAuthor(anna.id()), null, 10).items().size());
  }

  @Test
  void theStatusCountsWhatIsStored() throws IOException {
    assertNull(store.status().lastStored());
    putNumbered(0);
    putNumbered(1);
    IngestStatus status = store.status();
    assertEquals(2, status.articles());
    assertEquals(2, status.entities());
    assertEquals(1, status.sources());
    assertTrue(status.lastStored() != null);
  }

  /**
   * After a random run of puts and updates, every aggregate equals what the migration's backfill
   * computes from the rows themselves.
   */
  @Test
  void theAggregatesKeptOnPutEqualARecountFromTheRows() throws Exception {
    Random random = new Random(7);
    String[] names = {"Roma", "Siria", "Libia", "Egitto", "Yemen"};
    for (int n = 0; n < 60; n++) {
      int k = random.nextInt(25); // some keys come back: updates
      StringBuilder text = new StringBuilder("Notizia " + n + ":");
      List<String> chosen = new ArrayList<>();
      for (String name : names) {
        if (random.nextBoolean()) {
          text.append(' ').append(name).append(',');
          chosen.add(name);
        }
      }
      String u = k % 3 == 0 ? "https://altro.example/" + k : url(k);
      Fixtures f = Fixtures.article(u, text.toString()).published("2024-06-" + (10 + random.nextInt(5)))
          .author(random.nextBoolean() ? "Anna Rossi" : "Marco Bianchi");
      for (String name : chosen) {
        f.entity(name, random.nextInt(4) == 0 ? Entity.Type.ORG : Entity.Type.LOC, name, 0,
            random.nextBoolean() ? "capitale" : null);
      }
      store.put(u, f.build());
    }
    store.close();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = db.createStatement()) {
      assertEquals(rows(st, "SELECT entity_id, day, article_id, mentions FROM article_entities ORDER BY 1, 2, 3"),
          rows(st, "SELECT e.kb_id, a.day, m.article_id, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
              + "JOIN articles a ON a.id = m.article_id GROUP BY e.kb_id, m.article_id ORDER BY 1, 2, 3"));
      assertEquals(rows(st, "SELECT entity_id, day, articles, mentions FROM entity_days ORDER BY 1, 2"),
          rows(st, "SELECT entity_id, day, count(*), sum(mentions) FROM article_entities GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows(st, "SELECT entity_id, alias, mentions FROM entity_aliases ORDER BY 1, 2"),
          rows(st, "SELECT e.kb_id, m.text, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
              + "GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows(st, "SELECT entity_id, type, mentions FROM kb_entity_types ORDER BY 1, 2"),
          rows(st, "SELECT e.kb_id, e.type, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
              + "GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows(st, "SELECT id, articles FROM kb_entities WHERE articles > 0 ORDER BY 1"),
          rows(st, "SELECT entity_id, count(*) FROM article_entities GROUP BY 1 ORDER BY 1"));
      assertEquals(rows(st, "SELECT id, articles FROM sources ORDER BY 1"),
          rows(st, "SELECT s.id, count(a.id) FROM sources s LEFT JOIN articles a ON a.source_id = s.id GROUP BY 1 "
              + "ORDER BY 1"));
      assertEquals(rows(st, "SELECT id, articles FROM authors ORDER BY 1"),
          rows(st, "SELECT w.id, count(aa.article_id) FROM authors w LEFT JOIN article_authors aa "
              + "ON aa.author_id = w.id GROUP BY 1 ORDER BY 1"));
      assertEquals(rows(st, "SELECT author_id, source_id, articles FROM author_sources ORDER BY 1, 2"),
          rows(st, "SELECT aa.author_id, a.source_id, count(*) FROM article_authors aa JOIN articles a "
              + "ON a.id = aa.article_id GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows(st, "SELECT author_id, day, article_id FROM author_articles ORDER BY 1, 2, 3"),
          rows(st, "SELECT aa.author_id, a.day, a.id FROM article_authors aa JOIN articles a ON a.id = aa.article_id "
              + "ORDER BY 1, 2, 3"));
    }
    store = SqliteStore.open(dir);
  }

  private static List<String> rows(Statement st, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          row.append(rs.getString(c)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** A database of schema version 1 with rows in it gets its aggregates when opened by this version. */
  @Test
  void migratingFromVersionOneBackfillsTheAggregates() throws Exception {
    store.close();
    Path old = dir.resolve("v1");
    java.nio.file.Files.createDirectories(old);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + old.resolve(SqliteStore.FILE));
        Statement st = db.createStatement()) {
      st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, "
          + "applied_at TEXT NOT NULL)");
      try (InputStream in = Migrations.class.getResourceAsStream("V1__articles.sql")) {
        st.executeUpdate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      st.executeUpdate("INSERT INTO schema_version VALUES (1, 'V1__articles.sql', '2026-11-01T00:00:00Z')");
      st.executeUpdate("INSERT INTO sources (id, host, site) VALUES (1, 'giornale.it', 'Il Giornale')");
      String json = AnalysisJson.write(Fixtures.article(url(1), "Roma e Siria.").bio("Anna scrive.").build());
      for (int id = 1; id <= 3; id++) {
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO articles (id, key, content_hash, version, "
            + "stored_at, published, language, title, source, source_id, analysis) VALUES (?, ?, ?, 1, "
            + "'2026-11-01T00:00:00Z', ?, 'it', ?, ?, 1, ?)")) {
          ins.setInt(1, id);
          ins.setString(2, url(id));
          ins.setString(3, "hash" + id);
          ins.setString(4, "2024-06-0" + id + "T08:00:00Z");
          ins.setString(5, "Articolo " + id);
          ins.setString(6, url(id));
          ins.setString(7, json);
          ins.executeUpdate();
        }
        st.executeUpdate("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text) VALUES (" + id
            + ", 1, 0, 4, 'Roma')");
        if (id > 1) {
          st.executeUpdate("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text, role) VALUES ("
              + id + ", 2, 7, 12, 'Siria', 'paese')");
        }
      }
      st.executeUpdate("INSERT INTO entities (id, type, canonical, language, canonical_words) VALUES "
          + "(1, 'LOC', 'Roma', 'it', ' roma '), (2, 'LOC', 'Siria', 'it', ' siria ')");
      st.executeUpdate("INSERT INTO authors (id, name) VALUES (1, 'Anna Rossi')");
      st.executeUpdate("INSERT INTO article_authors VALUES (3, 1, 0)");
    }
    try (SqliteStore migrated = SqliteStore.open(old)) {
      EntityProfile siria = migrated.entity("Siria").orElseThrow();
      assertEquals(2, siria.articles());
      assertEquals(Map.of("2024-06-02", 1L, "2024-06-03", 1L), siria.mentionsPerDay());
      assertEquals(List.of(new EntityProfile.Role("paese", 2, "2024-06-02", "2024-06-03")), siria.roles());
      assertEquals("Roma", siria.cooccurring().get(0).name());
      assertEquals(List.of(3L, 2L), migrated.articles(ArticleFilter.ALL.withEntity(siria.id()), null, 10).items()
          .stream().map(ArticleSummary::id).toList());
      assertEquals(3, migrated.source(1).orElseThrow().articles());
      AuthorProfile anna = migrated.author(1).orElseThrow();
      assertEquals(1, anna.articles());
      assertEquals("Anna scrive.", anna.bio());
      assertEquals(List.of("Roma", "Siria"), migrated.trending(30, 10).stream().map(EntityRef::name).toList());
    }
    store = SqliteStore.open(dir);
  }

  @Test
  void entitiesAreListedByArticlesWithoutRepeats() throws IOException {
    for (int n = 0; n < 30; n++) {
      String u = url(n);
      store.put(u, Fixtures.article(u, "Città" + n + " e Roma.").published("2024-06-01")
          .entity("Città" + n, Entity.Type.LOC, "Città" + n).entity("Roma", Entity.Type.LOC, "Roma").build());
    }
    Set<Long> seen = new HashSet<>();
    String cursor = null;
    List<EntityRef> all = new ArrayList<>();
    do {
      Page<EntityRef> page = store.entities(cursor, 7);
      for (EntityRef e : page.items()) {
        assertTrue(seen.add(e.id()), "repeated " + e);
      }
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    assertEquals(31, all.size());
    assertEquals("Roma", all.get(0).name());
    assertFalse(all.subList(1, all.size()).stream().anyMatch(e -> e.articles() != 1));
  }
}
