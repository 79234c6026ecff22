package org.lente.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Escaping for text and attribute values, and the one rule for links to the outside: http(s) only. */
public final class Html {

  private Html() {}

  /**
   * {@code text} escaped for an HTML text node or a double- or single-quoted attribute value; null
   * gives the empty string. Characters that are not allowed in HTML (NUL, other C0 controls but tab,
   * newline and carriage return, lone surrogates) are dropped.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    appendEscaped(sb, text, 0, text.length());
    return sb.toString();
  }

  /** Appends {@code text[from, to)} escaped as {@link #escape} does. */
  static void appendEscaped(StringBuilder sb, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\t', '\n', '\r' -> sb.append(c);
        default -> {
          if (c < 0x20 || c == 0x7f) {
            continue;
          }
          if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
            sb.append(c).append(text.charAt(++i));
          } else if (!Character.isSurrogate(c)) {
            sb.append(c);
          }
        }
      }
    }
  }

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
