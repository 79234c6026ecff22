package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

  private static final String HEADLINE = "Il vecchio faro di Punta Serena torna ad accendersi dopo vent'anni di buio";

  /**
   * An invented Italian article in the shape of a plain-text news page: headline, byline, the
   * headline again, body with two subheadings and a photo caption (sentences separated by two
   * spaces, no final full stop), then the byline again and the author's bio.
   */
  private static final String ARTICOLO = HEADLINE + """


      Giulia Ferraris

      """ + HEADLINE + """


      Sabato sera, per la prima volta dal 2004, la lanterna del faro di Punta Serena ha illuminato di nuovo \
      il tratto di costa tra il porto e la scogliera. Centinaia di persone hanno assistito all'accensione dal molo.

      Il restauro è costato poco più di un milione di euro, in parte raccolti con una sottoscrizione tra gli \
      abitanti del paese. Il comune ha coperto il resto con un fondo regionale per il patrimonio marittimo.

      Una comunità al lavoro

      Per tre estati di seguito una cinquantina di volontari ha raschiato la ruggine dalle ringhiere e \
      ridipinto la torre, seguendo le indicazioni dei tecnici della soprintendenza.

      «Ci siamo divisi i turni come si fa per la vendemmia», racconta una delle volontarie, che ha lavorato \
      alla scala interna. «Alla fine conoscevamo ogni gradino.»

      Il faro di Punta Serena al tramonto, il giorno della riaccensione.  I volontari hanno ridipinto la torre \
      in tre settimane.  La lanterna originale è stata restaurata in un laboratorio di Genova

      I prossimi passi

      Il comune vuole aprire la torre alle visite guidate dalla prossima primavera, con un piccolo museo \
      dedicato ai guardiani che vi hanno vissuto fino agli anni Settanta.

      Resta da sistemare la strada sterrata che porta al promontorio, che d'inverno diventa impraticabile \
      dopo ogni mareggiata.

      Giulia Ferraris

      Giulia Ferraris, nata a Livorno, scrive di ambiente e di coste per il nostro giornale dal 2015. In \
      precedenza ha lavorato per un'agenzia di stampa a Bruxelles.
      """;

  private static final String CAPTION = "Il faro di Punta Serena al tramonto, il giorno della riaccensione. "
      + "I volontari hanno ridipinto la torre in tre settimane. La lanterna originale è stata restaurata in un "
      + "laboratorio di Genova";

  private static final String BIO = "Giulia Ferraris, nata a Livorno, scrive di ambiente e di coste per il nostro "
      + "giornale dal 2015. In precedenza ha lavorato per un'agenzia di stampa a Bruxelles.";

  /** The same shape in English, with a "By" byline, a date line and a bio that is only a closing paragraph. */
  private static final String ARTICLE = """
      Night trains return to the mountain line after a decade

      By Martha Quinn

      June 19, 2024

      Night trains return to the mountain line after a decade

      The first sleeper service in ten years left the capital on Tuesday evening, carrying two hundred \
      passengers towards the mountain towns that lost their overnight link when the old carriages were retired.

      The operator says demand has surprised it: every berth for the summer was sold within a week of the \
      timetable being published.

      A slow comeback

      Rail companies across the region have been reviving night routes, helped by public money and by \
      travellers who want to avoid short flights.

      What passengers think

      Several passengers said they had chosen the train to arrive rested, and that the price was close to \
      that of a hotel room.

      Martha Quinn is a transport correspondent who has covered European railways since 2012.
      """;

  // ---- the Italian article

  @Test
  void aParagraphOfNoBreakSpacesIsBlank() {
    // found by ExtractorFuzzTest: U+00A0 is not whitespace to String.isBlank, and the paragraph became a blank block
    String text = "Il ponte riapre\n\nIl sindaco ha parlato a lungo del ponte sul fiume.\n\n\u00a0\u00a0";

    Article a = new TextExtractor().extract("test", text, null, new ArrayList<>());

    assertEquals(List.of(new Block(Block.Type.PARAGRAPH, "Il sindaco ha parlato a lungo del ponte sul fiume.")),
        a.blocks());
  }

  @Test
  void titleIsTheHeadline() {
    assertEquals(HEADLINE, extract(ARTICOLO).title());
  }

  @Test
  void authorsAreTheBylineName() {
    assertEquals(List.of("Giulia Ferraris"), extract(ARTICOLO).authors());
  }

  @Test
  void theRepeatedHeadlineIsDropped() {
    Article a = extract(ARTICOLO);

    assertTrue(a.blocks().stream().noneMatch(b -> b.text().equals(HEADLINE)), "blocks: " + a.blocks());
    assertTrue(a.text().startsWith("Sabato sera, per la prima volta dal 2004"), a.text());
  }

  @Test
  void theBylineIsNotABlock() {
    Article a = extract(ARTICOLO);

    assertTrue(a.blocks().stream().noneMatch(b -> b.text().equals("Giulia Ferraris")), "blocks: " + a.blocks());
  }

  @Test
  void subheadingsAreHeadingBlocks() {
    assertEquals(List.of("Una comunità al lavoro", "I prossimi passi"), texts(extract(ARTICOLO), Block.Type.HEADING));
  }

  @Test
  void doubleSpacedSentencesWithoutAFullStopAreTheCaption() {
    assertEquals(List.of(CAPTION), texts(extract(ARTICOLO), Block.Type.CAPTION));
  }

  @Test
  void theCaptionIsNotText() {
    assertFalse(extract(ARTICOLO).text().contains("al tramonto"));
  }

  @Test
  void whatFollowsTheClosingBylineIsTheAuthorBio() {
    Article a = extract(ARTICOLO);

    assertEquals(BIO, a.authorBio());
    assertEquals(List.of(BIO), texts(a, Block.Type.BIO));
  }

  @Test
  void theBioIsNotText() {
    String text = extract(ARTICOLO).text();

    assertFalse(text.contains("nata a Livorno"), text);
    assertTrue(text.endsWith("dopo ogni mareggiata."), text);
  }

  @Test
  void quotedParagraphsStayParagraphs() {
    assertTrue(extract(ARTICOLO).blocks().stream().anyMatch(b -> b.type() == Block.Type.PARAGRAPH
        && b.text().startsWith("«Ci siamo divisi i turni")));
  }

  @Test
  void languageIsDetected() {
    assertEquals("it", extract(ARTICOLO).language());
  }

  @Test
  void windowsLineEndingsGiveTheSameArticle() {
    assertEquals(extract(ARTICOLO).blocks(), extract(ARTICOLO.replace("\n", "\r\n")).blocks());
  }

  // ---- the English article

  @Test
  void byBylineGivesTheName() {
    assertEquals(List.of("Martha Quinn"), extract(ARTICLE).authors());
  }

  @Test
  void dateLineUnderTheBylineIsThePublicationDate() {
    Article a = extract(ARTICLE);

    assertEquals("2024-06-19", a.published());
    assertEquals("text", a.dateSource());
  }

  @Test
  void englishHeadlineAndSubheadings() {
    Article a = extract(ARTICLE);

    assertEquals("Night trains return to the mountain line after a decade", a.title());
    assertEquals(List.of("A slow comeback", "What passengers think"), texts(a, Block.Type.HEADING));
  }

  @Test
  void closingParagraphStartingWithTheAuthorsNameIsTheBio() {
    Article a = extract(ARTICLE);

    assertEquals("Martha Quinn is a transport correspondent who has covered European railways since 2012.",
        a.authorBio());
    assertFalse(a.text().contains("transport correspondent"), a.text());
  }

  @Test
  void englishTextStartsAfterTheRepeatedHeadline() {
    assertTrue(extract(ARTICLE).text().startsWith("The first sleeper service in ten years"));
  }

  // ---- other shapes

  @Test
  void dashedLinesAreAList() {
    Article a = extract("""
        Cosa cambia da lunedì

        Il comune ha pubblicato le nuove regole per il centro storico, in vigore da lunedì prossimo.

        - divieto di sosta in piazza
        - zona pedonale la domenica
        - nuove corsie per le biciclette
        """);

    assertEquals(List.of("divieto di sosta in piazza\nzona pedonale la domenica\nnuove corsie per le biciclette"),
        texts(a, Block.Type.LIST));
  }

  @Test
  void aPhotoCreditIsACaption() {
    Article a = extract("""
        Il ponte riapre

        Il ponte sul fiume riapre domani mattina dopo tre anni di lavori, ha detto il sindaco.

        Foto: Archivio comunale

        I cantieri sono costati più del previsto, ma la struttura è stata rinforzata.
        """);

    assertEquals(List.of("Foto: Archivio comunale"), texts(a, Block.Type.CAPTION));
  }

  @Test
  void aHeadlineEndingInAFullStopIsNotTheTitle() {
    Article a = extract("""
        Il ponte sul fiume riapre domani mattina dopo tre anni di lavori.

        I cantieri sono costati più del previsto, ma la struttura è stata rinforzata.
        """);

    assertNull(a.title());
    assertTrue(a.text().startsWith("Il ponte sul fiume riapre"), a.text());
  }

  @Test
  void blankTextWarnsThatNoArticleWasFound() {
    List<String> warnings = new ArrayList<>();

    Article a = new TextExtractor().extract("blank.txt", " \n\n \t\n", null, warnings);

    assertTrue(a.blocks().isEmpty());
    assertEquals(List.of("no article text found"), a.warnings());
  }

  @Test
  void plainTextGoesToTheTextExtractorThroughExtractor() {
    Article a = new Extractor().extract(org.lente.ingest.Page.of("articolo.txt",
        ARTICOLO.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertEquals(HEADLINE, a.title());
    assertEquals(BIO, a.authorBio());
  }

  private static Article extract(String text) {
    return new TextExtractor().extract("test.txt", text, null, new ArrayList<>());
  }

  private static List<String> texts(Article a, Block.Type type) {
    return a.blocks().stream().filter(b -> b.type() == type).map(Block::text).toList();
  }

  @Test
  void aTextWithoutBlankLinesHasOneParagraphPerLine() {
    String text = "Il porto riapre dopo i lavori\n"
        + "Il porto della città riapre domani dopo sei mesi di lavori sulle banchine, ha detto il sindaco.\n"
        + "Le navi potranno attraccare dalle sette del mattino; i traghetti per le isole ripartono lunedì.\n"
        + "La capitaneria ha confermato gli orari e pubblicato le nuove regole di accesso.\n";
    Article a = new TextExtractor().extract("porto.txt", text, null, new java.util.ArrayList<>());
    assertEquals("Il porto riapre dopo i lavori", a.title());
    assertEquals(3, a.blocks().size(), a.blocks().toString());
    assertTrue(a.blocks().stream().allMatch(b -> b.type() == Block.Type.PARAGRAPH), a.blocks().toString());
  }

  @Test
  void aHeadlineAndOneSentenceOfItalianAreItalian() {
    Article a = extract("Riapre la biblioteca comunale\n\nDa lunedì le sale di lettura saranno aperte anche la sera, fino alle dieci.");
    assertEquals("it", a.language());
  }

  @Test
  void aHeadlineAndOneSentenceOfEnglishAreEnglish() {
    Article a = extract("Town library reopens\n\nFrom Monday the reading rooms will also be open in the evening, until ten.");
    assertEquals("en", a.language());
  }

  @Test
  void aHeadlineAndOneSentenceOfSpanishAreNeitherItalianNorEnglish() {
    Article a = extract("Reabre la biblioteca municipal\n\nDesde el lunes las salas de lectura estarán abiertas también por la noche.");
    assertEquals("es", a.language());
  }
}
