package org.lente.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.UnsupportedMediaTypeResponse;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * The HTTP server: Javalin 7 (Jetty 12) serving the given {@link Routes} plus {@code /health} and
 * {@code /metrics}, with what every response needs: security headers ({@link #CSP} and friends, and
 * {@code Cache-Control: no-store} on answers to requests that carry credentials), a request body
 * limit (413) counted on the bytes actually read, chunked or not, a rate limit on write methods per
 * client address (429 with Retry-After), CSRF protection of write requests ({@link Csrf}), private
 * reading when asked ({@link Settings#privateRead}), an access log ({@link AccessLog}) and metrics
 * ({@link Metrics}).
 *
 * <p>Request bodies: {@code multipart/form-data} is read only for a request with a valid API token
 * (no page of Lente sends one; the API's ingest route takes one), so that no anonymous request makes
 * the server parse one; it is held in memory, within the body limit. {@code X-HTTP-Method-Override}
 * is refused (400): a request's method is the one it was sent with.
 *
 * <p>Errors: handlers throw Javalin's {@link HttpResponseException}s ({@code NotFoundResponse},
 * {@code BadRequestResponse}, …) or {@link IllegalArgumentException} (400); anything else is a 500
 * whose body says nothing of the cause (which goes to standard error). Under {@code /api/} an error
 * is an RFC 9457 {@code application/problem+json} body ({@link Problem}); elsewhere the
 * {@link ErrorPage} renders it. Errors that Jetty answers itself (a malformed request, a URI or
 * headers too long) carry the same headers ({@link JettyErrors}).
 */
public final class Server implements AutoCloseable {

  /** The Content-Security-Policy of every response: no inline script or style, nothing from elsewhere. */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** Paths readable without a user even when reading is private. */
  private static final List<String> PUBLIC_PREFIXES = List.of("/login", "/health", "/static/");

  private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
      HandlerType.DELETE);

  /** The header some frameworks take as the request's method; Lente refuses it. */
  static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

  /**
   * How the server runs.
   *
   * @param host the address to listen on ("127.0.0.1" for this machine only)
   * @param port the port; 0 for any free one ({@link Server#port()} tells which)
   * @param privateRead whether reading needs a user too (otherwise only writing does)
   * @param maxBodyBytes the largest request body accepted
   * @param writesPerMinute write requests (POST, PUT, PATCH, DELETE) allowed per client address per minute
   * @param accessLog the access log file, or null for standard error
   * @param publicUrl the address readers use to reach the server ({@code https://news.example.org}),
   *     for the links of feeds and pages and the Origin a write request may come from; null when not
   *     configured: links then name the address the request came in on, never its Host header
   */
  public record Settings(String host, int port, boolean privateRead, long maxBodyBytes, int writesPerMinute,
      Path accessLog, URI publicUrl) {

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
      if (publicUrl != null) {
        publicUrl = publicUrl(publicUrl.toString());
      }
    }

    /**
     * {@code text} as a public address: an absolute http or https URL with a host and no query or
     * fragment, returned without a trailing slash ({@code https://example.org/news}).
     *
     * @throws IllegalArgumentException naming {@code text} when it is not one
     */
    public static URI publicUrl(String text) {
      URI uri;
      try {
        uri = new URI(text);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("bad public URL: " + text + ": " + e.getReason(), e);
      }
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("bad public URL: " + text + " (want http or https://host[:port][/path])");
      }
      String clean = uri.toString();
      while (clean.endsWith("/")) {
        clean = clean.substring(0, clean.length() - 1);
      }
      return URI.create(clean);
    }

    /** Public reading, 2 MiB bodies, 30 writes a minute per client, access log on standard error. */
    public static Settings defaults(String host, int port) {
      return new Settings(host, port, false, DEFAULT_MAX_BODY, 30, null, null);
    }

    public Settings withPrivateRead(boolean value) {
      return new Settings(host, port, value, maxBodyBytes, writesPerMinute, accessLog, publicUrl);
    }

    public Settings withMaxBodyBytes(long value) {
      return new Settings(host, port, privateRead, value, writesPerMinute, accessLog, publicUrl);
    }

    public Settings withWritesPerMinute(int value) {
      return new Settings(host, port, privateRead, maxBodyBytes, value, accessLog, publicUrl);
    }

    public Settings withAccessLog(Path file) {
      return new Settings(host, port, privateRead, maxBodyBytes, writesPerMinute, file, publicUrl);
    }

    public Settings withPublicUrl(URI value) {
      return new Settings(host, port, privateRead, maxBodyBytes, writesPerMinute, accessLog, value);
    }
  }

  private final Settings settings;
  private final Auth auth;
  private final Csrf csrf;
  private final Metrics metrics;
  private final ErrorPage errorPage;
  private final Shared shared;
  private final AccessLog accessLog;
  private final Javalin app;
  private volatile boolean ready;

  /**
   * What a server shares with the other instances of a cluster ({@code lente serve --cluster}) behind a
   * load balancer, or keeps to itself when it runs alone ({@link #alone}).
   *
   * @param writeLimit the buckets of {@link Settings#writesPerMinute} (shared: in PostgreSQL)
   * @param proxies the load balancers whose {@code X-Forwarded-For} gives the client's address (for the
   *     rate limit); {@link TrustedProxies#NONE} when the client is the connection's peer
   * @param probes what {@code /health} checks, by name ({@code postgres}, {@code opensearch}): it answers
   *     200 only when each answers, else 503 naming the one that did not
   * @param accessLogToStdout whether the access log goes to standard output (where a cluster's log
   *     collector reads it) instead of {@link Settings#accessLog}
   */
  public record Shared(WriteLimit writeLimit, TrustedProxies proxies, Map<String, Probe> probes,
      boolean accessLogToStdout) {
    public Shared {
      Objects.requireNonNull(writeLimit, "writeLimit");
      Objects.requireNonNull(proxies, "proxies");
      probes = Map.copyOf(probes);
    }

    /** A server on its own: buckets in memory, no proxy trusted, nothing else to check, its own access log. */
    public static Shared alone(int writesPerMinute) {
      return new Shared(new RateLimit(writesPerMinute), TrustedProxies.NONE, Map.of(), false);
    }
  }

  /** Something {@code /health} checks: returns when it answers, throws saying why when not. */
  @FunctionalInterface
  public interface Probe {
    void check() throws Exception;
  }

  /** A server for {@code routes}; not started. {@link #ready} starts false: /health answers 503. */
  public Server(Settings settings, Auth auth, Csrf csrf, Metrics metrics, ErrorPage errorPage, List<Routes> routes)
      throws IOException {
    this(settings, auth, csrf, metrics, errorPage, routes, Shared.alone(settings.writesPerMinute()));
  }

  /** A server for {@code routes} sharing {@code shared} with other instances; not started. */
  public Server(Settings settings, Auth auth, Csrf csrf, Metrics metrics, ErrorPage errorPage, List<Routes> routes,
      Shared shared) throws IOException {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.csrf = Objects.requireNonNull(csrf, "csrf");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
    this.shared = Objects.requireNonNull(shared, "shared");
    this.accessLog = shared.accessLogToStdout() ? AccessLog.stdout() : new AccessLog(settings.accessLog());
    List<Routes> groups = List.copyOf(routes);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.http.prefer405over404 = true;
      // multipart parts stay in memory (no file in the temp folder), within the body limit
      int inMemory = (int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes());
      config.jetty.multipartConfig.maxInMemoryFileSize(inMemory, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), SizeUnit.BYTES);
      config.jetty.modifyServer(server -> {
        server.setRequestLog(accessLog);
        // counts the bytes read, so a chunked body (no Content-Length) is limited too
        server.insertHandler(new SizeLimitHandler(settings.maxBodyBytes(), -1));
        server.setErrorHandler(new JettyErrors(settings.maxBodyBytes()));
      });
      config.requestLogger.http((ctx, ms) -> metrics.record(ctx.req().getMethod(), route(ctx), ctx.statusCode(),
          Duration.ofNanos((long) (ms * 1_000_000))));
      config.routes.before(this::guard);
      config.routes.get("/health", this::health);
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
          .result(metrics.scrape()));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(), e.getMessage()));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        HttpException http = httpException(e);
        if (http != null) { // Jetty's: the body over the limit (413), a malformed multipart body (400)
          fail(ctx, http.getCode(), http.getCode() == 413 ? tooLarge(settings.maxBodyBytes())
              : "the request body could not be read: " + http.getReason());
          return;
        }
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

  /** The detail of a 413. */
  static String tooLarge(long limit) {
    return "request bodies are limited to " + limit + " bytes";
  }

  /**
   * The Jetty HTTP error at the root of {@code e}, or null: the deepest among {@code e} and its
   * causes, since a multipart parser reports a body cut at the limit (413) as a bad body (400).
   */
  private static HttpException httpException(Throwable e) {
    HttpException found = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        found = h;
      }
    }
    return found;
  }

  /**
   * What runs before every handler: headers, method override, private reading, multipart, rate
   * limit, CSRF. (A body over the limit never gets here: the {@link SizeLimitHandler} answers.)
   */
  private void guard(Context ctx) throws IOException {
    securityHeaders(ctx);
    if (ctx.header(METHOD_OVERRIDE) != null) {
      throw new BadRequestResponse(METHOD_OVERRIDE + " is not supported: send the request with method "
          + ctx.header(METHOD_OVERRIDE) + " itself");
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
    if (ctx.isMultipartFormData()) {
      if (!Auth.hasBearer(ctx)) {
        throw new UnsupportedMediaTypeResponse("multipart/form-data needs an API token (Authorization: Bearer …); "
            + "send application/x-www-form-urlencoded or JSON");
      }
      auth.requireUser(ctx); // the part of the request that can be checked before reading its body
    }
    if (write && !auth.local(ctx)) { // a local command waits for each submission: it paces itself
      long wait = shared.writeLimit().take(client(ctx));
      if (wait > 0) {
        ctx.header("Retry-After", Long.toString(wait));
        throw new TooManyRequestsResponse("at most " + settings.writesPerMinute() + " write requests a minute; "
            + "try again in " + wait + " s");
      }
      if (!Auth.hasBearer(ctx)) {
        if (!Csrf.sameOrigin(ctx, settings.publicUrl())) {
          throw new ForbiddenResponse("this request comes from another site: Origin " + ctx.header("Origin"));
        }
        if (!csrf.valid(ctx)) {
          throw new ForbiddenResponse("missing or wrong CSRF token: send the form's " + Csrf.FIELD + " field or the "
              + Csrf.HEADER + " header, or use an API token");
        }
      }
    }
  }

  /**
   * The client's address: the connection's peer, or the address a trusted proxy says it forwards for
   * ({@link TrustedProxies#client}).
   */
  public String client(Context ctx) {
    return shared.proxies().client(ctx.req().getRemoteAddr(),
        java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
  }

  /**
   * {@code /health}: 200 with {@code "status": "ready"} when the server is ready and each probe answers,
   * else 503 with {@code "starting"} or {@code "unavailable"}; each probe's name maps to {@code "ok"} or
   * why it failed.
   */
  private void health(Context ctx) {
    Map<String, String> body = new java.util.TreeMap<>();
    boolean ok = ready;
    for (Map.Entry<String, Probe> p : shared.probes().entrySet()) {
      try {
        p.getValue().check();
        body.put(p.getKey(), "ok");
      } catch (Exception e) {
        ok = false;
        body.put(p.getKey(), "no answer: " + e.getMessage());
      }
    }
    body.put("status", !ready ? "starting" : ok ? "ready" : "unavailable");
    ctx.status(ok ? 200 : 503).json(body);
  }

  private static void securityHeaders(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
    if (ctx.header("Authorization") != null || ctx.cookie(Auth.SESSION_COOKIE) != null) {
      ctx.header("Cache-Control", "no-store"); // what a user may read must not stay in a shared cache
    }
  }

  /** The headers of every response, errors included. */
  static final Map<String, String> SECURITY_HEADERS = Map.of("Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin", "X-Frame-Options", "DENY");

  /** Answers with an error: problem+json under /api/ and for /health and /metrics, the error page elsewhere. */
  private void fail(Context ctx, int status, String detail) {
    Problem problem = Problem.of(status, detail == null || detail.isBlank() ? Problem.title(status) : detail,
        ctx.path());
    ctx.status(status);
    securityHeaders(ctx);
    String path = ctx.path();
    try {
      if (wantsJson(path)) {
        ctx.contentType(Problem.CONTENT_TYPE).result(problem.json());
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

  /** Whether an error at {@code path} is answered as problem+json (else as a page). */
  static boolean wantsJson(String path) {
    return isApi(path) || path.equals("/health") || path.equals("/metrics");
  }

  /** The route pattern a request matched, for metrics: "static" for a file, "unmatched" when none. */
  private static String route(Context ctx) {
    Endpoint e = ctx.endpoints().matchedHttpEndpoint();
    if (e != null && !e.path.isEmpty()) {
      return e.path;
    }
    return ctx.statusCode() >= 400 ? "unmatched" : "static";
  }
}
