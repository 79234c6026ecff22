package org.lente.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageReaderTest {

  private static final byte[] HTML = "<html><body><p>Il ponte riapre domani.</p></body></html>".getBytes(UTF_8);

  @TempDir Path dir;

  @Test
  void aFileIsReadAsItsBytes() throws IOException {
    Path file = write("page.html", HTML);

    Page page = new PageReader().read(file.toString());

    assertArrayEquals(HTML, page.bytes());
    assertEquals(file.toString(), page.source());
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws IOException {
    Path file = write("page.txt", gzip(HTML));

    assertArrayEquals(HTML, new PageReader().read(file.toString()).bytes());
  }

  @Test
  void aGzipFileWhoseTrailerUnderstatesItsSizeIsReadWhole() throws IOException {
    // two gzip members in one file: the trailer gives the size of the last one only
    byte[] big = new byte[100_000];
    Arrays.fill(big, (byte) 'a');
    byte[] both = Arrays.copyOf(gzip(big), gzip(big).length + gzip(HTML).length);
    System.arraycopy(gzip(HTML), 0, both, gzip(big).length, gzip(HTML).length);
    Path file = write("two.html.gz", both);

    byte[] read = new PageReader().read(file.toString()).bytes();

    assertEquals(big.length + HTML.length, read.length);
    assertArrayEquals(HTML, Arrays.copyOfRange(read, big.length, read.length));
  }

  @Test
  void aFileNamedGzThatIsNotGzipIsReadAsIs() throws IOException {
    Path file = write("page.html.gz", HTML);

    assertArrayEquals(HTML, new PageReader().read(file.toString()).bytes());
  }

  @Test
  void contentOverTheCapIsTruncatedWithAWarning() throws IOException {
    Page page = new PageReader(10).read("test", new ByteArrayInputStream(HTML));

    assertArrayEquals(Arrays.copyOf(HTML, 10), page.bytes());
    assertEquals(List.of("input exceeds the limit of 10 bytes; truncated (raise it with --max-bytes)"), page.warnings());
  }

  @Test
  void contentOfExactlyTheCapIsNotTruncated() throws IOException {
    Page page = new PageReader(HTML.length).read("test", new ByteArrayInputStream(HTML));

    assertArrayEquals(HTML, page.bytes());
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void theCapAppliesAfterGunzip() throws IOException {
    Page page = new PageReader(10).read("test", new ByteArrayInputStream(gzip(HTML)));

    assertEquals(10, page.bytes().length);
    assertTrue(page.warnings().get(0).startsWith("decompressed content exceeds the limit of 10 bytes"), page.warnings().get(0));
  }

  @Test
  void theCapHoldsAcrossManyReads() throws IOException {
    byte[] big = new byte[300_000];
    Arrays.fill(big, (byte) 'a');

    Page page = new PageReader(100_000).read("test", new ByteArrayInputStream(big));

    assertEquals(100_000, page.bytes().length);
  }

  @Test
  void aBrokenGzipStreamKeepsWhatWasReadWithAWarning() throws IOException {
    byte[] whole = gzip("Il ponte riapre domani. ".repeat(2000).getBytes(UTF_8));

    Page page = new PageReader().read("test", new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 20)));

    assertTrue(page.warnings().get(0).startsWith("gzip stream is broken"), page.warnings().get(0));
    assertTrue(new String(page.bytes(), UTF_8).startsWith("Il ponte riapre domani. Il ponte"));
  }

  @Test
  void anEmptyStreamGivesNoBytesAndNoWarning() throws IOException {
    Page page = new PageReader().read("test", InputStream.nullInputStream());

    assertEquals(0, page.bytes().length);
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void aLoneGzipFirstByteIsContent() throws IOException {
    assertArrayEquals(new byte[] {0x1f}, new PageReader().read("test", new ByteArrayInputStream(new byte[] {0x1f})).bytes());
  }

  @Test
  void dashReadsStandardInput() throws IOException {
    InputStream saved = System.in;
    Page page;
    try {
      System.setIn(new ByteArrayInputStream(HTML));
      page = new PageReader().read("-");
    } finally {
      System.setIn(saved);
    }

    assertEquals("-", page.source());
    assertArrayEquals(HTML, page.bytes());
  }

  @Test
  void aMissingFileCannotBeRead() {
    assertThrows(NoSuchFileException.class, () -> new PageReader().read(dir.resolve("nowhere.html").toString()));
  }

  @Test
  void expandWalksADirectoryRecursivelyInNameOrder() throws IOException {
    Path b = write("b.html", HTML);
    Path a = write("a.html", HTML);
    Path c = write("sub/c.html", HTML);
    write("sub/.hidden.html", HTML);

    List<String> files = new PageReader().expand(List.of(dir.toString()));

    assertEquals(List.of(a.toString(), b.toString(), c.toString()), files);
  }

  @Test
  void expandSkipsFilesInsideHiddenDirectories() throws IOException {
    Path a = write("a.html", HTML);
    write(".cache/page.html", HTML);

    assertEquals(List.of(a.toString()), new PageReader().expand(List.of(dir.toString())));
  }

  @Test
  void expandKeepsFilesAndDashInArgumentOrder() throws IOException {
    Path b = write("b.html", HTML);
    Path a = write("a.html", HTML);

    assertEquals(List.of(b.toString(), "-", a.toString()),
        new PageReader().expand(List.of(b.toString(), "-", a.toString())));
  }

  @Test
  void expandRefusesAMissingPath() {
    String missing = dir.resolve("nowhere").toString();

    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> new PageReader().expand(List.of(missing)));
    assertEquals(missing, e.getFile());
  }

  @Test
  void theCapMustBePositiveAndFitAnArray() {
    assertThrows(IllegalArgumentException.class, () -> new PageReader(0));
    assertThrows(IllegalArgumentException.class, () -> new PageReader(Integer.MAX_VALUE));
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}
