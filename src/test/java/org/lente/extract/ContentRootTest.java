package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ContentRootTest {

  @Test
  void whatLiesBetweenTheHeadlineAndTheRootComesInDocumentOrder() {
    Document doc = Jsoup.parse("""
        <div id=page>
          <div id=top><div id=kicker-wrap><h1>Ferry fares rise</h1><p id=a>Fares go up by a tenth in May.</p></div>
            <p id=b>The operator blames the price of fuel.</p></div>
          <p id=c>Island councils have asked for a meeting.</p>
          <div id=main><p id=d>Before the body.</p><div id=root><p>The body of the article.</p></div></div>
        </div>""");

    assertEquals(List.of("a", "b", "c", "d"), ids(between(doc, "root")));
  }

  @Test
  void nothingLiesBetweenWhenTheHeadlineIsInsideTheRoot() {
    Document doc = Jsoup.parse("<div id=root><h1>Ferry fares rise</h1><p>Fares go up by a tenth in May.</p></div>");

    assertEquals(List.of(), between(doc, "root"));
  }

  @Test
  void nothingLiesBetweenWhenTheHeadlineComesAfterTheRoot() {
    Document doc = Jsoup.parse("<div><div id=root><p>Fares go up by a tenth in May.</p></div><p>Later.</p>"
        + "<div><h1>Ferry fares rise</h1></div></div>");

    assertEquals(List.of(), between(doc, "root"));
  }

  @Test
  void furnitureAndEmptyElementsBetweenAreLeftOut() {
    Document doc = Jsoup.parse("""
        <div><div><h1>Ferry fares rise</h1></div>
          <nav><a href=/>Home</a></nav><div class=share-bar><a href=/s>Share</a></div><div id=empty><img src=x.jpg></div>
          <p id=a>Fares go up by a tenth in May.</p>
          <div id=root><p>The body of the article.</p></div></div>""");

    assertEquals(List.of("a"), ids(between(doc, "root")));
  }

  private static List<Element> between(Document doc, String rootId) {
    HtmlExtractor.Stats stats = HtmlExtractor.Stats.compute(doc.body(), 64);
    return ContentRoot.betweenHeadlineAndRoot(stats.firstH1, doc.getElementById(rootId), stats);
  }

  private static List<String> ids(List<Element> elements) {
    return elements.stream().map(Element::id).toList();
  }
}
