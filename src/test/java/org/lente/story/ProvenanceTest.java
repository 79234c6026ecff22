package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lente.nlp.Analysis;

class ProvenanceTest {

  private static Provenance.Verdict decide(Analysis here, Analysis there) {
    return Provenance.decide(here, Signature.of(here), there, Signature.of(there));
  }

  @Test
  void theTextsAloneShowTheEnglishIsTheOriginal() {
    Provenance.Verdict v = decide(Fixtures.italian(null), Fixtures.english(null));
    assertEquals(Direction.ORIGINAL, v.direction(), v.toString());
    assertTrue(v.evidence().stream().anyMatch(e -> e.kind().equals("credit") && e.here().contains("Reuters")),
        v.toString());
    assertTrue(v.evidence().stream().anyMatch(e -> e.kind().equals("sentence-break")
        && e.here().contains("prima. volta")), v.toString());
  }

  @Test
  void seenFromTheOriginalTheTranslationIsTheCopy() {
    assertEquals(Direction.COPY, decide(Fixtures.english(null), Fixtures.italian(null)).direction());
  }

  @Test
  void publicationTimesOutweighOneClue() {
    Analysis it = Texts.analysis("a", null, "it", "2024-05-01T08:00:00Z", "t", "Il 3 maggio. arriva Airbus.");
    Analysis en = Texts.analysis("b", null, "en", "2024-05-01T10:00:00Z", "t", "On 3 May Airbus arrives.");
    assertEquals(Direction.COPY, decide(it, en).direction());
  }

  @Test
  void aMissingPublicationDateIsNamedWithItsSide() {
    Analysis it = Texts.analysis("a", null, "it", null, "t", "Il porto di Northvale apre un terminal da 420 milioni.");
    Analysis en = Texts.analysis("b", null, "en", "2024-05-01T10:00:00Z", "t", "Northvale opens a 420 million terminal.");
    Evidence e = decide(it, en).evidence().stream().filter(x -> x.kind().equals("published")).findFirst().orElseThrow();
    assertTrue(e.note().startsWith("this article gives no publication date"), e.note());
    assertTrue(e.flipped().note().startsWith("the related article gives no publication date"), e.flipped().note());
  }

  @Test
  void withoutCluesTheDirectionIsUnknown() {
    Analysis a = Texts.analysis("a", null, "it", null, "t", "Airbus consegna 60 aerei.");
    Analysis b = Texts.analysis("b", null, "en", null, "t", "Airbus delivers 60 planes.");
    assertEquals(Direction.UNKNOWN, decide(a, b).direction());
  }

  @Test
  void aCreditLineIsFoundAtAnyOccurrenceOfTheOutletsName() {
    String text = "Reuters e Bloomberg hanno seguito il vertice. " + "Il vertice è durato tre ore. ".repeat(400)
        + "Lo ha detto a Reuters un funzionario che ha chiesto l'anonimato. (ANSA)";
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    assertTrue(Provenance.creditLine(text, lower, "Reuters").contains("Lo ha detto a Reuters"));
    assertTrue(Provenance.creditLine(text, lower, "ANSA").endsWith("(ANSA)"));
    assertNull(Provenance.creditLine(text, lower, "Bloomberg"), "named, but not as a credit");
  }

  @Test
  void wordsATranslationKeptFromItsSourceLanguageAreShownButDoNotDecideAlone() {
    Analysis it = Texts.analysis("a", null, "it", null, "t",
        "Apple aggiorna il browser Safari. Il download del nuovo hardware è gratuito.");
    Analysis en = Texts.analysis("b", null, "en", null, "t",
        "Apple updates the Safari browser. The download for the new hardware is free.");
    Provenance.Verdict v = decide(it, en);
    assertEquals(Direction.UNKNOWN, v.direction(), v.toString());
    assertEquals(3 * Provenance.KEPT_WORD, v.balance(), 1e-9, v.toString());
    assertTrue(v.evidence().stream().anyMatch(e -> e.kind().equals("kept-words")
        && e.here().equals("browser, download, hardware")), v.toString());
  }

