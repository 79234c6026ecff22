package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Holidays of the Hindu calendar read by the tagger, in phrases (Duckling's convention) and in news; text written for these tests. */
class HinduHolidayTaggingTest {
  /** A Wednesday morning. */
  private static final LocalDateTime REF = LocalDateTime.of(2024, 6, 19, 10, 0);
  private final TimeTagger tagger = new TimeTagger();

  private String en(String phrase) { return tagger.duckling(phrase, Lang.EN, REF).map(v -> v.value() + " " + v.grain()).orElse("-"); }

  private List<String> news(String text) {
    return tagger.find(text, Lang.EN, REF.toLocalDate()).stream().map(t -> t.type() + " " + t.value() + " [" + t.text() + "]").toList();
  }

  @Test void aHolidayWithAYear() { assertEquals("2019-10-27T00:00:00 Day", en("diwali 2019")); }
  @Test void aBareHolidayIsTheNextOne() { assertEquals("2024-10-31T00:00:00 Day", en("deepavali")); }
  @Test void lastHoliIsTheOneGoneBy() { assertEquals("2024-03-25T00:00:00 Day", en("last holi")); }
  @Test void aHolidayWithAYearInWords() { assertEquals("2020-03-10T00:00:00 Day", en("holi two thousand twenty")); }
  @Test void aHolidayInAYear() { assertEquals("2021-08-21T00:00:00 Day", en("onam in 2021")); }
  @Test void aHolidayYearsAgo() { assertEquals("2021-11-04T00:00:00 Day", en("diwali 3 years ago")); }
  @Test void navaratriIsAnInterval() { assertEquals("2019-09-29T00:00:00|2019-10-09T00:00:00 Day", en("navratri 2019")); }
  @Test void aDayOfTheSolarCalendar() { assertEquals("2019-01-16T00:00:00 Day", en("mattu pongal 2019")); }

  @Test void aHolidayInPastNewsIsTheOneGoneBy() {
    assertEquals(List.of("DATE 2023-11-12 [Diwali]"), news("Traders in Delhi said sales of sweets had doubled during Diwali."));
  }
  @Test void rakhiInNewsIsAGivenNameNotTheHoliday() {
    assertEquals(List.of("DATE 2024-06-17 [Monday]"), news("Rakhi Sawant said on Monday that she would appeal."));
    assertEquals("2024-08-19T00:00:00 Day", en("rakhi"));
  }
  @Test void aHolidayInFutureNewsIsTheOneAhead() {
    assertEquals(List.of("DATE 2024-10-31 [Diwali]"), news("Banks in Mumbai will be closed for Diwali."));
  }
}
