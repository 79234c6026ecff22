package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The compositional layer, one way of composing per test, in Duckling's convention; phrases written for these tests. */
class GrammarTest {
  /** A Wednesday morning. */
  private static final LocalDateTime REF = LocalDateTime.of(2024, 6, 19, 10, 0);
  private final TimeTagger tagger = new TimeTagger();

  private String it(String phrase) { return tagger.duckling(phrase, Lang.IT, REF).map(v -> v.value() + " " + v.grain()).orElse("-"); }

  private String en(String phrase) { return tagger.duckling(phrase, Lang.EN, REF).map(v -> v.value() + " " + v.grain()).orElse("-"); }

  // now-words
  @Test void adessoIsTheReference() { assertEquals("2024-06-19T10:00:00 Second", it("proprio adesso")); }
  @Test void inQuestoMomentoIsTheReference() { assertEquals("2024-06-19T10:00:00 Second", it("in questo momento")); }
  @Test void currentlyIsTheReference() { assertEquals("2024-06-19T10:00:00 Second", en("currently")); }

  // seasons with a modifier after them
  @Test void inversoScorsoIsTheWinterBeforeThisOne() {
    assertEquals("2022-12-21T00:00:00|2023-03-21T00:00:00 Day", it("l'inverno scorso"));
  }

  // counts: vague, compound number words, halves
  @Test void aCoupleOfHoursIsTwo() { assertEquals("2024-06-19T12:00:00 Minute", en("in a couple of hours")); }
  @Test void unPaioDiGiorniFaIsTwoDaysBack() { assertEquals("2024-06-17T10:00:00 Hour", it("un paio di giorni fa")); }
  @Test void qualcheIsAFew() { assertEquals("2024-06-22T10:00:00 Hour", it("fra qualche giorno")); }
  @Test void severalIsAFew() { assertEquals("2024-06-19T10:03:00 Second", en("in several minutes")); }
  @Test void italianCompoundNumberWord() { assertEquals("2024-06-19T10:35:00 Second", it("tra trentacinque minuti")); }
  @Test void englishCompoundNumberWord() { assertEquals("2024-06-19T09:13:00 Second", en("forty-seven minutes ago")); }
  @Test void elidedCountBeforeUnit() { assertEquals("2024-06-19T11:00:00 Minute", it("tra un'ora")); }
  @Test void halfAnHour() { assertEquals("2024-06-19T10:30:00 Second", it("fra mezz'ora")); }
  @Test void anHourAndAHalf() { assertEquals("2024-06-19T11:30:00 Second", en("in an hour and a half")); }
  @Test void countValues() {
    assertEquals(58, Grammar.countValue("cinquantotto", Lang.IT));
    assertEquals(21, Grammar.countValue("ventuno", Lang.IT));
    assertEquals(33, Grammar.countValue("trentatré", Lang.IT));
    assertEquals(64, Grammar.countValue("sixty four", Lang.EN));
    assertEquals(-1, Grammar.countValue("ventizero", Lang.IT));
  }

  // a duration after or before a day
  @Test void weeksAfterTomorrowAtDayGrain() { assertEquals("2024-07-04T00:00:00 Day", en("two weeks after tomorrow")); }
  @Test void daysBeforeAWeekday() { assertEquals("2024-06-18T00:00:00 Day", it("quattro giorni prima di sabato")); }

  // a time lasting a count of units: the closed span from the time, at the time's grain
  @Test void aDayForACountOfWeeks() { assertEquals("2025-03-03T00:00:00|2025-03-18T00:00:00 Day", en("March 3rd for two weeks")); }
  @Test void forACountOfDaysFromADay() { assertEquals("2024-07-01T00:00:00|2024-07-07T00:00:00 Day", en("for 5 days from July 1st")); }
  @Test void fromADayForACountOfDays() { assertEquals("2024-08-02T00:00:00|2024-08-06T00:00:00 Day", en("from August 2 for three days")); }
  @Test void italianFromADayForACountOfDays() { assertEquals("2024-08-02T00:00:00|2024-08-06T00:00:00 Day", it("dal 2 agosto per tre giorni")); }
  @Test void italianForAWeekFromAWeekday() { assertEquals("2024-06-24T00:00:00|2024-07-02T00:00:00 Day", it("per una settimana da lunedì")); }

