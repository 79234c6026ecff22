package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

class SignatureTest {

  private static List<String> terms(Signature s, Anchor.Kind kind) {
    return s.anchors().stream().filter(a -> a.kind() == kind).map(Anchor::value).toList();
  }

  @Test
  void numbersWrittenInEachLanguagesConventionAreOneValue() {
    List<String> it = terms(Signature.of(Fixtures.italian(null)), Anchor.Kind.NUMBER);
    List<String> en = terms(Signature.of(Fixtures.english(null)), Anchor.Kind.NUMBER);
    assertEquals(List.of("60", "a350", "15.5", "20", "777", "4.6", "1250", "2004"), it);
    assertEquals(it, en);
  }

  @Test
  void resolvedNamesAreTheSameWordsInBothLanguages() {
    List<String> it = terms(Signature.of(Fixtures.italian(null)), Anchor.Kind.NAME);
    List<String> en = terms(Signature.of(Fixtures.english(null)), Anchor.Kind.NAME);
    assertTrue(it.contains("paris") && en.contains("paris"), it + " / " + en);
    assertEquals(List.of("airbus", "qatar", "airways"), it.subList(0, 3));
  }

  @Test
  void aLanguageWithoutEntitiesGetsNamesFromCapitals() {
    Signature es = Signature.of(Texts.analysis("es.example/x", null, "es", null, "t",
        "El fabricante Airbus ganó un pedido de Qatar Airways en París. Luego vendió aviones."));
    assertEquals(List.of("airbus", "qatar", "airways", "paris"), terms(es, Anchor.Kind.CAPITAL));
    assertTrue(terms(es, Anchor.Kind.NAME).isEmpty());
  }

  @Test
  void aMentionWhoseCanonicalNameHoldsItsWordsIsOnlyThoseWords() {
    // coreference gave "Apple" the fullest name it found beside it, a product's; the article names the company
    Signature it = Signature.of(Texts.analysis("it.example/a", null, "it", null, "t",
        "Il nuovo portatile di Apple costa meno. Apple ne ha venduti molti.", "Apple=MacBook Pro Apple/ORG"));
    assertEquals(List.of("apple", "apple"), terms(it, Anchor.Kind.NAME));
  }

  @Test
  void aCapitalisedWordOfANameTheArticleHasIsThatName() {
    // the entity model found "Macbook Pro" but not the "Macbook" of the second sentence
    Signature it = Signature.of(Texts.analysis("it.example/m", null, "it", null, "t",
        "Arriva il nuovo Macbook Pro con un chip Intel. Il Macbook costa 999 dollari.", "Macbook Pro=Macbook Pro/MISC"));
    assertEquals(List.of("macbook", "pro", "macbook"), terms(it, Anchor.Kind.NAME));
    assertEquals(List.of("intel"), terms(it, Anchor.Kind.CAPITAL));
  }

  @Test
  void numbersParseInTheirLanguage() {
    assertEquals("44000", Numbers.plain("44,000", false));
    assertEquals("44000", Numbers.plain("44.000", true));
    assertEquals("4.6", Numbers.plain("4,6", true));
    assertEquals("1234567.5", Numbers.plain("1.234.567,5", true));
    assertEquals("f35", Numbers.plain("F-35", true));
  }

  @Test
  void aCodesEnglishPluralIsTheCode() {
    assertEquals("a380", Numbers.plain("A380s", false));
    assertEquals("kc30", Numbers.plain("KC-30s", false));
    assertEquals("a380", Numbers.plain("A380", true));
  }

  @Test
  void aMonthIsNotANameBecauseAPersonHasItsWord() {
    Analysis a = Texts.analysis("en.example/may", null, "en", null, "t",
        "Theresa May spoke in London. The vote is on 29 May.", "Theresa May=Theresa May/PER");
    String text = a.article().text();
    int at = text.indexOf("29 May");
    Analysis dated = new Analysis(a.article(), a.language(), a.anchor(), a.sentences(), a.entities(), a.quotes(),
        List.of(new Timex("29 May", Timex.Type.DATE, "XXXX-05-29", at, at + 6)), a.warnings());
    Signature s = Signature.of(dated);
    assertEquals(List.of("theresa", "may"), terms(s, Anchor.Kind.NAME));
    assertEquals(List.of("london", "may"), terms(s, Anchor.Kind.CAPITAL));
  }

  @Test
  void aYearBehindAPrefixIsTheYear() {
    assertEquals("2011", Numbers.plain("mid-2011", false));
    assertEquals("f35", Numbers.plain("F-35", false));
  }

  @Test
  void aWordOrNumberOfFiftyThousandCharactersIsNoAnchor() {
    String word = "A".repeat(50_001);
    String number = "7".repeat(50_001);
    Signature s = Signature.of(Texts.analysis("en.example/long", null, "en", null, "t",
        "The council met in Rome. It read " + word + " and " + number + " aloud.", word + "=" + word + "/ORG"));
    assertTrue(s.anchors().stream().allMatch(a -> a.value().length() <= Anchor.MAX_CHARS),
        "an anchor longer than the bound");
    assertEquals(List.of("rome"), terms(s, Anchor.Kind.CAPITAL));
  }

  /**
   * A name in ASCII takes a path of its own (no normaliser, no regular expressions); it must give the words the
   * general path gives: that of the same name with a lone accented letter added, a word of one letter that the
   * general path folds and leaves out.
   */
  @Test
  void anAsciiNameGivesTheWordsOfTheGeneralPath() {
    for (String name : List.of("Mario Rossi", "U.S.A.", "J.R.R. Tolkien", "Jean-Luc O'Neill", "F-35 A350s",
        "  Di  Maio ", "USA_TODAY", "a.b.c-d", "Ma2rio", "IBM", "x", "", ".-.", "Van der Berg", "Corea del Nord",
        "AC/DC 4x4 #1", "Dr. Who", "the Bank of England", "X.Y", "Lung" + "o".repeat(100) + " Nome")) {
      assertEquals(Signature.nameWords(name + " \u00e9"), Signature.nameWords(name), name);
    }
    assertEquals(List.of("usa"), Signature.nameWords("U.S.A."));
    assertEquals(List.of("jean", "luc", "neill"), Signature.nameWords("Jean-Luc O'Neill"));
  }

