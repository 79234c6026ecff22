package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.nlp.ner.Entity;

/** Listings longer than a page are paged with the cursor the knowledge base gives. */
class EntityPagingTest {

  static final int ARTICLES = WebRoutes.PAGE_SIZE + 5;

  @TempDir
  static Path dir;
  static WebSite site;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, kb -> {
      for (int i = 1; i <= ARTICLES; i++) {
        String day = String.format("2024-05-%02d", i);
        kb.add("https://roma.example/" + i, Analyses.text("Roma, notizia numero " + i + ".")
            .url("https://roma.example/" + i).title("Notizia " + i).site("Roma Esempio").language("it")
            .published(day).entity("Roma", Entity.Type.LOC, "Roma").build());
      }
      kb.flush();
    });
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  @Test
  void theEntityPageListsItsArticlesPageByPage() throws Exception {
    long id = site.kb.entityId("Roma").orElseThrow();
    Document first = site.page("/entities/" + id);
    List<String> titles = first.select("#articles-h + ul.articles h3 a").eachText();
    assertEquals(WebRoutes.PAGE_SIZE, titles.size());
    assertEquals("Notizia " + ARTICLES, titles.get(0), "newest first");
    Element next = first.selectFirst(".pager a[rel=next]");
    Document second = site.page(next.attr("href"));
    List<String> rest = second.select("#articles-h + ul.articles h3 a").eachText();
    assertEquals(ARTICLES - WebRoutes.PAGE_SIZE, rest.size());
    Set<String> all = new HashSet<>(titles);
    all.addAll(rest);
    assertEquals(ARTICLES, all.size(), "no article twice");
    assertNull(second.selectFirst(".pager a[rel=next]"));
    assertEquals("/entities/" + id, second.selectFirst(".pager a:not([rel])").attr("href"));
  }

  @Test
  void theChartHasADayPerBar() throws Exception {
    long id = site.kb.entityId("Roma").orElseThrow();
    assertEquals(ARTICLES, site.page("/entities/" + id).select("svg.chart rect.bar").size());
  }

  @Test
  void aMalformedCursorIsABadRequestPage() throws Exception {
    long id = site.kb.entityId("Roma").orElseThrow();
    assertEquals(400, site.get("/entities/" + id + "?cursor=not*a*cursor").statusCode());
  }
}
