package org.lente.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** What the parsers need to know about raw bytes before choosing how to read them. */
final class SourceBytes {

  /**
   * The most content a parser reads after gunzip: 64 MiB, above the 50 MiB the sitemap protocol
   * allows, so a gzip bomb stops here.
   */
  static final int MAX_UNCOMPRESSED = 64 << 20;

  private SourceBytes() {}

  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  /** The bytes gunzipped when they start with gzip's magic, else the same array. */
  static byte[] gunzipIfGzip(byte[] bytes, List<Loss> losses) {
    return isGzip(bytes) ? gunzip(bytes, MAX_UNCOMPRESSED, losses) : bytes;
  }

  /** Gunzips at most {@code max} bytes; a broken stream or the cap keeps what came before, and the rest is a loss. */
  static byte[] gunzip(byte[] bytes, int max, List<Loss> losses) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, Math.max(bytes.length * 4, 8192)));
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        int room = max - out.size();
        if (n > room) {
          out.write(buffer, 0, room);
          losses.add(Loss.rest("decompressed content exceeds the limit of " + max + " bytes; truncated"));
          break;
        }
        out.write(buffer, 0, n);
      }
    } catch (ZipException | EOFException e) {
      losses.add(Loss.rest("gzip stream is broken (" + e.getMessage() + "); kept the " + out.size()
          + " bytes read before it"));
    } catch (IOException e) {
      throw new AssertionError("in-memory streams do not fail", e);
    }
    return out.toByteArray();
  }

  /**
   * The index of the first byte that is not a byte-order mark or whitespace, or -1 when there is
   * none. Works for UTF-8 and ASCII-compatible charsets, which is what sniffing needs.
   */
  static int firstContent(byte[] bytes, int limit) {
    int i = 0;
    int end = Math.min(bytes.length, limit);
    if (end >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < end) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return i;
      }
      i++;
    }
    return -1;
  }
}
