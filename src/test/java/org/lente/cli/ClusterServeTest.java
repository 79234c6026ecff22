package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.PostgresConnections;
import org.lente.Pipeline;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.ClusterSubmissions;
import org.lente.cluster.KafkaMessages;
import org.lente.cluster.KafkaServer;
import org.lente.cluster.KafkaTopics;
import org.lente.cluster.KafkaWorker;
import org.lente.cluster.OpenSearchServer;
import org.lente.cluster.PostgresServer;
import org.lente.extract.Extractor;
import org.lente.index.LuceneIndex;
import org.lente.index.OpenSearchIndex;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.fetch.TestServer;
import org.lente.ingest.source.Poller;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.SharedModels;
import org.lente.server.Auth;
import org.lente.server.Passwords;
import org.lente.server.Server;
import org.lente.server.Submissions;
import org.lente.server.TrustedProxies;
import org.lente.store.ArticleStore;
import org.lente.store.PostgresAccounts;
import org.lente.store.PostgresArticleStore;
import org.lente.story.Texts;

/**
 * Two instances of {@code lente serve --cluster} (A and B, as {@link ServeCommand#clusterServer} assembles them, on
 * port 0) over real PostgreSQL, OpenSearch and Kafka servers: what one instance knows, the other knows.
 */
class ClusterServeTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();
  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  private static final String USER = "redazione";
  private static final String PASSWORD = "ponte sull'Adige 1867";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ClusterFile cluster;
  private String alias;
  private ServeCommand.ClusterServer a;
  private ServeCommand.ClusterServer b;
  /** A browser: its cookies go to both instances, as behind one load balancer's address. */
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void topics() throws Exception {
    KAFKA.ensureTopics(1);
  }

  @BeforeEach
  void cluster() throws Exception {
    cluster = clusterFile(TrustedProxies.parse("127.0.0.1"));
    alias = OS.newIndexName();
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresAccounts accounts = PostgresAccounts.on(pg)) {
      new Auth(accounts, new Passwords()).addUser(USER, PASSWORD.toCharArray());
    }
  }

  private ClusterFile clusterFile(TrustedProxies proxies) throws Exception {
    String url = cluster == null ? PG.newMigratedDatabase() : cluster.postgresUrl();
    ClusterFile file = new ClusterFile(dir.resolve("cluster.properties"), url, PostgresServer.USER, null, OS.url(),
        KAFKA.bootstrap(), proxies);
    Files.writeString(file.file(), "postgres.url=" + url + "\npostgres.user=" + PostgresServer.USER
        + "\nopensearch.url=" + OS.url() + "\nkafka.bootstrap=" + KAFKA.bootstrap() + "\n");
    return file;
  }

  @AfterEach
  void stop() throws Exception {
    for (ServeCommand.ClusterServer s : new ServeCommand.ClusterServer[] {a, b}) {
      if (s != null) {
        s.close();
      }
    }
  }

  /** Starts an instance over {@code file} with these settings. */
  private ServeCommand.ClusterServer start(ClusterFile file, Server.Settings settings) throws Exception {
    ServeCommand.ClusterServer s = ServeCommand.clusterServer(file, OpenSearchIndex.open(OS.url(), alias,
        LuceneIndex.SEARCH_BUDGET), settings, new Poller(new Fetcher(Fetcher.Options.defaults())));
    s.server().start();
    s.server().ready(true);
    return s;
  }

  private void startBoth(Server.Settings settings) throws Exception {
    a = start(cluster, settings);
    b = start(cluster, settings);
  }

  private static Server.Settings settings() {
    return Server.Settings.defaults("127.0.0.1", 0);
  }

  private static URI url(ServeCommand.ClusterServer s, String path) {
    return URI.create("http://127.0.0.1:" + s.server().port() + path);
  }

  private HttpResponse<String> get(ServeCommand.ClusterServer s, String path, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(url(s, path)).GET();
    if (headers.length > 0) {
      r.headers(headers);
    }
    return browser.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(ServeCommand.ClusterServer s, String path, String form) throws Exception {
    return browser.send(HttpRequest.newBuilder(url(s, path)).header("Content-Type",
        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(ServeCommand.ClusterServer s, String path, String json, String... headers)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(url(s, path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      r.headers(headers);
    }
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The hidden csrf field of {@code s}'s login page, for the browser's cookies. */
  private String csrf(ServeCommand.ClusterServer s) throws Exception {
    HttpResponse<String> page = get(s, "/login");
    assertEquals(200, page.statusCode(), page.body());
    return Jsoup.parse(page.body()).selectFirst("input[name=csrf]").attr("value");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String token() {
    CliRun run = CliRun.of("token", "add", "--cluster", cluster.file().toString(), USER);
    assertEquals(0, run.code(), run.err());
    return run.out().strip();
  }

  @Test
  void aLoginOnOneInstanceIsALoginOnTheOtherAndALogoutOnEitherEndsIt() throws Exception {
    startBoth(settings().withPrivateRead(true));
    assertEquals(401, get(b, "/api/v1/articles").statusCode());
    // the form comes from A and is posted to B: the CSRF token is good on every instance
    HttpResponse<String> login = postForm(b, "/login", "csrf=" + enc(csrf(a)) + "&next=%2F&user=" + enc(USER)
        + "&password=" + enc(PASSWORD));
    assertEquals(303, login.statusCode(), login.body());
    assertEquals(200, get(a, "/api/v1/articles").statusCode());
    assertEquals(200, get(b, "/api/v1/articles").statusCode());

    assertEquals(303, postForm(a, "/logout", "csrf=" + enc(csrf(b))).statusCode());
    assertEquals(401, get(b, "/api/v1/articles").statusCode());
  }

  @Test
  void aTokenMadeByTheCommandWorksOnEveryInstance() throws Exception {
    startBoth(settings().withPrivateRead(true));
    String token = token();
    for (ServeCommand.ClusterServer s : List.of(a, b)) {
      assertEquals(200, get(s, "/api/v1/articles", "Authorization", "Bearer " + token).statusCode());
      assertEquals(401, get(s, "/api/v1/articles", "Authorization", "Bearer lente_not-a-token").statusCode());
    }
  }

  /** Writes from one client (a bad ingest: the limit is taken before the body is read) until one gets 429. */
  private int writesAllowed(List<ServeCommand.ClusterServer> over, String forwardedFor, String token)
      throws Exception {
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = forwardedFor == null
          ? postJson(over.get(i % over.size()), "/api/v1/ingest", "{}", "Authorization", "Bearer " + token)
          : postJson(over.get(i % over.size()), "/api/v1/ingest", "{}", "Authorization", "Bearer " + token,
              "X-Forwarded-For", forwardedFor);
      if (r.statusCode() == 429) {
        assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        return i;
      }
      assertEquals(400, r.statusCode(), r.body());
    }
    return 10;
  }

  @Test
  void writesFromOneClientSpreadOverTheInstancesHitOneLimit() throws Exception {
    startBoth(settings().withWritesPerMinute(4));
    assertEquals(4, writesAllowed(List.of(a, b), null, token()));
  }

  @Test
  void forwardedForGivesTheClientOnlyFromATrustedProxy() throws Exception {
    a = start(cluster, settings().withWritesPerMinute(3)); // trusts 127.0.0.1, where the test connects from
    b = start(clusterFile(TrustedProxies.parse("10.0.0.0/8")), settings().withWritesPerMinute(3));
    String token = token();
    assertEquals(3, writesAllowed(List.of(a), "192.0.2.1", token));
    assertEquals(3, writesAllowed(List.of(a), "192.0.2.2", token)); // another client behind the proxy
    assertEquals(3, writesAllowed(List.of(b), "192.0.2.3", token)); // from an untrusted peer: the peer's bucket
    assertEquals(0, writesAllowed(List.of(b), "192.0.2.4", token)); // … which the header does not change
  }

  @Test
  void aSubmissionOnOneInstanceIsOnKafkaAndItsStateOnTheOther() throws Exception {
    startBoth(settings());
    String token = token();
    TopicPartition pages = new TopicPartition(KafkaTopics.PAGES, 0);
    long from = KAFKA.ends(KafkaTopics.PAGES).get(pages);
    String text = "Il ponte sull'Adige riapre lunedì dopo tre mesi di lavori, ha detto il sindaco di Verona.";
    HttpResponse<String> sent = postJson(a, "/api/v1/ingest", JSON.writeValueAsString(Map.of("text", text,
        "title", "Riapre il ponte")), "Authorization", "Bearer " + token);
    assertEquals(202, sent.statusCode(), sent.body());
    String id = JSON.readTree(sent.body()).get("id").asText();

    List<ConsumerRecord<String, String>> got = KAFKA.read(Map.of(pages, from),
        l -> l.stream().anyMatch(r -> r.value().contains(ClusterSubmissions.ORIGIN + id)), Duration.ofSeconds(30));
    ConsumerRecord<String, String> message = got.stream()
        .filter(r -> r.value().contains(ClusterSubmissions.ORIGIN + id)).findFirst().orElseThrow();
    KafkaMessages.FetchedPage page = KafkaMessages.read(message.value(), KafkaMessages.FetchedPage.class);
    assertTrue(new String(page.page().bytes(), StandardCharsets.UTF_8).contains(text));

    JsonNode onB = JSON.readTree(get(b, "/api/v1/ingest/" + id).body());
    assertEquals("queued", onB.get("state").asText());

    // the knowledge writer stores the article under the key the analysis worker gives the page, and ends the
    // submission its message came from (ClusterSubmissions.added, as the writer calls it)
    String key = Pipeline.key(page.page(), new Extractor().extract(page.page()));
    long article;
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      ArticleStore.Put put = store.put(key, Texts.analysis("verona.example/ponte", "Cronaca", "it",
          "2026-11-02T08:00:00Z", "Riapre il ponte", text));
      article = put.id();
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER,
          null)) {
        assertTrue(ClusterSubmissions.added(c, id, new org.lente.knowledge.KnowledgeBase.Added(put, null)));
      }
    }
    onB = JSON.readTree(get(b, "/api/v1/ingest/" + id).body());
    assertEquals("stored", onB.get("state").asText(), onB.toString());
    assertEquals(article, onB.get("articleId").asLong());
    assertEquals(id, JSON.readTree(get(a, "/api/v1/ingest").body()).get("recent").get(0).get("id").asText());
  }

  @Test
  void aUrlSubmissionGoesToTheFetchTopicKeyedByItsHost() throws Exception {
    startBoth(settings());
    TopicPartition fetch = new TopicPartition(KafkaTopics.FETCH, 0);
    long from = KAFKA.ends(KafkaTopics.FETCH).get(fetch);
    HttpResponse<String> sent = postJson(b, "/api/v1/ingest", "{\"url\": \"https://Cronaca.example/ponte\"}",
        "Authorization", "Bearer " + token());
    assertEquals(202, sent.statusCode(), sent.body());
    String id = JSON.readTree(sent.body()).get("id").asText();
    ConsumerRecord<String, String> message = KAFKA.read(Map.of(fetch, from), l -> !l.isEmpty(),
        Duration.ofSeconds(30)).get(0);
    assertEquals("cronaca.example", message.key());
    assertEquals(new KafkaMessages.FetchTask("https://Cronaca.example/ponte", ClusterSubmissions.ORIGIN + id),
        KafkaMessages.read(message.value(), KafkaMessages.FetchTask.class));
    assertEquals("queued", JSON.readTree(get(a, "/api/v1/ingest/" + id).body()).get("state").asText());
  }

  /** Submits {@code url} on A through the API; returns the submission's id. */
  private String submitUrl(String url) throws Exception {
    HttpResponse<String> sent = postJson(a, "/api/v1/ingest", "{\"url\": \"" + url + "\"}",
        "Authorization", "Bearer " + token());
    assertEquals(202, sent.statusCode(), sent.body());
    return JSON.readTree(sent.body()).get("id").asText();
  }

  /**
   * Runs {@code workers} (as lente worker runs them, each in its own thread) until submission {@code id} is no longer
   * queued on B or 90 s passed; returns the submission as B shows it.
   */
  private JsonNode runUntilDone(String id, List<KafkaWorker> workers) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = workers.stream().map(w -> Thread.ofPlatform().start(() -> {
      try {
        w.run(stop::get);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    })).toList();
    JsonNode onB;
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      do {
        Thread.sleep(250);
        onB = JSON.readTree(get(b, "/api/v1/ingest/" + id).body());
      } while (onB.get("state").asText().equals("queued") && System.nanoTime() < deadline);
    } finally {
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      for (KafkaWorker w : workers) {
        w.close();
      }
    }
    return onB;
  }

  @Test
  void aUrlTheFetchWorkersGaveUpOnFailsWithTheEmbeddedModesReason() throws Exception {
    startBoth(settings());
    String group = "test-fetch-" + System.nanoTime();
    KAFKA.startAtEnd(group, KafkaTopics.FETCH);
    String id = submitUrl("http://127.0.0.1:9/riservata");
    // a fetch worker as lente worker fetch runs it, refusing private addresses: 3 attempts, then a dead letter
    JsonNode onB = runUntilDone(id, List.of(new KafkaWorker(KAFKA.bootstrap(), group, KafkaTopics.FETCH,
        KafkaWorker.fetch(new Fetcher(Fetcher.Options.defaults())), 10, Duration.ofMillis(10), line -> {})));
    assertEquals("failed", onB.get("state").asText(), onB.toString());
    assertEquals(Submissions.PRIVATE_ADDRESS, onB.get("error").asText());
  }

  @Test
  void aUrlWhosePageHasNoArticleTextFailsAsInTheEmbeddedMode() throws Exception {
    startBoth(settings());
    String fetchGroup = "test-fetch-" + System.nanoTime();
    String analyseGroup = "test-analyse-" + System.nanoTime();
    KAFKA.startAtEnd(fetchGroup, KafkaTopics.FETCH);
    KAFKA.startAtEnd(analyseGroup, KafkaTopics.PAGES);
    JsonNode onB;
    try (TestServer http = new TestServer().on("/indice", exchange -> TestServer.send(exchange, 200,
            "<html><head><title>Indice</title></head><body></body></html>"));
        Fetcher fetcher = new Fetcher(Fetcher.Options.defaults().withAllowPrivate(true).withObeyRobots(false))) {
      String id = submitUrl(http.uri("/indice").toString());
      Pipeline pipeline = new Pipeline(new Extractor(), new Analyzer(SharedModels.MODELS), Pipeline.Options.defaults());
      onB = runUntilDone(id, List.of(
          new KafkaWorker(KAFKA.bootstrap(), fetchGroup, KafkaTopics.FETCH, KafkaWorker.fetch(fetcher), 10,
              Duration.ofMillis(10), line -> {}),
          new KafkaWorker(KAFKA.bootstrap(), analyseGroup, KafkaTopics.PAGES, KafkaWorker.analyse(pipeline), 10,
              Duration.ofMillis(10), line -> {})));
    }
    assertEquals("failed", onB.get("state").asText(), onB.toString());
    assertEquals(Submissions.NOT_AN_ARTICLE, onB.get("error").asText());
  }

  @Test
  void pastedTextWithNoArticleFailsAtOnceAndIsNotSent() throws Exception {
    startBoth(settings());
    HttpResponse<String> sent = postJson(a, "/api/v1/ingest", "{\"html\": \"<html><body></body></html>\"}",
        "Authorization", "Bearer " + token());
    assertEquals(202, sent.statusCode(), sent.body());
    JsonNode onB = JSON.readTree(get(b, "/api/v1/ingest/" + JSON.readTree(sent.body()).get("id").asText()).body());
    assertEquals("failed", onB.get("state").asText());
    assertEquals(ClusterSubmissions.NOT_AN_ARTICLE, onB.get("error").asText());
  }

  @Test
  void anArticleOfTheClusterStoreShowsOnBothInstances() throws Exception {
    startBoth(settings());
    long id;
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg);
        OpenSearchIndex index = OpenSearchIndex.open(OS.url(), alias, LuceneIndex.SEARCH_BUDGET)) {
      ArticleStore.Put put = store.put("https://verona.example/arena", Texts.analysis("verona.example/arena",
          "Cronaca", "it", "2026-11-03T08:00:00Z", "L'Arena illuminata", "L'anfiteatro resta aperto fino a tardi."));
      id = put.id();
      index.put(store.get(id).orElseThrow());
      index.commit();
    }
    for (ServeCommand.ClusterServer s : List.of(a, b)) {
      HttpResponse<String> page = get(s, "/articles/" + id);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("L&#39;Arena illuminata") || page.body().contains("L'Arena illuminata"));
      JsonNode hits = JSON.readTree(get(s, "/api/v1/search?q=anfiteatro").body());
      assertEquals(id, hits.get("hits").get(0).get("id").asLong(), hits.toString());
    }
  }

  @Test
  void anInstanceWhosePostgresSessionsWereTerminatedAnswersTheNextRequests() throws Exception {
    a = start(cluster, settings());
    String token = token();
    long id;
    try (PostgresConnections pg = PostgresConnections.connect(cluster);
        PostgresArticleStore store = PostgresArticleStore.on(pg)) {
      id = store.put("https://verona.example/teatro", Texts.analysis("verona.example/teatro", "Cronaca", "it",
          "2026-11-04T08:00:00Z", "Il teatro riapre", "Il teatro romano riapre con una stagione di concerti.")).id();
    }
    assertEquals(200, get(a, "/articles/" + id).statusCode());
    assertEquals(200, get(a, "/api/v1/ingest", "Authorization", "Bearer " + token).statusCode());

    assertTrue(PG.terminateSessions(cluster.postgresUrl()) > 0); // as a restart or an idle timeout ends them

    assertEquals(200, get(a, "/articles/" + id).statusCode()); // a read on the write connection
    assertEquals(200, get(a, "/api/v1/ingest", "Authorization", "Bearer " + token).statusCode());
    HttpResponse<String> sent = postJson(a, "/api/v1/ingest", JSON.writeValueAsString(Map.of("text",
        "Il teatro romano riapre con una stagione di concerti e di prosa.")), "Authorization", "Bearer " + token);
    assertEquals(202, sent.statusCode(), sent.body()); // the rate limit's and the submission's transactions
    assertEquals(200, get(a, "/health").statusCode());
  }

  @Test
  void anInstanceHoldsTwoPostgresConnectionsForAllItsStores() throws Exception {
    assertEquals(0, sessionsSettledAt(0));
    a = start(cluster, settings());
    String token = token();
    assertEquals(200, get(a, "/").statusCode()); // the articles and the stories
    assertEquals(200, get(a, "/api/v1/ingest", "Authorization", "Bearer " + token).statusCode()); // the accounts
    assertEquals(2, sessionsSettledAt(2)); // its reader and its writer, not two for each store
    b = start(cluster, settings());
    assertEquals(4, sessionsSettledAt(4));
  }

  /**
   * The sessions open on the cluster's database, other than this query's, once they are down to {@code expected}
   * or after 10 s (a closed connection's session ends a little after the client closes it).
   */
  private int sessionsSettledAt(int expected) throws Exception {
    String name = cluster.postgresUrl().substring(cluster.postgresUrl().lastIndexOf('/') + 1);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(PG.url("postgres"), PostgresServer.USER, null);
        java.sql.PreparedStatement st = c.prepareStatement(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
      st.setString(1, name);
      while (true) {
        int n;
        try (java.sql.ResultSet rs = st.executeQuery()) {
          rs.next();
          n = rs.getInt(1);
        }
        if (n <= expected || System.nanoTime() > deadline) {
          return n;
        }
        Thread.sleep(50);
      }
    }
  }

  @Test
  void healthSaysWhetherPostgresAndOpenSearchAnswer() throws Exception {
    a = start(cluster, settings());
    JsonNode ok = JSON.readTree(get(a, "/health").body());
    assertEquals(Map.of("status", "ready", "postgres", "ok", "opensearch", "ok"),
        JSON.convertValue(ok, Map.class));
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    ClusterFile gone = new ClusterFile(cluster.file(), cluster.postgresUrl(), cluster.postgresUser(), null,
        URI.create("http://127.0.0.1:" + closed), cluster.kafkaBootstrap(), cluster.trustedProxies());
    b = start(gone, settings());
    HttpResponse<String> down = get(b, "/health");
    assertEquals(503, down.statusCode());
    JsonNode body = JSON.readTree(down.body());
    assertEquals("unavailable", body.get("status").asText());
    assertEquals("ok", body.get("postgres").asText());
    assertNotEquals("ok", body.get("opensearch").asText());
  }
}
