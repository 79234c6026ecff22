package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class EnglishRulesTest {
  /** A Wednesday morning. */
  private static final LocalDateTime REF = LocalDateTime.of(2024, 6, 19, 10, 0);
  private final TimeTagger tagger = new TimeTagger();

  private String duckling(String phrase) {
    return tagger.duckling(phrase, Lang.EN, REF).map(v -> v.value() + " " + v.grain()).orElse("-");
  }

  @Test void holidayOfNextYear() { assertEquals("2025-09-01T00:00:00 Day", duckling("labor day of next year")); }
  @Test void lastHolidayIsThePreviousOne() { assertEquals("2024-05-27T00:00:00 Day", duckling("last memorial day")); }
  @Test void holidayYearsAgo() { assertEquals("2022-11-24T00:00:00 Day", duckling("thanksgiving 2 years ago")); }
  @Test void holidayWithAYearInWords() { assertEquals("2021-12-25T00:00:00 Day", duckling("christmas two thousand twenty-one")); }
  @Test void holidayWithATwentiethCenturyYearInWords() { assertEquals("1991-03-31T00:00:00 Day", duckling("easter nineteen ninety-one")); }
  @Test void yearsInWords() {
    assertEquals(2007, EnglishRules.year("two thousand and seven"));
    assertEquals(2014, EnglishRules.year("twenty fourteen"));
    assertEquals(-1, EnglishRules.year("twenty five"));
  }
  @Test void holidayWithYear() { assertEquals("2025-10-01T00:00:00 Day", duckling("yom kippur 2025")); }
  @Test void holidayIntervalWithYear() { assertEquals("2024-03-11T00:00:00|2024-04-10T00:00:00 Day", duckling("ramadan 2024")); }
  @Test void fixedHolidayWithoutAnchor() {
    assertEquals("XXXX-12-25", tagger.find("Shops close on Christmas.", Lang.EN, (java.time.LocalDate) null).get(0).value());
  }
  @Test void endOfNextWeekIsFridayToSunday() { assertEquals("2024-06-28T00:00:00|2024-07-01T00:00:00 Day", duckling("end of next week")); }
  @Test void beginningOfThisWeek() { assertEquals("2024-06-17T00:00:00|2024-06-20T00:00:00 Day", duckling("at the beginning of this week")); }
  @Test void beginningOfMonthIsFirstTenDays() { assertEquals("2024-06-01T00:00:00|2024-06-11T00:00:00 Day", duckling("beginning of the month")); }
  @Test void endOfMonthFromThe21st() { assertEquals("2024-06-21T00:00:00|2024-07-01T00:00:00 Day", duckling("EOM")); }
  @Test void beginningOfAYear() { assertEquals("2030-01-01T00:00:00|2030-04-01T00:00:00 Month", duckling("beginning of 2030")); }
  @Test void midMonth() { assertEquals("2025-04-11T00:00:00|2025-04-21T00:00:00 Day", duckling("mid April")); }
  @Test void lateMonthWithYear() { assertEquals("2020-05-21T00:00:00|2020-06-01T00:00:00 Day", duckling("late May 2020")); }
  @Test void upcomingMonths() { assertEquals("2024-09-01T00:00:00 Month", duckling("upcoming 3 months")); }
  @Test void weekdaysFromNow() { assertEquals("2024-07-01T00:00:00 Day", duckling("2 mondays from now")); }
  @Test void ordinalWeekdayOfRelativeMonth() { assertEquals("2024-07-09T00:00:00 Day", duckling("second tuesday of next month")); }
  @Test void lastWeekdayOfNamedMonth() { assertEquals("2024-11-28T00:00:00 Day", duckling("last thursday of november")); }
  @Test void lastDayOfLeapFebruary() { assertEquals("2024-02-29T00:00:00 Day", duckling("last day of february 2024")); }
  @Test void dayOfNextMonth() { assertEquals("2024-07-05T00:00:00 Day", duckling("the 5th of next month")); }
  @Test void ordinalWordOfMonth() { assertEquals("2025-03-03T00:00:00 Day", duckling("third of march")); }
  @Test void quarterToMidnight() { assertEquals("2024-06-19T23:45:00 Minute", duckling("a quarter to midnight")); }
  @Test void minutesPastPm() { assertEquals("2024-06-19T16:10:00 Minute", duckling("ten past 4pm")); }
  @Test void halfPastIsTheNextOccurrence() { assertEquals("2024-06-19T18:30:00 Minute", duckling("half past six")); }
  @Test void compactClockWithPm() { assertEquals("2024-06-19T16:45:00 Minute", duckling("445 p.m.")); }
  @Test void oClock() { assertEquals("2024-06-19T19:00:00 Hour", duckling("7 o'clock")); }
  @Test void hourTonight() { assertEquals("2024-06-19T21:00:00 Hour", duckling("nine tonight")); }
  @Test void hourAndMinuteWords() { assertEquals("2024-06-19T11:05:00 Minute", duckling("eleven oh five")); }
  @Test void britishHalfHour() { assertEquals("2024-06-19T19:30:00 Minute", duckling("half seven")); }
  @Test void timeZoneConvertsToReferenceOffset() { assertEquals("2024-06-21T07:00:00 Minute", duckling("Friday 10:00 CET")); }
  @Test void timeZoneShiftsBothEndsOfARange() {
    assertEquals("2024-06-19T17:00:00|2024-06-19T19:01:00 Minute", duckling("14:00 - 16:00 EST"));
  }
  @Test void nextSeason() { assertEquals("2024-06-21T00:00:00|2024-09-22T00:00:00 Day", duckling("next season")); }
  @Test void rightNow() { assertEquals("2024-06-19T10:00:00 Second", duckling("right now")); }
  @Test void seasonsAreNotTaggedInNews() { assertEquals(List.of(), tagger.find("He scored twice last season.", Lang.EN, REF)); }
  @Test void daysAfterAHoliday() { assertEquals("2025-04-24T00:00:00 Day", duckling("four days after easter 2025")); }
  @Test void weeksBeforeAHoliday() { assertEquals("2024-11-14T00:00:00 Day", duckling("2 weeks before thanksgiving")); }
  @Test void monthInYears() { assertEquals("2027-03-01T00:00:00 Month", duckling("March in 2 years")); }
  @Test void monthAfterNext() { assertEquals("2025-08-01T00:00:00 Month", duckling("August after next")); }
  @Test void quarterHourFraction() { assertEquals("2024-06-19T10:45:00 Second", duckling("in 3/4 hour")); }
  @Test void andAHalfHours() { assertEquals("2024-06-19T13:30:00 Second", duckling("in 3 and a half hours")); }
  @Test void minutesWithPrime() { assertEquals("2024-06-19T10:20:00 Second", duckling("in 20'")); }
  @Test void fractionalOffsetIsToTheSecond() { assertEquals("2024-06-19T11:30:00 Second", duckling("in 1.5 hours")); }
  @Test void fromRightNowKeepsTheSecond() { assertEquals("2024-06-19T13:00:00 Second", duckling("3 hours from right now")); }
  @Test void weekdayWithClockIsNotADayOfMonth() { assertEquals("2024-06-21T09:00:00 Hour", duckling("friday 9 am")); }
  @Test void lentAsAVerbIsNotAHoliday() { assertEquals(List.of(), tagger.find("The bank lent money to the firm.", Lang.EN, REF)); }
  @Test void capitalisedLentIsTheSeason() { assertEquals("2024-02-14", tagger.find("Lent begins soon.", Lang.EN, REF).get(0).value()); }
  @Test void theManIsNotTheHoliday() { assertEquals(List.of(), tagger.find("Martin Luther King spoke in Memphis.", Lang.EN, REF)); }
  @Test void bareNumbersAroundAfterAreNotAClock() {
    assertEquals(List.of(), tagger.find("They won 3 after 12 rounds.", Lang.EN, REF).stream().filter(t -> t.text().contains("after")).toList());
  }
  @Test void gameNumberTonightIsNotAClock() {
    assertEquals(List.of(), tagger.find("Game 7 tonight.", Lang.EN, REF).stream().filter(t -> t.text().startsWith("7")).toList());
  }
  @Test void easterMondayIsNotEaster() { assertEquals("2025-04-21T00:00:00 Day", duckling("easter monday 2025")); }
}
