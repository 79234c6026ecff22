package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.xml.sax.InputSource;

class ArticleTextTest {

  private static final Messages EN = Messages.of("en");

  private static Document render(Analysis a, Map<String, Long> ids) {
    return Jsoup.parseBodyFragment(ArticleText.render(a, ids, EN, "t").html());
  }

  /** The text a reader sees: the paragraphs without the descriptions and quote marks ({@code <br>} as a newline). */
  private static List<String> visibleParagraphs(Document d) {
    d.select(".tip, .said").remove();
    return d.select("p").stream().map(Element::wholeText).toList();
  }

  @Test
  void paragraphsComeFromBlankLinesAndLineBreaksStay() {
    Document d = render(Analyses.text("One.", "Two\nlines.").build(), Map.of());
    assertEquals(2, d.select("p").size());
    assertEquals(1, d.select("p").get(1).select("br").size());
    assertEquals(List.of("One.", "Two\nlines."), visibleParagraphs(d));
  }

  @Test
  void anEntityIsFocusableAndDescribesItsTypeAndNameWithALink() {
    Analysis a = Analyses.text("Putin spoke.").entity("Putin", Entity.Type.PER, "Vladimir Putin").build();
    Document d = render(a, Map.of("Vladimir Putin", 7L));
    Element hl = d.selectFirst(".hl.ent.per");
    assertNotNull(hl);
    assertEquals("0", hl.attr("tabindex"));
    Element tip = d.getElementById(hl.attr("aria-describedby"));
    assertNotNull(tip, "aria-describedby points at the description");
    assertEquals("tooltip", tip.attr("role"));
    assertEquals("Person: Vladimir Putin", tip.text());
    assertEquals("/entities/7", tip.selectFirst("a").attr("href"));
  }

  @Test
  void anEntityWithoutAnIdIsNotLinked() {
    Analysis a = Analyses.text("Rome is big.").entity("Rome", Entity.Type.LOC, "Roma").build();
    Document d = render(a, Map.of());
    assertTrue(d.select(".tip a").isEmpty());
    assertEquals("Place: Roma", d.selectFirst(".tip").text());
  }

  @Test
  void aQuoteStartsWithAFocusableMarkNamingItsSpeaker() {
    Analysis a = Analyses.text("\"We will win,\" Blinken said.")
        .quote("We will win,", "Blinken", "Antony Blinken", "say")
        .entity("Blinken", Entity.Type.PER, "Antony Blinken").build();
    Document d = render(a, Map.of("Antony Blinken", 3L));
    Element mark = d.selectFirst(".hl.quote .said-mark");
    assertNotNull(mark);
    assertEquals("0", mark.attr("tabindex"));
    assertEquals("Quote by Antony Blinken", mark.attr("aria-label"));
    Element tip = d.getElementById(mark.attr("aria-describedby"));
    assertEquals("Direct quote: by Antony Blinken (“Blinken”) · say", tip.text());
    assertEquals("/entities/3", tip.selectFirst("a").attr("href"));
  }

  @Test
  void aTimeShowsItsNormalizedDate() {
    Analysis a = Analyses.text("It happened yesterday.").time("yesterday", "2024-06-18").build();
    Element tip = render(a, Map.of()).selectFirst(".hl.time .tip");
    assertEquals("Date: June 18, 2024 2024-06-18", tip.text());
  }

  @Test
  void anEntityInsideAQuoteIsNestedInIt() {
    Analysis a = Analyses.text("\"Rome will decide,\" she said.")
        .quote("Rome will decide,", null, null, "say")
        .entity("Rome", Entity.Type.LOC, "Rome").build();
    Document d = render(a, Map.of());
    assertNotNull(d.selectFirst(".hl.quote > .hl.ent.loc"));
    assertEquals("Direct quote: speaker not found · say", d.selectFirst(".said .tip").text());
  }

  @Test
  void crossingSpansAreClosedAndReopenedAndDescribedOnce() {
    // "New York City" (entity) crosses "City Day" (time): [New York [City] Day]
    Analysis a = Analyses.text("Welcome to New York City Day today.")
        .entity("New York City", Entity.Type.LOC, "New York City")
        .time("City Day today", "2024-06-19").build();
    String html = ArticleText.render(a, Map.of(), EN, "t").html();
    assertWellFormed(html);
    Document d = Jsoup.parseBodyFragment(html);
    assertEquals(1, d.select(".hl.time[tabindex]").size());
    assertEquals(1, d.select(".hl.time.cont").size());
    assertEquals(2, d.select(".tip").size());
    assertEquals(List.of("Welcome to New York City Day today."), visibleParagraphs(d));
  }

