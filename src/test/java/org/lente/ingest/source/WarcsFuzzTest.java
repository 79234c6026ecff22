package org.lente.ingest.source;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.lente.fuzz.FuzzBounds;
import org.lente.ingest.Page;

/**
 * Fuzzes {@link Warcs} with any bytes as a WARC file (jwarc reads from a file, so each input is
 * written to one temporary file first). Seeds: {@code WarcsFuzzTestInputs/}.
 */
class WarcsFuzzTest {

  /** Small, so that the fuzzer can reach the cap with a gzip-encoded body. */
  private static final long MAX_PAGE_BYTES = 64 << 10;

  private static final Path WARC = temporaryFile();

  /** Any bytes as a WARC file give pages within the cap and a summary: the reader never throws for content. */
  @FuzzTest(maxDuration = "30s")
  void anyBytesAsAWarcGivePagesWithinTheCap(byte[] input) throws IOException {
    Files.write(WARC, input);
    AtomicLong pages = new AtomicLong();
    // gzip, of the file or of a record's body, makes the content larger than the input, as for the XML readers
    long perInputByte = SourceReadersFuzzTest.perInputByte(input);
    Warcs.Summary summary = FuzzBounds.run(input, perInputByte, () -> Warcs.read(WARC, MAX_PAGE_BYTES, (Page page) -> {
      pages.incrementAndGet();
      FuzzBounds.atMost(MAX_PAGE_BYTES, page.bytes().length, "a page's size", input);
    }));
    FuzzBounds.atMost(input.length, summary.records(), "the number of records", input);
    FuzzBounds.atMost(summary.records(), pages.get(), "the number of pages", input);
    FuzzBounds.atMost(100, summary.warnings().size(), "the number of warnings", input);
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
