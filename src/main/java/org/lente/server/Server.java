package org.lente.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The HTTP server: Javalin 7 (Jetty 12) serving the given {@link Routes} plus {@code /health} and
 * {@code /metrics}, with what every response needs: security headers ({@link #CSP} and friends), a
 * request body limit (413), a rate limit on write methods per client address (429 with
 * Retry-After), CSRF protection of write requests ({@link Csrf}), private reading when asked
 * ({@link Settings#privateRead}), an access log ({@link AccessLog}) and metrics ({@link Metrics}).
 *
 * <p>Errors: handlers throw Javalin's {@link HttpResponseException}s ({@code NotFoundResponse},
 * {@code BadRequestResponse}, …) or {@link IllegalArgumentException} (400); anything else is a 500
 * whose body says nothing of the cause (which goes to standard error). Under {@code /api/} an error
 * is an RFC 9457 {@code application/problem+json} body ({@link Problem}); elsewhere the
 * {@link ErrorPage} renders it.
 */
public final class Server implements AutoCloseable {

  /** The Content-Security-Policy of every response: no inline script or style, nothing from elsewhere. */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** Paths readable without a user even when reading is private. */
  private static final List<String> PUBLIC_PREFIXES = List.of("/login", "/health", "/static/");

  private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
      HandlerType.DELETE);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How the server runs.
   *
   * @param host the address to listen on ("127.0.0.1" for this machine only)
   * @param port the port; 0 for any free one ({@link Server#port()} tells which)
   * @param privateRead whether reading needs a user too (otherwise only writing does)
   * @param maxBodyBytes the largest request body accepted
   * @param writesPerMinute write requests (POST, PUT, PATCH, DELETE) allowed per client address per minute
   * @param accessLog the access log file, or null for standard error
   */
  public record Settings(String host, int port, boolean privateRead, long maxBodyBytes, int writesPerMinute,
      Path accessLog) {

    /** 2 MiB: a pasted article's HTML fits, a video does not. */
    public static final long DEFAULT_MAX_BODY = 2L << 20;

    public Settings {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("bad port: " + port);
      }
      if (maxBodyBytes < 1 || writesPerMinute < 1) {
        throw new IllegalArgumentException("maxBodyBytes and writesPerMinute must be positive: " + maxBodyBytes
            + ", " + writesPerMinute);
      }
    }

    /** Public reading, 2 MiB bodies, 30 writes a minute per client, access log on standard error. */
    public static Settings defaults(String host, int port) {
      return new Settings(host, port, false, DEFAULT_MAX_BODY, 30, null);
    }

    public Settings withPrivateRead(boolean value) {
      return new Settings(host, port, value, maxBodyBytes, writesPerMinute, accessLog);
    }

    public Settings withMaxBodyBytes(long value) {
      return new Settings(host, port, privateRead, value, writesPerMinute, accessLog);
    }

    public Settings withWritesPerMinute(int value) {
      return new Settings(host, port, privateRead, maxBodyBytes, value, accessLog);
    }

    public Settings withAccessLog(Path file) {
      return new Settings(host, port, privateRead, maxBodyBytes, writesPerMinute, file);
    }
  }

  private final Settings settings;
  private final Auth auth;
  private final Csrf csrf;
  private final Metrics metrics;
  private final ErrorPage errorPage;
  private final RateLimit rateLimit;
  private final AccessLog accessLog;
  private final Javalin app;
  private volatile boolean ready;

  /** A server for {@code routes}; not started. {@link #ready} starts false: /health answers 503. */
  public Server(Settings settings, Auth auth, Csrf csrf, Metrics metrics, ErrorPage errorPage, List<Routes> routes)
      throws IOException {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.csrf = Objects.requireNonNull(csrf, "csrf");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
    this.rateLimit = new RateLimit(settings.writesPerMinute());
    this.accessLog = new AccessLog(settings.accessLog());
    List<Routes> groups = List.copyOf(routes);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.http.prefer405over404 = true;
      config.jetty.modifyServer(server -> server.setRequestLog(accessLog));
      config.requestLogger.http((ctx, ms) -> metrics.record(ctx.method().name(), route(ctx), ctx.statusCode(),
          Duration.ofNanos((long) (ms * 1_000_000))));
      config.routes.before(this::guard);
      config.routes.get("/health", ctx -> ctx.status(ready ? 200 : 503)
          .json(Map.of("status", ready ? "ready" : "starting")));
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
          .result(metrics.scrape()));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(), e.getMessage()));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        System.err.println("lente serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
        e.printStackTrace();
        fail(ctx, 500, "the server could not answer this request");
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null) { // no handler wrote anything: no such route
          fail(ctx, 404, "no such page: " + ctx.path());
        }
      });
      for (Routes r : groups) {
        r.addTo(config);
      }
    });
  }

  /** Starts listening; returns this. */
  public Server start() {
    app.start(settings.host(), settings.port());
    return this;
  }

  /** The port listened on (the one chosen when the settings asked for 0). */
  public int port() {
    return app.port();
  }

  /** Sets whether the server is ready to answer: /health then answers 200, else 503. */
  public void ready(boolean value) {
    ready = value;
  }

  @Override
  public void close() throws IOException {
    try {
      app.stop();
    } finally {
      accessLog.close();
    }
  }

  /**
   * Where the login page sends a visitor back: the path and query string they asked for, or "/" when
   * the path could be read as another host's ("//host", a backslash).
   */
  static String returnTo(String path, String query) {
    if (path == null || !path.startsWith("/") || path.startsWith("//") || path.indexOf('\\') >= 0) {
      return "/";
    }
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }

  /** What runs before every handler: headers, body limit, private reading, rate limit, CSRF. */
  private void guard(Context ctx) {
    securityHeaders(ctx);
    long length = ctx.req().getContentLengthLong();
    if (length > settings.maxBodyBytes()) {
      throw new ContentTooLargeResponse("request bodies are limited to " + settings.maxBodyBytes() + " bytes; this one "
          + "has " + length);
    }
    String path = ctx.path();
    boolean write = WRITES.contains(ctx.method());
    if (settings.privateRead() && PUBLIC_PREFIXES.stream().noneMatch(path::startsWith) && auth.user(ctx).isEmpty()) {
      if (isApi(path) || write || path.equals("/metrics")) {
        throw new UnauthorizedResponse("this server is private: log in or send an API token");
      }
      ctx.redirect("/login?next=" + URLEncoder.encode(returnTo(path, ctx.queryString()), StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    if (write) {
      long wait = rateLimit.take(ctx.ip(), System.nanoTime());
      if (wait > 0) {
        ctx.header("Retry-After", Long.toString(wait));
        throw new TooManyRequestsResponse("at most " + settings.writesPerMinute() + " write requests a minute; "
            + "try again in " + wait + " s");
      }
      if (!Auth.hasBearer(ctx) && !csrf.valid(ctx)) {
        throw new ForbiddenResponse("missing or wrong CSRF token: send the form's " + Csrf.FIELD + " field or the "
            + Csrf.HEADER + " header, or use an API token");
      }
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
  }

  /** Answers with an error: problem+json under /api/ and for /health and /metrics, the error page elsewhere. */
  private void fail(Context ctx, int status, String detail) {
    Problem problem = Problem.of(status, detail == null || detail.isBlank() ? Problem.title(status) : detail,
        ctx.path());
    ctx.status(status);
    securityHeaders(ctx);
    String path = ctx.path();
    try {
      if (isApi(path) || path.equals("/health") || path.equals("/metrics")) {
        ctx.contentType("application/problem+json").result(JSON.writeValueAsString(problem));
      } else {
        errorPage.render(ctx, problem);
      }
    } catch (Exception e) {
      System.err.println("lente serve: cannot render the error page for " + path + ": " + e);
      ctx.contentType("text/plain; charset=utf-8").result(status + " " + problem.title());
    }
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api/") || path.equals("/api");
  }

  /** The route pattern a request matched, for metrics: "unmatched" when none. */
  private static String route(Context ctx) {
    Endpoint e = ctx.endpoints().matchedHttpEndpoint();
    return e == null ? (ctx.statusCode() == 404 ? "unmatched" : "static") : e.path;
  }
}
