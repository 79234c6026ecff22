package org.lente.ingest.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds and sitemaps write them (RFC 822 in RSS, ISO 8601 / W3C-DTF in Atom, JSON Feed
 * and sitemaps), rewritten as ISO 8601: {@code 2018-01-31T07:26:05Z} or
 * {@code 2018-01-31T09:26:05+02:00} with the offset given, {@code 2018-01-31T07:26:05} when the
 * zone is missing or unknown, {@code 2018-01-31} for a bare date.
 */
final class FeedDates {

  private static final Pattern RFC822 = Pattern.compile(
      "(?:[A-Za-z]{2,9},?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(\\d{2,4})"
          + "(?:[\\sT]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?.*");
  private static final Pattern ISO_SPACE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0),
      Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
      Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7),
      Map.entry("CET", 1), Map.entry("CEST", 2), Map.entry("BST", 1));

  private FeedDates() {}

  /** The date as ISO 8601, or null when {@code raw} is null, blank or not a date this reads. */
  static String iso(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    try {
      return OffsetDateTime.parse(s).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException ignored) {
      // other shapes below
    }
    Matcher iso = ISO_SPACE.matcher(s);
    if (iso.matches()) {
      String time = iso.group(2).length() == 5 ? iso.group(2) + ":00" : iso.group(2);
      String zone = iso.group(3);
      try {
        LocalDateTime local = LocalDateTime.parse(iso.group(1) + "T" + time);
        return zone == null ? local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            : local.atOffset(ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeException e) {
        return null;
      }
    }
    if (s.length() >= 10 && s.charAt(4) == '-') {
      try {
        return LocalDate.parse(s.substring(0, 10)).toString();
      } catch (DateTimeParseException e) {
        // maybe RFC 822 after all
      }
    }
    return rfc822(s);
  }

  private static String rfc822(String s) {
    Matcher m = RFC822.matcher(s);
    if (!m.matches()) {
      return null;
    }
    Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (month == null) {
      return null;
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 50 ? 2000 : 1900;
    } else if (m.group(3).length() == 3) {
      return null;
    }
    try {
      if (m.group(4) == null) {
        return LocalDate.of(year, month, Integer.parseInt(m.group(1))).toString();
      }
      LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      ZoneOffset offset = offset(m.group(7));
      return offset == null ? local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          : local.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null) {
      return null;
    }
    if (zone.startsWith("+") || zone.startsWith("-")) {
      String digits = zone.replace(":", "");
      return ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
          (zone.startsWith("-") ? -1 : 1) * Integer.parseInt(digits.substring(3)));
    }
    Integer hours = ZONES.get(zone.toUpperCase(Locale.ROOT));
    return hours == null ? null : ZoneOffset.ofHours(hours);
  }
}
