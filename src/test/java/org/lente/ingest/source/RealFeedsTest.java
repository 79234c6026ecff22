package org.lente.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real feeds and sitemaps in {@code ../shared/data/feeds} (the {@code lente.data} system
 * property, set by the pom): rss-parser's fixtures with its expected parses, and trafilatura's
 * test feeds and sitemaps. Skipped when the data is absent, as in a user's clone.
 */
class RealFeedsTest {

  private final Path feeds = Path.of(System.getProperty("lente.data", "../shared/data")).resolve("feeds");

  @Test
  void rssParserFixturesGiveTheExpectedItemUrlsTitlesAndDates() throws IOException {
    Path fixtures = feeds.resolve("rss-parser-fixtures");
    assumeTrue(Files.isDirectory(fixtures.resolve("output")),
        "skipped: no rss-parser fixtures at " + fixtures.toAbsolutePath().normalize());
    List<String> problems = new ArrayList<>();
    int compared = 0;
    try (Stream<Path> inputs = Files.list(fixtures.resolve("input"))) {
      for (Path input : inputs.sorted().toList()) {
        String name = input.getFileName().toString();
        Path output = fixtures.resolve("output").resolve(name.substring(0, name.lastIndexOf('.')) + ".json");
        if (!Files.isRegularFile(output)) {
          continue;
        }
        JsonNode expected = json(output).path("feed");
        Feed feed = Feeds.parse(Files.readAllBytes(input), null);
        compared++;
        if (!matches(expected.path("title").asText(null), feed.title())) {
          problems.add(name + ": feed title " + feed.title() + " expected " + expected.path("title"));
        }
        JsonNode items = expected.path("items");
        if (items.size() != feed.items().size()) {
          problems.add(name + ": " + feed.items().size() + " items, expected " + items.size() + " " + feed.losses()
              + " " + feed.warnings());
          continue;
        }
        for (int i = 0; i < items.size(); i++) {
          JsonNode want = items.get(i);
          FeedItem got = feed.items().get(i);
          if (!want.path("link").asText().strip().equals(got.url())) {
            problems.add(name + "[" + i + "]: url " + got.url() + " expected " + want.path("link").asText());
          }
          if (!matches(want.path("title").asText(null), got.title())) {
            problems.add(name + "[" + i + "]: title " + got.title() + " expected " + want.path("title").asText());
          }
          String isoDate = want.path("isoDate").asText(null);
          if (isoDate != null && (got.published() == null || !instant(got.published()).equals(Instant.parse(isoDate)))) {
            problems.add(name + "[" + i + "]: published " + got.published() + " expected " + isoDate);
          }
        }
      }
    }
    assertTrue(compared >= 10, "only " + compared + " fixtures compared");
    assertEquals(List.of(), problems);
  }

  @Test
  void trafilaturaFeedsGiveTheirEntries() throws IOException {
    Path dir = feeds.resolve("trafilatura-fixtures");
    assumeTrue(Files.isDirectory(dir), "skipped: no trafilatura fixtures at " + dir.toAbsolutePath().normalize());

    Feed atom = Feeds.parse(Files.readAllBytes(dir.resolve("feed1.atom")), null);
    Feed rss = Feeds.parse(Files.readAllBytes(dir.resolve("feed2.rss")), null);
    Feed json = Feeds.parse(Files.readAllBytes(dir.resolve("feed.json")), null);

    assertEquals(List.of("http://example.org/2003/12/13/atom03"), atom.items().stream().map(FeedItem::url).toList());
    assertEquals(List.of("http://www.example.com/blog/post/1"), rss.items().stream().map(FeedItem::url).toList());
    assertEquals(1800, rss.ttl());
    JsonNode items = json(dir.resolve("feed.json")).path("items");
    assertEquals(items.size(), json.items().size());
    for (int i = 0; i < items.size(); i++) {
      assertEquals(items.get(i).path("url").asText(), json.items().get(i).url());
      assertEquals(items.get(i).path("title").asText(), json.items().get(i).title());
    }
  }

  @Test
  void trafilaturaSitemapsGiveEveryLocation() throws IOException {
    Path dir = feeds.resolve("trafilatura-fixtures");
    assumeTrue(Files.isDirectory(dir), "skipped: no trafilatura fixtures at " + dir.toAbsolutePath().normalize());

    for (String name : List.of("sitemap.xml", "sitemap-hreflang.xml")) {
      byte[] bytes = Files.readAllBytes(dir.resolve(name));
      String text = new String(bytes, StandardCharsets.UTF_8);
      List<String> locs = new ArrayList<>();
      for (int at = text.indexOf("<loc>"); at >= 0; at = text.indexOf("<loc>", at + 1)) {
        locs.add(text.substring(at + 5, text.indexOf("</loc>", at)).strip());
      }

      Sitemap sitemap = Sitemaps.parse(bytes, null);

      assertEquals(locs, sitemap.urls().stream().map(SitemapUrl::url).toList(), name);
      assertEquals(List.of(), sitemap.warnings(), name);
      assertEquals(List.of(), sitemap.losses(), name);
    }
  }

  /** Equal after collapsing whitespace; a U+FFFD in the expected text (rss-parser read Latin-1 as UTF-8) matches any one character. */
  private static boolean matches(String expected, String actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null || expected != null && expected.isBlank();
    }
    String want = expected.replaceAll("\\s+", " ").strip();
    if (want.length() != actual.length()) {
      return false;
    }
    for (int i = 0; i < want.length(); i++) {
      if (want.charAt(i) != actual.charAt(i) && want.charAt(i) != '\uFFFD') {
        return false;
      }
    }
    return true;
  }

  private static Instant instant(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
  }

  /** The expected parses are UTF-8, except one written in Latin-1. */
  private static JsonNode json(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return new ObjectMapper().readTree(text);
  }
}
