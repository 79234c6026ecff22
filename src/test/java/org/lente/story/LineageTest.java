package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.index.LuceneIndex;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;
import org.lente.store.ArticleFailure;
import org.lente.store.SqliteStore;
import org.lente.store.StoredArticle;

/** The knowledge base with stories and lineage on real files: SQLite, Lucene, in a temporary folder. */
class LineageTest {

  @TempDir
  Path dir;

  private SqliteStoryStore stories;
  private SqliteStore store;
  private Lineage lineage;
  private KnowledgeBase kb;

  @BeforeEach
  void open() throws IOException {
    store = SqliteStore.open(dir);
    stories = SqliteStoryStore.open(dir);
    lineage = new Lineage(stories, id -> store.get(id).map(StoredArticle::analysis), Stories.DEFAULT_WINDOW,
        Stories.DEFAULT_THRESHOLD);
    kb = new KnowledgeBase(store, LuceneIndex.open(dir.resolve("index")), null, lineage);
  }

  @AfterEach
  void close() throws IOException {
    kb.close();
  }

  private long add(String key, Analysis a) throws IOException {
    return kb.add(key, a).id();
  }

  private static Analysis copyOfItalian() {
    String body = Fixtures.IT_BODY.replace("15,5 miliardi", "16 miliardi") + " Lo riferisce la redazione.";
    return Texts.analysis("altro.example.it/airbus", "Altro Giornale", "it", "2024-05-01T12:00:00Z",
        "Qatar Airways sceglie Airbus", body, Fixtures.IT_NAMES);
  }

  /** An English article written for these tests, without a publication date. */
  static Analysis undatedEnglishPort() {
    return Texts.analysis("harbour.example.com/terminal", "Harbour News", "en", null,
        "Northvale port opens a container terminal",
        "The port of Northvale opened a container terminal worth 420 million euros, its director Kessler said. "
            + "The terminal can handle 1.8 million containers a year and employs 650 workers. Kessler said the shipping "
            + "line Baltica Lines had signed a contract for 12 years. The regional government of Estmark paid 35 "
            + "percent of the cost, and the European Investment Bank lent 140 million euros. The first ship docked "
            + "with 9,400 containers, said Baltica Lines.",
        "Northvale=Northvale/LOC", "Kessler=Marta Kessler/PER", "Baltica Lines=Baltica Lines/ORG",
        "Estmark=Estmark/LOC", "European Investment Bank=European Investment Bank/ORG");
  }

  /** Its Italian translation, undated too. */
  static Analysis undatedItalianPort() {
    return Texts.analysis("porti.example.it/terminal", "Notizie dai Porti", "it", null,
        "Il porto di Northvale apre un terminal per container",
        "Il porto di Northvale ha inaugurato un terminal per container da 420 milioni di euro, ha detto la "
            + "direttrice Kessler. Il terminal può movimentare 1,8 milioni di container all'anno e impiega 650 "
            + "lavoratori. Kessler ha detto che la compagnia Baltica Lines ha firmato un contratto per 12 anni. Il "
            + "governo regionale di Estmark ha pagato il 35 per cento del costo e la Banca europea per gli "
            + "investimenti ha prestato 140 milioni di euro. La prima nave ha attraccato con 9.400 container, ha "
            + "detto Baltica Lines.",
        "Northvale=Northvale/LOC", "Kessler=Marta Kessler/PER", "Baltica Lines=Baltica Lines/ORG",
        "Estmark=Estmark/LOC", "Banca europea per gli investimenti=European Investment Bank/ORG");
  }

  @Test
  void anUndatedItalianTranslationIsLinkedToItsUndatedOriginalSayingTheDatesAreMissing() throws IOException {
    long en = add("en", undatedEnglishPort());
    long it = add("it", undatedItalianPort());
    Link link = stories.links(it).get(0);
    assertEquals(en, link.related());
    assertEquals(Link.Relation.TRANSLATION, link.relation());
    assertTrue(link.evidence().stream().anyMatch(e -> e.kind().equals("published")
        && e.note().startsWith("neither article gives a publication date")), link.evidence().toString());
  }

