package org.lente.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.lente.ingest.Charsets;
import org.lente.server.Ingests;
import org.lente.ingest.Page;
import org.lente.server.ServerFile;
import org.lente.store.ArticleStore;

/**
 * Hands pages to the {@code lente serve} that holds a data folder, through its JSON API
 * ({@code POST /api/v1/ingest} with the page's HTML and URL), authorised by the local secret of its
 * {@link ServerFile}, and waits for each to be stored. The server extracts, analyses and stores the
 * page on its one writer thread, so the article is in its reader and index once {@link #add}
 * returns. Thread-safe.
 */
final class ServerIngest {

  /** How long one page may take on the server, queue included, before it counts as failed. */
  static final Duration PAGE_TIMEOUT = Duration.ofMinutes(5);

  private static final String API = "/api/v1/ingest";
  private static final long POLL_MILLIS = 50;

  /** The body posted to the ingest API: the page's HTML and, when it is a web address, its URL. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Submission(String html, String url) {
    Submission {
      Objects.requireNonNull(html, "html");
    }
  }

  /**
   * What the server did with one page: stored (with {@code outcome} and {@code id}), skipped (not an
   * article), or failed (with the server's reason, and {@code id} when it was stored all the same).
   */
  record Result(ArticleStore.Put.Outcome outcome, Long id, String skipped, String failure) {
    Result {
      int given = (outcome != null ? 1 : 0) + (skipped != null ? 1 : 0) + (failure != null ? 1 : 0);
      if (given != 1 || outcome != null && id == null) {
        throw new IllegalArgumentException("bad result: outcome=" + outcome + ", id=" + id + ", skipped=" + skipped
            + ", failure=" + failure);
      }
    }
  }

  private final ServerFile server;
  private final HttpClient http;

  ServerIngest(ServerFile server) {
    this.server = Objects.requireNonNull(server, "server");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The server's address, for messages. */
  String address() {
    return server.baseUrl() + "/";
  }

  /**
   * Submits {@code page} (decoded as the extractor decodes it; its URL kept when it is http or https)
   * and waits until the server has stored it, skipped it or failed it.
   *
   * @throws IOException when the server cannot be reached or answers an error, or the page takes
   *     longer than {@link #PAGE_TIMEOUT}
   */
  Result add(Page page) throws IOException {
    String html = Charsets.decode(page.bytes(), page.contentType()).text();
    if (html.isBlank()) {
      return new Result(null, null, "no article text found", null);
    }
    boolean web = page.url() != null && (page.url().startsWith("http://") || page.url().startsWith("https://"));
    var body = new Submission(html, web ? page.url() : null);
    long deadline = System.nanoTime() + PAGE_TIMEOUT.toNanos();
    HttpRequest.Builder post = request(API).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8));
    HttpResponse<String> posted = send(post);
    while (posted.statusCode() == 503 && System.nanoTime() < deadline) { // its queue is full: wait for room
      pause();
      posted = send(post);
    }
    JsonNode s = answer(posted, 202);
    String id = s.path("id").asText();
    while (waiting(s)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the server at " + address() + " did not finish submission " + id + " within "
            + PAGE_TIMEOUT.toMinutes() + " minutes");
      }
      pause();
      s = answer(send(request(API + "/" + id).GET()), 200);
    }
    return result(s);
  }

  /** The result a finished submission's JSON ({@code state}, {@code articleId}, {@code error}) stands for. */
  static Result result(JsonNode s) throws IOException {
    Long id = s.path("articleId").isIntegralNumber() ? s.get("articleId").asLong() : null;
    String state = s.path("state").asText();
    return switch (state) {
      case "stored" -> new Result(ArticleStore.Put.Outcome.STORED, id, null, null);
      case "updated" -> new Result(ArticleStore.Put.Outcome.UPDATED, id, null, null);
      case "duplicate" -> new Result(ArticleStore.Put.Outcome.DUPLICATE, id, null, null);
      case "failed" -> {
        String error = s.path("error").asText("failed on the server");
        if (error.equals(Ingests.NOT_AN_ARTICLE)) {
          yield new Result(null, null, "no article text found", null);
        }
        yield new Result(null, id, null, id == null ? error : "stored as article " + id + ", but: " + error);
      }
      default -> throw new IOException("the server answered an unknown state: " + state);
    };
  }

  private static boolean waiting(JsonNode s) {
    String state = s.path("state").asText();
    return state.equals("queued") || state.equals("analysing");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + server.secret()).header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the server at " + address(), e);
    } catch (IOException e) {
      throw new IOException("the server at " + address() + " did not answer: " + e, e);
    }
  }

  /** The JSON of {@code r}, which must have status {@code expected}; else an error with the server's words. */
  private JsonNode answer(HttpResponse<String> r, int expected) throws IOException {
    if (r.statusCode() != expected) {
      String said = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
      throw new IOException("the server at " + address() + " answered HTTP " + r.statusCode() + ": " + said.strip());
    }
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("the server at " + address() + " answered something that is not JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the server", e);
    }
  }
}
