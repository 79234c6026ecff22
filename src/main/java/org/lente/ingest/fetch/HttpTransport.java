package org.lente.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * One HTTP GET at a time through Jetty's {@link HttpClient}, whose only way from a host name to
 * an address is {@link CheckedResolver}: it resolves the name once with the {@link
 * Fetcher.Resolver}, checks every address with the {@link Fetcher.AddressPolicy}, and hands
 * Jetty exactly the addresses it checked, so a DNS answer that changes between check and connect
 * (DNS rebinding) cannot redirect the request. TLS is Jetty's over the JDK's: the certificate is
 * verified against the URL's host name, with SNI.
 *
 * <p>One connection per request ({@code Connection: close}), so every request resolves and
 * checks its host afresh. Jetty follows no redirects and decodes no content here: {@link Fetcher}
 * follows redirects (checking each hop), and gzip and deflate are undone by this class with the
 * body cap applied after decompression, so a decompression bomb costs at most the cap. The
 * response's header section is capped at {@link #MAX_HEADER_BYTES} and {@link #MAX_HEADERS}
 * fields; the body is read only for 2xx responses, on demand, and reading stops at the cap.
 *
 * <p>Thread-safe; {@link #close()} stops Jetty's threads (daemon threads, so a transport that is
 * never closed does not keep the JVM alive).
 */
final class HttpTransport implements AutoCloseable {

  static final int MAX_HEADER_BYTES = 64 << 10;
  static final int MAX_HEADERS = 200;

  /** What came back: status, headers (names lower-cased), and the body for 2xx. */
  record Raw(int status, Map<String, List<String>> headers, byte[] body, List<String> warnings) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final Fetcher.Options options;
  private final HttpClient client;
  private final CheckedResolver checked;

