package org.lente.extract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lente.ingest.Page;

class ExtractorTest {

  private static final String TEXT = """
      Il ponte riapre

      Il ponte sul fiume riapre domani mattina dopo tre anni di lavori, ha annunciato il sindaco.
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "<!DOCTYPE html><html><body><p>x</p></body></html>",
      "  \n<html><p>x</p></html>",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE html><html><body>x</body></html>",
      "<p>Un paragrafo solo</p>",
      "<div class=\"article\">x</div>",
      "<!-- salvato dal browser --><html>",
      "Testo iniziale<br>con<p>tre tag</p><p>di blocco</p> dentro"})
  void htmlIsRecognised(String content) {
    assertTrue(Extractor.looksLikeHtml(content));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Il ponte riapre\n\nIl sindaco ha parlato.",
      "Un testo che nomina il tag <p> una volta sola.",
      "a < b e b > c, scrisse il professore."})
  void plainTextIsNotHtml(String content) {
    assertFalse(Extractor.looksLikeHtml(content));
  }

  @Test
  void nulBytesAreBinary() {
    assertEquals("1 NUL bytes in the first 5", Extractor.binaryReason(new byte[] {'a', 'b', 0, 'c', 'd'}));
  }

  @Test
  void manyControlBytesAreBinary() {
    byte[] bytes = "abcdefghij".getBytes(UTF_8);
    bytes[3] = 0x01;

    assertTrue(Extractor.binaryReason(bytes).contains("control bytes"));
  }

  @Test
  void textWithTabsNewlinesAndFormFeedsIsNotBinary() {
    assertNull(Extractor.binaryReason("uno\tdue\r\ntre\fquattro".getBytes(UTF_8)));
  }

  @Test
  void utf16WithABomIsNotBinary() {
    byte[] bytes = "\uFEFFIl ponte".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);

    assertNull(Extractor.binaryReason(bytes));
  }

  @Test
  void emptyInputGivesAnEmptyArticleWithAWarning() {
    Article a = new Extractor().extract(Page.of("empty.txt", new byte[0]));

    assertEquals(List.of("empty input"), a.warnings());
    assertEquals("empty.txt", a.source());
    assertNull(a.title());
  }

  @Test
  void plainTextGoesToTheTextExtractor() {
    Article a = new Extractor().extract(Page.of("ponte.txt", TEXT.getBytes(UTF_8)));

    assertEquals("Il ponte riapre", a.title());
  }

  @Test
  void thePagesWarningsComeFirstInTheArticle() {
    Page page = new Page("ponte.txt", TEXT.getBytes(UTF_8), null, null, List.of("read from a cache"));

    assertEquals(List.of("read from a cache"), new Extractor().extract(page).warnings());
  }

  @Test
  void warningsAreCappedWithACountOfTheRest() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add("warning " + i);
    }

    Article a = new Extractor().extract(new Page("ponte.txt", TEXT.getBytes(UTF_8), null, null, many));

    assertEquals(Extractor.MAX_WARNINGS, a.warnings().size());
    assertEquals("warning 18", a.warnings().get(Extractor.MAX_WARNINGS - 2));
    assertEquals("11 more warnings", a.warnings().get(Extractor.MAX_WARNINGS - 1));
  }

  @Test
  void theUrlOfThePageIsKeptWhenThePageDeclaresNone() {
    Page page = Page.of("ponte.txt", TEXT.getBytes(UTF_8)).withUrl("https://example.com/ponte");

    assertEquals("https://example.com/ponte", new Extractor().extract(page).url());
  }

  @Test
  void theDatelineThatOpensAPlainTextDatesIt() {
    String text = "Il Senato approva la legge\n\nROMA, 8 marzo 2011 – Il Senato ha approvato la legge sul bilancio.\n\n"
        + "Il voto è arrivato dopo tre giorni di discussione in aula.";
    Article a = new Extractor().extract(Page.of("archive/2011-03-09/senato.txt", text.getBytes(UTF_8)));

    assertEquals("2011-03-08", a.published());
    assertEquals("dateline", a.dateSource());
  }

  @Test
  void theFilesPathDatesATextWithoutADateline() {
    String text = "Il Senato approva la legge\n\nIl Senato ha approvato la legge sul bilancio dopo tre giorni di discussione.";
    Article a = new Extractor().extract(Page.of("archive/2011-03-09/senato.txt", text.getBytes(UTF_8)));

    assertEquals("2011-03-09", a.published());
    assertEquals("path", a.dateSource());
  }

  @Test
  void thePagesUrlDatesATextWithoutADatelineBeforeItsPath() {
    String text = "Il Senato approva la legge\n\nIl Senato ha approvato la legge sul bilancio dopo tre giorni di discussione.";
    Page page = Page.of("archive/2011-03-09/senato.txt", text.getBytes(UTF_8))
        .withUrl("https://giornale.example/politica/2011/03/10/senato");

    Article a = new Extractor().extract(page);

    assertEquals("2011-03-10", a.published());
    assertEquals("url", a.dateSource());
  }

  @Test
  void aPagesOwnDateComesBeforeItsDateline() {
    String html = "<html><head><meta property=\"article:published_time\" content=\"2011-03-10\"></head><body><article>"
        + "<h1>Il Senato approva la legge</h1><p>ROMA, 8 marzo 2011 – Il Senato ha approvato la legge sul bilancio "
        + "dopo tre giorni di discussione in aula.</p></article></body></html>";

    Article a = new Extractor().extract(Page.of("archive/2011-03-09/senato.html", html.getBytes(UTF_8)));

    assertEquals("2011-03-10", a.published());
    assertEquals("meta", a.dateSource());
  }
}
