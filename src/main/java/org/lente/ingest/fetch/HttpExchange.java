package org.lente.ingest.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET over a socket connected to an address that was already checked: the host
 * name is never resolved again here, which is what makes the address check hold (a DNS answer
 * that changes between check and connect cannot redirect the request). TLS verifies the
 * certificate against the host name, with SNI, as a browser does.
 *
 * <p>One connection per request ({@code Connection: close}). The body is read only for 2xx
 * responses; transfer encoding (chunked, Content-Length, read to close) and content encoding
 * (gzip, deflate) are undone, and reading stops at the cap, so a 1 GB body costs at most the cap.
 */
final class HttpExchange {

  static final int MAX_HEADER_BYTES = 64 << 10;
  private static final int MAX_HEADERS = 200;

  /** What came back: status, headers (names lower-cased), and the body for 2xx. */
  record Raw(int status, Map<String, List<String>> headers, byte[] body, List<String> warnings) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private HttpExchange() {}

  /**
   * Connects to {@code address}, sends the GET for {@code target} and reads the response.
   *
   * @param deadlineNanos a {@link System#nanoTime()} past which everything stops with TIMEOUT
   */
  static Raw get(InetSocketAddress address, URI target, Map<String, String> extraHeaders, Fetcher.Options options,
      SSLSocketFactory tls, long deadlineNanos, long maxBytes) throws FetchException {
    Socket socket = new Socket();
    try {
      try {
        socket.connect(address, timeoutMillis(options.connectTimeout().toMillis(), deadlineNanos));
      } catch (SocketTimeoutException e) {
        throw new FetchException(target, FetchException.Reason.CONNECT, 0,
            "no connection to " + address + " within " + options.connectTimeout().toMillis() + " ms", e);
      } catch (IOException e) {
        throw new FetchException(target, FetchException.Reason.CONNECT, 0,
            "cannot connect to " + address + ": " + e.getMessage(), e);
      }
      Socket channel = socket;
      if (target.getScheme().equalsIgnoreCase("https")) {
        channel = tls(tls, socket, target, options, deadlineNanos);
      }
      DeadlineInputStream timed = new DeadlineInputStream(channel, options.readTimeout().toMillis(), deadlineNanos);
      InputStream in = new BufferedInputStream(timed, 1 << 16);
      OutputStream out = channel.getOutputStream();
      out.write(request(target, extraHeaders, options).getBytes(ISO_8859_1));
      out.flush();
      return read(in, target, maxBytes);
    } catch (SocketTimeoutException e) {
      throw new FetchException(target, FetchException.Reason.TIMEOUT, 0,
          "no data for " + options.readTimeout().toMillis() + " ms", e);
    } catch (DeadlinePassed e) {
      throw new FetchException(target, FetchException.Reason.TIMEOUT, 0,
          "the deadline of " + options.deadline().toMillis() + " ms passed", e);
    } catch (FetchException e) {
      throw e; // already says what failed: connecting, TLS, or a response over its caps
    } catch (IOException e) {
      throw new FetchException(target, FetchException.Reason.IO, 0, "connection broke: " + e.getMessage(), e);
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a socket we are done with
      }
    }
  }

  private static Socket tls(SSLSocketFactory factory, Socket socket, URI target, Fetcher.Options options,
      long deadlineNanos) throws FetchException {
    String host = target.getHost();
    try {
      socket.setSoTimeout(timeoutMillis(options.readTimeout().toMillis(), deadlineNanos));
      SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, port(target), true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (!isIpLiteral(host)) {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      }
      ssl.setSSLParameters(parameters);
      ssl.startHandshake();
      return ssl;
    } catch (SocketTimeoutException e) {
      throw new FetchException(target, FetchException.Reason.TIMEOUT, 0, "TLS handshake timed out", e);
    } catch (SSLException e) {
      throw new FetchException(target, FetchException.Reason.TLS, 0, "TLS handshake failed: " + e.getMessage(), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new FetchException(target, FetchException.Reason.CONNECT, 0, "TLS setup failed: " + e.getMessage(), e);
    }
  }

  static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  static boolean isIpLiteral(String host) {
    return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  private static String request(URI target, Map<String, String> extraHeaders, Fetcher.Options options) {
    URI ascii = URI.create(target.toASCIIString());
    String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
    if (ascii.getRawQuery() != null) {
      path += "?" + ascii.getRawQuery();
    }
    StringBuilder sb = new StringBuilder(256);
    sb.append("GET ").append(path).append(" HTTP/1.1\r\n");
    sb.append("Host: ").append(ascii.getHost());
    if (ascii.getPort() >= 0 && ascii.getPort() != (ascii.getScheme().equalsIgnoreCase("https") ? 443 : 80)) {
      sb.append(':').append(ascii.getPort());
    }
    sb.append("\r\nUser-Agent: ").append(options.userAgent());
    sb.append("\r\nAccept: */*\r\nAccept-Encoding: gzip, deflate\r\nConnection: close\r\n");
    extraHeaders.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
    return sb.append("\r\n").toString();
  }

  private static Raw read(InputStream in, URI target, long maxBytes) throws IOException, FetchException {
    int[] budget = {MAX_HEADER_BYTES};
    String statusLine;
    Map<String, List<String>> headers;
    int status;
    do {
      statusLine = line(in, budget, target);
      if (statusLine == null) {
        throw new FetchException(target, FetchException.Reason.PROTOCOL, "the server closed the connection without a response");
      }
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
        throw new FetchException(target, FetchException.Reason.PROTOCOL, "not an HTTP/1.x status line: \""
            + (statusLine.length() > 100 ? statusLine.substring(0, 100) + "…" : statusLine) + "\"");
      }
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new FetchException(target, FetchException.Reason.PROTOCOL, "bad status code in \"" + statusLine + "\"");
      }
      headers = headers(in, budget, target);
    } while (status >= 100 && status < 200); // interim responses
    List<String> warnings = new ArrayList<>();
    byte[] body = new byte[0];
    if (status >= 200 && status < 300 && status != 204) {
      body = body(in, headers, maxBytes, warnings);
    }
    return new Raw(status, headers, body, warnings);
  }

  private static Map<String, List<String>> headers(InputStream in, int[] budget, URI target)
      throws IOException, FetchException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String last = null;
    int count = 0;
    while (true) {
      String line = line(in, budget, target);
      if (line == null || line.isEmpty()) {
        return headers;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
        List<String> values = headers.get(last); // obsolete line folding
        values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // not a header: ignored, as browsers do
      }
      if (++count > MAX_HEADERS) {
        throw new FetchException(target, FetchException.Reason.TOO_LARGE, "more than " + MAX_HEADERS + " response headers");
      }
      last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(last, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
    }
  }

  /** A line without its CR LF, or null at end of stream; the header section as a whole is capped. */
  private static String line(InputStream in, int[] budget, URI target) throws IOException, FetchException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) >= 0) {
      if (--budget[0] < 0) {
        throw new FetchException(target, FetchException.Reason.TOO_LARGE,
            "the response's header section is over " + MAX_HEADER_BYTES + " bytes");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(ISO_8859_1);
  }

  private static byte[] body(InputStream in, Map<String, List<String>> headers, long maxBytes, List<String> warnings)
      throws IOException {
    InputStream body;
    String transfer = last(headers.get("transfer-encoding"));
    List<String> lengths = headers.get("content-length");
    long declared = -1;
    if (transfer != null && transfer.toLowerCase(Locale.ROOT).endsWith("chunked")) {
      body = new ChunkedInputStream(in);
    } else if (lengths != null && !lengths.isEmpty()) {
      try {
        declared = Long.parseLong(lengths.get(0).split(",")[0].strip());
        body = new LimitedInputStream(in, declared);
      } catch (NumberFormatException e) {
        warnings.add("bad Content-Length \"" + lengths.get(0) + "\"; read to the end of the connection");
        body = in;
      }
    } else {
      body = in;
    }
    String encoding = last(headers.get("content-encoding"));
    CountingInputStream wire = new CountingInputStream(body);
    InputStream content = wire;
    if (encoding != null) {
      switch (encoding.toLowerCase(Locale.ROOT)) {
        case "gzip", "x-gzip" -> content = new GZIPInputStream(wire, 1 << 16);
        case "deflate" -> content = new InflaterInputStream(wire);
        case "identity", "" -> { }
        default -> warnings.add("unsupported Content-Encoding \"" + encoding + "\"; body left encoded");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, declared > 0 ? declared : 64 << 10));
    byte[] buffer = new byte[1 << 16];
    try {
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
      if (declared > 0 && wire.count < declared && out.size() < maxBytes) {
        warnings.add("body ended after " + wire.count + " of the " + declared + " bytes declared");
      }
    } catch (SocketTimeoutException | DeadlinePassed e) {
      throw e;
    } catch (ZipException | EOFException e) {
      warnings.add("compressed body is broken (" + e.getMessage() + "); kept the " + out.size() + " bytes before it");
    } catch (IOException e) {
      warnings.add("body broke after " + out.size() + " bytes (" + e.getMessage() + "); kept them");
    }
    return out.toByteArray();
  }

  private static String last(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1).strip();
  }

  private static int timeoutMillis(long timeout, long deadlineNanos) throws DeadlinePassed {
    long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remaining <= 0) {
      throw new DeadlinePassed();
    }
    return (int) Math.max(1, Math.min(Math.min(timeout, remaining), Integer.MAX_VALUE));
  }

  /** The request's deadline passed while waiting for the server. */
  static final class DeadlinePassed extends IOException {
    DeadlinePassed() {
      super("deadline passed");
    }
  }

  /** A filter whose single-byte read goes through its block read, the one each subclass defines. */
  private abstract static class BlockReads extends FilterInputStream {

    BlockReads(InputStream in) {
      super(in);
    }

    @Override
    public final int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
  }

  /** Sets the socket's read timeout before each read to the smaller of the read timeout and what is left of the deadline. */
  private static final class DeadlineInputStream extends BlockReads {
    private final Socket socket;
    private final long readTimeout;
    private final long deadlineNanos;

    DeadlineInputStream(Socket socket, long readTimeout, long deadlineNanos) throws IOException {
      super(socket.getInputStream());
      this.socket = socket;
      this.readTimeout = readTimeout;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int timeout = timeoutMillis(readTimeout, deadlineNanos);
      socket.setSoTimeout(timeout);
      try {
        return in.read(b, off, len);
      } catch (SocketTimeoutException e) {
        if (System.nanoTime() - deadlineNanos >= 0) {
          throw new DeadlinePassed();
        }
        throw e;
      }
    }
  }

  /** Exactly {@code length} bytes, then end of stream. */
  private static final class LimitedInputStream extends BlockReads {
    private long left;

    LimitedInputStream(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
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

  /** HTTP/1.1 chunked transfer coding; trailers are read and dropped. */
  private static final class ChunkedInputStream extends BlockReads {
    private long left;
    private boolean done;

    ChunkedInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        left = nextChunkSize();
        if (left == 0) {
          done = true;
          while (!chunkLine().isEmpty()) {
            // trailers
          }
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("chunked body ended inside a chunk");
      }
      left -= n;
      if (left == 0) {
        chunkLine(); // the CR LF after the chunk
      }
      return n;
    }

    private long nextChunkSize() throws IOException {
      String line = chunkLine();
      String hex = line.split(";", 2)[0].strip();
      try {
        long size = Long.parseLong(hex, 16);
        if (size < 0) {
          throw new NumberFormatException();
        }
        return size;
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size \"" + (hex.length() > 20 ? hex.substring(0, 20) : hex) + "\"");
      }
    }

    private String chunkLine() throws IOException {
      StringBuilder sb = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (sb.length() > 4096) {
          throw new IOException("chunk line over 4096 bytes");
        }
        if (c != '\r') {
          sb.append((char) c);
        }
      }
      if (c < 0 && sb.isEmpty()) {
        throw new EOFException("chunked body ended without its last chunk");
      }
      return sb.toString();
    }
  }
}
