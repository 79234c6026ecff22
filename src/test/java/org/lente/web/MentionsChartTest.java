package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class MentionsChartTest {

  private static final Messages EN = Messages.of("en");

  private static Document svg(Map<String, Long> perDay, String title) {
    return Jsoup.parse(MentionsChart.svg(perDay, title, "c", EN).html(), "", Parser.xmlParser());
  }

  @Test
  void fewDaysAreBarsWithEmptyDaysFilledIn() {
    Document d = svg(Map.of("2024-06-01", 3L, "2024-06-04", 1L, "undated", 9L), "Mentions");
    assertEquals(4, d.select("rect.bar").size());
    assertEquals(List.of("2024-06-01: 3", "2024-06-02: 0", "2024-06-03: 0", "2024-06-04: 1"),
        d.select("rect.bar > title").eachText());
  }

  @Test
  void theChartHasAnAccessibleNameAndDescription() {
    Element root = svg(Map.of("2024-06-01", 3L, "2024-06-02", 5L), "Mentions of Rome").selectFirst("svg");
    assertEquals("img", root.attr("role"));
    assertEquals("c-title c-desc", root.attr("aria-labelledby"));
    assertEquals("Mentions of Rome", root.selectFirst("title#c-title").text());
    assertEquals("8 mentions from 2024-06-01 to 2024-06-02; most on 2024-06-02 (5).", root.selectFirst("desc").text());
  }

  @Test
  void manyPeriodsAreALine() {
    Map<String, Long> perDay = new HashMap<>();
    LocalDate d = LocalDate.of(2020, 1, 1);
    for (int i = 0; i < 6 * 365; i += 10) {
      perDay.put(d.plusDays(i).toString(), (long) (i % 13 + 1));
    }
    Document doc = svg(perDay, "Mentions");
    assertTrue(doc.select("rect.bar").isEmpty());
    assertEquals(1, doc.select("polyline.line").size());
    assertTrue(doc.select("circle.point > title").first().text().startsWith("2020-01"), "grouped by month");
  }

  @Test
  void aSpanOfMonthsIsGroupedByWeek() {
    List<MentionsChart.Bucket> b = MentionsChart.buckets(Map.of("2024-01-03", 1L, "2024-01-04", 2L,
        "2024-05-30", 4L), EN);
    assertEquals(LocalDate.of(2024, 1, 1), b.get(0).start(), "weeks start on Monday");
    assertEquals(3, b.get(0).count());
    assertEquals(4, b.get(b.size() - 1).count());
    assertEquals("week of 2024-01-01", b.get(0).label());
  }

  @Test
  void noDatedMentionsSaySo() {
    assertEquals("<p class=\"muted\">No dated mentions yet.</p>", MentionsChart.svg(Map.of("undated", 4L), "x", "c", EN).html());
  }

  @Test
  void aHostileTitleAndKeysStayText() {
    String title = "</title><script>alert(1)</script><foreignObject><img src=x onerror=alert(2)></foreignObject>";
    String html = MentionsChart.svg(Map.of("2024-06-01", 1L, "<svg onload=alert(3)>", 2L), title, "c", EN).html();
    Document d = Jsoup.parseBodyFragment(html);
    assertTrue(d.select("script, foreignObject, foreignobject, img, svg svg").isEmpty(), html);
    d.getAllElements().forEach(e -> e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on"), html)));
    assertEquals(title, d.selectFirst("svg > title").text());
  }

  @Test
  void theScaleEndsOnARoundNumber() {
    assertEquals(1, MentionsChart.niceCeiling(1));
    assertEquals(5, MentionsChart.niceCeiling(3));
    assertEquals(20, MentionsChart.niceCeiling(11));
    assertEquals(1000, MentionsChart.niceCeiling(501));
  }
}
