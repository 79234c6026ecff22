package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockFeaturesTest {

  private static final String PROSE = """
      <p>The library on Mill Street will open on Sundays from next month, the council said on Monday, after a survey found that most readers could not visit during the week.</p>
      <p>Staff will work the extra hours in turns, and two volunteers from the reading group have offered to run the children's corner on Sunday mornings.</p>
      <p>The change will cost about four thousand pounds a year, which the council plans to take from the budget it set aside for the old mobile library.</p>
      """;

  @Test
  void aLinkListInsideTheArticleHasAHighLinkShare() {
    List<BlockModel.Candidate> c = candidates("<article>" + PROSE
        + "<p><a href=/a>Council approves longer opening hours for the Mill Street library</a> "
        + "<a href=/b>The reading group will meet twice a month from the spring</a></p></article>");

    assertEquals(1.0, feature(c.get(c.size() - 1), "link_share"), 1e-9);
    assertEquals(0.0, feature(c.get(0), "link_share"), 1e-9);
  }

  @Test
  void classWordsOfTheContainersBetweenBlockAndRootCount() {
    List<BlockModel.Candidate> c = candidates("<article>" + PROSE
        + "<div class=\"partner-note\"><div><p>Our members get early access to every new book we buy.</p></div></div>"
        + "</article>");

    assertTrue(feature(c.get(c.size() - 1), "class_weight") < 0, "inside a partner note");
    assertEquals(0.0, feature(c.get(0), "class_weight"), 1e-9);
  }

  @Test
  void onlyTheLastBodyBlockIsLast() {
    List<BlockModel.Candidate> c = candidates("<article>" + PROSE + "</article>");

    assertEquals(List.of(0.0, 0.0, 1.0), c.stream().map(x -> feature(x, "last")).toList());
  }

  @Test
  void aShortFragmentWithoutClosingPunctuationIsMarkedAsOne() {
    List<BlockModel.Candidate> c = candidates("<article>" + PROSE + "<p>Read our weekend guide</p></article>");

    assertEquals(1.0, feature(c.get(c.size() - 1), "short_without_end"), 1e-9);
    assertEquals(0.0, feature(c.get(0), "short_without_end"), 1e-9);
  }

  @Test
  void captionsAreNotJudged() {
    List<BlockModel.Candidate> c = candidates("<article>" + PROSE
        + "<figure><img src=a.jpg><figcaption>The library's reading room.</figcaption></figure></article>");

    assertFalse(c.get(c.size() - 1).judged());
  }

  @Test
  void preformattedTextIsNotJudged() {
    List<BlockModel.Candidate> c = candidates("<article>" + PROSE + "<pre>for row in rows:\n    print(row)</pre></article>");

    assertFalse(c.get(c.size() - 1).judged());
    assertTrue(c.get(0).judged());
  }

  @Test
  void blocksBetweenTheHeadlineAndTheRootComeFirstMarkedBeforeRoot() {
    List<BlockModel.Candidate> c = candidates("<div><h1>Sunday opening for the library</h1></div>"
        + "<p>Readers asked for it in a survey.</p><div>" + PROSE + "</div>");

    assertEquals("Readers asked for it in a survey.", c.get(0).block().text());
    assertEquals(1.0, feature(c.get(0), "before_root"), 1e-9);
    assertEquals(0.0, feature(c.get(1), "before_root"), 1e-9);
  }

  @Test
  void aBoxNestedInsideTheArticleHasALowerDepthShareThanItsParagraphs() {
    List<BlockModel.Candidate> c = candidates("<article>" + PROSE
        + "<div class=\"box\"><p>Also on the site: the ten best reading rooms in the county.</p>"
        + "<p>Our guide to the region's small libraries, updated every spring.</p></div></article>");

    double paragraph = feature(c.get(0), "depth_share");
    double box = feature(c.get(c.size() - 1), "depth_share");
    assertTrue(box < paragraph, box + " against " + paragraph);
  }

  @Test
  void aQuoteInAWrapperOfItsOwnSharesTheDepthOfTheParagraphsAroundIt() {
    List<BlockModel.Candidate> c = candidates("<article>" + PROSE
        + "<div class=\"embed\"><blockquote><p>Sunday opening at last, thank you to everyone who signed.</p></blockquote>"
        + "<script>embed()</script></div>" + PROSE + "</article>");

    assertEquals(1.0, feature(c.get(3), "depth_share"), 1e-9);
    assertEquals(1.0, feature(c.get(0), "depth_share"), 1e-9);
  }

  @Test
  void aSentenceEndsAtAClosingQuoteToo() {
    assertTrue(BlockFeatures.endsSentence("He said it was \"a good day.\" "));
    assertFalse(BlockFeatures.endsSentence("Opening hours"));
  }

  private static List<BlockModel.Candidate> candidates(String body) {
    return new HtmlExtractor().candidates("<html><body>" + body + "</body></html>", null);
  }

  private static double feature(BlockModel.Candidate c, String name) {
    return c.features()[BlockModel.FEATURES.indexOf(name)];
  }
}
