package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding an article from the form: a logged-in user pastes text, waits, and is sent to its page. */
class AddArticleTest {

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

  /** Posts the form and follows the waiting page to the article; returns the article's path. */
  private static String add(WebSite.Visitor v, String form) throws Exception {
    HttpResponse<String> r = v.post("/add", "csrf=" + v.csrf("/add") + "&" + form);
    assertEquals(303, r.statusCode(), r.body());
    String waiting = r.headers().firstValue("Location").orElseThrow();
    assertTrue(waiting.startsWith("/add/"), waiting);
    for (int i = 0; i < 600; i++) {
      HttpResponse<String> w = v.get(waiting);
      if (w.statusCode() == 303) {
        return w.headers().firstValue("Location").orElseThrow();
      }
      assertEquals(200, w.statusCode());
      Document d = Jsoup.parse(w.body());
      assertFalse(d.select("[role=alert]").hasText(), d.select("[role=alert]").text());
      assertEquals("1", d.selectFirst("meta[http-equiv=refresh]").attr("content"), "the page refreshes itself");
      Thread.sleep(100);
    }
    throw new AssertionError("not analysed within a minute");
  }

  @Test
  void pastedTextIsAnalysedAndShown() throws Exception {
    WebSite.Visitor v = site.visitor();
    v.login();
    String article = add(v, "title=" + Chrome.enc("Draghi a Bruxelles") + "&text=" + Chrome.enc(
        "Mario Draghi ha incontrato ieri a Bruxelles la presidente della Commissione europea Ursula von der Leyen"
            + " per discutere del rapporto sulla competitività dell'Unione.\n\n"
            + "«L'Europa deve investire di più e più in fretta», ha detto Draghi al termine dell'incontro.\n\n"
            + "I due si rivedranno a Roma il mese prossimo, secondo fonti della Commissione."));
    assertTrue(article.matches("/articles/\\d+"), article);
    Document d = v.page(article);
    assertEquals("Draghi a Bruxelles", d.selectFirst("h1").text());
    assertTrue(d.select(".article-body .hl.ent.per").stream().map(e -> e.ownText()).anyMatch("Mario Draghi"::equals),
        d.select(".article-body").outerHtml());
    assertEquals(1, d.select(".article-body .hl.quote").size());
  }

  @Test
  void pastedHostileHtmlIsShownInert() throws Exception {
    WebSite.Visitor v = site.visitor();
    v.login();
    String html = "<html><head><title>" + Newsroom.EVIL + "</title></head><body><article><h1>Evil page</h1><p>"
        + "Paragraph one is long enough to be an article body, written by hand for this test. <script>alert(1)</script>"
        + "<img src=x onerror=alert(2)> " + Newsroom.SVG + "</p><p><a href=\"javascript:alert(3)\">A link</a> and a"
        + " second paragraph that also carries enough words to count as text of the article.</p></article></body></html>";
    String article = add(v, "html=" + Chrome.enc(html) + "&url=" + Chrome.enc("https://evil.example/pasted?q=%22%3E%3Cscript%3E"));
    HostilePagesTest.assertInert(article, v.page(article));
    Document home = v.page("/");
    HostilePagesTest.assertInert("/", home);
    assertFalse(home.select("#status-h ~ ul.articles li").isEmpty(), "the home page lists what was added");
  }

  @Test
  void addingWithoutALoginIsRefused() throws Exception {
    WebSite.Visitor v = site.visitor();
    HttpResponse<String> r = v.post("/add", "csrf=" + v.csrf("/login") + "&text=hello");
    assertEquals(401, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
  }

  @Test
  void theHomePageShowsAFailedAdditionWithAReasonFitForAnyReader() throws Exception {
    WebSite.Visitor v = site.visitor();
    v.login();
    HttpResponse<String> r = v.post("/add", "csrf=" + v.csrf("/add") + "&url=" + Chrome.enc("http://127.0.0.1:9/rete"));
    String waiting = r.headers().firstValue("Location").orElseThrow();
    for (int i = 0; i < 600 && !Jsoup.parse(v.get(waiting).body()).select("[role=alert]").hasText(); i++) {
      Thread.sleep(100);
    }
    String listed = site.page("/", "Accept-Language", "en").select("li:contains(127.0.0.1:9/rete)").text();
    assertEquals("http://127.0.0.1:9/rete — failed (private addresses are not allowed)", listed);
  }

  @Test
  void giveOneOfAddressHtmlOrText() throws Exception {
    WebSite.Visitor v = site.visitor();
    v.login();
    HttpResponse<String> r = v.post("/add", "csrf=" + v.csrf("/add") + "&url=https%3A%2F%2Fa.example%2F&text=hello");
    assertEquals(400, r.statusCode());
    Document d = Jsoup.parse(r.body());
    assertEquals("Give an address, HTML or text (one of them).", d.selectFirst("[role=alert]").text());
    assertEquals("hello", d.selectFirst("textarea#text").text(), "what was typed is kept");
  }
}