  // an hour joins its part of day before the day; a day and a bound
  @Test void anHourInAPartOfDayOnADay() { assertEquals("2024-06-20T17:00:00 Hour", it("domani alle 5 del pomeriggio")); }
  @Test void anEnglishHourInAPartOfDayOnADay() { assertEquals("2024-06-20T17:00:00 Hour", en("tomorrow at 5 in the afternoon")); }
  @Test void aDayWithinAClockTimeIsThatTimeOnTheDay() { assertEquals("2024-06-20T12:00:00 Hour", it("giovedì entro mezzogiorno")); }
  @Test void aDayBeforeAClockTimeIsThatTimeOnTheDay() { assertEquals("2024-06-21T11:00:00 Hour", en("friday before 11am")); }

  // another calendar's new year, at the year's grain Duckling renders it at
  @Test void chineseNewYearIsTheNextOne() { assertEquals("2025-01-29T00:00:00 Year", en("chinese new year")); }
  @Test void lastChineseNewYearIsTheLastOne() { assertEquals("2024-02-10T00:00:00 Year", en("last chinese new year")); }
  @Test void parsiNewYearOfAYear() { assertEquals("2024-08-15T00:00:00 Year", en("parsi new year 2024")); }

  // the n-th weekday, day, week or weekend of a month or year
  @Test void italianOrdinalWeekdayOfNamedMonth() { assertEquals("2024-10-15T00:00:00 Day", it("il terzo martedì di ottobre")); }
  @Test void italianLastWeekdayOfNextMonth() { assertEquals("2024-07-26T00:00:00 Day", it("l'ultimo venerdì del mese prossimo")); }
  @Test void ordinalWeekdayOfAYear() { assertEquals("2025-01-06T00:00:00 Day", en("the first monday of 2025")); }
  // Duckling skips a week that starts before the frame: the first week of August 2024 (a Thursday) starts on the 5th
  @Test void firstWeekIsTheFirstStartingInTheFrame() { assertEquals("2024-08-05T00:00:00 Week", it("la prima settimana di agosto")); }
  @Test void lastWeekIsTheLastOneStartingInTheMonth() { assertEquals("2024-10-21T00:00:00 Week", en("the last week of october")); }
  @Test void secondDayOfAMonth() { assertEquals("2024-09-02T00:00:00 Day", it("il secondo giorno di settembre")); }
  @Test void lastWeekendOfAMonth() { assertEquals("2024-11-29T18:00:00|2024-12-02T00:00:00 Hour", it("l'ultimo weekend di novembre")); }
  @Test void quarterOfNextYear() { assertEquals("2025-04-01T00:00:00 Quarter", en("the second quarter of next year")); }
  @Test void lastMonthOfAYear() { assertEquals("2030-12-01T00:00:00 Month", it("l'ultimo mese del 2030")); }
  @Test void quarterWrittenQ() { assertEquals("2026-07-01T00:00:00 Quarter", en("Q3 2026")); }
  @Test void weekOfASundayStartsTheNextDay() { assertEquals("2024-10-07T00:00:00 Week", it("la settimana del 6 ottobre")); }
  @Test void weekOfAMonday() { assertEquals("2025-01-06T00:00:00 Week", en("the week of january 6th, 2025")); }
  @Test void weekdaySpanEndsOnTheWeekdayAfterTheStart() { assertEquals("2024-06-24T00:00:00|2024-06-29T00:00:00 Day", it("da lunedì a venerdì")); }
  @Test void dayOfNextMonth() { assertEquals("2024-07-20T00:00:00 Day", it("il 20 del mese prossimo")); }
  @Test void weekdaysAgo() { assertEquals("2024-06-07T00:00:00 Day", en("two fridays ago")); }
  @Test void primaDiIsNotTheFirstDay() { assertEquals("2025-03-01T00:00:00 Month", it("prima di marzo")); }
  @Test void afterWork() { assertEquals("2024-06-19T17:00:00|2024-06-19T21:00:00 Hour", en("after work")); }
  @Test void dopoPranzo() { assertEquals("2024-06-19T13:00:00|2024-06-19T17:00:00 Hour", it("dopo pranzo")); }
  @Test void aroundAnHour() { assertEquals("2024-06-19T15:00:00 Hour", en("around 3")); }
  @Test void fineDelMeseIsDucklingsNextMonth() { assertEquals("2024-07-01T00:00:00 Month", it("alla fine del mese")); }
  @Test void fineDellAnnoIsDucklingsNextYear() { assertEquals("2025-01-01T00:00:00 Year", it("fine dell'anno")); }
  @Test void monthAfterAHolidayOfAYear() { assertEquals("2021-01-01T00:00:00 Month", it("il mese dopo natale 2020")); }
  @Test void dayBeforeADate() { assertEquals("2024-08-14T00:00:00 Day", en("the day before august 15")); }
  @Test void nthWeekdayAfterADate() { assertEquals("2024-09-17T00:00:00 Day", en("the second tuesday after september 5")); }
  @Test void anchorWithATimeKeepsTheTime() { assertEquals("2024-06-21T17:00:00 Hour", en("the day after tomorrow at 5pm")); }
  @Test void nothingToCountFrom() { assertEquals("-", en("the week after")); }
  @Test void noFifthWeekdayInAShortMonth() { assertNotEquals("2025-03-03T00:00:00 Day", en("the fifth monday of february 2025")); }

