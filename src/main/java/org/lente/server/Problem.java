package org.lente.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * An error as RFC 9457 describes it ({@code application/problem+json}): what the API answers, and
 * what an {@link ErrorPage} renders for the HTML pages.
 *
 * @param type a URI naming the kind of problem; "about:blank" when the status says it all
 * @param title the status's short, fixed description ("Not Found")
 * @param detail what went wrong with this request, for a person; never internals
 * @param instance the request's path
 */
public record Problem(String type, String title, int status, String detail, String instance) {

  /** The media type of {@link #json()}; JSON is UTF-8 (RFC 8259), so it names no charset. */
  public static final String CONTENT_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
  }

  /** A problem of type about:blank with the status's usual title. */
  public static Problem of(int status, String detail, String instance) {
    return new Problem("about:blank", title(status), status, detail, instance);
  }

  /** This problem as {@value #CONTENT_TYPE}, in UTF-8. */
  public byte[] json() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record of strings and an int is always JSON: " + this, e);
    }
  }

  /** The usual reason phrase of {@code status}. */
  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> status < 500 ? "Client Error" : "Server Error";
    };
  }
}
