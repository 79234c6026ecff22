package org.lente.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlTest {

  private static final String OPML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0">
        <head><title>Le mie fonti</title></head>
        <body>
          <outline text="Italia">
            <outline text="Porto" title="Il Porto" type="rss" xmlUrl="https://porto.example/feed.xml"/>
            <outline text="Regioni">
              <outline text="Toscana" type="rss" xmlUrl="https://toscana.example/rss"/>
            </outline>
          </outline>
          <outline text="World" type="rss" xmlUrl="https://world.example/atom.xml"/>
          <outline text="Duplicate" type="rss" xmlUrl="https://porto.example/feed.xml"/>
          <outline text="Broken" type="rss" xmlUrl="feed.xml"/>
        </body>
      </opml>
      """;

  @Test
  void nestedOutlinesGiveEveryFeedWithItsFolders() throws IOException {
    Opml opml = Opml.parse(OPML.getBytes(UTF_8));

    assertEquals("Le mie fonti", opml.title());
    assertEquals(List.of(
        new Subscription("https://porto.example/feed.xml", "Il Porto", List.of("Italia")),
        new Subscription("https://toscana.example/rss", "Toscana", List.of("Italia", "Regioni")),
        new Subscription("https://world.example/atom.xml", "World", List.of())), opml.feeds());
  }

  @Test
  void aRelativeXmlUrlIsSkippedAsALoss() throws IOException {
    assertEquals(List.of(new Loss(1, "1 outline(s) whose xmlUrl is not an absolute http(s) URL skipped (first: "
        + "\"feed.xml\")")), Opml.parse(OPML.getBytes(UTF_8)).losses());
  }

  @Test
  void aFeedIsNotOpml() {
    assertThrows(SourceFormatException.class, () -> Opml.parse("<rss/>".getBytes(UTF_8)));
  }
}