  @Test
  void aQuoteOverTwoParagraphsIsSplitAtTheBreak() {
    Analysis a = Analyses.text("\"First part.", "Second part,\" he said.")
        .quote("First part.\n\nSecond part,", null, null, null).build();
    Document d = render(a, Map.of());
    assertEquals(2, d.select("p > .hl.quote").size());
    assertEquals(1, d.select(".said-mark").size());
  }

  @Test
  void spansOutsideTheTextAreSkipped() {
    Analysis a = Analyses.text("Short.").entityAt(3, 40, Entity.Type.ORG, "Nowhere").build();
    Document d = render(a, Map.of());
    assertTrue(d.select(".hl").isEmpty());
    assertEquals(List.of("Short."), visibleParagraphs(d));
  }

  @Test
  void hostileTextNamesAndValuesStayText() {
    String evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    Analysis a = Analyses.text(evil + " said \"<svg onload=alert(3)>\" about javascript:alert(4)")
        .entity("<img src=x onerror=alert(2)>", Entity.Type.PER, "\"><script>alert(5)</script>", "'onmouseover='x")
        .quote("<svg onload=alert(3)>", "<script>alert(1)</script>", "<b onclick=alert(6)>x</b>", "</style>")
        .build();
    String html = ArticleText.render(a, Map.of("\"><script>alert(5)</script>", 9L), EN, "t").html();
    assertWellFormed(html);
    Document d = Jsoup.parseBodyFragment(html);
    assertTrue(d.select("script, img, svg, style, b[onclick]").isEmpty(), html);
    for (Element e : d.getAllElements()) {
      e.attributes().forEach(attr -> assertFalse(attr.getKey().startsWith("on"), attr.getKey() + " in " + html));
    }
    assertTrue(d.text().contains("<script>alert(1)</script>"), "shown as text");
  }

  @Test
  void randomOverlapsAlwaysGiveWellFormedHtmlAndTheWholeText() {
    Random random = new Random(42);
    String body = "Alpha beta gamma delta. Epsilon zeta eta theta.\nIota kappa lambda.";
    String text = body + "\n\n" + body;
    for (int round = 0; round < 300; round++) {
      Analyses b = Analyses.text(body, body);
      List<int[]> spans = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int s = random.nextInt(text.length() - 1);
        int e = s + 1 + random.nextInt(Math.min(30, text.length() - s));
        spans.add(new int[] {s, e});
      }
      for (int[] sp : spans.subList(0, 3)) {
        b.entityAt(sp[0], sp[1], Entity.Type.values()[random.nextInt(4)], "E" + sp[0]);
      }
      for (int[] sp : spans.subList(3, 6)) {
        b.timeAt(sp[0], sp[1], "2024-01-0" + (1 + random.nextInt(9)));
      }
      String html = ArticleText.render(b.build(), Map.of(), EN, "t").html();
      assertWellFormed(html);
      Document d = Jsoup.parseBodyFragment(html);
      assertEquals(6, d.select(".tip").size(), html);
      assertEquals(List.of(body, body), visibleParagraphs(d), html);
    }
  }

  /** Well nested: it parses as XML once the void {@code <br>} is closed. */
  static void assertWellFormed(String html) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.newDocumentBuilder().parse(new InputSource(new StringReader("<root>" + html.replace("<br>", "<br/>") + "</root>")));
    } catch (Exception e) {
      throw new AssertionError("not well formed: " + e.getMessage() + "\n" + html, e);
    }
  }

  @Test
  void descriptionIdsAreUniqueInThePage() {
    Analysis a = Analyses.text("Rome and Milan, today.")
        .entity("Rome", Entity.Type.LOC, "Rome").entity("Milan", Entity.Type.LOC, "Milan")
        .time("today", "2024-06-19").build();
    Elements tips = render(a, Map.of()).select(".tip");
    assertEquals(3, tips.stream().map(Element::id).distinct().count());
  }
}
