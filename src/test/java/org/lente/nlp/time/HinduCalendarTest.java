package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lente.nlp.time.HinduCalendar.Kala;
import org.lente.nlp.time.HinduCalendar.LunarMonth;
import org.lente.nlp.time.HinduCalendar.Month;

/**
 * The Hindu lunisolar calendar against values known from elsewhere: Meeus's worked examples, eclipses (whose instants
 * are new and full moons), sunrise tables, and holiday dates published in India (the source of each is beside it).
 */
class HinduCalendarTest {
  private static LocalDate holiday(String name, int year) { return Holidays.named(name).in().apply(year)[0]; }

  private static long minutesFrom(String expected, Instant actual) {
    return Math.abs(Duration.between(Instant.parse(expected), actual).toMinutes());
  }

  // astronomy

  @Test void sunLongitudeMatchesMeeusExample25a() {
    // Meeus, Astronomical Algorithms, example 25.a: 1992 October 13.0 TD, apparent longitude 199.90895°
    assertEquals(199.90895, HinduCalendar.sunLongitude(2448908.5), 0.0005);
  }

  @Test void moonLongitudeMatchesMeeusExample47a() {
    // Meeus, example 47.a: 1992 April 12.0 TD, apparent longitude 133.167265° (133.162655° + nutation 0.004610°)
    assertEquals(133.167265, HinduCalendar.moonLongitude(2448724.5), 0.003);
  }

  @Test void theElongationIsZeroAtTheNewMoonOfAnEclipse() {
    // the total solar eclipse of 8 April 2024 (NASA): new moon at 18:21 UTC
    assertTrue(minutesFrom("2024-04-08T18:21:00Z", HinduCalendar.elongationReaches(0, Instant.parse("2024-04-07T00:00:00Z"))) <= 5);
  }

  @Test void theElongationIsHalfACircleAtTheFullMoonOfAnEclipse() {
    // the total lunar eclipse of 31 January 2018 (NASA): full moon at 13:27 UTC
    assertTrue(minutesFrom("2018-01-31T13:27:00Z", HinduCalendar.elongationReaches(180, Instant.parse("2018-01-30T00:00:00Z"))) <= 5);
  }

  @Test void lahiriAyanamsaAtJ2000() {
    // Lahiri's ayanamsa at 1 January 2000 12:00 TT is 23°51' (23.857° in the Swiss Ephemeris)
    assertEquals(23.857, HinduCalendar.ayanamsa(2451545.0), 0.01);
  }

  @Test void sunriseAndSunsetAtNewDelhiOnTheSolstices() {
    // New Delhi's published sunrise and sunset tables (e.g. timeanddate.com): about 05:23 and 19:21 on 21 June,
    // 07:10 and 17:28 on 21 December, India time
    assertTrue(minutesFrom("2024-06-20T23:53:00Z", HinduCalendar.sunrise(LocalDate.of(2024, 6, 21))) <= 3);
    assertTrue(minutesFrom("2024-06-21T13:51:00Z", HinduCalendar.sunset(LocalDate.of(2024, 6, 21))) <= 3);
    assertTrue(minutesFrom("2024-12-21T01:40:00Z", HinduCalendar.sunrise(LocalDate.of(2024, 12, 21))) <= 3);
    assertTrue(minutesFrom("2024-12-21T11:58:00Z", HinduCalendar.sunset(LocalDate.of(2024, 12, 21))) <= 3);
  }

  @Test void theTithiAfterAFullMoonIsTheFirstOfTheDarkHalf() {
    // an hour after the eclipse's full moon of 31 January 2018 the Moon is past 180°: the 16th tithi
    assertEquals(16, HinduCalendar.tithi(Instant.parse("2018-01-31T14:30:00Z")));
    assertEquals(15, HinduCalendar.tithi(Instant.parse("2018-01-31T12:30:00Z")));
  }

  // months

  @Test void theMonthWhoseNewMoonHasTheSunInMeenaIsChaitra() {
    // the new moon of 8 April 2024 (the eclipse) starts Chaitra: Ugadi and Gudi Padwa were on 9 April 2024
    LunarMonth m = LunarMonth.of(300);
    assertEquals(Month.CHAITRA, m.name());
    assertFalse(m.adhika());
  }

