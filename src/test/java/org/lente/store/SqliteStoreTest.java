package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.time.Timex;
import org.lente.store.ArticleStore.Put;
import org.lente.store.ArticleStore.Put.Outcome;

class SqliteStoreTest {

  private static final String URL = "https://www.example.org/2024/06/19/vertice";

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

  @Test
  void aNewArticleIsStoredAsVersionOne() throws IOException {
    Put put = store.put(URL, Fixtures.plain(URL, "Putin è arrivato a Pyongyang."));
    assertEquals(new Put(Outcome.STORED, put.id(), 1), put);
  }

  @Test
  void getGivesBackTheAnalysisAndItsKey() throws IOException {
    Analysis analysis = Fixtures.realistic(1);
    long id = store.put(URL, analysis).id();
    StoredArticle stored = store.get(id).orElseThrow();
    assertEquals(analysis, stored.analysis());
    assertEquals(URL, stored.key());
    assertEquals(ContentHash.of(analysis.article().text()), stored.contentHash());
  }

  @Test
  void getOfAnUnknownIdIsEmpty() throws IOException {
    assertTrue(store.get(42).isEmpty());
  }

  @Test
  void theSamePutTwiceIsADuplicate() throws IOException {
    Analysis analysis = Fixtures.plain(URL, "Putin è arrivato a Pyongyang.");
    Put first = store.put(URL, analysis);
    assertEquals(new Put(Outcome.DUPLICATE, first.id(), 1), store.put(URL, analysis));
    assertEquals(1, store.stats().articles());
  }

  @Test
  void theSameTextUnderAnotherKeyIsADuplicateOfTheFirst() throws IOException {
    Put first = store.put(URL, Fixtures.plain(URL, "Putin è arrivato a Pyongyang."));
    String mirror = "https://mirror.example.com/vertice";
    Put second = store.put(mirror, Fixtures.plain(mirror, "Putin  è arrivato\na PYONGYANG."));
    assertEquals(new Put(Outcome.DUPLICATE, first.id(), 1), second);
    assertEquals(1, store.stats().articles());
  }

  @Test
  void aChangedTextIsANewVersionAndTheOldOneIsKept() throws IOException {
    Analysis old = Fixtures.plain(URL, "Putin è arrivato a Pyongyang.");
    long id = store.put(URL, old).id();
    Analysis updated = Fixtures.plain(URL, "Putin è arrivato a Pyongyang. Kim lo ha accolto all'aeroporto.");
    assertEquals(new Put(Outcome.UPDATED, id, 2), store.put(URL, updated));
    assertEquals(updated, store.get(id).orElseThrow().analysis());
    List<StoredArticle> history = store.history(id);
    assertEquals(1, history.size());
    assertEquals(1, history.get(0).version());
    assertEquals(old, history.get(0).analysis());
  }

  @Test
  void historyListsEarlierVersionsOldestFirst() throws IOException {
    long id = 0;
    for (int v = 1; v <= 3; v++) {
      id = store.put(URL, Fixtures.plain(URL, "Versione " + v + " del testo.")).id();
    }
    assertEquals(List.of(1, 2), store.history(id).stream().map(StoredArticle::version).toList());
    assertEquals(3, store.get(id).orElseThrow().version());
  }

  @Test
  void anArticleWithoutTextIsRefused() {
    Analysis empty = new Analysis(Article.empty(URL, URL, List.of("empty page")), null, null, List.of(), List.of(),
        List.of(), List.of(), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.put(URL, empty));
    assertTrue(e.getMessage().startsWith("no text"), e.getMessage());
  }

  @Test
  void newArticlesAreUnindexedUntilMarked() throws IOException {
    long a = store.put(URL, Fixtures.plain(URL, "Primo.")).id();
    long b = store.put(URL + "/2", Fixtures.plain(URL + "/2", "Secondo.")).id();
    assertEquals(List.of(a, b), store.unindexed(10).stream().map(StoredArticle::id).toList());
    store.markIndexed(a, 1);
    assertEquals(List.of(b), store.unindexed(10).stream().map(StoredArticle::id).toList());
  }

  @Test
  void unindexedStopsAtMax() throws IOException {
    for (int i = 0; i < 5; i++) {
      store.put(URL + "/" + i, Fixtures.plain(URL + "/" + i, "Articolo " + i + "."));
    }
    assertEquals(2, store.unindexed(2).size());
  }

