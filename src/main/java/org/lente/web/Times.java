package org.lente.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readable forms of TIMEX3 values and of publication dates. */
public final class Times {

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern ANCHORED = Pattern.compile("ANCHOR([+-])P(\\d{1,4})D");

  private Times() {}

  /**
   * A TIMEX3 value in words of the interface's language: "19 giugno 2024" for 2024-06-19, "June
   * 2024" for 2024-06, the year, "week 25 of 2024", the relative values of an undated article ("1
   * day before the article's date", "in the future"); other values (durations, times of day) as they are.
   */
  public static String describe(String value, Messages m) {
    if (value == null) {
      return "";
    }
    try {
      if (DAY.matcher(value).matches()) {
        return LocalDate.parse(value).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(m.locale()));
      }
      if (MONTH.matcher(value).matches()) {
        return YearMonth.parse(value).format(DateTimeFormatter.ofPattern("LLLL yyyy", m.locale()));
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return value;
    }
    if (YEAR.matcher(value).matches()) {
      return value;
    }
    Matcher w = WEEK.matcher(value);
    if (w.matches()) {
      return m.t("time.week", Integer.parseInt(w.group(2)), w.group(1));
    }
    Matcher a = ANCHORED.matcher(value);
    if (a.matches()) {
      return m.count(a.group(1).equals("-") ? "time.before" : "time.after", Integer.parseInt(a.group(2)));
    }
    return switch (value) {
      case "ANCHOR" -> m.t("time.anchor");
      case "PAST_REF", "PRESENT_REF", "FUTURE_REF" -> m.t("time." + value);
      default -> value;
    };
  }

  /**
   * The calendar day a TIMEX3 value or a publication date starts with (2024-06-19 for
   * "2024-06-19T10:00+02:00"), or null when it names no day.
   */
  public static LocalDate day(String value) {
    return org.lente.extract.Article.day(value);
  }

  /** A publication date as a readable day ("19 June 2024"), or the value itself when it is not one. */
  public static String published(String value, Messages m) {
    LocalDate d = day(value);
    return d == null ? (value == null ? "" : value)
        : d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(m.locale()));
  }
}
