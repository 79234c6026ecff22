package org.lente.ingest.source;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.lente.fuzz.FuzzBounds;

/**
 * Fuzzes the readers of subscription sources: {@link Feeds}, {@link Sitemaps} and {@link Opml}
 * share {@link SafeXml} and gzip sniffing, so each input goes to all three, and a mutation that
 * breaks one format is still explored by the others. Seeds: {@code SourceReadersFuzzTestInputs/}.
 */
class SourceReadersFuzzTest {

  private static final URI BASE = URI.create("https://www.example.org/feeds/news.xml");

  /** StAX and the values read cost some hundreds of bytes per byte of (decompressed) content. */
  private static final long BYTES_PER_CONTENT_BYTE = 2_000;

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

  /** The length of what the readers parse: the input, gunzipped when it is gzip. */
  static int contentLength(byte[] input) {
    return SourceBytes.gunzipIfGzip(input, new ArrayList<>()).length;
  }

  /** The allocation allowed per input byte: more when gzip makes the content larger than the input. */
  static long perInputByte(byte[] input) {
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
}