  @Test
  void anUpdateMakesAnIndexedArticleUnindexed() throws IOException {
    long id = store.put(URL, Fixtures.plain(URL, "Primo testo.")).id();
    store.markIndexed(id, 1);
    store.put(URL, Fixtures.plain(URL, "Secondo testo."));
    List<StoredArticle> unindexed = store.unindexed(10);
    assertEquals(1, unindexed.size());
    assertEquals(2, unindexed.get(0).version());
  }

  @Test
  void markingAnOlderVersionLeavesTheArticleUnindexed() throws IOException {
    long id = store.put(URL, Fixtures.plain(URL, "Primo testo.")).id();
    store.put(URL, Fixtures.plain(URL, "Secondo testo."));
    store.markIndexed(id, 1);
    assertEquals(1, store.unindexed(10).size());
  }

  @Test
  void markingAnUnknownArticleOrVersionFails() throws IOException {
    long id = store.put(URL, Fixtures.plain(URL, "Primo testo.")).id();
    assertThrows(IllegalArgumentException.class, () -> store.markIndexed(id + 1, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.markIndexed(id, 2));
    assertEquals("article " + id + " has no version 2, the latest is 1", e.getMessage());
  }

  @Test
  void clearIndexedMakesEveryArticleUnindexed() throws IOException {
    long id = store.put(URL, Fixtures.plain(URL, "Primo testo.")).id();
    store.markIndexed(id, 1);
    store.clearIndexed();
    assertEquals(1, store.unindexed(10).size());
  }

  @Test
  void versionsMapEachArticleToItsLatestVersion() throws IOException {
    long a = store.put(URL, Fixtures.plain(URL, "Primo testo.")).id();
    store.put(URL, Fixtures.plain(URL, "Primo testo, corretto."));
    long b = store.put(URL + "/2", Fixtures.plain(URL + "/2", "Altro testo.")).id();
    assertEquals(Map.of(a, 2, b, 1), store.versions());
  }

  @Test
  void aReopenedStoreKeepsEverything() throws IOException {
    long a = store.put(URL, Fixtures.realistic(1)).id();
    store.put(URL, Fixtures.realistic(2));
    store.markIndexed(a, 1);
    long b = store.put(URL + "/b", Fixtures.realistic(3)).id();
    StoreStats stats = store.stats();
    Map<Long, Integer> versions = store.versions();
    store.close();
    store = SqliteStore.open(dir);
    assertEquals(stats, store.stats());
    assertEquals(versions, store.versions());
    assertEquals(Fixtures.realistic(2), store.get(a).orElseThrow().analysis());
    assertEquals(Fixtures.realistic(1), store.history(a).get(0).analysis());
    assertEquals(List.of(a, b), store.unindexed(10).stream().map(StoredArticle::id).toList());
  }

  @Test
  void statsCountWhatTheLatestVersionsHold() throws IOException {
    Analysis first = Fixtures.article(URL, "«Nessun accordo», ha detto Antony Blinken a Seul. Blinken è ripartito.")
        .author("Anna Rossi").author("Marco Bianchi")
        .entity("Antony Blinken", Entity.Type.PER, "Antony Blinken")
        .entity("Seul", Entity.Type.LOC, "Seul")
        .entity("Blinken", Entity.Type.PER, "Antony Blinken", 45)
        .quote("Nessun accordo", "Antony Blinken", "Antony Blinken", "dire").build();
    String other = "https://altro.example.com/a";
    Analysis second = Fixtures.article(other, "Seul ha risposto. Anna Rossi c'era.").author("Anna Rossi")
        .entity("Seul", Entity.Type.LOC, "Seul").build();
    store.put(URL, first);
    store.put(other, second);
    store.put(other, Fixtures.article(other, "Seul ha risposto ancora.").author("Anna Rossi")
        .entity("Seul", Entity.Type.LOC, "Seul").build());
    // articles, versions, entities (Blinken, Seul), mentions, quotes, sources (example.org, altro.example.com), authors
    assertEquals(new StoreStats(2, 3, 2, 4, 1, 2, 2), store.stats());
  }

  @Test
  void anUpdateReplacesMentionsQuotesAndTimes() throws Exception {
    store.put(URL, Fixtures.realistic(1));
    store.put(URL, Fixtures.article(URL, "Solo Roma, oggi.").entity("Roma", Entity.Type.LOC, "Roma")
        .time("oggi", Timex.Type.DATE, "2024-06-19").build());
    assertEquals(new StoreStats(1, 2, 1, 1, 0, 1, 0), store.stats());
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        ResultSet rs = db.createStatement().executeQuery("SELECT group_concat(text) FROM times")) {
      assertEquals("oggi", rs.getString(1));
    }
  }

