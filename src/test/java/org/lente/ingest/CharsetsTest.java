package org.lente.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.extract.Article;
import org.lente.extract.Extractor;

class CharsetsTest {

  /** An Italian page; {@code %s} is where a charset declaration goes. */
  private static final String ITALIAN = """
      <!doctype html><html><head>%s<title>Perché la città aspetta il ponte</title></head><body><article>
      <p>Il sindaco ha spiegato perché la città aspetta da tre anni la riapertura del ponte sul fiume.</p>
      <p>Secondo l'assessore, i lavori finiranno entro l'estate: è una promessa già sentita più volte.</p>
      </article></body></html>
      """;

  @Test
  void latin1DeclaredInMetaCharsetIsDecoded() {
    Charsets.Decoded d = Charsets.decode(latin1("<meta charset=\"iso-8859-1\">"), null);

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals("meta", d.how());
    assertNull(d.warning());
  }

  @Test
  void latin1DeclaredInHttpEquivMetaIsDecoded() {
    Charsets.Decoded d = Charsets.decode(
        latin1("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"), null);

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals("meta", d.how());
  }

  @Test
  void undeclaredLatin1IsSniffed() {
    Charsets.Decoded d = Charsets.decode(latin1(""), null);

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals("sniffed", d.how());
    assertEquals("windows-1252", d.charset().name());
  }

  @Test
  void undeclaredUtf8IsSniffed() {
    Charsets.Decoded d = Charsets.decode(ITALIAN.formatted("").getBytes(UTF_8), null);

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals(UTF_8, d.charset());
    assertNull(d.warning());
  }

  @Test
  void httpContentTypeDecidesTheCharset() {
    Charsets.Decoded d = Charsets.decode(latin1(""), "text/html; charset=ISO-8859-1");

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals("http-header", d.how());
  }

  @Test
  void httpContentTypeWinsOverMeta() {
    byte[] bytes = ITALIAN.formatted("<meta charset=\"koi8-r\">").getBytes(ISO_8859_1);

    Charsets.Decoded d = Charsets.decode(bytes, "text/html;charset=\"iso-8859-1\"");

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals("http-header", d.how());
  }

  @Test
  void pageContentTypeReachesTheDecoder() {
    Page page = new Page("page.html", latin1(""), "text/html; charset=ISO-8859-1", null, List.of());

    Article a = new Extractor().extract(page);

    assertEquals("Perché la città aspetta il ponte", a.title());
    assertTrue(a.text().contains("perché la città aspetta"), a.text());
  }

  @Test
  void utf8ByteOrderMarkDecidesAndIsDropped() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes(ITALIAN.formatted("<meta charset=\"iso-8859-1\">").getBytes(UTF_8));

    Charsets.Decoded d = Charsets.decode(out.toByteArray(), null);