  @Test
  void wordsAnEnglishTranslationKeptFromItalianPointToTheItalian() {
    Analysis it = Texts.analysis("a", null, "it", null, "t",
        "I carabinieri hanno arrestato il sindaco in piazza Garibaldi.");
    Analysis en = Texts.analysis("b", null, "en", null, "t",
        "The carabinieri arrested the sindaco in piazza Garibaldi.");
    assertTrue(decide(it, en).balance() < 0, "towards the Italian as the original");
  }

  @Test
  void wordsOfAddressesNamesAndQuotesAreNotKeptWords() {
    Analysis it = Texts.analysis("a", null, "it", null, "t",
        "Il rapporto è su example.org/news/world/report e in www.example.net/browser. Lo ha detto Palazzo della "
            + "Consulta.", "Palazzo della Consulta=Palazzo della Consulta/ORG");
    Analysis en = Texts.analysis("b", null, "en", null, "t",
        "The report is at example.org/news/world/report and www.example.net/browser. Palazzo della Consulta said "
            + "so.", "Palazzo della Consulta=Palazzo della Consulta/ORG");
    Provenance.Verdict v = decide(it, en);
    assertTrue(v.evidence().stream().noneMatch(e -> e.kind().equals("kept-words")), v.toString());
  }

  @Test
  void wordsOriginalNewsOfBothLanguagesUseAreNoClue() {
    Analysis it = Texts.analysis("a", null, "it", null, "t", "Il team di Apple ha messo online il nuovo computer.");
    Analysis en = Texts.analysis("b", null, "en", null, "t", "The Apple team put the new computer online.");
    Provenance.Verdict v = decide(it, en);
    assertEquals(Direction.UNKNOWN, v.direction(), v.toString());
    assertEquals(0, v.balance(), 1e-9, v.toString());
  }

  @Test
  void aPlainPublicationTimeReadsAsTheFormatterReadsIt() {
    for (String iso : java.util.List.of("2026-09-01T08:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T12:30:05+01:00",
        "2016-11-01T00:00:00-05:30", "2000-01-01T00:00:00+18:00", "2000-01-01T00:00:00-18:00",
        "0001-01-01T00:00:00Z")) {
      assertEquals(java.time.OffsetDateTime.parse(iso).toInstant(), Provenance.plainInstant(iso), iso);
      assertEquals(java.time.OffsetDateTime.parse(iso).toInstant(), Provenance.instant(iso), iso);
    }
  }

  @Test
  void aPublicationTimeOfAnotherShapeOrOutOfRangeIsLeftToTheFormatter() {
    for (String iso : java.util.List.of("2026-09-01T08:00:00.250Z", "2026-09-01T08:00Z", "2026-09-01",
        "2023-02-29T08:00:00Z", "2026-13-01T08:00:00Z", "2026-09-01T24:00:00Z", "2026-09-01T08:60:00Z",
        "2026-09-01T08:00:60Z", "2026-09-01T08:00:00+19:00", "2026-09-01T08:00:00+0100", "2026-09-01 08:00:00Z",
        "2026-09-01T08:00:00z", "2026-o9-01T08:00:00Z", "+2026-09-01T08:00:00Z", "2026-09-01T08:00:00+01:60")) {
      assertNull(Provenance.plainInstant(iso), iso);
    }
    assertEquals(java.time.Instant.parse("2026-09-01T08:00:00.250Z"), Provenance.instant("2026-09-01T08:00:00.250Z"));
    assertEquals(java.time.Instant.parse("2023-02-28T00:00:00Z"), Provenance.instant("2023-02-28T08:00:00 GMT"),
        "a date-time no formatter reads: its date at midnight, as before");
    assertNull(Provenance.instant("2023-02-29T08:00:00Z"), "no such day");
  }
}
