package org.lente.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceKindTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      <?xml version="1.0"?><rss version="2.0"><channel/></rss>                        | FEED
      <?xml version="1.0"?><!-- c --><rdf:RDF xmlns:rdf="x"/>                          | FEED
      <feed xmlns="http://www.w3.org/2005/Atom"/>                                      | FEED
      {"version": "https://jsonfeed.org/version/1.1", "items": []}                     | FEED
      {"version":"https:\\/\\/jsonfeed.org\\/version\\/1","items":[]}                  | FEED
      <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/> | SITEMAP
      <sitemapindex/>                                                                  | SITEMAP
      <opml version="2.0"><body/></opml>                                               | OPML
      <!DOCTYPE html><title>x</title>                                                  | HTML
      <html lang="it"><body>x</body></html>                                            | HTML
      <!DOCTYPE rss [<!ENTITY a "b">]><rss/>                                           | FEED
      WARC/1.1                                                                         | WARC
      Il ponte riapre domani.                                                          | TEXT
      """)
  void contentDecides(String content, SourceKind expected) {
    assertEquals(expected, SourceKind.sniff(content.getBytes(UTF_8), null, null));
  }

  @Test
  void contentTypeDecidesWhenContentDoesNot() {
    assertEquals(SourceKind.FEED, SourceKind.sniff("<unknown/>".getBytes(UTF_8), "application/rss+xml; charset=utf-8", null));
  }

  @Test
  void extensionDecidesLast() {
    assertEquals(SourceKind.SITEMAP,
        SourceKind.sniff("<x/>".getBytes(UTF_8), null, URI.create("https://news.example/sitemap-news.xml")));
  }

  @Test
  void gzippedWarcIsAWarc() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write("WARC/1.0\r\nWARC-Type: warcinfo\r\n".getBytes(UTF_8));
    }

    assertEquals(SourceKind.WARC, SourceKind.sniff(out.toByteArray(), null, null));
  }

  @Test
  void binaryIsUnknown() {
    assertEquals(SourceKind.UNKNOWN, SourceKind.sniff(new byte[] {0, 1, 2, 3, (byte) 0xff}, "text/plain", null));
  }
}
