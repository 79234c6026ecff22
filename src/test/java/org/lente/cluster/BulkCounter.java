package org.lente.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy on 127.0.0.1 in front of an OpenSearch node that counts, per document id, the index actions of the bulk
 * requests going through it, and may hold each bulk request a while before passing it on (so that a worker is
 * caught mid-batch). Everything else passes unchanged.
 */
final class BulkCounter implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI target;
  private final long delayMillis;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<Long, AtomicInteger> sent = new ConcurrentHashMap<>();

  BulkCounter(URI target, long delayMillis) throws IOException {
    this.target = target;
    this.delayMillis = delayMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::pass);
    server.start();
  }

  /** The proxy's URL, for {@code opensearch.url}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Index actions sent per document id. */
  Map<Long, Integer> sent() {
    Map<Long, Integer> copy = new java.util.TreeMap<>();
    sent.forEach((id, n) -> copy.put(id, n.get()));
    return copy;
  }

  private void pass(HttpExchange x) throws IOException {
    try (x) {
      byte[] body = x.getRequestBody().readAllBytes();
      String path = x.getRequestURI().getRawPath();
      if (path.endsWith("/_bulk")) {
        count(new String(body, StandardCharsets.UTF_8));
        Thread.sleep(delayMillis);
      }
      String query = x.getRequestURI().getRawQuery();
      HttpRequest.Builder out = HttpRequest.newBuilder(target.resolve(path + (query == null ? "" : "?" + query)))
          .method(x.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      String type = x.getRequestHeaders().getFirst("Content-Type");
      if (type != null) {
        out.header("Content-Type", type);
      }
      HttpResponse<byte[]> r = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      x.getResponseHeaders().set("Content-Type", r.headers().firstValue("Content-Type").orElse("application/json"));
      x.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(r.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Counts the index actions of a bulk body (action lines, each followed by its document). */
  private void count(String ndjson) throws IOException {
    String[] lines = ndjson.split("\n");
    for (int i = 0; i < lines.length; i++) {
      JsonNode line = JSON.readTree(lines[i]);
      if (line.has("index")) {
        sent.computeIfAbsent(line.path("index").path("_id").asLong(), k -> new AtomicInteger()).incrementAndGet();
        i++; // its document
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
