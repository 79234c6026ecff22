package org.lente.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A safe and polite HTTP(S) client for fetching feeds, sitemaps and pages from the open web.
 *
 * <p><b>Safe.</b> Only http and https. Every host name is resolved with the {@link Resolver}
 * and every address it gives is checked with the {@link AddressPolicy} (by default:
 * {@link Addresses#isPublic public addresses only}, unless {@link Options#allowPrivate}); a host
 * with any refused address is refused before a connection is opened. The HTTP client is Jetty's,
 * and this check is its socket-address resolver: Jetty connects only to the addresses that were
 * checked and never resolves the name again, so a DNS answer that changes between the check and
 * the connection (DNS rebinding) cannot reach inside. Each redirect is followed by hand
 * ({@link Options#maxRedirects}) and goes through the same checks. TLS verifies the certificate
 * against the host name and sends SNI. See {@code HttpTransport}.
 *
 * <p>Why not {@code java.net.http.HttpClient}: it resolves host names itself when it connects,
 * with no per-client resolver, so the address checked would not be the address connected to.
 *
 * <p><b>Bounded.</b> Bodies are read up to {@link Options#maxBytes} after decompression; a
 * larger body is <em>truncated</em> with a warning on the {@link Response} (the rest is never
 * read, the connection is closed), the same policy as {@code PageReader} for local files: a cut
 * page or feed still gives a best-effort result. Connect and read timeouts apply to each
 * connection; {@link Options#deadline} bounds the whole call, redirects, retries and politeness
 * waits included.
 *
 * <p><b>Polite.</b> A {@code User-Agent} naming Lente; robots.txt is fetched once per site
 * (through the same checks) and obeyed with crawler-commons, a missing one (4xx) allowing
 * everything; at most {@link Options#perHostConcurrency} requests to one host at once, their
 * starts at least {@link Options#perHostDelay} apart, or the site's {@code Crawl-delay} up to 30 s;
 * 429 and 5xx answers and connection failures are retried with exponential backoff and jitter,
 * honouring {@code Retry-After} up to {@link Options#maxRetryAfter}.
 *
 * <p>Thread-safe: one instance is meant to be shared by all the threads of a crawl, so the
 * politeness limits and the robots.txt cache hold across them. {@link #close()} stops the HTTP
 * client's threads; they are daemon threads, so an unclosed fetcher does not keep the JVM alive.
 */
public final class Fetcher implements AutoCloseable {

  /** The robots.txt product token Lente answers to. */
  public static final String ROBOTS_NAME = "lente";

  /** The default {@code User-Agent}. */
  public static final String USER_AGENT = "Lente/0.1 (open-source news reader; robots.txt token: lente)";

  private static final long MAX_ROBOTS_BYTES = 512 << 10;
  private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

  /** Resolves a host name to its addresses; the default is the system's resolver. */
  @FunctionalInterface
  public interface Resolver {
    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address of {@code host} (an IP literal resolves to itself); never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  /**
   * Which addresses a host may be reached at. It sees the host name as written in the URL with
   * each address it resolves to, so an allow-list can admit one internal name without admitting
   * the same address written as an IP literal.
   */
  @FunctionalInterface
  public interface AddressPolicy {
    /** Public internet addresses only: {@link Addresses#isPublic}. */
    AddressPolicy PUBLIC_ONLY = (host, address) -> Addresses.isPublic(address.getAddress());
    /** Anything, private networks and loopback included. */
    AddressPolicy ANY = (host, address) -> true;

    /**
     * @param host the URL's host, lower-cased, IPv6 literals without brackets
     * @param address one of the addresses it resolved to, with the port to be connected
     */
    boolean permits(String host, InetSocketAddress address);
  }

  /**
   * How the fetcher behaves.
   *
   * @param allowPrivate when true, any address may be reached (loopback, private networks): for
   *     tests and trusted intranets only; it overrides the {@link AddressPolicy}
   * @param maxBytes the most body bytes kept per response, after decompression
   * @param connectTimeout for opening each connection
   * @param readTimeout the longest wait for any data from the server
   * @param deadline for a whole {@link #fetch} call: redirects, retries and waits included
   * @param maxRedirects redirects followed before giving up with TOO_MANY_REDIRECTS
   * @param maxRetries extra attempts after a 429, a 5xx or a connection failure
   * @param backoff the wait before the first retry, doubled each time, with jitter
   * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the retries
   * @param perHostConcurrency requests to one host at the same time
   * @param perHostDelay between the starts of two requests to one host
   * @param userAgent the {@code User-Agent} header
   * @param obeyRobots whether robots.txt is fetched and obeyed
   */
  public record Options(boolean allowPrivate, long maxBytes, Duration connectTimeout, Duration readTimeout,
      Duration deadline, int maxRedirects, int maxRetries, Duration backoff, Duration maxRetryAfter,
      int perHostConcurrency, Duration perHostDelay, String userAgent, boolean obeyRobots) {

    public Options {
      if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
      }
      positive("connectTimeout", connectTimeout);
      positive("readTimeout", readTimeout);
      positive("deadline", deadline);
      notNegative("backoff", backoff);
      notNegative("maxRetryAfter", maxRetryAfter);
      notNegative("perHostDelay", perHostDelay);
      if (maxRedirects < 0 || maxRetries < 0 || perHostConcurrency < 1) {
        throw new IllegalArgumentException("bad counts: maxRedirects=" + maxRedirects + ", maxRetries=" + maxRetries
            + ", perHostConcurrency=" + perHostConcurrency);
      }
      if (userAgent == null || userAgent.isBlank() || userAgent.contains("\r") || userAgent.contains("\n")) {
        throw new IllegalArgumentException("bad userAgent: " + userAgent);
      }
    }

    /**
     * Public addresses only, 16 MiB, 10 s to connect, 30 s of silence, 60 s in all, 5 redirects,
     * 3 retries from 500 ms, Retry-After up to 60 s, 2 requests per host at once and 1 s apart,
     * robots.txt obeyed.
     */
    public static Options defaults() {
      return new Options(false, 16L << 20, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 5, 3,
          Duration.ofMillis(500), Duration.ofSeconds(60), 2, Duration.ofSeconds(1), USER_AGENT, true);
    }

    public Options withAllowPrivate(boolean allow) {
      return new Options(allow, maxBytes, connectTimeout, readTimeout, deadline, maxRedirects, maxRetries, backoff,
          maxRetryAfter, perHostConcurrency, perHostDelay, userAgent, obeyRobots);
    }

    public Options withMaxBytes(long bytes) {
      return new Options(allowPrivate, bytes, connectTimeout, readTimeout, deadline, maxRedirects, maxRetries, backoff,
          maxRetryAfter, perHostConcurrency, perHostDelay, userAgent, obeyRobots);
    }

    public Options withTimeouts(Duration connect, Duration read, Duration total) {
      return new Options(allowPrivate, maxBytes, connect, read, total, maxRedirects, maxRetries, backoff,
          maxRetryAfter, perHostConcurrency, perHostDelay, userAgent, obeyRobots);
    }

    public Options withRetries(int retries, Duration firstBackoff, Duration longestRetryAfter) {
      return new Options(allowPrivate, maxBytes, connectTimeout, readTimeout, deadline, maxRedirects, retries,
          firstBackoff, longestRetryAfter, perHostConcurrency, perHostDelay, userAgent, obeyRobots);
    }

    public Options withPoliteness(int concurrency, Duration delay) {
      return new Options(allowPrivate, maxBytes, connectTimeout, readTimeout, deadline, maxRedirects, maxRetries,
          backoff, maxRetryAfter, concurrency, delay, userAgent, obeyRobots);
    }

    public Options withObeyRobots(boolean obey) {
      return new Options(allowPrivate, maxBytes, connectTimeout, readTimeout, deadline, maxRedirects, maxRetries,
          backoff, maxRetryAfter, perHostConcurrency, perHostDelay, userAgent, obey);
    }

    private static void positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
    }

    private static void notNegative(String name, Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
    }
  }

  private final Options options;
  private final HttpTransport transport;
  private final ConcurrentHashMap<String, HostGate> gates = new ConcurrentHashMap<>();
  private final RobotsCache robots = new RobotsCache(this::loadRobots);

  public Fetcher(Options options) {
    this(options, Resolver.SYSTEM, AddressPolicy.PUBLIC_ONLY);
  }

  /**
   * @param resolver how host names become addresses
   * @param policy which addresses may be reached, unless {@code options.allowPrivate()} allows all
   */
  public Fetcher(Options options, Resolver resolver, AddressPolicy policy) {
    this(options, resolver, policy, defaultTls());
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no default TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * @param tls where TLS connections come from: the JDK's default (its trust store, or the one
   *     {@code -Djavax.net.ssl.trustStore} names) unless a caller trusts other certificates;
   *     whichever it is, the server's certificate is checked against the URL's host name
   */
  public Fetcher(Options options, Resolver resolver, AddressPolicy policy, SSLContext tls) {
    this.options = Objects.requireNonNull(options, "options");
    AddressPolicy permitted = options.allowPrivate() ? AddressPolicy.ANY : Objects.requireNonNull(policy, "policy");
    this.transport = new HttpTransport(options, Objects.requireNonNull(resolver, "resolver"), permitted,
        Objects.requireNonNull(tls, "tls"));
  }

  /** Stops the HTTP client; fetching afterwards fails. */
  @Override
  public void close() {
    transport.close();
  }

  public Options options() {
    return options;
  }

  /**
   * GETs {@code uri}, following redirects, retrying what is worth retrying, revalidating with
   * {@code cached} when it holds validators.
   *
   * @param cached validators from the last response for this URL, or {@link Validators#NONE} (or null)
   * @return a 2xx response with its body, or {@link Response.Outcome#NOT_MODIFIED} on a 304
   * @throws FetchException for anything else, with the URL and the reason: an invalid or
   *     refused URL, robots.txt, a connection failure, a timeout, too many redirects, a final
   *     status that is not 2xx or 304
   */
  public Response fetch(URI uri, Validators cached) throws FetchException {
    Objects.requireNonNull(uri, "uri");
    Validators validators = cached == null ? Validators.NONE : cached;
    long deadline = System.nanoTime() + options.deadline().toNanos();
    List<String> warnings = new ArrayList<>();
    URI current = checkedUri(uri, uri);
    for (int redirects = 0; ; redirects++) {
      if (options.obeyRobots()) {
        checkRobots(current, deadline);
      }
      HttpTransport.Raw raw = withRetries(current, conditionalHeaders(validators), deadline, options.maxBytes(), warnings);
      int status = raw.status();
      String location = raw.header("location");
      if (isRedirect(status) && location != null) {
        if (redirects >= options.maxRedirects()) {
          throw new FetchException(current, FetchException.Reason.TOO_MANY_REDIRECTS, status,
              "more than " + options.maxRedirects() + " redirects (the next one to " + location + ")", null);
        }
        current = checkedUri(current, resolveLocation(current, location));
        continue;
      }
      if (status == 304) {
        return new Response(current, status, Response.Outcome.NOT_MODIFIED, raw.header("content-type"),
            orElse(raw.header("etag"), validators.etag()), orElse(raw.header("last-modified"), validators.lastModified()),
            raw.header("cache-control"), new byte[0], warnings);
      }
      if (status >= 200 && status < 300) {
        warnings.addAll(raw.warnings());
        return new Response(current, status, Response.Outcome.OK, raw.header("content-type"), raw.header("etag"),
            raw.header("last-modified"), raw.header("cache-control"), raw.body(), warnings);
      }
      String retryAfter = raw.header("retry-after");
      throw new FetchException(current, FetchException.Reason.HTTP_STATUS, status, "HTTP status " + status
          + (retryAfter != null ? " (Retry-After: " + retryAfter + ")" : "")
          + (isRedirect(status) ? " without a Location header" : ""), null);
    }
  }

  /** {@link #fetch(URI, Validators)} without validators. */
  public Response fetch(URI uri) throws FetchException {
    return fetch(uri, Validators.NONE);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static Map<String, String> conditionalHeaders(Validators validators) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (validators.etag() != null) {
      headers.put("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      headers.put("If-Modified-Since", validators.lastModified());
    }
    headers.values().removeIf(v -> v.contains("\r") || v.contains("\n"));
    return headers;
  }

  /** {@code uri} without its fragment, when it is an absolute http(s) URL with a host. */
  private static URI checkedUri(URI reportAs, URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(reportAs, FetchException.Reason.INVALID_URI,
          "only http and https URLs are fetched, not " + (scheme.isEmpty() ? "a relative URL" : scheme + ":") + " " + uri);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException(reportAs, FetchException.Reason.INVALID_URI, "no host name in " + uri);
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException(reportAs, FetchException.Reason.INVALID_URI, "credentials in URLs are not sent: " + uri);
    }
    String s = uri.toString();
    return uri.getRawFragment() == null ? uri : URI.create(s.substring(0, s.indexOf('#')));
  }

  private static URI resolveLocation(URI current, String location) throws FetchException {
    try {
      return current.resolve(new URI(location.strip().replace(" ", "%20")));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(current, FetchException.Reason.PROTOCOL, 0, "bad Location header: " + location, e);
    }
  }

  private HttpTransport.Raw withRetries(URI target, Map<String, String> headers, long deadline, long maxBytes,
      List<String> warnings) throws FetchException {
    for (int attempt = 0; ; attempt++) {
      long wait;
      String why;
      try {
        HttpTransport.Raw raw = once(target, headers, deadline, maxBytes);
        int status = raw.status();
        if (status != 429 && (status < 500 || status > 599) || attempt >= options.maxRetries()) {
          return raw;
        }
        Duration retryAfter = retryAfter(raw.header("retry-after"));
        if (retryAfter != null && retryAfter.compareTo(options.maxRetryAfter()) > 0) {
          return raw; // the server asks for longer than we wait: its status is the answer
        }
        wait = retryAfter != null ? retryAfter.toNanos() : backoff(attempt);
        why = "HTTP " + status + (retryAfter != null ? " with Retry-After " + retryAfter.toSeconds() + " s" : "");
      } catch (FetchException e) {
        boolean retriable = e.reason() == FetchException.Reason.CONNECT || e.reason() == FetchException.Reason.IO;
        if (!retriable || attempt >= options.maxRetries() || System.nanoTime() + backoff(attempt) - deadline > 0) {
          throw e;
        }
        wait = backoff(attempt);
        why = e.getMessage();
      }
      if (System.nanoTime() + wait - deadline > 0) {
        throw new FetchException(target, FetchException.Reason.TIMEOUT,
            "the deadline of " + options.deadline().toMillis() + " ms leaves no time to retry after " + why);
      }
      warnings.add("retried after " + why);
      sleep(target, wait);
    }
  }

  /** The wait before retry number {@code attempt + 1}: the backoff doubled per attempt, between half and all of it. */
  private long backoff(int attempt) {
    long full = options.backoff().toNanos() << Math.min(attempt, 20);
    full = Math.min(full, options.maxRetryAfter().toNanos());
    return full / 2 + (full > 1 ? ThreadLocalRandom.current().nextLong(full / 2 + 1) : 0);
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException e) {
      try {
        Duration until = Duration.between(java.time.Instant.now(),
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static void sleep(URI target, long nanos) throws FetchException {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(target, FetchException.Reason.IO, 0, "interrupted", e);
    }
  }

  /** One request: wait for the host's gate, then exchange (Jetty resolves and checks the host as it connects). */
  private HttpTransport.Raw once(URI target, Map<String, String> headers, long deadline, long maxBytes)
      throws FetchException {
    HostGate gate = gate(target);
    try {
      if (!gate.enter(deadline)) {
        throw new FetchException(target, FetchException.Reason.TIMEOUT,
            "the deadline of " + options.deadline().toMillis() + " ms passed waiting for a turn at " + target.getHost());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(target, FetchException.Reason.IO, 0, "interrupted", e);
    }
    try {
      return transport.get(target, headers, deadline, maxBytes);
    } finally {
      gate.leave();
    }
  }

  private HostGate gate(URI target) {
    return gates.computeIfAbsent(target.getHost().toLowerCase(Locale.ROOT),
        h -> new HostGate(options.perHostConcurrency(), options.perHostDelay().toNanos()));
  }

  /**
   * Checks, without connecting, that {@code target}'s host resolves and that this fetcher may reach
   * every address it resolves to (its address policy, or {@link Options#allowPrivate}): for refusing
   * a source when it is added rather than at each poll. The connection of a later fetch is checked
   * again.
   *
   * @throws FetchException {@code UNKNOWN_HOST} or {@code PRIVATE_ADDRESS}, naming the host and address
   */
  public void checkAddress(URI target) throws FetchException {
    transport.check(target);
  }

  private void checkRobots(URI target, long deadline) throws FetchException {
    BaseRobotRules rules = robots.rules(target, deadline);
    if (!rules.isAllowed(target.toString())) {
      throw new FetchException(target, FetchException.Reason.ROBOTS, rules.isDeferVisits()
          ? "the site's robots.txt could not be read (server error): visits deferred"
          : "the site's robots.txt disallows it for " + ROBOTS_NAME);
    }
  }

  /** Fetches and parses a robots.txt, following up to {@code maxRedirects} checked redirects, without retries. */
  private BaseRobotRules loadRobots(URI robotsTxt, long deadline) throws FetchException {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    URI current = robotsTxt;
    for (int redirects = 0; ; redirects++) {
      HttpTransport.Raw raw = once(current, Map.of(), deadline, MAX_ROBOTS_BYTES);
      String location = raw.header("location");
      if (isRedirect(raw.status()) && location != null && redirects < options.maxRedirects()) {
        current = checkedUri(current, resolveLocation(current, location));
        continue;
      }
      BaseRobotRules rules = raw.status() >= 200 && raw.status() < 300
          ? parser.parseContent(current.toString(), raw.body(), raw.header("content-type"), List.of(ROBOTS_NAME))
          : parser.failedFetch(raw.status());
      if (rules.getCrawlDelay() > 0) {
        gate(robotsTxt).raiseDelay(TimeUnit.MILLISECONDS.toNanos(Math.min(rules.getCrawlDelay(), MAX_CRAWL_DELAY.toMillis())));
      }
      return rules;
    }
  }
}