  /**
   * An English article of another outlet, written for these tests: it retells the port article's first sentences in
   * its own words (the same names and figures in the same order), then tells news of its own.
   */
  static Analysis undatedEnglishPortFollowUp() {
    return Texts.analysis("shipping.example.com/northvale-second-line", "Shipping Daily", "en", null,
        "A second shipping line for Northvale",
        "Northvale's port, run by Kessler, last month inaugurated its 420 million euro container terminal, built for "
            + "1.8 million boxes yearly with a staff of 650. Kessler then announced that Baltica Lines would call for 12 "
            + "years. Now Nordlink Shipping has signed for 5 years as well, Kessler told reporters on Tuesday. Nordlink "
            + "will call twice a week with ships of 3,000 containers from Rotterdam and Gdansk. The terminal's second "
            + "quay, worth 75 million euros, opens in 2027.",
        "Northvale=Northvale/LOC", "Kessler=Marta Kessler/PER", "Baltica Lines=Baltica Lines/ORG",
        "Nordlink Shipping=Nordlink Shipping/ORG", "Nordlink=Nordlink Shipping/ORG", "Rotterdam=Rotterdam/LOC",
        "Gdansk=Gdansk/LOC");
  }

  @Test
  void aTranslationTranslatesOneArticleOfALanguageAndAFollowUpRetellingItSharesItsStory() throws IOException {
    long en = add("en", undatedEnglishPort());
    long followUp = add("en-follow-up", undatedEnglishPortFollowUp());
    long it = add("it", undatedItalianPort());
    Map<Long, Link> links = new java.util.HashMap<>();
    stories.links(it).forEach(l -> links.put(l.related(), l));
    assertEquals(Link.Relation.TRANSLATION, links.get(en).relation(), links.toString());
    Link retold = links.get(followUp);
    assertEquals(Link.Relation.SAME_STORY, retold.relation(), links.toString());
    assertTrue(retold.evidence().stream().anyMatch(e -> e.kind().equals("closer-translation")
        && e.note().contains("harbour.example.com/terminal")), retold.evidence().toString());
  }

  @Test
  void aTranslationIsFoundByItsAnchorsWhenItsStoryIsAnother(@TempDir Path other) throws IOException {
    SqliteStore s = SqliteStore.open(other);
    SqliteStoryStore st = SqliteStoryStore.open(other);
    // one story open at a time: the unrelated article closes the English one's, so the Italian article
    // starts another story and only the anchor index can pair it with its original
    Lineage lineage = new Lineage(st, id -> s.get(id).map(StoredArticle::analysis),
        new Stories(Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD, 1, 1));
    try (KnowledgeBase apart = new KnowledgeBase(s, LuceneIndex.open(other.resolve("index")), null, lineage)) {
      long en = apart.add("en", undatedEnglishPort()).id();
      long unrelated = apart.add("other-it", Fixtures.otherItalian()).id();
      long it = apart.add("it", undatedItalianPort()).id();
      assertFalse(st.storyOf(it).equals(st.storyOf(en)), "two stories");
      List<Link> links = st.links(it);
      assertEquals(List.of(en), links.stream().map(Link::related).toList(), links.toString());
      assertEquals(Link.Relation.TRANSLATION, links.get(0).relation());
      assertTrue(st.links(unrelated).isEmpty(), st.links(unrelated).toString());
    }
  }

  /** An English article of its own for these tests: a town's budget, the town and its mayor named by {@code n}. */
  private static Analysis townBudget(int n) {
    String town = "Val" + letters(n);
    String mayor = "Ros" + letters(n + 7);
    return Texts.analysis("towns.example.com/" + town, "Town News", "en", "2024-05-01T08:00:00Z",
        town + " approves its budget", "The council of " + town + " approved a budget of " + (100 + n)
            + " million euros on Monday, mayor " + mayor + " said. " + mayor + " said " + (n % 40 + 3)
            + " schools will be repaired in " + town + " before " + (2030 + n % 9) + ".",
        town + "=" + town + "/LOC", mayor + "=" + mayor + "/PER");
  }