  /** The numeric tokens {@link Numbers#tokens} finds near digits are those {@code Matcher.find} finds everywhere. */
  @Test
  void numericTokensAreThoseOfAFindAtEveryPosition() {
    String ascii = Fixtures.italian(null).article().text() + "\n\n" + Fixtures.english(null).article().text();
    for (String text : List.of(ascii, "", "nessun numero qui", "2024", "12 A350 A380s KC-30s mid-2011 pre-2008 x",
        "1.000.000,50 euro e 44,000 dollari, 4,6% o 4.6%", "ABCDE12 ABCD12 abcd-12 ab--12 a1b2c3 F-35A 787-9",
        "\uD835\uDC00\uD835\uDC01\uD835\uDC02\uD835\uDC0312 e \uD835\uDC00\uD835\uDC01\uD835\uDC02\uD835\uDC03\uD835\uDC0412",
        "\u0661\u0662\u0663 e 123, \u00e8 l'anno 1999.", "Città3 Perù-4 \u00c0\u00c8\u00cc\u00d2-56 fine9",
        "x".repeat(40) + "1" + "y".repeat(40) + " 22-33 44..55 ,,66 7")) {
      java.util.regex.Matcher m = Numbers.TOKEN.matcher(text);
      List<String> found = new java.util.ArrayList<>();
      while (m.find()) {
        found.add(m.start() + ":" + m.group());
      }
      assertEquals(found, Numbers.tokens(text).stream().map(r -> r.start() + ":" + r.group()).toList(), text);
    }
    assertEquals(List.of("0:12", "3:A350", "8:A380s"), Numbers.tokens("12 A350 A380s").stream()
        .map(r -> r.start() + ":" + r.group()).toList());
  }

  private static final String RESOLVED_TEXT = "Il ministro Rossi ha incontrato Mario Bianchi a Roma il 2 marzo 2026. "
      + "Bianchi ha detto: \"Servono 15,5 milioni per la FIAT\". Poi Rossi e Bianchi sono partiti per Torino.";

  /** {@code a} with the canonical name of its "FIAT" and each quote's speaker as the resolver might give them. */
  private static Analysis resolved(Analysis a, String fiat, String speaker) {
    List<Entity> entities = a.entities().stream().map(e -> e.text().equals("FIAT")
        ? new Entity(e.text(), e.type(), e.start(), e.end(), fiat, e.role()) : e).toList();
    List<Quote> quotes = a.quotes().stream().map(q -> new Quote(q.text(), q.kind(), q.speaker(), q.speakerStart(),
        speaker, q.cue(), q.start(), q.end())).toList();
    return new Analysis(a.article(), a.language(), a.anchor(), a.sentences(), entities, quotes, a.times(), a.warnings());
  }

  /** {@code a} with one time expression, the date of {@link #RESOLVED_TEXT}. */
  private static Analysis dated(Analysis a) {
    String text = a.article().text();
    int at = text.indexOf("2 marzo 2026");
    return new Analysis(a.article(), a.language(), a.anchor(), a.sentences(), a.entities(), a.quotes(),
        List.of(new Timex("2 marzo 2026", Timex.Type.DATE, "2026-03-02", at, at + "2 marzo 2026".length())), a.warnings());
  }

  /**
   * The anchors of a text read before its names were resolved give the resolved analysis's signature: a capitalised
   * word is a name by the names resolved ("Torino" once "FIAT" resolves to "Fabbrica Italiana Automobili Torino"), not
   * by those it was read with.
   */
  @Test
  void textAnchorsReadBeforeTheNamesResolveGiveTheResolvedAnalysisSignature() {
    Analysis read = dated(Texts.analysis("it.example/r", null, "it", "2026-03-02T08:00:00Z", "t", RESOLVED_TEXT,
        "FIAT=FIAT/ORG", "Roma=Roma/LOC"));
    Signature.TextAnchors ahead = Signature.TextAnchors.of(read);
    Analysis resolved = resolved(read, "Fabbrica Italiana Automobili Torino", "Mario Bianchi");

    Signature signature = Signature.of(resolved, ahead);

    assertEquals(Signature.of(resolved), signature);
    assertTrue(terms(Signature.of(read), Anchor.Kind.CAPITAL).contains("torino"));
    assertTrue(terms(signature, Anchor.Kind.NAME).contains("torino"), signature.toString());
    assertEquals(List.of("2026-03-02"), terms(signature, Anchor.Kind.DATE));
  }

  /** Anchors read from another analysis of the same text (other entity spans, other times) are read again. */
  @Test
  void textAnchorsOfAnotherAnalysisOfTheTextAreReadAgain() {
    Analysis undated = Texts.analysis("it.example/r", null, "it", null, "t", RESOLVED_TEXT, "Roma=Roma/LOC");
    Analysis given = dated(Texts.analysis("it.example/r", null, "it", null, "t", RESOLVED_TEXT,
        "Mario Bianchi=Mario Bianchi/PER", "Roma=Roma/LOC", "FIAT=FIAT/ORG"));

    Signature signature = Signature.of(given, Signature.TextAnchors.of(undated));

    assertEquals(Signature.of(given), signature);
    assertNotEquals(Signature.of(undated).anchors(), signature.anchors());
  }
}
