package org.lente.server;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lente.Pipeline;
import org.lente.ingest.Page;
import org.lente.ingest.fetch.FetchException;
import org.lente.knowledge.KnowledgeBase;

/**
 * Articles added through the server (the API's {@code POST /api/v1/ingest}, the web's add form), and
 * where each is: {@link Ingests} adds them in this process (embedded), the cluster hands them to its
 * Kafka workers and keeps their state in PostgreSQL. Implementations are thread-safe.
 */
public interface Submissions {

  /**
   * Queues {@code request}, submitted by {@code user}; returns the queued submission (or one that
   * already failed, when what was pasted holds no article).
   *
   * @throws IllegalStateException when no more can be taken now (the message says to try again later)
   * @throws IllegalArgumentException when the request cannot be queued as given
   */
  Submission submit(Request request, String user) throws IOException;

  /** The submission with this id, while it is remembered; empty for an unknown id. */
  Optional<Submission> get(String id) throws IOException;

  /** The latest submissions, newest first; {@code limit} at least 1. */
  List<Submission> recent(int limit) throws IOException;

  /** Why a submission failed, as anyone may read it: the page gave no article text. */
  public static final String NOT_AN_ARTICLE = "not an article: no article text found";

  /** Why a submission failed: the address resolves to a private, loopback or link-local one. */
  public static final String PRIVATE_ADDRESS = "private addresses are not allowed";

  /** Why a submission failed: the site's robots.txt disallows it. */
  public static final String ROBOTS = "the site does not allow it (robots.txt)";

  /** Why a submission failed: the address could not be fetched (any other fetch failure). */
  public static final String NOT_FETCHED = "the address could not be fetched";

  /**
   * Why a submission failed: it was stored, but a stage after that (the index or the stories, named
   * after this in brackets) failed; {@code lente reindex} and the next ingest retry it.
   */
  public static final String STAGE_FAILED = "stored, but not yet searchable or in a story (retried later)";

  /** Why a submission failed: anything else, an error of this server. */
  public static final String NOT_ANALYSED = "the article could not be analysed";

  /**
   * Why a submission failed, as its reader is told, when the fetcher failed with {@code reason} (and
   * {@code status}, read only for {@link FetchException.Reason#HTTP_STATUS}): the embedded and the
   * cluster's submissions tell it alike.
   */
  static String fetchFailed(FetchException.Reason reason, int status) {
    return switch (Objects.requireNonNull(reason, "reason")) {
      case PRIVATE_ADDRESS -> PRIVATE_ADDRESS;
      case ROBOTS -> ROBOTS;
      case HTTP_STATUS -> NOT_FETCHED + " (HTTP " + status + ")";
      default -> NOT_FETCHED;
    };
  }

  /** Where a submission is. */
  public enum State { QUEUED, ANALYSING, STORED, UPDATED, DUPLICATE, FAILED }

  /**
   * The state a submission ends in once the knowledge base added its article as {@code added}: the
   * store's outcome, or {@link State#FAILED} when a stage after storing it failed (its article is
   * still {@code added.id()}); the embedded and the cluster's submissions end alike.
   */
  static State ended(KnowledgeBase.Added added) {
    if (added.failure() != null) {
      return State.FAILED;
    }
    return switch (added.outcome()) {
      case STORED -> State.STORED;
      case UPDATED -> State.UPDATED;
      case DUPLICATE -> State.DUPLICATE;
    };
  }

  /** The error a submission ends with once its article was added as {@code added}: null unless a stage failed. */
  static String endError(KnowledgeBase.Added added) {
    return added.failure() == null ? null : STAGE_FAILED + " (" + added.failure().stage().label() + ")";
  }

  /**
   * What to add: exactly one of a URL to fetch, HTML (with the URL it came from, or null) or plain
   * text (with a title, or null).
   */
  public record Request(String url, String html, String text, String title) {

    public Request {
      int given = (url != null && html == null ? 1 : 0) + (html != null ? 1 : 0) + (text != null ? 1 : 0);
      if (given != 1) {
        throw new IllegalArgumentException("give one of url, html or text");
      }
      if (html != null && html.isBlank() || text != null && text.isBlank()) {
        throw new IllegalArgumentException("the html or text is empty");
      }
      if (url != null) {
        URI uri;
        try {
          uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("not a valid URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          throw new IllegalArgumentException("only http and https URLs can be fetched: " + url);
        }
      }
    }

    public static Request url(String url) {
      return new Request(Objects.requireNonNull(url, "url"), null, null, null);
    }

    public static Request html(String html, String url) {
      return new Request(url, Objects.requireNonNull(html, "html"), null, null);
    }

    public static Request text(String text, String title) {
      return new Request(null, null, Objects.requireNonNull(text, "text"), title);
    }

    /**
     * The page of pasted HTML or text, as {@code lente ingest} would read it (a title given with text
     * goes first, as its own paragraph); null for a URL, which is fetched.
     */
    public Page pasted() {
      if (html != null) {
        return Pipeline.submitted("html", html, "text/html; charset=utf-8", url);
      }
      if (text != null) {
        return Pipeline.submitted("text", title == null || title.isBlank() ? text : title.strip() + "\n\n" + text,
            "text/plain; charset=utf-8", null);
      }
      return null;
    }

    /** What the submission shows as its input: the URL, else "html" or "text". */
    public String label() {
      return html != null ? "html" : text != null ? "text" : url;
    }
  }

  /**
   * One submission and where it is.
   *
   * @param articleId the stored article (also for a duplicate: the one already there; also when a stage
   *     after storing it failed), else null
   * @param error why it failed in words fit for any reader (one of the {@code Ingests.*} reasons: no
   *     address, exception or path; the full error goes to the server's log), else null
   * @param at when it was submitted
   */
  public record Submission(String id, String input, State state, Long articleId, String error, Instant at,
      String user) {

    public Submission {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(at, "at");
    }

    /** This submission in state {@code newState}, with that article and error. */
    public Submission with(State newState, Long newArticleId, String newError) {
      return new Submission(id, input, newState, newArticleId, newError, at, user);
    }
  }
}
