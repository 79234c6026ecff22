package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Whole pages of common shapes, extracted with the bundled block model as {@code lente extract} does. */
class ArticlePagesTest {

  private static final String BODY = """
      <p>The night bus between the station and the hospital will run every twenty minutes from May, the transport authority said on Thursday, after nurses asked for a service that matches their shifts.</p>
      <p>The authority will pay for the extra journeys from the fares it raised in January, and it expects about four hundred people to use the service each night once it is known.</p>
      <p>Drivers' unions welcomed the plan but said that the authority should first hire the eleven drivers it has been short of since last summer, or the new timetable would not hold.</p>
      """;

  @Test
  void aTrailingLineOfTopicLabelsInsideTheArticleIsLeftOutByTheModel() {
    String html = "<html><body><article><h1>Night bus to the hospital</h1>" + BODY
        + "<p>Filed under Transport, <a href=/t/h>Quay Road</a>, Hospital Trust</p></article></body></html>";

    String withModel = extract(html, BlockModel.bundled()).text();
    String withoutModel = extract(html, BlockModel.keepAll()).text();

    assertTrue(withoutModel.contains("Quay Road"), "the writer alone keeps it: " + withoutModel);
    assertFalse(withModel.contains("Quay Road"), withModel);
    assertTrue(withModel.endsWith("the new timetable would not hold."), withModel);
  }

  @Test
  void aShortArticleOfOneParagraphIsKept() {
    String html = "<html><body><article><h1>Road closed</h1><p>Quay Road is closed until Friday while the water"
        + " main is repaired.</p></article></body></html>";

    assertEquals("Quay Road is closed until Friday while the water main is repaired.",
        extract(html, BlockModel.bundled()).text());
  }

  @Test
  void aListHeavyArticleKeepsItsLists() {
    String html = "<html><body><article><h1>What changes in May</h1>" + BODY
        + "<p>The new timetable, stop by stop:</p>"
        + "<ul><li>Station, every twenty minutes from midnight to five</li>"
        + "<li>Market Square, two minutes after the station</li>"
        + "<li>Hospital main entrance, twelve minutes after the station</li></ul>"
        + "<p>Tickets bought on the day bus remain valid on the night bus until the first morning service.</p>"
        + "</article></body></html>";

    String text = extract(html, BlockModel.bundled()).text();

    assertTrue(text.contains("Market Square, two minutes after the station"), text);
  }

  @Test
  void aCommentSectionAfterTheArticleIsLeftOut() {
    String html = "<html><body><article><h1>Night bus to the hospital</h1>" + BODY + "</article>"
        + "<section class=\"comments\"><h3>4 comments</h3>"
        + "<div class=\"comment\"><p>About time! My sister works nights there and has been taking taxis for two years.</p></div>"
        + "</section></body></html>";

    assertFalse(extract(html, BlockModel.bundled()).text().contains("taking taxis"));
  }

  private static Article extract(String html, BlockModel model) {
    return new HtmlExtractor(Limits.DEFAULTS, model).extract("page.html", html, null, new ArrayList<>());
  }
}