  /**
   * Starts a Jetty client whose connections go only to addresses {@code policy} permits.
   *
   * @param tls where TLS engines come from; the server's certificate is checked against the URL's host
   */
  HttpTransport(Fetcher.Options options, Fetcher.Resolver resolver, Fetcher.AddressPolicy policy, SSLContext tls) {
    this.options = options;
    SslContextFactory.Client ssl = new SslContextFactory.Client();
    ssl.setSslContext(tls);
    ssl.setEndpointIdentificationAlgorithm("HTTPS");
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(ssl);
    QueuedThreadPool threads = new QueuedThreadPool(64, 1, 60_000);
    threads.setName("lente-fetch");
    threads.setDaemon(true);
    HttpClient jetty = new HttpClient(new HttpClientTransportOverHTTP(connector));
    jetty.setExecutor(threads);
    jetty.setScheduler(new ScheduledExecutorScheduler("lente-fetch-timer", true));
    this.checked = new CheckedResolver(resolver, policy);
    jetty.setSocketAddressResolver(checked);
    jetty.setFollowRedirects(false);
    jetty.setHttpCookieStore(new HttpCookieStore.Empty());
    jetty.setConnectTimeout(options.connectTimeout().toMillis());
    jetty.setIdleTimeout(options.readTimeout().toMillis());
    jetty.setMaxResponseHeadersSize(MAX_HEADER_BYTES);
    jetty.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, options.userAgent()));
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Jetty's HTTP client: " + e.getMessage(), e);
    }
    jetty.getContentDecoderFactories().clear(); // bodies are decoded here, under the cap
    this.client = jetty;
  }

  static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /**
   * Sends the GET for {@code target} and reads the response.
   *
   * @param deadlineNanos a {@link System#nanoTime()} past which everything stops with TIMEOUT
   * @param maxBytes the most body bytes kept, after decompression
   */
  Raw get(URI target, Map<String, String> extraHeaders, long deadlineNanos, long maxBytes) throws FetchException {
    long remaining = remainingMillis(target, deadlineNanos);
    AtomicBoolean sent = new AtomicBoolean();
    Request request = client.newRequest(URI.create(target.toASCIIString()))
        .method(HttpMethod.GET)
        .followRedirects(false)
        .timeout(remaining, TimeUnit.MILLISECONDS)
        .idleTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .headers(h -> {
          h.put(HttpHeader.ACCEPT, "*/*");
          h.put(HttpHeader.ACCEPT_ENCODING, "gzip, deflate");
          h.put(HttpHeader.CONNECTION, "close");
          extraHeaders.forEach(h::put);
        })
        .onRequestBegin(r -> sent.set(true));
    try (InputStreamResponseListener listener = new InputStreamResponseListener()) {
      request.send(listener);
      org.eclipse.jetty.client.Response response;
      try {
        response = listener.get(remaining + 1000, TimeUnit.MILLISECONDS); // the request's own timeout comes first
      } catch (ExecutionException e) {
        throw failure(target, e.getCause(), sent.get(), deadlineNanos);
      } catch (TimeoutException e) {
        request.abort(e);
        throw deadlinePassed(target, e);
      }
      HttpFields fields = response.getHeaders();
      if (fields.size() > MAX_HEADERS) {
        response.abort(new IOException("too many headers"));
        throw new FetchException(target, FetchException.Reason.TOO_LARGE, "more than " + MAX_HEADERS + " response headers");
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpField field : fields) {
        headers.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>()).add(field.getValue());
      }
      int status = response.getStatus();
      List<String> warnings = new ArrayList<>();
      byte[] body = new byte[0];
      if (status >= 200 && status < 300 && status != 204) {
        body = body(target, listener.getInputStream(), headers, maxBytes, deadlineNanos, warnings);
      }
      return new Raw(status, headers, body, warnings);
    } catch (InterruptedException e) {
      request.abort(e);
      Thread.currentThread().interrupt();
      throw new FetchException(target, FetchException.Reason.IO, 0, "interrupted", e);
    } catch (IOException e) {
      if (e instanceof FetchException fetch) {
        throw fetch;
      }
      throw new FetchException(target, FetchException.Reason.IO, 0, "connection broke: " + e.getMessage(), e);
    }
  }

  private long remainingMillis(URI target, long deadlineNanos) throws FetchException {
    long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remaining <= 0) {
      throw deadlinePassed(target, null);
    }
    return remaining;
  }

  private FetchException deadlinePassed(URI target, Throwable cause) {
    return new FetchException(target, FetchException.Reason.TIMEOUT, 0,
        "the deadline of " + options.deadline().toMillis() + " ms passed", cause);
  }

  /**
   * Checks, without connecting, that {@code target}'s host resolves and that every address it
   * resolves to is permitted: the check a connection makes, made ahead of one.
   *
   * @throws FetchException {@code UNKNOWN_HOST} or {@code PRIVATE_ADDRESS}, naming the host and address
   */
  void check(URI target) throws FetchException {
    try {
      checked.checked(target.getHost(), port(target));
    } catch (Refused e) {
      throw new FetchException(target, e.reason, 0, e.getMessage(), e);
    }
  }

  /** The reason a request failed before its response headers, from Jetty's exception. */
  private FetchException failure(URI target, Throwable x, boolean sent, long deadlineNanos) {
    String where = target.getHost() + ":" + port(target);
    Refused refused = cause(x, Refused.class);
    if (refused != null) {
      return new FetchException(target, refused.reason, 0, refused.getMessage(), x);
    }
    SSLException tls = cause(x, SSLException.class);
    if (tls != null) {
      return new FetchException(target, FetchException.Reason.TLS, 0, "TLS handshake failed: " + tls.getMessage(), x);
    }
    TimeoutException timeout = cause(x, TimeoutException.class);
    if (timeout != null && (System.nanoTime() - deadlineNanos >= 0 || String.valueOf(timeout.getMessage()).startsWith("Total"))) {
      return deadlinePassed(target, x);
    }
    if (!sent) {
      if (cause(x, SocketTimeoutException.class) != null || timeout != null) {
        return new FetchException(target, FetchException.Reason.CONNECT, 0,
            "no connection to " + where + " within " + options.connectTimeout().toMillis() + " ms", x);
      }
      return new FetchException(target, FetchException.Reason.CONNECT, 0, "cannot connect to " + where + ": " + x.getMessage(), x);
    }
    if (timeout != null) {
      return new FetchException(target, FetchException.Reason.TIMEOUT, 0,
          "no data for " + options.readTimeout().toMillis() + " ms", x);
    }
    HttpException bad = cause(x, HttpException.class);
    if (bad != null && (bad.getCode() == 431 || String.valueOf(bad.getReason()).toLowerCase(Locale.ROOT).contains("too large"))) {
      return new FetchException(target, FetchException.Reason.TOO_LARGE, 0,
          "the response's header section is over " + MAX_HEADER_BYTES + " bytes", x);
    }
    if (bad != null || cause(x, HttpResponseException.class) != null) {
      return new FetchException(target, FetchException.Reason.PROTOCOL, 0,
          "not an HTTP/1.x response: " + (bad != null ? bad.getReason() : x.getMessage()), x);
    }
    if (cause(x, EOFException.class) != null) {
      return new FetchException(target, FetchException.Reason.PROTOCOL, 0,
          "the server closed the connection without a response", x);
    }
    return new FetchException(target, FetchException.Reason.IO, 0, "connection broke: " + x.getMessage(), x);
  }

  private static <T> T cause(Throwable x, Class<T> type) {
    for (Throwable t = x; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private byte[] body(URI target, InputStream in, Map<String, List<String>> headers, long maxBytes, long deadlineNanos,
      List<String> warnings) throws FetchException {
    long declared = -1;
    List<String> lengths = headers.get("content-length");
    if (lengths != null && !lengths.isEmpty()) {
      try {
        declared = Long.parseLong(lengths.get(0).split(",")[0].strip());
      } catch (NumberFormatException e) {
        declared = -1; // Jetty refuses a bad Content-Length before the body; nothing to compare with
      }
    }
    CountingInputStream wire = new CountingInputStream(in);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, declared > 0 ? declared : 64 << 10));
    try {
      InputStream content = decoded(wire, last(headers.get("content-encoding")), warnings);
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = content.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - out.size() + 1))) > 0) {
        if (out.size() + n > maxBytes) {
          out.write(buffer, 0, (int) (maxBytes - out.size()));
          warnings.add("body exceeds the limit of " + maxBytes + " bytes" + (declared > 0 ? " (Content-Length " + declared + ")" : "")
              + "; truncated, the rest was not read");
          break;
        }
        out.write(buffer, 0, n);
      }
    } catch (ZipException | EOFException e) {
      warnings.add("compressed body is broken (" + e.getMessage() + "); kept the " + out.size() + " bytes before it");
    } catch (IOException e) {
      TimeoutException timeout = cause(e, TimeoutException.class);
      if (timeout != null) {
        throw System.nanoTime() - deadlineNanos >= 0 || String.valueOf(timeout.getMessage()).startsWith("Total")
            ? deadlinePassed(target, e)
            : new FetchException(target, FetchException.Reason.TIMEOUT, 0,
                "no data for " + options.readTimeout().toMillis() + " ms", e);
      }
      if (cause(e, InterruptedException.class) != null || e instanceof java.io.InterruptedIOException) {
        Thread.currentThread().interrupt();
        throw new FetchException(target, FetchException.Reason.IO, 0, "interrupted", e);
      }
      warnings.add(declared > 0 && wire.count < declared
          ? "body ended after " + wire.count + " of the " + declared + " bytes declared"
          : "body broke after " + out.size() + " bytes (" + e.getMessage() + "); kept them");
    }
    return out.toByteArray();
  }

  /** The body with its content coding undone; an unknown coding is left as it is, with a warning. */
  private static InputStream decoded(InputStream wire, String encoding, List<String> warnings) throws IOException {
    if (encoding == null) {
      return wire;
    }
    return switch (encoding.toLowerCase(Locale.ROOT)) {
      case "gzip", "x-gzip" -> new GZIPInputStream(wire, 1 << 16);
      case "deflate" -> new InflaterInputStream(wire);
      case "identity", "" -> wire;
      default -> {
        warnings.add("unsupported Content-Encoding \"" + encoding + "\"; body left encoded");
        yield wire;
      }
    };
  }

  private static String last(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1).strip();
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop Jetty's HTTP client: " + e.getMessage(), e);
    }
  }

  /** An address the policy refused, or a name without one: the reason travels through Jetty to {@link #failure}. */
  private static final class Refused extends IOException {
    final FetchException.Reason reason;

    Refused(FetchException.Reason reason, String message, Throwable cause) {
      super(message, cause);
      this.reason = reason;
    }
  }

  /**
   * Jetty's only resolver here: the host's addresses, each checked with the policy, in the
   * order Jetty will try them; a host with any refused address is refused as a whole.
   */
  private record CheckedResolver(Fetcher.Resolver resolver, Fetcher.AddressPolicy policy)
      implements SocketAddressResolver {

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
      try {
        promise.succeeded(checked(host, port));
      } catch (Refused e) {
        promise.failed(e);
      } catch (RuntimeException e) {
        promise.failed(new Refused(FetchException.Reason.UNKNOWN_HOST, "cannot resolve " + host + ": " + e, e));
      }
    }

    private List<InetSocketAddress> checked(String host, int port) throws Refused {
      String lower = host.toLowerCase(Locale.ROOT);
      String name = lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
      List<InetAddress> resolved;
      try {
        resolved = resolver.resolve(name);
      } catch (UnknownHostException e) {
        throw new Refused(FetchException.Reason.UNKNOWN_HOST, "cannot resolve " + host, e);
      }
      if (resolved == null || resolved.isEmpty()) {
        throw new Refused(FetchException.Reason.UNKNOWN_HOST, "no address for " + host, null);
      }
      List<InetSocketAddress> addresses = new ArrayList<>(resolved.size());
      for (InetAddress resolvedAddress : resolved) {
        // NOTE: named after the URL's host, whatever name the resolver attached: Jetty takes the
        // TLS peer host (SNI, certificate check) from this socket address's host string
        InetAddress address = named(name, resolvedAddress);
        InetSocketAddress socket = new InetSocketAddress(address, port);
        if (!policy.permits(name, socket)) {
          throw new Refused(FetchException.Reason.PRIVATE_ADDRESS, host + " resolves to " + address.getHostAddress()
              + ", which is not a public address; refused (Options.allowPrivate is off)", null);
        }
        addresses.add(socket);
      }
      return List.copyOf(addresses);
    }

    private static InetAddress named(String name, InetAddress address) throws Refused {
      try {
        return InetAddress.getByAddress(name, address.getAddress());
      } catch (UnknownHostException e) {
        throw new Refused(FetchException.Reason.UNKNOWN_HOST, "bad address for " + name + ": " + address, e);
      }
    }
  }

  /** Counts the bytes read through it: the body as it came over the wire. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
