package org.lente.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.index.LuceneIndex;
import org.lente.index.SearchIndex;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceProgress;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.store.ArticleFailure;
import org.lente.store.EntityProfile;
import org.lente.store.NameSighting;
import org.lente.store.ResolverCheck;
import org.lente.store.SqliteSources;
import org.lente.store.SqliteStore;

class KnowledgeBaseTest {

  @TempDir Path dir;

  /** A one-paragraph analysis; each {@code TYPE:Name} is an entity at its first occurrence. */
  static Analysis analysis(String lang, String date, String text, String... entities) {
    Article a = new Article("test-" + text.hashCode(), null, "Titolo " + text.hashCode(), null, List.of(), null, null,
        List.of(), date, null, "meta", lang, List.of(new Block(Block.Type.PARAGRAPH, text)), null, List.of());
    java.util.ArrayList<Entity> es = new java.util.ArrayList<>();
    for (String e : entities) {
      String name = e.substring(4);
      int at = text.indexOf(name);
      es.add(new Entity(name, Entity.Type.valueOf(e.substring(0, 3)), at, at + name.length(), name,
          name.equals("Putin") && lang.equals("it") ? "presidente" : null));
    }
    es.sort(java.util.Comparator.comparingInt(Entity::start));
    return new Analysis(a, lang, date, List.of(new Sentence(0, text.length(), 0, 1)), es, List.<Quote>of(), List.of(),
        List.of());
  }

  private KnowledgeBase open() throws IOException {
    return new KnowledgeBase(SqliteStore.open(dir), LuceneIndex.open(dir.resolve("index")), dir.resolve("entities.json"));
  }

  @Test
  void oneEntityAcrossArticlesAndLanguagesWithItsProfile() throws IOException {
    try (KnowledgeBase kb = open()) {
      kb.add("it-1", analysis("it", "2024-06-19", "Il presidente Vladimir Putin è arrivato in Corea del Nord.",
          "PER:Vladimir Putin", "LOC:Corea del Nord"));
      kb.add("it-2", analysis("it", "2024-06-20", "Putin ha lasciato la Corea del Nord per il Vietnam.",
          "PER:Putin", "LOC:Corea del Nord", "LOC:Vietnam"));
      kb.add("en-1", analysis("en", "2024-06-20", "Vladimir Putin left North Korea for Vietnam on Thursday.",
          "PER:Vladimir Putin", "LOC:North Korea", "LOC:Vietnam"));
    }
    try (KnowledgeBase kb = open()) { // the resolver's state survives the reopening
      EntityProfile putin = kb.reader().entity("Putin").orElseThrow();
      assertEquals("Vladimir Putin", putin.name());
      assertEquals(3, putin.articles());
      assertEquals(1L, putin.mentionsPerDay().get("2024-06-19"));
      assertEquals(2L, putin.mentionsPerDay().get("2024-06-20"));
      assertTrue(putin.aliases().stream().anyMatch(a -> a.name().equals("Putin")), putin.aliases().toString());
      EntityProfile korea = kb.reader().entity("North Korea").orElseThrow();
      assertEquals(3, korea.articles(), korea.toString());
      assertTrue(putin.cooccurring().stream().anyMatch(c -> c.name().equals(korea.name()) && c.articles() == 3),
          putin.cooccurring().toString());
    }
  }

  @Test
  void aSourcesProgressIsWrittenWithItsArticleAndWithADuplicateCountsNoArticle() throws IOException {
    Instant t = Instant.parse("2026-03-08T10:00:00Z");
    long id;
    try (SqliteSources sources = SqliteSources.open(dir)) {
      id = sources.add(Source.Kind.FEED, "https://cronache.example/feed.xml", null, Duration.ofMinutes(15), t).id();
    }
    Source.State polled = new Source.State(t, t.plusSeconds(900), Validators.NONE, 200, null, 0, null);
    Analysis a = analysis("it", "2026-03-08", "Il traghetto per Capraia riparte domani mattina.");
    try (KnowledgeBase kb = open()) {
      kb.add("https://cronache.example/a", a, new SourceProgress(id, "https://cronache.example/a", null));
      kb.add("https://cronache.example/a-bis", a, new SourceProgress(id, "https://cronache.example/a-bis", polled));
    }
    try (SqliteSources sources = SqliteSources.open(dir)) {
      assertEquals(polled.withArticlesAdded(1), sources.get(id).orElseThrow().state());
      List<String> both = List.of("https://cronache.example/a", "https://cronache.example/a-bis");
      assertEquals(Set.copyOf(both), sources.handled(id, both));
    }
  }

