package org.lente.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.lente.store.PrivateFiles;

/**
 * One line per request, written when the response is complete:
 * {@code time method path status milliseconds bytes}, for example
 * {@code 2026-11-24T12:00:00.123Z GET /api/v1/articles 200 4 5321}. The time is when the request
 * arrived (UTC), the path leaves out the query (which may hold what a user searched for), the bytes
 * are those of the body. Appended to a file, or to standard error or output. Thread-safe.
 */
final class AccessLog implements RequestLog, AutoCloseable {

  private final java.io.Writer out;
  private final boolean ownsOut;

  private AccessLog(java.io.Writer out, boolean ownsOut) {
    this.out = out;
    this.ownsOut = ownsOut;
  }

  /** A log written to standard output (a cluster instance's, read by its log collector). */
  static AccessLog stdout() {
    return new AccessLog(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
  }

  /** A log appended to {@code file} (created with mode 0600 when missing), or written to standard error when null. */
  AccessLog(Path file) throws IOException {
    if (file == null) {
      out = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
      ownsOut = false;
    } else {
      PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
      PrivateFiles.createFile(file);
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ownsOut = true;
    }
  }

  @Override
  public void log(Request request, Response response) {
    long millis = (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000;
    String line = Instant.ofEpochMilli(Request.getTimeStamp(request)) + " " + request.getMethod() + " "
        + clean(request.getHttpURI().getPath()) + " " + response.getStatus() + " " + millis + " "
        + Response.getContentBytesWritten(response) + "\n";
    synchronized (out) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the access log: " + e.getMessage(), e);
      }
    }
  }

  /** The path with control characters and spaces escaped, so that one request is one line. */
  static String clean(String path) {
    if (path == null) {
      return "-";
    }
    StringBuilder sb = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        sb.append(String.format("%%%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    synchronized (out) {
      if (ownsOut) {
        out.close();
      } else {
        out.flush();
      }
    }
  }
}
