package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.store.SourceRef;
import org.lente.story.Newswire;

/**
 * A story of two articles read from local files (no web address, so no source) and one from the web:
 * the reader names only the web one's source, and shows no empty name or link for the files.
 */
class LocalFileSourcesTest {

  @TempDir
  static Path dir;
  static WebSite site;
  static long file;

  @BeforeAll
  static void start() throws Exception {
    site = WebSite.start(dir, kb -> {
      file = kb.add("/srv/news/mirafiori.html", fromFile(Newswire.italian("Stellantis, 850 milioni per Mirafiori"),
          "/srv/news/mirafiori.html")).id();
      kb.add("en", Newswire.english("Stellantis to invest 850 million euros in Mirafiori"));
      kb.add("/srv/news/copia.html", fromFile(Newswire.copy("Mirafiori, arrivano 900 milioni"), "/srv/news/copia.html"));
    });
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  /** {@code a} as if read from the file {@code path}: no URL, no site name. */
  private static Analysis fromFile(Analysis a, String path) {
    Article x = a.article();
    Article local = new Article(path, null, x.title(), x.subtitle(), x.authors(), null, x.section(), x.tags(),
        x.published(), x.modified(), x.dateSource(), x.language(), x.blocks(), x.authorBio(), x.warnings());
    return new Analysis(local, a.language(), a.anchor(), a.sentences(), a.entities(), a.quotes(), a.times(),
        a.warnings());
  }

  @Test
  void theStoryPageNamesOnlyTheSourcesThatHaveAName() throws Exception {
    String story = site.page("/", "Accept-Language", "en").selectFirst(".stories h3 a").attr("href");
    Document d = site.page(story, "Accept-Language", "en");
    assertEquals(List.of("Sources: Example Wire"), d.select(".article-head p.meta:containsOwn(Sources:)").eachText());
    assertEquals(3, d.select(".articles > li").size());
    assertEquals(1, d.select(".articles a[href^=/sources/]").size(), d.select(".articles").html());
  }

  @Test
  void theHomePageStoryLineHasNoEmptyName() throws Exception {
    Element meta = site.page("/", "Accept-Language", "en").selectFirst(".stories li .meta");
    assertTrue(meta.text().endsWith("· Example Wire"), meta.text());
  }

  @Test
  void theArticleFromAFileShowsNoSourceLink() throws Exception {
    Document d = site.page("/articles/" + file, "Accept-Language", "en");
    assertTrue(d.select("a[href^=/sources/]").stream().noneMatch(a -> a.text().isBlank()), d.select("a").outerHtml());
    assertFalse(d.select(".article-head").text().contains("Source:"), d.select(".article-head").text());
  }

  @Test
  void aSourceWithABlankSiteNameIsNamedByItsHost() {
    assertEquals("example.org", Sources.name(new SourceRef(1, "example.org", " ")));
    assertNull(Sources.name(null));
    assertEquals(List.of("Example Wire", "ANSA"), Sources.names(List.of("", "Example Wire", " ", "ANSA", "Example Wire")));
  }
}
