package org.lente.ingest.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
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
 * <p>A record that cannot be read is skipped with a warning; a file that breaks so that the next
 * record cannot be found ends the reading with a warning. Never throws for bad content.
 */
public final class Warcs {

  private static final int MAX_WARNINGS = 100;

  /**
   * What a read found.
   *
   * @param records WARC records seen
   * @param pages pages handed to the consumer
   * @param skipped records that could not be read
   * @param warnings what went wrong, at most 100
   */
  public record Summary(long records, long pages, long skipped, List<String> warnings) {

    public Summary {
      warnings = List.copyOf(warnings);
    }
  }

  private Warcs() {}

  /** Reads with the default cap per page, {@link PageReader#DEFAULT_MAX_BYTES}. */
  public static Summary read(Path warc, Consumer<Page> pages) throws IOException {
    return read(warc, PageReader.DEFAULT_MAX_BYTES, pages);
  }

  /**
   * Hands every HTML page in the file to {@code pages}, in file order.
   *
   * @throws IOException when the file cannot be opened (missing, unreadable); bad content is a
   *     warning in the summary
   */
  public static Summary read(Path warc, long maxBytes, Consumer<Page> pages) throws IOException {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
    }
    List<String> warnings = new ArrayList<>();
    long records = 0;
    long count = 0;
    long skipped = 0;
    FileChannel channel = FileChannel.open(warc);
    WarcReader opened;
    try {
      opened = new WarcReader(channel); // reads the first bytes to tell gzip from plain
    } catch (EOFException e) {
      long size = channel.size();
      channel.close();
      return new Summary(0, 0, 0, List.of("not a WARC: the file ends after " + size + " byte(s), before the first record"));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    try (WarcReader reader = opened) {
      reader.onWarning(message -> warn(warnings, "WARC: " + message));
      while (true) {
        long position = reader.position();
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          warn(warnings, "the WARC breaks at byte " + position + " (" + e.getMessage() + "); stopped after "
              + records + " records");
          break;
        }
        if (next.isEmpty()) {
          break;
        }
        records++;
        WarcRecord record = next.get();
        try {
          Page page = page(record, maxBytes);
          if (page != null) {
            pages.accept(page);
            count++;
          }
        } catch (IOException | RuntimeException e) {
          skipped++;
          warn(warnings, "record at byte " + position + " (" + record.type() + ") skipped: " + e.getMessage());
        }
      }
    }
    return new Summary(records, count, skipped, warnings);
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

  private static void warn(List<String> warnings, String message) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(message);
    }
  }
}
