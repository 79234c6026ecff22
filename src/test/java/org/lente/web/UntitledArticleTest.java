package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.story.Newswire;

/** An untitled article read from a local file is shown with a title made from its text, never the server's path. */
class UntitledArticleTest {

  private static final String PATH = "/srv/lente/inbox/mirafiori.txt";
  private static final String TITLE = "Stellantis investirà 850 milioni di euro nello stabilimento di Mirafiori a …";

  @TempDir
  static Path dir;
  static WebSite site;
  static long id;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, kb -> {
      Analysis a = Newswire.italian("ignored");
      Article x = a.article();
      Article untitled = new Article(PATH, null, null, null, x.authors(), null, x.section(), x.tags(), x.published(),
          x.modified(), x.dateSource(), x.language(), x.blocks(), x.authorBio(), x.warnings());
      assertNull(untitled.title());
      id = kb.add(Path.of(PATH).toUri().toString(), new Analysis(untitled, a.language(), a.anchor(), a.sentences(),
          a.entities(), a.quotes(), a.times(), a.warnings())).id();
    });
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  @Test
  void theArticlePageHeadlineAndTitleAreMadeFromItsText() throws Exception {
    Document d = site.page("/articles/" + id, "Accept-Language", "en");
    assertEquals(TITLE, d.selectFirst("h1").text());
    assertEquals(TITLE + " · Lente", d.title());
  }

  @Test
  void theStoryTitleIsMadeFromItsText() throws Exception {
    Document home = site.page("/", "Accept-Language", "en");
    assertEquals(TITLE, home.selectFirst(".stories h3 a").text());
    assertFalse(home.html().contains("/srv/lente"), "no server path on the home page");
  }
}
