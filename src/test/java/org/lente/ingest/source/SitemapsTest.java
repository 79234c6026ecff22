package org.lente.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapsTest {

  private static final URI BASE = URI.create("https://news.example/sitemap.xml");

  private static final String NEWS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
              xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url>
          <loc>https://news.example/2024/05/14/banchina</loc>
          <lastmod>2024-05-14T10:05:00+02:00</lastmod>
          <news:news>
            <news:publication><news:name>Il Porto</news:name><news:language>it</news:language></news:publication>
            <news:publication_date>2024-05-14T09:30:00+02:00</news:publication_date>
            <news:title>Il porto apre la banchina</news:title>
          </news:news>
        </url>
        <url><loc>/2024/05/15/relativo</loc><lastmod>2024-05-15</lastmod></url>
        <url><loc>javascript:alert(1)</loc></url>
      </urlset>
      """;

  @Test
  void sitemapIndexListsSitemaps() throws IOException {
    String index = """
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://news.example/sitemap-news.xml</loc><lastmod>2024-05-14</lastmod></sitemap>
          <sitemap><loc>https://news.example/sitemap-2024.xml.gz</loc></sitemap>
        </sitemapindex>
        """;

    Sitemap sitemap = Sitemaps.parse(index.getBytes(UTF_8), BASE);

    assertEquals(Sitemap.Kind.INDEX, sitemap.kind());
    assertEquals(List.of("https://news.example/sitemap-news.xml", "https://news.example/sitemap-2024.xml.gz"),
        sitemap.sitemaps());
  }

  @Test
  void newsSitemapGivesPublicationDateAndTitle() throws IOException {
    Sitemap sitemap = Sitemaps.parse(NEWS.getBytes(UTF_8), BASE);

    assertEquals(Sitemap.Kind.URLSET, sitemap.kind());
    assertEquals(new SitemapUrl("https://news.example/2024/05/14/banchina", "2024-05-14T10:05:00+02:00",
        "2024-05-14T09:30:00+02:00", "Il porto apre la banchina"), sitemap.urls().get(0));
  }

  @Test
  void relativeLocationsResolveAndOthersAreSkippedAsALoss() throws IOException {
    Sitemap sitemap = Sitemaps.parse(NEWS.getBytes(UTF_8), BASE);

    assertEquals(new SitemapUrl("https://news.example/2024/05/15/relativo", "2024-05-15", null, null),
        sitemap.urls().get(1));
    assertEquals(2, sitemap.urls().size());
    assertEquals(List.of(new Loss(1, "1 entr(ies) without a usable http(s) location skipped (first: "
        + "\"javascript:alert(1)\")")), sitemap.losses());
  }

  @Test
  void gzipSitemapIsRecognisedByItsMagicBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(NEWS.getBytes(UTF_8));
    }

    assertEquals(2, Sitemaps.parse(out.toByteArray(), URI.create("https://news.example/sitemap.bin")).urls().size());
  }

  @Test
  void textSitemapIsOneUrlALine() throws IOException {
    Sitemap sitemap = Sitemaps.parse("https://news.example/a\n\nhttps://news.example/b\r\nnot a url\n".getBytes(UTF_8), null);

    assertEquals(List.of("https://news.example/a", "https://news.example/b"),
        sitemap.urls().stream().map(SitemapUrl::url).toList());
    assertEquals(List.of(new Loss(1, "1 line(s) that are not http(s) URLs skipped (first: \"not a url\")")),
        sitemap.losses());
  }

  @Test
  void aFeedIsNotASitemap() {
    SourceFormatException e = assertThrows(SourceFormatException.class,
        () -> Sitemaps.parse("<rss><channel/></rss>".getBytes(UTF_8), BASE));

    assertEquals("not a sitemap: the root element is <rss>", e.getMessage());
  }
}
