package org.lente.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a page's bytes are decoded, in the order browsers use: a byte-order mark, the HTTP
 * {@code Content-Type} charset, a {@code <meta>} declaration in the first 4 KiB, then sniffing
 * (bytes that are valid UTF-8 are UTF-8; otherwise windows-1252, the superset of ISO-8859-1 that
 * browsers substitute for it). A declaration that the bytes contradict (UTF-8 declared, invalid
 * UTF-8 found) is overridden with a warning.
 */
public final class Charsets {

  /** The decoded text and how its charset was chosen. */
  public record Decoded(String text, Charset charset, String how, String warning) {}

  private static String replacedWarning(int invalid) {
    return invalid + " invalid UTF-8 byte sequence(s) replaced with U+FFFD";
  }

  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_CHARSET = Pattern.compile(
      "charset\\s*=\\s*[\"']?([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING = Pattern.compile(
      "<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Charsets() {}

  /**
   * Decodes {@code bytes}; never fails: undecodable sequences become U+FFFD.
   *
   * @param contentType the HTTP header, or null
   */
  public static Decoded decode(byte[] bytes, String contentType) {
    int len = bytes.length;
    if (len >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new Decoded(new String(bytes, 3, len - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "bom", null);
    }
    if (len >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      return new Decoded(new String(bytes, 2, len - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, "bom", null);
    }
    if (len >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      return new Decoded(new String(bytes, 2, len - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, "bom", null);
    }
    Charset declared = null;
    String how = null;
    if (contentType != null) {
      Matcher m = HEADER_CHARSET.matcher(contentType);
      if (m.find()) {
        declared = lookup(m.group(1));
        how = "http-header";
      }
    }
    if (declared == null) {
      String head = new String(bytes, 0, Math.min(len, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        declared = lookup(m.group(1));
        how = "meta";
      } else if ((m = XML_ENCODING.matcher(head)).find()) {
        declared = lookup(m.group(1));
        how = "xml-declaration";
      }
    }
    String utf8 = strictUtf8(bytes);
    boolean validUtf8 = utf8 != null;
    if (declared != null) {
      // UTF-16 declared in an ASCII-compatible document is a known lie: browsers treat it as UTF-8.
      if (declared.name().startsWith("UTF-16")) {
        declared = StandardCharsets.UTF_8;
      }
      if (declared.equals(StandardCharsets.UTF_8) && !validUtf8) {
        int invalid = invalidIfMostlyUtf8(bytes);
        if (invalid >= 0) {
          // a UTF-8 page with a few broken sequences: keep it UTF-8, broken bytes become U+FFFD
          return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, how,
              replacedWarning(invalid));
        }
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, "sniffed",
            "declared UTF-8 but the bytes are not valid UTF-8; decoded as windows-1252");
      }
      if (declared.equals(StandardCharsets.ISO_8859_1) || declared.name().equals("US-ASCII")) {
        declared = WINDOWS_1252;
      }
      if (!declared.equals(StandardCharsets.UTF_8) && validUtf8 && hasMultibyte(bytes)) {
        // A page declared Latin-1 whose bytes are valid multi-byte UTF-8 was saved as UTF-8.
        return new Decoded(utf8, StandardCharsets.UTF_8, "sniffed",
            "declared " + declared.name() + " but the bytes are UTF-8; decoded as UTF-8");
      }
      return new Decoded(declared.equals(StandardCharsets.UTF_8) ? utf8 : new String(bytes, declared), declared,
          how, null);
    }
    if (validUtf8) {
      return new Decoded(utf8, StandardCharsets.UTF_8, "sniffed", null);
    }
    int invalid = invalidIfMostlyUtf8(bytes);
    if (invalid >= 0) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "sniffed",
          replacedWarning(invalid));
    }
    return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, "sniffed", null);
  }

  private static Charset lookup(String name) {
    try {
      return Charset.forName(name.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /**
   * The bytes decoded as UTF-8, or null when they are not valid UTF-8. A multi-byte sequence cut
   * short at the very end (a truncated page) does not count against them.
   */
  static String strictUtf8(byte[] bytes) {
    int end = bytes.length;
    for (int i = end - 1; i >= Math.max(0, end - 3); i--) {
      int b = bytes[i] & 0xff;
      if (b >= 0xC0) {
        int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        if (i + need > end) {
          end = i;
        }
        break;
      }
      if (b < 0x80) {
        break;
      }
    }
    return wellFormedUtf8(bytes, end) ? new String(bytes, 0, end, StandardCharsets.UTF_8) : null;
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  /**
   * A tight check of UTF-8 well-formedness (no overlongs, no surrogates, nothing above U+10FFFF).
   * Runs of ASCII are skipped eight bytes at a time: a page is mostly ASCII, and this reads all of it.
   */
  static boolean wellFormedUtf8(byte[] b, int end) {
    int i = 0;
    while (i < end) {
      if (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
        i += 8;
        continue;
      }
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int c = b[i] & 0xff;
      int need;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false;
      }
      if (i + need >= end) {
        return false; // cut short (a sequence cut by truncation was trimmed from end before)
      }
      int second = b[i + 1] & 0xff;
      if (second < lo || second > hi) {
        return false;
      }
      for (int k = 2; k <= need; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += need + 1;
    }
    return true;
  }

  /**
   * The number of bytes that fit no UTF-8 sequence when well-formed multi-byte sequences outnumber
   * them (a UTF-8 text with a few corrupt bytes), else -1 (a single-byte text such as Latin-1).
   */
  static int invalidIfMostlyUtf8(byte[] bytes) {
    int valid = 0;
    int invalid = 0;
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : -1;
      boolean ok = need > 0;
      for (int k = 1; ok && k <= need; k++) {
        ok = i + k < n && (bytes[i + k] & 0xC0) == 0x80;
      }
      if (ok) {
        valid++;
        i += need + 1;
      } else {
        invalid++;
        i++;
      }
    }
    return valid > 0 && valid >= invalid ? invalid : -1;
  }

  private static boolean hasMultibyte(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }
}
