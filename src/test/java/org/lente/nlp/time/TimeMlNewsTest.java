package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** TimeML's conventions for time expressions in news: types, durations against dates, references, sets, direction. */
class TimeMlNewsTest {
  private static final LocalDate WED = LocalDate.of(2024, 6, 19);
  private final TimeTagger tagger = new TimeTagger();

  /** Each expression found as "TYPE value [text]". */
  private List<String> tagged(String text, Lang lang, LocalDate anchor) {
    return tagger.find(text, lang, anchor).stream().map(t -> t.type() + " " + t.value() + " [" + t.text() + "]").toList();
  }

  private List<String> en(String text) { return tagged(text, Lang.EN, WED); }

  private List<String> it(String text) { return tagged(text, Lang.IT, WED); }

  // durations, not dates

  @Test void theNextYearsAreADuration() {
    assertEquals(List.of("DURATION P4Y [the next four years]"), en("The carmaker will cut 10,000 jobs over the next four years."));
  }
  @Test void thePastMonthsAreADuration() {
    assertEquals(List.of("DURATION P2M [the past two months]"), en("Prices rose 4% in the past two months."));
  }
  @Test void aFewWeeksHaveAnUnknownCount() {
    assertEquals(List.of("DURATION PXW [the past few weeks]"), en("Shares slid over the past few weeks."));
  }
  @Test void italianLastYearsAreADuration() {
    assertEquals(List.of("DURATION P3Y [negli ultimi tre anni]"), it("Il fatturato è cresciuto negli ultimi tre anni."));
  }
  @Test void withinMonthsIsADurationWithoutItsPreposition() {
    assertEquals(List.of("DURATION P18M [18 months]"), en("The plant will open within 18 months."));
  }
  @Test void theNextDecadeIsTenYears() {
    assertEquals(List.of("DURATION P10Y [the next decade]"), en("Demand will double in the next decade."));
  }
  @Test void twoDecadesAreTwentyYears() { assertEquals(List.of("DURATION P20Y [two decades]"), en("The dispute lasted two decades.")); }
  @Test void anOrdinalBeforeQuarterIsNotACount() {
    assertEquals(List.of("DATE 2024-Q1 [first-quarter]"), en("The company posted first-quarter profit."));
  }

  // anchoring at the unit's grain

  @Test void yearsAgoIsAYear() { assertEquals(List.of("DATE 2016 [eight years ago]"), en("The firm was founded eight years ago.")); }
  @Test void monthsAgoIsAMonth() { assertEquals(List.of("DATE 2024-04 [two months ago]"), en("The deal was signed two months ago.")); }
  @Test void italianYearsAgoIsAYear() { assertEquals(List.of("DATE 2016 [otto anni fa]"), it("L'azienda è nata otto anni fa.")); }
  @Test void lateMonthIsTheMonth() { assertEquals(List.of("DATE 2023-11 [late November]"), en("The talks collapsed in late November.")); }
  @Test void theEndOfAYearIsTheYear() { assertEquals(List.of("DATE 1994 [at the end of 1994]"), en("The line closed at the end of 1994.")); }

  // references to the present, the past and the future

  @Test void nowIsThePresent() { assertEquals(List.of("DATE PRESENT_REF [now]"), en("The company now employs 300 people.")); }
  @Test void currentlyIsThePresent() { assertEquals(List.of("DATE PRESENT_REF [currently]"), en("The store currently sells music.")); }
  @Test void aNowCompoundIsNotATime() { assertEquals(List.of(), en("He spoke against the now-cancelled contract.")); }
  @Test void recentlyIsThePast() { assertEquals(List.of("DATE PAST_REF [recently]"), en("The recently announced phone sold well.")); }
  @Test void thePastAloneIsThePast() { assertEquals(List.of("DATE PAST_REF [in the past]"), en("Such deals failed in the past.")); }
  @Test void theFutureIsTheFuture() { assertEquals(List.of("DATE FUTURE_REF [the future]"), en("Nobody knows what the future holds.")); }
  @Test void italianReferences() {
    assertEquals(List.of("DATE PRESENT_REF [Attualmente]", "DATE PAST_REF [in passato]"),
        it("Attualmente l'azienda vende online, in passato vendeva nei negozi."));
  }

  // sets

