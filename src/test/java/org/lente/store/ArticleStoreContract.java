package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.time.Timex;
import org.lente.store.ArticleStore.Put;
import org.lente.store.ArticleStore.Put.Outcome;

/**
 * What every {@link ArticleStore} does, run against each implementation: {@link SqliteStoreTest} (a
 * real SQLite file) and {@link PostgresArticleStoreTest} (a real PostgreSQL server): the writes with
 * their versions and duplicates, the index and failure marks, the entity resolver's tables, and
 * the reads.
 *
 * @param <S> the implementation
 */
abstract class ArticleStoreContract<S extends ArticleStore> {

  static final String URL = "https://www.example.org/2024/06/19/vertice";

  /** Opens the store under test; a second call opens the same data again. */
  abstract S open() throws Exception;

  /** The rows {@code sql} selects in the store's database, read past the store: each its columns joined by "|". */
  abstract List<String> rows(String sql) throws Exception;

  /** The rows {@code sql} selects on {@code db}: each its columns joined by "|". */
  static List<String> rows(java.sql.Connection db, String sql) throws java.sql.SQLException {
    List<String> rows = new ArrayList<>();
    try (java.sql.Statement st = db.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  S store;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws IOException {
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

  /** A put whose text was prepared ahead on another thread stores the hash a put without it stores, and finds duplicates. */
  @Test
  void anArticlePreparedAheadIsStoredWithItsContentHash() throws Exception {
    Analysis analysis = Fixtures.realistic(1);
    String mirror = "https://mirror.example.com/vertice";
    Thread reading = Thread.ofPlatform().start(() -> {
      store.prepare(URL, analysis);
      store.prepare(mirror, Fixtures.plain(mirror, analysis.article().text()));
    });
    reading.join();
    long id = store.put(URL, analysis).id();
    assertEquals(ContentHash.of(analysis.article().text()), store.get(id).orElseThrow().contentHash());
    assertEquals(new Put(Outcome.DUPLICATE, id, 1), store.put(mirror, Fixtures.plain(mirror,
        analysis.article().text())));
  }

  /**
   * While writes are held, the puts prepared ahead have their lookups read with the first put's; a put after one that
   * wrote an article of its key or of its text (its new text, or the one it replaced) decides from that write, as
   * puts one by one decide: the key's new text an update, its old text under a new key stored anew (no article's
   * latest text now), the same text under a third key a duplicate of that new article.
   */
  @Test
  void heldPutsPreparedAheadDecideFromTheArticlesWrittenBeforeThem() throws IOException {
    String mirror = "https://mirror.example.com/vertice";
    String other = "https://other.example.net/vertice";
    Analysis first = Fixtures.plain(URL, "Il vertice si è aperto a Ginevra con due ore di ritardo.");
    Analysis second = Fixtures.plain(URL, "Il vertice si è aperto a Ginevra con tre ore di ritardo.");
    Analysis oldText = Fixtures.plain(mirror, first.article().text());
    Analysis copy = Fixtures.plain(other, first.article().text());
    store.holdWrites();
    store.prepare(URL, first);
    store.prepare(URL, second);
    store.prepare(mirror, oldText);
    store.prepare(other, copy);
    long id = store.put(URL, first).id();
    assertEquals(new Put(Outcome.UPDATED, id, 2), store.put(URL, second));
    Put stored = store.put(mirror, oldText);
    assertEquals(Outcome.STORED, stored.outcome());
    assertEquals(new Put(Outcome.DUPLICATE, stored.id(), 1), store.put(other, copy));
    store.writeHeld();
    assertEquals(2, store.stats().articles());
  }

  /** Many articles read at once: the latest version of each stored one, an id not stored absent. */
  @Test
  void getAllGivesTheLatestVersionOfEachStoredArticleAsked() throws IOException {
    String other = "https://other.example.net/grandine";
    long updated = store.put(URL, Fixtures.plain(URL, "Grandine su Torino nella notte.")).id();
    Analysis latest = Fixtures.plain(URL, "Grandine su Torino e Asti nella notte.");
    store.put(URL, latest);
    long plain = store.put(other, Fixtures.plain(other, "Il Po cresce di un metro.")).id();
    Map<Long, StoredArticle> read = store.getAll(List.of(updated, plain, plain + 100));
    assertEquals(Set.of(updated, plain), read.keySet());
    assertEquals(List.of(2, latest), List.of(read.get(updated).version(), read.get(updated).analysis()));
    assertEquals(store.get(plain).orElseThrow(), read.get(plain));
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
  void aReopenedStoreKeepsEverything() throws Exception {
    long a = store.put(URL, Fixtures.realistic(1)).id();
    store.put(URL, Fixtures.realistic(2));
    store.markIndexed(a, 1);
    long b = store.put(URL + "/b", Fixtures.realistic(3)).id();
    StoreStats stats = store.stats();
    Map<Long, Integer> versions = store.versions();
    store.close();
    store = open();
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
    assertEquals(List.of("oggi"), rows("SELECT text FROM times"));
  }

  // ---- the entity resolver's tables

  private static final String KIM = "«Siamo pronti», ha detto Kim Jong Un. Kim è ripartito.";

  /**
   * An article (its text ending with its key) naming Kim Jong Un twice, the second time as "Kim"
   * resolved to {@code kimEntity}.
   */
  private Put putKim(String key, String kimEntity) throws IOException {
    Analysis a = Fixtures.article(key, KIM + " " + key)
        .entity("Kim Jong Un", Entity.Type.PER, "Kim Jong Un")
        .entity("Kim", Entity.Type.PER, kimEntity, 30)
        .quote("Siamo pronti", "Kim Jong Un", "Kim Jong Un", "dire").build();
    return store.put(key, a, List.of(new NameSighting("P|kim jong un", "Kim Jong Un", Entity.Type.PER, "it", 1),
        new NameSighting("P|kim", "Kim", Entity.Type.PER, "it", 1)), Map.of(), null);
  }

  @Test
  void sightingsAreRecordedWithTheArticleAndCounted() throws IOException {
    putKim(URL, "Kim Jong Un");
    putKim(URL + "/2", "Kim Jong Un");
    assertEquals(List.of(new NameSighting("P|kim", "Kim", Entity.Type.PER, "it", 2),
        new NameSighting("P|kim jong un", "Kim Jong Un", Entity.Type.PER, "it", 2)), store.nameSightings());
    assertEquals(Map.of("P|kim", "Kim Jong Un", "P|kim jong un", "Kim Jong Un"), store.nameEntities());
    assertEquals(new ResolverCheck(0, 0, 0, 4, 4), store.checkNames());
  }

  /** One sighting per entity of {@code a}, each named after its mention: what the resolver records for it. */
  static List<NameSighting> sightings(Analysis a) {
    return a.entities().stream().map(e -> new NameSighting((e.type() == Entity.Type.PER ? "P|" : "O|")
        + e.text().toLowerCase(java.util.Locale.ROOT), e.text(), e.type(), "it", 1)).toList();
  }

  @Test
  void oneNameOfTwoTypesInAnArticleIsOneKnowledgeBaseEntity() throws Exception {
    Analysis a = Fixtures.article(URL, "Roma ha battuto il Milan. A Roma si festeggia, la Roma e il Milan no.")
        .entity("Roma", Entity.Type.ORG, "Roma").entity("Milan", Entity.Type.ORG, "Milan")
        .entity("Roma", Entity.Type.LOC, "Roma", 30).entity("Roma", Entity.Type.ORG, "Roma", 50).build();
    store.put(URL, a, sightings(a), Map.of(), null);
    assertEquals(List.of("LOC|Roma|Roma", "ORG|Milan|Milan", "ORG|Roma|Roma"), rows("SELECT e.type, e.canonical, "
        + "k.name FROM entities e JOIN kb_entities k ON k.id = e.kb_id ORDER BY e.type, e.canonical"));
    assertEquals(List.of("Milan|1|1", "Roma|1|3"), rows("SELECT name, articles, mentions FROM kb_entities "
        + "ORDER BY name")); // the Roma of the names' namespace "O|" covers the club and the city alike
    assertEquals(new ResolverCheck(0, 0, 0, 4, 4), store.checkNames());
  }

  @Test
  void moreNamesThanOneStatementWritesAreAllStored() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < SqlConnections.MAX_ROWS + 7; i++) {
      names.add("Sindaco" + (char) ('A' + i / 26 % 26) + (char) ('a' + i % 26));
    }
    Fixtures f = Fixtures.article(URL, "Hanno parlato " + String.join(", ", names) + ".");
    for (String name : names) {
      f.entity(name, Entity.Type.PER, name);
    }
    Analysis a = f.build();
    store.put(URL, a, sightings(a), Map.of(), null);
    int n = names.size();
    assertEquals(List.of(n + "|" + n + "|" + n + "|" + n), rows("SELECT count(DISTINCT m.entity_id), "
        + "count(DISTINCT m.name_id), (SELECT count(*) FROM kb_entities), (SELECT count(*) FROM resolver_names) "
        + "FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN kb_entities k ON k.id = e.kb_id "
        + "JOIN resolver_names r ON r.id = m.name_id WHERE k.name = m.text AND r.entity = m.text"));
    assertEquals(new ResolverCheck(0, 0, 0, n, n), store.checkNames());
  }

  // ---- an article's found rows, more than one multi-row statement writes

  /** A code of two letters for {@code i} below 676: "Aa", "Ab", …, so that no code is a prefix of another's text. */
  private static String code(int i) {
    return "" + (char) ('A' + i / 26 % 26) + (char) ('a' + i % 26);
  }

  /**
   * An article of {@code n} sentences "«ParolaXy» disse SindacoXy il giornoXy.", each with its mention (every third
   * with a role), its quote and its time, and a byline of {@code n} authors: each row's values differ from every
   * other's, so that a row lost, doubled or given another row's values shows.
   */
  private static Analysis manyFound(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append("«Parola").append(code(i)).append("» disse Sindaco").append(code(i)).append(" il giorno")
          .append(code(i)).append(". ");
    }
    Fixtures f = Fixtures.article(URL, text.toString().strip()).published("2024-06-19");
    for (int i = 0; i < n; i++) {
      String name = "Sindaco" + code(i);
      f.entity(name, Entity.Type.PER, name, 0, i % 3 == 0 ? "sindaco" : null);
      f.quote("Parola" + code(i), name, name, "dire");
      f.time("giorno" + code(i), Timex.Type.DATE, String.format("2024-%02d-%02d", 1 + i / 28 % 12, 1 + i % 28));
      f.author("Autore " + code(i));
    }
    return f.build();
  }

  private static final int MANY = SqlConnections.MAX_ROWS + 7;

  @Test
  void moreMentionsThanOneStatementWritesAreStoredEachWithItsValues() throws Exception {
    Analysis a = manyFound(MANY);
    store.put(URL, a, sightings(a), Map.of(), null);
    List<String> expected = new ArrayList<>();
    for (Entity e : a.entities()) {
      expected.add(e.start() + "|" + e.end() + "|" + e.text() + "|" + e.role() + "|" + e.canonical() + "|P|"
          + e.text().toLowerCase(java.util.Locale.ROOT));
    }
    assertEquals(expected, rows("SELECT m.start_offset, m.end_offset, m.text, m.role, e.canonical, r.name FROM "
        + "mentions m JOIN entities e ON e.id = m.entity_id JOIN resolver_names r ON r.id = m.name_id "
        + "ORDER BY m.start_offset"));
  }

  @Test
  void moreQuotesThanOneStatementWritesAreStoredEachWithItsValues() throws Exception {
    Analysis a = manyFound(MANY);
    store.put(URL, a);
    List<String> expected = new ArrayList<>();
    for (org.lente.nlp.quote.Quote q : a.quotes()) {
      int[] span = ArticleWrites.sentenceSpan(a.sentences(), q.start(), q.end());
      expected.add(q.start() + "|" + q.end() + "|" + q.text() + "|" + q.speaker() + "|" + q.speakerStart() + "|"
          + q.speakerCanonical() + "|" + span[0] + "|" + span[1] + "|2024-06-19");
    }
    assertEquals(expected, rows("SELECT start_offset, end_offset, text, speaker, speaker_start, speaker_canonical, "
        + "sentence_start, sentence_end, published FROM quotes ORDER BY start_offset"));
  }

  @Test
  void moreTimesThanOneStatementWritesAreStoredEachWithItsValues() throws Exception {
    Analysis a = manyFound(MANY);
    store.put(URL, a);
    List<String> expected = new ArrayList<>();
    for (Timex t : a.times()) {
      expected.add(t.start() + "|" + t.end() + "|" + t.text() + "|" + t.type() + "|" + t.value());
    }
    assertEquals(expected, rows("SELECT start_offset, end_offset, text, type, value FROM times ORDER BY start_offset"));
  }

  @Test
  void aBylineLongerThanOneStatementWritesKeepsItsAuthorsInOrder() throws Exception {
    Analysis a = manyFound(MANY);
    store.put(URL, a);
    store.put(URL + "/2", Fixtures.article(URL + "/2", "Un altro testo.").author("Autore " + code(5)).build());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      expected.add(i + "|" + a.article().authors().get(i) + "|" + (i == 5 ? 2 : 1));
    }
    assertEquals(expected, rows("SELECT aa.position, au.name, au.articles FROM article_authors aa JOIN authors au "
        + "ON au.id = aa.author_id JOIN articles ar ON ar.id = aa.article_id WHERE ar.key = '" + URL + "' "
        + "ORDER BY aa.position"));
  }

