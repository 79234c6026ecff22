package org.lente.ingest.fetch;

/**
 * What a previous response said to revalidate it with: sent as {@code If-None-Match} and
 * {@code If-Modified-Since}, so that an unchanged resource costs a 304 and no body.
 *
 * @param etag the {@code ETag} header as received, or null
 * @param lastModified the {@code Last-Modified} header as received, or null
 */
public record Validators(String etag, String lastModified) {

  /** No validators: an unconditional GET. */
  public static final Validators NONE = new Validators(null, null);

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
