package org.lente.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates pages give, in the forms pages use, into ISO-8601 strings: a date, or a
 * date-time with its offset when the page states one. Every method returns null for a string it
 * cannot read, and for a year outside 1990..2100 (pages carry copyright years and junk).
 */
final class Dates {

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?)?");
  private static final Pattern NUMERIC = Pattern.compile(
      "\\b(\\d{1,2})[./](\\d{1,2})[./]((?:19|20)\\d{2})\\b");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
      Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
      Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9),
      Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12),
      Map.entry("gennaio", 1), Map.entry("febbraio", 2), Map.entry("marzo", 3), Map.entry("aprile", 4),
      Map.entry("maggio", 5), Map.entry("giugno", 6), Map.entry("luglio", 7), Map.entry("agosto", 8),
      Map.entry("settembre", 9), Map.entry("ottobre", 10), Map.entry("novembre", 11), Map.entry("dicembre", 12),
      Map.entry("gen", 1), Map.entry("mag", 5), Map.entry("giu", 6), Map.entry("lug", 7), Map.entry("ago", 8),
      Map.entry("set", 9), Map.entry("ott", 10), Map.entry("dic", 12),
      Map.entry("januar", 1), Map.entry("februar", 2), Map.entry("märz", 3), Map.entry("mai", 5),
      Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("oktober", 10), Map.entry("dezember", 12),
      Map.entry("janvier", 1), Map.entry("février", 2), Map.entry("mars", 3), Map.entry("avril", 4),
      Map.entry("juin", 6), Map.entry("juillet", 7), Map.entry("août", 8), Map.entry("septembre", 9),
      Map.entry("octobre", 10), Map.entry("décembre", 12),
      Map.entry("enero", 1), Map.entry("febrero", 2), Map.entry("abril", 4), Map.entry("mayo", 5),
      Map.entry("junio", 6), Map.entry("julio", 7), Map.entry("septiembre", 9),
      Map.entry("octubre", 10), Map.entry("noviembre", 11), Map.entry("diciembre", 12));
  private static final String MONTH_WORD = "([A-Za-zÀ-ÿ]{3,10})\\.?";
  // 19 novembre 2024 / 19. November 2024 / 19 Nov. 2024
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th|°|º|\\.)?\\s+(?:de\\s+)?" + MONTH_WORD + ",?\\s+(?:de\\s+)?((?:19|20)\\d{2})\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  // November 19, 2019 / Nov. 19 2019
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "\\b" + MONTH_WORD + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words that may stand beside a date in a date line: labels, weekdays, zones, prepositions. */
  private static final java.util.Set<String> DATE_LINE_WORDS = java.util.Set.of(
      "published", "updated", "posted", "modified", "last", "date", "on", "at", "am", "pm", "the", "of",
      "pubblicato", "aggiornato", "il", "alle", "ore", "del", "data", "ultimo", "aggiornamento",
      "veröffentlicht", "aktualisiert", "letzte", "änderung", "geändert", "stand", "um", "uhr", "datum", "vom",
      "publié", "mis", "à", "jour", "le", "publicado", "actualizado", "el", "de", "fecha", "a", "las",
      "opublikowano", "aktualizacja", "gmt", "utc", "cet", "cest", "edt", "est", "pdt", "pst", "bst", "et",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mon", "tue", "wed", "thu", "fri", "sat", "sun",
      "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
      "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  /** How far into the text a dateline's date may start: a place and an agency, not a sentence. */
  private static final int DATELINE_REACH = 60;
  /** How much of the text's start is searched for the dateline. */
  private static final int DATELINE_HEAD = 200;
  /**
   * What may stand before a dateline's date: a place, in capitals ("WASHINGTON", "NEW YORK") or ending
   * in a comma ("Roma,"), or any place words followed by an agency in brackets ("Rome (Reuters)").
   */
  private static final Pattern DATELINE_PLACE = Pattern.compile(
      "(\\p{Lu}[\\p{L}\\p{M}.'’-]*(\\s+\\p{L}[\\p{L}\\p{M}.'’-]*){0,3}\\s*(,|\\([^()]{1,40}\\)\\s*[,:–—-]?|\\s[–—-]))"
          + "|[\\p{Lu}\\s.'’-]+");
  /** What may follow a dateline's date: a dash or colon, an agency in brackets, or the first sentence's capital. */
  private static final Pattern DATELINE_AFTER = Pattern.compile("^\\s*,?\\s*([–—:|(-]|\\p{Lu}|\\d|$)");
  /** A file or folder name that starts with yyyy-mm-dd, yyyy_mm_dd or yyyymmdd, not followed by another digit. */
  private static final Pattern DATED_NAME = Pattern.compile("^((?:19|20)\\d{2})[-_]?(\\d{2})[-_]?(\\d{2})(?!\\d)");
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{1,2}");
  /** A day folder, or a file name that starts with the day: {@code 08}, {@code 08-story.txt}. */
  private static final Pattern DAY = Pattern.compile("^(\\d{1,2})(?!\\d)");

  private Dates() {}

  /** True when {@code s} holds a date and nothing but date words, numbers and punctuation: a time stamp line. */
  static boolean isDateLine(String s) {
    if (fromText(s) == null) {
      return false;
    }
    Matcher m = LETTERS.matcher(s);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!DATE_LINE_WORDS.contains(w) && !MONTHS.containsKey(w)) {
        return false;
      }
    }
    return true;
  }

  /** A machine-readable date: ISO forms, RFC 1123, or a written-out date. */
  static String parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 200) {
      return null;
    }
    Matcher m = ISO.matcher(s);
    if (m.find()) {
      return fromIsoMatch(m);
    }
    try {
      ZonedDateTime z = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
      return checked(z.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), z.getYear());
    } catch (DateTimeParseException e) {
      // not RFC 1123: fall through to written-out dates
    }
    if (s.matches("\\d{8}")) {
      return ymd(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
          Integer.parseInt(s.substring(6, 8)));
    }
    return fromText(s);
  }

  /** A written-out date inside running text, e.g. a dateline: "19 giugno 2024", "June 19, 2024", "19.06.2024". */
  static String fromText(String text) {
    if (text == null || !hasYear(text)) {
      return null;
    }
    for (Found f : written(text)) {
      if (f != null) {
        return f.value();
      }
    }
    return null;
  }

  /** A date written in a text, where it stands; {@code value} is null when the numbers are no calendar day. */
  private record Found(String value, int start, int end) {}

  /** The first day-month-year, month-day-year and numeric date in {@code text}, in that order; null for a form absent. */
  private static Found[] written(String text) {
    Found dmy = null;
    Matcher m = DAY_MONTH_YEAR.matcher(text);
    while (dmy == null && m.find()) {
      Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
      if (month != null) {
        dmy = new Found(ymd(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))), m.start(), m.end());
      }
    }
    Found mdy = null;
    m = MONTH_DAY_YEAR.matcher(text);
    while (mdy == null && m.find()) {
      Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
      if (month != null) {
        mdy = new Found(ymd(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2))), m.start(), m.end());
      }
    }
    Found numeric = null;
    m = NUMERIC.matcher(text);
    if (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      int year = Integer.parseInt(m.group(3));
      // day first, as in most of the world; month first only when the day-first reading is impossible
      numeric = new Found(a > 12 || b <= 12 ? ymd(year, b, a) : ymd(year, a, b), m.start(), m.end());
    }
    return new Found[] {dmy, mdy, numeric};
  }

  /**
   * The date of the dateline that opens {@code text}, or null: a full date (day, month and year) in
   * the first paragraph that starts the text or follows a place ("ROMA, 8 marzo 2011 –",
   * "WASHINGTON (AP) March 8, 2011 —", "March 01, 2008 Northrop…"), within {@value #DATELINE_REACH}
   * characters, and is followed by a dash, an agency or the first sentence. A date inside the first
   * sentence ("The Senate voted on March 8, 2011") is no dateline.
   */
  static String dateline(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String head = text.substring(0, Math.min(text.length(), DATELINE_HEAD));
    int paragraph = head.indexOf("\n\n");
    head = paragraph < 0 ? head : head.substring(0, paragraph);
    if (!hasYear(head)) {
      return null;
    }
    Found first = null;
    for (Found f : written(head)) {
      if (f != null && (first == null || f.start() < first.start())) {
        first = f;
      }
    }
    if (first == null || first.value() == null || first.start() > DATELINE_REACH) {
      return null;
    }
    String before = head.substring(0, first.start()).strip();
    boolean placed = before.isEmpty() || DATELINE_PLACE.matcher(before).matches();
    return placed && DATELINE_AFTER.matcher(head.substring(first.end())).find() ? first.value() : null;
  }

  /** True when four digits 19xx or 20xx occur, as in every date {@link #fromText} reads: a quick test first. */
  private static boolean hasYear(String s) {
    for (int i = 0, n = s.length() - 3; i < n; i++) {
      char c = s.charAt(i);
      if ((c == '1' && s.charAt(i + 1) == '9' || c == '2' && s.charAt(i + 1) == '0')
          && isDigit(s.charAt(i + 2)) && isDigit(s.charAt(i + 3))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The date in a URL's path or a file's path, where sites and archives file articles by day: a
   * folder or file name that starts with the date ({@code /2019-11-19-title}, {@code …/20191119/},
   * {@code C:\\news\\2011_03_08.txt}) or three folders year, month, day ({@code /2019/11/19/}); the
   * deepest one when there are several. A URL's host and query are not looked at. Null when none,
   * or when the numbers are no calendar day.
   */
  static String fromPath(String urlOrPath) {
    if (urlOrPath == null) {
      return null;
    }
    String[] parts = pathOf(urlOrPath).split("[/\\\\]+");
    String found = null;
    for (int i = 0; i < parts.length; i++) {
      String d = null;
      Matcher named = DATED_NAME.matcher(parts[i]);
      if (named.find()) {
        d = ymd(Integer.parseInt(named.group(1)), Integer.parseInt(named.group(2)), Integer.parseInt(named.group(3)));
      } else if (i + 2 < parts.length && YEAR.matcher(parts[i]).matches() && MONTH.matcher(parts[i + 1]).matches()) {
        Matcher day = DAY.matcher(parts[i + 2]);
        d = day.find() ? ymd(Integer.parseInt(parts[i]), Integer.parseInt(parts[i + 1]), Integer.parseInt(day.group(1))) : null;
      }
      if (d != null) {
        found = d;
      }
    }
    return found;
  }

  /** A URL's path (without host, query or fragment), or the string itself when it is no URL with a host. */
  private static String pathOf(String urlOrPath) {
    int scheme = urlOrPath.indexOf("://");
    if (scheme <= 0 || !urlOrPath.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return urlOrPath;
    }
    int path = urlOrPath.indexOf('/', scheme + 3);
    if (path < 0) {
      return "";
    }
    String rest = urlOrPath.substring(path);
    int end = rest.length();
    for (char c : new char[] {'?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end);
  }

  private static String fromIsoMatch(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (m.group(4) == null) {
      return ymd(year, month, day);
    }
    try {
      int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)), sec);
      String zone = m.group(7);
      if (zone == null) {
        return checked(local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), year);
      }
      if (zone.equals("Z")) {
        zone = "+00:00";
      } else if (zone.length() == 3) {
        zone = zone + ":00";
      } else if (zone.length() == 5) {
        zone = zone.substring(0, 3) + ":" + zone.substring(3);
      }
      return checked(OffsetDateTime.of(local, java.time.ZoneOffset.of(zone)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), year);
    } catch (java.time.DateTimeException e) {
      return ymd(year, month, day);
    }
  }

  private static String ymd(int year, int month, int day) {
    try {
      return checked(LocalDate.of(year, month, day).toString(), year);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static String checked(String iso, int year) {
    return inRange(year) ? iso : null;
  }

  private static boolean inRange(int year) {
    return year >= 1990 && year <= 2100;
  }
}
