package org.lente.extract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;

/**
 * Hostile inputs, each generated here into a temporary folder and read the way the CLI reads it:
 * {@link PageReader} with its default cap, then {@link Extractor}. Every one must give an article
 * in bounded time; memory is bounded by the surefire JVM's -Xmx2g (an OutOfMemoryError fails the
 * test).
 */
class HostileInputTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void aFiftyMegabytePageIsTruncatedWithAWarningAndKeepsTheArticleBeforeTheCut() throws IOException {
    Path file = dir.resolve("big.html");
    try (Writer w = Files.newBufferedWriter(file, UTF_8)) {
      w.write("<!doctype html><html lang=\"it\"><head><title>Il ponte riapre</title></head><body><article>"
          + "<h1>Il ponte riapre</h1>"
          + "<p>Il ponte sul fiume riapre domani dopo tre anni di lavori, ha annunciato il sindaco in consiglio.</p>"
          + "<p>I cantieri sono costati più del previsto, ma la struttura è stata rinforzata per altri cento anni.</p>"
          + "</article><script>window.__STATE__ = [");
      for (long written = 0; written < 50_000_000; written += 100) {
        w.write("{\"id\": 1234567, \"kind\": \"teaser\", \"title\": \"Un altro articolo del sito, da non leggere\"},\n");
      }
      w.write("];</script></body></html>");
    }

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("exceeds the limit") && w.contains("truncated")),
        "warnings: " + a.warnings());
    assertEquals("Il ponte riapre", a.title());
    assertTrue(a.text().startsWith("Il ponte sul fiume riapre domani"), "text: " + a.text());
    assertFalse(a.text().contains("teaser"), "the script is not text");
  }

  @Test
  void aFiftyMegabytePageOfParagraphsIsExtractedInBoundedTime() throws IOException {
    Path file = dir.resolve("paragraphs.html");
    try (Writer w = Files.newBufferedWriter(file, UTF_8)) {
      w.write("<!doctype html><html lang=\"en\"><head><title>A very long page</title></head><body>"
          + "<article><h1>A very long page</h1>\n");
      long written = 0;
      for (int i = 0; written < 50_000_000; i++) {
        String p = "<p>Paragraph " + i + " of a page that never ends: the council met again on Tuesday "
            + "and talked about the bridge for another hour.</p>\n";
        w.write(p);
        written += p.length();
      }
      w.write("</article></body></html>");
    }

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("truncated")), "warnings: " + a.warnings());
    assertTrue(a.text().startsWith("Paragraph 0 of a page that never ends"));
    assertTrue(a.text().contains("Paragraph 100000 of a page"), "the kept part is all in the text");
  }

  @Test
  void aFiftyMegabyteFileKeepsOnlyTheCapInMemory() throws IOException {
    Path file = dir.resolve("big.txt");
    byte[] line = "Una riga di testo qualunque, ripetuta fino a superare il limite.\n".getBytes(UTF_8);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (long n = 0; n < 50_000_000; n += line.length) {
        out.write(line);
      }
    }

    Page page = assertTimeoutPreemptively(BOUND, () -> new PageReader().read(file.toString()));

    assertEquals(PageReader.DEFAULT_MAX_BYTES, page.bytes().length);
    assertEquals(1, page.warnings().size(), "warnings: " + page.warnings());
  }

  @Test
  void aFiftyMegabyteTextFileIsExtractedInBoundedTime() throws IOException {
    Path file = dir.resolve("big.txt");
    try (Writer w = Files.newBufferedWriter(file, UTF_8)) {
      w.write("Il consiglio non finisce mai\n\n");
      for (long i = 0, written = 0; written < 50_000_000; i++) {
        String p = "Paragrafo " + i + ": il consiglio comunale ha discusso ancora del ponte sul fiume.\n\n";
        w.write(p);
        written += p.length();
      }
    }

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertEquals("Il consiglio non finisce mai", a.title());
    assertTrue(a.text().contains("Paragrafo 100000: il consiglio"), "the kept part is all in the text");
  }

  @Test
  void aHundredThousandNestedTagsAreFlattenedAndTheirTextKept() throws IOException {
    Path file = dir.resolve("nested.html");
    Files.writeString(file, "<html><body>" + "<div>".repeat(100_000)
        + "<p>Il testo in fondo a centomila livelli di div resta leggibile e arriva fino all'articolo.</p>"
        + "</div>".repeat(100_000) + "</body></html>");

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertTrue(a.text().contains("Il testo in fondo a centomila livelli"), "text: " + a.text());
  }

  @Test
  void aHundredThousandUnclosedTagsFinish() throws IOException {
    Path file = dir.resolve("unclosed.html");
    Files.writeString(file, "<html><body>" + "<div><span>".repeat(100_000) + "fine");

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertTrue(a.text().contains("fine"), "text: " + a.text());
  }

  @Test
  void binaryJunkGivesAnEmptyArticleWithABinaryWarning() throws IOException {
    byte[] junk = new byte[1 << 20];
    new Random(42).nextBytes(junk);
    for (int i = 0; i < junk.length; i += 97) {
      junk[i] = 0;
    }
    junk[0] = '<'; // not a gzip header, and not a reason to call it HTML
    Path file = dir.resolve("junk.html");
    Files.write(file, junk);

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertTrue(a.blocks().isEmpty(), "blocks: " + a.blocks().size());
    assertNull(a.title());
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("binary")), "warnings: " + a.warnings());
  }

  @ParameterizedTest(name = "declared as \"{0}\"")
  @ValueSource(strings = {"<meta charset=\"utf-8\">", ""})
  void invalidBytesInAUtf8PageAreReplacedAndTheRestStaysUtf8(String declaration) throws IOException {
    Path file = dir.resolve("bad-bytes.html");
    Files.write(file, pageWithBadBytes(declaration));

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertTrue(a.text().contains("perché la città"), "text: " + a.text());
    assertTrue(a.text().contains("dopo \uFFFDre anni"), "text: " + a.text());
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("U+FFFD")), "warnings: " + a.warnings());
  }

  @Test
  void aGzipBombOfZerosIsCutAtTheCapAndCalledBinary() throws IOException {
    Path file = dir.resolve("bomb-zeros.html.gz");
    writeGzipBomb(file, new byte[1 << 20]);

    Page page = assertTimeoutPreemptively(BOUND, () -> new PageReader().read(file.toString()));
    Article a = assertTimeoutPreemptively(BOUND, () -> new Extractor().extract(page));

    assertEquals(PageReader.DEFAULT_MAX_BYTES, page.bytes().length);
    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("decompressed content exceeds the limit")),
        "warnings: " + a.warnings());
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("binary")), "warnings: " + a.warnings());
    assertTrue(a.blocks().isEmpty());
  }

  @Test
  void aGzipBombOfTinyParagraphsFinishesInBoundedTime() throws IOException {
    Path file = dir.resolve("bomb-paragraphs.html.gz");
    writeGzipBomb(file, "<p>a</p>".repeat(1 << 17).getBytes(UTF_8));

    // 16 MiB of markup: parsing it takes jsoup under 2 s on an idle core; the bound leaves room for a busy machine
    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("decompressed content exceeds the limit")),
        "warnings: " + a.warnings());
  }

  @Test
  void anEmptyFileGivesAnEmptyArticleWithAWarning() throws IOException {
    Path file = dir.resolve("empty.html");
    Files.write(file, new byte[0]);

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertEquals(List.of("empty input"), a.warnings());
    assertTrue(a.blocks().isEmpty());
    assertEquals("", a.text());
  }

  @Test
  void aTruncatedGzipFileKeepsWhatCameBeforeTheBreak() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(("<html><body><article><p>" + "Il sindaco ha parlato a lungo del nuovo ponte sul fiume. "
          .repeat(200) + "</p></article></body></html>").getBytes(UTF_8));
    }
    byte[] whole = gz.toByteArray();
    Path file = dir.resolve("cut.html.gz");
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

    Article a = assertTimeoutPreemptively(BOUND, () -> readAndExtract(file));

    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("gzip stream is broken")), "warnings: " + a.warnings());
    assertTrue(a.text().startsWith("Il sindaco ha parlato"), "text: " + a.text());
  }

  private static Article readAndExtract(Path file) throws IOException {
    Page page = new PageReader().read(file.toString());
    return new Extractor().extract(page);
  }

  /** An Italian UTF-8 page whose "tre anni" has its "t" replaced by the byte 0xFF, invalid in UTF-8. */
  private static byte[] pageWithBadBytes(String declaration) {
    String p = "<p>Il sindaco ha spiegato perché la città ha deciso di riaprire il ponte dopo tre anni di lavori.</p>";
    byte[] bytes = ("<!doctype html><html><head>" + declaration + "<title>Il ponte</title></head><body><article>"
        + p + p.replace("sindaco", "prefetto") + "</article></body></html>").getBytes(UTF_8);
    int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("tre anni");
    bytes[at] = (byte) 0xFF;
    return bytes;
  }

  /**
   * Writes 1 GiB of {@code chunk}, repeated, as a gzip file of concatenated members: the chunk is
   * compressed once, so the test stays light however big the bomb is.
   */
  private static void writeGzipBomb(Path file, byte[] chunk) throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
      gz.write(chunk);
    }
    byte[] compressed = member.toByteArray();
    long copies = (1L << 30) / chunk.length;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (long i = 0; i < copies; i++) {
        out.write(compressed);
      }
    }
  }
}
