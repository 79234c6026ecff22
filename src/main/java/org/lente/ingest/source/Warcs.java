package org.lente.ingest.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads the web pages stored in a WARC file (plain or gzip-compressed, as Common Crawl News
 * writes them), with jwarc.
 *
 * <p>Each {@code response} record whose HTTP status is 2xx and whose HTTP {@code Content-Type}
 * is HTML ({@code text/html}, {@code application/xhtml+xml}), and each {@code resource} record of
 * {@code text/html}, becomes a {@link Page}: {@code source} and {@code url} are the record's
 * target URI, {@code bytes} the HTTP body with its transfer and content encodings undone (capped
 * at {@code maxBytes}, with a warning on the page), {@code contentType} the HTTP header. Error
 * pages (4xx, 5xx) and redirects are not articles and are passed over, like requests, metadata
 * and non-HTML records.
 *
 * <p>Lenient with content, and never silent about a loss: a record that cannot be read is skipped,
 * and bytes that are no record (garbage before or between records, a record whose {@code
 * Content-Length} runs past the end of the file) are passed over to the next record ({@code
 * WARC/1.x} in a plain file, the next gzip member in a compressed one); each such loss is one of
 * {@link Summary#failures}, with its position and reason. Never throws for bad content; reading
 * is linear in the file's size and memory is bounded by {@code maxBytes} per page.
 */
public final class Warcs {

  private static final int MAX_MESSAGES = 100;

  /** Where a record of a plain WARC starts: the version line of WARC 1.0 and 1.1. */
  private static final byte[] PLAIN_RECORD = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

  /** Where a member of a gzip-compressed WARC starts: gzip's magic and its deflate method. */
  private static final byte[] GZIP_MEMBER = {0x1f, (byte) 0x8b, 0x08};

  /**
   * What a read found.
   *
   * @param records WARC records seen
   * @param pages pages handed to the consumer
   * @param failed records skipped and stretches of unreadable bytes passed over: content lost
   * @param failures why and where each loss happened, at most 100 (then {@code failed} is larger)
   * @param warnings what was repaired without a loss, at most 100
   */
  public record Summary(long records, long pages, long failed, List<String> failures, List<String> warnings) {

    public Summary {
      if (records < 0 || pages < 0 || failed < failures.size()) {
        throw new IllegalArgumentException("bad summary: records=" + records + ", pages=" + pages + ", failed="
            + failed + ", failures=" + failures.size());
      }
      failures = List.copyOf(failures);
      warnings = List.copyOf(warnings);
    }
  }

  private Warcs() {}

  /** Reads with the default cap per page, {@link PageReader#DEFAULT_MAX_BYTES}. */
  public static Summary read(Path warc, Consumer<Page> pages) throws IOException {
    return read(warc, PageReader.DEFAULT_MAX_BYTES, pages);
  }

  /**
   * Hands every HTML page in the file to {@code pages}, in file order. An exception thrown by
   * {@code pages} ends the reading and is thrown from here.
   *
   * @throws IOException when the file cannot be opened (missing, unreadable); bad content is a
   *     failure in the summary
   */
  public static Summary read(Path warc, long maxBytes, Consumer<Page> pages) throws IOException {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
    }
    List<String> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    long records = 0;
    long count = 0;
    long failed = 0;
    FileChannel channel = FileChannel.open(warc);
    WarcReader opened;
    try {
      opened = new WarcReader(channel); // reads the first bytes to tell gzip from plain
    } catch (EOFException e) {
      long size = channel.size();
      channel.close();
      return new Summary(0, 0, 1, List.of("not a WARC: the file ends after " + size + " byte(s), before the first record"),
          List.of());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    try (FileChannel file = channel; WarcReader reader = opened) {
      reader.onWarning(message -> add(warnings, "WARC: " + message));
      boolean gzip = reader.compression() == WarcCompression.GZIP;
      long size = file.size();
      byte[] recordStart = gzip ? GZIP_MEMBER : PLAIN_RECORD;
      long from = 1; // where a search for the next record starts: past the start of the last one tried
      String loss = null; // the first error of the bytes being passed over, until a record is read again
      while (true) {
        WarcRecord record;
        try {
          Optional<WarcRecord> next = reader.next();
          if (next.isEmpty()) {
            break;
          }
          record = next.get();
        } catch (IOException | RuntimeException e) {
          if (loss == null) {
            loss = (records == 0 ? "unreadable bytes at the start of the file" : "unreadable bytes after the record at byte "
                + (from - 1)) + " (" + e.getMessage() + ")";
          }
          from = skipTo(reader, file, from, recordStart);
          if (from < 0) {
            break;
          }
          continue;
        }
        long at = reader.position();
        from = at + 1;
        if (loss != null) {
          failed++;
          add(failures, loss + "; resumed at the next record, byte " + at);
          loss = null;
        }
        records++;
        long length = declaredLength(record);
        if (!gzip && length > size - at) {
          loss = "record at byte " + at + " (" + typeOf(record) + ") declares Content-Length " + length
              + ", more than the " + (size - at) + " bytes left in the file";
          from = skipTo(reader, file, from, recordStart);
          if (from < 0) {
            break;
          }
          continue;
        }
        Page page;
        try {
          page = page(record, maxBytes);
        } catch (IOException | RuntimeException e) {
          failed++;
          add(failures, "record at byte " + at + " (" + typeOf(record) + ") skipped: " + e.getMessage());
          continue;
        }
        if (page != null) {
          pages.accept(page);
          count++;
        }
      }
      if (loss != null) {
        failed++;
        add(failures, loss + "; no record follows: the rest of the file is not read");
      }
    }
    return new Summary(records, count, failed, failures, warnings);
  }

  /** The record's {@code Content-Length}, or -1 when it has none or not a number. */
  private static long declaredLength(WarcRecord record) {
    try {
      return record.headers().sole("Content-Length").map(Long::parseLong).orElse(-1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Moves the reader to the next place {@code recordStart} occurs at or after {@code from}; returns
   * the position after it, where the search after that one starts, or -1 when it occurs no more.
   */
  private static long skipTo(WarcReader reader, FileChannel file, long from, byte[] recordStart) throws IOException {
    long resume = find(file, from, recordStart);
    if (resume < 0) {
      return -1;
    }
    reader.position(resume);
    return resume + 1;
  }

  /** The position of the first occurrence of {@code pattern} at or after {@code from}, or -1. */
  private static long find(FileChannel file, long from, byte[] pattern) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long base = from; // the file position of buffer[0]
    while (true) {
      int n = file.read(buffer, base + buffer.position());
      if (n < 0 && buffer.position() < pattern.length) {
        return -1;
      }
      int filled = buffer.position();
      byte[] a = buffer.array();
      for (int i = 0; i + pattern.length <= filled; i++) {
        if (matches(a, i, pattern)) {
          return base + i;
        }
      }
      if (n < 0) {
        return -1;
      }
      // keep the last pattern.length - 1 bytes: a match may straddle two reads
      int keep = Math.min(filled, pattern.length - 1);
      System.arraycopy(a, filled - keep, a, 0, keep);
      base += filled - keep;
      buffer.position(keep);
    }
  }

  private static boolean matches(byte[] a, int at, byte[] pattern) {
    for (int j = 0; j < pattern.length; j++) {
      if (a[at + j] != pattern[j]) {
        return false;
      }
    }
    return true;
  }

  /** The page a record holds, or null when it holds none. */
  private static Page page(WarcRecord record, long maxBytes) throws IOException {
    if (record instanceof WarcResponse response) {
      if (!response.contentType().base().equals(MediaType.HTTP)) {
        return null; // not an HTTP response (Gemini, DNS)
      }
      HttpResponse http = response.http();
      if (http.status() < 200 || http.status() > 299) {
        return null;
      }
      String type = http.headers().first("Content-Type").orElse(null);
      if (!html(type)) {
        return null;
      }
      String target = response.target();
      List<String> warnings = new ArrayList<>();
      byte[] body = capped(http.bodyDecoded().stream(), maxBytes, warnings);
      return new Page(target, body, type, target, warnings);
    }
    if (record instanceof WarcResource resource && html(resource.contentType().toString())) {
      String target = resource.target();
      List<String> warnings = new ArrayList<>();
      byte[] body = capped(resource.body().stream(), maxBytes, warnings);
      return new Page(target, body, resource.contentType().toString(), target, warnings);
    }
    return null;
  }

  private static boolean html(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("text/html") || type.equals("application/xhtml+xml");
  }

  private static byte[] capped(InputStream in, long maxBytes, List<String> warnings) throws IOException {
    byte[] bytes = in.readNBytes((int) maxBytes);
    if (in.read() >= 0) {
      warnings.add("body exceeds the limit of " + maxBytes + " bytes; truncated");
    }
    return bytes;
  }

  private static void add(List<String> messages, String message) {
    if (messages.size() < MAX_MESSAGES) {
      messages.add(message);
    }
  }

  /** The record's {@code WARC-Type}, or a note that it has none (jwarc's {@code type()} throws then). */
  private static String typeOf(WarcRecord record) {
    return record.headers().first("WARC-Type").orElse("no WARC-Type");
  }

}
