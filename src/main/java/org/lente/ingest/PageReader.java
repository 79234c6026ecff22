package org.lente.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads local inputs into {@link Page}s: files, directories (walked recursively, in name order)
 * and standard input. Gzip is recognised by its magic bytes, whatever the file is called.
 *
 * <p>Reading is bounded: at most {@code maxBytes} of content are kept per input, after
 * decompression, so a 50 MB page or a gzip bomb costs at most that much memory; the rest is
 * dropped with a warning on the page. Thread-safe.
 */
public final class PageReader {

  /** Default cap on the content kept per input: 16 MiB. */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;

  private final long maxBytes;

  /** Content kept per input, after gunzip. */
  public long maxBytes() {
    return maxBytes;
  }

  public PageReader(long maxBytes) {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public PageReader() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * Expands the user's arguments into the files to read, in order: a directory becomes every
   * regular file below it, except hidden files and anything inside hidden folders; {@code "-"}
   * stays as it is.
   *
   * @throws java.nio.file.NoSuchFileException when an argument names nothing
   */
  public List<String> expand(List<String> arguments) throws IOException {
    List<String> out = new ArrayList<>();
    for (String arg : arguments) {
      if (arg.equals("-")) {
        out.add(arg);
        continue;
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path, FileVisitOption.FOLLOW_LINKS)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !hidden(path.relativize(p)))
              .map(Path::toString)
              .sorted()
              .forEach(out::add);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      } else if (Files.exists(path)) {
        out.add(arg);
      } else {
        throw new java.nio.file.NoSuchFileException(arg);
      }
    }
    return out;
  }

  /** True when a file or any folder on its path below the walked directory is hidden (.git, .cache). */
  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Reads one file, or standard input for {@code "-"}. */
  public Page read(String source) throws IOException {
    if (source.equals("-")) {
      return read(source, System.in);
    }
    Path path = Path.of(source);
    int hint = sizeHint(path);
    try (InputStream in = Files.newInputStream(path)) {
      return read(source, in, hint);
    }
  }

  /**
   * The size the file's content will have, to allocate once: the file's size, or for gzip the
   * uncompressed size its trailer records (modulo 4 GiB, and possibly a lie: only a hint).
   */
  private int sizeHint(Path path) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
      long size = ch.size();
      java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(2);
      if (size >= 18 && ch.read(head, 0) == 2 && (head.get(0) & 0xff) == 0x1f && (head.get(1) & 0xff) == 0x8b) {
        java.nio.ByteBuffer trailer = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        ch.read(trailer, size - 4);
        size = trailer.getInt(0) & 0xffffffffL;
      }
      return (int) Math.min(size, Math.min(maxBytes, 64L << 20));
    } catch (IOException e) {
      return 8192; // the read that follows reports the problem
    }
  }

  /** Reads a stream to its end or to the cap, gunzipping it when it starts with gzip's magic. */
  public Page read(String source, InputStream raw) throws IOException {
    return read(source, raw, 8192);
  }

  private Page read(String source, InputStream raw, int sizeHint) throws IOException {
    List<String> warnings = new ArrayList<>();
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    InputStream content = in;
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    if (gzip) {
      content = new GZIPInputStream(in, 1 << 16);
    }
    byte[] bytes = readCapped(content, warnings, gzip, sizeHint);
    return new Page(source, bytes, null, null, warnings);
  }

  /**
   * Reads to the end or to the cap straight into an array of the hinted size, which is returned as
   * it is when the hint was right: no copy of the content.
   */
  private byte[] readCapped(InputStream in, List<String> warnings, boolean gzip, int sizeHint) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(sizeHint, 1), maxBytes)];
    int total = 0;
    try {
      while (true) {
        if (total == buffer.length) {
          int next = in.read(); // full: at the end, or more to come?
          if (next < 0) {
            break;
          }
          if (total == maxBytes) {
            warnings.add((gzip ? "decompressed content" : "input") + " exceeds the limit of "
                + maxBytes + " bytes; truncated (raise it with --max-bytes)");
            break;
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(2L * buffer.length, 8192), maxBytes));
          buffer[total++] = (byte) next;
          continue;
        }
        int n = in.read(buffer, total, buffer.length - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
    } catch (ZipException | java.io.EOFException e) {
      warnings.add("gzip stream is broken (" + e.getMessage() + "); kept the "
          + total + " bytes read before it");
    }
    return total == buffer.length ? buffer : Arrays.copyOf(buffer, total);
  }
}
