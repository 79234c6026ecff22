package org.lente.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.ingest.Page;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcsTest {

  private static final byte[] ARTICLE = "<html><body><p>Il porto apre la banchina.</p></body></html>".getBytes(UTF_8);
  private static final URI ARTICLE_URI = URI.create("https://news.example/2024/05/14/banchina");

  @TempDir Path dir;

  /** A request, an HTML response, a PNG response, a 404 HTML page and an HTML resource record. */
  private Path warc(String name, WarcCompression compression) throws IOException {
    Path path = dir.resolve(name);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        WarcWriter writer = new WarcWriter(channel, compression)) {
      writer.write(new WarcRequest.Builder(ARTICLE_URI)
          .body(new HttpRequest.Builder("GET", "/2024/05/14/banchina").addHeader("Host", "news.example").build())
          .build());
      writer.write(response(ARTICLE_URI, 200, "text/html; charset=utf-8", ARTICLE));
      writer.write(response(URI.create("https://news.example/logo.png"), 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
      writer.write(response(URI.create("https://news.example/missing"), 404, "text/html", "<p>Not found</p>".getBytes(UTF_8)));
      writer.write(new WarcResource.Builder(URI.create("https://news.example/archived.html"))
          .body(MediaType.HTML, "<p>Archiviato</p>".getBytes(UTF_8)).build());
    }
    return path;
  }

  private static WarcResponse response(URI uri, int status, String type, byte[] body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
        .body(MediaType.parse(type), body).build();
    return new WarcResponse.Builder(uri).body(http).build();
  }

  @Test
  void aOneByteFileIsAFailureNotAnException() throws IOException {
    Path file = Files.write(dir.resolve("one-byte.warc"), new byte[] {'0'});

    Warcs.Summary summary = Warcs.read(file, page -> {});

    assertEquals(new Warcs.Summary(0, 0, 1,
        List.of("not a WARC: the file ends after 1 byte(s), before the first record"), List.of()), summary);
  }

  @Test
  void htmlResponsesAndResourcesBecomePages() throws IOException {
    List<Page> pages = new ArrayList<>();

    Warcs.Summary summary = Warcs.read(warc("test.warc", WarcCompression.NONE), pages::add);

    assertEquals(List.of(ARTICLE_URI.toString(), "https://news.example/archived.html"),
        pages.stream().map(Page::url).toList());
    assertEquals(new Warcs.Summary(5, 2, 0, List.of(), List.of()), summary);
  }

  @Test
  void aPageHoldsTheHttpBodyAndContentType() throws IOException {
    List<Page> pages = new ArrayList<>();

    Warcs.read(warc("test.warc", WarcCompression.NONE), pages::add);

    Page page = pages.get(0);
    assertArrayEquals(ARTICLE, page.bytes());
    assertEquals("text/html;charset=utf-8", page.contentType()); // as jwarc wrote the header
    assertEquals(ARTICLE_URI.toString(), page.source());
  }

  @Test
  void gzipCompressedWarcIsRead() throws IOException {
    Path path = warc("test.warc.gz", WarcCompression.GZIP);
    byte[] head = Files.readAllBytes(path);
    assertEquals(0x1f, head[0] & 0xff);
    List<Page> pages = new ArrayList<>();

    Warcs.read(path, pages::add);

    assertEquals(2, pages.size());
    assertArrayEquals(ARTICLE, pages.get(0).bytes());
  }

  @Test
  void aGzipContentEncodedBodyIsDecoded() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(ARTICLE);
    }
    Path path = dir.resolve("encoded.warc");
    try (WarcWriter writer = new WarcWriter(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
      writer.write(new WarcResponse.Builder(ARTICLE_URI).body(new HttpResponse.Builder(200, "OK")
          .addHeader("Content-Encoding", "gzip").body(MediaType.HTML, gz.toByteArray()).build()).build());
    }
    List<Page> pages = new ArrayList<>();

    Warcs.read(path, pages::add);

    assertArrayEquals(ARTICLE, pages.get(0).bytes());
  }

  @Test
  void aRecordWhoseHttpMessageIsBrokenIsSkippedWithAWarning() throws IOException {
    Path path = dir.resolve("broken-record.warc");
    try (WarcWriter writer = new WarcWriter(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
      writer.write(new WarcResponse.Builder(URI.create("https://news.example/broken"))
          .body(MediaType.HTTP_RESPONSE, "this is not an HTTP response\r\n\r\n".getBytes(UTF_8)).build());
      writer.write(response(ARTICLE_URI, 200, "text/html", ARTICLE));
    }
    List<Page> pages = new ArrayList<>();

    Warcs.Summary summary = Warcs.read(path, pages::add);

    assertEquals(1, pages.size());
    assertEquals(1, summary.failures().size());
    assertTrue(summary.failures().get(0).startsWith("record at byte 0 (response) skipped: "), summary.failures().toString());
  }

  @Test
  void garbageAfterTheRecordsIsAFailureWithItsReason() throws IOException {
    Path path = warc("truncated.warc", WarcCompression.NONE);
    Files.write(path, "WARC/1.1\r\nthis is not a header\r\n\u0000\u0001garbage".getBytes(UTF_8), StandardOpenOption.APPEND);
    List<Page> pages = new ArrayList<>();

    Warcs.Summary summary = Warcs.read(path, pages::add);

    assertEquals(2, pages.size());
    assertEquals(1, summary.failures().size(), summary.toString());
    assertTrue(summary.failures().get(0).contains("no record follows"), summary.failures().toString());
  }

  /** Two HTML responses, as a plain WARC's bytes. */
  private static byte[] twoRecords(WarcCompression compression) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (WarcWriter writer = new WarcWriter(java.nio.channels.Channels.newChannel(bytes), compression)) {
      writer.write(response(ARTICLE_URI, 200, "text/html", ARTICLE));
      writer.write(response(URI.create("https://news.example/second"), 200, "text/html", ARTICLE));
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void garbageBeforeTheFirstRecordIsSkippedToTheRecordAndCounted() throws IOException {
    Path path = Files.write(dir.resolve("garbage-first.warc"),
        concat("this is garbage\u0000\u0001 not a warc\r\n".getBytes(UTF_8), twoRecords(WarcCompression.NONE)));
    List<Page> pages = new ArrayList<>();

    Warcs.Summary summary = Warcs.read(path, pages::add);

    assertEquals(2, pages.size());
    assertEquals(1, summary.failures().size(), summary.toString());
    assertTrue(summary.failures().get(0).contains("resumed at the next record, byte 30"), summary.failures().toString());
  }

  @Test
  void garbageBetweenRecordsIsSkippedToTheNextRecordAndCounted() throws IOException {
    byte[] two = twoRecords(WarcCompression.NONE);
    int second = indexOf(two, "WARC/1.".getBytes(UTF_8), 1);
    Path path = Files.write(dir.resolve("garbage-between.warc"),
        concat(java.util.Arrays.copyOf(two, second), "junk junk\r\n".getBytes(UTF_8),
            java.util.Arrays.copyOfRange(two, second, two.length)));
    List<Page> pages = new ArrayList<>();

    Warcs.Summary summary = Warcs.read(path, pages::add);

    assertEquals(List.of(ARTICLE_URI.toString(), "https://news.example/second"), pages.stream().map(Page::url).toList());
    assertEquals(1, summary.failures().size(), summary.toString());
  }

  @Test
  void garbageBetweenGzipMembersIsSkippedToTheNextMember() throws IOException {
    byte[] first = gzipRecord(ARTICLE_URI);
    byte[] second = gzipRecord(URI.create("https://news.example/second"));
    Path path = Files.write(dir.resolve("garbage.warc.gz"), concat(first, "garbage here!".getBytes(UTF_8), second));
    List<Page> pages = new ArrayList<>();

    Warcs.Summary summary = Warcs.read(path, pages::add);

    assertEquals(2, pages.size(), summary.toString());
    assertEquals(1, summary.failures().size(), summary.toString());
  }

  private static byte[] gzipRecord(URI uri) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (WarcWriter writer = new WarcWriter(java.nio.channels.Channels.newChannel(bytes), WarcCompression.GZIP)) {
      writer.write(response(uri, 200, "text/html", ARTICLE));
    }
    return bytes.toByteArray();
  }

  @Test
  void anAbsurdContentLengthIsAFailureWithItsReasonAndTheNextRecordIsRead() throws IOException {
    byte[] two = twoRecords(WarcCompression.NONE);
    String text = new String(two, java.nio.charset.StandardCharsets.ISO_8859_1);
    int length = text.indexOf("Content-Length: ");
    int end = text.indexOf("\r\n", length);
    String absurd = text.substring(0, length) + "Content-Length: 99999999999999999" + text.substring(end);
    Path path = Files.write(dir.resolve("absurd.warc"), absurd.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    List<Page> pages = new ArrayList<>();

    Warcs.Summary summary = Warcs.read(path, pages::add);

    assertEquals(List.of("https://news.example/second"), pages.stream().map(Page::url).toList());
    assertEquals(1, summary.failures().size(), summary.toString());
    assertTrue(summary.failures().get(0).contains("Content-Length 99999999999999999"), summary.failures().toString());
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= bytes.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aPageOverTheCapIsTruncatedWithAWarning() throws IOException {
    List<Page> pages = new ArrayList<>();

    Warcs.read(warc("test.warc", WarcCompression.NONE), 10, pages::add);

    assertEquals(10, pages.get(0).bytes().length);
    assertEquals(List.of("body exceeds the limit of 10 bytes; truncated"), pages.get(0).warnings());
  }
}