  @Test void aMonthWithoutASankrantiIsIntercalary() {
    // 2023 had an adhika Shravana (Indian almanacs of 2023), from the new moon of 17 July 18:32 UTC (NASA's table of
    // lunar phases) to that of 16 August
    LunarMonth m = LunarMonth.of(Math.round((LocalDate.of(2023, 7, 17).toEpochDay() - LocalDate.of(2000, 1, 6).toEpochDay()) / 29.530588));
    assertTrue(minutesFrom("2023-07-17T18:32:00Z", m.start()) <= 5);
    assertEquals(Month.SHRAVANA, m.name());
    assertTrue(m.adhika());
  }

  @Test void aTithiShorterThanADayGoesToTheDayItBegins() {
    // a tithi is in force at two consecutive sunrises, at one, or (when shorter than a day) at none; the day chosen
    // always holds the tithi at its sunrise or holds its start
    for (long k = 280; k < 300; k++) {
      LunarMonth m = LunarMonth.of(k);
      for (int t = 1; t <= 30; t++) {
        LocalDate d = m.day(t, Kala.SUNRISE);
        Instant rise = HinduCalendar.sunrise(d);
        boolean inForce = !rise.isBefore(m.tithiStart(t)) && rise.isBefore(m.tithiEnd(t));
        assertTrue(inForce || m.tithiStart(t).atOffset(HinduCalendar.IST).toLocalDate().equals(d), "lunation " + k + " tithi " + t);
      }
    }
  }

  // holidays, each on the dates published for it (Government of India lists of holidays, unless said otherwise)

  @Test void diwaliIsTheNewMoonOfAshvinInForceAtSunset() {
    assertEquals(LocalDate.of(2019, 10, 27), holiday("diwali", 2019));
    assertEquals(LocalDate.of(2022, 10, 24), holiday("diwali", 2022));
    // 2024: the new moon day began at 15:52 on 31 October and ended at 18:16 on 1 November, after sunset
    assertEquals(LocalDate.of(2024, 10, 31), holiday("diwali", 2024));
  }

  @Test void diwaliFollowsAnIntercalaryMonth() {
    // 2020 had an adhika Ashvin (18 September to 16 October): Navaratri started on 17 October, Diwali on 14 November
    assertEquals(LocalDate.of(2020, 11, 14), holiday("diwali", 2020));
    assertEquals(LocalDate.of(2020, 10, 17), holiday("navaratri", 2020));
  }

  @Test void dhanterasAndBhaiDoojAreTwoDaysFromDiwali() {
    assertEquals(LocalDate.of(2019, 10, 25), holiday("dhanteras", 2019));
    assertEquals(LocalDate.of(2019, 10, 29), holiday("bhai dooj", 2019));
  }

  @Test void holiIsTheDayAfterTheFullMoonOfPhalgunaAtSunset() {
    // 2019: the full moon day ran from 10:44 on 20 March to 07:12 on 21 March; Holika Dahan on the 20th, Holi on the 21st
    assertEquals(LocalDate.of(2019, 3, 20), holiday("holika dahan", 2019));
    assertEquals(LocalDate.of(2019, 3, 21), holiday("holi", 2019));
    assertEquals(LocalDate.of(2024, 3, 25), holiday("holi", 2024));
  }

  @Test void dussehraIsTheTenthOfAshvinAtSunrise() {
    // 2019: the tenth ran from 12:38 on 7 October to 14:51 on 8 October
    assertEquals(LocalDate.of(2019, 10, 8), holiday("dussehra", 2019));
    assertEquals(LocalDate.of(2023, 10, 24), holiday("vijayadashami", 2023));
  }

  @Test void rakshaBandhanFollowsAnIntercalaryShravana() {
    // 2023's adhika Shravana put Raksha Bandhan on 30 August (the full moon day began at 10:58 that day)
    assertEquals(LocalDate.of(2023, 8, 30), holiday("raksha bandhan", 2023));
    assertEquals(LocalDate.of(2019, 8, 15), holiday("rakhi", 2019));
  }

