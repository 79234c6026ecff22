package org.lente.html;

/**
 * Escaping text for HTML: the one implementation behind the reader's pages ({@code org.lente.web}),
 * the server's own plain error pages ({@code org.lente.server}) and the search snippets
 * ({@code org.lente.index}). It depends on nothing of Lente's, so that each of them can use it
 * without depending on the others. Thread-safe (stateless).
 */
public final class Escape {

  private Escape() {}

  /**
   * {@code text} escaped for an HTML text node or a double- or single-quoted attribute value; null
   * gives the empty string. Characters that are not allowed in HTML (NUL, other C0 controls but tab,
   * newline and carriage return, DEL, lone surrogates) are dropped.
   */
  public static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    appendHtml(sb, text, 0, text.length());
    return sb.toString();
  }

  /**
   * Appends {@code text[from, to)} escaped as {@link #html} does. A surrogate pair split by
   * {@code from} or {@code to} counts as lone and is dropped.
   *
   * @throws IndexOutOfBoundsException when {@code from} and {@code to} are not a range of {@code text}
   */
  public static void appendHtml(StringBuilder sb, String text, int from, int to) {
    if (from < 0 || to > text.length() || from > to) {
      throw new IndexOutOfBoundsException("bad range [" + from + ", " + to + ") of " + text.length() + " chars");
    }
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
}
