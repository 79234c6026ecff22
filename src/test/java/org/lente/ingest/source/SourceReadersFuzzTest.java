package org.lente.ingest.source;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.lente.fuzz.FuzzBounds;
import org.lente.ingest.Page;

/**
 * Fuzzes the readers of subscription sources. The XML readers ({@link Feeds}, {@link Sitemaps},
 * {@link Opml}) share {@link SafeXml} and gzip sniffing, so each input goes to all three: a
 * mutation that breaks one format is still explored by the others. Seeds:
 * {@code SourceReadersFuzzTestInputs/}.
 */
class SourceReadersFuzzTest {

  private static final URI BASE = URI.create("https://www.example.org/feeds/news.xml");

  /** StAX and the values read cost some hundreds of bytes per byte of (decompressed) content. */
  private static final long BYTES_PER_CONTENT_BYTE = 2_000;

  /** Small, so that the fuzzer can reach the cap with a gzip-encoded body. */
  private static final long MAX_PAGE_BYTES = 64 << 10;

  private static final Path WARC = temporaryFile();

  static {
    // the StAX factory loads once per JVM, not in an input's time
    try {
      Feeds.parse("<rss><channel><title>warm-up</title></channel></rss>".getBytes(StandardCharsets.UTF_8), BASE);
    } catch (SourceFormatException e) {
      throw new AssertionError("the warm-up feed is a feed", e);
    }
  }

  /** Any bytes are a feed, a sitemap, an OPML list or a {@link SourceFormatException} that says why not. */
  @FuzzTest(maxDuration = "30s")
  void anyBytesAreReadOrRefusedWithAReason(byte[] input) {
    int content = contentLength(input);
    long perInputByte = perInputByte(input);

    Feed feed = readOrRefuse(input, perInputByte, () -> Feeds.parse(input, BASE));
    if (feed != null) {
      FuzzBounds.atMost(content, feed.items().size(), "the number of feed items", input);
      FuzzBounds.atMost(content + 10, feed.warnings().size(), "the number of feed warnings", input);
    }
    Sitemap sitemap = readOrRefuse(input, perInputByte, () -> Sitemaps.parse(input, BASE));
    if (sitemap != null) {
      FuzzBounds.atMost(content, sitemap.urls().size() + sitemap.sitemaps().size(), "the number of entries", input);
    }
    Opml opml = readOrRefuse(input, perInputByte, () -> Opml.parse(input));
    if (opml != null) {
      FuzzBounds.atMost(content, opml.feeds().size(), "the number of OPML feeds", input);
    }
  }

  /** Any bytes as a WARC file give pages within the cap and a summary: the reader never throws for content. */
  @FuzzTest(maxDuration = "30s")
  void anyBytesAsAWarcGivePagesWithinTheCap(byte[] input) throws IOException {
    Files.write(WARC, input);
    AtomicLong pages = new AtomicLong();
    Warcs.Summary summary = FuzzBounds.run(input, perInputByte(input), () -> Warcs.read(WARC, MAX_PAGE_BYTES,
        (Page page) -> {
          pages.incrementAndGet();
          FuzzBounds.atMost(MAX_PAGE_BYTES, page.bytes().length, "a page's size", input);
        }));
    FuzzBounds.atMost(input.length, summary.records(), "the number of records", input);
    FuzzBounds.atMost(summary.records(), pages.get(), "the number of pages", input);
    FuzzBounds.atMost(100, summary.warnings().size(), "the number of warnings", input);
  }

  /** The length of what the readers parse: the input, gunzipped when it is gzip. */
  private static int contentLength(byte[] input) {
    return SourceBytes.gunzipIfGzip(input, new ArrayList<>()).length;
  }

  /** The allocation allowed per input byte: more when gzip makes the content larger than the input. */
  private static long perInputByte(byte[] input) {
    return BYTES_PER_CONTENT_BYTE * Math.max(1, contentLength(input) / Math.max(1, input.length));
  }

  /** The reader's result, or null when it refused the input with a message. */
  private static <T> T readOrRefuse(byte[] input, long perInputByte, Callable<T> reader) {
    return FuzzBounds.run(input, perInputByte, () -> {
      try {
        return reader.call();
      } catch (SourceFormatException e) {
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal without a reason");
        return null;
      }
    });
  }

  private static Path temporaryFile() {
    try {
      Path file = Files.createTempFile("lente-fuzz-", ".warc");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