  @Test
  void anArticleTheIndexRefusesIsKeptRecordedAndStopsNoOther() throws IOException {
    String huge = "Zeta" + "z".repeat(40_000); // a name as stored before names were bounded: an immense Lucene term
    long refused;
    try (KnowledgeBase kb = open()) {
      KnowledgeBase.Added a = kb.add("huge", analysis("it", "2024-06-19", "Il gruppo " + huge + " ha parlato.",
          "ORG:" + huge));
      refused = a.id();
      assertEquals(ArticleFailure.Stage.INDEX, a.failure().stage());
      long next = kb.add("next", analysis("it", "2024-06-20", "Il sindaco Gualtieri ha parlato a Roma.",
          "PER:Gualtieri")).id();
      assertEquals(null, kb.reader().failures().stream().filter(f -> f.article() == next).findAny().orElse(null));
      assertEquals(List.of(refused), kb.check().missing());
    }
    try (KnowledgeBase kb = open()) { // opening retries it, and is not stopped by it
      assertEquals(List.of(refused), kb.reader().failures().stream().map(ArticleFailure::article).toList());
      assertEquals(2, kb.check().articles());
    }
  }

  @Test
  void anOldEntitiesJsonIsImportedOnceAndItsSplitEntitiesMerge() throws IOException {
    long kimId;
    try (SqliteStore store = SqliteStore.open(dir)) { // articles as Lente stored them before schema version 10
      store.put("it-1", analysis("it", "2024-06-19", "Kim ha visitato una fabbrica a Pyongyang.", "PER:Kim"));
      store.put("it-2", analysis("it", "2024-06-20", "Kim Jong Un ha visto il lancio di un missile.",
          "PER:Kim Jong Un"));
      kimId = store.entityId("Kim").orElseThrow();
    }
    // what the old resolver saved after "Kim" then "Kim Jong Un": two entities
    Files.writeString(dir.resolve("entities.json"), """
        [{"key":"per:kim","name":"Kim","type":"PER","aliases":["Kim"],"typeCounts":{"PER":1}},
         {"key":"per:kim-jong-un","name":"Kim Jong Un","type":"PER","aliases":["Kim Jong Un"],"typeCounts":{"PER":1}}]
        """);
    try (KnowledgeBase kb = open()) {
      EntityProfile kim = kb.reader().entity("Kim").orElseThrow();
      assertEquals("Kim Jong Un", kim.name());
      assertEquals(2, kim.articles());
      assertEquals("Kim Jong Un", kb.reader().entity(kimId).orElseThrow().name()); // the old id redirects
      assertTrue(kb.checkNames().consistent(), kb.checkNames().toString());
    }
    assertFalse(Files.exists(dir.resolve("entities.json")));
    assertTrue(Files.exists(dir.resolve("entities.json.migrated")));
    try (KnowledgeBase kb = open()) { // imported once: reopening adds nothing
      kb.add("it-3", analysis("it", "2024-06-21", "Kim Jong Un ha parlato.", "PER:Kim Jong Un"));
      assertEquals(3, kb.reader().entity("Kim").orElseThrow().articles());
    }
    try (SqliteStore store = SqliteStore.open(dir)) {
      assertEquals(2, store.nameSightings().stream().filter(s -> s.name().equals("P|kim jong un"))
          .mapToInt(NameSighting::seen).sum());
    }
  }

