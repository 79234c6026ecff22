package org.lente.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.store.StoredArticle;

/**
 * The behaviour every {@link SearchIndex} has: {@link LuceneIndexTest} runs it on a Lucene index in a
 * temporary folder, {@link OpenSearchIndexTest} on an index of a real OpenSearch node. Each test gets a new,
 * empty index from {@link #newIndex}.
 */
abstract class SearchIndexContract {

  protected SearchIndex index;

  /** A new, empty index. */
  protected abstract SearchIndex newIndex() throws Exception;

  @BeforeEach
  void open() throws Exception {
    index = newIndex();
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  // ---- fixtures

  /** An article under construction; {@link #stored} makes it. */
  static final class Fixture {
    long id;
    int version = 1;
    String language = "it";
    String title = "Titolo";
    String body = "Testo.";
    String published = "2024-06-19";
    String site = "Il Quotidiano";
    String url;
    List<String> authors = List.of();
    List<Entity> entities = new ArrayList<>();

    Fixture(long id) {
      this.id = id;
      this.url = "https://example.org/" + id;
    }

    Fixture lang(String l) { language = l; return this; }
    Fixture title(String t) { title = t; return this; }
    Fixture body(String b) { body = b; return this; }
    Fixture published(String p) { published = p; return this; }
    Fixture site(String s) { site = s; return this; }
    Fixture url(String u) { url = u; return this; }
    Fixture version(int v) { version = v; return this; }
    Fixture authors(String... a) { authors = List.of(a); return this; }

    Fixture entity(Entity.Type type, String canonical) {
      entities.add(new Entity(canonical, type, 0, canonical.length(), canonical, null));
      return this;
    }

    StoredArticle stored() {
      List<Block> blocks = Arrays.stream(body.split("\n\n")).map(p -> new Block(Block.Type.PARAGRAPH, p)).toList();
      Article article = new Article(url, url, title, null, authors, site, null, List.of(), published, null, null,
          language, blocks, null, List.of());
      Analysis analysis = new Analysis(article, language, published, List.of(), entities, List.of(), List.of(),
          List.of());
      return new StoredArticle(id, url, "hash" + id + "v" + version, version, Instant.EPOCH, analysis);
    }
  }

  static Fixture article(long id) {
    return new Fixture(id);
  }

  void put(Fixture... fixtures) throws IOException {
    for (Fixture f : fixtures) {
      index.put(f.stored());
    }
    index.commit();
  }

  SearchHits search(String text) throws IOException {
    return index.search(SearchQuery.of(text));
  }

  static List<Long> ids(SearchHits hits) {
    return hits.hits().stream().map(SearchHits.Hit::id).sorted().toList();
  }

  private static SearchQuery filtered(List<String> entities, List<String> types, String source, String author,
      String language, LocalDate from, LocalDate to) {
    return new SearchQuery("", entities, types, source, author, language, from, to, 10, null);
  }

  private static SearchQuery faceted(String facet) {
    return new SearchQuery("", null, null, null, null, null, null, null, 10, List.of(facet));
  }

  // ---- full text

  @Test
  void italianPluralFindsSingular() throws IOException {
    put(article(1).body("Il Consiglio ha approvato una nuova sanzione contro la Russia."),
        article(2).body("Il porto di Livorno apre la nuova banchina."));
    assertEquals(List.of(1L), ids(search("sanzioni")));
  }

  @Test
  void englishPluralFindsSingular() throws IOException {
    put(article(1).lang("en").body("The council approved a new sanction against the regime."),
        article(2).lang("en").body("The harbour bridge will reopen on Friday."));
    assertEquals(List.of(1L), ids(search("sanctions")));
  }

  @Test
  void allWordsMustBeThere() throws IOException {
    put(article(1).body("Il porto di Livorno apre la nuova banchina."),
        article(2).body("Il porto di Genova resta chiuso."));
    assertEquals(List.of(1L), ids(search("porto Livorno")));
  }

  @Test
  void titleWordsAreSearched() throws IOException {
    put(article(1).title("Elezioni a Napoli").body("Si vota domenica."), article(2).body("Si vota domenica."));
    assertEquals(List.of(1L), ids(search("elezione")));
  }

  @Test
  void wordsMayBeSplitBetweenTitleAndBody() throws IOException {
    put(article(1).title("Elezioni a Napoli").body("Si vota domenica."), article(2).body("Si vota domenica."));
    assertEquals(List.of(1L), ids(search("elezioni domenica")));
  }

  @Test
  void aPhraseKeepsThePlaceOfItsStopWords() throws IOException {
    put(article(1).body("Il consiglio del popolo si riunisce."), article(2).body("Il consiglio popolo si riunisce."));
    assertEquals(List.of(1L), ids(search("\"consiglio del popolo\"")));
  }

  @Test
  void phraseNeedsWordsTogetherInOrder() throws IOException {
    put(article(1).body("Riunione del consiglio europeo a Bruxelles."),
        article(2).body("Il consiglio comunale ha un progetto europeo."));
    assertEquals(List.of(1L), ids(search("\"consiglio europeo\"")));
  }

  @Test
  void excludedWordRemovesArticlesInEveryLanguage() throws IOException {
    put(article(1).body("La guerra in Libia."), article(2).body("La pace in Libia."),
        article(3).lang("en").body("The war in Libya."));
    assertEquals(List.of(2L, 3L), ids(search("-guerra")));
  }

  @Test
  void otherLanguagesAreSearchedWithoutStemming() throws IOException {
    put(article(1).lang("de").body("Die Regierung hat neue Sanktionen beschlossen."));
    assertEquals(List.of(1L), ids(search("Sanktionen")));
  }

  // ---- malformed queries

  @Test
  void colonIsPunctuationNotAFieldName() throws IOException {
    put(article(1).body("Libia, Gheddafi lascia Tripoli."), article(2).body("Gheddafi parla alla televisione."));
    assertEquals(List.of(1L), ids(search("Libia: Gheddafi")));
  }

  @Test
  void slashIsPunctuationNotARegularExpression() throws IOException {
    put(article(1).body("Aperto 24 ore su 7."));
    assertEquals(List.of(1L), ids(search("24/7")));
  }

  @Test
  void unbalancedQuoteIsSearchedAsWords() throws IOException {
    put(article(1).body("Il porto di Livorno apre la nuova banchina."), article(2).body("Altro testo."));
    assertEquals(List.of(1L), ids(search("\"porto Livorno")));
  }

  @Test
  void danglingOperatorIsDropped() throws IOException {
    put(article(1).body("Il porto di Livorno apre la nuova banchina."), article(2).body("Altro testo."));
    assertEquals(List.of(1L), ids(search("Livorno AND")));
  }

  @Test
  void loneOperatorIsRejected() throws IOException {
    put(article(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search("AND"));
    assertTrue(e.getMessage().contains("\"AND\""), e.getMessage());
  }

  @Test
  void syntaxCharactersAloneAreRejected() throws IOException {
    put(article(1));
    assertThrows(IllegalArgumentException.class, () -> search("((( ]"));
  }

  // ---- bounded searches

  @Test
  void aRepeatedFuzzyTermIsSearchedOnce() throws IOException {
    put(article(1).body("Il governo approva la legge."), article(2).body("Altro testo."));
    assertEquals(List.of(1L), ids(search("governi~2 ".repeat(200))));
  }

  @Test
  void moreFuzzyTermsThanTheLimitAreRefusedNamingIt() throws IOException {
    put(article(1).body("Il governo approva la legge."));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> search("governo~ legge~ approva~ porto~ ponte~ strada~"));
    assertTrue(e.getMessage().contains("at most " + LuceneIndex.MAX_FUZZY_TERMS + " per search"), e.getMessage());
  }

  @Test
  void moreWildcardTermsThanTheLimitAreRefusedNamingIt() throws IOException {
    put(article(1).body("Il governo approva la legge."));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> search("gov* leg* appr?va port* pont* [a TO c]"));
    assertTrue(e.getMessage().contains("at most " + LuceneIndex.MAX_WILDCARD_TERMS + " per search"), e.getMessage());
  }