  @Test void everyMorningIsASetOfMornings() { assertEquals(List.of("SET XXXX-XX-XXTMO [every morning]"), en("Trains leave every morning.")); }
  @Test void annuallyIsAYearlySet() { assertEquals(List.of("SET P1Y [annually]"), en("The prize is awarded annually.")); }
  @Test void aRateIsASet() { assertEquals(List.of("SET P1Y [a year]"), en("Output will grow to 12 a year.")); }
  @Test void aRateAfterAnAmountInWordsIsASet() { assertEquals(List.of("SET P1Y [a year]"), en("It earns $4 billion a year.")); }
  @Test void aYearWithoutAnAmountIsADuration() { assertEquals(List.of("DURATION P1Y [a year]"), en("The trial lasted a year.")); }
  @Test void italianSets() {
    assertEquals(List.of("SET XXXX-XX-XXTMO [ogni mattina]", "SET P1Y [ogni anno]"), it("Il treno parte ogni mattina e il premio si assegna ogni anno."));
  }

  // decades, seasons, quarters: the direction of the tense

  @Test void aDecadeIsThreeDigits() { assertEquals(List.of("DATE 199 [the 1990s]"), en("Prices rose through the 1990s.")); }
  @Test void lastSummerBeforeItBeganIsLastYears() {
    assertEquals(List.of("DATE 2009-SU [last summer]"), tagged("Sales fell last summer.", Lang.EN, LocalDate.of(2010, 5, 5)));
  }
  @Test void lastSummerAfterItEndedIsThisYears() {
    assertEquals(List.of("DATE 2010-SU [last summer]"), tagged("Sales fell last summer.", Lang.EN, LocalDate.of(2010, 11, 10)));
  }
  @Test void italianLastSummer() {
    assertEquals(List.of("DATE 2009-SU [la scorsa estate]"), tagged("Le vendite sono calate la scorsa estate.", Lang.IT, LocalDate.of(2010, 5, 5)));
  }
  @Test void aBareSeasonInThePastTenseLooksBack() {
    assertEquals(List.of("DATE 2009-FA [the fall]"), tagged("The plant was closed in the fall.", Lang.EN, LocalDate.of(2010, 5, 5)));
  }
  @Test void aBareSeasonInTheFutureTenseLooksAhead() {
    assertEquals(List.of("DATE 2010-FA [the fall]"), tagged("The plant will open in the fall.", Lang.EN, LocalDate.of(2010, 5, 5)));
  }
  @Test void aQuarterNotYetBegunIsLastYearsInThePast() {
    assertEquals(List.of("DATE 1997-Q4 [the fourth quarter]"),
        tagged("Profit rose 10% in the fourth quarter, the company said.", Lang.EN, LocalDate.of(1998, 1, 20)));
  }
  @Test void aQuarterInTheFutureIsAhead() {
    assertEquals(List.of("DATE 2024-Q4 [the fourth quarter]"), en("The plant will open in the fourth quarter."));
  }

  @Test void aReportingVerbDoesNotSetTheTenseOfWhatItReports() {
    assertEquals(List.of("DATE 2024-12-15 [Dec. 15]"), tagged("The company said Dec. 15 is the deadline.", Lang.EN, LocalDate.of(2024, 10, 20)));
  }
  @Test void aMixedNumberIsNotADate() { assertEquals(List.of(), en("The shares closed 3 7/8 higher.")); }
  @Test void aQuarterOfSomethingIsNotASpan() { assertEquals(List.of(), en("A quarter of the votes went to him, three-quarters to her.")); }

  @Test void scheduledIsNotAPastCue() {
    assertEquals(List.of("DATE 2024-06-20 [Thursday]"), en("The vote is scheduled for Thursday."));
  }
  @Test void thisWeekendIsTheAnchorWeeks() { assertEquals(List.of("DATE 2024-W25-WE [this weekend]"), en("The story broke this weekend.")); }
  @Test void theWeekendOnAMondayIsTheOneJustOver() {
    assertEquals(List.of("DATE 2024-W24-WE [over the weekend]"), tagged("Talks go on over the weekend.", Lang.EN, LocalDate.of(2024, 6, 17)));
  }
  @Test void theWeekendInThePastLooksBack() {
    assertEquals(List.of("DATE 2024-W24-WE [the weekend]"), tagged("Talks collapsed at the weekend.", Lang.EN, LocalDate.of(2024, 6, 20)));
  }
  @Test void recentYearsAreThePast() { assertEquals(List.of("DATE PAST_REF [in recent years]"), en("Sales fell in recent years.")); }
  @Test void forYearsIsAnUncountedSpan() { assertEquals(List.of("DURATION PXY [for years]"), en("The two firms fought for years.")); }
  @Test void italianForMonthsIsAnUncountedSpan() { assertEquals(List.of("DURATION PXM [per mesi]"), it("Gli operai hanno scioperato per mesi.")); }

  @Test void manySpacesBeforeADecadeAreCrossedInLinearTime() {
    String text = "the past" + " ".repeat(50_000) + "decade";
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> en(text));
  }
}