  @Test
  void aNameTheStoreKeepsInAnotherEntityIsReportedThenMovedOnOpening() throws Exception {
    try (KnowledgeBase kb = open()) {
      kb.add("it-1", analysis("it", "2024-06-19", "Putin ha parlato a Mosca.", "PER:Putin"));
      kb.add("it-2", analysis("it", "2024-06-20", "Vladimir Putin ha lasciato Mosca.", "PER:Vladimir Putin"));
      assertTrue(kb.checkNames().consistent(), kb.checkNames().toString());
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        java.sql.Statement st = c.createStatement()) { // what a state saved apart from the articles could leave
      st.executeUpdate("UPDATE resolver_names SET entity = 'Putin' WHERE name = 'P|putin'");
    }
    try (SqliteStore store = SqliteStore.open(dir)) {
      assertEquals(1, store.checkNames().mislinked(), store.checkNames().toString());
    }
    try (KnowledgeBase kb = open()) {
      assertTrue(kb.checkNames().consistent(), kb.checkNames().toString());
      assertEquals(2, kb.reader().entity("Putin").orElseThrow().articles());
    }
  }

  @Test
  void aDuplicateLeavesTheResolverAsItWas() throws IOException {
    try (KnowledgeBase kb = open()) {
      Analysis a = analysis("it", "2024-06-19", "Putin ha parlato a Mosca.", "PER:Putin");
      kb.add("it-1", a);
      kb.add("it-1", a);
      assertEquals(new ResolverCheck(0, 0, 0, 1, 1), kb.checkNames().store());
    }
  }

  @Test
  void anAddWhoseIndexIsWrittenElsewhereTellsTheListenerWithoutReadingTheArticleBack() throws Exception {
    List<Analysis> told = new java.util.ArrayList<>();
    try (KnowledgeBase kb = new KnowledgeBase(SqliteStore.open(dir), SearchIndex.writtenElsewhere("a test"), null,
        (id, analysis) -> told.add(analysis))) {
      // each stored analysis is garbled as it is written: reading the article back would fail to parse it
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
          Statement st = c.createStatement()) {
        st.executeUpdate("CREATE TRIGGER garble AFTER INSERT ON articles BEGIN "
            + "UPDATE articles SET analysis = '{' WHERE id = NEW.id; END");
      }
      Analysis a = analysis("it", "2024-06-19", "Putin ha parlato a Mosca.", "PER:Putin");
      KnowledgeBase.Added added = kb.add("it-1", a);
      assertEquals(null, added.failure());
      assertEquals(1, told.size());
      assertEquals(a.article(), told.get(0).article());
      assertEquals("Putin", told.get(0).entities().get(0).text());
    }
  }

  /**
   * A rollback's forgetting rereads the listener's state also when the resolver's names cannot be read (the cluster's
   * writer would otherwise keep an article id that rolled back, with no foreign key left to refuse it), and says the
   * names' failure.
   */
  @Test
  void aRollbackRereadsTheListenerEvenWhenTheNamesCannotBeRead() throws Exception {
    int[] reloads = new int[1];
    ArticleListener listener = new ArticleListener() {
      @Override
      public void stored(long id, Analysis analysis) {
      }

      @Override
      public void reload() {
        reloads[0]++;
      }
    };
    try (KnowledgeBase kb = new KnowledgeBase(SqliteStore.open(dir), SearchIndex.writtenElsewhere("a test"), null,
        listener)) {
      kb.add("it-1", analysis("it", "2024-06-19", "Putin ha parlato a Mosca.", "PER:Putin"));
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
          Statement st = c.createStatement()) {
        st.executeUpdate("ALTER TABLE resolver_sightings RENAME TO resolver_sightings_gone");
      }
      IOException e = assertThrows(IOException.class, kb::rolledBack);
      assertTrue(e.toString().contains("resolver_sightings"), e.toString());
      assertEquals(1, reloads[0]);
    }
  }
}
