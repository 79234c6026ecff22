package org.lente.nlp.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Named English holidays and the rules that date them in a Gregorian year: fixed dates, nth weekdays of a month,
 * offsets from Western or Orthodox Easter, and days of the Hijri (java.time's Umm al-Qura) and Hebrew calendars.
 * Hebrew-calendar holidays start on their eve, as in Duckling. Stateless and thread-safe.
 */
final class Holidays {
  private Holidays() {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** A holiday: a regex for its names and its days [start, end) in a Gregorian year (end null for one day). */
  record Holiday(Pattern names, IntFunction<LocalDate[]> in) {
    Holiday {
      Objects.requireNonNull(names, "names");
      Objects.requireNonNull(in, "in");
    }

    /** The first occurrence starting on or after {@code from}; null if the calendar has none near it. */
    LocalDate[] onOrAfter(LocalDate from) {
      for (int y = from.getYear() - 1; y <= from.getYear() + 2; y++) {
        LocalDate[] d = in.apply(y);
        if (d != null && !d[0].isBefore(from)) {
          return d;
        }
      }
      return null;
    }

    /** The last occurrence starting before {@code before}; null if the calendar has none near it. */
    LocalDate[] before(LocalDate before) {
      for (int y = before.getYear() + 1; y >= before.getYear() - 2; y--) {
        LocalDate[] d = in.apply(y);
        if (d != null && d[0].isBefore(before)) {
          return d;
        }
      }
      return null;
    }
  }

  static final List<Holiday> EN = english();

  /** Regex alternation of every holiday name; a name that extends another ("easter monday") is listed first. */
  static final String NAMES = String.join("|", EN.stream().map(h -> "(?:" + h.names().pattern() + ")").toList());

  /** The holiday whose names match {@code text} entirely; null if none. */
  static Holiday named(String text) {
    for (Holiday h : EN) {
      if (h.names().matcher(text).matches()) {
        return h;
      }
    }
    return null;
  }

  private static List<Holiday> english() {
    List<Holiday> h = new ArrayList<>();
    fixed(h, "christmas eve", 12, 24);
    fixed(h, "(?:christmas|xmas)(?: day)?", 12, 25);
    fixed(h, "boxing day", 12, 26);
    fixed(h, "new year'?s eve", 12, 31);
    fixed(h, "new year'?s(?: day)?", 1, 1);
    fixed(h, "valentine'?s?(?: day)?", 2, 14);
    fixed(h, "halloween", 10, 31);
    fixed(h, "world vegan day", 11, 1);
    fixed(h, "(?:saint|st\\.?) patrick'?s day", 3, 17);
    fixed(h, "(?:the )?fourth of july", 7, 4);
    fixed(h, "veterans'? day", 11, 11);
    fixed(h, "earth day", 4, 22);
    day(h, "boss'?s?(?: day)?", y -> weekdayNearest(LocalDate.of(y, 10, 16)));
    day(h, "(?:mlk|martin luther king'?s?)(?: jr\\.?)?(?: day)?|civil rights day", y -> nth(y, 1, 3, DayOfWeek.MONDAY));
    day(h, "presidents'? day|washington'?s birthday", y -> nth(y, 2, 3, DayOfWeek.MONDAY));
    day(h, "memorial day", y -> nth(y, 5, -1, DayOfWeek.MONDAY));
    day(h, "labou?r day", y -> nth(y, 9, 1, DayOfWeek.MONDAY));
    day(h, "columbus day|indigenous peoples'? day", y -> nth(y, 10, 2, DayOfWeek.MONDAY));
    day(h, "thanksgiving(?: day)?", y -> nth(y, 11, 4, DayOfWeek.THURSDAY));
    // the United States' general election: the Tuesday after the first Monday of November, every year (state and local
    // elections fall on it in odd years)
    day(h, "election day", y -> nth(y, 11, 1, DayOfWeek.MONDAY).plusDays(1));
    day(h, "black friday", y -> nth(y, 11, 4, DayOfWeek.THURSDAY).plusDays(1));
    day(h, "mother'?s'? day", y -> nth(y, 5, 2, DayOfWeek.SUNDAY));
    day(h, "father'?s'? day", y -> nth(y, 6, 3, DayOfWeek.SUNDAY));
    easter(h, "easter monday", 1);
    easter(h, "easter(?: sunday)?", 0);
    easter(h, "good friday", -2);
    easter(h, "holy saturday", -1);
    easter(h, "maundy thursday|covenant thu(?:rsday)?|thu(?:rsday)? of mysteries|holy thursday", -3);
    easter(h, "palm sunday", -7);
    easter(h, "ash wednesday", -46);
    easter(h, "shrove tuesday|mardi gras|pancake day", -47);
    easter(h, "ascension(?: day| thursday)?", 39);
    easter(h, "pentecost|whit ?sunday", 49);
    easter(h, "whit monday|monday of the holy spirit", 50);
    easter(h, "trinity sunday", 56);
    easter(h, "corpus christi", 60);
    h.add(new Holiday(Pattern.compile("lent", F), y -> new LocalDate[] {Rules.easter(y).minusDays(46), Rules.easter(y)}));
    orthodox(h, "orthodox easter(?: sunday)?", 0);
    orthodox(h, "orthodox (?:good|great) friday", -2);
    orthodox(h, "clean monday|orthodox shrove monday|ash monday", -48);
    orthodox(h, "lazarus saturday", -8);
    h.add(new Holiday(Pattern.compile("ramadan", F), y -> hijriSpan(y, 9, 1, 10, 1)));
    hijri(h, "eid al[- ]fitr|eid ul[- ]fitr|id ul[- ]fitr", 10, 1);
    hijri(h, "eid al[- ]adha|eid ul[- ]adha|id ul[- ]adha|sacrifice feast|bakr[- ]?id", 12, 10);
    hijri(h, "laylat al[- ](?:qadr|kadr)|night of (?:measures|power|decree)", 9, 27);
    hijri(h, "islamic new year|hijri new year|muharram", 1, 1);
    hijri(h, "ashura", 1, 10);
    hijri(h, "mawlid(?: al[- ]nabi)?|prophet'?s birthday", 3, 12);
    h.add(new Holiday(Pattern.compile("rosh hashann?ah?", F), y -> hebrewSpan(y, Hebrew.ELUL, 29, 3)));
    hebrew(h, "yom kippur", Hebrew.TISHREI, 10);
    h.add(new Holiday(Pattern.compile("sukkot", F), y -> hebrewSpan(y, Hebrew.TISHREI, 14, 8)));
    h.add(new Holiday(Pattern.compile("hanukk?ah|chanukk?ah", F), y -> hebrewSpan(y, Hebrew.KISLEV, 24, 9)));
    hebrew(h, "tu b'?i?shvat", Hebrew.SHEVAT, 15);
    hebrew(h, "purim", Hebrew.ADAR, 14);
    hebrew(h, "shushan purim", Hebrew.ADAR, 15);
    h.add(new Holiday(Pattern.compile("passover|pesach", F), y -> hebrewSpan(y, Hebrew.NISAN, 14, 9)));
    hebrew(h, "yom hashoah|holocaust (?:remembrance )?day", Hebrew.NISAN, 27);
    hebrew(h, "lag b'?a?omer", Hebrew.IYAR, 18);
    h.add(new Holiday(Pattern.compile("shavuot", F), y -> hebrewSpan(y, Hebrew.SIVAN, 5, 3)));
    return List.copyOf(h);
  }

  private static void fixed(List<Holiday> h, String names, int month, int day) {
    day(h, names, y -> LocalDate.of(y, month, day));
  }

  private static void day(List<Holiday> h, String names, IntFunction<LocalDate> f) {
    h.add(new Holiday(Pattern.compile(names, F), y -> new LocalDate[] {f.apply(y), null}));
  }

  private static void easter(List<Holiday> h, String names, int offset) {
    day(h, names, y -> Rules.easter(y).plusDays(offset));
  }

  private static void orthodox(List<Holiday> h, String names, int offset) {
    day(h, names, y -> orthodoxEaster(y).plusDays(offset));
  }

  /** A day of the Hijri calendar, {@code month} and {@code day} 1-based, in Gregorian year {@code y}. */
  private static void hijri(List<Holiday> h, String names, int month, int day) {
    h.add(new Holiday(Pattern.compile(names, F), y -> {
      LocalDate[] s = hijriSpan(y, month, day, month, day);
      return s == null ? null : new LocalDate[] {s[0], null};
    }));
  }

  /** A Hebrew-calendar holiday, starting on its eve. */
  private static void hebrew(List<Holiday> h, String names, int month, int day) {
    h.add(new Holiday(Pattern.compile(names, F), y -> {
      LocalDate[] s = hebrewSpan(y, month, day - 1, 1);
      return s == null ? null : new LocalDate[] {s[0], null};
    }));
  }

  /** The Hijri span [month1/day1, month2/day2) that starts in Gregorian year {@code y}; null outside HijrahDate's range. */
  static LocalDate[] hijriSpan(int y, int month1, int day1, int month2, int day2) {
    try {
      int hy = HijrahDate.from(LocalDate.of(y, 1, 1)).get(ChronoField.YEAR);
      for (int k = hy; k <= hy + 1; k++) {
        LocalDate a = LocalDate.from(HijrahDate.of(k, month1, day1));
        if (a.getYear() == y) {
          LocalDate b = month2 == month1 && day2 == day1 ? null
              : LocalDate.from(HijrahDate.of(month2 < month1 ? k + 1 : k, month2, day2));
          return new LocalDate[] {a, b};
        }
      }
      return null;
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** A span of {@code days} days from a Hebrew month and day, starting in Gregorian year {@code y}; null if none does. */
  static LocalDate[] hebrewSpan(int y, int month, int day, int days) {
    for (int hy = y + 3760; hy <= y + 3761; hy++) {
      LocalDate a = Hebrew.toGregorian(hy, month, day);
      if (a.getYear() == y) {
        return new LocalDate[] {a, days == 1 ? null : a.plusDays(days)};
      }
    }
    return null;
  }

  /** The {@code n}th (or with -1 the last) {@code dow} of a month. */
  static LocalDate nth(int y, int month, int n, DayOfWeek dow) {
    LocalDate first = LocalDate.of(y, month, 1);
    return n < 0 ? first.with(TemporalAdjusters.lastInMonth(dow)) : first.with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
  }

  /** A Saturday moves to Friday and a Sunday to Monday. */
  static LocalDate weekdayNearest(LocalDate d) {
    return switch (d.getDayOfWeek()) {
      case SATURDAY -> d.minusDays(1);
      case SUNDAY -> d.plusDays(1);
      default -> d;
    };
  }

  /** Orthodox Easter Sunday: the Julian computus (Meeus), converted to the Gregorian calendar. */
  static LocalDate orthodoxEaster(int y) {
    int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
    int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
    int julianToGregorian = y / 100 - y / 400 - 2;
    return LocalDate.of(y, month, day).plusDays(julianToGregorian);
  }

  /** The arithmetic Hebrew calendar (Dershowitz and Reingold, Calendrical Calculations); months counted from Tishrei. */
  static final class Hebrew {
    private Hebrew() {}

    static final int TISHREI = 1, HESHVAN = 2, KISLEV = 3, TEVET = 4, SHEVAT = 5, ADAR_I = 6, ADAR = 7, NISAN = 8,
        IYAR = 9, SIVAN = 10, TAMMUZ = 11, AV = 12, ELUL = 13;
    /** Rata Die of 1 Tishrei AM 1. */
    private static final long EPOCH = -1373427;
    /** Rata Die of 1970-01-01. */
    private static final long RD_UNIX = 719163;

    static boolean leap(int y) {
      return Math.floorMod(7L * y + 1, 19) < 7;
    }

    private static long elapsedDays(int y) {
      long months = Math.floorDiv(235L * y - 234, 19);
      long parts = 12084 + 13753 * months;
      long day = 29 * months + Math.floorDiv(parts, 25920);
      return Math.floorMod(3 * (day + 1), 7) < 3 ? day + 1 : day;
    }

    private static long newYear(int y) {
      long last = elapsedDays(y - 1), present = elapsedDays(y), next = elapsedDays(y + 1);
      long delay = next - present == 356 ? 2 : present - last == 382 ? 1 : 0;
      return EPOCH + present + delay;
    }

    /** Length in days of {@code month} of Hebrew year {@code y}; 0 for Adar I in a common year. */
    static int monthLength(int y, int month) {
      long yearLength = newYear(y + 1) - newYear(y);
      return switch (month) {
        case HESHVAN -> yearLength % 10 == 5 ? 30 : 29;
        case KISLEV -> yearLength % 10 == 3 ? 29 : 30;
        case ADAR_I -> leap(y) ? 30 : 0;
        case TISHREI, SHEVAT, NISAN, SIVAN, AV -> 30;
        default -> 29;
      };
    }

    /** Gregorian date of {@code day} (1-based, may be 0 for the eve of the 1st) of {@code month} in Hebrew year {@code y}. */
    static LocalDate toGregorian(int y, int month, int day) {
      if (month < TISHREI || month > ELUL) {
        throw new IllegalArgumentException("bad Hebrew month: " + month);
      }
      long rd = newYear(y) + day - 1;
      for (int m = TISHREI; m < month; m++) {
        rd += monthLength(y, m);
      }
      return LocalDate.ofEpochDay(rd - RD_UNIX);
    }
  }
}
