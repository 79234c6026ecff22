package org.lente.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.Pipeline;
import org.lente.cli.Main;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.ingest.fetch.Fetcher;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;
import org.lente.server.Auth;
import org.lente.server.Csrf;
import org.lente.server.ErrorPage;
import org.lente.server.Ingests;
import org.lente.server.Metrics;
import org.lente.server.Passwords;
import org.lente.server.Server;
import org.lente.store.SqliteStore;
import org.lente.story.Newswire;

/**
 * The API on a real server (port 0) over a knowledge base of a few articles analysed by the real
 * pipeline: every operation of openapi.json is called, and every live response is validated against
 * the schema the file documents for its status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Short articles written for this test: Italian and English, with bylines, dates, quotes. */
  private static final String[][] PAGES = {
      {"https://www.giornale.test/esteri/2024/06/19/damasco", "it", "Il Giornale di Prova", "Anna Rossi", "2024-06-19",
          "Tregua a Damasco, l'ONU chiede corridoi umanitari",
          "<p>Il segretario generale dell'ONU Antonio Guterres ha chiesto mercoledì corridoi umanitari in Siria.</p>"
              + "<p>«La popolazione di Damasco non può aspettare», ha detto Antonio Guterres ai giornalisti a New York.</p>"
              + "<p>Secondo il ministro degli Esteri turco Hakan Fidan, la tregua reggerà almeno fino a luglio.</p>"},
      {"https://www.giornale.test/esteri/2024/06/20/aleppo", "it", "Il Giornale di Prova", "Anna Rossi", "2024-06-20",
          "Ad Aleppo riaprono le scuole dopo la tregua",
          "<p>Ad Aleppo, nel nord della Siria, hanno riaperto giovedì venti scuole.</p>"
              + "<p>«È un primo passo», ha detto Antonio Guterres, che ha chiesto di proteggere i civili.</p>"
              + "<p>La Turchia ha annunciato nuovi aiuti per la Siria.</p>"},
      {"https://news.example.test/world/2024/06/21/syria-talks", "en", "Example News", "John Smith", "2024-06-21",
          "Syria talks resume in Geneva",
          "<p>Talks on Syria resumed in Geneva on Friday, the United Nations said.</p>"
              + "<p>\"We are closer than ever to an agreement,\" said Antonio Guterres, the UN secretary-general.</p>"
              + "<p>Turkish foreign minister Hakan Fidan said that Ankara would support the plan.</p>"},
      {"https://news.example.test/world/2024/06/22/libya", "en", "Example News", "Mary Jones", "2024-06-22",
          "Libya's parliament meets in Tripoli",
          "<p>Libya's parliament met in Tripoli on Saturday for the first time in a year.</p>"
              + "<p>\"This is a historic day,\" said Aguila Saleh, the speaker of the parliament.</p>"},
      {"https://www.giornale.test/esteri/2024/06/23/tripoli", "it", "Il Giornale di Prova", "Marco Bianchi",
          "2024-06-23", "Libia, il parlamento si riunisce a Tripoli",
          "<p>Il parlamento della Libia si è riunito sabato a Tripoli.</p>"
              + "<p>«È una giornata storica», ha affermato Aguila Saleh, presidente del parlamento.</p>"},
  };

  @TempDir
  static Path dir;

  private Lente lente;
  /** The Italian original of the wire story (org.lente.story.Newswire), with an English version and a copy. */
  private long wireItalian;
  private SqliteStore accounts;
  private Ingests ingests;
  private Server server;
  private String token;
  private JsonNode openApi;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Set<String> called = new TreeSet<>();

  @BeforeAll
  void start() throws Exception {
    lente = Lente.open(dir, Lente.Options.write());
    KnowledgeBase kb = lente.knowledge();
    Extractor extractor = new Extractor();
    Analyzer analyzer = new Analyzer(new NerModels(line -> { }));
    for (String[] p : PAGES) {
      String html = "<!doctype html><html lang=\"" + p[1] + "\"><head><meta charset=\"utf-8\"><title>" + p[5]
          + "</title><link rel=\"canonical\" href=\"" + p[0] + "\"><meta property=\"og:site_name\" content=\"" + p[2]
          + "\"><meta name=\"author\" content=\"" + p[3] + "\"><meta property=\"article:published_time\" content=\""
          + p[4] + "T08:00:00Z\"></head><body><article><h1>" + p[5] + "</h1>" + p[6] + "</article></body></html>";
      var article = extractor.extract(new Page(p[0], html.getBytes(StandardCharsets.UTF_8), "text/html", p[0],
          List.of()));
      kb.add(p[0], analyzer.analyze(article, null));
    }
    wireItalian = kb.add("wire-it", Newswire.italian("Stellantis, 850 milioni per Mirafiori")).id();
    kb.add("wire-en", Newswire.english("Stellantis to invest 850 million euros in Mirafiori"));
    kb.add("wire-copy", Newswire.copy("Mirafiori, arrivano 900 milioni"));
    kb.flush();
    accounts = Lente.openAccounts(dir);
    Auth auth = new Auth(accounts, new Passwords());
    auth.addUser("admin", "correct horse battery".toCharArray());
    token = auth.newToken("admin");
    ingests = new Ingests(kb, new Fetcher(Fetcher.Options.defaults()),
        new Pipeline(extractor, analyzer, Pipeline.Options.defaults()));
    server = new Server(Server.Settings.defaults("127.0.0.1", 0).withAccessLog(dir.resolve("access.log")), auth,
        new Csrf(), new Metrics(lente.reader()::status), ErrorPage.PLAIN,
        List.of(new ApiRoutes(lente.reader(), lente.stories(), ingests, auth)));
    server.start();
    server.ready(true);
    try (InputStream in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
      openApi = JSON.readTree(in);
    }
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    ingests.close();
    accounts.close();
    lente.close();
  }

  // ---- calling and validating ----

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  /**
   * Calls {@code GET path} (operation {@code template}), checks the status and validates the body
   * against the schema openapi.json gives that operation for that status; returns the body.
   */
  private JsonNode get(String template, String path, int status) throws Exception {
    return check("get", template, send(request(path)), status);
  }

  private JsonNode check(String method, String template, HttpResponse<String> r, int status) throws Exception {
    assertEquals(status, r.statusCode(), method + " " + r.uri() + ": " + r.body());
    JsonNode response = openApi.at("/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + method
        + "/responses/" + status);
    assertTrue(!response.isMissingNode(), "openapi.json documents no " + status + " for " + method + " " + template);
    if (response.has("$ref")) {
      response = openApi.at(response.get("$ref").asText().substring(1));
    }
    Map.Entry<String, JsonNode> content = response.get("content").properties().iterator().next();
    String type = r.headers().firstValue("Content-Type").orElse("");
    assertTrue(type.startsWith(content.getKey()), "content type " + type + " for " + r.uri() + ", documented "
        + content.getKey());
    List<Error> errors = errors(content.getValue().get("schema"), r.body());
    assertTrue(errors.isEmpty(), method + " " + r.uri() + " does not match its schema: " + errors + "\n" + r.body());
    called.add(method + " " + template);
    return JSON.readTree(r.body());
  }

  /** What is wrong with {@code body} against {@code schema} (which may refer to openapi.json's components). */
  private List<Error> errors(JsonNode schema, String body) throws Exception {
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    wrapper.set("components", openApi.get("components"));
    wrapper.putArray("allOf").add(schema);
    Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.writeValueAsString(wrapper), InputFormat.JSON);
    return compiled.validate(body, InputFormat.JSON);
  }

  @Test
  void theSchemasRejectWhatTheyDoNotDocument() throws Exception {
    JsonNode summary = JSON.readTree("{\"$ref\": \"#/components/schemas/ArticleSummary\"}");
    String good = "{\"id\": 1, \"title\": null, \"url\": null, \"published\": null, \"language\": \"it\", "
        + "\"source\": null, \"authors\": [], \"snippet\": null}";
    assertEquals(List.of(), errors(summary, good));
    assertTrue(!errors(summary, good.replace("\"id\": 1", "\"id\": \"1\"")).isEmpty(), "a string id");
    assertTrue(!errors(summary, good.replace("\"authors\": []", "\"authors\": [], \"extra\": 1")).isEmpty(),
        "an undocumented field");
    assertTrue(!errors(summary, good.replace("\"snippet\": null, ", "").replace(", \"snippet\": null", "")).isEmpty(),
        "a missing field");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- the tests ----

  @Test
  void everyDocumentedOperationAnswersAsDocumented() throws Exception {
    JsonNode articles = get("/articles", "/api/v1/articles?limit=3", 200);
    long articleId = articles.get("items").get(0).get("id").asLong();
    JsonNode article = get("/articles/{id}", "/api/v1/articles/" + articleId, 200);
    get("/articles/{id}", "/api/v1/articles/999999", 404);
    get("/articles/{id}", "/api/v1/articles/abc", 400);
    get("/articles", "/api/v1/articles?from=yesterday", 400);

    JsonNode entities = get("/entities", "/api/v1/entities?limit=5", 200);
    long entityId = entities.get("items").get(0).get("id").asLong();
    get("/entities/trending", "/api/v1/entities/trending?days=30&limit=5", 200);
    get("/entities/trending", "/api/v1/entities/trending?days=0", 400);
    JsonNode entity = get("/entities/{id}", "/api/v1/entities/" + entityId, 200);
    get("/entities/{id}", "/api/v1/entities/999999", 404);
    get("/entities/{id}", "/api/v1/entities/0", 400);
    get("/entities/{id}/articles", "/api/v1/entities/" + entityId + "/articles?limit=2", 200);
    get("/entities/{id}/articles", "/api/v1/entities/999999/articles", 404);
    get("/entities/{id}/articles", "/api/v1/entities/" + entityId + "/articles?cursor=%25%25", 400);
    get("/entities/{id}/quotes", "/api/v1/entities/" + entityId + "/quotes?role=about", 200);
    get("/entities/{id}/quotes", "/api/v1/entities/999999/quotes", 404);
    get("/entities/{id}/quotes", "/api/v1/entities/" + entityId + "/quotes?role=near", 400);

    get("/quotes", "/api/v1/quotes?speaker=Guterres&from=2024-06-01&to=2024-06-30", 200);
    get("/quotes", "/api/v1/quotes?limit=1000", 400);
    get("/quotes", "/api/v1/quotes?cursor=%25%25", 400);
    get("/entities/{id}/quotes", "/api/v1/entities/" + entityId + "/quotes?cursor=!", 400);
    JsonNode found = get("/search", "/api/v1/search?q=" + enc("tregua") + "&facets=true", 200);
    get("/search", "/api/v1/search?limit=0", 400);
    get("/search", "/api/v1/search?cursor=%25%25", 400);

    JsonNode sources = get("/sources", "/api/v1/sources", 200);
    get("/sources/{id}", "/api/v1/sources/" + sources.get("items").get(0).get("id").asLong(), 200);
    get("/sources/{id}", "/api/v1/sources/999999", 404);
    get("/sources/{id}", "/api/v1/sources/x", 400);
    get("/sources", "/api/v1/sources?limit=x", 400);
    JsonNode authors = get("/authors", "/api/v1/authors", 200);
    get("/authors/{id}", "/api/v1/authors/" + authors.get("items").get(0).get("id").asLong(), 200);
    get("/authors/{id}", "/api/v1/authors/999999", 404);
    get("/authors/{id}", "/api/v1/authors/-1", 400);
    get("/authors", "/api/v1/authors?cursor=!", 400);
    get("/ingest", "/api/v1/ingest", 200);
    get("/ingest", "/api/v1/ingest?limit=-3", 400);
    get("/ingest/{id}", "/api/v1/ingest/0000000000000000", 404);

    JsonNode lineage = get("/articles/{id}/lineage", "/api/v1/articles/" + wireItalian + "/lineage", 200);
    get("/articles/{id}/lineage", "/api/v1/articles/999999/lineage", 404);
    get("/articles/{id}/lineage", "/api/v1/articles/x/lineage", 400);
    JsonNode stories = get("/stories", "/api/v1/stories?limit=2", 200);
    get("/stories", "/api/v1/stories?minArticles=2&lang=en", 200);
    get("/stories", "/api/v1/stories?minArticles=0", 400);
    get("/stories", "/api/v1/stories?cursor=%25%25", 400);
    JsonNode story = get("/stories/{id}", "/api/v1/stories/" + lineage.get("story").asLong(), 200);
    get("/stories/{id}", "/api/v1/stories/999999", 404);
    get("/stories/{id}", "/api/v1/stories/0", 400);
    postIngest();

    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").properties().iterator(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue().fieldNames().forEachRemaining(method -> documented.add(method + " " + p.getKey()));
    }
    assertEquals(documented, called, "every documented operation is called, and only those");

    assertEquals("tregua", found.get("hits").size() > 0 ? "tregua" : "no hits for tregua: " + found);
    assertNotNull(entity.get("name"));
    assertTrue(article.get("entities").size() > 0, article.toString());
    assertEquals(2, lineage.get("related").size(), lineage.toString());
    assertTrue(stories.get("items").size() > 0, stories.toString());
    assertEquals(3, story.get("articleList").size(), story.toString());
  }

  @Test
  void theLineageIsWhatLenteLineageJsonPrints() throws Exception {
    JsonNode api = get("/articles/{id}/lineage", "/api/v1/articles/" + wireItalian + "/lineage", 200);
    assertEquals(api, JSON.readTree(lente("lineage", "--json", "--data", dir.toString(), Long.toString(wireItalian))));
  }

  @Test
  void theQuotesAreWhatLenteQuotesJsonPrints() throws Exception {
    JsonNode api = get("/quotes", "/api/v1/quotes?speaker=Guterres&limit=100", 200);
    ArrayNode cli = JSON.createArrayNode();
    for (String line : lente("quotes", "--json", "--data", dir.toString(), "--speaker", "Guterres", "--limit", "100")
        .split("\n")) {
      cli.add(JSON.readTree(line));
    }
    assertTrue(cli.size() >= 3, cli.toString());
    assertEquals(api.get("items"), cli);
  }

  @Test
  void anEntitysQuotesAreWhatLenteEntityJsonPrints() throws Exception {
    JsonNode cli = JSON.readTree(lente("entity", "--json", "--data", dir.toString(), "Antonio Guterres"));
    JsonNode api = get("/entities/{id}", "/api/v1/entities/" + cli.get("id").asLong(), 200);
    assertTrue(cli.get("quotesBy").size() >= 3, cli.toString());
    assertEquals(api.get("quotesBy"), cli.get("quotesBy"));
    assertEquals(api.get("quotesAbout"), cli.get("quotesAbout"));
  }

  /** What {@code lente ARGS} prints on this folder; fails the test unless it exits 0. */
  private static String lente(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return out.toString();
  }

  @Test
  void theLineageOfTheEnglishVersionNamesItsItalianOriginalWithEvidence() throws Exception {
    JsonNode lineage = get("/articles/{id}/lineage", "/api/v1/articles/" + wireItalian + "/lineage", 200);
    JsonNode english = null;
    for (JsonNode r : lineage.get("related")) {
      if ("en".equals(r.get("language").asText())) {
        english = r;
      }
    }
    assertNotNull(english, lineage.toString());
    assertEquals("translation", english.get("relation").asText());
    assertEquals("copy", english.get("direction").asText(), "the English version is a copy of the Italian original");
    assertEquals("Example Wire", english.get("source").asText());
    assertTrue(english.get("evidence").size() > 0, english.toString());
    assertEquals(0, lineage.get("derivedFrom").size(), "the original is derived from nothing");
    JsonNode copy = get("/articles/{id}/lineage", "/api/v1/articles/" + english.get("id").asLong() + "/lineage", 200);
    assertEquals(wireItalian, copy.get("derivedFrom").get(0).asLong(), copy.toString());
  }

  @Test
  void aCursorWalksEveryStoryOnce() throws Exception {
    Set<Long> seen = new HashSet<>();
    String next = "/api/v1/stories?limit=1";
    while (next != null) {
      JsonNode page = get("/stories", next, 200);
      for (JsonNode s : page.get("items")) {
        assertTrue(seen.add(s.get("id").asLong()), "repeated " + s);
      }
      next = page.get("next").isNull() ? null : page.get("next").asText();
    }
    JsonNode all = get("/stories", "/api/v1/stories?limit=100", 200);
    assertEquals(all.get("items").size(), seen.size());
  }

  /** POST /ingest: refused without a token (401), with a bad media type (415); added with one (202). */
  private void postIngest() throws Exception {
    String json = "{\"text\": \"Il ministro degli Esteri Antonio Tajani ha incontrato a Roma il suo omologo "
        + "egiziano. «Lavoriamo per la pace», ha detto Antonio Tajani.\", \"title\": \"Tajani incontra l'Egitto\"}";
    check("post", "/ingest", send(request("/api/v1/ingest").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))), 403); // no token: a cookie-less write needs CSRF
    check("post", "/ingest", send(request("/api/v1/ingest").header("Content-Type", "application/json")
        .header("Authorization", "Bearer lente_wrong").POST(HttpRequest.BodyPublishers.ofString(json))), 401);
    check("post", "/ingest", send(request("/api/v1/ingest").header("Content-Type", "text/plain")
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json))), 415);
    check("post", "/ingest", send(request("/api/v1/ingest").header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{\"url\": 3}"))), 400);
    // a client sending a large body asks first (Expect: 100-continue, as curl does): the server refuses
    // on the declared length before the body is sent, so the 413 cannot be lost to a reset connection
    check("post", "/ingest", send(request("/api/v1/ingest").expectContinue(true).header("Content-Type",
        "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(3 << 20)))), 413);
    JsonNode accepted = check("post", "/ingest", send(request("/api/v1/ingest").header("Content-Type",
        "application/json").header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json))),
        202);
    String status = accepted.get("statusUrl").asText();
    JsonNode s = accepted;
    for (int i = 0; i < 600 && !s.get("state").asText().matches("stored|duplicate|failed"); i++) {
      Thread.sleep(100);
      s = get("/ingest/{id}", status, 200);
    }
    assertEquals("stored", s.get("state").asText(), s.toString());
    JsonNode added = get("/articles/{id}", "/api/v1/articles/" + s.get("articleId").asLong(), 200);
    assertEquals("Tajani incontra l'Egitto", added.get("title").asText());
    assertTrue(added.get("quotes").size() > 0, added.toString());
  }

  @Test
  void aCursorWalksEveryArticleOnce() throws Exception {
    Set<Long> seen = new HashSet<>();
    List<Long> order = new ArrayList<>();
    String next = "/api/v1/articles?limit=2";
    int pages = 0;
    while (next != null) {
      JsonNode page = get("/articles", next, 200);
      for (JsonNode a : page.get("items")) {
        assertTrue(seen.add(a.get("id").asLong()), "repeated " + a);
        order.add(a.get("id").asLong());
      }
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    }
    assertTrue(seen.size() >= PAGES.length, seen.toString());
    assertEquals((seen.size() + 1) / 2, pages);
  }

  /** The ids (or {@code key}s) of every item of the listing at {@code first}, following {@code next}. */
  private List<String> walk(String template, String first, String items, String key) throws Exception {
    List<String> all = new ArrayList<>();
    for (String next = first; next != null; ) {
      JsonNode page = get(template, next, 200);
      page.get(items).forEach(x -> all.add(x.get(key).asText()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
    }
    return all;
  }

  @Test
  void searchPageTwoFollowsPageOneInRankOrder() throws Exception {
    String q = "/api/v1/search?q=" + enc("Guterres OR Mirafiori") + "&facets=true";
    JsonNode one = get("/search", q + "&limit=100", 200);
    List<String> all = new ArrayList<>();
    one.get("hits").forEach(h -> all.add(h.get("id").asText()));
    assertTrue(all.size() >= 3, one.toString());
    assertTrue(one.get("next").isNull(), one.toString());
    JsonNode first = get("/search", q + "&limit=2", 200);
    JsonNode second = get("/search", first.get("next").asText(), 200);
    assertEquals(one.get("total"), second.get("total"), "the total counts every page");
    assertEquals(all.get(2), second.get("hits").get(0).get("id").asText(), second.toString());
    assertEquals(all, walk("/search", q + "&limit=1", "hits", "id"));
  }

  @Test
  void aSearchCursorDoesNotFitAnotherSearch() throws Exception {
    JsonNode first = get("/search", "/api/v1/search?q=&limit=1", 200);
    String cursor = first.get("next").asText().replaceFirst(".*cursor=", "");
    JsonNode problem = get("/search", "/api/v1/search?q=Guterres&cursor=" + cursor, 400);
    assertTrue(problem.get("detail").asText().contains("another search"), problem.toString());
  }

  @Test
  void aSearchWithMoreFuzzyTermsThanTheLimitIsABadRequestNamingIt() throws Exception {
    JsonNode problem = get("/search", "/api/v1/search?q=" + enc("tregua~ pace~ guerra~ porto~ ponte~ strada~"), 400);
    assertTrue(problem.get("detail").asText().contains("at most 5 per search"), problem.toString());
  }

  @Test
  void aFailedSubmissionShowsAnonymousReadersOnlyAReasonFitForThem() throws Exception {
    String json = "{\"url\": \"http://127.0.0.1:" + server.port() + "/api/v1/articles\"}";
    JsonNode s = check("post", "/ingest", send(request("/api/v1/ingest").header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json))), 202);
    for (int i = 0; i < 600 && !s.get("state").asText().equals("failed"); i++) {
      Thread.sleep(100);
      s = get("/ingest/{id}", s.get("statusUrl").asText(), 200);
    }
    String id = s.get("id").asText();
    JsonNode listed = null;
    for (JsonNode r : get("/ingest", "/api/v1/ingest?limit=100", 200).get("recent")) {
      listed = r.get("id").asText().equals(id) ? r : listed;
    }
    assertEquals(Ingests.PRIVATE_ADDRESS, listed.get("error").asText(), listed.toString());
  }

  @Test
  void quotePageTwoFollowsPageOne() throws Exception {
    String q = "/api/v1/quotes?speaker=Guterres";
    JsonNode one = get("/quotes", q + "&limit=100", 200);
    List<String> all = new ArrayList<>();
    one.get("items").forEach(x -> all.add(x.get("text").asText()));
    assertTrue(all.size() >= 3, one.toString());
    JsonNode first = get("/quotes", q + "&limit=2", 200);
    JsonNode second = get("/quotes", first.get("next").asText(), 200);
    assertEquals(all.get(2), second.get("items").get(0).get("text").asText(), second.toString());
    assertEquals(all, walk("/quotes", q + "&limit=1", "items", "text"));
  }

  @Test
  void filtersNarrowTheListing() throws Exception {
    JsonNode english = get("/articles", "/api/v1/articles?lang=en&limit=100", 200);
    assertEquals(3, english.get("items").size(), "two pages and the wire story's English version");
    JsonNode june20 = get("/articles", "/api/v1/articles?from=2024-06-20&to=2024-06-21", 200);
    assertEquals(2, june20.get("items").size());
  }

  @Test
  void anArticleLinksItsEntitiesAndSpeakersToEntityIds() throws Exception {
    JsonNode list = get("/articles", "/api/v1/articles?from=2024-06-19&to=2024-06-19", 200);
    JsonNode article = get("/articles/{id}", "/api/v1/articles/" + list.get("items").get(0).get("id").asLong(), 200);
    JsonNode quote = article.get("quotes").get(0);
    assertEquals("Antonio Guterres", quote.get("speakerCanonical").asText(), article.toString());
    long guterres = quote.get("speakerEntityId").asLong();
    JsonNode entity = get("/entities/{id}", "/api/v1/entities/" + guterres, 200);
    assertEquals("Antonio Guterres", entity.get("name").asText());
    assertTrue(entity.get("quotesBy").size() >= 3, entity.toString());
    assertTrue(entity.get("articles").asLong() >= 3, "both languages: " + entity);
  }

  @Test
  void searchFacetsCarryIdsForEntitiesSourcesAndAuthors() throws Exception {
    JsonNode r = get("/search", "/api/v1/search?q=&facets=true&limit=5", 200);
    JsonNode first = r.get("facets").get("entity").get(0);
    assertTrue(first.has("id"), r.toString());
    assertTrue(r.get("facets").get("source").get(0).has("id"), r.toString());
  }
}