  @Test
  void articlesOfOneHostShareASource() throws IOException {
    store.put(URL, Fixtures.plain(URL, "Primo."));
    store.put("https://example.org/altro", Fixtures.plain("https://EXAMPLE.org/altro", "Secondo."));
    store.put("file.txt", Fixtures.plain("file.txt", "Terzo, senza URL."));
    assertEquals(1, store.stats().sources());
  }

  @Test
  void putsFromSeveralThreadsAreAllStored() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Put>> puts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        puts.add(pool.submit(() -> store.put(URL + "/" + n, Fixtures.realistic(n))));
      }
      for (Future<Put> put : puts) {
        assertEquals(Outcome.STORED, put.get().outcome());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(40, store.stats().articles());
  }

  @Test
  void openCreatesTheFolderAndTheDatabase() throws IOException {
    Path nested = dir.resolve("a/b");
    try (SqliteStore other = SqliteStore.open(nested)) {
      assertEquals(nested.resolve(SqliteStore.FILE), other.file());
      assertTrue(Files.isRegularFile(other.file()));
    }
  }

  @Test
  void aClosedStoreRefusesCalls() throws IOException {
    store.close();
    assertThrows(IllegalStateException.class, () -> store.get(1));
    store.close();
  }

  /** {@link SqliteStore#quotes}: by speaker, about an entity, in a period. */
  @Nested
  class Quotes {

    /** Three articles, in June, May and March 2024, with four quotes between them. */
    @BeforeEach
    void putThreeArticles() throws IOException {
      String june = "https://example.org/giugno";
      store.put(june, Fixtures.article(june,
              "«Nessuna cooperazione militare», ha detto Antony Blinken a Seul. Lui ha parlato con Kim Jong Un.",
              "Poi Blinken ha aggiunto: «Siamo pronti», e Putin è ripartito per Mosca.")
          .published("2024-06-19")
          .entity("Antony Blinken", Entity.Type.PER, "Antony Blinken")
          .entity("Seul", Entity.Type.LOC, "Seul")
          .entity("Kim Jong Un", Entity.Type.PER, "Kim Jong Un")
          .entity("Blinken", Entity.Type.PER, "Antony Blinken", 60)
          .entity("Putin", Entity.Type.PER, "Vladimir Putin")
          .entity("Mosca", Entity.Type.LOC, "Mosca")
          .quote("Nessuna cooperazione militare", "Antony Blinken", "Antony Blinken", "dire")
          .quote("Siamo pronti", "Blinken", "Antony Blinken", "aggiungere")
          .build());
      String may = "https://example.org/maggio";
      store.put(may, Fixtures.article(may, "«La Russia non cederà», ha detto lui, cioè Vladimir Putin, a Pyongyang.")
          .published("2024-05-02T09:30:00+03:00")
          .entity("Russia", Entity.Type.LOC, "Russia")
          .entity("Vladimir Putin", Entity.Type.PER, "Vladimir Putin")
          .entity("Pyongyang", Entity.Type.LOC, "Pyongyang")
          .quote("La Russia non cederà", "lui", "Vladimir Putin", "dire")
          .build());
      String march = "https://example.org/marzo";
      store.put(march, Fixtures.article(march, "«Il veto è un errore», hanno detto i diplomatici. Mosca tace.")
          .published("2024-03-10")
          .entity("Mosca", Entity.Type.LOC, "Mosca")
          .quote("Il veto è un errore", "i diplomatici", null, "dire")
          .build());
    }

    private List<String> texts(QuoteQuery query) throws IOException {
      return store.quotes(query).stream().map(QuoteHit::text).toList();
    }

    @Test
    void allQuotesNewestFirst() throws IOException {
      assertEquals(List.of("Nessuna cooperazione militare", "Siamo pronti", "La Russia non cederà",
          "Il veto è un errore"), texts(new QuoteQuery(null, null, null, null, 10)));
    }

    @Test
    void limitCutsTheList() throws IOException {
      assertEquals(2, texts(new QuoteQuery(null, null, null, null, 2)).size());
    }

    @Test
    void aSurnameFindsTheSpeakerInAnyCase() throws IOException {
      assertEquals(List.of("Nessuna cooperazione militare", "Siamo pronti"),
          texts(new QuoteQuery("blinken", null, null, null, 10)));
    }

    @Test
    void speakerMatchesWholeWordsOnly() throws IOException {
      assertEquals(List.of(), texts(new QuoteQuery("Blink", null, null, null, 10)));
    }

    @Test
    void aPronounIsFoundByTheCanonicalName() throws IOException {
      assertEquals(List.of("La Russia non cederà"), texts(new QuoteQuery("Vladimir Putin", null, null, null, 10)));
    }

    @Test
    void aboutMatchesWordsOfTheQuote() throws IOException {
      assertEquals(List.of("Il veto è un errore"), texts(new QuoteQuery(null, "VETO", null, null, 10)));
    }

    @Test
    void aboutMatchesEntitiesMentionedInTheQuotesSentence() throws IOException {
      // Kim Jong Un is in the sentence after the first quote's, Putin in the second quote's sentence
      assertEquals(List.of("Siamo pronti", "La Russia non cederà"), texts(new QuoteQuery(null, "Putin", null, null, 10)));
    }

    @Test
    void aboutLooksOnlyInTheQuotesSentence() throws IOException {
      assertEquals(List.of(), texts(new QuoteQuery(null, "Kim Jong Un", null, null, 10)));
    }

    @Test
    void periodIsInclusiveOnPublicationDates() throws IOException {
      assertEquals(List.of("La Russia non cederà", "Il veto è un errore"),
          texts(new QuoteQuery(null, null, LocalDate.of(2024, 3, 10), LocalDate.of(2024, 5, 2), 10)));
    }

    @Test
    void speakerAboutAndPeriodCombine() throws IOException {
      assertEquals(List.of("Siamo pronti"),
          texts(new QuoteQuery("Antony Blinken", "mosca", LocalDate.of(2024, 6, 1), null, 10)));
    }

    @Test
    void aHitCarriesItsArticle() throws IOException {
      QuoteHit hit = store.quotes(new QuoteQuery("Putin", null, null, null, 1)).get(0);
      assertEquals(new QuoteHit(hit.articleId(), "«La Russia non cederà», ha detto lui, cioè Vladimir Putin, a Pyongyang.",
          "https://example.org/maggio", "2024-05-02T09:30:00+03:00", "La Russia non cederà", "direct", "lui",
          "Vladimir Putin", "dire", hit.position()), hit);
    }

    /** Every quote of {@code query}, {@code limit} at a time, following the positions. */
    private List<String> walk(QuoteQuery query, int limit) throws IOException {
      List<String> texts = new ArrayList<>();
      String position = null;
      while (true) {
        List<QuoteHit> page = store.quotes(query.after(position, limit));
        page.forEach(h -> texts.add(h.text()));
        if (page.size() < limit) {
          return texts;
        }
        position = page.get(limit - 1).position();
      }
    }

    @Test
    void positionsWalkEveryQuoteOnceUndatedLast() throws IOException {
      String undated = "https://example.org/senza-data";
      store.put(undated, Fixtures.article(undated, "«Primo», ha detto Rossi. «Secondo», ha detto Rossi.")
          .quote("Primo", "Rossi", null, "dire")
          .quote("Secondo", "Rossi", null, "dire")
          .build());
      List<String> all = texts(new QuoteQuery(null, null, null, null, 100));
      assertEquals(List.of("Primo", "Secondo"), all.subList(all.size() - 2, all.size()), all.toString());
      assertEquals(all, walk(new QuoteQuery(null, null, null, null, 100), 1));
      assertEquals(all, walk(new QuoteQuery(null, null, null, null, 100), 2));
    }

    @Test
    void positionsKeepTheFilters() throws IOException {
      assertEquals(List.of("Siamo pronti", "La Russia non cederà"), walk(new QuoteQuery(null, "Putin", null, null, 1), 1));
    }

    @Test
    void aMalformedCursorIsRefused() {
      for (String bad : List.of("%%", "MTp4", "Mjp4OnktMDEtMDE")) { // "1:x", "2:x:y-01-01"
        var e = assertThrows(IllegalArgumentException.class,
            () -> store.quotes(new QuoteQuery(null, null, null, null, 1, bad)));
        assertTrue(e.getMessage().startsWith("bad cursor"), e.getMessage());
      }
    }

    @Test
    void aQueryWithoutWordsIsRefused() {
      assertThrows(IllegalArgumentException.class, () -> store.quotes(new QuoteQuery(" – ", null, null, null, 10)));
    }
  }
}
