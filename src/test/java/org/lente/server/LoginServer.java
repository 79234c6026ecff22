package org.lente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lente.store.SqliteStore;

/**
 * A real server on port 0 over a store, as {@code lente serve} builds it, with three bare routes for
 * tests of sessions and tokens: {@code /test/login?user=&password=} answers {@code true} or
 * {@code false}, {@code /test/logout}, and {@code /test/me}, which answers the caller's user name or
 * {@code -} for an anonymous caller. Closing it stops the server, not the store.
 */
public final class LoginServer implements AutoCloseable {

  private final Auth auth;
  private final Server server;
  private final HttpClient http = HttpClient.newHttpClient();

  private LoginServer(Auth auth, Server server) {
    this.auth = auth;
    this.server = server;
  }

  /** Starts a server over {@code store} and waits until it answers. */
  public static LoginServer start(SqliteStore store) throws IOException {
    Auth auth = new Auth(store, new Passwords());
    Server server = new Server(Server.Settings.defaults("127.0.0.1", 0), auth, new Csrf(), new Metrics(store::status),
        ErrorPage.PLAIN, List.of(config -> {
          config.routes.get("/test/login", ctx -> ctx.result(
              Boolean.toString(auth.login(ctx, ctx.queryParam("user"), ctx.queryParam("password")))));
          config.routes.get("/test/logout", ctx -> auth.logout(ctx));
          config.routes.get("/test/me", ctx -> ctx.result(auth.user(ctx).orElse("-")));
        }));
    server.start();
    server.ready(true);
    return new LoginServer(auth, server);
  }

  /** The server's Auth, over the store it was started with. */
  public Auth auth() {
    return auth;
  }

  /** GETs {@code path}, with the header {@code Cookie: cookie} unless {@code cookie} is null. */
  public HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in and returns the session cookie ("name=value"); fails the test when the login fails. */
  public String login(String user, String password) throws IOException, InterruptedException {
    HttpResponse<String> r = get("/test/login?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8), null);
    assertEquals("true", r.body(), "login of " + user);
    String set = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Auth.SESSION_COOKIE + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
    return set.substring(0, set.indexOf(';'));
  }

  /** Whether {@code user} and {@code password} log in (a session is started when they do). */
  public boolean logsIn(String user, String password) throws IOException, InterruptedException {
    return Boolean.parseBoolean(get("/test/login?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), null).body());
  }

  /** Who the server takes a request with session cookie {@code cookie} for: a user name, or {@code -}. */
  public String whoBySession(String cookie) throws IOException, InterruptedException {
    return get("/test/me", cookie).body();
  }

  /** Who the server takes a request with {@code Authorization: Bearer token} for: a user name, or {@code -}. */
  public String whoByToken(String token) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/test/me"))
        .header("Authorization", "Bearer " + token).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Stops the server; the store stays open. */
  @Override
  public void close() throws IOException {
    server.close();
  }
}
