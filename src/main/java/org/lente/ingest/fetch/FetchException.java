package org.lente.ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/** A fetch that did not give a usable response, with the URL and the reason as data. */
public final class FetchException extends IOException {

  /** Why a fetch failed. */
  public enum Reason {
    /** Not an absolute http(s) URL with a host, or a redirect to one that is not. */
    INVALID_URI,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The host resolves to an address the policy refuses (loopback, private, link-local, ...). */
    PRIVATE_ADDRESS,
    /** The site's robots.txt disallows the URL for Lente. */
    ROBOTS,
    /** No connection could be made (refused, unreachable, connect timeout). */
    CONNECT,
    /**
     * The TLS handshake failed: the server's certificate is not trusted or does not name the host,
     * or no protocol is shared. Not retried.
     */
    TLS,
    /** The read timeout or the request's deadline passed. */
    TIMEOUT,
    /** More redirects than {@code maxRedirects}. */
    TOO_MANY_REDIRECTS,
    /** The response's header section is over its cap (bodies over the cap are truncated instead). */
    TOO_LARGE,
    /** The final status is not 2xx or 304; {@link #status()} holds it. */
    HTTP_STATUS,
    /** The server's response is not HTTP/1.x as this client reads it. */
    PROTOCOL,
    /** The connection broke before a response was read, or the thread was interrupted. */
    IO
  }

  private final URI uri;
  private final Reason reason;
  private final int status;
  private final String detail;

  /**
   * @param uri the URL being fetched when it failed (after redirects), never null
   * @param status the HTTP status for {@link Reason#HTTP_STATUS}, else 0
   */
  public FetchException(URI uri, Reason reason, int status, String message, Throwable cause) {
    super(reason + " " + uri + ": " + message, cause);
    this.uri = Objects.requireNonNull(uri, "uri");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.status = status;
    this.detail = message;
  }

  public FetchException(URI uri, Reason reason, String message) {
    this(uri, reason, 0, message, null);
  }

  public URI uri() {
    return uri;
  }

  public Reason reason() {
    return reason;
  }

  /** What went wrong, without the reason and URL that {@link #getMessage} starts with. */
  public String detail() {
    return detail;
  }

  /** The HTTP status for {@link Reason#HTTP_STATUS}, else 0. */
  public int status() {
    return status;
  }

  /**
   * Whether fetching the same URL again cannot give anything else soon: an address that is not one
   * ({@link Reason#INVALID_URI}), a refused address ({@link Reason#PRIVATE_ADDRESS}), robots.txt's
   * disallow ({@link Reason#ROBOTS}), or a 4xx status saying the request itself is refused or the page
   * is not there (404, 410, 403, ...), except 408, 425 and 429, which ask to come back later. Anything
   * else may pass: a timeout, a connection refused or reset, a 5xx, a name that did not resolve (DNS
   * fails for a while), a TLS handshake (a reset during it fails it too).
   */
  public boolean permanent() {
    return switch (reason) {
      case INVALID_URI, PRIVATE_ADDRESS, ROBOTS -> true;
      case HTTP_STATUS -> status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
      default -> false;
    };
  }
}
