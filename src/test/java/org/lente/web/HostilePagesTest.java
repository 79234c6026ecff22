package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.story.Newswire;
import org.lente.story.Texts;
import org.w3c.dom.NodeList;

/**
 * Articles carrying script tags, event handlers, javascript: URLs, SVG and style payloads in their
 * text, title, authors, URL, site name, bio, entity names, speakers and time values: every page that
 * shows them carries none of it active.
 */
class HostilePagesTest {

  @TempDir
  static Path dir;
  static WebSite site;
  static List<String> pages;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, kb -> {
      Newsroom.fill(kb);
      Newsroom.hostile(kb);
      hostileWire(kb);
    });
    pages = pagesToCheck();
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  /** A hostile wire story: an Italian article whose title, site and text carry payloads, and a copy of it. */
  private static void hostileWire(org.lente.knowledge.KnowledgeBase kb) throws java.io.IOException {
    String body = Newswire.IT_BODY.replace("Mirafiori resta", "Mirafiori " + Newsroom.EVIL + " " + Newsroom.SVG + " resta");
    String[] names = {"Stellantis=Stellantis/ORG", "Torino=Turin/LOC", "Carlos Tavares=Carlos Tavares/PER"};
    kb.add("evil-wire", Texts.analysis("evil.example.it/wire", Newsroom.SVG + " Wire", "it", "2024-04-09T08:00:00Z",
        Newsroom.EVIL + " wire " + Newsroom.STYLE, body, names));
    kb.add("evil-copy", Texts.analysis("copy.example.it/wire", Newsroom.EVIL + " Copy", "it", "2024-04-09T10:00:00Z",
        Newsroom.SVG + " copy", body.replace("850 milioni", "900 milioni") + " (ANSA) " + Newsroom.EVIL, names));
  }

  /** Home, both hostile articles, every entity, author and source page they link to, and searches. */
  private static List<String> pagesToCheck() throws Exception {
    Set<String> paths = new LinkedHashSet<>(List.of("/", "/search?q=Evilcorp", "/search?q=alert",
        "/search?q=%3Cscript%3E", "/quotes?speaker=Evilcorp", "/quotes?about=Evilcorp"));
    Document home = site.page("/");
    for (Element a : home.select(".articles h3 a")) {
      paths.add(a.attr("href"));
    }
    for (String story : paths.stream().filter(p -> p.startsWith("/stories/")).toList()) {
      for (Element a : site.page(story).select(".articles h3 a")) {
        paths.add(a.attr("href"));
      }
    }
    List<String> articles = paths.stream().filter(p -> p.startsWith("/articles/")).toList();
    for (String article : articles) {
      for (Element a : site.page(article).select("a[href]")) {
        String href = a.attr("href");
        if (href.matches("/(entities|authors|sources)/\\d+")) {
          paths.add(href);
        }
      }
    }
    Document search = site.page("/search?q=Evilcorp");
    search.select(".facets a[href]").forEach(a -> paths.add(a.attr("href")));
    return new ArrayList<>(paths);
  }

  @Test
  void thePagesToCheckIncludeEveryKind() {
    for (String kind : List.of("/articles/", "/stories/", "/entities/", "/authors/", "/sources/", "/search?", "/quotes?")) {
      assertTrue(pages.stream().anyMatch(p -> p.startsWith(kind)), kind + " in " + pages);
    }
    assertTrue(pages.size() > 15, pages.toString());
  }

  @Test
  void theHostileArticleIsShownAsText() throws Exception {
    String path = pages.stream().filter(p -> p.startsWith("/articles/")).filter(p -> {
      try {
        return site.page(p).selectFirst("h1").text().contains("headline");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).findFirst().orElseThrow();
    Document d = site.page(path);
    assertEquals(Newsroom.EVIL + " headline " + Newsroom.SVG, d.selectFirst("h1").text());
    assertTrue(d.selectFirst(".article-body").text().contains("<script>alert('x')</script>"));
  }

  @Test
  void theHostileCopyShowsItsOtherVersionAndChangeAsText() throws Exception {
    String path = pages.stream().filter(p -> p.startsWith("/articles/")).filter(p -> {
      try {
        return site.page(p).selectFirst("h1").text().endsWith(" copy");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).findFirst().orElseThrow(() -> new AssertionError("the hostile copy is not among " + pages));
    Document d = site.page(path);
    Element version = d.selectFirst("#versions .version");
    assertTrue(version.selectFirst("h3 a").text().startsWith("<script>alert('x')</script>"), version.html());
    assertTrue(version.select(".changes .change").text().contains("900"), version.html());
    assertInert(path, d);
  }

  @Test
  void noPageCarriesScriptHandlersOrForeignMarkup() throws Exception {
    for (String path : pages) {
      HttpResponse<String> r = site.get(path);
      assertEquals(200, r.statusCode(), path);
      assertInert(path, Jsoup.parse(r.body()));
    }
  }

  @Test
  void feedsCarryOnlyText() throws Exception {
    List<String> feeds = new ArrayList<>(List.of("/search.atom?q=Evilcorp", "/search.atom?q=%3Cscript%3E"));
    pages.stream().filter(p -> p.matches("/entities/\\d+")).forEach(p -> feeds.add(p + ".atom"));
    for (String path : feeds) {
      HttpResponse<String> r = site.get(path);
      assertEquals(200, r.statusCode(), path);
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      org.w3c.dom.Document xml = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
      assertEquals(AtomFeed.NS, xml.getDocumentElement().getNamespaceURI(), path);
      NodeList all = xml.getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
        assertEquals(AtomFeed.NS, e.getNamespaceURI(), path + ": only Atom elements, not " + e.getTagName());
        String href = e.getAttribute("href");
        assertFalse(href.toLowerCase(Locale.ROOT).contains("javascript:"), path + ": " + href);
      }
    }
  }

  @Test
  void theCheckCatchesEachKindOfActiveContent() {
    for (String bad : List.of("<script>alert(1)</script>", "<p onclick=\"x()\">a</p>", "<a href=\" JavaScript:x()\">a</a>",
        "<svg onload=x></svg>", "<svg class=chart xmlns=\"http://www.w3.org/2000/svg\"><foreignObject></foreignObject></svg>",
        "<style>p{}</style>", "<img src=x>", "<form action=\"https://evil.example/\"></form>",
        "<script type=application/ld+json>{\"a\":\"</b>\"}</script>")) {
      assertThrows(AssertionError.class, () -> assertInert("test", Jsoup.parse(bad)), bad);
    }
    assertInert("test", Jsoup.parse("<p>&lt;script&gt; <a href=\"/articles/1\">a</a></p>"));
  }

  /**
   * No script but the JSON-LD data block and Lente's own file; no event handler attribute; no
   * javascript:/data: link or source; no SVG but Lente's chart, and nothing foreign inside it; no
   * style, iframe, object, embed, img, math, base or form posting elsewhere.
   */
  static void assertInert(String path, Document d) {
    for (Element s : d.select("script")) {
      boolean jsonLd = s.attr("type").equals("application/ld+json") && !s.hasAttr("src");
      boolean ours = s.attr("src").equals("/static/lente.js") && s.data().isEmpty();
      if (!jsonLd && !ours) {
        fail(path + ": a script " + s.outerHtml());
      }
      if (jsonLd) {
        assertFalse(s.data().contains("<"), path + ": '<' in JSON-LD");
      }
    }
    assertTrue(d.select("style, iframe, object, embed, img, math, base, foreignObject, foreignobject, frame, meta[http-equiv]:not([http-equiv=refresh])").isEmpty(),
        path + ": " + d.select("style, iframe, object, embed, img, math, base, foreignObject, foreignobject"));
    for (Element svg : d.select("svg")) {
      assertTrue(svg.hasClass("chart") && svg.attr("xmlns").equals("http://www.w3.org/2000/svg"), path + ": " + svg);
      for (Element inner : svg.select("*")) {
        assertTrue(Set.of("svg", "title", "desc", "line", "text", "rect", "polyline", "circle").contains(inner.normalName()),
            path + ": in the chart " + inner.normalName());
      }
    }
    for (Element e : d.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().strip().toLowerCase(Locale.ROOT);
        assertFalse(key.startsWith("on"), path + ": handler " + key + " on " + e.normalName());
        assertFalse(key.equals("style"), path + ": inline style on " + e.normalName());
        if (Set.of("href", "src", "action", "formaction", "xlink:href", "data", "poster").contains(key)) {
          assertFalse(value.startsWith("javascript:") || value.startsWith("data:") || value.startsWith("vbscript:"),
              path + ": " + key + "=" + value);
        }
      }
    }
    for (Element form : d.select("form")) {
      assertTrue(form.attr("action").startsWith("/"), path + ": a form to " + form.attr("action"));
    }
  }
}
