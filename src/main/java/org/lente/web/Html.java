package org.lente.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for links to the outside: http(s) only. Escaping text is {@link org.lente.html.Escape}'s.
 */
public final class Html {

  private Html() {}

  /**
   * {@code url} when it is an absolute http or https URL with a host, else null: only those become
   * links ({@code javascript:}, {@code data:}, relative and malformed URLs stay text).
   */
  public static String httpUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        return null;
      }
      String s = scheme.toLowerCase(Locale.ROOT);
      return s.equals("http") || s.equals("https") ? uri.toASCIIString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
