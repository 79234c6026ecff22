package org.lente.extract;

/**
 * Cuts the elements that are never article text and that parse slowly (scripts, styles and inline
 * SVG drawings: half the characters of a typical news page) out of the HTML before it is parsed.
 * JSON-LD scripts stay: they carry the metadata. Comments are skipped over, so a {@code <script>}
 * inside a comment is not taken for one.
 *
 * <p>This mirrors the HTML tokenizer: the content of a script or a style ends at the first
 * {@code </script} or {@code </style}, whatever it contains. A start tag with no end tag is left
 * alone, for the parser to deal with.
 */
final class RawText {

  private static final String[] NAMES = {"script", "style", "svg"};

  private RawText() {}

  static String strip(String html) {
    StringBuilder out = null;
    int copied = 0; // html[0, copied) is in out, or needs no copy while out is null
    int i = 0;
    int n = html.length();
    while (true) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 4 >= n) {
        break;
      }
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        if (end < 0) {
          break;
        }
        i = end + 3;
        continue;
      }
      String name = rawTextName(html, lt + 1);
      if (name == null) {
        i = lt + 1;
        continue;
      }
      int startEnd = html.indexOf('>', lt);
      if (startEnd < 0) {
        break;
      }
      int close = closingTag(html, name, startEnd + 1);
      if (close < 0) {
        i = startEnd + 1; // no end tag: leave it to the parser
        continue;
      }
      int closeEnd = html.indexOf('>', close);
      closeEnd = closeEnd < 0 ? n : closeEnd + 1;
      if (name.equals("script") && isJsonLd(html, lt, startEnd)) {
        i = closeEnd;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(html.length());
      }
      out.append(html, copied, lt);
      copied = closeEnd;
      i = closeEnd;
    }
    if (out == null) {
      return html;
    }
    out.append(html, copied, n);
    return out.toString();
  }

  /** The raw-text element whose name starts at {@code at}, followed by a space, '>' or '/', else null. */
  private static String rawTextName(String html, int at) {
    char first = at < html.length() ? html.charAt(at) : ' ';
    if (first != 's' && first != 'S' && first < 0x80) {
      return null; // most tags; non-ASCII letters go on, as regionMatches folds some of them to 's'
    }
    for (String name : NAMES) {
      int after = at + name.length();
      if (after < html.length() && html.regionMatches(true, at, name, 0, name.length())) {
        char c = html.charAt(after);
        if (c == '>' || c == '/' || Character.isWhitespace(c)) {
          return name;
        }
      }
    }
    return null;
  }

  /** Where {@code </name} starts at or after {@code from}, case-insensitively, or -1. */
  private static int closingTag(String html, String name, int from) {
    for (int at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
      if (html.regionMatches(true, at + 2, name, 0, name.length())) {
        return at;
      }
    }
    return -1;
  }

  private static boolean isJsonLd(String html, int from, int to) {
    String tag = html.substring(from, to);
    return tag.regionMatches(true, 0, "<script", 0, 7) && tag.toLowerCase(java.util.Locale.ROOT).contains("ld+json");
  }
}
