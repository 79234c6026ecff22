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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lente ingest} and the commands that read the knowledge base, against a real local web server. */
class IngestCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, String> site = new ConcurrentHashMap<>();
  private HttpServer server;
  private String base;

  @TempDir Path data;

  private static String page(String title, String body, String date) {
    return "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        + "<meta property=\"article:published_time\" content=\"" + date + "\"></head><body><article><h1>" + title
        + "</h1>" + body + "</article></body></html>";
  }

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = site.get(exchange.getRequestURI().getPath());
      byte[] bytes = body == null ? new byte[0] : body.getBytes(UTF_8);
      String type = exchange.getRequestURI().getPath().endsWith(".xml") ? "application/xml" : "text/html; charset=utf-8";
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
      if (body != null) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    site.put("/porto.html", page("Il porto riapre dopo i lavori",
        "<p>Il porto di Livorno riapre domani dopo sei mesi di lavori sulle banchine, ha annunciato l'Autorità portuale.</p>"
            + "<p>“Le navi potranno attraccare dalle sette del mattino”, ha detto il presidente Luciano Marchetti ai giornalisti.</p>",
        "2024-05-14T09:00:00+02:00"));
    site.put("/ponte.html", page("Il ponte sul fiume chiude per due settimane",
        "<p>Il ponte sull'Arno a Pisa chiude lunedì per due settimane per la manutenzione dei piloni, ha deciso il comune.</p>"
            + "<p>Secondo l'assessore Giulia Neri, il traffico sarà deviato sulla tangenziale per tutta la durata dei lavori.</p>",
        "2024-05-15T10:00:00+02:00"));
    site.put("/feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notizie</title>"
        + "<item><title>Porto</title><link>" + base + "/porto.html</link></item>"
        + "<item><title>Ponte</title><link>" + base + "/ponte.html</link></item></channel></rss>");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private JsonNode ingestJson(String... sources) throws IOException {
    String[] args = new String[5 + sources.length];
    System.arraycopy(new String[] {"ingest", "--json", "--allow-private", "--data", data.toString()}, 0, args, 0, 5);
    System.arraycopy(sources, 0, args, 5, sources.length);
    CliRun run = CliRun.of(args);
    String[] lines = run.out().strip().split("\n");
    return JSON.readTree(lines[lines.length - 1]);
  }

  @Test
  void aPageCannotReplaceAnotherSitesArticleByDeclaringItsUrl() throws IOException {
    ingestJson(base + "/porto.html");
    site.put("/copia.html", page("Il porto resta chiuso", "<p>Il porto di Livorno resta chiuso per altri sei mesi, "
        + "scrive una pagina che si dichiara l'articolo di un altro sito.</p>", "2024-05-14T10:00:00+02:00")
        .replace("</title>", "</title><link rel=\"canonical\" href=\"" + base + "/porto.html\">"));
    String otherHost = base.replace("127.0.0.1", "localhost");

    JsonNode copy = ingestJson(otherHost + "/copia.html");

    assertEquals(1, copy.get("stored").asInt(), copy.toString());
    CliRun search = CliRun.of("search", "--json", "--data", data.toString(), "porto");
    assertEquals(2, search.out().lines().count(), search.out());
    assertTrue(search.out().contains("Il porto riapre dopo i lavori"), search.out());
  }

  @Test
  void aFeedIsIngestedOnceAndSearchable() throws IOException {
    JsonNode first = ingestJson(base + "/feed.xml");
    assertEquals(2, first.get("stored").asInt(), first.toString());
    JsonNode again = ingestJson(base + "/feed.xml");
    assertEquals(0, again.get("stored").asInt(), again.toString());
    assertEquals(2, again.get("duplicates").asInt(), again.toString());

    CliRun search = CliRun.of("search", "--json", "--data", data.toString(), "banchina");
    assertEquals(0, search.code(), search.err());
    JsonNode hit = JSON.readTree(search.out().lines().findFirst().orElseThrow());
    assertEquals("Il porto riapre dopo i lavori", hit.get("title").asText());
    assertTrue(hit.get("snippet").asText().contains("<b>banchine</b>"), hit.toString());

    CliRun quotes = CliRun.of("quotes", "--data", data.toString(), "--speaker", "Marchetti");
    assertTrue(quotes.out().contains("Le navi potranno attraccare dalle sette del mattino"), quotes.out());

    CliRun stats = CliRun.of("stats", "--json", "--data", data.toString());
    assertEquals(2, JSON.readTree(stats.out()).get("articles").asInt(), stats.out());
  }

  @Test
  void aChangedPageIsANewVersion() throws IOException {
    ingestJson(base + "/porto.html");
    site.put("/porto.html", site.get("/porto.html").replace("sei mesi", "otto mesi"));
    JsonNode second = ingestJson(base + "/porto.html");
    assertEquals(1, second.get("updated").asInt(), second.toString());
    CliRun stats = CliRun.of("stats", "--json", "--data", data.toString());
    assertEquals(2, JSON.readTree(stats.out()).get("versions").asInt(), stats.out());
  }

  @Test
  void aPrivateAddressIsRefusedWithoutTheFlag() {
    CliRun run = CliRun.of("ingest", "--json", "--data", data.toString(), base + "/porto.html");
    assertEquals(2, run.code());
    assertTrue(run.out().contains("\"failed\":1"), run.out());
    assertTrue(run.out().toLowerCase().contains("private") || run.out().contains("loopback"), run.out());
  }

  @Test
  void aHostileFeedFailsClearlyAndReadsNoFile() throws IOException {
    Path secret = Files.writeString(data.resolve("secret.txt"), "top-secret-value");
    site.put("/evil.xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri()
        + "\">]><rss version=\"2.0\"><channel><title>&xxe;</title><item><title>&xxe;</title><link>" + base
        + "/porto.html</link></item></channel></rss>");
    CliRun run = CliRun.of("ingest", "-v", "--allow-private", "--data", data.toString(), base + "/evil.xml");
    assertTrue(!run.out().contains("top-secret-value") && !run.err().contains("top-secret-value"), run.out());
  }

  @Test
  void checkAndReindexKeepIndexAndStoreInStep() throws IOException {
    ingestJson(base + "/feed.xml");
    CliRun check = CliRun.of("check", "--data", data.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    CliRun reindex = CliRun.of("reindex", "--data", data.toString());
    assertTrue(reindex.out().contains("reindexed 2 articles"), reindex.out());
  }

  @Test
  void searchWorksBesideTheProcessThatWritesTheFolder() throws IOException {
    ingestJson(base + "/feed.xml");
    try (var held = org.lente.index.LuceneIndex.open(data.resolve("index"))) {
      CliRun run = CliRun.of("search", "--data", data.toString(), "--json", "porto");
      assertEquals(0, run.code(), run.err());
      assertTrue(run.out().contains("\"title\":\"Il porto riapre dopo i lavori\""), run.out());
      assertEquals(0, CliRun.of("stats", "--data", data.toString()).code());
    }
  }

  @Test
  void aSecondWriterIsToldWhatToDo() throws IOException {
    ingestJson(base + "/feed.xml");
    try (var held = org.lente.index.LuceneIndex.open(data.resolve("index"))) {
      CliRun run = CliRun.of("reindex", "--data", data.toString());
      assertEquals(2, run.code());
      assertTrue(run.err().contains("being written by another Lente process"), run.err());
      assertTrue(run.err().contains("/api/v1/ingest"), run.err());
    }
  }

  @Test
  void aMissingFileIsAFailureWithItsReason() throws IOException {
    JsonNode s = ingestJson(data.resolve("nowhere.html").toString());
    assertEquals(1, s.get("failed").asInt());
    assertEquals("no such file or directory", s.get("errors").get(0).get("reason").asText());
  }

  @Test
  void anEmptyFolderIsNoInputsFoundWithExitOneAndNoKnowledgeBase() throws IOException {
    Path empty = Files.createDirectories(data.resolve("empty"));
    Files.writeString(empty.resolve(".hidden.html"), "<p>not read</p>");
    Path kb = data.resolve("kb");

    CliRun run = CliRun.of("ingest", "--data", kb.toString(), empty.toString());

    assertEquals(1, run.code(), run.out());
    assertTrue(run.err().contains("no inputs found in " + empty), run.err());
    assertTrue(Files.notExists(kb), "a knowledge base was made for nothing");
  }

  /** A folder "in" of two plain-text articles, the second opening with {@code dateline} (may be empty). */
  private Path twoTexts(String dateline) throws IOException {
    Path in = Files.createDirectories(data.resolve("in"));
    Files.writeString(in.resolve("porto.txt"), "Il porto riapre\n\nIl porto di Livorno riapre domani dopo sei "
        + "mesi di lavori sulle banchine, ha annunciato l'Autorità portuale.\n");
    Files.writeString(in.resolve("ponte.txt"), "Il ponte chiude\n\n" + dateline + "Il ponte sull'Arno "
        + "chiude lunedì per due settimane per la manutenzione dei piloni, ha deciso il comune.\n");
    return in;
  }

  @Test
  void theDateOptionDatesOnlyTheArticlesThatStateNone() throws IOException {
    Path in = twoTexts("PISA, 3 febbraio 2023 – ");
    Path kb = data.resolve("kb");

    CliRun run = CliRun.of("ingest", "--data", kb.toString(), "--date", "2024-05-14", in.toString());

    assertEquals(0, run.code(), run.err());
    CliRun search = CliRun.of("search", "--json", "--data", kb.toString(), "");
    java.util.Map<String, String> published = new java.util.TreeMap<>();
    for (String line : search.out().strip().split("\n")) {
      JsonNode hit = JSON.readTree(line);
      published.put(hit.get("title").asText(), hit.get("published").asText());
    }
    assertEquals(java.util.Map.of("Il porto riapre", "2024-05-14", "Il ponte chiude", "2023-02-03"), published);
  }

  @Test
  void aMessageOnATerminalClearsTheProgressLineFirst() {
    java.io.StringWriter terminal = new java.io.StringWriter();
    java.io.StringWriter file = new java.io.StringWriter();

    IngestCommand.messages(new java.io.PrintWriter(terminal), true).accept("loading the model");
    IngestCommand.messages(new java.io.PrintWriter(file), false).accept("loading the model");

    assertEquals("\r\033[Klente: loading the model" + System.lineSeparator(), terminal.toString());
    assertEquals("lente: loading the model" + System.lineSeparator(), file.toString());
  }

  @Test
  void theProgressOfALocalFolderShowsItsTotal() throws IOException {
    Path in = twoTexts("");

    CliRun run = CliRun.of("ingest", "--data", data.resolve("kb").toString(), in.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("2/2 pages"), run.err());
  }
}