    assertEquals("bom", d.how());
    assertTrue(d.text().startsWith("<!doctype"), d.text().substring(0, 10));
    assertTrue(d.text().contains("perché la città"), d.text());
  }

  @Test
  void utf16LittleEndianByteOrderMarkIsDecoded() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    out.writeBytes(ITALIAN.formatted("").getBytes(UTF_16LE));

    Article a = new Extractor().extract(Page.of("utf16.html", out.toByteArray()));

    assertTrue(a.text().contains("perché la città"), a.text());
  }

  @Test
  void utf8DeclaredOverLatin1BytesIsDecodedAsWindows1252WithAWarning() {
    Charsets.Decoded d = Charsets.decode(latin1("<meta charset=\"utf-8\">"), null);

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals("windows-1252", d.charset().name());
    assertTrue(d.warning() != null && d.warning().startsWith("declared UTF-8 but the bytes are not valid UTF-8"),
        "warning: " + d.warning());
  }

  @Test
  void utf8DeclaredOverLatin1BytesWarnsInTheArticle() {
    Article a = new Extractor().extract(Page.of("page.html", latin1("<meta charset=\"utf-8\">")));

    assertTrue(a.text().contains("perché la città"), a.text());
    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("declared UTF-8")), "warnings: " + a.warnings());
  }

  @Test
  void latin1DeclaredOverUtf8BytesIsDecodedAsUtf8WithAWarning() {
    Charsets.Decoded d = Charsets.decode(ITALIAN.formatted("<meta charset=\"iso-8859-1\">").getBytes(UTF_8), null);

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals(UTF_8, d.charset());
    assertTrue(d.warning() != null && d.warning().contains("the bytes are UTF-8"), "warning: " + d.warning());
  }

  @Test
  void latin1DeclarationReadsWindows1252Quotes() {
    byte[] bytes = ITALIAN.formatted("<meta charset=\"iso-8859-1\">").replace("una promessa", "una \u201cpromessa\u201d")
        .getBytes(java.nio.charset.Charset.forName("windows-1252"));

    Charsets.Decoded d = Charsets.decode(bytes, null);

    assertTrue(d.text().contains("una \u201cpromessa\u201d"), d.text());
  }

  @Test
  void anUnknownDeclaredCharsetIsIgnored() {
    Charsets.Decoded d = Charsets.decode(ITALIAN.formatted("<meta charset=\"no-such-charset\">").getBytes(UTF_8), null);

    assertTrue(d.text().contains("perché la città"), d.text());
    assertEquals(UTF_8, d.charset());
  }

  @Test
  void aMultiByteCharacterCutAtTheEndDoesNotMakeThePageLatin1() {
    byte[] whole = ITALIAN.formatted("").replace("</html>\n", "città").getBytes(UTF_8);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1); // the last "à" loses its second byte

    Charsets.Decoded d = Charsets.decode(cut, null);

    assertEquals(UTF_8, d.charset());
    assertTrue(d.text().contains("perché la città aspetta"), d.text());
  }

  @Test
  void aPageWithAWrittenReplacementCharacterIsStillUtf8() {
    Charsets.Decoded d = Charsets.decode(ITALIAN.formatted("").replace("ponte", "ponte \uFFFD").getBytes(UTF_8), null);

    assertEquals(UTF_8, d.charset());
    assertNull(d.warning());
    assertTrue(d.text().contains("ponte \uFFFD"), d.text());
  }

  /** The UTF-8 check rejects what the JDK's decoder replaces with U+FFFD, and nothing else. */
  @Test
  void theCheckRejectsExactlyTheSequencesTheJdkDecoderReplaces() {
    int[] next = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF};
    byte[] seq = new byte[5];
    for (int b0 = 0; b0 < 256; b0++) {
      for (int b1 : next) {
        for (int b2 : next) {
          for (int b3 : next) {
            seq[0] = (byte) b0;
            seq[1] = (byte) b1;
            seq[2] = (byte) b2;
            seq[3] = (byte) b3;
            seq[4] = 'a';
            boolean replaced = new String(seq, UTF_8).indexOf('\uFFFD') >= 0;
            assertEquals(!replaced, Charsets.wellFormedUtf8(seq, seq.length),
                () -> String.format("%02X %02X %02X %02X", seq[0], seq[1], seq[2], seq[3]));
          }
        }
      }
    }
  }

  /** The check skips ASCII eight bytes at a time: a broken byte is found wherever it falls. */
  @Test
  void aBrokenByteIsFoundAtAnyOffset() {
    byte[] good = "Il ponte è chiuso; la città aspetta da tre anni la riapertura.".getBytes(UTF_8);
    assertTrue(Charsets.wellFormedUtf8(good, good.length));
    for (int at = 0; at < good.length; at++) {
      byte[] bad = good.clone();
      bad[at] = (byte) 0xFF;
      assertFalse(Charsets.wellFormedUtf8(bad, bad.length), "0xFF at " + at);
    }
  }

  private static byte[] latin1(String declaration) {
    return ITALIAN.formatted(declaration).getBytes(ISO_8859_1);
  }
}
