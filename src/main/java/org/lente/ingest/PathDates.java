package org.lente.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date in a file's path, where archives and crawls file articles by day: a folder or file name
 * that starts with the date ({@code …/2011-03-08/…}, {@code …/20110308-story.txt}) or three folders
 * year, month, day ({@code …/2011/03/08/…}). Stateless.
 */
public final class PathDates {

  /** A name that starts with yyyy-mm-dd, yyyy_mm_dd or yyyymmdd, not followed by another digit. */
  private static final Pattern DATED_NAME = Pattern.compile("^((?:19|20)\\d{2})[-_]?(\\d{2})[-_]?(\\d{2})(?!\\d)");
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{1,2}");
  /** A day folder, or a file name that starts with the day: {@code 08}, {@code 08-story.txt}. */
  private static final Pattern DAY = Pattern.compile("^(\\d{1,2})(?!\\d)");

  private PathDates() {}

  /**
   * The date in {@code path} (a file path or URL, slashes or backslashes), the deepest one when
   * there are several; null when none, or when the numbers are no calendar day.
   */
  public static LocalDate in(String path) {
    String[] parts = path.split("[/\\\\]+");
    LocalDate found = null;
    for (int i = 0; i < parts.length; i++) {
      LocalDate d = null;
      Matcher named = DATED_NAME.matcher(parts[i]);
      if (named.find()) {
        d = date(named.group(1), named.group(2), named.group(3));
      } else if (i + 2 < parts.length && YEAR.matcher(parts[i]).matches() && MONTH.matcher(parts[i + 1]).matches()) {
        Matcher day = DAY.matcher(parts[i + 2]);
        d = day.find() ? date(parts[i], parts[i + 1], day.group(1)) : null;
      }
      if (d != null) {
        found = d;
      }
    }
    return found;
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
