package org.lente.ingest.fetch;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.lente.ingest.Page;

/**
 * A successful fetch.
 *
 * @param uri the URL the content came from, after redirects; never null
 * @param status the final HTTP status: 2xx, or 304 for {@link Outcome#NOT_MODIFIED}
 * @param outcome whether there is new content
 * @param contentType the {@code Content-Type} header, or null
 * @param etag the {@code ETag} header (for a 304 without one, the one sent), or null
 * @param lastModified the {@code Last-Modified} header (for a 304 without one, the one sent), or null
 * @param cacheControl the {@code Cache-Control} header, or null
 * @param body the content with its transfer and content encodings undone, at most
 *     {@code maxBytes}; empty for {@link Outcome#NOT_MODIFIED}; never null
 * @param warnings what was wrong and how it was handled (a truncated body, a retry); never null
 */
public record Response(URI uri, int status, Outcome outcome, String contentType, String etag, String lastModified,
    String cacheControl, byte[] body, List<String> warnings) {

  /** Whether the fetch brought content. */
  public enum Outcome {
    /** A 2xx response with its body. */
    OK,
    /** A 304: the cached copy the validators came from is still current. */
    NOT_MODIFIED
  }

  public Response {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(body, "body");
    warnings = List.copyOf(warnings);
  }

  /** The validators to send on the next fetch of the same URL. */
  public Validators validators() {
    return new Validators(etag, lastModified);
  }

  /** The content as a {@link Page} for extraction: source and url are the final URL. */
  public Page toPage() {
    return new Page(uri.toString(), body, contentType, uri.toString(), warnings);
  }
}
