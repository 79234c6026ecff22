package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class HolidaysTest {
  private static LocalDate in(String name, int year) { return Holidays.named(name).in().apply(year)[0]; }

  private static LocalDate end(String name, int year) { return Holidays.named(name).in().apply(year)[1]; }

  @Test void goodFridayIsTwoDaysBeforeEaster() { assertEquals(LocalDate.of(2024, 3, 29), in("good friday", 2024)); }
  @Test void ashWednesdayStartsLent() { assertEquals(LocalDate.of(2024, 2, 14), in("ash wednesday", 2024)); }
  @Test void palmSunday() { assertEquals(LocalDate.of(2024, 3, 24), in("palm sunday", 2024)); }
  @Test void ascensionIsThirtyNineDaysAfterEaster() { assertEquals(LocalDate.of(2024, 5, 9), in("ascension day", 2024)); }
  @Test void pentecost() { assertEquals(LocalDate.of(2024, 5, 19), in("pentecost", 2024)); }
  @Test void corpusChristi() { assertEquals(LocalDate.of(2024, 5, 30), in("corpus christi", 2024)); }
  @Test void lentEndsAtEaster() { assertEquals(LocalDate.of(2024, 3, 31), end("lent", 2024)); }
  @Test void orthodoxEasterUsesTheJulianComputus() {
    assertEquals(LocalDate.of(2024, 5, 5), Holidays.orthodoxEaster(2024));
    assertEquals(LocalDate.of(2023, 4, 16), Holidays.orthodoxEaster(2023));
  }
  @Test void cleanMondayIsFortyEightDaysBeforeOrthodoxEaster() { assertEquals(LocalDate.of(2024, 3, 18), in("clean monday", 2024)); }
  @Test void mlkDayIsThirdMondayOfJanuary() { assertEquals(LocalDate.of(2024, 1, 15), in("martin luther king day", 2024)); }
  @Test void presidentsDay() { assertEquals(LocalDate.of(2024, 2, 19), in("presidents' day", 2024)); }
  @Test void memorialDayIsLastMondayOfMay() { assertEquals(LocalDate.of(2024, 5, 27), in("memorial day", 2024)); }
  @Test void laborDay() { assertEquals(LocalDate.of(2024, 9, 2), in("labor day", 2024)); }
  @Test void columbusDay() { assertEquals(LocalDate.of(2024, 10, 14), in("columbus day", 2024)); }
  @Test void electionDayIsTheTuesdayAfterTheFirstMonday() {
    assertEquals(LocalDate.of(2024, 11, 5), in("election day", 2024));
    assertEquals(LocalDate.of(2026, 11, 3), in("election day", 2026)); // 1 November 2026 is a Sunday
  }
  @Test void thanksgivingIsFourthThursday() { assertEquals(LocalDate.of(2024, 11, 28), in("thanksgiving", 2024)); }
  @Test void mothersAndFathersDay() {
    assertEquals(LocalDate.of(2024, 5, 12), in("mother's day", 2024));
    assertEquals(LocalDate.of(2024, 6, 16), in("father's day", 2024));
  }
  @Test void bossDayMovesOffTheWeekend() {
    assertEquals(LocalDate.of(2026, 10, 16), in("boss's day", 2026));
    assertEquals(LocalDate.of(2027, 10, 15), in("boss's day", 2027));
  }
  @Test void ramadanFromHijrahDate() {
    assertEquals(LocalDate.of(2024, 3, 11), in("ramadan", 2024));
    assertEquals(LocalDate.of(2024, 4, 10), end("ramadan", 2024));
  }
  @Test void eidAlAdha() { assertEquals(LocalDate.of(2024, 6, 16), in("eid al-adha", 2024)); }
  @Test void hijriOutsideSupportedRangeIsAbsent() { assertNull(Holidays.named("ramadan").in().apply(1800)); }
  @Test void hebrewNewYear() { assertEquals(LocalDate.of(2024, 10, 3), Holidays.Hebrew.toGregorian(5785, Holidays.Hebrew.TISHREI, 1)); }
  @Test void roshHashanahStartsOnItsEve() {
    assertEquals(LocalDate.of(2024, 10, 2), in("rosh hashanah", 2024));
    assertEquals(LocalDate.of(2024, 10, 5), end("rosh hashanah", 2024));
  }
  @Test void yomKippurEve() { assertEquals(LocalDate.of(2024, 10, 11), in("yom kippur", 2024)); }
  @Test void passoverLastsEightDaysFromItsEve() {
    assertEquals(LocalDate.of(2024, 4, 22), in("passover", 2024));
    assertEquals(LocalDate.of(2024, 5, 1), end("passover", 2024));
  }
  @Test void hanukkahEve() { assertEquals(LocalDate.of(2024, 12, 25), in("hanukkah", 2024)); }
  @Test void newMoonIsWithinMinutesOfTheAlmanacs() {
    // the new moon of the total solar eclipse of 8 April 2024, 18:21 UTC
    long off = java.time.Duration.between(java.time.Instant.parse("2024-04-08T18:21:00Z"), Holidays.Lunar.newMoon(300)).toMinutes();
    assertEquals(0, off, 10);
  }
  @Test void chineseNewYearIsTheNewMoonBetweenJanuary21AndFebruary20() {
    assertEquals(LocalDate.of(2020, 1, 25), in("chinese new year", 2020));
    assertEquals(LocalDate.of(2021, 2, 12), in("chinese new year", 2021));
    assertEquals(LocalDate.of(2023, 1, 22), in("lunar new year", 2023));
    assertEquals(LocalDate.of(2024, 2, 10), in("chinese new year", 2024));
  }
  @Test void chineseNewYearIsOnChinasDate() {
    // the new moon of 2014 fell on 30 January at 21:39 UTC, the 31st in China
    assertEquals(LocalDate.of(2014, 1, 31), in("chinese new year", 2014));
  }
  @Test void parsiNewYearMovesADayEarlierEveryFourYears() {
    assertEquals(LocalDate.of(2020, 8, 16), in("parsi new year", 2020));
    assertEquals(LocalDate.of(2024, 8, 15), in("parsi new year", 2024));
  }
  @Test void purimInALeapYearIsInAdarII() { assertEquals(LocalDate.of(2024, 3, 23), in("purim", 2024)); }

  @Test void orthodoxDaysAroundEaster() {
    // Orthodox Easter 2024 was 5 May
    assertEquals(LocalDate.of(2024, 5, 6), in("orthodox easter monday", 2024));
    assertEquals(LocalDate.of(2024, 5, 4), in("orthodox holy saturday", 2024));
    assertEquals(LocalDate.of(2024, 4, 28), in("orthodox palm sunday", 2024));
  }
  @Test void greatLentEndsBeforeLazarusSaturday() {
    assertEquals(LocalDate.of(2024, 3, 18), in("great lent", 2024));
    assertEquals(LocalDate.of(2024, 4, 27), end("great lent", 2024));
  }
  @Test void sheminiAtzeretAndSimchatTorahStartOnTheirEves() {
    // 22 and 23 Tishrei 5785 were 24 and 25 October 2024
    assertEquals(LocalDate.of(2024, 10, 23), in("shemini atzeret", 2024));
    assertEquals(LocalDate.of(2024, 10, 24), in("simchat torah", 2024));
  }
  @Test void tishaBavMovesOffTheSabbath() {
    assertEquals(LocalDate.of(2024, 8, 12), in("tisha b'av", 2024)); // 9 Av 5784: Tuesday 13 August
    assertEquals(LocalDate.of(2022, 8, 6), in("tisha b'av", 2022)); // 9 Av 5782 was Saturday 6 August: the fast on Sunday
  }
  @Test void israAndMirajIsTwentySeventhRajab() { assertEquals(LocalDate.of(2024, 2, 8), in("isra and mi'raj", 2024)); }
  @Test void jumuatulWidaIsTheLastFridayOfRamadan() { assertEquals(LocalDate.of(2024, 4, 5), in("jumu'atul-wida", 2024)); }
  @Test void julianDatesConvertAcrossTheGregorianReform() {
    assertEquals(LocalDate.of(1582, 10, 15), Holidays.julian(1582, 10, 5)); // the day after Julian 4 October 1582
    assertEquals(LocalDate.of(2024, 1, 7), Holidays.julian(2023, 12, 25));
  }
  @Test void anItalianNameDatesLikeItsEnglishHoliday() {
    assertEquals(in("orthodox easter", 2024), Holidays.named("pasqua ortodossa", Lang.IT).in().apply(2024)[0]);
  }
  @Test void theChineseNewYearKeepsItsYearGrainInItalian() {
    assertEquals(Grain.YEAR, Holidays.named("capodanno cinese", Lang.IT).grain());
    assertEquals(LocalDate.of(2024, 2, 10), Holidays.named("capodanno cinese", Lang.IT).in().apply(2024)[0]);
  }
  @Test void italianNamesAreNotEnglishOnes() { assertNull(Holidays.named("pasqua ortodossa")); }
  @Test void orthodoxNewYearIsTheJulianFirstOfJanuary() {
    assertEquals(LocalDate.of(2024, 1, 14), Holidays.named("capodanno ortodosso", Lang.IT).in().apply(2024)[0]);
  }
  @Test void kingsDayMovesOffSunday() {
    assertEquals(LocalDate.of(2024, 4, 27), in("king's day", 2024));
    assertEquals(LocalDate.of(2025, 4, 26), in("koningsdag", 2025)); // 27 April 2025 is a Sunday
  }
}