  // a weekday of a relative week
  @Test void weekdayOfNextWeek() { assertEquals("2024-06-28T00:00:00 Day", it("il venerdì della prossima settimana")); }
  @Test void weekdayOfThisWeekMayBePast() { assertEquals("2024-06-17T00:00:00 Day", it("lunedì di questa settimana")); }

  // spans between two clock times, joined to a day
  @Test void italianClockSpanOnAWeekday() { assertEquals("2024-06-20T09:00:00|2024-06-20T12:00:00 Hour", it("dalle 9 alle 11 di giovedì")); }
  @Test void englishClockSpanOnAWeekday() { assertEquals("2024-06-24T14:00:00|2024-06-24T16:00:00 Hour", en("between 2 and 3pm on monday")); }
  @Test void clockSpanWithMinutesEndsAMinuteLater() { assertEquals("2024-06-20T08:30:00|2024-06-20T10:16:00 Minute", it("domani dalle 8:30 alle 10:15")); }
  @Test void bareClockSpanBeforeADay() { assertEquals("2024-06-21T10:00:00|2024-06-21T13:00:00 Hour", en("10 - 12 friday")); }
  @Test void spanFromMidnight() { assertEquals("2024-06-20T00:00:00|2024-06-20T04:00:00 Hour", it("dalla mezzanotte alle 3")); }

  // an hour read in a part of day
  @Test void hourOfTonight() { assertEquals("2024-06-19T21:00:00 Hour", it("9 di stasera")); }
  @Test void hourInTheMorning() { assertEquals("2024-06-19T11:00:00 Hour", en("11 in the morning")); }

  // Italian clock arithmetic, on the 24-hour clock (at 10:00, "le 4" is tomorrow's 04:00)
  @Test void hourAndAQuarter() { assertEquals("2024-06-20T04:15:00 Minute", it("le 4 e un quarto")); }
  @Test void hourMinusMinutes() { assertEquals("2024-06-20T06:40:00 Minute", it("alle sette meno venti")); }
  @Test void hourAndMinutesInWords() { assertEquals("2024-06-19T11:25:00 Minute", it("le undici e venticinque")); }
  @Test void noonAndAHalf() { assertEquals("2024-06-19T12:30:00 Minute", it("mezzogiorno e mezza")); }
  @Test void quarterToInThePm() { assertEquals("2024-06-19T20:45:00 Minute", it("le nove meno un quarto di sera")); }
  @Test void allUna() { assertEquals("2024-06-19T13:00:00 Hour", it("all'una")); }
  @Test void domattinaIsTomorrowFromFour() { assertEquals("2024-06-20T04:00:00|2024-06-20T12:00:00 Hour", it("domattina")); }

  // weekends
  @Test void thisWeekend() { assertEquals("2024-06-21T18:00:00|2024-06-24T00:00:00 Hour", it("questo fine settimana")); }
  @Test void lastWeekend() { assertEquals("2024-06-14T18:00:00|2024-06-17T00:00:00 Hour", en("last weekend")); }
  @Test void lastNight() { assertEquals("2024-06-18T18:00:00|2024-06-19T00:00:00 Hour", en("last night")); }

  // beginning, middle and end of periods (Italian)
  @Test void endOfTheMonth() { assertEquals("2024-06-21T00:00:00|2024-07-01T00:00:00 Day", it("fine mese")); }
  @Test void middleOfANamedMonth() { assertEquals("2024-09-11T00:00:00|2024-09-21T00:00:00 Day", it("a metà settembre")); }
  @Test void beginningOfNextWeek() { assertEquals("2024-06-24T00:00:00|2024-06-27T00:00:00 Day", it("all'inizio della prossima settimana")); }
  @Test void endOfAYear() { assertEquals("2026-09-01T00:00:00|2027-01-01T00:00:00 Month", it("alla fine del 2026")); }