  @Test
  void moreWordsThanTheLimitAreRefusedNamingIt() throws IOException {
    put(article(1).body("Il governo approva la legge."));
    StringBuilder words = new StringBuilder();
    for (int i = 0; i <= LuceneIndex.MAX_TERMS; i++) {
      words.append(" n").append(i);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search(words.toString()));
    assertTrue(e.getMessage().contains("at most " + LuceneIndex.MAX_TERMS + " per search"), e.getMessage());
  }

  // ---- filters

  @Test
  void entityFilterNeedsEveryName() throws IOException {
    put(article(1).entity(Entity.Type.PER, "Vladimir Putin").entity(Entity.Type.PER, "Kim Jong Un"),
        article(2).entity(Entity.Type.PER, "Vladimir Putin"),
        article(3).entity(Entity.Type.PER, "Putin"));
    assertEquals(List.of(1L, 2L),
        ids(index.search(filtered(List.of("Vladimir Putin"), null, null, null, null, null, null))));
    assertEquals(List.of(1L),
        ids(index.search(filtered(List.of("Vladimir Putin", "Kim Jong Un"), null, null, null, null, null, null))));
  }

  @Test
  void typeFilterNeedsOneOfTheTypes() throws IOException {
    put(article(1).entity(Entity.Type.ORG, "NATO"), article(2).entity(Entity.Type.LOC, "Libia"),
        article(3).entity(Entity.Type.PER, "Mario Rossi"));
    assertEquals(List.of(1L, 2L),
        ids(index.search(filtered(null, List.of("ORG", "loc"), null, null, null, null, null))));
  }