  @Test
  void aDuplicateRecordsNoSighting() throws IOException {
    putKim(URL, "Kim Jong Un");
    putKim(URL, "Kim Jong Un");
    assertEquals(new ResolverCheck(0, 0, 0, 2, 2), store.checkNames());
  }

  @Test
  void sightingsThatAreNotOnePerEntityAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> store.put(URL, Fixtures.plain(URL, "Kim."),
        List.of(new NameSighting("P|kim", "Kim", Entity.Type.PER, "it", 1)), Map.of(), null));
  }

  @Test
  void movingEveryNameOfAnEntityRenamesItAndItsQuotesSpeaker() throws IOException {
    putKim(URL, "Kim Jong Un");
    long id = store.entityId("Kim Jong Un").orElseThrow();
    store.moveNames(Map.of("P|kim jong un", "Kim Jong-un", "P|kim", "Kim Jong-un"));
    assertEquals(Optional.of(id), store.entityId("Kim Jong-un"));
    assertEquals(1, store.entity(id).orElseThrow().articles());
    assertEquals(List.of("Kim Jong-un"), store.quotes(new QuoteQuery("Kim", null, null, null, 10)).stream()
        .map(QuoteHit::speakerCanonical).toList());
    assertTrue(store.checkNames().consistent(), store.checkNames().toString());
  }

  @Test
  void movingOneOfTheNamesOfAnEntityMovesItsMentionsAlone() throws IOException {
    putKim(URL, "Kim Jong Un");
    store.moveNames(Map.of("P|kim", "Kim Yo Jong")); // "Kim" was his sister
    assertEquals(Map.of("P|kim", "Kim Yo Jong", "P|kim jong un", "Kim Jong Un"), store.nameEntities());
    assertEquals(List.of(new EntityProfile.Count("Kim", "PER", 1)), store.entity("Kim Yo Jong").orElseThrow().aliases());
    assertEquals(List.of(new EntityProfile.Count("Kim Jong Un", "PER", 1)),
        store.entity("Kim Jong Un").orElseThrow().aliases());
    assertTrue(store.checkNames().consistent(), store.checkNames().toString());
  }

  @Test
  void movingIntoAnExistingEntityMergesTheTwo() throws IOException {
    putKim(URL, "Kim Jong Un");
    store.put(URL + "/2", Fixtures.article(URL + "/2", "Kim Jong-un ha parlato.")
            .entity("Kim Jong-un", Entity.Type.PER, "Kim Jong-un").build(),
        List.of(new NameSighting("P|kim jong-un", "Kim Jong-un", Entity.Type.PER, "it", 1)), Map.of(), null);
    long merged = store.entityId("Kim Jong-un").orElseThrow();
    store.moveNames(Map.of("P|kim jong-un", "Kim Jong Un"));
    EntityProfile kim = store.entity("Kim Jong Un").orElseThrow();
    assertEquals(2, kim.articles());
    assertEquals(Optional.of(kim.id()), store.entity(merged).map(EntityProfile::id), "the merged entity redirects");
    assertEquals(List.of("Kim Jong Un"), store.entities(null, 10).items().stream().map(EntityRef::name).toList());
    assertTrue(store.checkNames().consistent(), store.checkNames().toString());
  }

  @Test
  void twoEntitiesMovedToANewNameAreRenamedAndRedirectedByTheNamesNotTheMapsOrder() throws IOException {
    for (String[] name : List.of(new String[] {"Ayman", "P|ayman"}, new String[] {"Zawahiri", "P|zawahiri"})) {
      String key = URL + "/" + name[0];
      store.put(key, Fixtures.article(key, name[0] + " ha parlato.").entity(name[0], Entity.Type.PER, name[0]).build(),
          List.of(new NameSighting(name[1], name[0], Entity.Type.PER, "it", 1)), Map.of(), null);
    }
    long ayman = store.entityId("Ayman").orElseThrow();
    long zawahiri = store.entityId("Zawahiri").orElseThrow();
    Map<String, String> moved = new java.util.LinkedHashMap<>(); // against key order
    moved.put("P|zawahiri", "Ayman al-Zawahiri");
    moved.put("P|ayman", "Ayman al-Zawahiri");
    store.moveNames(moved);
    assertEquals(Optional.of(ayman), store.entityId("Ayman al-Zawahiri"), "the first name in key order is renamed");
    assertEquals(Optional.of(ayman), store.entity(zawahiri).map(EntityProfile::id), "the other redirects to it");
    assertEquals(2, store.entity("Ayman al-Zawahiri").orElseThrow().articles());
    assertTrue(store.checkNames().consistent(), store.checkNames().toString());
  }

  @Test
  void namesMovedInAPutMoveBeforeItsRowsAreWritten() throws IOException {
    putKim(URL, "Kim Yo Jong");
    Analysis a = Fixtures.article(URL + "/2", "Kim è tornato.").entity("Kim", Entity.Type.PER, "Kim Jong Un").build();
    store.put(URL + "/2", a, List.of(new NameSighting("P|kim", "Kim", Entity.Type.PER, "it", 1)),
        Map.of("P|kim", "Kim Jong Un"), null);
    assertEquals(2, store.entity("Kim Jong Un").orElseThrow().articles());
    assertTrue(store.checkNames().consistent(), store.checkNames().toString());
  }

  @Test
  void importedNamesJoinTheirEntitiesWithTheirCounts() throws IOException {
    store.importNames(List.of(new NameSighting("P|kim", "Kim", Entity.Type.PER, "it", 3),
            new NameSighting("P|kim jong un", "Kim Jong Un", Entity.Type.PER, "en", 5)),
        Map.of("P|kim", "Kim Jong Un"));
    assertEquals(Map.of("P|kim", "Kim Jong Un", "P|kim jong un", "Kim Jong Un"), store.nameEntities());
    assertEquals(new ResolverCheck(0, 0, 2, 8, 0), store.checkNames());
  }

  @Test
  void anEntityIsShownByTheNameArticlesOfALanguageGiveIt() throws IOException {
    Analysis a = Fixtures.article(URL, "Gli Stati Uniti hanno risposto.").language("it")
        .entity("Stati Uniti", Entity.Type.LOC, "United States").build();
    store.put(URL, a, List.of(new NameSighting("O|stati uniti", "Stati Uniti", Entity.Type.LOC, "it", 1)), Map.of(),
        null);
    assertEquals("Stati Uniti", store.localName("United States", "it"));
    assertEquals("United States", store.localName("United States", "en"));
  }

  @Test
  void failuresAreReplacedByStageAndCleared() throws IOException {
    long id = store.put(URL, Fixtures.plain(URL, "Primo.")).id();
    java.time.Instant at = java.time.Instant.parse("2026-12-05T08:00:00Z");
    store.markFailed(new ArticleFailure(id, ArticleFailure.Stage.INDEX, "down", at));
    store.markFailed(new ArticleFailure(id, ArticleFailure.Stage.INDEX, "still down", at.plusSeconds(60)));
    store.markFailed(new ArticleFailure(id, ArticleFailure.Stage.STORY, "full", at));
    assertEquals(List.of(new ArticleFailure(id, ArticleFailure.Stage.INDEX, "still down", at.plusSeconds(60)),
        new ArticleFailure(id, ArticleFailure.Stage.STORY, "full", at)), store.failures());
    store.clearFailed(id, ArticleFailure.Stage.INDEX, ArticleFailure.Stage.STORY);
    assertEquals(List.of(), store.failures());
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
  void aClosedStoreRefusesCalls() throws IOException {
    store.close();
    assertThrows(IllegalStateException.class, () -> store.get(1));
    store.close();
  }

  /** {@link ArticleStore#quotes}: by speaker, about an entity, in a period. */
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

  /** The reader's queries: listings, pages, and the aggregates behind them. */
  @Nested
  class Reads {

    static String url(int n) {
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
      assertTheAggregatesEqualARecount();
    }

    /**
     * An article of more entities, aliases and roles than one statement writes, then its update to another half of
     * them, then a second article sharing some: after each put, every aggregate equals a recount from the rows.
     */
    @Test
    void theAggregatesOfMoreEntitiesThanOneStatementWritesEqualARecount() throws Exception {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < SqlConnections.MAX_ROWS + 30; i++) {
        names.add("Sindaco" + (char) ('A' + i / 26 % 26) + (char) ('a' + i % 26));
      }
      store.put(url(1), manyNames(url(1), names, "2024-06-12", 0));
      assertTheAggregatesEqualARecount();
      assertEquals(List.of(), rows("SELECT r.entity_id, r.role FROM entity_roles r WHERE r.first_day IS NULL "
          + "OR r.first_day <> '2024-06-12' OR r.last_day <> '2024-06-12'"));
      store.put(url(1), manyNames(url(1), names.subList(40, names.size()), "2024-06-13", 1));
      assertTheAggregatesEqualARecount();
      store.put(url(2), manyNames(url(2), names.subList(0, 60), "2024-06-14", 2));
      assertTheAggregatesEqualARecount();
      assertTrue(Integer.parseInt(rows("SELECT count(*) FROM entity_aliases").get(0)) > 2 * SqlConnections.MAX_ROWS,
          "too few aliases to need several statements");
    }

    /**
     * An article naming each of {@code names} twice, by its surname (a role's holder) and by its full name, every fifth
     * also as an organisation; {@code variant} changes its text (an update).
     */
    private Analysis manyNames(String u, List<String> names, String day, int variant) {
      StringBuilder text = new StringBuilder("Cronaca " + variant + ":");
      for (String name : names) {
        text.append(" il sindaco ").append(name).append(" (").append(name).append(" Rossi),");
      }
      Fixtures f = Fixtures.article(u, text.toString()).published(day).author("Anna Rossi");
      int from = 0;
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        from = text.indexOf(" il sindaco " + name + " ", from);
        f.entity(name, Entity.Type.PER, name + " Rossi", from, "sindaco");
        f.entity(name + " Rossi", i % 5 == 0 ? Entity.Type.ORG : Entity.Type.PER, name + " Rossi", from);
      }
      return f.build();
    }

    /** Every aggregate equals what the migration's backfill computes from the rows themselves. */
    private void assertTheAggregatesEqualARecount() throws Exception {
      assertEquals(rows("SELECT entity_id, day, article_id, mentions FROM article_entities ORDER BY 1, 2, 3"),
          rows("SELECT e.kb_id, a.day, m.article_id, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
              + "JOIN articles a ON a.id = m.article_id GROUP BY e.kb_id, a.day, m.article_id ORDER BY 1, 2, 3"));
      assertEquals(rows("SELECT entity_id, day, articles, mentions FROM entity_days ORDER BY 1, 2"),
          rows("SELECT entity_id, day, count(*), sum(mentions) FROM article_entities GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows("SELECT entity_id, alias, mentions FROM entity_aliases ORDER BY 1, 2"),
          rows("SELECT e.kb_id, m.text, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
              + "GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows("SELECT entity_id, type, mentions FROM kb_entity_types ORDER BY 1, 2"),
          rows("SELECT e.kb_id, e.type, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
              + "GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows("SELECT id, articles FROM sources ORDER BY 1"),
          rows("SELECT s.id, count(a.id) FROM sources s LEFT JOIN articles a ON a.source_id = s.id GROUP BY 1 "
              + "ORDER BY 1"));
      assertEquals(rows("SELECT id, articles FROM authors ORDER BY 1"),
          rows("SELECT w.id, count(aa.article_id) FROM authors w LEFT JOIN article_authors aa "
              + "ON aa.author_id = w.id GROUP BY 1 ORDER BY 1"));
      assertEquals(rows("SELECT author_id, source_id, articles FROM author_sources ORDER BY 1, 2"),
          rows("SELECT aa.author_id, a.source_id, count(*) FROM article_authors aa JOIN articles a "
              + "ON a.id = aa.article_id GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows("SELECT author_id, day, article_id FROM author_articles ORDER BY 1, 2, 3"),
          rows("SELECT aa.author_id, a.day, a.id FROM article_authors aa JOIN articles a ON a.id = aa.article_id "
              + "ORDER BY 1, 2, 3"));
      assertEquals(rows("SELECT entity_id, role, mentions FROM entity_roles ORDER BY 1, 2"),
          rows("SELECT e.kb_id, m.role, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
              + "WHERE m.role IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"));
      assertEquals(rows("SELECT id, articles, mentions FROM kb_entities WHERE articles <> 0 OR mentions <> 0 "
          + "ORDER BY 1"), rows("SELECT entity_id, count(*), sum(mentions) FROM article_entities GROUP BY 1 ORDER BY 1"));
      assertEquals(rows("SELECT id, type FROM kb_entities WHERE articles > 0 ORDER BY 1"),
          rows("SELECT t.entity_id, (SELECT u.type FROM kb_entity_types u WHERE u.entity_id = t.entity_id "
              + "ORDER BY u.mentions DESC, u.type LIMIT 1) FROM kb_entity_types t GROUP BY 1 ORDER BY 1"));
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
}
