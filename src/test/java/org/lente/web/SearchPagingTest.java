package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.knowledge.KnowledgeBase;

/**
 * The search and quote search pages are paged by a "Next page" link that keeps the search and adds
 * the cursor. Over {@value #ITALIAN} Italian articles about Rome (one a day from 1 May 2024, each
 * with three quotes by Gualtieri and one by Rossi) and {@value #ENGLISH} English ones.
 */
class SearchPagingTest {

  static final int ITALIAN = WebRoutes.PAGE_SIZE + 5;
  static final int ENGLISH = 3;

  @TempDir
  static Path dir;
  static WebSite site;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, SearchPagingTest::fill);
  }

  private static void fill(KnowledgeBase kb) throws IOException {
    for (int i = 1; i <= ITALIAN; i++) {
      String url = "https://roma.example/" + i;
      String first = "prima frase " + i;
      String second = "seconda frase " + i;
      String third = "terza frase " + i;
      String other = "altra frase " + i;
      kb.add(url, Analyses.text("Roma, notizia numero " + i + ". Gualtieri ha detto: «" + first + "», «" + second
              + "», «" + third + "». Rossi ha risposto: «" + other + "».")
          .url(url).title("Notizia " + i).site("Roma Esempio").language("it")
          .published(String.format("2024-05-%02d", i))
          .quote(first, "Gualtieri", "Roberto Gualtieri", "dire")
          .quote(second, "Gualtieri", "Roberto Gualtieri", "dire")
          .quote(third, "Gualtieri", "Roberto Gualtieri", "dire")
          .quote(other, "Rossi", "Mario Rossi", "rispondere").build());
    }
    for (int i = 1; i <= ENGLISH; i++) {
      String url = "https://rome.example/" + i;
      kb.add(url, Analyses.text("Roma news number " + i + " in English.").url(url).title("Story " + i)
          .site("Rome Example").language("en").published(String.format("2024-05-%02d", i)).build());
    }
    kb.flush();
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  @Test
  void theNextPageLinkOfASearchKeepsItsFiltersAndShowsTheRest() throws Exception {
    Document first = site.page("/search?q=Roma&language=it", "Accept-Language", "en");
    List<String> titles = first.select(".articles h3 a").eachText();
    assertEquals(WebRoutes.PAGE_SIZE, titles.size());
    assertNull(first.selectFirst(".pager a:not([rel])"), "no link to the first page on the first page");
    Element next = first.selectFirst(".pager a[rel=next]");
    assertEquals("Next page →", next.text());
    assertTrue(next.attr("href").startsWith("/search?q=Roma&language=it&cursor="), next.attr("href"));

    Document second = site.page(next.attr("href"), "Accept-Language", "en");
    List<String> rest = second.select(".articles h3 a").eachText();
    assertEquals(ITALIAN - WebRoutes.PAGE_SIZE, rest.size(), "the English articles stay filtered out: " + rest);
    Set<String> all = new HashSet<>(titles);
    all.addAll(rest);
    assertEquals(ITALIAN, all.size(), "no article twice");
    assertTrue(all.stream().allMatch(t -> t.startsWith("Notizia ")), all.toString());
    assertEquals("it", second.selectFirst("form[role=search] input[name=language]").val());
    assertEquals("true", second.selectFirst(".facets a[href]:containsOwn(it)").attr("aria-current"));
  }

  @Test
  void theLastPageOfASearchHasNoNextLink() throws Exception {
    Document first = site.page("/search?q=Roma&language=it");
    Document last = site.page(first.selectFirst(".pager a[rel=next]").attr("href"), "Accept-Language", "en");
    assertNull(last.selectFirst(".pager a[rel=next]"));
    Element back = last.selectFirst(".pager a:not([rel])");
    assertEquals("First page", back.text());
    assertEquals("/search?q=Roma&language=it", back.attr("href"));
  }

  @Test
  void aSearchOnOnePageHasNoPager() throws Exception {
    Document d = site.page("/search?q=Roma&language=en");
    assertEquals(ENGLISH, d.select(".articles h3 a").size());
    assertNull(d.selectFirst(".pager"));
  }

  @Test
  void theNextPageLinkIsItalianForItalianReaders() throws Exception {
    Document d = site.page("/search?q=Roma", "Accept-Language", "it");
    assertEquals("Pagina successiva →", d.selectFirst(".pager a[rel=next]").text());
  }

  @Test
  void aMalformedSearchCursorIsABadRequestPage() throws Exception {
    HttpResponse<String> r = site.get("/search?q=Roma&cursor=not*a*cursor", "Accept-Language", "en");
    assertEquals(400, r.statusCode());
    assertEquals("Bad request", Jsoup.parse(r.body()).selectFirst(".error-page h1").text());
  }

  @Test
  void aCursorMovedToAnotherSearchIsABadRequestPage() throws Exception {
    String href = site.page("/search?q=Roma&language=it").selectFirst(".pager a[rel=next]").attr("href");
    String cursor = href.substring(href.indexOf("cursor="));
    HttpResponse<String> r = site.get("/search?q=Roma&" + cursor, "Accept-Language", "en");
    assertEquals(400, r.statusCode());
    assertEquals("Bad request", Jsoup.parse(r.body()).selectFirst(".error-page h1").text());
  }

  /** Six fuzzy terms: one more than a search may have. */
  private static final String TOO_FUZZY = "/search?q=Roma~+notizia~+frase~+prima~+seconda~+terza~";

  @Test
  void aSearchWithMoreFuzzyTermsThanTheLimitIsABadRequestNamingIt() throws Exception {
    HttpResponse<String> r = site.get(TOO_FUZZY, "Accept-Language", "en");
    assertEquals(400, r.statusCode());
    String error = Jsoup.parse(r.body()).selectFirst("[role=alert]").text();
    assertTrue(error.contains("at most 5 per search"), error);
  }

  @Test
  void aSearchFeedWithMoreFuzzyTermsThanTheLimitIsABadRequestNamingIt() throws Exception {
    HttpResponse<String> r = site.get(TOO_FUZZY.replace("/search", "/search.atom"), "Accept-Language", "en");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("at most 5 per search"), r.body());
  }

  @Test
  void theQuoteSearchIsPagedAndKeepsItsFilters() throws Exception {
    int expected = 3 * (ITALIAN - 2);
    Document first = site.page("/quotes?speaker=Gualtieri&from=2024-05-03", "Accept-Language", "en");
    List<String> quotes = new ArrayList<>(first.select(".quotes-list blockquote").eachText());
    assertEquals(QuoteForm.LIMIT, quotes.size());
    assertEquals(QuoteForm.LIMIT + " quotes on this page", first.selectFirst("#qresults-h").text());
    Element next = first.selectFirst(".pager a[rel=next]");
    assertEquals("Next page →", next.text());

    Document second = site.page(next.attr("href"), "Accept-Language", "en");
    List<String> rest = second.select(".quotes-list blockquote").eachText();
    assertEquals(expected - QuoteForm.LIMIT, rest.size());
    quotes.addAll(rest);
    assertEquals(expected, new HashSet<>(quotes).size(), "no quote twice");
    assertTrue(quotes.stream().noneMatch(q -> q.startsWith("altra")), "only Gualtieri's");
    assertTrue(quotes.stream().noneMatch(q -> q.endsWith(" 1") || q.endsWith(" 2")), "none before the 3rd");
    assertEquals("2024-05-03", second.selectFirst("input[name=from]").val());
    assertEquals("Gualtieri", second.selectFirst("input[name=speaker]").val());
    assertNull(second.selectFirst(".pager a[rel=next]"), "the last page");
    assertNotNull(second.selectFirst(".pager a[href='/quotes?speaker=Gualtieri&from=2024-05-03']"));
  }

  @Test
  void aQuoteSearchOnOnePageCountsItsQuotesAndHasNoPager() throws Exception {
    Document d = site.page("/quotes?speaker=Rossi", "Accept-Language", "en");
    assertEquals(ITALIAN + " quotes", d.selectFirst("#qresults-h").text());
    assertNull(d.selectFirst(".pager"));
  }

  @Test
  void aMalformedQuoteCursorIsABadRequestPage() throws Exception {
    HttpResponse<String> r = site.get("/quotes?speaker=Gualtieri&cursor=not*a*cursor", "Accept-Language", "en");
    assertEquals(400, r.statusCode());
    assertEquals("Bad request", Jsoup.parse(r.body()).selectFirst(".error-page h1").text());
  }
}