  @Test void ganeshChaturthiIsTheFourthOfBhadrapadaAtMidday() {
    assertEquals(LocalDate.of(2019, 9, 2), holiday("ganesh chaturthi", 2019));
    // 2023: the fourth began at 12:39 on 18 September, after midday
    assertEquals(LocalDate.of(2023, 9, 19), holiday("ganesh chaturthi", 2023));
  }

  @Test void mahaShivaratriIsTheFourteenthOfTheDarkHalfAtMidnight() {
    assertEquals(LocalDate.of(2019, 3, 4), holiday("maha shivaratri", 2019));
    assertEquals(LocalDate.of(2024, 3, 8), holiday("mahashivratri", 2024));
  }

  @Test void ramaNavamiAndUgadiInChaitra() {
    assertEquals(LocalDate.of(2024, 4, 17), holiday("ram navami", 2024));
    assertEquals(LocalDate.of(2024, 4, 9), holiday("ugadi", 2024));
    assertEquals(LocalDate.of(2018, 3, 18), holiday("gudi padwa", 2018));
  }

  @Test void karvaChauthIsKeptAtMoonrise() {
    // 2023: the fourth of the dark half began at 21:30 on 31 October, after moonrise; the fast was on 1 November
    assertEquals(LocalDate.of(2023, 11, 1), holiday("karva chauth", 2023));
    assertEquals(LocalDate.of(2018, 10, 27), holiday("karva chauth", 2018));
  }

  @Test void pongalIsTheDayOfMakaraSankrantiOrTheNextAfterSunset() {
    // Makara sankranti came at about 13:45 on 14 January 2018 and at about 19:50 on 14 January 2019 (after sunset);
    // Tamil Nadu's Pongal holiday was on 14 January 2018 and on 15 January 2019
    assertEquals(LocalDate.of(2018, 1, 14), holiday("pongal", 2018));
    assertEquals(LocalDate.of(2019, 1, 15), holiday("thai pongal", 2019));
    assertEquals(LocalDate.of(2019, 1, 16), holiday("mattu pongal", 2019));
  }

  @Test void vaisakhiIsTheDayOfMeshaSankranti() {
    assertEquals(LocalDate.of(2019, 4, 14), holiday("baisakhi", 2019));
    assertEquals(LocalDate.of(2016, 4, 13), holiday("vaisakhi", 2016));
  }

  @Test void rabindraJayantiIsTheTwentyFifthOfBoishakh() {
    // West Bengal's holiday lists: 9 May 2019, 9 May 2022
    assertEquals(LocalDate.of(2019, 5, 9), holiday("rabindra jayanti", 2019));
    assertEquals(LocalDate.of(2022, 5, 9), holiday("rabindra jayanti", 2022));
  }

  @Test void onamIsThiruvonamInChingam() {
    // Kerala's holiday lists: Thiruvonam on 11 September 2019, 31 August 2020, 21 August 2021, 8 September 2022
    assertEquals(LocalDate.of(2019, 9, 11), holiday("onam", 2019));
    assertEquals(LocalDate.of(2020, 8, 31), holiday("thiruvonam", 2020));
    assertEquals(LocalDate.of(2021, 8, 21), holiday("onam", 2021));
    assertEquals(LocalDate.of(2022, 9, 8), holiday("thiru onam", 2022));
  }

  @Test void navaratriRunsThroughVijayadashami() {
    LocalDate[] d = Holidays.named("navratri").in().apply(2019);
    assertEquals(LocalDate.of(2019, 9, 29), d[0]);
    assertEquals(LocalDate.of(2019, 10, 9), d[1]); // exclusive: Vijayadashami, 8 October, is the last day
  }

  @Test void everyYearHasEachHolidayOnce() {
    // a century of years: each holiday of the lunisolar calendar computes to a date in its year
    for (int y = 1950; y <= 2050; y++) {
      for (String name : new String[] {"diwali", "holi", "onam", "pongal", "janmashtami", "rabindra jayanti"}) {
        LocalDate d = holiday(name, y);
        assertEquals(y, d.getYear(), name + " " + y);
      }
    }
  }

  @Test void aYearFarFromOursStillGivesADay() {
    // the series lose accuracy over centuries, not validity: a date, never an exception
    assertEquals(1600, holiday("diwali", 1600).getYear());
    assertEquals(2400, holiday("diwali", 2400).getYear());
  }
}
