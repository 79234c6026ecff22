package org.lente.ingest;

import java.util.List;
import java.util.Objects;

/**
 * The raw bytes of one input, as read, before any decoding.
 *
 * @param source where it came from: a path, a URL or {@code "-"} for standard input; never null
 * @param bytes the content, already gunzipped when it was gzip; never null, possibly empty
 * @param contentType the HTTP {@code Content-Type} header when known, else null
 * @param url the URL the page was fetched from or given for it, else null
 * @param warnings what went wrong while reading (truncation, a bad gzip stream); never null
 */
public record Page(String source, byte[] bytes, String contentType, String url, List<String> warnings) {

  public Page {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bytes, "bytes");
    warnings = List.copyOf(warnings);
  }

  /** A page with no header, URL or warnings: for tests and in-memory content. */
  public static Page of(String source, byte[] bytes) {
    return new Page(source, bytes, null, null, List.of());
  }

  public Page withUrl(String newUrl) {
    return new Page(source, bytes, contentType, newUrl, warnings);
  }
}
