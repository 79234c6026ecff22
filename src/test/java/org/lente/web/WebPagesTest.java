package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** The pages of a real server over three stored articles (two English, one Italian). */
class WebPagesTest {

  @TempDir
  static Path dir;
  static WebSite site;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, Newsroom::fill);
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  private static long articleId(String title) throws Exception {
    return site.kb.articles(org.lente.store.ArticleFilter.ALL, null, 100).items().stream()
        .filter(a -> title.equals(a.title())).findFirst().orElseThrow(() -> new AssertionError("no article " + title))
        .id();
  }

  private static long entityId(String name) throws Exception {
    return site.kb.entityId(name).orElseThrow();
  }

  @Test
  void homeListsTheLatestStories() throws Exception {
    Document d = site.page("/", "Accept-Language", "en");
    Element story = d.selectFirst(".stories h3 a");
    assertEquals("Putin arrives in Pyongyang", story.text(), "the three articles make one story, named by its first");
    assertTrue(story.attr("href").matches("/stories/\\d+"), story.attr("href"));
    assertTrue(story.parent().parent().selectFirst(".meta").text().startsWith("3 articles"), d.select(".stories").html());
  }

  @Test
  void homeShowsTrendingEntitiesAndTheIngestStatus() throws Exception {
    Document d = site.page("/", "Accept-Language", "en");
    assertEquals("Vladimir Putin 3", d.selectFirst("#trending-h + ul li").text());
    assertEquals("3", d.selectFirst(".stats dt:containsOwn(Articles) + dd").text());
  }

  @Test
  void theArticlePageHighlightsEntitiesQuotesAndTimes() throws Exception {
    Document d = site.page("/articles/" + articleId("Putin arrives in Pyongyang"));
    Element body = d.selectFirst(".article-body");
    assertEquals(6, body.select(".hl.ent[tabindex]").size());
    assertEquals(2, body.select(".hl.time[tabindex]").size());
    assertEquals(2, body.select(".hl.quote").size());
    Element putin = body.selectFirst(".hl.ent.per");
    Element tip = d.getElementById(putin.attr("aria-describedby"));
    assertEquals("Person: Vladimir Putin · Russian President", tip.text());
    assertEquals("/entities/" + entityId("Vladimir Putin"), tip.selectFirst("a").attr("href"));
  }

  @Test
  void theArticleSidePanelListsSpeakersMentionsAndDates() throws Exception {
    Document d = site.page("/articles/" + articleId("Putin arrives in Pyongyang"));
    assertEquals("Vladimir Putin", d.selectFirst(".quotes-list li b").text());
    assertEquals("We will sign a new partnership,", d.selectFirst(".quotes-list blockquote").text());
    assertEquals(List.of("People", "Organisations", "Places"), d.select("#mentioned-h ~ h3").eachText());
    assertEquals(List.of("2024-06-19", "2024-06-20"), d.select(".timeline time").eachAttr("datetime"));
  }

  @Test
  void theArticlePageLinksAuthorSourceAndOriginalAndDescribesItselfInJsonLd() throws Exception {
    Document d = site.page("/articles/" + articleId("Putin lascia la Corea del Nord per il Vietnam"));
    assertEquals("Mario Rossi", d.selectFirst("a[rel=author]").text());
    assertEquals("Notizie Esempio", d.selectFirst("a[href^=/sources/]").text());
    assertEquals("https://notizie.example.it/2024/06/20/putin-hanoi", d.selectFirst("a[rel~=nofollow]").attr("href"));
    String json = d.selectFirst("script[type=application/ld+json]").data();
    assertTrue(json.contains("\"@type\":\"NewsArticle\"") && json.contains("\"inLanguage\":\"it\""), json);
  }

  @Test
  void theEntityPageShowsTheChartQuotesAndCooccurringEntities() throws Exception {
    Document d = site.page("/entities/" + entityId("Vladimir Putin"));
    assertEquals("Vladimir Putin", d.selectFirst("h1").text());
    assertEquals(3, d.select("svg.chart rect.bar").size());
    assertEquals(2, d.select("#by-h + ul li").size());
    assertTrue(d.select("#co-h + ul a").eachText().stream().anyMatch(t -> t.startsWith("Kim Jong Un")));
    assertEquals(3, d.select("#articles-h + ul.articles > li").size());
  }

  @Test
  void theEntityPageKnowsItsAliasesAndRoles() throws Exception {
    Document d = site.page("/entities/" + entityId("Vladimir Putin"));
    assertTrue(d.select("#aliases-h + ul li").eachText().stream().anyMatch(t -> t.startsWith("Putin ")));
    assertTrue(d.select("#roles-h + ul li").text().contains("presidente russo"));
  }

  @Test
  void searchShowsHitsWithHighlightedSnippetsAndFacets() throws Exception {
    Document d = site.page("/search?q=Pyongyang");
    assertEquals(2, d.select(".articles > li").size());
    assertTrue(d.select(".snippet b").eachText().contains("Pyongyang"));
    assertTrue(d.select(".facets h3").eachText().contains("Entities"));
  }

  @Test
  void aFacetLinkFiltersTheSearch() throws Exception {
    Document d = site.page("/search?q=Putin");
    Element italian = d.selectFirst(".facets a[href*=language=it]");
    Document filtered = site.page(italian.attr("href"));
    assertEquals(List.of("Putin lascia la Corea del Nord per il Vietnam"), filtered.select(".articles h3 a").eachText());
    assertEquals("true", filtered.selectFirst(".facets a[href]:containsOwn(it)").attr("aria-current"));
  }

  @Test
  void theQuoteSearchFindsWhatASpeakerSaid() throws Exception {
    Document d = site.page("/quotes?speaker=Putin");
    assertEquals(2, d.select(".quotes-list li").size());
    assertTrue(d.select(".quotes-list blockquote").eachText().contains("Il Vietnam è un partner affidabile"));
  }

  @Test
  void theQuotesPageWithoutASearchListsTheLatestQuotes() throws Exception {
    Document d = site.page("/quotes", "Accept-Language", "en");

    assertEquals("Latest quotes", d.selectFirst("#qresults-h").text());
    List<String> days = d.select(".quotes-list time").eachAttr("datetime");
    assertTrue(days.size() >= 3, d.select(".quotes-list").html());
    assertEquals(days.stream().sorted(java.util.Comparator.reverseOrder()).toList(), days);
  }

  @Test
  void theAuthorPageShowsTheBio() throws Exception {
    Document article = site.page("/articles/" + articleId("Putin lascia la Corea del Nord per il Vietnam"));
    Document d = site.page(article.selectFirst("a[rel=author]").attr("href"));
    assertEquals("Mario Rossi", d.selectFirst("h1").text());
    assertEquals("Mario Rossi scrive di politica estera dal 2010.", d.selectFirst("#bio-h + p").text());
  }

  @Test
  void theSourcePageListsItsArticles() throws Exception {
    Document article = site.page("/articles/" + articleId("Putin arrives in Pyongyang"));
    Document d = site.page(article.selectFirst("a[href^=/sources/]").attr("href"));
    assertEquals("Example News", d.selectFirst("h1").text());
    assertEquals(List.of("Putin arrives in Pyongyang"), d.select(".articles h3 a").eachText());
  }

  @Test
  void oneResultIsCountedInTheSingular() throws Exception {
    String path = "/search?q=Putin&language=it";
    assertEquals("1 article", site.page(path, "Accept-Language", "en").selectFirst("#results-h").text());
    assertEquals("1 articolo", site.page(path, "Accept-Language", "it").selectFirst("#results-h").text());
    assertEquals("2 articles", site.page("/search?q=Pyongyang", "Accept-Language", "en").selectFirst("#results-h").text());
  }

  @Test
  void theSourcePageCountsItsOneArticleInTheSingular() throws Exception {
    Document article = site.page("/articles/" + articleId("Putin arrives in Pyongyang"));
    Document d = site.page(article.selectFirst("a[href^=/sources/]").attr("href"), "Accept-Language", "en");
    assertTrue(d.selectFirst("h1 + p.meta").text().contains("· 1 article ·"), d.select(".meta").text());
  }

  @Test
  void searchAndEntityFeedsAreAtom() throws Exception {
    for (String path : List.of("/search.atom?q=Putin", "/entities/" + entityId("Vladimir Putin") + ".atom")) {
      HttpResponse<String> r = site.get(path);
      assertEquals(200, r.statusCode(), path);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"), path);
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      NodeList entries = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)))
          .getElementsByTagNameNS(AtomFeed.NS, "entry");
      assertEquals(3, entries.getLength(), path);
    }
  }

  @Test
  void anUnknownArticleIsAFriendly404Page() throws Exception {
    HttpResponse<String> r = site.get("/articles/999999", "Accept-Language", "it");
    assertEquals(404, r.statusCode());
    Document d = org.jsoup.Jsoup.parse(r.body());
    assertEquals("Pagina non trovata", d.selectFirst("h1").text());
    assertEquals("/", d.selectFirst(".error-page a").attr("href"));
  }

  @Test
  void anUnknownAddressIsAFriendly404Page() throws Exception {
    HttpResponse<String> r = site.get("/no/such/page", "Accept-Language", "en");
    assertEquals(404, r.statusCode());
    assertEquals("Page not found", org.jsoup.Jsoup.parse(r.body()).selectFirst("h1").text());
  }

  @Test
  void theLanguageFollowsAcceptLanguageAndTheLangLinkIsRemembered() throws Exception {
    assertEquals("Ultime storie", site.page("/", "Accept-Language", "it-IT,it;q=0.9").selectFirst("#latest-h").text());
    WebSite.Visitor v = site.visitor();
    assertEquals("Ultime storie", v.page("/?lang=it", "Accept-Language", "en").selectFirst("#latest-h").text());
    assertEquals("Ultime storie", v.page("/", "Accept-Language", "en").selectFirst("#latest-h").text(), "the cookie");
  }

  @Test
  void addingAnArticleNeedsALogin() throws Exception {
    HttpResponse<String> r = site.visitor().get("/add");
    assertEquals(303, r.statusCode());
    assertEquals("/login?next=/add", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aFormPostWithoutItsTokenIsRefused() throws Exception {
    HttpResponse<String> r = site.visitor().post("/login", "user=admin&password=x");
    assertEquals(403, r.statusCode());
  }

  @Test
  void aWrongPasswordShowsTheLoginFormAgain() throws Exception {
    WebSite.Visitor v = site.visitor();
    String token = v.csrf("/login");
    HttpResponse<String> r = v.post("/login", "csrf=" + token + "&user=admin&password=wrong");
    assertEquals(401, r.statusCode());
    assertNotNull(org.jsoup.Jsoup.parse(r.body()).selectFirst("[role=alert]"));
  }
}
