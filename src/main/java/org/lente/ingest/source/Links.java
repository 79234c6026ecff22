package org.lente.ingest.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Links found in sources, resolved to absolute http(s) URLs. */
final class Links {

  private Links() {}

  /**
   * {@code raw} resolved against {@code base}, when the result is an absolute http or https URL;
   * else null (a relative link with no base, {@code javascript:}, {@code mailto:}, a malformed
   * URL). Surrounding whitespace is ignored; spaces inside are percent-encoded.
   *
   * @param base may be null
   */
  static String resolve(URI base, String raw) {
    URI uri = parse(base, raw);
    return uri == null ? null : uri.toString();
  }

  /** Like {@link #resolve} but as a URI, for use as a base. */
  static URI parse(URI base, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(raw.strip().replace(" ", "%20"));
      if (base != null && !uri.isAbsolute()) {
        uri = withPath(base).resolve(uri);
      }
      String scheme = uri.getScheme();
      if (scheme == null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        return null;
      }
      return uri;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A base for relative links: {@code raw} resolved against {@code parent}, or {@code parent} when it does not resolve. */
  static URI base(URI parent, String raw) {
    if (raw == null || raw.isBlank()) {
      return parent;
    }
    try {
      URI uri = new URI(raw.strip().replace(" ", "%20"));
      return parent != null && !uri.isAbsolute() ? withPath(parent).resolve(uri) : uri.isAbsolute() ? uri : parent;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return parent;
    }
  }

  /** {@code http://host} as {@code http://host/}: {@link URI#resolve} mangles relative links against an empty path. */
  private static URI withPath(URI base) {
    return base.isAbsolute() && !base.isOpaque() && base.getRawPath() != null && base.getRawPath().isEmpty()
        && base.getRawAuthority() != null ? base.resolve("/") : base;
  }
}
