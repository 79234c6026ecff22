package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lente ingest} on sources that lose content: each loss is a counted failure with its reason, exit 2. */
class IngestLossTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path in;
  @TempDir Path data;

  /** Serves {@code /a.html}, {@code /b.html} and {@code /c.html}, three different articles; 404 for anything else. */
  private HttpServer server;
  private String site;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    for (String page : new String[] {"a", "b", "c"}) {
      byte[] b = ARTICLE.replace("Livorno", "Livorno (" + page + ")").replace("sei mesi", page + " mesi")
          .getBytes(UTF_8);
      server.createContext("/" + page + ".html", ex -> {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
      });
    }
    server.start();
    site = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServing() {
    server.stop(0);
  }

  private static final String ARTICLE = "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">"
      + "<title>Il porto riapre dopo i lavori</title></head><body><article><h1>Il porto riapre dopo i lavori</h1>"
      + "<p>Il porto di Livorno riapre domani dopo sei mesi di lavori sulle banchine, ha annunciato l'Autorità "
      + "portuale.</p><p>Le navi potranno attraccare dalle sette del mattino, ha detto il presidente ai "
      + "giornalisti.</p></article></body></html>";

  /** One WARC response record holding an HTML page, with {@code Content-Length} as given (null: the true one). */
  private static String record(String uri, String contentLength) {
    byte[] body = ARTICLE.getBytes(UTF_8);
    String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
        + "\r\n\r\n" + new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
    return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
        uri.getBytes(UTF_8)) + ">\r\nWARC-Date: 2024-05-14T10:00:00Z\r\nWARC-Target-URI: " + uri
        + "\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: "
        + (contentLength == null ? Integer.toString(http.length()) : contentLength) + "\r\n\r\n" + http + "\r\n\r\n";
  }

  private Path file(String name, String latin1) throws IOException {
    return Files.write(in.resolve(name), latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  private CliRun ingest(Path source) {
    return CliRun.of("ingest", "--json", "--threads", "1", "--data", data.toString(), source.toString());
  }

  /** Ingests a list whose entries are pages of the local server. */
  private CliRun ingestList(Path source) {
    return CliRun.of("ingest", "--json", "--threads", "1", "--allow-private", "--delay", "0", "--data",
        data.toString(), source.toString());
  }

  private static JsonNode summary(CliRun run) throws IOException {
    String[] lines = run.out().strip().split("\n");
    return JSON.readTree(lines[lines.length - 1]);
  }

  @Test
  void aWarcWithGarbageBeforeARecordStoresTheRecordAndCountsTheGarbage() throws IOException {
    Path warc = file("garbage.warc", "this is garbage\u0000\u0001 not a warc\r\n"
        + record("https://news.example/porto", null));

    CliRun run = ingest(warc);

    JsonNode s = summary(run);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(1, s.get("stored").asInt(), s.toString());
    assertEquals(1, s.get("failed").asInt(), s.toString());
    assertTrue(s.get("errors").get(0).get("reason").asText().contains("resumed at the next record, byte 30"),
        s.toString());
  }

  @Test
  void aWarcRecordWithAnAbsurdContentLengthIsAFailureWithItsReason() throws IOException {
    Path warc = file("absurd.warc", record("https://news.example/porto", "99999999999999999"));

    CliRun run = ingest(warc);

    JsonNode s = summary(run);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(1, s.get("failed").asInt(), s.toString());
    assertTrue(s.get("errors").get(0).get("reason").asText().contains("declares Content-Length 99999999999999999"),
        s.toString());
  }

  @Test
  void aFeedNestedTwoHundredThousandDeepIsAFailure() throws IOException {
    Path feed = file("deep.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie</title><item>"
        + "<x>".repeat(200_000) + "</x>".repeat(200_000) + "</item></channel></rss>");

    CliRun run = ingest(feed);

    JsonNode s = summary(run);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(1, s.get("failed").asInt(), s.toString());
    assertTrue(s.get("errors").get(0).get("reason").asText().contains("feed too deeply nested (limit 256)"),
        s.toString());
  }

  @Test
  void aFeedThatBreaksHalfWayStoresTheItemsBeforeTheBreakAndCountsTheRest() throws IOException {
    Path feed = file("broken.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie</title>\n"
        + "<item><title>Uno</title><link>" + site + "/a.html</link></item>\n"
        + "<item><title>Due</title><link>" + site + "/b.html</link></item>\n"
        + "<item><title>Tre</title><link>" + site + "/c.html</link></ite");

    CliRun run = ingestList(feed);

    JsonNode s = summary(run);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(2, s.get("stored").asInt(), s.toString());
    assertEquals(1, s.get("failed").asInt(), s.toString());
    JsonNode error = s.get("errors").get(0);
    assertEquals(feed.toString(), error.get("source").asText(), s.toString());
    assertTrue(error.get("reason").asText().contains("the XML is malformed at line 4"), s.toString());
    assertTrue(error.get("reason").asText().endsWith("kept the 2 items read before it"), s.toString());
  }

  @Test
  void aSitemapEntryWithoutAUsableLocationIsAFailureAndTheOthersAreStored() throws IOException {
    Path sitemap = file("sitemap.xml", "<?xml version=\"1.0\"?>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>" + site + "/a.html</loc></url><url><loc>javascript:alert(1)</loc></url>"
        + "<url><loc>" + site + "/b.html</loc></url></urlset>");

    CliRun run = ingestList(sitemap);

    JsonNode s = summary(run);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(2, s.get("stored").asInt(), s.toString());
    assertEquals(1, s.get("failed").asInt(), s.toString());
    JsonNode error = s.get("errors").get(0);
    assertEquals(sitemap.toString(), error.get("source").asText(), s.toString());
    assertEquals("1 entr(ies) without a usable http(s) location skipped (first: \"javascript:alert(1)\")",
        error.get("reason").asText(), s.toString());
  }

  @Test
  void theTextSummaryNamesTheFeedAndWhatWasLost() throws IOException {
    Path feed = file("nolink.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie</title>"
        + "<item><title>Uno</title><link>" + site + "/a.html</link></item>"
        + "<item><title>Senza link</title><link>mailto:redazione@news.example</link></item></channel></rss>");

    CliRun run = CliRun.of("ingest", "--threads", "1", "--allow-private", "--delay", "0", "--data", data.toString(),
        feed.toString());

    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("stored 1, updated 0, duplicates 0, skipped 0, failed 1"), run.out());
    assertTrue(run.out().contains("failed: " + feed + ": 1 item(s) without a usable http(s) link skipped (first: "
        + "Senza link)"), run.out());
  }

  @Test
  void anOpmlOutlineWithoutAUsableFeedUrlIsAFailure() throws IOException {
    Path opml = file("feeds.opml", "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Fonti</title></head>"
        + "<body><outline text=\"Relativo\" type=\"rss\" xmlUrl=\"feed.xml\"/></body></opml>");

    CliRun run = ingestList(opml);

    JsonNode s = summary(run);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(1, s.get("failed").asInt(), s.toString());
    assertEquals("1 outline(s) whose xmlUrl is not an absolute http(s) URL skipped (first: \"feed.xml\")",
        s.get("errors").get(0).get("reason").asText(), s.toString());
  }

  @Test
  void aFeedInAnOpmlListNestedTooDeepIsAFailureNotADrop() throws IOException {
    String[] next = {"/o2.opml", "/o3.opml", "/feed.xml"};
    for (int i = 0; i < next.length; i++) {
      byte[] b = ("<opml version=\"2.0\"><body><outline text=\"Giù\" xmlUrl=\"" + site + next[i] + "\"/></body></opml>")
          .getBytes(UTF_8);
      server.createContext("/o" + (i + 1) + ".opml", ex -> {
        ex.getResponseHeaders().set("Content-Type", "text/x-opml");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
      });
    }
    Path opml = file("top.opml", "<opml version=\"2.0\"><body><outline text=\"Fonti\" xmlUrl=\"" + site
        + "/o1.opml\"/></body></opml>");

    CliRun run = ingestList(opml);

    JsonNode s = summary(run);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(1, s.get("failed").asInt(), s.toString());
    assertEquals(site + "/feed.xml", s.get("errors").get(0).get("source").asText(), s.toString());
    assertEquals("OPML list nested deeper than 3 levels: not followed", s.get("errors").get(0).get("reason").asText(),
        s.toString());
  }
}
