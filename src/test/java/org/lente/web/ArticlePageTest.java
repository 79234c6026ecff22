package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.store.ArticleView;
import org.lente.store.AuthorRef;
import org.lente.store.SourceRef;
import org.lente.store.StoredArticle;

class ArticlePageTest {

  private static final Messages EN = Messages.of("en");

  private static ArticleView view(Analysis a, Map<String, Long> ids) {
    StoredArticle s = new StoredArticle(1, a.article().url(), "0".repeat(64), 1, Instant.parse("2024-06-19T10:00:00Z"), a);
    return new ArticleView(s, new SourceRef(2, "news.example", a.article().site()),
        a.article().authors().stream().map(n -> new AuthorRef(3, n)).toList(), a.article().authorBio(), ids);
  }

  private static Analysis putin() {
    return Analyses.text("\"We will sign,\" Putin said on Wednesday in Pyongyang.", "Kim Jong Un agreed on Thursday.")
        .title("Putin in Pyongyang").site("Example News").author("Jane Doe")
        .quote("We will sign,", "Putin", "Vladimir Putin", "say")
        .entity("Putin", Entity.Type.PER, "Vladimir Putin").entity("Pyongyang", Entity.Type.LOC, "Pyongyang")
        .entity("Kim Jong Un", Entity.Type.PER, "Kim Jong Un")
        .time("Wednesday", "2024-06-19").time("Thursday", "2024-06-20").build();
  }

  @Test
  void theSidePanelListsSpeakersMentionsAndDates() {
    ArticlePage p = ArticlePage.of(view(putin(), Map.of("Vladimir Putin", 5L)), EN, "http://localhost/articles/1");
    assertEquals(List.of(new ArticlePage.Speaker("Vladimir Putin", 5L, List.of("We will sign,"))), p.speakers());
    assertEquals(List.of("PER", "LOC"), p.mentioned().stream().map(ArticlePage.MentionGroup::type).toList());
    assertEquals(List.of("2024-06-19", "2024-06-20"), p.timeline().stream().map(ArticlePage.DateRef::value).toList());
    assertEquals("June 19, 2024", p.timeline().get(0).label());
  }

  @Test
  void theJsonLdIsANewsArticleThatNoTextCanClose() throws Exception {
    Analysis a = Analyses.text("Body.").title("</script><script>alert(1)</script> & more").author("A <b>")
        .site("Site").build();
    String html = ArticlePage.jsonLd(view(a, Map.of()), "http://localhost/articles/1").html();
    String json = html.substring(html.indexOf('>') + 1, html.lastIndexOf("</script>"));
    assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    JsonNode o = new ObjectMapper().readTree(json);
    assertEquals("NewsArticle", o.get("@type").asText());
    assertEquals("</script><script>alert(1)</script> & more", o.get("headline").asText());
    assertEquals("A <b>", o.get("author").get(0).get("name").asText());
    assertEquals("Site", o.get("publisher").get("name").asText());
  }

  @Test
  void onlyAnHttpOriginalIsLinked() {
    Analysis a = Analyses.text("Body.").url("javascript:alert(1)").build();
    assertNull(ArticlePage.of(view(a, Map.of()), EN, null).original());
  }

  @Test
  void theArticleTemplateShowsTheTextMetadataAndPanel() {
    ArticlePage p = ArticlePage.of(view(putin(), Map.of("Vladimir Putin", 5L)), EN, "http://localhost/articles/1");
    Chrome c = new Chrome(EN, "/articles/1", null, "tok", null);
    Document d = Jsoup.parse(Templates.render("article.jte", Map.of("c", c, "p", p, "lineage",
        new LineagePanel(null, java.util.List.of(), java.util.List.of()))));
    assertEquals("Putin in Pyongyang · Lente", d.title());
    assertNull(d.selectFirst("#versions, #same-story"), "no lineage panel for an article with no relative and no story");
    assertEquals("Putin in Pyongyang", d.selectFirst("h1").text());
    assertEquals("/authors/3", d.selectFirst("a[rel=author]").attr("href"));
    assertEquals("https://example.org/a", d.selectFirst("a:contains(Read the original)").attr("href"));
    assertEquals(3, d.select(".article-body .hl.ent").size());
    assertEquals(2, d.select(".timeline li").size());
    Element json = d.selectFirst("script[type=application/ld+json]");
    assertTrue(json.data().contains("\"headline\":\"Putin in Pyongyang\""));
    assertEquals("/articles/1?lang=it", d.selectFirst(".langs a").attr("href"));
  }
}