  /** {@code n} in the letters a to z, lowest first: a different word for each {@code n}. */
  private static String letters(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = n; ; i /= 26) {
      out.append((char) ('a' + i % 26));
      if (i < 26) {
        return out.toString();
      }
    }
  }

  /** A lineage over the stores in {@code in}, reading stored analyses from the article store. */
  private static Lineage lineageOver(SqliteStore articles, SqliteStoryStore in) {
    return new Lineage(in, id -> articles.get(id).map(StoredArticle::analysis), Stories.DEFAULT_WINDOW,
        Stories.DEFAULT_THRESHOLD);
  }

  /** Stores {@code a} under {@code key} and adds it to {@code lineage}; returns its id. */
  private static long stored(SqliteStore articles, Lineage lineage, String key, Analysis a) throws IOException {
    long id = articles.put(key, a).id();
    lineage.add(id, a);
    return id;
  }

  @Test
  void theSignaturesOfProfilesDroppedAreKeptAndDroppedByAReload(@TempDir Path other) throws IOException {
    try (SqliteStore s = SqliteStore.open(other); SqliteStoryStore st = SqliteStoryStore.open(other)) {
      Lineage lineage = lineageOver(s, st);
      long anchors = 0;
      for (int n = 0; n < Lineage.RECENT_PROFILES + 20; n++) {
        stored(s, lineage, "town-" + n, townBudget(n));
        if (n < 20) {
          anchors += Signature.of(townBudget(n)).anchors().size();
        }
      }
      assertEquals(List.of(20L, anchors), java.util.Arrays.stream(lineage.keptSignatures()).boxed().toList());
      lineage.reload();
      assertEquals(List.of(0L, 0L), java.util.Arrays.stream(lineage.keptSignatures()).boxed().toList());
    }
  }

  /**
   * An original whose profile was dropped before its translation came is read back and compared by the signature kept
   * of it: the translation's links are those of a lineage that made the original's signature again from the store.
   */
  @Test
  void aTranslationOfAnArticleWhoseProfileWasDroppedGetsTheLinksOfSignaturesMadeAgain(@TempDir Path one,
      @TempDir Path two) throws IOException {
    List<List<Link>> links = new java.util.ArrayList<>();
    List<Long> originals = new java.util.ArrayList<>();
    for (Path in : List.of(one, two)) {
      try (SqliteStore s = SqliteStore.open(in); SqliteStoryStore st = SqliteStoryStore.open(in)) {
        Lineage lineage = lineageOver(s, st);
        originals.add(stored(s, lineage, "en", undatedEnglishPort()));
        for (int n = 0; n < Lineage.RECENT_PROFILES + 5; n++) {
          stored(s, lineage, "town-" + n, townBudget(n));
        }
        if (in.equals(two)) {
          lineage.reload(); // no profile nor signature kept: each made again from the stored analysis
        } else {
          assertTrue(lineage.keptSignatures()[0] > 0, "the original's signature is kept");
        }
        long it = s.put("it", undatedItalianPort()).id();
        links.add(lineage.add(it, undatedItalianPort()));
      }
    }
    assertEquals(List.of(originals.get(0)), links.get(0).stream().map(Link::related).toList(), links.get(0).toString());
    assertEquals(Link.Relation.TRANSLATION, links.get(0).get(0).relation());
    assertEquals(links.get(1), links.get(0));
  }

  /**
   * An article whose candidates (near-duplicates and story peers) are not kept, after a reload, reads their analyses in
   * one read of the store, not one a candidate, and links them all.
   */
  @Test
  void theCandidatesNotKeptAreReadInOneRead(@TempDir Path other) throws IOException {
    try (SqliteStore s = SqliteStore.open(other); SqliteStoryStore st = SqliteStoryStore.open(other)) {
      List<String> reads = new java.util.ArrayList<>();
      Lineage.Articles all = Lineage.Articles.of(s);
      Lineage lineage = new Lineage(st, new Lineage.Articles() {
        @Override
        public java.util.Optional<Analysis> analysis(long id) throws IOException {
          reads.add("one " + id);
          return all.analysis(id);
        }

        @Override
        public Map<Long, Analysis> analyses(java.util.Collection<Long> ids) throws IOException {
          reads.add("all " + new java.util.TreeSet<>(ids));
          return all.analyses(ids);
        }
      }, Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD);
      long first = stored(s, lineage, "it", Fixtures.italian("2024-05-01T10:00:00Z"));
      long second = stored(s, lineage, "copy", copyOfItalian());
      lineage.reload();
      reads.clear();
      Analysis third = Texts.analysis("terzo.example.it/airbus", "Terzo Giornale", "it", "2024-05-01T13:00:00Z",
          "Qatar Airways sceglie Airbus", Fixtures.IT_BODY + " Aggiornato alle 13.", Fixtures.IT_NAMES);
      List<Link> links = lineage.add(s.put("third", third).id(), third);
      assertEquals(List.of("all " + List.of(first, second)), reads);
      assertEquals(java.util.Set.of(first, second), links.stream().map(Link::related)
          .collect(java.util.stream.Collectors.toSet()), links.toString());
    }
  }

  /**
   * Lineage's work of each text prepared ahead on another thread ({@link Lineage#prepare}, as the cluster's writer
   * does) is taken by the additions, and they store what additions without it store: the same stories, links and
   * bands.
   */
  @Test
  void articlesPreparedAheadOnAnotherThreadGetTheStoriesLinksAndBandsOfArticlesNotPrepared(@TempDir Path other)
      throws Exception {
    List<Analysis> articles = List.of(Fixtures.english("2024-05-01T08:00:00Z"), Fixtures.italian("2024-05-01T10:00:00Z"),
        copyOfItalian(), undatedEnglishPort(), Fixtures.otherItalian(), undatedItalianPort());
    SqliteStore s = SqliteStore.open(other);
    SqliteStoryStore st = SqliteStoryStore.open(other);
    Lineage ahead = new Lineage(st, id -> s.get(id).map(StoredArticle::analysis), Stories.DEFAULT_WINDOW,
        Stories.DEFAULT_THRESHOLD);
    try (KnowledgeBase prepared = new KnowledgeBase(s, LuceneIndex.open(other.resolve("index")), null, ahead)) {
      Thread reading = Thread.ofPlatform().start(() -> articles.forEach(ahead::prepare));
      reading.join();
      assertEquals(articles.size(), ahead.preparedTexts());
      int links = 0;
      for (int i = 0; i < articles.size(); i++) {
        long id = add("article-" + i, articles.get(i));
        assertEquals(id, prepared.add("article-" + i, articles.get(i)).id());
        assertEquals(stories.storyOf(id), st.storyOf(id));
        assertEquals(stories.links(id), st.links(id));
        links += stories.links(id).size();
      }
      assertEquals(0, ahead.preparedTexts(), "each prepared text taken by its addition");
      assertTrue(links > 0, "no links: nothing compared");
      assertEquals(bands(dir), bands(other));
    }
  }

  /**
   * A batch whose rows are held until its end ({@link Lineage#holdWrites}, as the cluster's writer does), where later
   * articles find earlier ones of the batch as near-duplicates (by their held bands), translations (by their held
   * anchors) and story peers, and one article is stored again (its rows written first), stores what the same articles
   * written one by one store: the same stories, links, terms, bands and anchors, row for row.
   */
  @Test
  void aBatchHeldUntilItsEndStoresWhatArticlesWrittenOneByOneStore(@TempDir Path other) throws Exception {
    List<Analysis> articles = List.of(Fixtures.english("2024-05-01T08:00:00Z"), Fixtures.italian("2024-05-01T10:00:00Z"),
        copyOfItalian(), undatedEnglishPort(), Fixtures.otherItalian(), undatedItalianPort());
    SqliteStore s = SqliteStore.open(other);
    SqliteStoryStore st = SqliteStoryStore.open(other);
    Lineage holding = new Lineage(st, id -> s.get(id).map(StoredArticle::analysis), Stories.DEFAULT_WINDOW,
        Stories.DEFAULT_THRESHOLD).holdWrites();
    try (KnowledgeBase batch = new KnowledgeBase(s, LuceneIndex.open(other.resolve("index")), null, holding)) {
      List<String> keys = new java.util.ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        keys.add("article-" + i);
      }
      keys.add("article-2"); // stored again, in the same batch as its first version
      List<Analysis> texts = new java.util.ArrayList<>(articles);
      texts.add(Texts.analysis("altro.example.it/airbus", "Altro Giornale", "it", "2024-05-01T13:00:00Z",
          "Qatar Airways sceglie Airbus", Fixtures.IT_BODY + " Aggiornato alle 13.", Fixtures.IT_NAMES));
      for (int i = 0; i < keys.size(); i++) {
        if (i == articles.size()) { // before the article stored again, which writes the held rows first
          assertFalse(st.articlesWithoutStory().isEmpty(), "nothing held: every article's story is stored already");
        }
        long id = add(keys.get(i), texts.get(i));
        assertEquals(id, batch.add(keys.get(i), texts.get(i)).id());
      }
      batch.writeHeld();
      assertEquals(List.of(), st.articlesWithoutStory());
      List<Link.Relation> relations = new java.util.ArrayList<>();
      for (long id = 1; id <= articles.size(); id++) {
        assertEquals(stories.storyOf(id), st.storyOf(id));
        assertEquals(stories.links(id), st.links(id));
        stories.links(id).forEach(l -> relations.add(l.relation()));
      }
      assertTrue(relations.contains(Link.Relation.NEAR_DUPLICATE) && relations.contains(Link.Relation.TRANSLATION),
          "the batch's articles do not find each other: " + relations);
      assertEquals(storyTables(dir), storyTables(other));
    }
  }

  /**
   * A held batch whose texts are all prepared before the first is added, so that the first addition looks up the bands
   * of all of them at once ({@link Lineage#BANDS_AHEAD}), with its held rows written after the second article (before
   * the near-duplicate third, which then finds the second among the bands written since the lookup) and one article
   * stored again (its bands written outside the held rows), stores what the same articles written one by one store.
   */
  @Test
  void aBatchWhoseBandsAreLookedUpAheadStoresWhatArticlesWrittenOneByOneStore(@TempDir Path other) throws Exception {
    List<Analysis> texts = new java.util.ArrayList<>(List.of(Fixtures.english("2024-05-01T08:00:00Z"),
        Fixtures.italian("2024-05-01T10:00:00Z"), copyOfItalian(), undatedEnglishPort(), Fixtures.otherItalian(),
        undatedItalianPort()));
    texts.add(texts.get(2)); // stored again
    texts.add(Texts.analysis("altro.example.it/airbus", "Altro Giornale", "it", "2024-05-01T13:00:00Z",
        "Qatar Airways sceglie Airbus", Fixtures.IT_BODY + " Aggiornato alle 13.", Fixtures.IT_NAMES));
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      keys.add("article-" + (i == 6 ? 2 : i));
    }
    SqliteStore s = SqliteStore.open(other);
    SqliteStoryStore st = SqliteStoryStore.open(other);
    Lineage holding = new Lineage(st, id -> s.get(id).map(StoredArticle::analysis), Stories.DEFAULT_WINDOW,
        Stories.DEFAULT_THRESHOLD).holdWrites();
    try (KnowledgeBase batch = new KnowledgeBase(s, LuceneIndex.open(other.resolve("index")), null, holding)) {
      for (int i = 0; i < texts.size(); i++) {
        batch.prepare(keys.get(i), texts.get(i));
      }
      List<Link.Relation> relations = new java.util.ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        long id = add(keys.get(i), texts.get(i));
        assertEquals(id, batch.add(keys.get(i), texts.get(i)).id());
        if (i == 1) {
          batch.writeHeld();
        }
      }
      batch.writeHeld();
      for (long id = 1; id <= 6; id++) {
        assertEquals(stories.storyOf(id), st.storyOf(id));
        assertEquals(stories.links(id), st.links(id));
        stories.links(id).forEach(l -> relations.add(l.relation()));
      }
      assertTrue(relations.contains(Link.Relation.NEAR_DUPLICATE), "no near-duplicates found: " + relations);
      assertEquals(storyTables(dir), storyTables(other));
    }
  }

  /** Rows held for a transaction that rolled back are dropped by the reload that follows: none is written after it. */
  @Test
  void heldRowsAreDroppedByAReload(@TempDir Path other) throws Exception {
    SqliteStore s = SqliteStore.open(other);
    SqliteStoryStore st = SqliteStoryStore.open(other);
    Lineage holding = new Lineage(st, id -> s.get(id).map(StoredArticle::analysis), Stories.DEFAULT_WINDOW,
        Stories.DEFAULT_THRESHOLD).holdWrites();
    try (KnowledgeBase batch = new KnowledgeBase(s, LuceneIndex.open(other.resolve("index")), null, holding)) {
      long en = batch.add("en", Fixtures.english("2024-05-01T08:00:00Z")).id();
      long it = batch.add("it", Fixtures.italian("2024-05-01T10:00:00Z")).id();
      holding.reload();
      batch.writeHeld();
      assertEquals(List.of(en, it), st.articlesWithoutStory());
      assertEquals(List.of(), storyTables(other));
    }
  }

  /**
   * The story tables of the SQLite store in {@code folder}, each row as its columns joined, in key order: the stories
   * (not when they were updated), the articles' places, terms, links, bands and anchors.
   */
  private static List<String> storyTables(Path folder) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(SqliteStore.FILE))) {
      for (String sql : List.of(
          "SELECT id, title, first_published, last_published, story, centroid FROM stories ORDER BY id",
          "SELECT article_id, story_id, score FROM story_articles ORDER BY article_id",
          "SELECT term, df FROM story_terms ORDER BY term",
          "SELECT article_id, related_id, relation, direction, score, evidence FROM links ORDER BY 1, 2",
          "SELECT band_key, article_id, language FROM lsh_bands ORDER BY 1, 2",
          "SELECT term, article_id, language FROM anchor_postings ORDER BY 1, 2",
          "SELECT term, articles FROM anchor_terms ORDER BY term")) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(sql.substring(sql.indexOf(" FROM ") + 6, sql.indexOf(" ORDER")));
            for (int i = 1; i <= columns; i++) {
              row.append(" | ").append(rs.getString(i));
            }
            out.add(row.toString());
          }
        }
      }
    }
    return out;
  }

  /** Texts are added in the order they were prepared: the one added takes its own and drops those before it. */
  @Test
  void addingAPreparedTextDropsThosePreparedBeforeIt() throws IOException {
    lineage.prepare(undatedEnglishPort());
    lineage.prepare(Fixtures.otherItalian());
    lineage.prepare(undatedItalianPort());
    add("other-it", Fixtures.otherItalian());
    assertEquals(1, lineage.preparedTexts());
    add("it", undatedItalianPort());
    assertEquals(0, lineage.preparedTexts());
  }

  /** The LSH bands stored in the SQLite store in {@code folder}: "band article language", sorted. */
  private static List<String> bands(Path folder) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(SqliteStore.FILE));
        PreparedStatement ps = c.prepareStatement("SELECT band_key, article_id, language FROM lsh_bands "
            + "ORDER BY band_key, article_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3));
      }
    }
    return out;
  }

  @Test
  void theItalianArticleLinksToItsEnglishOriginal() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    Link link = stories.links(it).get(0);
    assertEquals(en, link.related());
    assertEquals(Link.Relation.TRANSLATION, link.relation());
    assertEquals(Direction.ORIGINAL, link.direction());
    assertTrue(link.evidence().stream().anyMatch(e -> e.kind().equals("aligned-passage")), link.evidence().toString());
  }

  @Test
  void aTranslationIsStoredAsDerivedFromItsOriginal() throws IOException, SQLException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        PreparedStatement ps = c.prepareStatement("SELECT article_id, original_id, relation FROM derived_from")) {
      ResultSet rs = ps.executeQuery();
      assertTrue(rs.next(), "one derived-from row");
      assertEquals(it, rs.getLong(1));
      assertEquals(en, rs.getLong(2));
      assertEquals("translation", rs.getString(3));
      assertFalse(rs.next(), "the original is derived from nothing");
    }
  }

  @Test
  void anArticleDerivesFromTheVersionItIsClosestToNotFromEachVersion() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    long copy = add("copy", copyOfItalian()); // the Italian lightly edited, published after both
    List<Link> links = stories.links(copy);
    assertEquals(List.of(it), links.stream().filter(Link::derivedFrom).map(Link::related).toList(), links.toString());
    Link toEnglish = links.stream().filter(l -> l.related() == en).findFirst().orElseThrow();
    assertEquals(Direction.UNKNOWN, toEnglish.direction(), toEnglish.toString());
    assertTrue(toEnglish.evidence().stream().anyMatch(e -> e.kind().equals("closer-version")
        && e.note().startsWith("this article derives from https://notizie.example.it/airbus-qatar, a version of the related one")),
        toEnglish.evidence().toString());
  }

  @Test
  void aVersionAddedLaterIsNotTheOriginalOfACopyThatDerivesFromACloserOne() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z")); // translated from en
    String edited = Fixtures.EN_BODY.replace("15.5 billion", "16 billion") + " The airline confirmed the figures.";
    long wire = add("wire", Texts.analysis("wire.example.com/airbus", "Example Wire", "en", "2024-05-01T09:00:00Z",
        "Airbus wins Qatar order", edited, Fixtures.EN_NAMES)); // an edited copy of en, stored last
    Link toItalian = stories.links(wire).stream().filter(l -> l.related() == it).findFirst().orElseThrow();
    assertEquals(Direction.UNKNOWN, toItalian.direction(), toItalian.toString());
    assertTrue(toItalian.evidence().stream().anyMatch(e -> e.kind().equals("closer-version")
        && e.note().startsWith("the related article derives from https://news.example.com/airbus-qatar, a version of this one")),
        toItalian.evidence().toString());
    assertEquals(List.of(en), stories.links(it).stream().filter(Link::derivedFrom).map(Link::related).toList());
  }

  @Test
  void aCloserVersionStoredLaterBecomesTheOriginalInsteadOfTheFartherOne() throws IOException {
    String edited = Fixtures.EN_BODY.replace("15.5 billion", "16 billion") + " The airline confirmed the figures.";
    long wire = add("wire", Texts.analysis("wire.example.com/airbus", "Example Wire", "en", "2024-05-01T09:00:00Z",
        "Airbus wins Qatar order", edited, Fixtures.EN_NAMES));
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z")); // translated from en, not yet stored
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    List<Link> links = stories.links(it);
    assertEquals(List.of(en), links.stream().filter(Link::derivedFrom).map(Link::related).toList(), links.toString());
    Link toWire = links.stream().filter(l -> l.related() == wire).findFirst().orElseThrow();
    assertTrue(toWire.evidence().stream().anyMatch(e -> e.kind().equals("closer-version")
        && e.note().startsWith("this article derives from https://news.example.com/airbus-qatar, a version of the related one")),
        toWire.evidence().toString());
  }

  @Test
  void aTranslationThatChangedANumberShowsTheChange() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long copy = add("copy", copyOfItalian()); // says 16 miliardi where the English says 15.5 billion
    Link link = stories.links(copy).stream().filter(l -> l.related() == en).findFirst().orElseThrow();
    assertEquals(Link.Relation.TRANSLATION, link.relation());
    assertTrue(link.evidence().stream().anyMatch(e -> e.kind().equals("changed-number")
        && e.note().equals("numbers [16] here, [15.5] there")), link.evidence().toString());
  }

  @Test
  void clockTimesInTwoConventionsAreNoChangedNumber() {
    Analysis en = Texts.analysis("a", null, "en", null, "t",
        "The Airbus A380 landed in Singapore at 6:40 p.m. after a flight of 12 hours.", Fixtures.EN_NAMES);
    Analysis it = Texts.analysis("b", null, "it", null, "t",
        "L'Airbus A380 è atterrato a Singapore alle 18:40 dopo un volo di 12 ore.", Fixtures.IT_NAMES);
    List<Evidence> changes = Lineage.translationChanges(it, Signature.of(it), en, Signature.of(en));
    assertTrue(changes.isEmpty(), changes.toString());
    Analysis changed = Texts.analysis("c", null, "it", null, "t",
        "L'Airbus A380 è atterrato a Singapore alle 18:40 dopo un volo di 14 ore.", Fixtures.IT_NAMES);
    assertEquals("numbers [14] here, [12] there",
        Lineage.translationChanges(changed, Signature.of(changed), en, Signature.of(en)).get(0).note());
  }

  @Test
  void aTranslationThatReplacedTheOutletShowsTheChange() throws IOException {
    String credit = " Airbus will deliver the first 12 jets in 2026, a spokesman told NK News.";
    long en = add("en", Texts.analysis("news.example.com/airbus-qatar", "Example News", "en", "2024-05-01T08:00:00Z",
        "Airbus wins Qatar Airways order", Fixtures.EN_BODY + credit, Fixtures.EN_NAMES));
    String credito = " Airbus consegnerà i primi 12 aerei nel 2026, ha detto un portavoce a Notizie Oggi.";
    long it = add("it", Texts.analysis("oggi.example.it/airbus", "Notizie Oggi", "it", "2024-05-01T10:00:00Z",
        "Airbus vince l'ordine di Qatar Airways", Fixtures.IT_BODY + credito, Fixtures.IT_NAMES));
    Link link = stories.links(it).stream().filter(l -> l.related() == en).findFirst().orElseThrow();
    List<String> notes = link.evidence().stream().filter(e -> e.kind().equals("changed-outlet")).map(Evidence::note)
        .toList();
    assertTrue(notes.contains("names Notizie Oggi here, NK News there"), notes.toString());
  }

  @Test
  void aFollowUpInAnotherLanguageIsTheSameStoryNotATranslation() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long followUp = add("follow-up", Fixtures.followUpItalian());
    Link link = stories.links(followUp).stream().filter(l -> l.related() == en).findFirst().orElseThrow();
    assertEquals(Link.Relation.SAME_STORY, link.relation(), link.evidence().toString());
  }

  @Test
  void theLinkIsStoredFromBothSides() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    Link back = stories.links(en).get(0);
    assertEquals(it, back.related());
    assertEquals(Direction.COPY, back.direction());
  }

  @Test
  void aLightlyEditedCopyIsANearDuplicateWithItsChangedNumber() throws IOException {
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    long copy = add("copy", copyOfItalian());
    Link link = stories.links(copy).stream().filter(l -> l.related() == it).findFirst().orElseThrow();
    assertEquals(Link.Relation.NEAR_DUPLICATE, link.relation());
    assertEquals(Direction.ORIGINAL, link.direction(), link.evidence().toString());
    assertTrue(link.evidence().stream().anyMatch(e -> e.kind().equals("changed-number") && e.note().contains("16")),
        link.evidence().toString());
  }

  @Test
  void articlesOfOneNewsShareAStoryAndOthersDoNot() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    long other = add("other", Fixtures.otherItalian());
    assertEquals(stories.storyOf(en), stories.storyOf(it));
    assertTrue(!stories.storyOf(other).equals(stories.storyOf(en)));
    Story s = stories.story(stories.storyOf(en).orElseThrow()).orElseThrow();
    assertEquals(List.of(en, it), s.articles());
  }

  @Test
  void anArticleAfterARestartJoinsTheStoryStoredBefore() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    kb.close();
    open();
    long it = add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    assertEquals(stories.storyOf(en), stories.storyOf(it));
    assertEquals(List.of(en, it), stories.story(stories.storyOf(en).orElseThrow()).orElseThrow().articles());
  }

  @Test
  void termCountsSurviveARestart() throws IOException {
    add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    add("it", Fixtures.italian("2024-05-01T10:00:00Z")); // a duplicate counts nothing
    kb.close();
    open();
    assertEquals(2, stories.countedArticles());
    assertEquals(2, stories.termCounts().get("E:qatar airways"));
    assertTrue(!stories.termCounts().containsKey(""), stories.termCounts().keySet().toString());
  }

  @Test
  void anArticleStoredAgainAfterItsStoryClosedKeepsIt() throws IOException {
    kb.close();
    store = SqliteStore.open(dir);
    stories = SqliteStoryStore.open(dir);
    Lineage one = new Lineage(stories, id -> store.get(id).map(StoredArticle::analysis),
        new Stories(Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD, 1, 1));
    kb = new KnowledgeBase(store, LuceneIndex.open(dir.resolve("index")), null, one);
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long story = stories.storyOf(en).orElseThrow();
    add("other", Fixtures.otherItalian()); // closes the Airbus story
    assertEquals(en, add("en", Fixtures.english("2024-05-02T08:00:00Z"))); // changed: stored again
    assertEquals(story, stories.storyOf(en).orElseThrow());
    assertEquals(List.of(en), stories.story(story).orElseThrow().articles());
  }

  @Test
  void anArticleStoredWhoseLineageNeverRanIsCaughtUp() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long it = store.put("it", Fixtures.italian("2024-05-01T10:00:00Z")).id(); // as if killed before its lineage
    assertEquals(List.of(it), kb.behind());
    assertEquals(1, kb.catchUpStories());
    assertTrue(kb.behind().isEmpty());
    assertEquals(stories.storyOf(en), stories.storyOf(it));
    assertEquals(en, stories.links(it).get(0).related());
  }

  @Test
  void storyIdsContinueAfterReopening() throws IOException {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    long first = stories.storyOf(en).orElseThrow();
    kb.close();
    open();
    long other = add("other", Fixtures.otherItalian());
    assertTrue(stories.storyOf(other).orElseThrow() > first);
    assertTrue(stories.story(first).isPresent());
  }

  @Test
  void anArticleWhoseStoryFailsIsKeptRecordedAndRetriedWithoutStoppingTheNext() throws Exception {
    long en = add("en", Fixtures.english("2024-05-01T08:00:00Z"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lente.db"));
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TRIGGER refuse BEFORE INSERT ON story_articles WHEN NEW.article_id = " + (en + 1)
          + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    }
    KnowledgeBase.Added it = kb.add("it", Fixtures.italian("2024-05-01T10:00:00Z"));
    assertEquals(en + 1, it.id());
    assertEquals(ArticleFailure.Stage.STORY, it.failure().stage());
    assertTrue(it.failure().reason().contains("refused by the test"), it.failure().reason());
    long other = add("other", Fixtures.otherItalian());
    assertTrue(stories.storyOf(other).isPresent());
    assertEquals(List.of(it.id()), kb.reader().failures().stream().map(ArticleFailure::article).toList());

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lente.db"));
        java.sql.Statement st = c.createStatement()) {
      st.execute("DROP TRIGGER refuse");
    }
    assertEquals(1, kb.catchUpStories());
    assertTrue(kb.reader().failures().isEmpty());
    assertEquals(stories.storyOf(en), stories.storyOf(it.id()));
  }
}
