package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Italian names of holidays of other calendars and observances, Roman days and zones, in phrases (Duckling's
 * convention) and in news; sentences and phrases written for these tests.
 */
class ItalianRulesTest {
  /** A Wednesday morning. */
  private static final LocalDateTime REF = LocalDateTime.of(2024, 6, 19, 10, 0);
  private final TimeTagger tagger = new TimeTagger();

  private String it(String phrase) { return tagger.duckling(phrase, Lang.IT, REF).map(v -> v.value() + " " + v.grain()).orElse("-"); }

  private List<String> news(String text) {
    return tagger.find(text, Lang.IT, REF.toLocalDate()).stream().map(t -> t.type() + " " + t.value() + " [" + t.text() + "]").toList();
  }

  // holidays of other calendars, by their Italian names
  @Test void orthodoxEasterWithAYear() { assertEquals("2024-05-05T00:00:00 Day", it("Pasqua ortodossa 2024")); }
  @Test void aBareOrthodoxEasterIsTheNextOne() { assertEquals("2025-04-20T00:00:00 Day", it("la pasqua ortodossa")); }
  @Test void orthodoxChristmasIsTheJulianTwentyFifthOfDecember() { assertEquals("2025-01-07T00:00:00 Day", it("natale ortodosso")); }
  @Test void diwaliIsTheHinduCalendarsDay() { assertEquals("2024-10-31T00:00:00 Day", it("diwali")); }
  @Test void lastDiwaliIsTheOneGoneBy() { assertEquals("2023-11-12T00:00:00 Day", it("lo scorso diwali")); }
  @Test void anItalianNameOfAnIslamicDayWithAYear() { assertEquals("2024-06-16T00:00:00 Day", it("festa del sacrificio del 2024")); }
  @Test void yomKippurStartsOnItsEve() { assertEquals("2024-10-11T00:00:00 Day", it("kippur")); }
  @Test void aHolidayOfNextYear() { assertEquals("2025-04-18T00:00:00 Day", it("venerdì santo dell'anno prossimo")); }
  @Test void aHolidayYearsAgo() { assertEquals("2023-02-22T00:00:00 Day", it("mercoledì delle ceneri di 2 anni fa")); }
  @Test void mothersDayIsTheSecondSundayOfMay() { assertEquals("2025-05-11T00:00:00 Day", it("festa della mamma")); }
  @Test void aWorldDayOnAFixedDate() { assertEquals("2025-06-05T00:00:00 Day", it("giornata mondiale dell'ambiente")); }
  @Test void aWorldDayOnAWeekday() { assertEquals("2024-11-21T00:00:00 Day", it("giornata mondiale della filosofia 2024")); }
  @Test void aLongerWorldDayNameWins() { assertEquals("2024-10-10T00:00:00 Day", it("giornata mondiale della salute mentale")); }

  // the Roman calendar's days
  @Test void theIdesOfMarchAreTheFifteenth() { assertEquals("2025-03-15T00:00:00 Day", it("le idi di marzo")); }
  @Test void theIdesOfJuneAreTheThirteenth() { assertEquals("2025-06-13T00:00:00 Day", it("idi di giugno")); }
  @Test void theCalendsAreTheFirst() { assertEquals("2024-07-01T00:00:00 Day", it("le calende di luglio")); }

  // zones
  @Test void aClockTimeInAZoneMovesToTheReferencesZone() { assertEquals("2024-06-19T13:00:00 Minute", it("alle 16 CET")); }

  // news: names that are something else
  @Test void aHolidayInFutureNewsIsTheOneAhead() {
    assertEquals(List.of("DATE 2024-10-31 [Diwali]"), news("Le banche di Mumbai resteranno chiuse per Diwali."));
  }
  @Test void aSurnameIsNotTheHoliday() {
    assertEquals(List.of(), news("Il teologo Tariq Ramadan ha parlato a lungo."));
  }
  @Test void aHolidayAtTheStartOfASentenceIsStillTheHoliday() {
    assertEquals(List.of("DATE 2024-10-31 [Diwali]"), news("Diwali sarà festeggiato anche a Milano."));
  }
  @Test void theWarIsNotTheDay() {
    assertEquals(List.of("DATE 1973 [1973]"), news("Nel 1973 scoppiò la guerra del Kippur."));
  }
  @Test void aLowerCaseAscentIsNotAscensionDay() {
    assertEquals(List.of(), news("La sua ascensione al potere fu rapida."));
  }
  @Test void aCapitalisedAscensionIsTheDay() {
    assertEquals(List.of("DATE 2024-05-09 [Ascensione]"), news("I negozi di Basilea erano chiusi per l'Ascensione."));
  }
  @Test void phrasesStillReadNamesNewsDoesNot() { assertEquals("2025-04-01T00:00:00 Day", it("pesce d'aprile")); }

  // "ore" before a clock time
  @Test void oreBeforeAClockTimeWithADot() {
    assertEquals(List.of("TIME 2024-06-19T15:30 [alle ore 15.30]"), news("La riunione è iniziata alle ore 15.30."));
  }
  @Test void oreBeforeAnHour() { assertEquals("2024-06-19T15:00:00 Hour", it("ore 15")); }
  // Italy's own holidays, now dated by Holidays like the others
  @Test void christmasOfLastYear() { assertEquals("2023-12-25T00:00:00 Day", it("il natale scorso")); }
  @Test void anOrdinaryPhraseIsNotAHolidayInNews() {
    assertEquals(List.of(), news("Alla vigilia del voto la liberazione degli ostaggi sembrava vicina."));
  }
  @Test void christmasEveInNewsKeepsItsName() {
    assertEquals(List.of("DATE 2023-12-24 [vigilia di Natale]"), news("I negozi sono rimasti aperti fino alla vigilia di Natale."));
  }

  // round 13: world days without "mondiale" are phrases only; a day's ordinal indicator and a year after "del" in news
  @Test void aWorldDayWithoutMondialeIsAPhraseOnly() { assertEquals("2024-09-21T00:00:00 Day", it("giornata della pace")); }
  @Test void aWorldDayWithoutMondialeIsNotADayInNews() {
    assertEquals(List.of(), news("La giornata della pace è passata senza incidenti."));
  }
  @Test void theFirstOfAMonthWithAnOrdinalIndicator() {
    assertEquals(List.of("DATE 2024-05-01 [1° maggio 2024]"), news("Il corteo del 1° maggio 2024 ha attraversato Roma."));
  }
  @Test void aDayOfAMonthWithItsYearAfterDel() {
    assertEquals(List.of("DATE 2014-08-05 [il 5 agosto del 2014]"), news("L'accordo fu firmato il 5 agosto del 2014."));
  }
  @Test void aMonthWithItsYearAfterDel() {
    assertEquals(List.of("DATE 2014-03 [marzo del 2014]"), news("Le elezioni si tennero nel marzo del 2014."));
  }
  @Test void nextAugustInNewsIsTheComingOne() {
    assertEquals(List.of("DATE 2024-08 [prossimo agosto]"), news("Il cantiere aprirà il prossimo agosto."));
  }
  @Test void nextAugustInAPhraseIsTheOneAfterTheComingOne() { assertEquals("2025-08-01T00:00:00 Month", it("il prossimo agosto")); }
}
