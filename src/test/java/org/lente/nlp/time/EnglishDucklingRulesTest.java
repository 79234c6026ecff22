package org.lente.nlp.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * English phrases in Duckling's convention, one category of Duckling's English rules ({@code Duckling/Time/EN/Rules.hs})
 * per test, each phrase written for these tests with the value we read from the rule's definition and Duckling's
 * helpers, at Duckling's reference (Tuesday 12 February 2013, 04:30). A value is {@code start} or {@code start|end}; a
 * bare date is midnight. The table of categories and counts is in docs/time.md (round 15).
 */
class EnglishDucklingRulesTest {
  /** {@code phrase} read as Duckling reads it has {@code value} and {@code grain} ({@link DucklingReference#reads}). */
  private static void reads(String phrase, String value, String grain) {
    DucklingReference.reads(Lang.EN, phrase, value, grain);
  }

  /** Now, today, tomorrow, yesterday; "as soon as possible"; "at this time" (Duckling's today). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      right now; 2013-02-12T04:30:00; Second
      today; 2013-02-12; Day
      tmrw; 2013-02-13; Day
      yesterday; 2013-02-11; Day
      at the moment; 2013-02-12T04:30:00; Second
      asap; 2013-02-12T04:30:00; Second
      as soon as possible; 2013-02-12T04:30:00; Second
      immediately; 2013-02-12T04:30:00; Second
      at this time; 2013-02-12; Day
      """)
  void instantsAndNow(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Weekdays (in the plural too), months, days of a month, years (with AD), numeric dates, the ides. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      monday; 2013-02-18; Day
      wed.; 2013-02-13; Day
      thursdays; 2013-02-14; Day
      march; 2013-03-01; Month
      sept.; 2013-09-01; Month
      1066 AD; 1066-01-01; Year
      in 2015; 2015-01-01; Year
      the 15th; 2013-02-15; Day
      on the 3rd; 2013-03-03; Day
      march 3rd; 2013-03-03; Day
      friday 15th; 2013-02-15; Day
      april 7; 2013-04-07; Day
      the 5th of june; 2013-06-05; Day
      7th of october; 2013-10-07; Day
      24 december; 2013-12-24; Day
      15-apr-2014; 2014-04-15; Day
      3 march 2015; 2015-03-03; Day
      21st may 2017; 2017-05-21; Day
      the ides of march; 2013-03-15; Day
      the ides of may; 2013-05-15; Day
      3rd of next month; 2013-03-03; Day
      2014-10-05; 2014-10-05; Day
      10/2014; 2014-10-01; Month
      2015-03; 2015-03-01; Month
      """)
  void weekdaysMonthsDaysAndYears(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** A time intersected with another ("friday, march 1", "march of 2015"); "on a", "in", "during" taken in. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      on a friday; 2013-02-15; Day
      friday, march 1; 2013-03-01; Day
      march of 2015; 2015-03-01; Month
      august 2016; 2016-08-01; Month
      march 3rd, 2015; 2015-03-03; Day
      during august; 2013-08-01; Month
      friday, 8am; 2013-02-15T08:00:00; Hour
      tomorrow at 3pm; 2013-02-13T15:00:00; Hour
      christmas of 2015; 2015-12-25; Day
      """)
  void intersectionsAndAbsorptions(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** "this", "next", "last" of a weekday, month, holiday, cycle or season; "<time> after next". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      this friday; 2013-02-15; Day
      next tuesday; 2013-02-19; Day
      next monday; 2013-02-18; Day
      last friday; 2013-02-08; Day
      this past sunday; 2013-02-10; Day
      last march; 2012-03-01; Month
      next march; 2013-03-01; Month
      last christmas; 2012-12-25; Day
      this christmas; 2013-12-25; Day
      friday after next; 2013-02-22; Day
      march after next; 2014-03-01; Month
      this week; 2013-02-11; Week
      next month; 2013-03-01; Month
      the following week; 2013-02-18; Week
      previous year; 2012-01-01; Year
      coming quarter; 2013-04-01; Quarter
      upcoming month; 2013-03-01; Month
      this season; 2012-12-21|2013-03-19; Day
      next season; 2013-03-20|2013-06-20; Day
      """)
  void thisNextLastOfATime(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** The n-th or n-th last weekday or cycle of a time, the n-th after a time, n weekdays from it, the closest weekday to it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      the first monday of march; 2013-03-04; Day
      second tuesday of april; 2013-04-09; Day
      last sunday of march; 2013-03-31; Day
      last friday in october; 2013-10-25; Day
      the last day of june; 2013-06-30; Day
      last week of september; 2013-09-23; Week
      the last weekend of march; 2013-03-29T18:00:00|2013-04-01T00:00:00; Hour
      third tuesday of september; 2013-09-17; Day
      the first monday of 2014; 2014-01-06; Day
      the second monday after easter; 2013-04-08; Day
      first friday after christmas; 2013-12-27; Day
      two sundays from christmas; 2014-01-05; Day
      first week of march; 2013-03-04; Week
      the third day of april; 2013-04-03; Day
      second month of 2014; 2014-02-01; Month
      the second last week of october; 2013-10-14; Week
      the second last day of march; 2013-03-30; Day
      the week of october 6th; 2013-10-07; Week
      the month of june; 2013-06-01; Month
      the first week after easter; 2013-04-01; Week
      second day after christmas; 2013-12-26; Day
      the day after tomorrow; 2013-02-14; Day
      the week before christmas; 2013-12-16; Week
      day before yesterday; 2013-02-10; Day
      the closest monday to march 5th; 2013-03-04; Day
      the second closest friday to christmas; 2013-12-20; Day
      """)
  void ordinalsOfAFrameAndClosest(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Quarters by ordinal, with a year, and written 2015q2. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      the third quarter; 2013-07-01; Quarter
      4th quarter; 2013-10-01; Quarter
      second quarter 2014; 2014-04-01; Quarter
      2015q2; 2015-04-01; Quarter
      """)
  void quarters(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** A count of units from now, ago, within, the last or next n; a weekday, month or clock time a count of units away. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      in 3 days; 2013-02-15T04:00:00; Hour
      within 2 weeks; 2013-02-12T04:30:00|2013-02-26T00:00:00; Second
      after 5 days; 2013-02-17T04:00:00; Hour
      in two hours; 2013-02-12T06:30:00; Minute
      next 3 days; 2013-02-13|2013-02-16; Day
      past 2 weeks; 2013-01-28|2013-02-11; Week
      last 3 months; 2012-11-01|2013-02-01; Month
      next 2 hours; 2013-02-12T05:00:00|2013-02-12T07:00:00; Hour
      two tuesdays ago; 2013-01-29; Day
      3 fridays back; 2013-01-25; Day
      3 weeks ago; 2013-01-22; Day
      5 years hence; 2018-02-01; Month
      two weeks from right now; 2013-02-26T04:30:00; Second
      two hours ago; 2013-02-12T02:30:00; Minute
      monday 2 weeks from now; 2013-03-04; Day
      march 2 years ago; 2011-03-01; Month
      friday in 3 weeks; 2013-03-08; Day
      in 2 days at 6pm; 2013-02-14T18:00:00; Hour
      in 15; 2013-02-12T04:45:00; Second
      3 days after christmas; 2013-12-28; Day
      a week from tomorrow; 2013-02-20; Day
      upcoming 2 weeks; 2013-02-25; Week
      2 upcoming days; 2013-02-14; Day
      """)
  void durationsFromNowOrATime(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** A time lasting a count of units ("for 3 days from monday"). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      for 3 days from monday; 2013-02-18|2013-02-22; Day
      march 1st for 2 weeks; 2013-03-01|2013-03-16; Day
      starting friday for 5 days; 2013-02-15|2013-02-21; Day
      """)
  void timesLastingADuration(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Clock times: digits, words, "o'clock", am/pm, military, minutes to and past, "half seven", noon, midnight, "-ish", about, sharp. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      at 3; 2013-02-12T15:00:00; Hour
      at 5; 2013-02-12T05:00:00; Hour
      8 o'clock; 2013-02-12T08:00:00; Hour
      at 15:45; 2013-02-12T15:45:00; Minute
      3:15; 2013-02-12T15:15:00; Minute
      9h30; 2013-02-12T09:30:00; Minute
      at 1930; 2013-02-12T19:30:00; Minute
      at 0800; 2013-02-12T08:00:00; Minute
      10:30:15; 2013-02-12T10:30:15; Second
      1030pm; 2013-02-12T22:30:00; Minute
      3pm; 2013-02-12T15:00:00; Hour
      7 a.m.; 2013-02-12T07:00:00; Hour
      at seven thirty; 2013-02-12T07:30:00; Minute
      at 11 45; 2013-02-12T11:45:00; Minute
      nine oh five; 2013-02-12T09:05:00; Minute
      nine-oh-five; 2013-02-12T09:05:00; Minute
      ten to five; 2013-02-12T04:50:00; Minute
      20 to noon; 2013-02-12T11:40:00; Minute
      five till six; 2013-02-12T05:55:00; Minute
      quarter to noon; 2013-02-12T11:45:00; Minute
      a quarter till 4; 2013-02-12T15:45:00; Minute
      20 past 3; 2013-02-12T15:20:00; Minute
      ten after nine; 2013-02-12T09:10:00; Minute
      half past eleven; 2013-02-12T11:30:00; Minute
      quarter past noon; 2013-02-12T12:15:00; Minute
      half seven; 2013-02-12T07:30:00; Minute
      25 minutes to noon; 2013-02-12T11:35:00; Minute
      noon; 2013-02-12T12:00:00; Hour
      midnight; 2013-02-13T00:00:00; Hour
      end of day; 2013-02-13T00:00:00; Hour
      midday; 2013-02-12T12:00:00; Hour
      3pm sharp; 2013-02-12T15:00:00; Hour
      noonish; 2013-02-12T12:00:00; Hour
      at 6 exactly; 2013-02-12T06:00:00; Hour
      about 4pm; 2013-02-12T16:00:00; Hour
      around noon; 2013-02-12T12:00:00; Hour
      approximately 9:30; 2013-02-12T09:30:00; Minute
      around march 10; 2013-03-10; Day
      """)
  void clockTimes(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Parts of the day, alone, on a day, and an hour in them; "last night", "tonight". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      in the morning; 2013-02-12T00:00:00|2013-02-12T12:00:00; Hour
      this morning; 2013-02-12T00:00:00|2013-02-12T12:00:00; Hour
      this evening; 2013-02-12T18:00:00|2013-02-13T00:00:00; Hour
      this afternoon; 2013-02-12T12:00:00|2013-02-12T19:00:00; Hour
      during the evening; 2013-02-12T18:00:00|2013-02-13T00:00:00; Hour
      in the early morning; 2013-02-12T00:00:00|2013-02-12T09:00:00; Hour
      tonight; 2013-02-12T18:00:00|2013-02-13T00:00:00; Hour
      late tonight; 2013-02-12T21:00:00|2013-02-13T00:00:00; Hour
      after lunch; 2013-02-12T13:00:00|2013-02-12T17:00:00; Hour
      after work; 2013-02-12T17:00:00|2013-02-12T21:00:00; Hour
      after school; 2013-02-12T15:00:00|2013-02-12T21:00:00; Hour
      monday morning; 2013-02-18T00:00:00|2013-02-18T12:00:00; Hour
      tomorrow evening; 2013-02-13T18:00:00|2013-02-14T00:00:00; Hour
      tomorrow at lunch; 2013-02-13T12:00:00|2013-02-13T14:00:00; Hour
      evening of february 14; 2013-02-14T18:00:00|2013-02-15T00:00:00; Hour
      tonight at 8; 2013-02-12T20:00:00; Hour
      this morning at 10; 2013-02-12T10:00:00; Hour
      8 in the evening; 2013-02-12T20:00:00; Hour
      at 7 in the morning; 2013-02-12T07:00:00; Hour
      10 tonight; 2013-02-12T22:00:00; Hour
      last night; 2013-02-11T18:00:00|2013-02-12T00:00:00; Hour
      late last night; 2013-02-11T21:00:00|2013-02-12T00:00:00; Hour
      """)
  void partsOfTheDay(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** The weekend (Duckling's "next weekend" is the first one not under way), "all week", "rest of the week". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      this weekend; 2013-02-15T18:00:00|2013-02-18T00:00:00; Hour
      weekend; 2013-02-15T18:00:00|2013-02-18T00:00:00; Hour
      last weekend; 2013-02-08T18:00:00|2013-02-11T00:00:00; Hour
      next weekend; 2013-02-15T18:00:00|2013-02-18T00:00:00; Hour
      all week; 2013-02-11|2013-02-17; Day
      rest of the week; 2013-02-12|2013-02-17; Day
      """)
  void weekendsAndTheWeek(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Seasons, to the day after the last (Duckling's interval from a day to a day is closed). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      summer; 2013-06-21|2013-09-24; Day
      this winter; 2012-12-21|2013-03-21; Day
      spring; 2013-03-20|2013-06-22; Day
      fall; 2013-09-23|2013-12-22; Day
      last summer; 2012-06-21|2012-09-24; Day
      """)
  void seasons(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** The beginning, middle and end of a month, year or week; "by the end of" the month or year (from now). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      early march; 2013-03-01|2013-03-11; Day
      mid-april; 2013-04-11|2013-04-21; Day
      late june; 2013-06-21|2013-07-01; Day
      at the beginning of march; 2013-03-01|2013-03-11; Day
      end of october; 2013-10-21|2013-11-01; Day
      end of month; 2013-02-21|2013-03-01; Day
      by the end of the month; 2013-02-12T04:30:00|2013-03-01T00:00:00; Second
      the beginning of the month; 2013-02-01|2013-02-11; Day
      at the end of 2014; 2014-09-01|2015-01-01; Month
      beginning of 2015; 2015-01-01|2015-04-01; Month
      end of year; 2013-09-01|2014-01-01; Month
      by the end of the year; 2013-02-12T04:30:00|2014-01-01T00:00:00; Second
      beginning of the year; 2013-01-01|2013-04-01; Month
      end of next week; 2013-02-22|2013-02-25; Day
      at the beginning of this week; 2013-02-11|2013-02-14; Day
      """)
  void beginningMiddleAndEnd(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Spans between two days, days of a month, years or clock times. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      march 3-5; 2013-03-03|2013-03-06; Day
      10 to 12 july; 2013-07-10|2013-07-13; Day
      from august 4 through 9; 2013-08-04|2013-08-10; Day
      from the 3rd to the 6th may; 2013-05-03|2013-05-07; Day
      from 3rd to 6th of may; 2013-05-03|2013-05-07; Day
      1960 - 1961; 1960-01-01|1962-01-01; Year
      monday - wednesday; 2013-02-18|2013-02-21; Day
      march 3 to march 9; 2013-03-03|2013-03-10; Day
      from wednesday to friday; 2013-02-13|2013-02-16; Day
      between monday and thursday; 2013-02-18|2013-02-22; Day
      9:30 - 11:00; 2013-02-12T09:30:00|2013-02-12T11:01:00; Minute
      from 9:30 to 11:00; 2013-02-12T09:30:00|2013-02-12T11:01:00; Minute
      later than 3pm but before 5pm; 2013-02-12T15:00:00|2013-02-12T18:00:00; Hour
      3-5pm; 2013-02-12T15:00:00|2013-02-12T18:00:00; Hour
      between 8am and 10am; 2013-02-12T08:00:00|2013-02-12T11:00:00; Hour
      """)
  void spans(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** "by <time>" (from now to the time), and the bound of "until", "before", "since", "after", "from". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      by friday; 2013-02-12T04:30:00|2013-02-15T00:00:00; Second
      by 5pm; 2013-02-12T04:30:00|2013-02-12T17:00:00; Second
      by the end of march; 2013-02-12T04:30:00|2013-04-01T00:00:00; Second
      until 6pm; 2013-02-12T18:00:00; Hour
      before march 1st; 2013-03-01; Day
      since january; 2014-01-01; Month
      after 5pm; 2013-02-12T17:00:00; Hour
      from monday; 2013-02-18; Day
      """)
  void openIntervalsAndBy(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** A clock time in a zone, moved to the reference's offset. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      at 3pm EST; 2013-02-12T18:00:00; Minute
      noon GMT; 2013-02-12T10:00:00; Minute
      10am (CET); 2013-02-12T07:00:00; Minute
      """)
  void timeZones(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Holidays and the United Nations' world days on fixed dates. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      christmas eve; 2013-12-24; Day
      new year's eve; 2013-12-31; Day
      valentine's day; 2013-02-14; Day
      halloween; 2013-10-31; Day
      st patrick's day; 2013-03-17; Day
      earth day; 2013-04-22; Day
      boxing day; 2013-12-26; Day
      world aids day; 2013-12-01; Day
      international women's day; 2013-03-08; Day
      world press freedom day; 2013-05-03; Day
      united nations day; 2013-10-24; Day
      human rights day; 2013-12-10; Day
      may day; 2013-05-01; Day
      all saints' day; 2013-11-01; Day
      world water day; 2013-03-22; Day
      international day of peace; 2013-09-21; Day
      world refugee day; 2013-06-20; Day
      international anti-corruption day; 2013-12-09; Day
      world radio day; 2013-02-13; Day
      orthodox christmas day; 2014-01-07; Day
      epiphany; 2014-01-06; Day
      world teachers' day; 2013-10-05; Day
      nelson mandela day; 2013-07-18; Day
      africa day; 2013-05-25; Day
      world environment day; 2013-06-05; Day
      international day of the girl child; 2013-10-11; Day
      world food day; 2013-10-16; Day
      world cancer day; 2014-02-04; Day
      international migrants day; 2013-12-18; Day
      feast of the immaculate conception; 2013-12-08; Day
      world tuberculosis day; 2013-03-24; Day
      international day for the eradication of poverty; 2013-10-17; Day
      """)
  void holidaysAndWorldDaysOnFixedDates(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Holidays and world days on a weekday of a month ("world kidney day", "commonwealth day"). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      commonwealth day; 2013-03-11; Day
      martin luther king day; 2014-01-20; Day
      black friday; 2013-11-29; Day
      world habitat day; 2013-10-07; Day
      world kidney day; 2013-03-14; Day
      world leprosy day; 2014-01-26; Day
      world maritime day; 2013-09-26; Day
      world religion day; 2014-01-19; Day
      world sight day; 2013-10-10; Day
      world philosophy day; 2013-11-21; Day
      international day of cooperatives; 2013-07-06; Day
      world migratory bird day; 2013-05-11; Day
      day of remembrance for road traffic victims; 2013-11-17; Day
      boss's day; 2013-10-16; Day
      """)
  void holidaysOnWeekdaysOfAMonth(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Holidays computed from Easter, the Hebrew, Hijri and Hindu calendars. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      easter; 2013-03-31; Day
      good friday; 2013-03-29; Day
      ash wednesday; 2013-02-13; Day
      pentecost; 2013-05-19; Day
      ascension day; 2013-05-09; Day
      palm sunday; 2013-03-24; Day
      easter monday; 2013-04-01; Day
      orthodox easter; 2013-05-05; Day
      whit monday; 2013-05-20; Day
      corpus christi; 2013-05-30; Day
      maundy thursday; 2013-03-28; Day
      shrove tuesday; 2013-02-12; Day
      trinity sunday; 2013-05-26; Day
      clean monday; 2013-03-18; Day
      orthodox good friday; 2013-05-03; Day
      lazarus saturday; 2013-04-27; Day
      yom kippur; 2013-09-13; Day
      diwali; 2013-11-03; Day
      eid al-adha; 2013-10-15; Day
      eid al-fitr; 2013-08-08; Day
      """)
  void holidaysComputed(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Holidays that last: several days, to the day after the last; Earth Hour. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      lent; 2013-02-13|2013-03-31; Day
      great lent; 2013-03-18|2013-04-27; Day
      hanukkah; 2013-11-27|2013-12-05; Day
      passover; 2013-03-25|2013-04-03; Day
      ramadan; 2013-07-09|2013-08-08; Day
      rosh hashanah; 2013-09-04|2013-09-07; Day
      earth hour 2014; 2014-03-29T20:30:00|2014-03-29T21:31:00; Hour
      """)
  void holidaysThatLast(String phrase, String value, String grain) { reads(phrase, value, grain); }
}
