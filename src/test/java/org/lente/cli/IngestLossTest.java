package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lente ingest} on sources that lose content: each loss is a counted failure with its reason, exit 2. */
class IngestLossTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path in;
  @TempDir Path data;

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
}
