package org.lente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.SqliteStore;

/** A real server on port 0 with a few routes of its own, driven over HTTP. */
class ServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private SqliteStore store;
  private Auth auth;
  private Server server;
  private Csrf csrf;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    store = SqliteStore.open(dir);
    auth = new Auth(store, new Passwords());
    server = start(Server.Settings.defaults("127.0.0.1", 0).withMaxBodyBytes(1000).withWritesPerMinute(5)
        .withAccessLog(dir.resolve("access.log")));
  }

  private Server start(Server.Settings settings) throws IOException {
    csrf = new Csrf();
    Server s = new Server(settings, auth, csrf, new Metrics(store::status), ErrorPage.PLAIN, List.of(config -> {
      config.routes.get("/api/v1/hello", ctx -> ctx.json(java.util.Map.of("hello", "world")));
      config.routes.post("/api/v1/echo", ctx -> {
        String user = auth.requireUser(ctx);
        ctx.json(java.util.Map.of("user", user, "bytes", ctx.bodyAsBytes().length));
      });
      config.routes.get("/api/v1/bad", ctx -> {
        throw new IllegalArgumentException("bad value: " + ctx.queryParam("v"));
      });
      config.routes.get("/page", ctx -> ctx.html("<p>page</p>"));
      config.routes.post("/api/v1/form", ctx -> {
        auth.requireUser(ctx);
        ctx.json(java.util.Map.of("a", String.valueOf(ctx.formParam("a"))));
      });
      config.routes.get("/form", ctx -> ctx.html("<form><input name=csrf value=" + csrf.token(ctx) + "></form>"));
      config.routes.post("/form", ctx -> ctx.html("<p>posted</p>"));
      config.routes.get("/boom", ctx -> {
        throw new IllegalStateException("secret internals");
      });
    }));
    s.start();
    s.ready(true);
    return s;
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    store.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/api/v1/hello", "/page", "/nowhere", "/api/v1/nowhere", "/boom")) {
      HttpResponse<String> r = get(path);
      assertEquals(Server.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
      assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), path);
    }
  }

  @Test
  void anUnknownApiPathIsAProblemJson404() throws Exception {
    HttpResponse<String> r = get("/api/v1/nowhere");
    assertEquals(404, r.statusCode());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    JsonNode p = JSON.readTree(r.body());
    assertEquals(404, p.get("status").asInt());
    assertEquals("Not Found", p.get("title").asText());
    assertEquals("/api/v1/nowhere", p.get("instance").asText());
  }

  @Test
  void anUnknownPageIsAnHtmlErrorPage() throws Exception {
    HttpResponse<String> r = get("/nowhere%3Cscript%3E");
    assertEquals(404, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertFalse(r.body().contains("<script>"), r.body());
  }

  @Test
  void aFailingHandlerIsA500ThatKeepsItsSecrets() throws Exception {
    HttpResponse<String> r = get("/boom");
    assertEquals(500, r.statusCode());
    assertFalse(r.body().contains("secret"), r.body());
  }

  @Test
  void aWrongMethodIsA405() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/hello")))
        .DELETE().header("Authorization", "Bearer x").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void aBodyOverTheLimitIsA413() throws Exception {
    HttpResponse<String> r = post("/api/v1/echo", "x".repeat(1001), "Authorization", "Bearer x");
    assertEquals(413, r.statusCode());
    assertEquals(413, JSON.readTree(r.body()).get("status").asInt());
  }

  @Test
  void writesWithoutAUserAreRefusedAndWithATokenAccepted() throws Exception {
    assertEquals(401, post("/api/v1/echo", "{}", "Authorization", "Bearer wrong").statusCode());
    auth.addUser("admin", "correct horse".toCharArray());
    String token = auth.newToken("admin");
    HttpResponse<String> r = post("/api/v1/echo", "{}", "Authorization", "Bearer " + token);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("admin", JSON.readTree(r.body()).get("user").asText());
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsForbidden() throws Exception {
    HttpResponse<String> r = post("/form", "a=b", "Content-Type", "application/x-www-form-urlencoded");
    assertEquals(403, r.statusCode());
  }

  @Test
  void aFormPostWithTheCsrfTokenOfItsCookieIsAccepted() throws Exception {
    HttpResponse<String> form = get("/form");
    String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Csrf.COOKIE + "="))
        .findFirst().orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    String nonce = cookie.substring(Csrf.COOKIE.length() + 1, cookie.indexOf(';'));
    String token = formToken(form);
    HttpResponse<String> r = post("/form", "csrf=" + token, "Content-Type", "application/x-www-form-urlencoded",
        "Cookie", Csrf.COOKIE + "=" + nonce);
    assertEquals(200, r.statusCode(), r.body());
    HttpResponse<String> other = post("/form", "csrf=" + "A".repeat(32), "Content-Type",
        "application/x-www-form-urlencoded", "Cookie", Csrf.COOKIE + "=" + nonce);
    assertEquals(403, other.statusCode());
  }

  /** The csrf field of a page of the /form route. */
  private static String formToken(HttpResponse<String> form) {
    String body = form.body();
    int at = body.indexOf("value=") + "value=".length();
    return body.substring(at, body.indexOf('>', at));
  }

  /** The csrf cookie's value set by a response. */
  private static String csrfCookie(HttpResponse<String> r) {
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Csrf.COOKIE + "="))
        .findFirst().orElseThrow();
    return cookie.substring(Csrf.COOKIE.length() + 1, cookie.indexOf(';'));
  }

  @Test
  void aCsrfCookiePlantedByAnotherSiteIsNoToken() throws Exception {
    String planted = "P".repeat(32);
    HttpResponse<String> r = post("/form", "csrf=" + planted, "Content-Type", "application/x-www-form-urlencoded",
        "Cookie", Csrf.COOKIE + "=" + planted);
    assertEquals(403, r.statusCode(), r.body());
  }

  @Test
  void aCsrfTokenIsGoodOnlyInTheSessionItWasMadeFor() throws Exception {
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(url("/form")))
        .header("Cookie", Auth.SESSION_COOKIE + "=session-of-the-victim").build(), HttpResponse.BodyHandlers.ofString());
    String nonce = csrfCookie(form);
    String token = formToken(form);
    HttpResponse<String> same = post("/form", "csrf=" + token, "Content-Type", "application/x-www-form-urlencoded",
        "Cookie", Csrf.COOKIE + "=" + nonce + "; " + Auth.SESSION_COOKIE + "=session-of-the-victim");
    assertEquals(200, same.statusCode(), same.body());
    HttpResponse<String> other = post("/form", "csrf=" + token, "Content-Type", "application/x-www-form-urlencoded",
        "Cookie", Csrf.COOKIE + "=" + nonce + "; " + Auth.SESSION_COOKIE + "=another-session");
    assertEquals(403, other.statusCode(), other.body());
  }

  @Test
  void aFormPostFromAnotherOriginIsForbiddenEvenWithItsToken() throws Exception {
    HttpResponse<String> form = get("/form");
    String nonce = csrfCookie(form);
    String token = formToken(form);
    HttpResponse<String> r = post("/form", "csrf=" + token, "Content-Type", "application/x-www-form-urlencoded",
        "Cookie", Csrf.COOKIE + "=" + nonce, "Origin", "http://evil.example");
    assertEquals(403, r.statusCode(), r.body());
  }

  @Test
  void aFormPostFromThisOriginIsAccepted() throws Exception {
    HttpResponse<String> form = get("/form");
    HttpResponse<String> r = post("/form", "csrf=" + formToken(form), "Content-Type",
        "application/x-www-form-urlencoded", "Cookie", Csrf.COOKIE + "=" + csrfCookie(form), "Origin",
        "http://127.0.0.1:" + server.port());
    assertEquals(200, r.statusCode(), r.body());
  }

  /** A valid API token of a new user. */
  private String token() throws IOException {
    auth.addUser("admin", "correct horse".toCharArray());
    return auth.newToken("admin");
  }

  /** A body of {@code bytes} bytes sent chunked: without a Content-Length. */
  private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
  }

  /** A multipart body with one field {@code a} of {@code size} bytes. */
  private static byte[] multipart(String boundary, int size) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a\"\r\n\r\n" + "x".repeat(size)
        + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aChunkedMultipartBodyOverTheLimitIsA413() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/form")))
        .header("Authorization", "Bearer " + token()).header("Content-Type", "multipart/form-data; boundary=b0undary")
        .POST(chunked(multipart("b0undary", 5000))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void aMultipartBodyWithoutAnApiTokenIsRefusedUnread() throws Exception {
    HttpResponse<String> form = get("/form");
    String nonce = csrfCookie(form);
    String boundary = "b0undary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + formToken(form)
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big\"\r\n\r\n"
        + "x".repeat(500) + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/form")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", Csrf.COOKIE + "=" + nonce)
        .POST(chunked(body.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(415, r.statusCode(), r.body());
  }

  @Test
  void aMalformedMultipartBodyIsA400() throws Exception {
    HttpResponse<String> r = post("/api/v1/form", "this is no multipart body", "Authorization", "Bearer " + token(),
        "Content-Type", "multipart/form-data; boundary=b0undary");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(400, JSON.readTree(r.body()).get("status").asInt());
  }

  @Test
  void theMethodOverrideHeaderIsRefused() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/echo")))
        .header("Authorization", "Bearer " + token()).header("X-HTTP-Method-Override", "POST").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode(), r.body());
  }

  @Test
  void answersToRequestsWithCredentialsAreNotStored() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/hello")))
        .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
  }

  @Test
  void apiErrorBodiesAreUtf8() throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/bad?v=caff%C3%A8"))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(400, r.statusCode());
    String detail = JSON.readTree(new String(r.body(), StandardCharsets.UTF_8)).get("detail").asText();
    assertTrue(detail.contains("caffè"), detail);
  }

  @Test
  void aUriTooLongIsAProblemWithTheSecurityHeaders() throws Exception {
    HttpResponse<String> r = get("/api/v1/hello?q=" + "x".repeat(20_000));
    assertEquals(414, r.statusCode(), r.body());
    assertEquals(Server.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null));
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void headersTooLargeAreA431WithTheSecurityHeaders() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/page")))
        .header("X-Big", "x".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(431, r.statusCode(), r.body());
    assertEquals(Server.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null));
  }

  @Test
  void aMalformedRequestIsA400WithTheSecurityHeaders() throws Exception {
    String answer;
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("GET /page HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.contains("Content-Security-Policy: " + Server.CSP), answer);
  }

  @Test
  void unknownMethodsAreCountedAsOther() throws Exception {
    Random random = new Random(5);
    for (int i = 0; i < 20; i++) {
      StringBuilder method = new StringBuilder();
      for (int j = 0; j < 4000; j++) {
        method.append((char) ('A' + random.nextInt(26)));
      }
      http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/hello")))
          .method(method.toString(), HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("method=\"OTHER\""), metrics.substring(0, Math.min(2000, metrics.length())));
    assertTrue(metrics.length() < 200_000, "a scrape of " + metrics.length() + " characters");
  }

  @Test
  void theStoreCountsSurviveAGarbageCollection() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("lente_articles 0.0"), metrics);
  }

  @Test
  void aPublicUrlIsAnHttpAddressWithAHost() {
    assertEquals(URI.create("https://news.example.org/lente"), Server.Settings.publicUrl("https://news.example.org/lente/"));
    for (String bad : List.of("ftp://news.example.org", "news.example.org", "https://news.example.org/?a=b", "http://")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Server.Settings.publicUrl(bad));
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void writesBeyondTheRateLimitGet429WithRetryAfter() throws Exception {
    int limited = 0;
    String retry = null;
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> r = post("/api/v1/echo", "{}", "Authorization", "Bearer x");
      if (r.statusCode() == 429) {
        limited++;
        retry = r.headers().firstValue("Retry-After").orElse(null);
      }
    }
    assertEquals(3, limited);
    assertTrue(Integer.parseInt(retry) >= 1, retry);
    assertEquals(200, get("/api/v1/hello").statusCode(), "reading is not limited");
  }

  @Test
  void healthIs503UntilReady() throws Exception {
    assertEquals(200, get("/health").statusCode());
    server.ready(false);
    assertEquals(503, get("/health").statusCode());
  }

  @Test
  void metricsCountRequestsByRouteAndShowTheStoreCounts() throws Exception {
    get("/api/v1/hello");
    get("/api/v1/hello");
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("lente_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/hello\","
        + "status=\"200\"} 2"), metrics);
    assertTrue(metrics.contains("lente_http_requests_seconds_bucket{"), metrics);
    assertTrue(metrics.contains("lente_articles 0.0"), metrics);
  }

  @Test
  void theAccessLogHasOneLinePerRequest() throws Exception {
    get("/api/v1/hello");
    get("/nowhere");
    server.close();
    List<String> lines = Files.readAllLines(dir.resolve("access.log"));
    assertEquals(2, lines.size(), lines.toString());
    String[] first = lines.get(0).split(" ");
    assertEquals(6, first.length, lines.get(0));
    assertEquals("GET", first[1]);
    assertEquals("/api/v1/hello", first[2]);
    assertEquals("200", first[3]);
    assertTrue(Long.parseLong(first[5]) > 0);
    assertTrue(lines.get(1).contains(" /nowhere 404 "), lines.get(1));
    server = start(Server.Settings.defaults("127.0.0.1", 0));
  }

  @Test
  void privateReadingRedirectsPagesToLoginAndRefusesTheApi() throws Exception {
    server.close();
    server = start(Server.Settings.defaults("127.0.0.1", 0).withPrivateRead(true));
    HttpResponse<String> page = get("/page");
    assertEquals(303, page.statusCode());
    assertEquals("/login?next=%2Fpage", page.headers().firstValue("Location").orElse(""));
    assertEquals(401, get("/api/v1/hello").statusCode());
    assertEquals(200, get("/health").statusCode());
    auth.addUser("admin", "correct horse".toCharArray());
    String token = auth.newToken("admin");
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/hello")))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
  }

  private static final String LOCAL_SECRET = ServerFile.newSecret();

  /** Restarts the server with {@code auth} knowing the local secret, listening on {@code host}. */
  private void restartWithLocalSecret(String host) throws IOException {
    server.close();
    auth = new Auth(store, new Passwords(), LOCAL_SECRET);
    server = start(Server.Settings.defaults(host, 0).withWritesPerMinute(5));
  }

  private HttpResponse<String> echoAs(String base, String secret) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/echo")).POST(HttpRequest.BodyPublishers
        .ofString("x")).header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theLocalSecretFromLoopbackIsTheLocalCommand() throws Exception {
    restartWithLocalSecret("127.0.0.1");

    HttpResponse<String> r = echoAs("http://127.0.0.1:" + server.port(), LOCAL_SECRET);

    assertEquals(200, r.statusCode(), r.body());
    assertEquals(Auth.LOCAL_USER, JSON.readTree(r.body()).get("user").asText());
  }

  @Test
  void theLocalSecretFromAnotherAddressIsWorthNothing() throws Exception {
    java.net.InetAddress outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(outside != null, "this machine has no non-loopback IPv4 address");
    restartWithLocalSecret("0.0.0.0");

    HttpResponse<String> r = echoAs("http://" + outside.getHostAddress() + ":" + server.port(), LOCAL_SECRET);

    assertEquals(401, r.statusCode(), r.body());
  }

  @Test
  void aWrongLocalSecretIsRefused() throws Exception {
    restartWithLocalSecret("127.0.0.1");

    assertEquals(401, echoAs("http://127.0.0.1:" + server.port(), ServerFile.newSecret()).statusCode());
  }

  @Test
  void theLocalCommandIsNotRateLimited() throws Exception {
    restartWithLocalSecret("127.0.0.1");

    for (int i = 0; i < 8; i++) {
      HttpResponse<String> r = echoAs("http://127.0.0.1:" + server.port(), LOCAL_SECRET);
      assertEquals(200, r.statusCode(), "request " + i + ": " + r.body());
    }
  }
}
