package org.lente.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FeedsTest {

  private static final URI BASE = URI.create("https://news.example/feeds/main.xml");

  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
           xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
          <title>Notizie  dal porto</title>
          <link>https://news.example/</link>
          <ttl>15</ttl>
          <image><title>not the feed title</title><url>https://news.example/logo.png</url></image>
          <item>
            <title>Il porto apre la banchina</title>
            <link>https://news.example/2024/05/14/banchina</link>
            <pubDate>Tue, 14 May 2024 09:30:00 +0200</pubDate>
            <description>&lt;p&gt;Apre la nuova banchina.&lt;/p&gt;</description>
            <dc:creator>Anna Rossi</dc:creator>
            <author>mario@news.example (Mario Bianchi)</author>
          </item>
          <item>
            <title>Secondo articolo</title>
            <guid>https://news.example/2024/05/15/secondo</guid>
            <pubDate>Wed, 15 May 2024 07:00:00 GMT</pubDate>
          </item>
        </channel>
      </rss>
      """;

  @Test
  void jsonInAnImpossibleEncodingIsAFormatErrorNamingIt() {
    // "{" then three NULs: Jackson reads UTF-32LE, and the next four bytes are no character at all
    byte[] json = {'{', 0, 0, 0, 0, 0, (byte) 0xff, 0};

    SourceFormatException e = assertThrows(SourceFormatException.class, () -> Feeds.parse(json, BASE));

    assertTrue(e.getMessage().contains("Invalid UTF-32 character"), e.getMessage());
  }

  @Test
  void rssChannelGivesTitleLinkAndTtl() throws IOException {
    Feed feed = Feeds.parse(RSS.getBytes(UTF_8), BASE);

    assertEquals("Notizie dal porto", feed.title());
    assertEquals("https://news.example/", feed.link());
    assertEquals(15, feed.ttl());
  }

  @Test
  void rssItemGivesUrlTitleDateSummaryAndAuthors() throws IOException {
    FeedItem item = Feeds.parse(RSS.getBytes(UTF_8), BASE).items().get(0);

    assertEquals(new FeedItem("https://news.example/2024/05/14/banchina", "Il porto apre la banchina",
        "2024-05-14T09:30:00+02:00", "<p>Apre la nuova banchina.</p>", List.of("Anna Rossi", "Mario Bianchi")), item);
  }

  @Test
  void rssPermalinkGuidStandsInForAMissingLink() throws IOException {
    FeedItem item = Feeds.parse(RSS.getBytes(UTF_8), BASE).items().get(1);

    assertEquals("https://news.example/2024/05/15/secondo", item.url());
    assertEquals("2024-05-15T07:00:00Z", item.published());
  }

  @Test
  void rss10RdfItemsAreRead() throws IOException {
    String rdf = """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
          <channel rdf:about="https://news.example/">
            <title>RDF news</title><link>https://news.example/</link>
            <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
          </channel>
          <item rdf:about="https://news.example/a"><title>A</title><link>https://news.example/a</link>
            <dc:date>2017-06-16T00:00:00-07:00</dc:date></item>
        </rdf:RDF>
        """;

    Feed feed = Feeds.parse(rdf.getBytes(UTF_8), null);

    assertEquals("RDF news", feed.title());
    assertEquals(30, feed.ttl());
    assertEquals(List.of(new FeedItem("https://news.example/a", "A", "2017-06-16T00:00:00-07:00", null, List.of())),
        feed.items());
  }

  @Test
  void atomRelativeLinksResolveAgainstXmlBaseThenTheBaseUri() throws IOException {
    String atom = """
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="html">Lente &lt;b&gt;ne&lt;/b&gt;ws &amp;amp; co</title>
          <link rel="self" href="/feeds/main.xml"/>
          <link href="/"/>
          <entry xml:base="https://cdn.example/2024/">
            <title>Based</title>
            <link rel="alternate" type="text/html" href="articolo-1.html"/>
            <published>2024-05-14T10:00:00Z</published>
            <summary>Uno</summary>
            <author><name>Anna Rossi</name></author>
          </entry>
          <entry>
            <title>Relative</title>
            <link rel="edit" href="/edit/2"/>
            <link href="../articles/2"/>
            <updated>2024-05-15T10:00:00+01:00</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Due</p></div></content>
          </entry>
        </feed>
        """;

    Feed feed = Feeds.parse(atom.getBytes(UTF_8), BASE);

    assertEquals("Lente news & co", feed.title());
    assertEquals("https://news.example/", feed.link());
    assertEquals(List.of("https://cdn.example/2024/articolo-1.html", "https://news.example/articles/2"),
        feed.items().stream().map(FeedItem::url).toList());
    assertEquals(List.of("Anna Rossi"), feed.items().get(0).authors());
    assertEquals("2024-05-15T10:00:00+01:00", feed.items().get(1).published());
    assertEquals("Due", feed.items().get(1).summary());
  }

  @Test
  void atomEntryWithOnlyASelfLinkIsSkippedAsALoss() throws IOException {
    String atom = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
          <entry><title>Self only</title><link rel="self" href="http://example.org/1000"/><id>urn:uuid:1</id></entry>
        </feed>
        """;

    Feed feed = Feeds.parse(atom.getBytes(UTF_8), null);

    assertEquals(List.of(), feed.items());
    assertEquals(List.of(new Loss(1, "1 item(s) without a usable http(s) link skipped (first: Self only)")),
        feed.losses());
    assertEquals(List.of(), feed.warnings());
  }

  @Test
  void jsonFeedItemsAreRead() throws IOException {
    String json = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "JSON news",
         "home_page_url": "https://news.example/", "feed_url": "https://news.example/feed.json",
         "items": [
           {"id": "1", "url": "/2024/a", "title": "A", "date_published": "2024-05-14T10:00:00+02:00",
            "summary": "Sommario", "authors": [{"name": "Anna Rossi"}]},
           {"id": "2", "url": "https://news.example/2024/b", "title": "B", "content_text": "Testo",
            "author": {"name": "Mario Bianchi"}}
         ]}
        """;

    Feed feed = Feeds.parse(json.getBytes(UTF_8), null);

    assertEquals("JSON news", feed.title());
    assertEquals(List.of(
        new FeedItem("https://news.example/2024/a", "A", "2024-05-14T10:00:00+02:00", "Sommario", List.of("Anna Rossi")),
        new FeedItem("https://news.example/2024/b", "B", null, "Testo", List.of("Mario Bianchi"))), feed.items());
  }

  @Test
  void jsonThatIsNotAJsonFeedIsRefused() {
    SourceFormatException e = assertThrows(SourceFormatException.class,
        () -> Feeds.parse("{\"version\": \"2\", \"items\": []}".getBytes(UTF_8), null));

    assertTrue(e.getMessage().contains("\"version\" is \"2\""), e.getMessage());
  }

  @Test
  void anotherRootElementIsNotAFeed() {
    SourceFormatException e = assertThrows(SourceFormatException.class,
        () -> Feeds.parse("<urlset><url/></urlset>".getBytes(UTF_8), null));

    assertEquals("not a feed: the root element is <urlset>", e.getMessage());
  }

  @Test
  void aFeedThatBreaksHalfWayKeepsTheItemsBeforeTheBreak() throws IOException {
    String cut = RSS.substring(0, RSS.indexOf("<title>Secondo"));

    Feed feed = Feeds.parse(cut.getBytes(UTF_8), BASE);

    assertEquals(1, feed.items().size());
    assertEquals(1, feed.losses().size(), feed.losses().toString());
    assertEquals(0, feed.losses().get(0).entries());
    assertTrue(feed.losses().get(0).reason().startsWith("the XML is malformed at line"), feed.losses().toString());
  }

  @Test
  void jsonFeedItemsThatAreNotObjectsAreOneLoss() throws IOException {
    String json = """
        {"version": "https://jsonfeed.org/version/1.1", "items": [
          "https://news.example/a", {"url": "https://news.example/b"}, 7]}
        """;

    Feed feed = Feeds.parse(json.getBytes(UTF_8), null);

    assertEquals(1, feed.items().size());
    assertEquals(List.of(new Loss(2, "2 item(s) that are not JSON objects skipped")), feed.losses());
  }

  @Test
  void aGzipFeedCutShortKeepsItsItemsAndCountsTheLoss() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(RSS.getBytes(UTF_8));
    }
    byte[] gzip = out.toByteArray();
    byte[] cut = java.util.Arrays.copyOf(gzip, gzip.length - 8); // the trailer's checksum and size

    Feed feed = Feeds.parse(cut, BASE);

    assertEquals(Feeds.parse(RSS.getBytes(UTF_8), BASE).items(), feed.items());
    assertTrue(feed.losses().get(0).reason().startsWith("gzip stream is broken"), feed.losses().toString());
  }

  @Test
  void htmlEntitiesAndBareAmpersandsOfSloppyFeedsAreRead() throws IOException {
    String rss = "<rss><channel><title>Caf&eacute; &mdash; news</title>"
        + "<item><title>Q&A</title><link>https://news.example/?a=1&b=2</link></item></channel></rss>";

    Feed feed = Feeds.parse(rss.getBytes(UTF_8), null);

    assertEquals("Café — news", feed.title());
    assertEquals("https://news.example/?a=1&b=2", feed.items().get(0).url());
    assertEquals(List.of("2 bare '&' character(s) escaped"), feed.warnings());
  }

  @Test
  void latin1WithoutDeclarationIsDecodedAsWindows1252() throws IOException {
    String rss = "<rss><channel><title>Últimas Notícias</title></channel></rss>";

    Feed feed = Feeds.parse(rss.getBytes(Charset.forName("ISO-8859-1")), null);

    assertEquals("Últimas Notícias", feed.title());
  }

  @Test
  void gzippedFeedIsRecognisedByItsMagicBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(RSS.getBytes(UTF_8));
    }

    assertEquals(2, Feeds.parse(out.toByteArray(), BASE).items().size());
  }

  @Test
  void unreadableDatesAreLeftNullWithAWarning() throws IOException {
    String rss = "<rss><channel><item><link>https://news.example/a</link><pubDate>yesterday</pubDate></item></channel></rss>";

    Feed feed = Feeds.parse(rss.getBytes(UTF_8), null);

    assertNull(feed.items().get(0).published());
    assertEquals(List.of("1 date(s) that could not be read left out (first: \"yesterday\")"), feed.warnings());
  }

  @Test
  void aFeedNestedTooDeeplyIsRejectedWhateverWasReadBefore() {
    byte[] deep = ("<rss version=\"2.0\"><channel><title>Notizie</title><item><title>Porto</title>"
        + "<link>https://news.example/porto</link></item><item>" + "<x>".repeat(200_000) + "</x>".repeat(200_000)
        + "</item></channel></rss>").getBytes(UTF_8);

    SourceFormatException e = assertThrows(SourceFormatException.class, () -> Feeds.parse(deep, BASE));

    assertTrue(e.getMessage().startsWith("feed too deeply nested (limit 256)"), e.getMessage());
  }
}
