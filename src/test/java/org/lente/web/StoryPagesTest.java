package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.story.Newswire;

/**
 * The story page, the home page's stories and the article page's other versions, on a real server
 * over a wire story: an Italian original, an English version of it, and a lightly edited Italian copy.
 */
class StoryPagesTest {

  @TempDir
  static Path dir;
  static WebSite site;
  static long it;
  static long en;
  static long copy;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, kb -> {
      it = kb.add("it", Newswire.italian("Stellantis, 850 milioni per Mirafiori")).id();
      en = kb.add("en", Newswire.english("Stellantis to invest 850 million euros in Mirafiori")).id();
      copy = kb.add("copy", Newswire.copy("Mirafiori, arrivano 900 milioni")).id();
    });
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  private static String storyPath() throws Exception {
    return site.page("/", "Accept-Language", "en").selectFirst(".stories h3 a").attr("href");
  }

  @Test
  void theHomePageListsTheStoryWithItsArticlesAndLanguages() throws Exception {
    Document d = site.page("/", "Accept-Language", "en");
    assertEquals("Latest stories", d.selectFirst("#latest-h").text());
    Element meta = d.selectFirst(".stories li .meta");
    assertTrue(meta.text().startsWith("3 articles"), meta.text());
    assertTrue(meta.text().contains("it") && meta.text().contains("en"), meta.text());
  }

  @Test
  void theStoryPageShowsItsArticlesSpanEntitiesAndTimeline() throws Exception {
    Document d = site.page(storyPath(), "Accept-Language", "en");
    assertEquals("Stellantis, 850 milioni per Mirafiori", d.selectFirst("h1").text());
    assertEquals(List.of("/articles/" + it, "/articles/" + en, "/articles/" + copy), d.select(".articles h3 a").eachAttr("href"));
    long stellantis = site.kb.entityId("Stellantis").orElseThrow();
    assertNotNull(d.selectFirst("a.ent-chip[href=/entities/" + stellantis + "]"), d.select(".chips").html());
    assertEquals("2024-04-09", d.selectFirst("#timeline-h ~ ol.timeline time").attr("datetime"));
    assertTrue(d.selectFirst("#timeline-h ~ ol.timeline li").text().contains("3 articles"));
  }

  @Test
  void theEnglishVersionNamesTheItalianOriginalWithPassagesSideBySide() throws Exception {
    Document d = site.page("/articles/" + en, "Accept-Language", "en");
    assertEquals("Other versions of this article", d.selectFirst("#versions-h").text());
    Element original = d.selectFirst("#versions .version:has(h3 a[href=/articles/" + it + "])");
    assertNotNull(original, d.select("#versions").html());
    assertEquals("Translation", original.selectFirst(".badge.relation").text());
    assertEquals("This is the original", original.selectFirst(".badge.direction.original").text());
    Element row = original.selectFirst("table.passages tbody tr");
    assertNotNull(row, original.html());
    assertEquals(2, row.select("td").size());
  }

  @Test
  void theCopyMarksTheNumberItChanged() throws Exception {
    Document d = site.page("/articles/" + copy, "Accept-Language", "en");
    Element original = d.selectFirst("#versions .version:has(h3 a[href=/articles/" + it + "])");
    assertEquals("Near-duplicate", original.selectFirst(".badge.relation").text());
    Element change = original.selectFirst(".changes .change");
    assertEquals("Changed number", change.selectFirst(".changed").text());
    assertFalse(change.select("del").text().equals(change.select("ins").text()), change.html());
  }

  @Test
  void theArticlePageLinksItsStory() throws Exception {
    Document d = site.page("/articles/" + it, "Accept-Language", "en");
    assertEquals(storyPath(), d.selectFirst("#same-story a[href^=/stories/]").attr("href"));
  }

  @Test
  void thePanelsSpeakItalian() throws Exception {
    Document d = site.page("/articles/" + en, "Accept-Language", "it");
    assertEquals("Altre versioni di questo articolo", d.selectFirst("#versions-h").text());
    assertEquals("Questo è l'originale", d.selectFirst(".badge.direction.original").text());
  }

  @Test
  void anUnknownOrMalformedStoryIsNotFound() throws Exception {
    assertEquals(404, site.get("/stories/999999").statusCode());
    assertEquals(404, site.get("/stories/abc").statusCode(), "as for the other pages: an address that names nothing");
  }
}