  // centuries and the period after next
  @Test void romanCentury() { assertEquals("1900-01-01T00:00:00|2000-01-01T00:00:00 Year", it("il XX secolo")); }
  @Test void ordinalWordCentury() { assertEquals("1800-01-01T00:00:00|1900-01-01T00:00:00 Year", en("the nineteenth century")); }
  @Test void italianCenturyName() { assertEquals("1800-01-01T00:00:00|1900-01-01T00:00:00 Year", it("l'Ottocento")); }
  @Test void weekAfterNext() { assertEquals("2024-07-01T00:00:00 Week", en("the week after next")); }
  @Test void romanNumerals() {
    assertEquals(19, Grammar.roman("xix"));
    assertEquals(0, Grammar.roman("iiii"));
  }

  /** Some 50,000 characters of the layer's own compositions, read as one phrase: bounded time, no exception. */
  @Test void longCompositionsAreReadInBoundedTime() {
    List<String> texts = List.of("the day after ".repeat(3_600) + "tomorrow", "il mese dopo ".repeat(3_800) + "natale",
        "dalle 9 alle 11 di ".repeat(2_600) + "giovedì", "tra un paio di ".repeat(3_300) + "ore",
        "the first monday of the last week of ".repeat(1_300) + "march", "le tre meno un quarto e ".repeat(2_000));
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> texts.forEach(t -> {
      tagger.duckling(t, Lang.IT, REF);
      tagger.duckling(t, Lang.EN, REF);
    }));
  }

  // the layer is for whole phrases: running news text keeps its own rules
  /** In news the grammar is off: "adesso" is TimeML's present reference there, not Duckling's instant. */
  @Test void notInNewsText() {
    assertEquals(List.of("PRESENT_REF"),
        tagger.find("Ne parliamo adesso.", Lang.IT, REF).stream().map(Timex::value).toList());
  }
  // Duckling's Italian open intervals from now (round 12)
  @Test void finoAIsFromNowToTheTime() { assertEquals("2024-06-19T10:00:00|2024-06-20T00:00:00 Second", it("fino a domani")); }
  @Test void finoAllaFineDellAnnoReadsTheBoundaryAsItsEnd() {
    assertEquals("2024-06-19T10:00:00|2025-01-01T00:00:00 Second", it("fino alla fine dell'anno"));
  }
  @Test void finoAfterATimeEndsARange() { assertEquals("2024-07-03T00:00:00|2024-07-06T00:00:00 Day", it("dal 3 luglio fino al 5 luglio")); }
  @Test void entroACountIsFromNowToTheOffset() { assertEquals("2024-06-19T10:00:00|2024-06-22T10:00:00 Second", it("entro tre giorni")); }
  @Test void entroLaSettimanaEndsAtTheNextWeek() { assertEquals("2024-06-19T10:00:00|2024-06-24T00:00:00 Second", it("entro la settimana")); }
  @Test void entroIlMeseProssimoIsTheMonth() { assertEquals("2024-07-01T00:00:00 Month", it("entro il mese prossimo")); }
  @Test void theWeekendOfADayIsTheOneOfItsWeek() {
    assertEquals("2024-07-05T18:00:00|2024-07-08T00:00:00 Hour", it("il weekend del 6 luglio"));
  }
  @Test void aTightDashBetweenDayAndMonthIsADate() { assertEquals("2025-03-15T00:00:00 Day", it("15-03")); }
  @Test void theItalianMorningStartsAtFour() { assertEquals("2024-06-19T04:00:00|2024-06-19T12:00:00 Hour", it("stamattina")); }
  @Test void dalAlWithoutAMonthAreDays() { assertEquals("2024-07-03T00:00:00|2024-07-06T00:00:00 Day", it("dal 3 al 5")); }
  @Test void nextSeasonSkipsTheNearestOne() { assertEquals("2025-12-21T00:00:00|2026-03-21T00:00:00 Day", it("l'inverno prossimo")); }
  @Test void ilBeforeAYearIsTheYear() { assertEquals("2015-01-01T00:00:00 Year", it("il 2015")); }

  // round 13: English categories of Duckling's rules the shared phrases did not show
  @Test void endOfDayIsTheComingMidnight() { assertEquals("2024-06-20T00:00:00 Hour", en("end of day")); }
  @Test void eodIsTheComingMidnight() { assertEquals("2024-06-20T00:00:00 Hour", en("EOD")); }
  @Test void asapIsNow() { assertEquals("2024-06-19T10:00:00 Second", en("asap")); }
  @Test void aMonthAndYearInDigits() { assertEquals("2014-10-01T00:00:00 Month", en("10/2014")); }
  @Test void aYearAndMonthInDigits() { assertEquals("2014-10-01T00:00:00 Month", en("2014-10")); }
  @Test void byTheEndOfAMonthIsFromNowToItsEnd() {
    assertEquals("2024-06-19T10:00:00|2025-04-01T00:00:00 Second", en("by the end of march"));
  }
}
