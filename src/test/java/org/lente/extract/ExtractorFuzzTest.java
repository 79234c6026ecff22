package org.lente.extract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.lente.fuzz.FuzzBounds;
import org.lente.ingest.Page;

/**
 * Fuzzes the extraction stage with any bytes: through its entry point {@link Extractor} (charset
 * sniffing, binary detection, HTML or plain text) and, with the bytes as UTF-8, straight into
 * {@link HtmlExtractor}, which then sees markup that the entry point would have called binary.
 * Seeds: {@code ExtractorFuzzTestInputs/}.
 */
class ExtractorFuzzTest {

  private static final String URL = "https://www.example.org/cronaca/2024/06/19/il-ponte-riapre.html";
  private static final Extractor EXTRACTOR = new Extractor();
  private static final HtmlExtractor HTML = new HtmlExtractor();

  static {
    // jsoup, the charset tables and the language profiles load (and, when fuzzing, get instrumented)
    // once per JVM, not in an input's time or budget
    EXTRACTOR.extract(Page.of("warm-up", "<html lang=\"it\"><body><p>Il ponte riapre domani.</p></body></html>"
        .getBytes(UTF_8)));
    // no declared language: the identifier's profiles load here
    EXTRACTOR.extract(Page.of("warm-up", ("<html><body><h1>Il ponte riapre</h1><p>Il ponte sul fiume riapre domani "
        + "mattina dopo tre mesi di lavori, ha detto il sindaco.</p></body></html>").getBytes(UTF_8)));
  }

  /** A parsed DOM and the passes over it cost a few kilobytes per byte of markup. */
  private static final long BYTES_PER_INPUT_BYTE = 20_000;

  @FuzzTest(maxDuration = "30s")
  void anyBytesGiveAnArticleOfBoundedSize(byte[] input) {
    Page page = new Page("fuzz", input, null, URL, List.of());
    Article fromBytes = FuzzBounds.run(input, BYTES_PER_INPUT_BYTE, () -> EXTRACTOR.extract(page));
    checkSize(fromBytes, input, Extractor.MAX_WARNINGS);

    String markup = new String(input, UTF_8);
    Article fromMarkup = FuzzBounds.run(input, BYTES_PER_INPUT_BYTE,
        () -> HTML.extract("fuzz", markup, URL, new ArrayList<>()));
    checkSize(fromMarkup, input, 10 + input.length / 8); // capped by the entry point, not here
  }

  /**
   * The article holds at most what the page holds: its text is the page's text, once, plus a
   * standfirst; entities never expand (the longest, {@code &nGt;}, is five characters for two).
   */
  private static void checkSize(Article a, byte[] input, int maxWarnings) {
    long bound = 2L * input.length + 1_000;
    FuzzBounds.atMost(bound, a.text().length(), "the text's length", input);
    FuzzBounds.atMost(bound, a.blocks().stream().mapToLong(b -> b.text().length()).sum(), "the blocks' length", input);
    FuzzBounds.atMost(bound, a.title() == null ? 0 : a.title().length(), "the title's length", input);
    FuzzBounds.atMost(maxWarnings, a.warnings().size(), "the number of warnings", input);
  }
}
