package org.lente.nlp.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lente.nlp.time.Rules.Rule;
import org.lente.nlp.time.TimeTagger.Ctx;
import org.lente.nlp.time.TimeTagger.Kind;
import org.lente.nlp.time.TimeTagger.Piece;

/**
 * English rules beyond the shared ones of {@link Rules}: holidays, period boundaries ("end of next week",
 * "mid March"), ordinal weekdays of a month, clock phrasing ("a quarter to noon") and time zones.
 */
final class EnglishRules {
  private EnglishRules() {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  private static final String B = "(?<![\\p{L}\\d])";
  private static final String E = "(?![\\p{L}\\d])";
  private static final String AMPM = "(a\\.?m\\.?|p\\.?m\\.?)";
  private static final String UNITS = "one|two|three|four|five|six|seven|eight|nine";
  private static final String HOUR = "(\\d{1,2}|" + UNITS + "|ten|eleven|twelve)";
  private static final String MINUTE = "(\\d{1,2}|(?:twenty|thirty|forty|fifty)(?:[\\s-](?:" + UNITS + "))?"
      + "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + UNITS + ")";
  private static final String ORDINAL = "(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)";
  /** Holiday names that in running text are more often something else, a person or a month: not read in news. */
  private static final Pattern NOT_IN_NEWS = Pattern.compile("boss'?s?|(?:mlk|martin luther king'?s?)(?: jr\\.?)?|muharram|rakhi", F);
  /** Holiday names that in running text are a holiday only when capitalised ("Lent", not "lent"). */
  private static final Pattern CAPITALISED_IN_NEWS = Pattern.compile("lent|ascension|election day", F);
  private static final String REL = "(this|current|coming|next|following|last|past|previous)";
  private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
      Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
      Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
      Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50));
  /** UTC offsets in minutes of the zone abbreviations we accept. */
  private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("gmt", 0), Map.entry("utc", 0),
      Map.entry("wet", 0), Map.entry("cet", 60), Map.entry("cest", 120), Map.entry("bst", 60), Map.entry("eet", 120),
      Map.entry("ist", 330), Map.entry("jst", 540), Map.entry("est", -300), Map.entry("edt", -240),
      Map.entry("cst", -360), Map.entry("cdt", -300), Map.entry("mst", -420), Map.entry("mdt", -360),
      Map.entry("pst", -480), Map.entry("pdt", -420));

  private static final List<String> ONES = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
  private static final List<String> TEENS = List.of("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
      "seventeen", "eighteen", "nineteen");
  private static final List<String> TENS = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
  /** Regex of a number from ten to ninety-nine in words ("eighteen", "ninety-one"). */
  private static final String TEN_TO_99 = "(?:(?:" + String.join("|", TENS) + ")(?:[\\s-]+(?:" + String.join("|", ONES) + "))?|"
      + String.join("|", TEENS) + ")";
  /** Regex of a year in words: "two thousand (and) ten", "two thousand five", "nineteen ninety-one", "twenty fourteen". */
  static final String YEAR_IN_WORDS = "(?:two\\s+thousand(?:\\s+(?:and\\s+)?(?:" + TEN_TO_99 + "|" + String.join("|", ONES) + "))?"
      + "|(?:nineteen|twenty)\\s+" + TEN_TO_99 + ")";

  /** Value of a number from one to ninety-nine in words ("seven", "eighteen", "ninety-one"); -1 if unknown. */
  private static int upTo99(String w) {
    String[] p = w.trim().toLowerCase(java.util.Locale.ROOT).split("[\\s-]+");
    int tens = TENS.indexOf(p[0]), ones = p.length > 1 ? ONES.indexOf(p[1]) : -1;
    if (p.length == 1) {
      if (tens >= 0) return 20 + 10 * tens;
      if (TEENS.contains(p[0])) return 10 + TEENS.indexOf(p[0]);
      return ONES.contains(p[0]) ? ONES.indexOf(p[0]) + 1 : -1;
    }
    return p.length == 2 && tens >= 0 && ones >= 0 ? 20 + 10 * tens + ones + 1 : -1;
  }

  /** The year written in four digits or in words ({@link #YEAR_IN_WORDS}); -1 if it is neither. */
  static int year(String w) {
    String t = w.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    if (t.matches("\\d{4}")) return Integer.parseInt(t);
    if (t.startsWith("two thousand")) {
      String rest = t.substring("two thousand".length()).replaceFirst("^ (?:and )?", "");
      int n = rest.isEmpty() ? 0 : upTo99(rest);
      return n < 0 ? -1 : 2000 + n;
    }
    int n = upTo99(t.substring(t.indexOf(' ') + 1));
    return n < 10 ? -1 : (t.startsWith("nineteen") ? 1900 : 2000) + n;
  }

  /** Value of an English number from one to fifty-nine in digits or words ("twenty-five"); -1 if unknown. */
  static int small(String w) {
    String t = w.trim().toLowerCase();
    if (t.matches("\\d+")) {
      return Integer.parseInt(t);
    }
    int v = 0;
    for (String part : t.split("[\\s-]+")) {
      Integer x = WORDS.get(part);
      if (x == null) {
        return -1;
      }
      v += x;
    }
    return v;
  }

  /** UTC offset in minutes of a zone abbreviation; null if unknown. */
  static Integer zoneOffset(String abbreviation) {
    String z = abbreviation.toLowerCase().replaceAll("[()\\s]", "");
    java.util.regex.Matcher m = UTC_OFFSET.matcher(z);
    if (m.matches()) {
      int h = Integer.parseInt(m.group(2));
      return h > 14 ? null : (m.group(1).equals("-") ? -60 : 60) * h;
    }
    return ZONES.get(z);
  }

  /** "gmt+8", "utc-5": UTC with an offset in hours, as news writes a zone after a clock time. */
  private static final Pattern UTC_OFFSET = Pattern.compile("(?:gmt|utc)([+-])(\\d{1,2})");

  private static int rel(String mod) {
    if (mod == null || mod.matches("this|current")) {
      return 0;
    }
    return mod.matches("coming|next|following") ? 1 : -1;
  }

  private static Piece span(Matcher m, LocalDate a, LocalDate b) {
    return Rules.date(m, 0, new Moment(a.atStartOfDay(), Grain.DAY, b.atStartOfDay()), true);
  }

  /** The English-only rules; lenient ones also accept bare phrasings that are too ambiguous in running text. */
  static List<Rule> of(boolean lenient) {
    String num = Words.number(Lang.EN);
    String wd = "(" + Words.WD_EN + "|" + Words.WD_EN_ABBR + ")";
    String month = "(" + Words.MONTH_EN + ")";
    String holidays = lenient ? Holidays.NAMES : Holidays.NAMES_IN_NEWS;
    List<Rule> r = new ArrayList<>();

    // holidays, with an optional year or offset: "MLK day of last year", "thanksgiving 3 months ago"
    r.add(new Rule(Pattern.compile(B + "(?:(last|this|next)\\s+)?(" + holidays + ")(?:\\s+(?:of\\s+|in\\s+)?(?:(\\d{4}|" + YEAR_IN_WORDS + ")|(last|this|next)\\s+year)"
        + "|\\s+in\\s+(" + num + ")\\s+(years?|months?)|\\s+(" + num + ")\\s+(years?|months?)\\s+(ago|from now|hence))?" + E, F), EnglishRules::holiday));

    // "three days after Easter", "2 weeks before thanksgiving 2030"
    r.add(new Rule(Pattern.compile(B + "(" + num + ")\\s+(days?|weeks?)\\s+(after|before)\\s+(?:the\\s+)?(" + holidays + ")(?:\\s+(\\d{4}))?" + E, F), (m, c) -> {
      double n = Words.value(m.group(1), Lang.EN);
      Holidays.Holiday h = Holidays.named(m.group(4));
      if (n < 1 || n != Math.floor(n) || h == null) {
        return null;
      }
      LocalDate[] d = m.group(5) != null ? h.in().apply(Integer.parseInt(m.group(5))) : h.onOrAfter(c.today());
      if (d == null) {
        return null;
      }
      long days = (long) n * (m.group(2).startsWith("w") ? 7 : 1) * (m.group(3).equals("after") ? 1 : -1);
      return Rules.day(m, d[0].plusDays(days), m.group(5) == null);
    }));
    // a month some years on: "March in 2 years", "March after next"
    r.add(new Rule(Pattern.compile(B + "(" + Words.MONTH_EN_FULL + ")\\s+(?:in\\s+(" + num + ")\\s+years?|(after next))" + E, F), (m, c) -> {
      double n = m.group(3) != null ? 1 : Words.value(m.group(2), Lang.EN);
      if (n < 1 || n != Math.floor(n)) {
        return null;
      }
      LocalDate first = TimeTagger.monthDay(c, Words.month(m.group(1), Lang.EN), 0, m.start()).plusYears((long) n);
      return Rules.date(m, 0, Moment.at(first.atStartOfDay(), Grain.MONTH), true);
    }));
    // fractions of an hour: "in 3/4 hour", "in 2 and a half hours"
    r.add(new Rule(Pattern.compile(B + "in\\s+(?:([13])/4\\s*(?:h|hours?)|(" + num + ")\\s+and\\s+an?\\s+half\\s+hours?)" + E, F), (m, c) -> {
      long minutes;
      if (m.group(1) != null) {
        minutes = 15L * Integer.parseInt(m.group(1));
      } else {
        double n = Words.value(m.group(2), Lang.EN);
        if (n < 0 || n != Math.floor(n)) {
          return null;
        }
        minutes = (long) n * 60 + 30;
      }
      return Rules.date(m, 0, Moment.at(c.ref().plusMinutes(minutes), Grain.SECOND), true);
    }));
    // boundaries of a week: "beginning of next week" is Monday to Wednesday, "end of this week" Friday to Sunday
    r.add(new Rule(Pattern.compile(B + "(?:at\\s+)?(?:the\\s+)?(beginning|start|end)\\s+of\\s+(?:the\\s+)?(?:around\\s+)?" + REL + "\\s+week" + E, F), (m, c) -> {
      LocalDate monday = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(rel(m.group(2)));
      if (!c.duckling()) {
        return Rules.date(m, 0, Moment.at(monday.atStartOfDay(), Grain.WEEK), true); // TimeML: the week, with a mod
      }
      return m.group(1).equals("end") ? span(m, monday.plusDays(4), monday.plusDays(7)) : span(m, monday, monday.plusDays(3));
    }));
    // boundaries of a month: the first ten days, or from the 21st
    r.add(new Rule(Pattern.compile(B + "(?:at\\s+)?(?:the\\s+)?(?:(beginning|start|end)\\s+of\\s+(?:the\\s+)?(?:" + REL + "\\s+)?month|(eom|bom))" + E, F), (m, c) -> {
      if (m.group(3) != null && !lenient && !c.original().substring(m.start(3), m.end(3)).equals(m.group(3).toUpperCase())) {
        return null;
      }
      LocalDate first = c.today().withDayOfMonth(1).plusMonths(rel(m.group(2)));
      if (!c.duckling()) {
        return Rules.date(m, 0, Moment.at(first.atStartOfDay(), Grain.MONTH), true); // TimeML: the month, with a mod
      }
      boolean end = m.group(3) != null ? m.group(3).equals("eom") : m.group(1).equals("end");
      return end ? span(m, first.plusDays(20), first.plusMonths(1)) : span(m, first, first.plusDays(10));
    }));
    // boundaries of a year: its first or last four months
    r.add(new Rule(Pattern.compile(B + "(?:at\\s+)?(?:the\\s+)?(beginning|start|end)\\s+of\\s+(?:(?:the\\s+)?(?:" + REL + "\\s+)?year|(\\d{4}))" + E, F), (m, c) -> {
      int y = m.group(3) != null ? Integer.parseInt(m.group(3)) : c.today().getYear() + rel(m.group(2));
      if (!c.duckling()) {
        return Rules.date(m, 0, Moment.at(LocalDateTime.of(y, 1, 1, 0, 0), Grain.YEAR), m.group(3) == null); // TimeML: the year, with a mod
      }
      LocalDateTime a = LocalDateTime.of(y, m.group(1).equals("end") ? 9 : 1, 1, 0, 0);
      return Rules.date(m, 0, new Moment(a, Grain.MONTH, a.plusMonths(m.group(1).equals("end") ? 4 : 3)), m.group(3) == null);
    }));
    // thirds of a month: "early March", "mid-March", "late March 2020"; in phrases also its beginning and end (Duckling's
    // "at the beginning of <month>", its first ten days; "the end of <month>", from the 21st)
    String third = lenient ? "(early|mid|late|(?:at\\s+)?(?:the\\s+)?(?:beginning|start|end)\\s+of)" : "(early|mid|late)";
    r.add(new Rule(Pattern.compile(B + third + "[\\s-]+(?:in\\s+)?" + month + "(?:,?\\s+(\\d{4}))?" + E, F), (m, c) -> {
      if (!lenient && m.group(2).equals("may") && !Character.isUpperCase(c.original().charAt(m.start(2)))) {
        return null;
      }
      int mo = Words.month(m.group(2), Lang.EN);
      LocalDate first = m.group(3) != null ? LocalDate.of(Integer.parseInt(m.group(3)), mo, 1) : TimeTagger.monthDay(c, mo, 0, m.start());
      if (!c.duckling()) {
        return Rules.date(m, 0, Moment.at(first.atStartOfDay(), Grain.MONTH), m.group(3) == null); // TimeML: the month, with a mod
      }
      String part = m.group(1).replaceFirst("^(?:at\\s+)?(?:the\\s+)?", "");
      return part.startsWith("mid") ? span(m, first.plusDays(10), first.plusDays(20))
          : part.matches("early|beginning.*|start.*") ? span(m, first, first.plusDays(10)) : span(m, first.plusDays(20), first.plusMonths(1));
    }));
    // "upcoming two weeks", "2 upcoming months": the period that starts N periods ahead
    r.add(new Rule(Pattern.compile(B + "(?:upcoming\\s+(" + num + ")\\s+(day|week|month|year)s?|(" + num + ")\\s+upcoming\\s+(day|week|month|year)s?)" + E, F), (m, c) -> {
      double n = Words.value(m.group(1) != null ? m.group(1) : m.group(3), Lang.EN);
      if (n < 1 || n != Math.floor(n)) {
        return null;
      }
      Grain g = Words.grainOf(m.group(2) != null ? m.group(2) : m.group(4));
      return Rules.date(m, 0, new Moment(g.plus(g.truncate(c.ref()), (long) n), g, null), true);
    }));
    // "3 fridays from now": the third Friday after today
    r.add(new Rule(Pattern.compile(B + "(" + num + ")\\s+(" + Words.WD_EN + ")s\\s+(?:from now|from today|hence)" + E, F), (m, c) -> {
      double n = Words.value(m.group(1), Lang.EN);
      if (n < 1 || n != Math.floor(n)) {
        return null;
      }
      return Rules.day(m, c.today().with(TemporalAdjusters.next(Words.weekday(m.group(2)))).plusWeeks((long) n - 1), true);
    }));
    // ordinal weekday or day of a month: "last Friday of October", "first Monday of last month", "last day in October 2015"
    r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?" + ORDINAL + "\\s+(?:" + wd + "|(day))\\s+(?:of|in)\\s+(?:(?:the\\s+)?" + REL + "\\s+month|" + month
        + "(?:,?\\s+(\\d{4}))?)" + E, F), (m, c) -> {
      LocalDate first;
      if (m.group(4) != null) {
        first = c.today().withDayOfMonth(1).plusMonths(rel(m.group(4)));
      } else {
        int mo = Words.month(m.group(5), Lang.EN);
        first = m.group(6) != null ? LocalDate.of(Integer.parseInt(m.group(6)), mo, 1) : TimeTagger.monthDay(c, mo, 0, m.start());
      }
      String o = m.group(1);
      int n = o.equals("last") ? -1 : o.startsWith("1") || o.equals("first") ? 1 : o.startsWith("2") || o.equals("second") ? 2
          : o.startsWith("3") || o.equals("third") ? 3 : o.startsWith("4") || o.equals("fourth") ? 4 : 5;
      LocalDate d;
      if (m.group(3) != null) {
        d = n < 0 ? first.with(TemporalAdjusters.lastDayOfMonth()) : first.plusDays(n - 1);
      } else {
        DayOfWeek dow = Words.weekday(m.group(2));
        d = n < 0 ? first.with(TemporalAdjusters.lastInMonth(dow)) : first.with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
        if (d.getMonthValue() != first.getMonthValue()) {
          return null;
        }
      }
      return Rules.day(m, d, m.group(6) == null);
    }));
    // day of a relative month: "20th of next month", "the 3rd day of the following month"
    r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth)(?:\\s+day)?\\s+of\\s+(?:the\\s+)?" + REL + "\\s+month" + E, F), (m, c) -> {
      int d = (int) Words.value(m.group(1).replaceAll("(?<=\\d)(st|nd|rd|th)$", ""), Lang.EN);
      LocalDate first = c.today().withDayOfMonth(1).plusMonths(rel(m.group(2)));
      return d < 1 || d > first.lengthOfMonth() ? null : Rules.day(m, first.plusDays(d - 1), true);
    }));
    // clock phrasing: "a quarter past noon", "20 minutes past 3pm", "half past three", "ten to five"; not before a unit, a
    // range of counts ("the next 12 to 18 months" is no 17:48)
    String to = lenient ? "past|after|to|till|before|of|from" : "past|after";
    r.add(new Rule(Pattern.compile(B + "(?:(?:at|for)\\s+)?(?:(a\\s+quarter|quarter|half)|" + MINUTE + "(\\s+minutes?)?)\\s+(" + to + "|to)\\s+(noon|midnight|" + HOUR.substring(1)
        + "(?:\\s*" + AMPM + ")?" + E + Words.notBeforeUnit(Lang.EN), F), (m, c) -> {
      int min = m.group(1) != null ? (m.group(1).equals("half") ? 30 : 15) : small(m.group(2));
      String dir = m.group(4);
      // in running text an am/pm makes a bare count a clock's minutes after the hour only: "20 past 3pm", but "from 3 to 5
      // pm" is a range of hours, not 4:57 pm
      boolean explicit = m.group(1) != null || m.group(3) != null || lenient || m.group(6) != null && !dir.equals("to")
          || m.group(5).matches("noon|midnight");
      if (min < 1 || min > 59 || !dir.equals("past") && !explicit) {
        return null;
      }
      String hw = m.group(5);
      int h = hw.equals("noon") ? 12 : hw.equals("midnight") ? 0 : small(hw);
      if (h < 0 || h > 23 || m.group(6) != null && h > 12) {
        return null;
      }
      boolean fixed = hw.equals("noon") || hw.equals("midnight") || h > 12 || h == 0 || m.group(6) != null;
      String ampm = m.group(6) != null ? m.group(6) : null;
      if (ampm != null && ampm.startsWith("p") && h < 12) {
        h += 12;
      } else if (ampm != null && h == 12) {
        h = 0;
      }
      if (dir.matches("to|till|before|of")) {
        h = (h + 23) % 24;
        min = 60 - min;
      }
      TimeTagger.Clock clock = new TimeTagger.Clock(h, min, 0, Grain.MINUTE, !fixed && h >= 1 && h <= 12);
      return new Piece(m.start(), m.end(), Kind.TIME, TimeTagger.clockDefault(c, clock), null, true, clock, null,
          String.format("XXXX-XX-XXT%02d:%02d", h, min));
    }));
    // "330 p.m.", "3 o'clock"
    r.add(new Rule(Pattern.compile(B + "(?:(?:at|@)\\s+)?(\\d{1,2})(\\d{2})\\s*" + AMPM + E, F), (m, c) -> {
      int h = Integer.parseInt(m.group(1)), min = Integer.parseInt(m.group(2));
      return h < 1 || h > 12 || min > 59 ? null : Rules.clock(m, c, h, min, 0, Grain.MINUTE, m.group(3));
    }));
    r.add(new Rule(Pattern.compile(B + HOUR + "\\s*o'?clock" + E, F), (m, c) -> {
      int h = small(m.group(1));
      return h < 0 || h > 23 ? null : Rules.clock(m, c, h, 0, 0, Grain.HOUR, null);
    }));
    if (lenient) {
      // "8 tonight", "eight this evening"; lenient only, as "Game 7 tonight" is common in news
      r.add(new Rule(Pattern.compile(B + HOUR + "\\s+(?:tonight|tonite|this evening|in the evening)" + E, F), (m, c) -> {
        int h = small(m.group(1));
        return h < 1 || h > 12 ? null : Rules.clock(m, c, h, 0, 0, Grain.HOUR, "pm");
      }));
      // seasons relative to the reference; lenient only, as "last season" in news is usually a sports season
      r.add(new Rule(Pattern.compile(B + REL + "\\s+seasons?" + E, F), (m, c) -> season(m, c, rel(m.group(1)))));
      r.add(new Rule(Pattern.compile(B + "(?:(?:(?:right|just)\\s+)?now|at the moment|atm)" + E, F), (m, c) ->
          Rules.date(m, 0, Moment.at(c.ref(), Grain.SECOND), true)));
      // "in 15'" and a bare "in 15" are minutes
      r.add(new Rule(Pattern.compile(B + "in\\s+(\\d{1,3})(?:\\s*'|$)", F), (m, c) ->
          Rules.date(m, 0, Moment.at(c.ref().plusMinutes(Integer.parseInt(m.group(1))), Grain.SECOND), true)));
      // "half three" (British), "at three twenty", "at 12 15", "twelve oh three", "at 150ish"
      r.add(new Rule(Pattern.compile(B + "half\\s+" + HOUR + E, F), (m, c) -> {
        int h = small(m.group(1));
        return h < 1 || h > 12 ? null : Rules.clock(m, c, h, 30, 0, Grain.MINUTE, null);
      }));
      r.add(new Rule(Pattern.compile(B + "(?:(?:at|@)\\s+)?" + HOUR + "(?:\\s+|[\\s-]+(?:zero|o|ou|oh)[\\s-]+)" + MINUTE + "(?:\\s*" + AMPM + ")?" + E, F), (m, c) -> {
        int h = small(m.group(1)), min = small(m.group(2));
        boolean oh = m.group(0).matches("(?s).*[\\s-](zero|o|ou|oh)[\\s-].*");
        if (h < 0 || h > 23 || min < 0 || min > 59 || oh && min > 9 || !oh && !m.group(0).matches("(?s)(at|@).*") && !m.group(2).matches("\\p{L}.*")) {
          return null;
        }
        return Rules.clock(m, c, h, min, 0, Grain.MINUTE, m.group(3));
      }));
      r.add(new Rule(Pattern.compile(B + "(?:(?:at|@)\\s+)(\\d{1,2})(\\d{2})\\s*ish" + E, F), (m, c) -> {
        int h = Integer.parseInt(m.group(1)), min = Integer.parseInt(m.group(2));
        return h > 23 || min > 59 ? null : Rules.clock(m, c, h, min, 0, Grain.MINUTE, null);
      }));
      // time zones, folded into the adjacent clock time by Merges
      r.add(new Rule(Pattern.compile(B + "\\(?(" + String.join("|", ZONES.keySet()) + ")\\)?" + E, F), (m, c) ->
          new Piece(m.start(), m.end(), Kind.ZONE, null, m.group(1), false, null, null, null)));
    }
    return r;
  }

  /**
   * The astronomical season {@code off} seasons from the reference's, as Duckling renders it: from its first day to
   * the day before the next season starts (spring 20 March, summer 21 June, autumn 23 September, winter 21 December).
   */
  private static Piece season(Matcher m, Ctx c, int off) {
    List<LocalDate> starts = new ArrayList<>();
    for (int y = c.today().getYear() - 2; y <= c.today().getYear() + 2; y++) {
      starts.addAll(List.of(LocalDate.of(y, 3, 20), LocalDate.of(y, 6, 21), LocalDate.of(y, 9, 23), LocalDate.of(y, 12, 21)));
    }
    int i = 0;
    while (!starts.get(i + 1).isAfter(c.today())) {
      i++;
    }
    i += off;
    return span(m, starts.get(i), starts.get(i + 1).minusDays(1));
  }

  private static Piece holiday(Matcher m, Ctx c) {
    Holidays.Holiday h = Holidays.named(m.group(2));
    if (h == null || !c.duckling() && (NOT_IN_NEWS.matcher(m.group(2)).matches()
        || CAPITALISED_IN_NEWS.matcher(m.group(2)).matches() && !Character.isUpperCase(c.original().charAt(m.start(2))))) {
      return null;
    }
    LocalDate today = c.today();
    LocalDate[] d;
    if (m.group(3) != null) {
      int y = year(m.group(3));
      if (y < 0) return null;
      d = h.in().apply(y);
    } else if (m.group(4) != null) {
      d = h.in().apply(today.getYear() + rel(m.group(4)));
    } else if (m.group(5) != null || m.group(7) != null) {
      double n = Words.value(m.group(5) != null ? m.group(5) : m.group(7), Lang.EN);
      if (n < 0 || n != Math.floor(n)) {
        return null;
      }
      long signed = "ago".equals(m.group(9)) ? -(long) n : (long) n;
      String unit = m.group(5) != null ? m.group(6) : m.group(8);
      d = h.onOrAfter(unit.startsWith("y") ? today.plusYears(signed) : today.plusMonths(signed));
    } else if ("last".equals(m.group(1))) {
      d = h.before(today);
    } else if (c.duckling() || m.group(1) != null) {
      d = h.onOrAfter(today);
    } else {
      // a bare holiday in news: "was rescued on Thanksgiving Day" in January is the one gone by
      d = h.inNews(c, m.start(), m.end());
    }
    return d == null ? null : h.piece(m, c, d, m.group(3) == null);
  }
}
