package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  @Test void anAdjectiveInsideACountOfUnitsKeepsTheDuration() {
    assertEquals(List.of("DURATION P8D [eight trading days]"), en("Shares fell for eight trading days."));
  }
  @Test void aFewBeforeAnAdjectiveAndAUnitIsAnUncountedDuration() {
    assertEquals(List.of("DURATION PXD [a few trading days]"), en("Shares fell for a few trading days."));
  }
  @Test void anOrdinalBeforeAnAdjectiveAndAUnitIsNoDuration() {
    assertEquals(List.of(), en("Sales fell for the third straight month."));
  }
  @Test void unitsLongIsAnUncountedDuration() {
    assertEquals(List.of("DURATION PXY [decades-long]"), en("The decades-long feud ended."));
  }
  @Test void aVagueCountJoinedToAUnitIsAnUncountedDuration() {
    assertEquals(List.of("DURATION PXY [several-year]"), en("She began a several-year tenure as editor."));
  }
  @Test void italianLastYearsAreADuration() {
    assertEquals(List.of("DURATION P3Y [negli ultimi tre anni]"), it("Il fatturato è cresciuto negli ultimi tre anni."));
  }
  @Test void withinMonthsIsADurationWithoutItsPreposition() {
    assertEquals(List.of("DURATION P18M [18 months]"), en("The plant will open within 18 months."));
  }
  @Test void italianInYearsIsADurationWithoutItsPreposition() {
    assertEquals(List.of("DURATION P2Y [due anni]"), it("Il ponte sarà pronto tra due anni."));
  }
  @Test void italianWithinMonthsIsADurationWithoutItsPreposition() {
    assertEquals(List.of("DURATION P18M [18 mesi]"), it("La fabbrica aprirà entro 18 mesi."));
  }
  @Test void theNextDecadeIsTenYears() {
    assertEquals(List.of("DURATION P10Y [the next decade]"), en("Demand will double in the next decade."));
  }
  @Test void aRangeOfCountsIsOneSpanOfTheLowerCount() {
    assertEquals(List.of("DURATION P2W [two to three weeks]"), en("The company will resume shipments within two to three weeks."));
  }
  @Test void aRangeOfCountsInDigitsIsOneSpanOfTheLowerCount() {
    assertEquals(List.of("DURATION P60D [60 to 90 days]"), en("Regulators have 60 to 90 days to review the merger."));
  }
  @Test void aHyphenatedRangeOfCountsIsOneSpanOfTheLowerCount() {
    assertEquals(List.of("DURATION P4W [4-6 weeks]"), en("The repairs are expected to take 4-6 weeks."));
  }
  @Test void countsJoinedByOrAreARange() {
    assertEquals(List.of("DURATION P2Y [two or three years]"), en("The strike could delay the model by two or three years."));
  }
  @Test void italianCountsJoinedByOAreARange() {
    assertEquals(List.of("DURATION P2W [due o tre settimane]"), it("Le consegne riprenderanno entro due o tre settimane."));
  }
  @Test void italianRangeOfCountsInDigitsIsOneSpan() {
    assertEquals(List.of("DURATION P60D [60 a 90 giorni]"), it("L'Antitrust avrà da 60 a 90 giorni per esaminare la fusione."));
  }
  @Test void aRangeOfCountsAfterTheNextIsAnUncountedStretch() {
    assertEquals(List.of("DURATION PXM [the next 12 to 18 months]"), en("The brewer plans to buy rivals during the next 12 to 18 months."));
  }
  @Test void aRangeOfCountsAfterThePastIsAnUncountedStretch() {
    assertEquals(List.of("DURATION PXY [the past two to three years]"), en("Margins have narrowed in the past two to three years."));
  }
  @Test void italianRangeOfCountsAfterProssimiIsAnUncountedStretch() {
    assertEquals(List.of("DURATION PXM [nei prossimi 12-18 mesi]"), it("Il gruppo venderà tre stabilimenti nei prossimi 12-18 mesi."));
  }
  @Test void countsJoinedByAndAfterBetweenAreARange() {
    assertEquals(List.of("DURATION P9D [9 and 10 days]"), en("The inspection of each reactor takes between 9 and 10 days."));
  }
  @Test void countsJoinedByAndWithoutBetweenAreNoRange() {
    assertEquals(List.of("DURATION P3Y [three years]"), en("The team won the title two and three years in a row."));
  }
  @Test void orSoBeforeAgoKeepsTheDateOfTheCount() {
    assertEquals(List.of("DATE 2004 [20 years or so ago]"), en("The family sold the bakery 20 years or so ago."));
  }
  @Test void orSoBeforeAgoKeepsTheDateOfADecade() {
    assertEquals(List.of("DATE 2014 [a decade or so ago]"), en("The mine shut down a decade or so ago."));
  }
  @Test void aRangeOfHoursBeforePmIsNoClockMinusMinutes() {
    assertEquals(List.of("TIME 2024-06-19T17:00 [5 p.m.]", "SET P1D [daily]"), en("The museum opens 9 to 5 p.m. daily."));
  }
  @Test void minutesToAnHourWithPmStayAClockTime() {
    assertEquals(List.of("TIME 2024-06-19T16:50 [at ten minutes to 5 pm today]"), en("Polls close at ten minutes to 5 pm today."));
  }
  @Test void aYearBeforeOrAndACountIsNoRange() {
    assertEquals(List.of("DATE 1990 [1990]", "DATE 1992 [two years later]"), en("The plant opened in 1990 or two years later."));
  }
  @Test void aFallingPairOfCountsIsNoRange() {
    assertEquals(List.of("DURATION P25D [twenty-five days]"), en("The crew worked twenty-five days in a row."));
  }
  @Test void italianYearsAndMonthsAreNoRange() {
    assertEquals(List.of("DURATION P2Y [due anni]", "DURATION P3M [tre mesi]"), it("La crisi è durata due anni e tre mesi."));
  }
  @Test void aRangeOfDaysInAMonthIsTwoDates() {
    assertEquals(List.of("DATE 2024-06-03 [June 3]", "DATE 2024-06-05 [5]"), en("The auto show ran June 3-5 in Detroit."));
  }
  @Test void aRangeOfDaysWithThroughIsTwoDates() {
    assertEquals(List.of("DATE 2024-03-03 [March 3]", "DATE 2024-03-09 [9]"), en("The strike lasted from March 3 through 9."));
  }
  @Test void aYearAfterARangeOfDaysJoinsItsSecondEnd() {
    assertEquals(List.of("DATE 2024-05-28 [May 28]", "DATE 2024-05-29 [29, 2024]"), en("The summit was held on May 28-29, 2024."));
  }
  @Test void theSecondEndOfARangeOfDaysIsInTheYearOfTheFirst() {
    assertEquals(List.of("DATE 2025-01-12 [Jan. 12]", "DATE 2025-01-15 [15]"), en("The company will hold its meeting Jan. 12 to 15."));
  }
  @Test void aRangeOfDaysWrittenDayFirstIsTwoDates() {
    assertEquals(List.of("DATE 2024-09-12 [12]", "DATE 2024-09-16 [16 September]"), en("Ministers will meet in Vienna 12-16 September."));
  }
  @Test void aRangeOfDaysDayFirstWithAYearIsTwoDatesOfThatYear() {
    assertEquals(List.of("DATE 2023-11-20 [20]", "DATE 2023-11-22 [22 November 2023]"), en("The talks took place on 20 to 22 November 2023."));
  }
  @Test void aRangeOfDaysAfterBetweenIsTwoDates() {
    assertEquals(List.of("DATE 2024-07-08 [8]", "DATE 2024-07-10 [10 July]"), en("The ballots will be counted between 8 and 10 July."));
  }
  @Test void anItalianRangeOfDaysWithDalAlIsTwoDates() {
    assertEquals(List.of("DATE 2024-10-14 [14]", "DATE 2024-10-18 [18 ottobre]"), it("Il salone dell'auto resterà aperto dal 14 al 18 ottobre."));
  }
  @Test void anItalianRangeOfDaysWithTraIsTwoDates() {
    assertEquals(List.of("DATE 2024-09-02 [il 2]", "DATE 2024-09-04 [il 4 settembre]"), it("Lo sciopero dei treni cade tra il 2 e il 4 settembre."));
  }
  @Test void aClockRangeTagsItsFirstEndInTheSecondsAfternoon() {
    assertEquals(List.of("TIME 2024-06-19T15:00 [3]", "TIME 2024-06-19T17:00 [5 pm.]"), en("The pharmacy is open from 3 to 5 pm."));
  }
  @Test void theFirstEndOfAClockRangeInUtcIsInUtc() {
    assertEquals(List.of("TIME 2024-06-21T14:00Z [2]", "TIME 2024-06-21T16:00Z [4 p.m. UTC on Friday]"),
        en("The agency will hold the briefing from 2 to 4 p.m. UTC on Friday."));
  }
  @Test void theFirstEndOfAClockRangeInAnotherZoneTakesNoUtcMark() {
    assertEquals("TIME 2024-06-21T14:00 [2]",
        en("The agency will hold the briefing from 2 to 4 p.m. EST on Friday.").get(0));
  }
  @Test void aClockRangeEndingInTheMorningKeepsItsFirstEndInTheMorning() {
    assertEquals(List.of("TIME 2024-06-19T09:00 [9]", "TIME 2024-06-19T11:00 [11 a.m.]"), en("Voters can call the hotline between 9 and 11 a.m."));
  }
  @Test void aClockRangeWithADashTagsBothEnds() {
    assertEquals(List.of("TIME 2024-06-13T14:00 [2]", "TIME 2024-06-13T16:00 [4 p.m. on Thursday]"), en("The clinic saw patients 2-4 p.m. on Thursday."));
  }
  @Test void theFirstEndOfAClockRangeIsOnTheSecondsDay() {
    assertEquals(List.of("TIME 2024-06-23T08:00 [8 a.m.]", "TIME 2024-06-23T18:00 [6 p.m. on June 23]"), en("The polls will be open from 8 a.m. to 6 p.m. on June 23."));
  }
  @Test void anItalianClockRangeWithTraIsOnTheSecondsDay() {
    assertEquals(List.of("TIME 2024-06-25T09:00 [le 9]", "TIME 2024-06-25T11:00 [le 11 di martedì]"), it("Il seggio resterà aperto tra le 9 e le 11 di martedì."));
  }
  @Test void anItalianClockRangeWithDalleIsOnTheSecondsDay() {
    assertEquals(List.of("TIME 2024-06-21T15:00 [15]", "TIME 2024-06-21T17:00 [alle 17 di venerdì]"), it("Lo sportello sarà aperto dalle 15 alle 17 di venerdì."));
  }
  @Test void anItalianClockRangeTakesTheAfternoonOfItsSecondEnd() {
    assertEquals(List.of("TIME 2024-06-19T15:00 [3]", "TIME 2024-06-19T17:00 [alle 5 del pomeriggio]"), it("La farmacia è aperta dalle 3 alle 5 del pomeriggio."));
  }
  @Test void twoItalianClockTimesWithoutDalleAreNoRange() {
    assertEquals(List.of("TIME 2024-06-19T09:00 [Alle 9]", "TIME 2024-06-19T23:00 [alle 11 di sera]"), it("Alle 9 alle 11 di sera."));
  }
  @Test void anHourAndAnotherWithPmWithoutFromAreNoRange() {
    assertEquals(List.of("TIME 2024-06-19T17:00 [5 p.m.]"), en("The museum closed 9 to 5 p.m."));
  }
  @Test void aFallingPairOfDaysBeforeAMonthIsNoRange() {
    assertEquals(List.of("DATE 2024-06-12 [June 12]"), en("The council voted 5-3 June 12 to approve the budget."));
  }
  @Test void aCountAfterADayAndToIsNoSecondEnd() {
    assertEquals(List.of("DATE 2024-06-03 [June 3]"), en("The board grew on June 3 to 15 members."));
  }
  @Test void aRangeOfPercentagesIsNoRangeOfDays() {
    assertEquals(List.of("DATE 2024-06 [June]"), en("Prices rose 3-5 percent in June."));
  }
  @Test void aRangeOfYearsWithAHyphenIsTwoYears() {
    assertEquals(List.of("DATE 2009 [2009]", "DATE 2011 [2011]"), en("Sales rose in 2009-2011."));
  }
  @Test void anItalianRangeOfYearsWithAHyphenIsTwoYears() {
    assertEquals(List.of("DATE 2025 [2025]", "DATE 2027 [2027]"), it("Il piano industriale 2025-2027 prevede tagli."));
  }
  @Test void aSecondYearOfTwoDigitsIsInTheFirstsCentury() {
    assertEquals(List.of("DATE 2019 [2019]", "DATE 2021 [21]"), en("The carmaker's 2019-21 investment plan was cut."));
  }
  @Test void anItalianSecondYearOfTwoDigitsIsInTheFirstsCentury() {
    assertEquals(List.of("DATE 2025 [2025]", "DATE 2027 [27]"), it("Il piano industriale 2025-27 prevede tagli."));
  }
  @Test void aYearAndAnEarlierMonthNumberIsNoRange() {
    assertEquals(List.of("DATE 2024 [2024]"), en("The report is filed as 2024-06 in the archive."));
  }
  @Test void aFallingPairOfYearsIsNoRange() {
    assertEquals(List.of("DATE 2011 [2011]"), en("The index stayed at 2011-1990 levels."));
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
  @Test void aQuarterSoonToBeginInTheFutureIsAhead() {
    assertEquals(List.of("DATE 2025-Q1 [the first quarter]"),
        tagged("The plant will open in the first quarter.", Lang.EN, LocalDate.of(2024, 12, 10)));
  }

  // direction learned from news (Direction): the kind of expression, the tense cue and the two readings' distances

  @Test void aQuarterToBeReportedIsTheOneJustOver() {
    assertEquals(List.of("DATE 2023-Q3 [third-quarter]"),
        tagged("The company will report third-quarter results next week.", Lang.EN, LocalDate.of(2023, 10, 20))
            .subList(0, 1));
  }
  @Test void aWeekdayIsTheOneGoneByWhenTheFutureCueIsAboutSomethingElse() {
    assertEquals(List.of("DATE 2024-07 [next month]", "DATE 2024-06-17 [Monday]"),
        en("The minister, who will step down next month, spoke to reporters on Monday."));
  }
  @Test void aMonthJustAheadIsTheComingOneWithoutATenseCue() {
    assertEquals(List.of("DATE 2025-01 [January]"), tagged("The rules take effect in January.", Lang.EN, LocalDate.of(2024, 12, 10)));
  }
  @Test void italianWeekdaysKeepTheTenseRule() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("La sentenza arriverà lunedì."));
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

  // dates told from the last date mentioned (TimeML), or from the anchor when there is none

  @Test void daysLaterCountFromTheLastDate() {
    assertEquals(List.of("DATE 2005-11-08 [November 8, 2005]", "DATE 2005-11-11 [three days later]"),
        en("The launch was set for November 8, 2005. It took place three days later."));
  }
  @Test void daysLaterWithoutAnEarlierDateCountFromTheAnchor() {
    assertEquals(List.of("DATE 2024-06-22 [three days later]"), en("The plant reopened three days later."));
  }
  @Test void aYearEarlierKeepsTheQuarterOfTheLastDate() {
    assertEquals(List.of("DATE 2024-Q3 [the third quarter]", "DATE 2023-Q3 [a year earlier]"),
        tagged("Profit rose 5% in the third quarter from a year earlier.", Lang.EN, LocalDate.of(2024, 10, 20)));
  }
  @Test void theFollowingYearIsAfterTheLastYear() {
    assertEquals(List.of("DATE 1998 [1998]", "DATE 1999 [the following year]"), en("The plant opened in 1998 and closed the following year."));
  }
  @Test void thePreviousDayIsBeforeTheLastDay() {
    assertEquals(List.of("DATE 2024-03-05 [March 5]", "DATE 2024-03-04 [the previous day]"),
        en("The vote was held on March 5. Polls had closed the previous day."));
  }
  @Test void daysLaterFromAClockTimeIsADay() {
    assertEquals(List.of("TIME 2024-06-12T18:00 [at 18:00 on June 12]", "DATE 2024-06-14 [two days later]"),
        en("The jet landed at 18:00 on June 12 and took off two days later."));
  }
  @Test void aYearEarlierThanADayIsAYear() {
    assertEquals(List.of("DATE 2023-08-12 [August 12, 2023]", "DATE 2022 [A year earlier]"),
        en("Shares fell on August 12, 2023. A year earlier they had peaked."));
  }
  @Test void aYearAgoAfterADayIsFromTheAnchor() {
    assertEquals(List.of("DATE 2024-06-03 [June 3]", "DATE 2023 [a year ago]"), en("Sales, reported on June 3, were up from a year ago."));
  }
  @Test void aYearAgoComparesWithTheQuarterUnderDiscussion() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DATE 2023-Q1 [a year ago]"),
        en("Sales in the first quarter were $2 billion, up from $1.5 billion a year ago."));
  }
  @Test void theLatestQuarterIsTheQuarterMentioned() {
    assertEquals(List.of("DATE 2023-Q4 [the fourth quarter]", "DATE 2023-Q4 [the latest quarter]"),
        en("Net income for the fourth quarter rose 5%. In the latest quarter, sales doubled."));
  }
  @Test void theLatestFiscalYearIsTheYearOver() {
    assertEquals(List.of("DATE 2023 [the latest fiscal year]"), en("The grocer had sales of $6 billion in the latest fiscal year."));
  }
  @Test void theMostRecentMonthIsTheMonthOver() {
    assertEquals(List.of("DATE 2024-05 [the most recent month]"), en("Orders for machine tools fell 4% in the most recent month."));
  }
  @Test void theQuarterWithoutAQuarterMentionedIsTheLatestOneOver() {
    assertEquals(List.of("DATE 2024-Q1 [the quarter]"), en("Sales rose 8% in the quarter."));
  }
  @Test void aYearAgoAfterAnOldDateIsFromTheAnchor() {
    assertEquals(List.of("DATE 1998 [1998]", "DATE 2023 [a year ago]"), en("The firm was founded in 1998 and listed a year ago."));
  }
  @Test void theYearAgoQuarterIsTheLastQuarterAYearBefore() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DATE 2023-Q1 [the year-ago quarter]"),
        en("Earnings in the first quarter doubled from the year-ago quarter."));
  }
  @Test void aComparisonPeriodDoesNotReplaceTheQuarterUnderDiscussion() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DATE 2023-Q1 [a year ago]", "DATE 2023-Q1 [a year earlier]"),
        en("Sales in the first quarter rose from a year ago. Margins were thinner than a year earlier."));
  }
  @Test void theYearAgoPeriodComparesWithTheFirstQuarterNamedNotALaterOne() {
    assertEquals(List.of("DATE 2024-Q1 [first-quarter]", "DATE 2023-Q4 [fourth quarter]", "DATE 2023-Q1 [the year-earlier period]"),
        en("The bakery chain posted a first-quarter gain. After a weak fourth quarter, margins beat the year-earlier period."));
  }
  @Test void theYearAgoQuarterAfterItsClosingDayIsAQuarter() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DATE 2024-03-31 [March 31]", "DATE 2023-Q1 [the year-ago quarter]"),
        en("Net rose in the first quarter ended March 31 from the year-ago quarter."));
  }
  @Test void aYearNamedBeforePeriodIsTheQuarterUnderDiscussionInThatYear() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DATE 2023-Q1 [the 2023 period]"),
        en("Orders grew in the first quarter. In the 2023 period they had fallen."));
  }
  @Test void aYearNamedBeforePeriodWithoutAQuarterIsTheYear() {
    assertEquals(List.of("DATE 2023 [the 2023 period]"), en("Orders had fallen in the 2023 period."));
  }
  @Test void aYearNamedBeforePeriodAfterMonthsOfTheYearIsTheYear() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DURATION P5M [five months]", "DATE 2023 [the 2023 period]",
        "DATE 2023 [The year-ago]"),
        en("Orders grew in the first quarter. In the first five months they beat the 2023 period. The year-ago figures were restated."));
  }
  @Test void theQuarterIsTheLastQuarterNamedEvenAfterAMonth() {
    assertEquals(List.of("DATE 2023-Q4 [the fourth quarter]", "DATE 2024-06 [this month]", "DATE 2023-Q4 [the quarter]"),
        en("Profit fell in the fourth quarter. Earlier this month the firm said it had lost money in the quarter."));
  }
  @Test void theYearIsTheAnchorsYear() {
    assertEquals(List.of("DATE 2024 [the full year]"), en("The brewer raised its forecast for the full year."));
  }
  @Test void theYearEndedOnADateIsTwelveMonths() {
    assertEquals(List.of("DURATION P1Y [the fiscal year]", "DATE 2024-03-31 [March 31]"),
        en("Sales in the fiscal year ended March 31 reached $3 billion."));
  }
  @Test void theYearOfATitleIsNoTime() {
    assertEquals(List.of(), en("She was named Farmer of the Year by the magazine."));
  }
  @Test void theYearBeforeIsNotTheAnchorsYear() {
    assertEquals(List.of(), en("Exports doubled from the year before.").stream().filter(t -> t.endsWith("[the year]")).toList());
  }
  @Test void theWeekIsAnUnnumberedWeekOfTheAnchorsYear() {
    assertEquals(List.of("DATE 2024-WXX [the week]"), en("The bond index gained 2.1% for the week."));
  }
  @Test void theWeekBeforeAPossessiveIsAnUnnumberedWeek() {
    assertEquals(List.of("DATE 2024-WXX [the week]"), en("Copper futures posted the week's biggest gain."));
  }
  @Test void theWeekEndedOnADayIsSevenDays() {
    assertEquals(List.of("DURATION P1W [the week]", "DATE 2024-06-14 [Friday]"),
        en("Mortgage applications fell 3% in the week ended Friday."));
  }
  @Test void theWeekBeforeAnEventIsNotTheAnchorsWeek() {
    assertEquals(List.of(), en("Turnout was low the week before the vote.").stream().filter(t -> t.contains("[the week")).toList());
  }
  @Test void aDayOfTheWeekIsNoWeek() {
    assertEquals(List.of("DATE 2024-06-18 [Tuesday]"), en("Tuesday is the quietest day of the week for the store."));
  }
  @Test void aQuarterAheadIsAForecastNotTheLatestQuarter() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter of 2024]", "DATE 2024-Q4 [the fourth quarter of 2024]",
        "DATE 2024-Q1 [the latest quarter]"),
        en("Profit rose in the first quarter of 2024. It sees a loss in the fourth quarter of 2024. In the latest quarter, sales rose."));
  }
  @Test void quartersCountedAsMonthsDoNotChangeThePeriodUnderDiscussion() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DURATION P6M [Over two quarters]", "DATE 2023-Q1 [the year-ago quarter]"),
        en("Profit rose in the first quarter. Over two quarters margins held, above the year-ago quarter."));
  }
  @Test void anAmountWithADecimalPointAndAnArticleIsNoClockTime() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DATE 2023-Q1 [a year earlier]"),
        en("Profit in the first quarter was 1.20 a share, up from 1.05 a share a year earlier."));
  }
  @Test void aYearBeforeAQuarterIsThatQuartersYear() {
    assertEquals(List.of("DATE 2022-Q2 [the 2022 second quarter]"), en("Revenue fell from the 2022 second quarter."));
  }
  @Test void anAgeIsNoSpanOfTime() {
    assertEquals(List.of("DURATION P3Y [three years]"), en("The 9-year-old girl and her father, 41 years old, lived there three years."));
  }
  @Test void aNumberBeforeItsNounIsNoDayOfTheMonth() {
    assertEquals(List.of("DATE 2024-06-12 [on the 12th]"),
        en("The 14 delegates of the 3rd Division met on the 12th."));
  }
  @Test void italianDaysLaterCountFromTheLastDate() {
    assertEquals(List.of("DATE 2020-03-03 [il 3 marzo 2020]", "DATE 2020-03-06 [tre giorni dopo]"),
        it("Il contratto è stato firmato il 3 marzo 2020; tre giorni dopo è stato annullato."));
  }
  @Test void italianTheFollowingYearIsAfterTheLastYear() {
    assertEquals(List.of("DATE 1998 [1998]", "DATE 1999 [l'anno successivo]"), it("L'azienda è nata nel 1998 e l'anno successivo si è quotata."));
  }

  // clock times

  @Test void aTimeAtTheHourIsWrittenWithItsMinutes() {
    assertEquals(List.of("TIME 2024-06-19T22:00 [at 10 p.m.]"), en("The polls close at 10 p.m."));
  }
  @Test void aTimeInUtcIsWrittenInUtc() {
    assertEquals(List.of("TIME 2024-06-19T18:00Z [at 18:00 UTC]"), en("The jet landed at 18:00 UTC."));
  }
  @Test void aTimeWithAGmtOffsetIsMovedToUtc() {
    assertEquals(List.of("TIME 2024-06-19T10:40Z [at 6:40 p.m. (GMT +8)]"), en("The flight left at 6:40 p.m. (GMT +8)."));
  }
  @Test void italianTimeInUtcIsWrittenInUtc() {
    assertEquals(List.of("TIME 2024-06-19T18:00Z [alle 18:00 UTC]"), it("L'aereo è atterrato alle 18:00 UTC."));
  }

  @Test void aBareClockTimeIsOnTheDayItsSentenceNamed() {
    assertEquals(List.of("DATE 2024-06-18 [Tuesday]", "TIME 2024-06-18T07:15 [at 7:15 a.m.]"),
        en("The ferry sank on Tuesday off the coast at 7:15 a.m."));
  }
  @Test void aTimeInUtcIsOnTheDayItsSentenceNamed() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]", "TIME 2024-06-17T21:30Z [at 21:30 UTC]"),
        en("The probe was launched Monday from the island at 21:30 UTC."));
  }
  @Test void aClockTimeInALaterSentenceIsOnTheLastDayMentioned() {
    assertEquals(List.of("DATE 2024-06-14 [Friday]", "TIME 2024-06-14T10:35 [10:35 a.m.]"),
        en("A bomb went off near the embassy on Friday. The blast came at about 10:35 a.m."));
  }
  @Test void aClockTimeWithoutADayBeforeItIsOnTheAnchorsDay() {
    assertEquals(List.of("TIME 2024-06-19T21:30 [at 21:30]", "DATE 2024-06-17 [Monday]"),
        en("The launch went ahead at 21:30. The probe was built on Monday."));
  }
  @Test void aZoneNameBetweenATimeAndItsDayJoinsThem() {
    assertEquals(List.of("TIME 2024-06-24T16:00 [at 4 p.m. EDT June 24]"), en("Bids will close at 4 p.m. EDT June 24."));
  }

  // the tense: auxiliaries before words in -ed

  @Test void anAuxiliaryOutweighsANearerAdjectiveInEd() {
    assertEquals(List.of("DATE 2024-10-31 [Oct. 31]"),
        tagged("The bank will buy back its preferred stock on Oct. 31.", Lang.EN, LocalDate.of(2024, 9, 2)));
  }
  @Test void anIntentionLooksAhead() {
    assertEquals(List.of("DATE 2024-06-20 [Thursday]"), en("The mayor plans to visit the flooded towns on Thursday."));
  }
  @Test void aWordInEdIsStillThePastWithoutAnAuxiliary() {
    assertEquals(List.of("DATE 2024-06-16 [Sunday]"), en("Police seized a van on Sunday."));
  }

  // words that look like units or parts of day

  @Test void aSecondBeforeANounIsAnOrdinal() { assertEquals(List.of(), en("A second tanker is heading for the port.")); }
  @Test void forASecondTermIsAnOrdinal() { assertEquals(List.of(), en("She was elected for a second term.")); }
  @Test void aSecondOrTwoIsASpan() {
    assertEquals(List.of("DURATION PT1S [for a second]"), en("The lights went out for a second or two."));
  }
  @Test void aCompoundNumberWordCountsASpan() {
    assertEquals(List.of("DURATION P40Y [forty-year]"), en("The bridge has a forty-year design life."));
  }
  @Test void nightIsTimeMlsNightCode() {
    assertEquals(List.of("TIME 2024-06-14TNI [Friday night]"), en("Crowds gathered in the square on Friday night."));
  }

  @Test void italianNumberWordBeforeANounIsNotAnHour() { assertEquals(List.of(), it("Le due aziende hanno firmato l'accordo.")); }
  @Test void englishNumberWordBeforeANounIsNotAnHour() { assertEquals(List.of(), en("Jobs will go at two plants in Ohio.")); }
  @Test void italianNumberWordBeforeAPartOfDayIsAnHour() {
    assertEquals(List.of("TIME 2024-06-19T15:00 [alle tre del pomeriggio]"), it("Il vertice è fissato alle tre del pomeriggio."));
  }

  // Italian seasons and holidays in running text

  @Test void italianSeasonWithItsModifierAfter() {
    // in February the winter under way has begun but is not over: the last one is the one before
    assertEquals(List.of("DATE 2022-WI [l'inverno scorso]"),
        tagged("Le vendite sono calate l'inverno scorso.", Lang.IT, LocalDate.of(2024, 2, 10)));
  }
  @Test void theDeadAreNotAllSoulsDay() { assertEquals(List.of(), it("I morti sono dodici, i feriti trenta.")); }
  @Test void aHiringIsNotTheAssumption() { assertEquals(List.of(), it("L'assunzione di venti operai è stata firmata.")); }
  @Test void aHolidayInThePastTenseIsTheLastOne() {
    assertEquals(List.of("DATE 2023-11-02 [giorno dei morti]"), it("Il cimitero è stato chiuso il giorno dei morti."));
  }
  @Test void aTimeInUtcJoinsTheDayAfterIt() {
    assertEquals(List.of("TIME 2024-06-17T18:00Z [at 18:00 UTC on Monday]"), en("The probe lifted off at 18:00 UTC on Monday."));
  }

  // counts with a half, vague stretches ahead, decades and years in words, halves of a year, noon on a day

  @Test void aCountAndAHalfIsAFractionalDuration() {
    assertEquals(List.of("DURATION P2.5Y [two and a half years]"), en("The refit took two and a half years."));
  }
  @Test void aUnitAndAHalfIsAFractionalDuration() {
    assertEquals(List.of("DURATION PT1.5H [an hour and a half]"), en("The hearing lasted an hour and a half."));
  }
  @Test void aCountWithASlashHalfIsAFractionalDuration() {
    assertEquals(List.of("DURATION P3.5M [3 1/2 months]"), en("The strike went on for 3 1/2 months."));
  }
  @Test void italianCountAndAHalfIsAFractionalDuration() {
    assertEquals(List.of("DURATION P1.5Y [un anno e mezzo]"), it("Il cantiere è rimasto chiuso per un anno e mezzo."));
  }
  @Test void theComingMonthsAreTheFuture() {
    assertEquals(List.of("DATE FUTURE_REF [in the coming months]"), en("Rates will fall in the coming months."));
  }
  @Test void aBareLowerCaseFallIsTheVerb() { assertEquals(List.of(), en("Analysts say rates could fall further.")); }
  @Test void fallWithAModifierIsTheSeason() { assertEquals(List.of("DATE 2023-FA [last fall]"), en("The plant closed last fall.")); }
  @Test void theNearTermIsTheFuture() {
    assertEquals(List.of("DATE FUTURE_REF [in the near term]"), en("Margins should stay thin in the near term."));
  }
  @Test void italianNextMonthsWithoutACountAreTheFuture() {
    assertEquals(List.of("DATE FUTURE_REF [nei prossimi mesi]"), it("I tassi scenderanno nei prossimi mesi."));
  }  @Test void anItalianLastWeekIsTheWeekBeforeAsInEnglish() {
    assertEquals(List.of("DATE 2024-W24 [nell'ultima settimana]"), it("Il prezzo del gas è salito nell'ultima settimana."));
  }
  @Test void anItalianLastMonthIsTheMonthBefore() {
    assertEquals(List.of("DATE 2024-05 [nell'ultimo mese]"), it("Le vendite sono calate nell'ultimo mese."));
  }
  @Test void anItalianLastYearOfSomethingIsNoDate() {
    assertEquals(List.of(), it("È stato l'ultimo anno del suo mandato."));
  }
  @Test void theLastYearOfSomethingIsNoDate() {
    assertEquals(List.of(), en("It was the last year of his term."));
  }
  @Test void italianRecentWeeksAreThePast() {
    assertEquals(List.of("DATE PAST_REF [nelle ultime settimane]"), it("Le borse hanno perso molto nelle ultime settimane."));
  }
  @Test void italianComingDaysAreTheFuture() {
    assertEquals(List.of("DATE FUTURE_REF [nei prossimi giorni]"), it("Il governo deciderà nei prossimi giorni."));
  }
  @Test void theLastDaysOfAMonthAreNoStretchBeforeTheAnchor() {
    assertEquals(List.of("DATE 2024-05 [maggio]"), it("I prezzi sono saliti negli ultimi giorni di maggio."));
  }

  @Test void italianShortTermIsTheFuture() {
    assertEquals(List.of("DATE FUTURE_REF [nel breve termine]"), it("I margini resteranno bassi nel breve termine."));
  }
  @Test void aDecadeInWordsIsADecade() { assertEquals(List.of("DATE 197 [the seventies]"), en("The mill closed in the seventies.")); }
  @Test void aDecadeWithAnApostropheIsADecade() { assertEquals(List.of("DATE 198 [the early '80s]"), en("It opened in the early '80s.")); }
  @Test void anAgeInTensIsNoDecade() { assertEquals(List.of(), en("The suspect is in his forties.")); }
  @Test void italianDecadeInWordsIsADecade() {
    assertEquals(List.of("DATE 196 [Negli anni Sessanta]"), it("Negli anni Sessanta la fabbrica dava lavoro a mille persone."));
  }
  @Test void aYearInWordsIsThatYear() {
    assertEquals(List.of("DATE 1987 [nineteen eighty-seven]"), en("He moved to Boston in nineteen eighty-seven."));
  }
  @Test void theYearTwoThousandIsAYear() {
    assertEquals(List.of("DATE 2000 [the year two thousand]"), en("The bridge was rebuilt before the year two thousand."));
  }
  @Test void aHalfOfAYearIsItsHalf() {
    assertEquals(List.of("DATE 2023-H2 [the second half of 2023]"), en("Sales slowed in the second half of 2023."));
  }
  @Test void italianSemesterIsAHalfYear() {
    assertEquals(List.of("DATE 2023-H1 [nel primo semestre 2023]"), it("Le vendite sono salite nel primo semestre 2023."));
  }
  @Test void theCurrentFiscalYearIsTheAnchorYear() {
    assertEquals(List.of("DATE 2024 [the current fiscal year]"), en("The company expects a loss for the current fiscal year."));
  }
  @Test void noonBeforeAWeekdayIsThatDaysNoon() {
    assertEquals(List.of("TIME 2024-06-17T12:00 [at noon Monday]"), en("The talks began at noon Monday."));
  }
  @Test void aWeekdayJustAheadInASentenceOfPlansIsTheOneAhead() {
    assertEquals(List.of("DATE 2024-06-22 [Saturday]"), tagged("Unions planned a rally on Saturday.", Lang.EN, LocalDate.of(2024, 6, 21)));
  }
  @Test void aWeekdayJustAheadInThePastIsTheOneGoneBy() {
    assertEquals(List.of("DATE 2024-06-15 [Saturday]"), tagged("Unions held a rally on Saturday.", Lang.EN, LocalDate.of(2024, 6, 21)));
  }
  @Test void aWeekdayInReportedFutureIsTheOneAhead() {
    assertEquals(List.of("DATE 2024-06-21 [Friday]"), en("The minister would fly to Rome on Friday, his office said."));
  }
  @Test void aWeekdayInThePastIsTheOneGoneBy() {
    assertEquals(List.of("DATE 2024-06-15 [Saturday]"), en("Unions held a rally on Saturday."));
  }
  @Test void aLowerCaseMarchIsNoMonth() { assertEquals(List.of(), en("Thousands joined the march.")); }

  // numbers that are amounts or ordinals, not times (round 7)

  @Test void anHourInDigitsBeforeANounIsACount() { assertEquals(List.of(), en("The stock traded at 20 million shares.")); }
  @Test void anItalianHourInDigitsBeforeANounIsACount() { assertEquals(List.of(), it("Le 3 società hanno firmato.")); }
  @Test void aShareFractionIsNoDate() { assertEquals(List.of(), en("Intel eased 1/8 to 31.")); }
  @Test void anOrdinalAfterTheAloneIsNoDay() { assertEquals(List.of(), en("The rival airlines were the first.")); }

  // (this) coming weekday, years ago, year-end (round 7)

  @Test void thisComingWeekdayIsTheFirstAhead() {
    assertEquals(List.of("DATE 2024-06-23 [this coming Sunday]"), en("The vote is this coming Sunday."));
  }
  @Test void manyYearsAgoIsAYearEvenAfterAQuarter() {
    assertEquals(List.of("DATE 2024-Q1 [the first quarter]", "DATE 1983 [41 years ago]"),
        en("Sales in the first quarter rose. The firm was founded 41 years ago."));
  }
  @Test void yearEndIsTheAnchorsYear() { assertEquals(List.of("DATE 2024 [year-end]"), en("The merger should close by year-end.")); }
  @Test void aYearBeforeYearEndIsThatYear() {
    assertEquals(List.of("DATE 2021 [2021 year-end]"), en("The index has risen 12% since the 2021 year-end."));
  }

  @Test void aDateBeforeAColonIsOneDate() {
    assertEquals(List.of("DATE 2024-06-17 [Monday, June 17]"), en("The paper said in an editorial on Monday, June 17: enough."));
  }
  @Test void aBareHolidayGoneByIsTheLastOne() {
    assertEquals(List.of("DATE 2023-11-23 [Thanksgiving Day]"), tagged("He was rescued on Thanksgiving Day.", Lang.EN, LocalDate.of(2024, 1, 10)));
  }
  @Test void chineseNewYearInNewsIsADay() {
    assertEquals(List.of("DATE 2024-02-10 [Chinese New Year]"), en("Factories in Guangdong closed for Chinese New Year."));
  }
  @Test void aFewUnitsAreUncounted() { assertEquals(List.of("DURATION PTXM [a few minutes]"), en("The speech lasted a few minutes.")); }

  @Test void aMonthBeforeThisYearIsOneDate() {
    assertEquals(List.of("DATE 2024-02 [February this year]"), en("The talks began in February this year."));
  }
  @Test void aMonthBeforeNextYearIsInNextYear() {
    assertEquals(List.of("DATE 2025-04 [April next year]"), en("The new members will join in April next year."));
  }
  @Test void aDayOfAMonthBeforeLastYearIsInLastYear() {
    assertEquals(List.of("DATE 2023-03-02 [March 2 last year]"), en("The bridge closed on March 2 last year."));
  }
  @Test void anItalianMonthOfNextYearIsInNextYear() {
    assertEquals(List.of("DATE 2025-04 [aprile dell'anno prossimo]"), it("Il cantiere aprirà ad aprile dell'anno prossimo."));
  }
  @Test void anItalianMonthOfThisYearIsOneDate() {
    assertEquals(List.of("DATE 2024-02 [febbraio di quest'anno]"), it("Il cantiere ha aperto a febbraio di quest'anno."));
  }
  @Test void aWeekdayBeforeThisYearStaysAWeekday() {
    assertEquals("DATE 2024-06-18 [Tuesday]", en("The board met on Tuesday; this year it met twice.").get(0));
  }
  @Test void lastNightIsTheNightBeforeTheAnchor() {
    assertEquals(List.of("TIME 2024-06-18TNI [last night]"), en("The council voted last night."));
  }
  @Test void aClockTimeLastNightIsOnTheDayBefore() {
    assertEquals(List.of("TIME 2024-06-18T22:00 [at 10 p.m. last night]"), en("The council voted at 10 p.m. last night."));
  }
  @Test void aDecadeAgoIsAYear() { assertEquals(List.of("DATE 2014 [a decade ago]"), en("The plant closed a decade ago.")); }
  @Test void decadesAgoIsThePast() { assertEquals(List.of("DATE PAST_REF [decades ago]"), en("The plant closed decades ago.")); }
  @Test void anItalianDecadeAgoIsAYear() {
    assertEquals(List.of("DATE 2004 [due decenni fa]"), it("La fabbrica ha chiuso due decenni fa."));
  }
  @Test void theWeekOfADayIsTheWeekHoldingIt() {
    assertEquals(List.of("DATE 2024-W27 [the week of July 4]"), en("The results will be out the week of July 4."));
  }
  @Test void theWeekOfADayWithAYearIsTheWeekHoldingIt() {
    assertEquals(List.of("DATE 2023-W02 [the week of Jan. 15, 2023]"), en("The talks began in the week of Jan. 15, 2023."));
  }
  @Test void theItalianWeekOfADayIsTheWeekHoldingIt() {
    assertEquals(List.of("DATE 2024-W27 [nella settimana del 4 luglio]"), it("Il voto si terrà nella settimana del 4 luglio."));
  }

  // round 9

  @Test void electionDayIsTheNextUsElection() {
    assertEquals(List.of("DATE 2024-11-05 [Election Day]"), en("Voters will choose a new governor on Election Day."));
  }
  @Test void aLowerCaseElectionDayIsNoHoliday() { assertEquals(List.of(), en("The party lost heavily on election day.")); }
  @Test void thePreviousWeekdayIsToldFromTheLastDayMentioned() {
    assertEquals(List.of("DATE 2024-06-14 [Friday]", "DATE 2024-06-07 [the previous Friday]"),
        en("Shares closed lower on Friday, down 4% from the previous Friday."));
  }
  @Test void theFollowingWeekdayIsToldFromTheLastDayMentioned() {
    assertEquals(List.of("DATE 2024-03-04 [March 4, 2024]", "DATE 2024-03-11 [the following Monday]"),
        en("The talks opened on March 4, 2024, and closed the following Monday."));
  }
  @Test void thePreviousWeekdayWithoutADayBeforeIsTheLastOne() {
    assertEquals(List.of("DATE 2024-06-14 [the previous Friday]"), en("The index fell 2% from the previous Friday."));
  }
  @Test void theItalianFollowingWeekdayIsToldFromTheLastDayMentioned() {
    assertEquals(List.of("DATE 2024-03-04 [il 4 marzo 2024]", "DATE 2024-03-08 [il venerdì successivo]"),
        it("Il consiglio si è riunito il 4 marzo 2024 e ha votato il venerdì successivo."));
  }
  @Test void aQuarterUnderWayIsNotTheQuarterReported() {
    assertEquals(List.of("DATE 2024-Q4 [fourth-quarter]", "DATE 2024-Q3 [the latest quarter]"),
        tagged("The storm will bring a fourth-quarter charge. Profit fell 5% in the latest quarter.", Lang.EN, LocalDate.of(2024, 10, 30)));
  }

  // round 11

  @Test void aRangeOfDaysIsTwoDates() {
    assertEquals(List.of("DATE 2024-03-03 [March 3, 2024]", "DATE 2024-03-09 [March 9, 2024]"),
        en("The strike lasted from March 3, 2024 to March 9, 2024."));
  }
  @Test void anItalianRangeOfDaysIsTwoDates() {
    assertEquals(List.of("DATE 2024-03-03 [3 marzo 2024]", "DATE 2024-03-09 [9 marzo 2024]"),
        it("La mostra è rimasta aperta dal 3 marzo 2024 al 9 marzo 2024."));
  }
  @Test void aYearThroughADayIsTwoDates() {
    assertEquals(List.of("DATE 2024 [2024]", "DATE 2024-06-14 [June 14]"), en("Sales rose 5% in 2024 through June 14."));
  }
  @Test void laterThatYearIsTheYearOfTheLastDate() {
    assertEquals(List.of("DATE 1998-06 [June 1998]", "DATE 1998 [later that year]"),
        en("He fled to Florida in June 1998 and returned to Cuba later that year."));
  }
  @Test void earlierThatDayIsTheLastDay() {
    assertEquals(List.of("DATE 2024-03-04 [March 4, 2024]", "DATE 2024-03-04 [Earlier that day]"),
        en("The plant closed on March 4, 2024. Earlier that day, workers had walked out."));
  }
  @Test void thatDayAfterALongerPeriodIsNoDate() {
    assertEquals(List.of("DATE 1987 [1987]"), en("Since the 1987 crash, dealers lose money on trades made that day."));
  }
  @Test void thatDayWithoutADateIsNoDate() { assertEquals(List.of(), en("Dealers lose money on trades made that day.")); }
  @Test void theItalianSameDayIsTheLastDay() {
    assertEquals(List.of("DATE 2024-03-04 [il 4 marzo 2024]", "DATE 2024-03-04 [quello stesso giorno]"),
        it("La fabbrica ha chiuso il 4 marzo 2024 e quello stesso giorno gli operai hanno scioperato."));
  }
  @Test void aYearAfterAPrefixIsTheYear() {
    assertEquals(List.of("DATE 1996 [mid-1996]"), en("The group began to fall apart in mid-1996."));
  }
  @Test void everyQuarterIsASet() { assertEquals(List.of("SET P1Q [every quarter]"), en("The bank pays a dividend every quarter.")); }

  // round 13: rules outside the direction model

  @Test void aDayAfterByIsTheDeadlineAhead() {
    assertEquals(List.of("DATE 2025-06-03 [June 3]"), en("The company must file its plan by June 3."));
  }
  @Test void aWeekdayAfterUntilAndAClockTimeIsTheDeadlineAhead() {
    assertEquals(List.of("TIME 2024-06-24T09:00 [9 a.m. Monday]"), en("The union has until 9 a.m. Monday to accept the offer."));
  }
  @Test void aMonthAfterEffectiveIsAhead() {
    assertEquals(List.of("DATE 2025-03 [March]"), en("The new fares apply effective March."));
  }
  @Test void aDeadlineInAPastSentenceIsLeftToTheModel() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("The rebels had until Monday to lay down their arms."));
  }
  @Test void byBeforeAPossessiveIsNoDeadline() {
    assertEquals(List.of("DATE 2024-06-14 [Friday]"), en("Traders are wary, shaken by Friday's sell-off."));
  }
  @Test void anAmountAfterByIsNoClockBeforeADeadline() {
    assertEquals(List.of("DATE 2024-03 [March]"), en("Sales rose by 5 in March."));
  }
  @Test void aWeekdayAfterWillInItsClauseIsAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("The ministers will meet again on Monday."));
  }
  @Test void theDotsOfAClockTimeDoNotCutAFutureClause() {
    assertEquals(List.of("TIME 2024-06-24T04:00 [at 4 a.m. EDT Monday]"), en("The convoy will leave at 4 a.m. EDT Monday."));
  }
  @Test void aKnownAbbreviationsDotDoesNotCutAFutureClause() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("The board will meet Acme Corp. on Monday."));
  }
  @Test void aMonthAfterWillInItsClauseIsAhead() {
    assertEquals(List.of("DATE 2024-12 [December]"), en("The crew will fly a mission in December."));
  }
  @Test void aWeekdayOfASaidBeforeWillIsLeftToTheModel() {
    assertEquals(List.of("DATE 2024-06-14 [Friday]"), en("The company said Friday it will cut 500 jobs."));
  }
  @Test void aWeekdayOfAnotherVerbAfterWillIsLeftToTheModel() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("The firm will replace the plant that closed on Monday."));
  }
  @Test void aFutureAuxiliaryInAnotherClauseDoesNotDecide() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("Under the plan, which will take effect soon, prices rose on Monday."));
  }
  @Test void theNounWillIsNoFutureAuxiliary() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("Voters made their will clear on Monday."));
  }
  @Test void aQuarterAfterWillIsLeftToTheModel() {
    assertEquals(List.of("DATE 2024-Q3 [third-quarter]"),
        tagged("The company will report third-quarter results.", Lang.EN, LocalDate.of(2024, 10, 23)));
  }

  // round 15: names headed by a time word, a month or season of every year, the day an event has reached

  @Test void aMonthHeadingANameIsNoDate() {
    assertEquals(List.of(), en("Agents scanned the crowd at the annual March for Life on Capitol Hill."));
  }
  @Test void aSeasonHeadingANameInQuotesIsNoDate() {
    assertEquals(List.of("DATE 1992 [1992]"), en("The group started a series of ``Spring of Life'' demonstrations in 1992."));
  }
  @Test void thisWeekHeadingAShowsNameIsNoDate() {
    assertEquals(List.of(), en("Baker said on ABC-TV's \"This Week With David Brinkley\" that the resolutions stand."));
  }
  @Test void aWeekdayBeforeForAndAPlaceStaysADay() {
    assertEquals(List.of("DATE 2024-06-20 [Thursday]"), en("The team will leave Nairobi on Thursday for Dar es Salaam."));
  }
  @Test void aMonthBeforeOfAndALowerCaseWordStaysADate() {
    assertEquals(List.of("DATE 2024-03 [March]"), en("Sales rose in March for the third month in a row."));
  }
  @Test void eachMonthIsAMonthOfEveryYear() {
    assertEquals(List.of("SET XXXX-07 [each July]"), en("Orangemen march each July through the town."));
  }
  @Test void everySeasonIsASeasonOfEveryYear() {
    assertEquals(List.of("SET XXXX-SU [every summer]"), en("The festival returns every summer."));
  }
  @Test void theOrdinalDayOfAnEventToldInThePresentIsTheAnchorsDay() {
    assertEquals(List.of("DATE 2024-06-19 [the second day]"), en("It's the second day of an offensive by the security forces."));
  }
  @Test void theOrdinalDayOfAnEventToldInThePastIsNoDate() {
    assertEquals(List.of(), en("It was the third day of talks between the two sides."));
  }
  @Test void aPartOfDayInAGreetingIsNoTime() {
    assertEquals(List.of(), en("Good evening from the central park in downtown Havana."));
  }
  @Test void thePeriodAYearAgoIsTheYearAgoPeriod() {
    assertEquals(List.of("DATE 2024-Q3 [the third quarter]", "DATE 2023-Q3 [the quarter a year ago]"),
        tagged("The thrift lost $226 million in the third quarter. For the quarter a year ago, it earned $16 million.",
            Lang.EN, LocalDate.of(2024, 10, 23)));
  }
  @Test void anOrdinalCenturyIsTheTwoDigitsItsYearsBeginWith() {
    assertEquals(List.of("DATE 10 [11th century]"), en("Mines were cleared near Angkor Wat, the fabled 11th century temple."));
  }
  @Test void aCountWithMoreBeforeItsUnitIsADuration() {
    assertEquals(List.of("DURATION P20Y [20 more years]"), en("Russia may use the naval base for at least 20 more years."));
  }
  @Test void aQuarterCenturyIsNoCentury() {
    assertEquals(List.of(), en("The rate stayed just above its quarter-century low."));
  }
  @Test void aMonthOfAYearIsThatMonth() {
    assertEquals(List.of("DATE 1998-03 [March of 1998]"), en("The plant closed in March of 1998."));
  }
  @Test void aSeasonOfAYearIsThatSeason() {
    assertEquals(List.of("DATE 1998-SP [the spring of 1998]"), en("The plant closed in the spring of 1998."));
  }
  @Test void aSeasonBeforeAYearIsThatSeason() {
    assertEquals(List.of("DATE 2009-SU [summer 2009]"), en("The plant will close after summer 2009."));
  }
  @Test void halfAUnitIsTheFractionOfTheUnit() {
    assertEquals(List.of("DURATION PT0.5H [half an hour]"), en("The rescuers waited half an hour."));
  }
  @Test void aCountWithThousandsSeparatorsIsTheWholeCount() {
    assertEquals(List.of("DURATION P2000Y [2,000 years]"), en("The families kept the secret for 2,000 years."));
  }

  // spans read by probing ordinary news sentences (round 16)

  @Test void theComingDaysAreTheFuture() {
    assertEquals(List.of("DATE FUTURE_REF [in the coming days]"), en("Officials expect more arrests in the coming days."));
  }
  @Test void theWeeksAheadAreAnUncountedDuration() {
    assertEquals(List.of("DURATION PXW [the weeks ahead]"), en("Traders will watch the central bank in the weeks ahead."));
  }
  @Test void aDecadeAndAHalfIsFifteenYears() {
    assertEquals(List.of("DURATION P15Y [a decade and a half]"), en("The civil war lasted a decade and a half."));
  }
  @Test void aCountAndAHalfOfCenturiesIsInYears() {
    assertEquals(List.of("DURATION P150Y [a century and a half]"), en("The dynasty ruled for a century and a half."));
  }
  @Test void halfACenturyIsFiftyYears() {
    assertEquals(List.of("DURATION P50Y [half a century]"), en("The rebels fought the army for half a century."));
  }
  @Test void aQuarterOfACenturyIsTwentyFiveYears() {
    assertEquals(List.of("DURATION P25Y [a quarter of a century]"), en("He ran the agency for a quarter of a century."));
  }
  @Test void aQuarterCenturyAsAModifierWithoutAnArticleIsNoDuration() {
    assertEquals(List.of(), en("Unemployment stayed a notch above its quarter-century low."));
  }
  @Test void aFortnightIsTwoWeeks() {
    assertEquals(List.of("DURATION P2W [a fortnight]"), en("The opposition leader was jailed for a fortnight."));
  }
  @Test void thePastFortnightIsTwoWeeks() {
    assertEquals(List.of("DURATION P2W [the past fortnight]"), en("Shares have slid over the past fortnight."));
  }
  @Test void aCountOfThousandsInWordsIsTheWholeCount() {
    assertEquals(List.of("DURATION P2000Y [two thousand years]"), en("The city has stood for two thousand years."));
  }
  @Test void aCoupleOfUnitsIsTwo() {
    assertEquals(List.of("DURATION P2Y [the past couple of years]"), en("He has led the party for the past couple of years."));
  }
  @Test void aCoupleOfUnitsAgoIsNoDuration() {
    assertEquals(List.of(), en("He was elected a couple of years ago."));
  }
  @Test void aRateAfterTwiceIsASet() {
    assertEquals(List.of("SET P1W [a week]"), en("The council meets twice a week."));
  }
  @Test void theEndOfTheMonthIsTheMonth() {
    assertEquals(List.of("DATE 2024-06 [at the end of the month]"), en("The bonds mature at the end of the month."));
  }
  @Test void theBeginningOfNextWeekIsTheWeek() {
    assertEquals(List.of("DATE 2024-W26 [at the beginning of next week]"), en("The talks resume at the beginning of next week."));
  }
  @Test void aSeasonOfLastYearIsThatSeason() {
    assertEquals(List.of("DATE 2023-SP [the spring of last year]"), en("Prices rose in the spring of last year."));
  }
  @Test void aQuarterOfNextYearIsThatQuarter() {
    assertEquals(List.of("DATE 2025-Q1 [the first quarter of next year]"), en("Sales will rise in the first quarter of next year."));
  }
  @Test void aHalfOfTheYearIsTheAnchorsHalf() {
    assertEquals(List.of("DATE 2024-H1 [the first half of the year]"), en("Profit fell in the first half of the year."));
  }
  @Test void aDayWordAfterAnAcronymIsAName() {
    assertEquals(List.of(), en("He told USA Today that prices rose."));
  }
  @Test void aDayWordAfterAnAcronymInLowerCaseStaysADay() {
    assertEquals(List.of("DATE 2024-06-19 [today]"), en("NATO met today."));
  }
  @Test void aQuarterOfAFiscalYearIsThatYearsQuarter() {
    assertEquals(List.of("DATE 1990-Q2 [the second quarter of fiscal 1990]"), en("Profit will rise in the second quarter of fiscal 1990."));
  }
  @Test void theNextMorningIsOnTheDayAfterTheLastDayMentioned() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]", "TIME 2024-06-18TMO [the next morning]"),
        en("He was arrested on Monday and appeared in court the next morning."));
  }
  @Test void thatEveningIsOnTheLastDayMentioned() {
    assertEquals(List.of("DATE 2024-06-14 [Friday]", "TIME 2024-06-14TEV [that evening]"),
        en("A bomb exploded on Friday. Police arrived that evening."));
  }
  @Test void theNextMorningAfterAMonthIsTheAnchorsNextMorning() {
    assertEquals(List.of("DATE 2024-03 [March]", "TIME 2024-06-20TMO [The next morning]"),
        en("In March, the rebels attacked. The next morning, the streets were quiet."));
  }
  @Test void uncountedUnitsAgoAreThePast() {
    assertEquals(List.of("DATE PAST_REF [centuries ago]"), en("The town was founded centuries ago."));
  }
  @Test void aVagueCountOfUnitsAgoIsNoPastReference() {
    assertEquals(List.of("DURATION PXY [Several years]"), en("Several years ago, the bank raised rates."));
  }
  @Test void centuriesAgoIsAYear() {
    assertEquals(List.of("DATE 1824 [two centuries ago]"), en("The temple was built two centuries ago."));
  }
  @Test void halfACenturyAgoIsAYear() {
    assertEquals(List.of("DATE 1974 [half a century ago]"), en("The war ended half a century ago."));
  }
  @Test void everyOtherWeekIsASetOfTwoWeeks() {
    assertEquals(List.of("SET P2W [every other week]"), en("The paper is published every other week."));
  }
  @Test void everyCountOfUnitsIsASet() {
    assertEquals(List.of("SET PT15M [every 15 minutes]"), en("Trains run every 15 minutes."));
  }
  @Test void biweeklyIsASetOfTwoWeeks() {
    assertEquals(List.of("SET P2W [biweekly]"), en("The magazine appears biweekly."));
  }
  @Test void everyCountOfOtherThingsIsNoSet() {
    assertEquals(List.of(), en("He gets two shares for every five shares held."));
  }
  @Test void aCountOfUnitsTimeAfterInIsADateAhead() {
    assertEquals(List.of("DATE 2024-W27 [two weeks' time]"), en("The plant will reopen in two weeks' time."));
  }
  @Test void aCountOfUnitsTimeWithoutInStaysASpan() {
    assertEquals(List.of("DURATION P2W [two weeks]"), en("It took two weeks' time to fix."));
  }
  @Test void centuriesAgoBeforeTheCommonEraAreNoDate() {
    assertEquals(List.of(), en("That was 1000000000000 centuries ago."));
  }

  // markets and car makers: figures that are no clock times

  @Test void aNumberWithAThousandsGroupAfterAtIsNoClockTime() {
    assertEquals(List.of("DATE 2024-06-14 [Friday]"), en("The Dow closed at 8,451 on Friday."));
  }
  @Test void aDottedNumberAfterAtIsAPriceNotAClockTime() {
    assertEquals(List.of(), en("Ford shares closed at 5.12, down 3 percent."));
  }
  @Test void aDottedRateAfterAtIsNoClockTime() {
    assertEquals(List.of(), en("The yield on the note stood at 3.45 percent."));
  }
  @Test void aDottedClockTimeBeforeAZoneStaysATime() {
    assertEquals(List.of("TIME 2024-06-19T09:30Z [at 9.30 GMT]"), en("Trading resumed at 9.30 GMT."));
  }
  @Test void aDottedClockTimeInThePartOfADayStaysATime() {
    assertEquals(List.of("TIME 2024-06-19T07:15 [at 7.15 in the morning]"), en("The strike began at 7.15 in the morning."));
  }
  @Test void anItalianDayBeforeAPercentIsNoDate() {
    assertEquals(List.of(), it("Il titolo ha perso il 5 per cento."));
  }
  @Test void anItalianDayAndMonthBeforeScorsoIsTheLastBeforeTheAnchor() {
    assertEquals(List.of("DATE 2023-06-30 [Il 30 giugno scorso]"), it("Il 30 giugno scorso Fiat ha firmato l'accordo."));
  }
  @Test void anItalianDayAndMonthBeforeProssimoIsTheNextAfterTheAnchor() {
    assertEquals(List.of("DATE 2025-06-10 [il 10 giugno prossimo]"), it("L'assemblea si terrà il 10 giugno prossimo."));
  }
  @Test void anItalianFutureWithAShortenedStemPutsABareDateAhead() {
    assertEquals(List.of("DATE 2025-06-05 [il 5 giugno]"), it("Il vertice si terrà il 5 giugno a Roma."));
  }
  @Test void anItalianFutureOfAvereAndPoterePutsABareMonthAhead() {
    assertEquals(List.of("DATE 2025-03 [marzo]", "DATE 2025-05 [maggio]"),
        it("L'azienda avrà i conti a marzo. I lavori potranno ripartire a maggio."));
  }
  @Test void anItalianWordEndingLikeAFutureIsNoFutureCue() {
    assertEquals(List.of("DATE 2024-03 [marzo]"), it("Le vendite sono calate nel caso estremo a marzo."));
  }
  @Test void aQuarterNamedByAMonthIsTheQuarterHoldingIt() {
    assertEquals(List.of("DATE 2024-Q1 [the March quarter]"), en("Apple's sales rose in the March quarter."));
  }
  @Test void aQuarterOfOtherThingsIsNoQuarter() {
    assertEquals(List.of(), en("Rates fell a quarter of a point."));
  }
  @Test void aHalfAsAModifierIsThatHalfOfTheYear() {
    assertEquals(List.of("DATE 2024-H1 [First-half]"), en("First-half profit rose 10 percent."));
  }
  @Test void theFirstHalfAloneIsNoHalfOfTheYear() {
    assertEquals(List.of(), en("The team scored twice in the first half."));
  }
  @Test void anItalianSemesterWithoutAYearIsThatHalfOfTheYear() {
    assertEquals(List.of("DATE 2024-H1 [Nel primo semestre]"), it("Nel primo semestre l'utile è salito."));
  }
  @Test void anItalianEndOfTheMonthIsTheMonth() {
    assertEquals(List.of("DATE 2024-06 [fine mese]"), it("Il consiglio si riunirà a fine mese."));
  }
  @Test void anItalianBeginningOfTheYearIsTheYear() {
    assertEquals(List.of("DATE 2024 [inizio anno]"), it("Da inizio anno il titolo ha perso il 40%."));
  }
  @Test void anItalianEndOfLastYearIsLastYear() {
    assertEquals(List.of("DATE 2023 [fine dell'anno scorso]"), it("Alla fine dell'anno scorso le vendite sono calate."));
  }
  @Test void anItalianEndOfWeekWithoutDellaIsNoWeek() {
    assertEquals(List.of(), it("A fine settimana andremo al mare."));
  }
  @Test void aQuarterNamedByItsMonthsIsThatQuarter() {
    assertEquals(List.of("DATE 2024-Q1 [the January-March quarter]"), en("The economy shrank in the January-March quarter."));
  }
  @Test void anAbbreviatedQuarterWithAYearIsThatQuarter() {
    assertEquals(List.of("DATE 2009-Q3 [Q3 2009]"), en("Profit fell in Q3 2009."));
  }
  @Test void aQuarterWrittenBeforeItsLetterIsThatQuarter() {
    assertEquals(List.of("DATE 2009-Q3 [3Q09]"), en("Revenue rose in 3Q09."));
  }
  @Test void anAbbreviatedFiscalYearIsItsYear() {
    assertEquals(List.of("DATE 2010 [FY2010]"), en("FY2010 revenue will rise."));
  }
  @Test void aLowerCaseQAndDigitIsNoQuarter() {
    assertEquals(List.of(), en("The q3 value was low."));
  }
  @Test void aRateAfterACountedNounIsASet() {
    assertEquals(List.of("SET P1D [a day]"), en("The plant builds 1,200 cars a day."));
  }
  @Test void aRateAfterACountInWordsAndANounIsASet() {
    assertEquals(List.of("SET P1W [a week]"), en("The airline operates four flights a week."));
  }
  @Test void aSpanAfterACountedNounBeforeAnEventStaysASpan() {
    assertEquals(List.of("DURATION P1D [a day]"), en("Ten people died a day after the blast."));
  }
  @Test void anItalianRateAfterACountedNounIsASet() {
    assertEquals(List.of("SET P1Y [all'anno]"), it("L'azienda produce 300.000 vetture all'anno."));
  }
  @Test void anItalianRateAfterTimesIsASet() {
    assertEquals(List.of("SET P1Y [l'anno]"), it("Il dividendo sarà pagato due volte l'anno."));
  }
  @Test void nextAndTheMonthUnderWayIsThatMonthNextYear() {
    assertEquals(List.of("DATE 2025-06 [next June]"), en("The plant will reopen next June."));
  }
  @Test void anItalianMonthUnderWayBeforeProssimoIsThatMonthNextYear() {
    assertEquals(List.of("DATE 2025-06 [giugno prossimo]"), it("Lo stabilimento riaprirà a giugno prossimo."));
  }
  @Test void nextAndAMonthAheadIsThisYearsMonth() {
    assertEquals(List.of("DATE 2024-12 [next December]"), en("The plant will reopen next December."));
  }

  // a present that schedules a weekday (round 19)

  @Test void aPresentInSAfterItsSubjectSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("Trading resumes on Monday."));
  }
  @Test void aBaseFormAfterAPluralSubjectSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-21 [Friday]"), en("The talks begin Friday in Detroit."));
  }
  @Test void aPresentWithAnObjectSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-20 [Thursday]"), en("The Senate votes Thursday on the bailout."));
  }
  @Test void aPresentPassiveAfterAPluralSubjectSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("Markets are closed Monday."));
  }
  @Test void aPresentPassiveBeforeAReportingClauseSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("The market is closed Monday, traders said."));
  }
  @Test void aPresentProgressiveSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("The union is holding a vote Monday."));
  }
  @Test void aClockRangeBetweenAScheduleAndItsWeekdayKeepsItAhead() {
    assertEquals(List.of("TIME 2024-06-25T09:00 [9]", "TIME 2024-06-25T11:00 [11 a.m. Tuesday]"), en("The show runs between 9 and 11 a.m. Tuesday."));
  }
  @Test void anAdjectiveStateAfterAreSchedulesAClockRangesWeekdayAhead() {
    assertEquals(List.of("TIME 2024-06-20T19:00 [7]", "TIME 2024-06-20T21:00 [9 p.m. Thursday]"), en("Polls are open 7-9 p.m. Thursday."));
  }
  @Test void anItalianPresentSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("Il museo riapre lunedì."));
  }
  @Test void anItalianPresentWithEIsASchedule() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("La Borsa è chiusa lunedì."));
  }
  @Test void anItalianReflexivePresentSchedulesTheWeekdayAndItsHourAhead() {
    assertEquals(List.of("TIME 2024-06-24T10:00 [lunedì alle 10]"), it("Il Consiglio dei ministri si riunisce lunedì alle 10."));
  }
  @Test void anItalianNounAfterAPrepositionIsNoScheduleVerb() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("La riunione della commissione lunedì."));
  }
  @Test void anItalianImperfectIsNoSchedule() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("Il negozio chiudeva lunedì."));
  }
  @Test void anItalianPresentVerbOfSayingSchedulesNothing() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("Il ministro dice lunedì che la legge è pronta."));
  }
  @Test void aPastPassiveLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("U.S. markets were closed Monday."));
  }
  @Test void aPastFormAfterAPluralSubjectLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("GM shares fell Monday."));
  }
  @Test void aPresentInAHeadlineLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("Stocks fall Monday\n\nWall Street lost ground as oil prices rose."));
  }
  @Test void aScheduleInTheBodyUnderAHeadlineIsAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("Markets closed for the holiday\n\nTrading resumes on Monday."));
  }
  @Test void aVerbAfterTheWeekdayLeavesItBack() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("GM shares on Monday fell sharply."));
  }
  @Test void aPresentVerbOfSayingSchedulesNothing() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("He says Monday was the worst day."));
  }
  @Test void aPastVerbBeforeAPronounIsNoSubjectOfASchedule() {
    assertEquals(List.of("DATE 2024-06-18 [Tuesday]"), en("The new jet, the 787, made its first flight Tuesday in Everett."));
  }
  @Test void isExpectedToInThePresentPutsTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("Chrysler is expected to emerge from bankruptcy on Monday."));
  }

  // a present that schedules a month or a day of a month (round 20)

  @Test void aPresentSchedulesTheDayOfAMonthAhead() {
    assertEquals(List.of("DATE 2025-03-01 [March 1]"), en("The contract expires March 1."));
  }
  @Test void aSubjectWithTwoModifiersSchedulesTheDayOfAMonthAhead() {
    assertEquals(List.of("DATE 2025-01-01 [Jan. 1]"), en("The new labor agreement takes effect Jan. 1."));
  }
  @Test void aSubjectWithTwoModifiersSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("The annual OPEC meeting opens Monday in Vienna."));
  }
  @Test void aPastAfterASubjectWithTwoModifiersLeavesTheDayBack() {
    assertEquals(List.of("DATE 2024-01-01 [Jan. 1]"), en("The new labor agreement took effect Jan. 1."));
  }
  @Test void aPresentSchedulesTheDayOfAMonthAheadBeforeAPreposition() {
    assertEquals(List.of("DATE 2024-10-15 [Oct. 15]"), en("The fund pays a dividend on Oct. 15 to holders of record."));
  }
  @Test void aPresentSchedulesAMonthAhead() {
    assertEquals(List.of("DATE 2024-12 [December]"), en("The recall begins in December."));
  }
  @Test void aPresentBeforeADayOfAMonthJustOverSchedulesNothing() {
    assertEquals(List.of("DATE 2024-06-17 [June 17]"), en("The trade show runs June 17 in Detroit."));
  }
  @Test void aPresentSchedulesAHolidayOfTwoWordsAhead() {
    assertEquals(List.of("DATE 2024-12-25 [Christmas Day]"), en("The store reopens on Christmas Day."));
  }
  @Test void aPastBeforeAHolidayLeavesItBack() {
    assertEquals(List.of("DATE 2023-12-25 [Christmas Day]"), en("The store reopened on Christmas Day."));
  }
  @Test void aPastBeforeAMonthLeavesItBack() {
    assertEquals(List.of("DATE 2024-03 [March]"), en("The shares fell in March."));
  }
  @Test void aPresentInAHeadlineLeavesTheMonthBack() {
    assertEquals(List.of("DATE 2024-03 [March]"), en("Car sales jump in March\n\nDealers sold more trucks than they expected."));
  }
  @Test void aPresentBeforeAQuarterSchedulesNothing() {
    assertEquals(List.of("DATE 2024-Q1 [first-quarter]"), en("The company reports first-quarter results."));
  }

  // a present modal before a weekday or a month (round 20)

  @Test void aPresentModalPutsTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("Investors can buy the new shares Monday."));
  }
  @Test void aPresentModalPutsTheMonthAhead() {
    assertEquals(List.of("DATE 2025-01 [January]"), en("The plant may reopen in January."));
  }
  @Test void aDeniedModalLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("A GM spokesman cannot comment Monday on the talks."));
  }
  @Test void aModalInThePerfectLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-16 [Sunday]"), en("The fire may have started Sunday."));
  }
  @Test void aPastModalLeavesTheWeekdayToTheModel() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("Survivors said they could see smoke Monday."));
  }
  @Test void theMonthMayAfterAPrepositionIsNoModal() {
    assertEquals(List.of("DATE 2024-05 [May]", "DATE 2024-06-17 [Monday]"), en("In May the union struck the plant Monday."));
  }
  @Test void anItalianPresentModalPutsTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-20 [giovedì]"), it("Il Senato può votare giovedì."));
  }
  @Test void anItalianPresentModalPutsTheMonthAhead() {
    assertEquals(List.of("DATE 2025-01 [gennaio]"), it("Lo stabilimento può riaprire a gennaio."));
  }
  @Test void anItalianParticipleAfterAModalLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-16 [domenica]"), it("L'incendio può essere partito domenica."));
  }
  @Test void anItalianSiDeveIsNoModal() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("Il calo si deve al crollo di lunedì."));
  }

  // the earliest time, as a deadline is the latest (round 20)

  @Test void asEarlyAsPutsTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-25 [Tuesday]"), en("A Senate vote could come as early as Tuesday."));
  }
  @Test void asSoonAsPutsTheMonthAhead() {
    assertEquals(List.of("DATE 2025-03 [March]"), en("The plant could reopen as soon as March, the union said."));
  }
  @Test void asEarlyAsInAPastSentenceLeavesTheMonthBack() {
    assertEquals(List.of("DATE 2024-03 [March]"), en("Engineers had warned of the flaw as early as March."));
  }

  // a reported present keeps its schedule (round 25)

  @Test void aReportedPresentSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("Officials said the bridge is closed Monday."));
  }
  @Test void aReportedPresentAfterThatSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-25 [Tuesday]"), en("The company told workers that its plant reopens Tuesday."));
  }
  @Test void anItalianReportedPresentSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("Il ministro ha detto che la legge entra in vigore lunedì."));
  }
  @Test void aReportedPastLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("Officials said the bridge was closed Monday."));
  }
  @Test void theWeekdayOfTheReportStaysBack() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("Officials said Monday that the bridge is closed."));
  }
  @Test void anItalianReportedPastLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("Il ministro ha detto che la legge è entrata in vigore lunedì."));
  }

  // a date fixed ahead: scheduled for, set for, fissata per (round 25)

  @Test void setForPutsTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("The vote is set for Monday."));
  }
  @Test void slatedForPutsAQuarterAhead() {
    assertEquals(List.of("DATE 2025-Q1 [the first quarter]"), en("The launch is slated for the first quarter."));
  }
  @Test void scheduledForInAPastSentenceLeavesTheWeekdayToTheModel() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), en("The vote was scheduled for Monday but was postponed."));
  }
  @Test void anItalianFixedForPutsTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("La votazione è fissata per lunedì."));
  }
  @Test void anItalianInProgrammaPutsTheDayOfAMonthAhead() {
    assertEquals(List.of("DATE 2025-03-03 [il 3 marzo]"), it("Il concerto è in programma il 3 marzo."));
  }
  @Test void anItalianPerfectOfFixingPutsTheDayOfAMonthAhead() {
    assertEquals(List.of("DATE 2025-03-03 [il 3 marzo]"), it("La riunione è stata fissata per il 3 marzo."));
  }
  @Test void anItalianImperfectOfFixingLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("La votazione era fissata per lunedì."));
  }

  // "sabato" is a weekday, not a participle (round 25)

  @Test void anItalianPresentSchedulesSaturdayAhead() {
    assertEquals(List.of("DATE 2024-06-22 [sabato]"), it("Il museo riapre sabato."));
  }

  // a state after an adverb or after "remains" (round 25)

  @Test void aStateAfterAnAdverbSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-25 [Tuesday]"), en("The bridge is still closed Tuesday."));
  }
  @Test void aStateAfterRemainsSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("The border remains closed Monday."));
  }
  @Test void aPastStateAfterAnAdverbLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-18 [Tuesday]"), en("The bridge was still closed Tuesday."));
  }

  // "dopo" before an article is a preposition (round 25)

  @Test void anItalianDopoBeforeAnArticleIsNoPartOfTheWeekday() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("Il museo riapre lunedì dopo i lavori."));
  }
  @Test void anItalianDopoEndingTheClauseIsTheWeekdayAfter() {
    assertEquals(List.of("DATE 2024-06-24 [il lunedì dopo]"), it("Il museo riapre il lunedì dopo."));
  }

  // an Italian weekday before the verb's object (round 25)

  @Test void anItalianWeekdayBeforeTheObjectIsScheduled() {
    assertEquals(List.of("DATE 2024-06-20 [giovedì]"), it("Il sindaco incontra giovedì i commercianti."));
  }
  @Test void anItalianImperfectBeforeTheObjectLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-13 [giovedì]"), it("Il sindaco incontrava giovedì i commercianti."));
  }
  @Test void anItalianPerfectBeforeTheObjectLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-13 [giovedì]"), it("Il sindaco ha incontrato giovedì i commercianti."));
  }

  // a weekday as a habit: "il lunedì" with a present, "on Mondays" (round 25)

  @Test void anItalianWeekdayWithItsArticleAfterAPresentIsAHabit() {
    assertEquals(List.of("SET XXXX-WXX-1 [il lunedì]"), it("La fiera si tiene il lunedì."));
  }
  @Test void anItalianWeekdayWithItsArticleAfterAPresentStateIsAHabit() {
    assertEquals(List.of("SET XXXX-WXX-1 [il lunedì]"), it("Il museo è chiuso il lunedì."));
  }
  @Test void anItalianWeekdayWithItsArticleAfterAPastIsADate() {
    assertEquals(List.of("DATE 2024-06-17 [il lunedì]"), it("Il mercato si è tenuto il lunedì."));
  }
  @Test void anItalianWeekdayWithItsArticleAndANarrativeModifierIsADate() {
    assertEquals(List.of("DATE 2024-06-24 [il lunedì successivo]"), it("Il museo riapre il lunedì successivo."));
  }
  @Test void aWeekdayInThePluralIsAHabit() {
    assertEquals(List.of("SET XXXX-WXX-1 [Mondays]"), en("The market is held on Mondays."));
  }

  // an Italian word in -ato is a past cue only after an auxiliary (round 25)

  @Test void anItalianNounEndingAsAParticipleIsNoPastCue() {
    assertEquals(List.of("SET XXXX-WXX-1 [il lunedì]"), it("Il mercato si tiene il lunedì."));
  }
  @Test void anItalianSubjectEndingAsAParticipleIsNoPastCue() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("Il risultato esce lunedì."));
  }
  @Test void anItalianParticipleAfterEssereIsAPastCue() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("Il ministro è arrivato lunedì."));
  }

  // an Italian present in -iva, -eva, -ava of the verbs in -ivare, -evare, -avare (round 26)

  @Test void anItalianPresentEndingAsAnImperfectSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("Il risultato arriva lunedì."));
  }
  @Test void anItalianPluralPresentEndingAsAnImperfectSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("I turisti arrivano lunedì."));
  }
  @Test void anItalianImperfectInIvaLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("Il treno partiva lunedì."));
  }
  @Test void anItalianImperfectOfAVerbInIvareLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("Il treno arrivava lunedì."));
  }

  // a report told after what it reports has its own tense (round 26)

  @Test void anItalianDateFixedAheadKeepsItsPlaceBeforeATrailingReport() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("La votazione è fissata per lunedì, ha detto il ministro."));
  }
  @Test void anItalianPresentBeforeATrailingReportSchedulesTheWeekdayAhead() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("Il museo riapre lunedì, ha spiegato il sindaco."));
  }
  @Test void anItalianTrailingReportWithItsSubjectFirstHasItsOwnTense() {
    assertEquals(List.of("DATE 2024-06-24 [lunedì]"), it("Il museo riapre lunedì, il sindaco ha spiegato."));
  }
  @Test void anEnglishTrailingReportInThePastPerfectHasItsOwnTense() {
    assertEquals(List.of("DATE 2024-06-24 [Monday]"), en("The vote is set for Monday, officials had said."));
  }
  @Test void anItalianPastBeforeATrailingReportLeavesTheWeekdayBack() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("Il museo ha riaperto lunedì, ha spiegato il sindaco."));
  }
  @Test void aWeekdayInsideAnItalianTrailingReportTakesItsPast() {
    assertEquals(List.of("DATE 2024-06-17 [lunedì]"), it("La legge entra in vigore, ha detto lunedì il ministro."));
  }

  // a weekly habit with its hour (round 26)

  @Test void anItalianHabitWithItsHourIsASetAtThatHour() {
    assertEquals(List.of("SET XXXX-WXX-1T08:00 [il lunedì alle 8]"), it("La fiera si tiene il lunedì alle 8."));
  }
  @Test void anItalianEveryWeekdayWithItsHourIsOneSet() {
    assertEquals(List.of("SET XXXX-WXX-1T08:00 [ogni lunedì alle 8]"), it("Il mercato apre ogni lunedì alle 8."));
  }
  @Test void aWeekdayInThePluralWithItsHourIsOneSet() {
    assertEquals(List.of("SET XXXX-WXX-1T08:00 [Mondays at 8 a.m.]"), en("The market opens on Mondays at 8 a.m."));
  }
  @Test void aWeeklyHabitAtAnHourInUtcKeepsTheMark() {
    assertEquals(List.of("SET XXXX-WXX-1T18:00Z [every Monday at 18:00 UTC]"), en("The market opens every Monday at 18:00 UTC."));
  }
  @Test void anItalianWeekdayWithItsArticleAndHourAfterAPastIsATime() {
    assertEquals(List.of("TIME 2024-06-17T08:00 [il lunedì alle 8]"), it("La fiera si è tenuta il lunedì alle 8."));
  }
  @Test void anItalianWeekdayBeforeAClockRangeTakesNoHourOfTheRange() {
    assertTrue(it("La fiera si tiene il lunedì dalle 9 alle 11.").stream().noneMatch(t -> t.startsWith("SET")));
  }

  // an Italian hour before an articulated preposition (round 26)

  @Test void anItalianHourBeforeAPlaceIsAnHour() {
    assertEquals(List.of("TIME 2024-06-19T10:00 [alle 10]"), it("Il Consiglio si riunisce alle 10 nella sede del governo."));
  }
  @Test void anItalianHourBeforeAnElidedPlaceIsAnHour() {
    assertEquals(List.of("TIME 2024-06-19T10:00 [alle 10]"), it("Il Consiglio si riunisce alle 10 nell'aula del Senato."));
  }
  @Test void anItalianCountBeforeItsNounIsNoHour() {
    assertEquals(List.of(), it("Le 3 aziende nella lista del governo hanno chiuso."));
  }
  @Test void anItalianHourBeforeAnArticleIsAnHour() {
    assertEquals(List.of("SET XXXX-WXX-1T08:00 [Ogni lunedì alle 8]"), it("Ogni lunedì alle 8 il mercato apre in piazza."));
  }
}