  @Test
  void sourceFilterIsExact() throws IOException {
    put(article(1).site("Il Quotidiano"), article(2).site("La Gazzetta"));
    assertEquals(List.of(2L), ids(index.search(filtered(null, null, "La Gazzetta", null, null, null, null))));
  }

  @Test
  void sourceIsTheUrlHostWhenTheSiteIsUnknown() throws IOException {
    put(article(1).site(null).url("https://www.ansa.it/notizia/1"));
    SearchHits hits = index.search(filtered(null, null, "ansa.it", null, null, null, null));
    assertEquals("ansa.it", hits.hits().get(0).source());
  }

  @Test
  void authorFilterMatchesAnyOfTheAuthors() throws IOException {
    put(article(1).authors("Jane Doe", "John Roe"), article(2).authors("John Roe"), article(3).authors("Ann Poe"));
    assertEquals(List.of(1L, 2L), ids(index.search(filtered(null, null, null, "John Roe", null, null, null))));
  }

  @Test
  void languageFilter() throws IOException {
    put(article(1).lang("it"), article(2).lang("en").body("Text."), article(3).lang("it-IT"));
    assertEquals(List.of(1L, 3L), ids(index.search(filtered(null, null, null, null, "it", null, null))));
  }

  @Test
  void dateRangeIncludesBothEnds() throws IOException {
    put(article(1).published("2024-06-01"), article(2).published("2024-06-30T23:30:00+02:00"),
        article(3).published("2024-05-31"), article(4).published("2024-07-01T00:10:00Z"));
    SearchQuery june = filtered(null, null, null, null, null, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));
    assertEquals(List.of(1L, 2L), ids(index.search(june)));
  }

  @Test
  void openRangeExcludesUndatedArticles() throws IOException {
    put(article(1).published("2024-06-01"), article(2).published(null), article(3).published("not a date"));
    SearchQuery since2000 = filtered(null, null, null, null, null, LocalDate.of(2000, 1, 1), null);
    assertEquals(List.of(1L), ids(index.search(since2000)));
  }

  @Test
  void filtersApplyToTextQueries() throws IOException {
    put(article(1).body("Sanzione alla Russia.").site("A"), article(2).body("Sanzione alla Russia.").site("B"));
    SearchQuery q = new SearchQuery("sanzioni", null, null, "B", null, null, null, null, 10, null);
    assertEquals(List.of(2L), ids(index.search(q)));
  }

  // ---- facets

  @Test
  void entityFacetCountsArticlesNotMentions() throws IOException {
    put(article(1).entity(Entity.Type.PER, "Vladimir Putin").entity(Entity.Type.PER, "Vladimir Putin"),
        article(2).entity(Entity.Type.PER, "Vladimir Putin").entity(Entity.Type.ORG, "NATO"),
        article(3).entity(Entity.Type.ORG, "NATO"), article(4).entity(Entity.Type.PER, "Vladimir Putin"));
    assertEquals(Map.of("Vladimir Putin", 3L, "NATO", 2L), index.search(faceted("entity")).facets().get("entity"));
  }

  @Test
  void facetValuesComeMostFrequentFirst() throws IOException {
    put(article(1).entity(Entity.Type.ORG, "ONU"), article(2).entity(Entity.Type.ORG, "NATO"),
        article(3).entity(Entity.Type.ORG, "NATO"));
    assertEquals(List.of("NATO", "ONU"), List.copyOf(index.search(faceted("entity")).facets().get("entity").keySet()));
  }

  @Test
  void typeFacet() throws IOException {
    put(article(1).entity(Entity.Type.PER, "A").entity(Entity.Type.PER, "B"),
        article(2).entity(Entity.Type.PER, "C").entity(Entity.Type.LOC, "Roma"), article(3));
    assertEquals(Map.of("PER", 2L, "LOC", 1L), index.search(faceted("type")).facets().get("type"));
  }

  @Test
  void sourceFacet() throws IOException {
    put(article(1).site("A"), article(2).site("A"), article(3).site("B"));
    assertEquals(Map.of("A", 2L, "B", 1L), index.search(faceted("source")).facets().get("source"));
  }

  @Test
  void authorFacet() throws IOException {
    put(article(1).authors("Jane Doe", "John Roe"), article(2).authors("John Roe"), article(3));
    assertEquals(Map.of("John Roe", 2L, "Jane Doe", 1L), index.search(faceted("author")).facets().get("author"));
  }

  @Test
  void languageFacet() throws IOException {
    put(article(1).lang("it"), article(2).lang("it"), article(3).lang("en").body("Text."));
    assertEquals(Map.of("it", 2L, "en", 1L), index.search(faceted("language")).facets().get("language"));
  }

  @Test
  void yearFacet() throws IOException {
    put(article(1).published("2023-12-31"), article(2).published("2024-01-01T08:00:00+01:00"),
        article(3).published("2024-05-02"), article(4).published(null));
    assertEquals(Map.of("2024", 2L, "2023", 1L), index.search(faceted("year")).facets().get("year"));
  }

  @Test
  void facetsCountAllMatchesNotOnlyTheHitsReturned() throws IOException {
    for (int i = 1; i <= 30; i++) {
      String body = i % 3 == 0 ? "Sanzione alla Russia." : "Porto di Livorno.";
      index.put(article(i).body(body).site("S" + (i % 2)).stored());
    }
    index.commit();
    SearchHits hits = index.search(new SearchQuery("sanzioni", null, null, null, null, null, null, null, 2,
        List.of("source")));
    assertEquals(10, hits.total());
    assertEquals(2, hits.hits().size());
    assertEquals(Map.of("S0", 5L, "S1", 5L), hits.facets().get("source"));
  }

  @Test
  void facetOnAnEmptyIndexIsEmpty() throws IOException {
    assertEquals(Map.of(), index.search(faceted("entity")).facets().get("entity"));
  }

  // ---- hits and snippets

  @Test
  void snippetMarksMatchedWordsAndEscapesTheRest() throws IOException {
    put(article(1).body("Nuove sanzioni contro <Mosca> & i suoi alleati."));
    assertEquals("Nuove <b>sanzioni</b> contro &lt;Mosca&gt; &amp; i suoi alleati.",
        search("sanzione").hits().get(0).snippet());
  }

  @Test
  void snippetsAreEscapedAsTheReaderEscapes() throws IOException {
    put(article(1).body("L'ANSA/AGI \u0007riporta sanzioni \"dure\"."));
    assertEquals("L&#39;ANSA/AGI riporta <b>sanzioni</b> &quot;dure&quot;.", search("sanzione").hits().get(0).snippet());
    assertEquals("L&#39;ANSA/AGI riporta sanzioni &quot;dure&quot;.", search("").hits().get(0).snippet());
  }

  @Test
  void snippetIsTheBestPassageOfALongBody() throws IOException {
    String filler = "Il tempo è stato bello per tutta la settimana in città. ".repeat(20);
    put(article(1).body(filler + "\n\nIl ministro ha firmato il decreto sui porti. " + filler));
    String snippet = search("decreto").hits().get(0).snippet();
    assertTrue(snippet.contains("<b>decreto</b>"), snippet);
    assertTrue(snippet.length() < 400, snippet);
  }

  @Test
  void emptyQuerySnippetIsTheStartOfTheBody() throws IOException {
    String body = "Il porto di Livorno apre la nuova banchina per le navi <elettriche>. ".repeat(10);
    put(article(1).body(body));
    String snippet = search("").hits().get(0).snippet();
    assertTrue(snippet.startsWith("Il porto di Livorno apre"), snippet);
    assertTrue(snippet.contains("&lt;elettriche&gt;"), snippet);
    assertTrue(snippet.length() <= LuceneIndex.SNIPPET_CHARS + 40, snippet);
    assertTrue(snippet.endsWith("…"), snippet);
  }

  @Test
  void emptyQueryListsNewestFirst() throws IOException {
    put(article(1).published("2024-01-01"), article(2).published(null), article(3).published("2024-06-01"));
    assertEquals(List.of(3L, 1L, 2L), search("").hits().stream().map(SearchHits.Hit::id).toList());
  }

  @Test
  void hitCarriesTheStoredFields() throws IOException {
    put(article(7).title("Elezioni a Napoli").site("Il Mattino").url("https://ilmattino.it/e")
        .published("2024-06-19T10:00:00+02:00"));
    SearchHits.Hit hit = search("elezioni").hits().get(0);
    assertEquals(new SearchHits.Hit(7, "Elezioni a Napoli", "Il Mattino", "https://ilmattino.it/e",
        "2024-06-19T10:00:00+02:00", "it", hit.score(), hit.snippet()), hit);
    assertTrue(hit.score() > 0);
  }

  @Test
  void totalCountsBeyondTheLimit() throws IOException {
    for (int i = 1; i <= 25; i++) {
      index.put(article(i).body("Porto di Livorno.").stored());
    }
    index.commit();
    SearchHits hits = search("porto");
    assertEquals(25, hits.total());
    assertEquals(10, hits.hits().size());
  }

  // ---- paging

  /** Every hit of {@code first}'s search, following the cursors page by page. */
  private List<Long> walk(SearchQuery first) throws IOException {
    List<Long> ids = new ArrayList<>();
    SearchQuery q = first;
    while (true) {
      SearchHits page = index.search(q);
      page.hits().forEach(h -> ids.add(h.id()));
      if (page.next() == null) {
        return ids;
      }
      q = q.withCursor(page.next());
    }
  }

  private static SearchQuery paged(String text, int limit) {
    return new SearchQuery(text, null, null, null, null, null, null, null, limit, null);
  }

  @Test
  void cursorsWalkEveryTextHitOnceInRankOrder() throws IOException {
    for (int i = 1; i <= 23; i++) {
      index.put(article(i).body("Porto di Livorno. " + "Il porto. ".repeat(i % 5)).stored());
    }
    index.commit();
    List<Long> all = index.search(paged("porto", 100)).hits().stream().map(SearchHits.Hit::id).toList();
    assertEquals(23, all.size());
    assertEquals(all, walk(paged("porto", 4)));
  }

  @Test
  void cursorsWalkEveryArticleOnceNewestFirst() throws IOException {
    for (int i = 1; i <= 11; i++) {
      index.put(article(i).published(i % 3 == 0 ? null : "2024-06-" + (10 + i % 4)).stored());
    }
    index.commit();
    List<Long> all = index.search(paged("", 100)).hits().stream().map(SearchHits.Hit::id).toList();
    assertEquals(11, all.size());
    assertEquals(all, walk(paged("", 3)));
  }

  @Test
  void theLastPageHasNoCursor() throws IOException {
    put(article(1), article(2));
    assertEquals(null, index.search(paged("", 2)).next());
  }

  @Test
  void laterPagesCountEveryMatch() throws IOException {
    for (int i = 1; i <= 5; i++) {
      index.put(article(i).stored());
    }
    index.commit();
    SearchHits first = index.search(paged("testo", 2));
    SearchHits second = index.search(paged("testo", 2).withCursor(first.next()));
    assertEquals(5, second.total());
    assertEquals(2, second.hits().size());
  }

  @Test
  void anArticleAddedBetweenPagesDoesNotRepeatTheOthers() throws IOException {
    for (int i = 1; i <= 6; i++) {
      index.put(article(i).published("2024-06-" + (10 + i)).stored());
    }
    index.commit();
    SearchHits first = index.search(paged("", 3));
    put(article(7).published("2024-06-30"));
    SearchHits second = index.search(paged("", 3).withCursor(first.next()));
    assertEquals(List.of(3L, 2L, 1L), second.hits().stream().map(SearchHits.Hit::id).toList());
  }

  @Test
  void aCursorOfAnotherSearchIsRejected() throws IOException {
    for (int i = 1; i <= 3; i++) {
      index.put(article(i).stored());
    }
    index.commit();
    String next = index.search(paged("testo", 1)).next();
    var e = assertThrows(IllegalArgumentException.class, () -> index.search(paged("titolo", 1).withCursor(next)));
    assertTrue(e.getMessage().contains("another search"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> index.search(paged("", 1).withCursor(next)));
  }

  @Test
  void aMalformedCursorIsRejected() throws IOException {
    put(article(1));
    for (String bad : List.of("%%", "bm90IGEgY3Vyc29y", "abc:1:2")) {
      var e = assertThrows(IllegalArgumentException.class, () -> index.search(paged("", 1).withCursor(bad)));
      assertTrue(e.getMessage().startsWith("bad cursor"), e.getMessage());
    }
  }

  // ---- lifecycle

  @Test
  void putReplacesTheEarlierVersion() throws IOException {
    put(article(1).body("Testo della prima versione."));
    put(article(1).version(2).body("Testo corretto."));
    assertEquals(1, search("").total());
    assertEquals(0, search("prima").total());
    assertEquals(Map.of(1L, 2), index.versions());
  }

  @Test
  void deleteRemovesTheArticle() throws IOException {
    put(article(1), article(2));
    index.delete(1);
    index.commit();
    assertEquals(List.of(2L), ids(search("")));
  }

  @Test
  void versionsListsEveryArticle() throws IOException {
    put(article(1).version(3), article(2), article(5).version(2));
    assertEquals(Map.of(1L, 3, 2L, 1, 5L, 2), index.versions());
  }

  @Test
  void changesAreInvisibleUntilCommit() throws IOException {
    index.put(article(1).stored());
    assertEquals(0, search("").total());
    index.commit();
    assertEquals(1, search("").total());
  }

  @Test
  void clearRemovesEverything() throws IOException {
    put(article(1), article(2));
    index.clear();
    index.commit();
    assertEquals(0, search("").total());
    assertEquals(Map.of(), index.versions());
  }

  @Test
  void threadsCanPutCommitAndSearchAtOnce() throws Exception {
    int threads = 4;
    int each = 50;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * each + 1;
        work.add(pool.submit(() -> {
          for (int id = first; id < first + each; id++) {
            index.put(article(id).body("Sanzione numero " + id + ".").stored());
            if (id % 10 == 0) {
              index.commit();
              search("sanzioni");
            }
          }
          return null;
        }));
      }
      for (var w : work) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
    index.commit();
    assertEquals(threads * each, search("sanzioni").total());
  }
}
