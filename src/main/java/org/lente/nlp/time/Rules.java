package org.lente.nlp.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lente.nlp.time.TimeTagger.Clock;
import org.lente.nlp.time.TimeTagger.Ctx;
import org.lente.nlp.time.TimeTagger.Kind;
import org.lente.nlp.time.TimeTagger.Part;
import org.lente.nlp.time.TimeTagger.Piece;
import org.lente.nlp.time.TimeTagger.Tense;

/** The recognition rules of {@link TimeTagger}, one regex and one resolver each. */
final class Rules {
  private Rules() {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  static final String B = "(?<![\\p{L}\\d])";
  /** "of" and a word after "the last year", "l'ultimo anno": the end of what follows ("of his term", "del mandato"), no date. */
  private static final Map<Lang, Pattern> OF_SOMETHING = Map.of(
      Lang.EN, Pattern.compile("\\s+of\\s+\\p{L}", Pattern.CASE_INSENSITIVE),
      Lang.IT, Pattern.compile("\\s+(?:" + Words.OF_IT + "|dell')\\s*\\p{L}", Pattern.CASE_INSENSITIVE));

  /** Whether "of" and a word follow {@code m} ({@link #OF_SOMETHING}): "the last year of his term" names no date. */
  private static boolean beforeOfSomething(Matcher m, Ctx c, Lang lang) {
    return OF_SOMETHING.get(lang).matcher(c.s()).region(m.end(), c.s().length()).lookingAt();
  }
  static final String E = "(?![\\p{L}\\d])";

  record Rule(Pattern pattern, BiFunction<Matcher, Ctx, Piece> resolve) {}

  /** Words before a unit that do not count it: ordinals ("the third quarter") and years ("the 1988 quarter"). */
  /** A share, not a span: "a quarter of the votes", "three-quarters". */
  /** Words that may follow an hour written as a word ({@link #countsANoun}) or a day of the month alone ("the 12th and"). */
  private static final Map<Lang, Pattern> AFTER_HOUR_WORD = Map.of(
      Lang.IT, Pattern.compile("\\s*+(?:(?:e|ed|o|di|del|della|in|a|da|per|con|su|meno|circa"
          // the articulated prepositions, which open a place after an hour ("alle 10 nella sede"), and the articles,
          // which open the next noun phrase ("alle 8 il mercato apre"): a count stands right before its noun
          + "|" + Words.ARTICULATED_IT + "|presso|davanti|dopo|prima|" + Words.ARTICLES_IT
          + "|precise|esatte|ora|oggi|domani|ieri|dopodomani|stasera|stamattina|stamani|stanotte|sera|mattina|notte|pomeriggio"
          + "|fino|tra|fra|quando|ma|" + Words.WD_IT + "|" + Words.MONTH_IT + ")(?![\\p{L}\\d])|(?:nell|all|dall|sull|l|un)')", F),
      Lang.EN, Pattern.compile("\\s*+(?:a\\.?m\\.?|p\\.?m\\.?|and|or|to|till|until|in|on|at|by|this|tonight|today|tomorrow"
          + "|yesterday|sharp|next|last|local|o'clock|oh|o|fifteen|thirty|forty|forty-five|twenty|ten|five|[ecmp][sd]t|gmt|utc"
          + "|when|but|" + Words.WD_EN + "|" + Words.MONTH_EN + ")(?![\\p{L}\\d])", F));
  /** What may follow an English dotted clock time in running text ("at 9.30 GMT", "at 7.15 in the morning"). */
  private static final Pattern DOTTED_CLOCK_CUE = Pattern.compile("\\s*+\\(?(?:gmt|utc|bst|cet|cest|wet|eet|[ecmp][sd]t|local\\s+time"
      + "|hours|tonight|at\\s+night|(?:in\\s+the|this)\\s+(?:morning|afternoon|evening))(?![\\p{L}\\d])", F);
  /** Words after "a second" that read it as a span of time, not as an ordinal before its noun. */
  private static final Pattern SPAN_AFTER_SECOND = Pattern.compile("\\s*+(?:later|earlier|ago|or|and|before|after|longer)\\b", F);
  private static final Pattern FRACTION = Pattern.compile("(?:an?|\\S+-)\\s*quarters?|\\S+[\\s-]+quarti", F);
  private static final Pattern ORDINAL_OR_YEAR = Pattern.compile("first|second|third|fourth|fifth|fifteenth|primo|(?:1[5-9]|20)\\d\\d", F);

  static Piece date(Matcher m, int g, Moment mo, boolean relative) {
    return new Piece(m.start(g), m.end(g), Kind.DATE, mo, null, relative, null, null, null);
  }

  static Piece day(Matcher m, LocalDate d, boolean relative) {
    return date(m, 0, Moment.at(d.atStartOfDay(), Grain.DAY), relative);
  }

  /**
   * Day {@code d} as one end of a range of days; {@code yearWritten} false when the text gives no year, so that the
   * date is relative and, without an anchor, its value that day of an unknown year ("XXXX-06-05").
   */
  static Piece rangeEnd(Matcher m, LocalDate d, boolean yearWritten) {
    Piece p = day(m, d, !yearWritten);
    return yearWritten ? p : p.withNoAnchor(String.format("XXXX-%02d-%02d", d.getMonthValue(), d.getDayOfMonth()));
  }

  /**
   * A weekday resolved to day {@code d}. Without an anchor the week is unknown, so its value is TimeML's weekday of an
   * unknown week, {@code XXXX-WXX-3} for a Wednesday, never an offset from the stand-in anchor's own weekday.
   */
  static Piece weekday(Matcher m, LocalDate d) {
    return day(m, d, true).withNoAnchor("XXXX-WXX-" + d.getDayOfWeek().getValue());
  }

  /** A clock range after an Italian weekday: "dalle 9", "dall'una". */
  private static final Pattern RANGE_AFTER_IT = Pattern.compile("\\s+(?:dalle|dall')");

  /**
   * Every {@code dow}, a habit: TimeML's set {@code XXXX-WXX-1} for Mondays ("ogni lunedì", "every Monday", "on
   * Mondays", "Il mercato si tiene il lunedì").
   */
  static Piece everyWeekday(Matcher m, DayOfWeek dow) {
    return new Piece(m.start(), m.end(), Kind.SET, null, "XXXX-WXX-" + dow.getValue(), false, null, null, null);
  }

  /**
   * The weekday of group 2 told from the last day the text mentioned, the first one after it ({@code after}) or before
   * it ("the following Monday", "il venerdì precedente"); read from the anchor until {@link TimeTagger} re-anchors it.
   */
  private static Piece weekdayFromLast(Matcher m, Ctx c, boolean after) {
    DayOfWeek dow = Words.weekday(m.group(2));
    return weekday(m, TimeTagger.weekday(c, dow, after ? "coming" : "last", m.start()))
        .withShift(TimeTagger.Shift.weekdayFromLast(dow, after ? 1 : -1));
  }

  /** True when day {@code d} of month {@code mo} (1-12) is in the calendar: in year {@code y}, or in some year if null. */
  static boolean exists(Integer y, int mo, int d) {
    return d >= 1 && (y == null ? d <= java.time.Month.of(mo).maxLength() : java.time.YearMonth.of(y, mo).isValidDay(d));
  }

  /**
   * A written day the calendar lacks ("il 31 novembre 2017", "30/02", a 29 February in a common year): a DATE whose
   * value keeps the year and month and marks the day unknown, {@code 2017-11-XX}. The year is {@code y}, or if null
   * the one the context gives the month ({@code XXXX} without an anchor). No moment: it joins nothing.
   */
  static Piece noSuchDay(Matcher m, Ctx c, Integer y, int mo) {
    String year = y != null ? String.format("%04d", y)
        : c.anchored() ? String.format("%04d", TimeTagger.monthDay(c, mo, 0, m.start()).getYear()) : "XXXX";
    return new Piece(m.start(), m.end(), Kind.DATE, null, String.format("%s-%02d-XX", year, mo), y == null, null, null, null);
  }

  static int year(String y) {
    int v = Integer.parseInt(y.replace("'", ""));
    return y.replace("'", "").length() <= 2 ? (v < 50 ? 2000 + v : 1900 + v) : v;
  }

  /** The rules for a language; lenient rules also accept abbreviations and bare numbers, for whole-phrase input. */
  static List<Rule> of(Lang lang, boolean lenient) {
    boolean it = lang == Lang.IT;
    String wd = "(?:" + (it ? Words.WD_IT : Words.WD_EN) + (lenient ? "|" + (it ? Words.WD_IT_ABBR : Words.WD_EN_ABBR) + ")\\.?" : ")");
    String month = "(?:" + (it ? Words.MONTH_IT : Words.MONTH_EN) + ")";
    String fullMonth = "(?:" + (it ? Words.MONTH_IT_FULL : Words.MONTH_EN_FULL) + ")";
    String num = Words.number(lang);
    String unit = "(" + Words.unit(lang) + ")";
    String dayNum = it ? "(\\d{1,2}|primo|" + String.join("|", Words.NUM_IT.keySet().stream().filter(k -> !k.contains("'") && !k.equals("un") && !k.equals("prima")).toList()) + ")"
        : "(\\d{1,2}|first|second|third|fourth|fifth|fifteenth)(?:st|nd|rd|th)?";
    String yr = "(\\d{4}|'\\d{2})";
    List<Rule> r = new ArrayList<>();
    if (!lenient) {
      r.addAll(NewsRules.of(lang)); // first, so that "15 a year" is a set rather than the span "a year" of the same length
    }

    // ISO date
    r.add(new Rule(Pattern.compile(B + "(\\d{4})-(\\d{2})-(\\d{2})" + E, F), (m, c) -> {
      int y = Integer.parseInt(m.group(1)), mo = Integer.parseInt(m.group(2)), d = Integer.parseInt(m.group(3));
      if (mo < 1 || mo > 12) return null; // "2023-13-01" is a code, not a date
      return exists(y, mo, d) ? day(m, LocalDate.of(y, mo, d), false) : noSuchDay(m, c, y, mo);
    }));
    // numeric date d/m[/y] (IT) or m/d[/y] (EN)
    r.add(new Rule(Pattern.compile(B + "(\\d{1,2})\\s?([/.\\-])\\s?(\\d{1,2})(?:\\s?[/.\\-]\\s?(\\d{4}|\\d{2}))?" + E, F), (m, c) -> {
      int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(3));
      int d = it ? a : b, mo = it ? b : a;
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
      // Duckling's Italian "15-03" (a dash without spaces) is a day of a month in a phrase; "9 - 11" is a clock range
      boolean tightDash = it && lenient && m.group(2).equals("-") && !m.group(0).contains(" ");
      if (m.group(4) == null && !m.group(2).equals("/") && (it || !lenient) && !tightDash) return null;
      if (m.group(4) == null && m.group(2).equals(".")) return null;
      if (m.group(4) == null && m.start() >= 2 && c.s().charAt(m.start() - 1) == ' ' && Character.isDigit(c.s().charAt(m.start() - 2))) {
        return null; // "3 7/8": the fraction of a mixed number, as in share prices
      }
      if (m.group(4) == null && !lenient && a < b && Integer.bitCount(b) == 1) {
        return null; // "eased 1/8", "fell 3/4": in running text a proper fraction in halves … sixteenths is an amount
      }
      Integer y = m.group(4) == null ? null : year(m.group(4));
      if (!exists(y, mo, d)) return noSuchDay(m, c, y, mo);
      if (y != null) return day(m, LocalDate.of(y, mo, d), false);
      return day(m, TimeTagger.monthDay(c, mo, d, m.start()), true);
    }));
    // [weekday] [the] day [of] month [year]
    // Italian writes the first of a month with an ordinal indicator, "1° maggio", and a year after "del": "il 5 agosto del 2014"
    // and after the month "scorso" or "prossimo": "il 30 aprile scorso" is the last 30 April before the anchor
    String ind = it ? "[°º]?" : "", ofYear = it ? "(?:,?\\s*|\\s+del\\s+)" : ",?\\s*";
    String dayDir = it ? "(?:\\s+(scors|prossim)[oa])?" : "";
    r.add(new Rule(Pattern.compile(B + "(?:(" + wd + "),?\\s+)?(?:(?:il|the|on the|on)\\s+)?" + dayNum + ind + "\\s*(?:of\\s+|di\\s+)?(" + month + ")(?:" + ofYear + yr + ")?" + dayDir + E, F), (m, c) -> {
      int d = (int) Words.value(m.group(2).replaceAll("(?<=\\d)(st|nd|rd|th)$", ""), lang);
      if (d < 1 || d > 31) return null;
      int mo = Words.month(m.group(3), lang);
      Integer y = m.group(4) == null ? null : year(m.group(4));
      if (!exists(y, mo, d)) return noSuchDay(m, c, y, mo);
      if (y != null) return day(m, LocalDate.of(y, mo, d), false);
      if (it && m.group(5) != null && c.anchored()) {
        boolean back = m.group(5).equalsIgnoreCase("scors");
        for (int k = 0; k <= 8; k++) { // eight years hold a 29 February
          int yy = c.today().getYear() + (back ? -k : k);
          if (!exists(yy, mo, d)) continue;
          LocalDate x = LocalDate.of(yy, mo, d);
          if (back ? x.isBefore(c.today()) : x.isAfter(c.today())) return day(m, x, true);
        }
      }
      return day(m, TimeTagger.monthDay(c, mo, d, m.start()), true).withNoAnchor(String.format("XXXX-%02d-%02d", mo, d));
    }));
    // [weekday] month [the] day [year]
    r.add(new Rule(Pattern.compile(B + "(?:(" + wd + "),?\\s+)?(" + month + ")\\s+(?:the\\s+)?" + dayNum + "(?!\\s*:\\s*\\d|\\d)(?:,?\\s+(\\d{4}))?" + E, F), (m, c) -> {
      int d = (int) Words.value(m.group(3), lang);
      if (d < 1 || d > 31) return null;
      int mo = Words.month(m.group(2), lang);
      Integer y = m.group(4) == null ? null : year(m.group(4));
      if (!exists(y, mo, d)) return noSuchDay(m, c, y, mo);
      if (y != null) return day(m, LocalDate.of(y, mo, d), false);
      return day(m, TimeTagger.monthDay(c, mo, d, m.start()), true).withNoAnchor(String.format("XXXX-%02d-%02d", mo, d));
    }));
    // month year: "marzo 2015", "agosto del 2014", "March 2015", "March of 2015"
    r.add(new Rule(Pattern.compile(B + "(" + month + ")" + (it ? "(?:,?\\s+|\\s+del\\s+)" : "(?:,?\\s+|\\s+of\\s+)") + "(\\d{4})" + E, F), (m, c) ->
        date(m, 0, Moment.at(LocalDate.of(Integer.parseInt(m.group(2)), Words.month(m.group(1), lang), 1).atStartOfDay(), Grain.MONTH), false)));
    // bare month, optionally next/last
    r.add(new Rule(Pattern.compile(B + "(?:(next|last|prossimo|scorso)\\s+)?(" + (lenient ? month : fullMonth) + ")(?:\\s+(prossimo|scorso))?" + E, F), (m, c) -> {
      String w = m.group(2);
      // English month names that are also common words ("may", "a march") are months only with their capital
      if (w.matches("may|march") && !lenient && !Character.isUpperCase(c.original().charAt(m.start(2)))) return null;
      int mo = Words.month(w, lang);
      LocalDate d = TimeTagger.monthDay(c, mo, 0, m.start());
      String mod = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : "";
      if (mod.equals("last") || mod.equals("scorso")) d = LocalDate.of(c.today().getYear() - (mo >= c.today().getMonthValue() ? 1 : 0), mo, 1);
      // in news "next June", "giugno prossimo" is the first such month after the one under way, as "last June" is the
      // last before it (Duckling's phrases read the Italian one as the one after the coming one, below)
      if (!c.duckling() && (mod.equals("next") || mod.equals("prossimo"))) d = LocalDate.of(c.today().getYear() + (mo <= c.today().getMonthValue() ? 1 : 0), mo, 1);
      if (it && ItalianRules.afterTheComing(c, mod)) d = d.plusYears(1); // the month under way is the coming one
      return date(m, 0, Moment.at(d.atStartOfDay(), Grain.MONTH), true).withNoAnchor(String.format("XXXX-%02d", mo));
    }));
    // years after a preposition, and in lists
    String yPrep = it ? "(?:il|nel|nell'anno|del|dal|al|fino al|entro il|anno|l'anno|dopo il|prima del)" : "(?:in|since|of|by|until|through|before|after|year)";
    r.add(new Rule(Pattern.compile(B + yPrep + "\\s+((?:1[5-9]|20)\\d\\d)(?:\\s*(?:a\\.d\\.|ad|d\\.c\\.))?" + E, F), (m, c) ->
        date(m, 1, Moment.at(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1).atStartOfDay(), Grain.YEAR), false)));
    r.add(new Rule(Pattern.compile("(?<=\\d{4}(?:, ?| e | and | o | or ))((?:1[5-9]|20)\\d\\d)(?!\\s*%)" + E, F), (m, c) ->
        date(m, 1, Moment.at(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1).atStartOfDay(), Grain.YEAR), false)));
    if (lenient) {
      r.add(new Rule(Pattern.compile("^((?:1[5-9]|20)\\d\\d)$", F), (m, c) ->
          date(m, 1, Moment.at(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1).atStartOfDay(), Grain.YEAR), false)));
    } else {
      // a year standing alone in running text, not an amount ("$2008", "2008 people" are rare in news)
      r.add(new Rule(Pattern.compile("(?<![\\p{L}\\d$€£.,/-])((?:19|20)\\d\\d)(?![\\p{L}\\d%]|[.,]\\d|\\s*(?:%|per cent|percent|euro|dollars))", F),
          (m, c) -> date(m, 1, Moment.at(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1).atStartOfDay(), Grain.YEAR),
              false)));
      // a span of time standing alone: "two years", "18 months", "a 27-year contract", "a fifty-year life", "several years";
      // not an age ("a 6-year-old boy", "52 years old"), which TimeML does not tag
      r.add(new Rule(Pattern.compile(B + "(" + Grammar.cardinal(lang) + ")[\\s-]+" + unit + E + (it ? "" : "(?![\\s-]+olds?\\b)"), F), (m, c) ->
          ORDINAL_OR_YEAR.matcher(m.group(1)).matches() || FRACTION.matcher(m.group()).matches()
              || ordinalSecond(m, c.s()) ? null : duration(m, lang)));
      r.add(new Rule(Pattern.compile(B + (it ? "(?:diversi|diverse|alcuni|alcune|molti|molte|pochi|poche)\\s+" : "(?:several|a few|many|some)\\s+")
          + "(" + (it ? "anni|mesi|settimane|giorni|ore|minuti" : "years|months|weeks|days|hours|minutes") + ")" + E, F), (m, c) -> {
        return new Piece(m.start(), m.end(), Kind.DURATION, null, durationValue("X", Words.grainOf(m.group(1))), false, null, null, null);
      }));
    }
    // relative days
    String[][] rel = it
        ? new String[][] {{"oggi|in giornata|odierna", "0"}, {"ieri", "-1"}, {"domani", "1"}, {"dopodomani|dopo domani", "2"}, {"l'altro ieri|altroieri|l'altroieri", "-2"}}
        : new String[][] {{"today", "0"}, {"yesterday", "-1"}, {"tomorrow|tmrw?", "1"}, {"the day after tomorrow|day after tomorrow", "2"}, {"the day before yesterday|day before yesterday", "-2"}};
    for (String[] x : rel) {
      int off = Integer.parseInt(x[1]);
      r.add(new Rule(Pattern.compile(B + "(?:" + x[0] + ")" + E, F), (m, c) -> day(m, c.today().plusDays(off), true)));
    }
    // weekdays with modifiers
    if (it) {
      // in running text "il venerdì precedente", "il lunedì successivo" are told from the last day mentioned (Shift);
      // "dopo" is "the Monday after" only when no article or number follows it: "riapre lunedì dopo i lavori" has a
      // preposition, whose noun phrase is no part of the day
      String narrative = lenient ? "" : "|precedente|successiv[oa]|seguente";
      String after = "dopo(?!\\s+(?:(?:" + Words.ARTICLES_IT + ")\\b|l'|\\d))";
      r.add(new Rule(Pattern.compile(B + "(?:(?:il|la)\\s+)?(?:(prossim[oa]|scors[oa]|quest[oa])\\s+)?(" + wd + ")(?:\\s+(prossim[oa]|scors[oa]|passat[oa]|" + after + narrative + "))?" + E, F), (m, c) -> {
        String mod = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : "";
        if (mod.matches("precedente|successiv[oa]|seguente")) return weekdayFromLast(m, c, !mod.equals("precedente"));
        String k = mod.startsWith("pross") || mod.equals("dopo") ? "next" : mod.startsWith("scors") || mod.startsWith("passat") ? "last" : mod.startsWith("quest") ? "this" : "";
        DayOfWeek dow = Words.weekday(m.group(2));
        if (!lenient && mod.isEmpty() && m.group(1) == null && !m.group().startsWith(m.group(2))
            && !RANGE_AFTER_IT.matcher(c.s()).region(m.end(), c.s().length()).lookingAt()
            && c.tenses().scheduleCue(c.original(), m.start()) == Tenses.Cue.NONE) {
          // "La fiera si tiene il lunedì": a present and the article tell a habit, its hour joined to it by Merges
          // ("il lunedì alle 8", XXXX-WXX-1T08:00); not before a clock range ("il lunedì dalle 9 alle 11"), whose
          // habit no rule writes: it stays the day
          return everyWeekday(m, dow);
        }
        if (ItalianRules.afterTheComing(c, mod)) {
          return weekday(m, c.today().with(TemporalAdjusters.nextOrSame(dow)).plusWeeks(1)); // today's weekday is the coming one
        }
        return weekday(m, TimeTagger.weekday(c, dow, k, m.start()));
      }));
    } else {
      if (!lenient) {
        // "The market is held on Mondays": a weekday in the plural is a habit
        r.add(new Rule(Pattern.compile(B + "(" + wd + ")s" + E, F), (m, c) -> everyWeekday(m, Words.weekday(m.group(1)))));
      }
      // in running text "the previous Friday", "the following Monday" are told from the last day mentioned (Shift)
      String narrative = lenient ? "" : "|the\\s+previous|the\\s+preceding|the\\s+following";
      r.add(new Rule(Pattern.compile(B + "(?:(next|last|this coming|this|coming|past" + narrative + "|previous)\\s+)?(" + wd + ")(?:\\s+(?:of\\s+)?(this|next|last)\\s+week)?" + E, F), (m, c) -> {
        String mod = m.group(1) == null ? "" : m.group(1);
        if (mod.startsWith("the")) return weekdayFromLast(m, c, mod.endsWith("following"));
        // "(this) coming Sunday" is the first Sunday ahead in news; Duckling reads "coming" as "next"
        String k = mod.endsWith("coming") && !c.duckling() ? "coming" : mod.equals("next") || mod.endsWith("coming") ? "next" : mod.equals("last") || mod.equals("past") || mod.equals("previous") ? "last" : mod.equals("this") ? "this" : "";
        DayOfWeek dow = Words.weekday(m.group(2));
        if (m.group(3) != null) {
          LocalDate monday = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .plusWeeks(m.group(3).equals("next") ? 1 : m.group(3).equals("last") ? -1 : 0);
          return weekday(m, monday.with(TemporalAdjusters.nextOrSame(dow)));
        }
        return weekday(m, TimeTagger.weekday(c, dow, k, m.start()));
      }));
    }
    // weekday + day of month ("martedì 19", "tuesday the 19th")
    r.add(new Rule(Pattern.compile(B + "(" + wd + "),?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?!\\s*(?:[:.h]\\d|[ap]\\.?m\\b))" + E, F), (m, c) -> {
      int d = Integer.parseInt(m.group(2));
      DayOfWeek dow = Words.weekday(m.group(1));
      LocalDate t = c.today().withDayOfMonth(1);
      for (int i = 0; i < 24 && d >= 1 && d <= 31; i++) {
        LocalDate mm = c.duckling() ? t.plusMonths(i) : t.minusMonths(i);
        if (d <= mm.lengthOfMonth() && mm.withDayOfMonth(d).getDayOfWeek() == dow
            && (!c.duckling() || !mm.withDayOfMonth(d).isBefore(c.today()))) {
          return day(m, mm.withDayOfMonth(d), true);
        }
      }
      return null;
    }));
    // day of month alone
    // (not before a percent: "ha perso il 5 per cento")
    r.add(new Rule(Pattern.compile(B + "(?:il|the|on the|dal|entro il|from the)\\s+(\\d{1,2}|primo|first)(?:st|nd|rd|th)?(?!\\s*(?:[:.%,]\\d|%|per\\s*cento|percent)|-)" + E, F), (m, c) -> {
      int d = (int) Words.value(m.group(1), lang);
      if (d < 1 || d > 31) return null;
      if (!lenient && Character.isLetter(m.group(1).charAt(0))
          && (followedByWord(c.s(), m.end()) || m.group(0).matches("(?:il|the)\\s+\\p{L}+"))) {
        // "the first A380", "il primo ministro", "one of the first --": an ordinal, not the first of the month, which
        // running text names with a month or a preposition ("on the first", "from the first")
        return null;
      }
      if (!lenient && followedByWord(c.s(), m.end()) && !AFTER_HOUR_WORD.get(lang).matcher(c.s()).region(m.end(), c.s().length()).lookingAt()) {
        return null; // "the 28 visas", "the 11th Circuit": a count or an ordinal before its noun, not a day
      }
      Piece p = day(m, TimeTagger.dayOfMonth(c, d, m.start()), true);
      return m.group(0).startsWith("dal") || m.group(0).startsWith("from") ? p.span(m.start(1), m.end()) : p;
    }));
    // this/next/last week|month|quarter|year
    // Duckling's Italian phrases also count the finer units ("la prossima ora"); in news "il giorno successivo" is told
    // from the text's last day, so news reads no finer unit. "l'ultimo mese", "nell'ultima settimana" are the period
    // before this one, as "the last month", "the last week" are (round 24; before, news read them as nothing), but
    // "l'ultimo anno del mandato", "the last year of his term" name the end of something else, no date
    String relUnit = it ? (lenient ? "(settimana|mese|anno|trimestre|giorno|ora|minuto|secondo)" : "(settimana|mese|anno|trimestre)")
        : "(week|month|year|yr|quarter|qtr)";
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:(?:la|il|lo|l'|nella|nel|nell'|della|dello|del|nello)\\s*)?(?:(quest[oa']|scors[oa]|prossim[oa]|passat[oa]|ultim[oa])\\s*)?" + relUnit
          + "(?:\\s+(scors[oa]|prossim[oa]|passat[oa]|corrente|successiv[oa]|precedente|in corso))?" + E, F), (m, c) -> {
        String mod = m.group(1) != null ? m.group(1) : m.group(3);
        if (mod == null) return null;
        if (!lenient && mod.startsWith("ultim") && beforeOfSomething(m, c, lang)) return null;
        int off = mod.startsWith("pross") || mod.startsWith("succ") ? 1
            : mod.startsWith("scors") || mod.startsWith("passat") || mod.startsWith("prec") || mod.startsWith("ultim") ? -1 : 0;
        return relPeriod(m, c, Words.grainOf(m.group(2)), off);
      }));
    } else {
      r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?(last|past|previous|this|current|next|coming|upcoming|following)\\s+(?:fiscal\\s+)?" + relUnit + E, F), (m, c) -> {
        String mod = m.group(1);
        if (!lenient && mod.equals("last") && beforeOfSomething(m, c, lang)) return null;
        int off = mod.matches("next|coming|upcoming|following") ? 1 : mod.matches("last|past|previous") ? -1 : 0;
        return relPeriod(m, c, Words.grainOf(m.group(2)), off);
      }));
    }
    // N units ago / in N units / N units from now / after N units
    String agoIt = "(" + num + ")\\s+" + unit + "\\s+(?:fa|prima|or sono)";
    String agoEn = "(" + num + ")\\s+" + unit + "\\s+(?:or\\s+so\\s+)?ago"; // "a week or so ago": TimeML's mod APPROX, the same value
    r.add(new Rule(Pattern.compile(B + (it ? agoIt : agoEn) + E, F), (m, c) -> offset(m, c, lang, -1)));
    String inIt = "(?:tra|fra|entro)\\s+(" + num + ")\\s+" + unit;
    String inEn = "(?:in|within|after)\\s+(" + num + ")\\s+" + unit + "|(" + num + ")\\s+" + unit + "\\s+(?:from now|from right now|from today|hence|later)";
    r.add(new Rule(Pattern.compile(B + "(?:" + (it ? inIt : inEn) + ")" + E, F), (m, c) ->
        // TimeML: in news, "in two weeks" and "tra due settimane" are the span "two weeks" (DURATION), the preposition a signal
        !c.duckling() && m.group(1) != null ? spanOf(duration(m, lang), m) : offset(m, c, lang, 1)));
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:tra|fra|in)\\s+(un|tre)\\s+quart[oi]\\s+d'ora" + E, F), (m, c) -> {
        int q = m.group(1).equals("un") ? 15 : 45;
        return date(m, 0, Moment.at(c.ref().plusMinutes(q), Grain.SECOND), true);
      }));
      // durations: "in 24 anni", "per tre giorni", "da due settimane"
      r.add(new Rule(Pattern.compile(B + "(?:in|per|da|durante)\\s+(" + num + ")\\s+" + unit + E, F), (m, c) -> {
        if (c.duckling() && m.group(0).startsWith("in")) return offset(m, c, lang, 1);
        return duration(m, lang);
      }));
    } else {
      r.add(new Rule(Pattern.compile(B + "(?:in)\\s+(a|one|three|1|3)[\\s-]+quarters?\\s+of\\s+an\\s+hour" + E, F), (m, c) -> {
        int q = m.group(1).matches("a|one|1") ? 15 : 45;
        return date(m, 0, Moment.at(c.ref().plusMinutes(q), Grain.SECOND), true);
      }));
      r.add(new Rule(Pattern.compile(B + "(?:for|over)\\s+(" + num + ")\\s+" + unit + E, F), (m, c) ->
          ordinalSecond(m, c.s()) ? null : duration(m, lang)));
    }
    // last/next N units
    if (it) {
      String last = "(?:(?:gli|i|le|negli|nei|nelle)\\s+)?";
      r.add(new Rule(Pattern.compile(B + last + "(ultim[ieao]|scors[ieao]|prossim[ieao])\\s+(" + num + ")\\s+" + unit + E, F), (m, c) -> lastNext(m, c, lang, m.group(1), m.group(2), m.group(3))));
      r.add(new Rule(Pattern.compile(B + last + "(" + num + ")\\s+(ultim[ieao]|scors[ieao]|prossim[ieao])\\s+" + unit + E, F), (m, c) -> lastNext(m, c, lang, m.group(2), m.group(1), m.group(3))));
      r.add(new Rule(Pattern.compile(B + last + "(" + num + ")\\s+" + unit + "\\s+(passat[ie]|scors[ie]|prossim[ie])" + E, F), (m, c) -> lastNext(m, c, lang, m.group(3), m.group(1), m.group(2))));
    } else {
      r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?(last|past|next)\\s+(" + num + ")\\s+" + unit + E, F), (m, c) -> lastNext(m, c, lang, m.group(1), m.group(2), m.group(3))));
    }
    // clock times
    String ampm = "(a\\.?m\\.?|p\\.?m\\.?|a|p)";
    // Italian writes "ore" before a clock time, after a preposition or alone: "alle ore 15.30", "ore 9:00"
    String ore = it ? "|(?:(?:alle|dalle|entro le|verso le)\\s+)?ore" : "";
    r.add(new Rule(Pattern.compile(B + "(?:(?:alle|le|verso le|per le|at|@|circa alle" + ore + ")\\s+)?(\\d{1,2})[:.h](\\d{2})(?::(\\d{2}))?(?:\\s*" + ampm + ")?" + E, F), (m, c) -> {
      int h = Integer.parseInt(m.group(1)), mi = Integer.parseInt(m.group(2));
      int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      if (h > 23 || mi > 59 || sec > 59) return null; // no such clock time (a leap second's :60 included)
      if (m.group(0).contains(".") && m.group(4) == null && !m.group(0).matches("(?s).*(alle|le|at|ore).*")) return null;
      // English news writes prices and rates so ("closed at 5.12", "at 3.45 percent") and a clock time with a colon,
      // am/pm or a zone: a dotted one without them is a number (Duckling's phrases, lenient, keep the clock time)
      if (!it && !lenient && m.group(0).contains(".") && m.group(4) == null
          && !DOTTED_CLOCK_CUE.matcher(c.s()).region(m.end(), c.s().length()).lookingAt()) return null;
      return clock(m, c, h, mi, sec, m.group(3) == null ? Grain.MINUTE : Grain.SECOND, m.group(4));
    }));
    r.add(new Rule(Pattern.compile(B + "(?:(?:at|@)\\s+)?(\\d{1,2})h" + E, F), (m, c) -> {
      int h = Integer.parseInt(m.group(1));
      return h > 23 ? null : clock(m, c, h, 0, 0, Grain.MINUTE, null);
    }));
    r.add(new Rule(Pattern.compile(B + "(?:(?:at|@|around|about|at about)\\s+)?(\\d{1,2}|" + (it ? "x" : "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve") + ")(?:\\s*(?:o'?clock|ish))?\\s*" + ampm + E, F), (m, c) -> {
      int h = (int) Words.value(m.group(1), lang);
      return h < 1 || h > 12 ? null : clock(m, c, h, 0, 0, Grain.HOUR, m.group(2));
    }));
    r.add(new Rule(Pattern.compile(B + (it ? "(?:alle|verso le|per le|le|circa alle|entro le|dalle|prima delle" + ore + ")" : "(?:at|@)") + "\\s+(\\d{1,2}|"
        + (it ? "una|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici" : "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve") + ")"
        + (it ? "" : "(?:\\s*o'?clock)?") + "(?![:.h]?\\d|,\\d{3}(?!\\d))" + E, F), (m, c) -> { // not "at 8,451", a thousands group
      int h = (int) Words.value(m.group(1), lang);
      if (h < 0 || h > 24 || countsANoun(m, c.s(), lang, !lenient)) return null;
      Piece p = clock(m, c, h, 0, 0, Grain.HOUR, null);
      return p == null ? null : m.group(0).startsWith("dalle") || m.group(0).startsWith("entro") || m.group(0).startsWith("prima") ? p.span(m.start(1), m.end()) : p;
    }));
    r.add(new Rule(Pattern.compile(B + (it ? "(?:a\\s+)?(mezzogiorno|mezzanotte)" : "(?:at\\s+)?(?:the\\s+)?(noon|midday|mid day|midnight)") + E, F), (m, c) ->
        clock(m, c, m.group(1).startsWith("mezzan") || m.group(1).equals("midnight") ? 0 : 12, 0, 0, Grain.HOUR, m.group(1))));
    if (lenient && it) {
      // four digits after a word that opens a clock time: "alle 1530" (Duckling's Italian military time)
      r.add(new Rule(Pattern.compile(B + "(?:alle|dalle|entro le|verso le|ore)\\s+([01]\\d|2[0-3])([0-5]\\d)" + E, F), (m, c) ->
          clock(m, c, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0, Grain.MINUTE, null)));
    }
    if (lenient) {
      r.add(new Rule(Pattern.compile("^(\\d{1,2})$", F), (m, c) -> {
        int h = Integer.parseInt(m.group(1));
        return h > 23 ? null : clock(m, c, h, 0, 0, Grain.HOUR, null);
      }));
    }
    // parts of day
    String[][] parts = it ? new String[][] {
        {"(?:questa|sta)\\s*sera|stasera|in serata|nella sera(?:ta)?|verso sera|(?:la|alla|di|della)\\s+sera(?:ta)?|sera", "18,24,0,EV"},
        {"stanotte|nella notte|in nottata|(?:la|di)\\s+notte|notte", "0,4,1,NI"},
        {"(?:nel|il|di|del)\\s+pomeriggio|pomeriggio|oggi pomeriggio", "12,19,0,AF"},
        // Duckling's Italian morning starts at 4 (its English one at midnight); "le 3 di mattina" stays 3:00 (Merges)
        {"stamattina|stamani", "4,12,0,MO"},
        // "il mattino" in phrases only: "Il Mattino" is a newspaper ("secondo il Mattino")
        {lenient ? "(?:(?:la|di|in|alla|della|nella)\\s+)?mattin(?:a|ata)|(?:il|al|del|nel|di)\\s+mattino|mattino"
            : "(?:la|di|in|alla|della|nella)\\s+mattina(?:ta)?|mattina(?:ta)?", "4,12,0,MO"},
        {"(?:a|al)\\s+pranzo|pranzo", "12,14,0,MI"}}
        : new String[][] {
        {"late tonight|late tonite", "21,24,0,NI"},
        {"(?:this|today|in the)\\s+evening|tonight|tonite|evening", "18,24,0,EV"},
        // the same hours as the evening (Duckling), but TimeML's own code: "Friday night" is 2000-01-07TNI
        {"night", "18,24,0,NI"},
        {"(?:this|in the)\\s+afternoon|afternoon", "12,19,0,AF"},
        {"early (?:in the )?morning|in the early hours of the morning", "0,9,0,MO"},
        {"(?:this|in the)\\s+morning|morning", "0,12,0,MO"},
        {"(?:at\\s+)?lunch", "12,14,0,MI"}};
    Map<String, Part> partWords = new java.util.HashMap<>(); // each part's bare word: "morning", "night"
    for (String[] p : parts) {
      String[] v = p[1].split(",");
      Part part = new Part(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), v[3]);
      for (String w : p[0].split("\\|")) {
        if (w.matches("\\p{L}+")) partWords.putIfAbsent(w, part);
      }
      r.add(new Rule(Pattern.compile(B + "(?:" + p[0] + ")" + E, F), (m, c) ->
          new Piece(m.start(), m.end(), Kind.PART, TimeTagger.partOn(c.today(), part), null, true, null, part, null)));
    }
    if (!it && !lenient) {
      // "last night" in news is the night of the day before the anchor (TimeML: 1998-01-19TNI in news of the 20th), and
      // a clock time in it is on that day; phrases (Duckling's "late last night", …) are read by the Grammar
      Part night = new Part(18, 24, 0, "NI");
      r.add(new Rule(Pattern.compile(B + "last\\s+night" + E, F), (m, c) -> new Piece(m.start(), m.end(), Kind.PART,
          TimeTagger.partOn(c.today().minusDays(1), night), null, true, null, night, null)));
      // "the next morning", "the following night" are on the day after the last day mentioned, "that night" on that day
      // (TimeTagger re-anchors them: after no day "the next morning" is the anchor's next, "that night" is dropped, as
      // "that day" is)
      r.add(new Rule(Pattern.compile(B + "(?:the\\s+(?:next|following)|(that))\\s+(morning|afternoon|evening|night)" + E, F), (m, c) -> {
        Part part = partWords.get(m.group(2).toLowerCase(java.util.Locale.ROOT));
        boolean same = m.group(1) != null;
        return new Piece(m.start(), m.end(), Kind.PART, TimeTagger.partOn(c.today().plusDays(same ? 0 : 1), part), null, true, null, part, null)
            .withShift(same ? TimeTagger.Shift.sameAsLast(Grain.DAY) : new TimeTagger.Shift(1, Grain.DAY, false));
      }));
    }
    // seasons
    // an Italian modifier may follow: "l'inverno scorso", "la primavera prossima"
    String seasons = it ? "(quest[a']\\s*|in\\s+|l'|la prossima\\s+|la scorsa\\s+)?(estate|inverno|primavera|autunno)"
        + "(?:\\s+(scors[oa]|passat[oa]|prossim[oa]))?"
        : "(this\\s+|current\\s+|in\\s+|the\\s+|next\\s+|last\\s+)?(summer|winter|spring|fall|autumn)";
    // NOTE: in running text a bare lower-case "fall" or "spring" is the verb or the noun ("rates will fall", "a hot
    // spring"); the season has a modifier or a capital
    r.add(new Rule(Pattern.compile(B + seasons + E, F), (m, c) -> !c.duckling() && m.group(1) == null
        && m.group(2).matches("fall|spring") && Character.isLowerCase(c.original().charAt(m.start(2))) ? null : season(m, c)));
    // quarters
    // the year may come after the quarter or, in English, before it: "the third quarter of 1988", "the 1988 third quarter",
    // "the second quarter of fiscal 1990" (a fiscal year's quarter, as TimeML numbers it)
    r.add(new Rule(Pattern.compile(B + (it ? "(?:il\\s+|del\\s+|nel\\s+)?()(primo|secondo|terzo|quarto)\\s+trimestre(?:\\s+(?:del\\s+)?(\\d{4}))?"
        : "(?:the\\s+)?(?:((?:19|20)\\d\\d)\\s+)?(1st|2nd|3rd|4th|first|second|third|fourth)[\\s-]+(?:quarter|qtr)(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?(\\d{4}))?") + E, F), (m, c) -> {
      String q = m.group(2);
      int n = q.startsWith("1") || q.startsWith("fi") || q.startsWith("pri") ? 1 : q.startsWith("2") || q.startsWith("sec") ? 2 : q.startsWith("3") || q.startsWith("th") || q.startsWith("ter") ? 3 : 4;
      String year = m.group(3) != null ? m.group(3) : m.group(1) != null && !m.group(1).isEmpty() ? m.group(1) : null;
      int y = year != null ? Integer.parseInt(year) : TimeTagger.quarterYear(c, n, m.start());
      return date(m, 0, new Moment(LocalDateTime.of(y, 3 * n - 2, 1, 0, 0), Grain.QUARTER, null), year == null);
    }));
    r.add(new Rule(Pattern.compile(B + "(\\d{4}|\\d{2})q([1-4])" + E, F), (m, c) ->
        date(m, 0, new Moment(LocalDateTime.of(year(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1, 0, 0), Grain.QUARTER, null), false)));
    // sets
    r.add(new Rule(Pattern.compile(B + (it ? "(?:ogni|tutti i|tutte le|il)\\s+(" + wd + "|giorno|settimana|mese|anno)" : "(?:every|each)\\s+(" + wd + "s?|day|week|month|year)") + E, F), (m, c) -> {
      String w = m.group(1);
      if (m.group(0).startsWith("il ")) return null;
      String v;
      if (w.matches("giorno|day")) v = "P1D";
      else if (w.matches("settimana|week")) v = "P1W";
      else if (w.matches("mese|month")) v = "P1M";
      else if (w.matches("anno|year")) v = "P1Y";
      else return everyWeekday(m, Words.weekday(w));
      return new Piece(m.start(), m.end(), Kind.SET, null, v, false, null, null, null);
    }));
    // holidays: Italian ones in ItalianRules, English ones in EnglishRules, both dated by Holidays
    if (it) {
      r.addAll(ItalianRules.of(lenient));
    } else {
      r.addAll(EnglishRules.of(lenient));
    }
    // day-range within a month: "dal 13 al 15 luglio", "12 to 16 september"
    r.add(new Rule(Pattern.compile(B + "(?:(?:dal|tra il|tra|from|between)\\s+)?" + dayNum + "\\s*(?:-|al|e il|e|to|till|through|and)\\s*" + dayNum + "\\s+(" + month + ")(?:\\s+(\\d{4}))?" + E, F), (m, c) -> {
      int d1 = (int) Words.value(m.group(1).replaceAll("(?<=\\d)(st|nd|rd|th)$", ""), lang), d2 = (int) Words.value(m.group(2).replaceAll("(?<=\\d)(st|nd|rd|th)$", ""), lang);
      if (d1 < 1 || d2 < d1 || d2 > 31) return null;
      int mo = Words.month(m.group(3), lang);
      Integer y = m.group(4) == null ? null : Integer.parseInt(m.group(4));
      if (!exists(y, mo, d2)) return noSuchDay(m, c, y, mo);
      LocalDate a = y != null ? LocalDate.of(y, mo, d1) : TimeTagger.monthDay(c, mo, d1, m.start());
      if (!exists(a.getYear(), mo, d2)) return noSuchDay(m, c, y, mo); // "dal 28 al 29 febbraio" in a common year
      if (!lenient && Character.isDigit(m.group(1).charAt(0))) {
        // running text: TimeML tags a range's two ends, so this is the second, "5 June", "5 giugno 2024"; the first,
        // "3", is NewsRules' (a phrase keeps Duckling's interval)
        return rangeEnd(m, a.withDayOfMonth(d2), y != null).span(m.start(2), m.end());
      }
      LocalDate b = a.withDayOfMonth(d2).plusDays(1);
      return date(m, 0, new Moment(a.atStartOfDay(), Grain.DAY, b.atStartOfDay()), m.group(4) == null);
    }));
    if (lenient) r.addAll(0, Grammar.of(lang, List.copyOf(r))); // first: a tie in length goes to the composed reading
    return r;
  }


  /** The {@code g}-sized period {@code off} periods from the reference's ("next week" is +1), at grain {@code g}. */
  static Piece relPeriod(Matcher m, Ctx c, Grain g, int off) {
    LocalDateTime s = g.plus(g.truncate(c.ref()), off);
    return date(m, 0, new Moment(s, g, null), true);
  }

  private static Piece offset(Matcher m, Ctx c, Lang lang, int sign) {
    String n = m.group(1) != null ? m.group(1) : m.group(3);
    String u = m.group(1) != null ? m.group(2) : m.group(4);
    double v = Words.value(n, lang);
    if (v < 0) return null;
    Piece p = shift(m, c, v, Words.grainOf(u), sign);
    // TimeML: "a year ago" in news compares with the period the text is about, when there is one (TimeTagger.Shift);
    // a count of more than one unit dates an event ("41 years ago" is a year), not a comparison of periods
    return c.duckling() || sign > 0 || v != 1 ? p : p.withShift(new TimeTagger.Shift(-(long) v, Words.grainOf(u), true));
  }

  /**
   * The reference moved by {@code v} (at least 0; a fraction moves by minutes) units of {@code g}, forward for
   * {@code sign} 1 and back for -1, at the grain each convention gives such an offset: "in 3 days" is a Hour in
   * Duckling's, a day in news.
   */
  static Piece shift(Matcher m, Ctx c, double v, Grain g, int sign) {
    LocalDateTime t = v == Math.floor(v) ? g.plus(c.ref(), sign * (long) v)
        : Grain.MINUTE.plus(c.ref(), (long) (sign * v * (g == Grain.HOUR ? 60 : g == Grain.MINUTE ? 1 : 1440)));
    // TimeML: in news the value has the unit's grain, "three years ago" is a year and "two months ago" a month
    Grain out = c.duckling() ? (v == Math.floor(v) ? g.finer() : Grain.SECOND) : v == Math.floor(v) ? g : g.finer();
    return date(m, 0, Moment.at(t, out), true);
  }

  /** "of" and its Italian forms, which join an ordinal to its frame ("the first of May", "il primo del mese"). */
  private static final Pattern OF = Pattern.compile("(?:of|di|del|dell[oa']?|dei|degli|delle)(?![\\p{L}\\d])", F);

  /** True when the next thing after {@code at} is a word other than of/del/di/dello: "the first A380". */
  private static boolean followedByWord(String s, int at) {
    int i = at;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    if (i == at || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i))) {
      return false;
    }
    return !OF.matcher(s).region(i, s.length()).lookingAt();
  }

  /** {@code p} narrowed to the count and unit, groups 1 and 2; null stays null (a count that is not a duration). */
  private static Piece spanOf(Piece p, Matcher m) {
    return p == null ? null : p.span(m.start(1), m.end(2));
  }

  /**
   * Whether the hour in group 1 is a count of the word after it: "le due aziende", "alle tre sorelle", "at two plants",
   * and in running text ({@code digits} true) also an hour in digits: "at 20 million shares", "le 3 società". A word
   * that may follow a clock time (a preposition, a conjunction, a part of day, a day, a month, minutes, a zone) or none
   * keeps it an hour: "alle due di notte", "at two in the afternoon", "at 9 tonight". In a phrase digits stay an hour.
   */
  private static boolean countsANoun(Matcher m, String s, Lang lang, boolean digits) {
    if (!digits && !Character.isLetter(m.group(1).charAt(0)) || !followedByWord(s, m.end())) return false;
    return !AFTER_HOUR_WORD.get(lang).matcher(s).region(m.end(), s.length()).lookingAt();
  }

  /**
   * Whether the unit matched as group 2 is the ordinal "second" before the noun it counts ("a second plane", "a second
   * term"), not the unit: a singular "second" followed by a word other than one that reads it as a span ("a second
   * later", "a second or two").
   */
  private static boolean ordinalSecond(Matcher m, String s) {
    return m.group(2).equalsIgnoreCase("second") && followedByWord(s, m.end())
        && !SPAN_AFTER_SECOND.matcher(s).region(m.end(), s.length()).lookingAt();
  }

  private static Piece duration(Matcher m, Lang lang) {
    double v = Grammar.countValue(m.group(1), lang);
    if (v < 0 || v != Math.floor(v)) return null;
    Grain g = Words.grainOf(m.group(2));
    String value = Grammar.uncounted(m.group(1)) ? durationValue("X", g)
        : g == Grain.QUARTER ? "P" + (int) (v * 3) + "M" : durationValue(String.valueOf((int) v), g);
    return new Piece(m.start(), m.end(), Kind.DURATION, null, value, false, null, null, null);
  }

  /** TIMEX3 duration of {@code count} (digits, or X when unknown) units of {@code g}: P2Y, PXW, PT30M, P2Q. */
  static String durationValue(String count, Grain g) {
    return switch (g) {
      case SECOND -> "PT" + count + "S"; case MINUTE -> "PT" + count + "M"; case HOUR -> "PT" + count + "H";
      case DAY -> "P" + count + "D"; case WEEK -> "P" + count + "W"; case MONTH -> "P" + count + "M";
      case QUARTER -> "P" + count + "Q"; case YEAR -> "P" + count + "Y";
    };
  }

  private static Piece lastNext(Matcher m, Ctx c, Lang lang, String dir, String n, String u) {
    double v = Words.value(n, lang);
    if (v < 1 || v != Math.floor(v)) return null;
    Grain g = Words.grainOf(u);
    if (!c.duckling()) {
      // TimeML: in news "the past two months" and "the next four years" are durations; "the past few weeks" is PXW
      String count = n.matches("(?:a\\s+)?few") ? "X" : String.valueOf((long) v);
      return new Piece(m.start(), m.end(), Kind.DURATION, null, durationValue(count, g), false, null, null, null);
    }
    LocalDateTime base = g.truncate(c.ref());
    boolean next = dir.startsWith("pross") || dir.equals("next");
    LocalDateTime s = next ? g.plus(base, 1) : g.plus(base, -(long) v);
    LocalDateTime e = next ? g.plus(base, 1 + (long) v) : base;
    return date(m, 0, new Moment(s, g, e), true);
  }

  /**
   * The clock time {@code h:min:sec} the match names, or null when it is an amount: in running text a number whose "a"
   * or "p" is an article before another word ("$1.20 a share", "15 a year"; "3p" stays 15:00 in a phrase). {@code ampm}
   * is the meridiem as written, or the word that fixes the hour ("noon", "mezzanotte"), or null when the hour is ambiguous.
   */
  static Piece clock(Matcher m, Ctx c, int h, int min, int sec, Grain g, String ampm) {
    if (ampm != null && ampm.length() == 1 && !c.duckling() && followedByWord(c.s(), m.end())) {
      return null;
    }
    int hour = h;
    boolean ambiguous = ampm == null && h >= 1 && h <= 12;
    if (ampm != null && ampm.startsWith("p") && h < 12) hour = h + 12;
    if (ampm != null && ampm.startsWith("a") && h == 12) hour = 0;
    Clock clock = new Clock(hour, min, sec, g, ambiguous);
    String floating = String.format(g == Grain.HOUR ? "XXXX-XX-XXT%02d" : "XXXX-XX-XXT%02d:%02d", hour, min);
    return new Piece(m.start(), m.end(), Kind.TIME, TimeTagger.clockDefault(c, clock), null, true, clock, null, floating);
  }

  private static Piece season(Matcher m, Ctx c) {
    String w = m.group(2);
    int y = c.today().getYear();
    // each season to the day after the next one starts, exclusive: Duckling's interval from a day to a day is closed
    int[][] s = {{6, 21, 9, 24}, {12, 21, 3, 21}, {3, 20, 6, 22}, {9, 23, 12, 22}};
    int i = Words.season(w);
    int startYear = i == 1 && c.today().getMonthValue() <= 6 ? y - 1 : y;
    String after = m.groupCount() >= 3 ? m.group(3) : null;
    String modifier = after == null ? m.group(1) : after.startsWith("pross") ? "la prossima" : "la scorsa";
    if (!c.duckling()) {
      startYear = seasonYear(c, modifier, s[i], startYear, m.start());
    } else if (modifier != null && modifier.matches("last\\s*|la scorsa\\s*")) {
      startYear--; // the one before this season, as Duckling reads "last <season>"
    } else if (modifier != null && modifier.trim().equals("la prossima")) {
      // Duckling's "<season> prossima" is the one after the season in progress or next to come ("l'inverno prossimo"
      // in February is next December's)
      int y0 = y - 1;
      while (!LocalDate.of(s[i][2] < s[i][0] ? y0 + 1 : y0, s[i][2], s[i][3]).isAfter(c.today())) {
        y0++;
      }
      startYear = y0 + 1;
    }
    LocalDate a = LocalDate.of(startYear, s[i][0], s[i][1]);
    LocalDate b = LocalDate.of(i == 1 ? startYear + 1 : startYear, s[i][2], s[i][3]);
    String code = Words.SEASON_CODES.get(i);
    return new Piece(m.start(), m.end(), Kind.DATE, new Moment(a.atStartOfDay(), Grain.DAY, b.atStartOfDay()), startYear + "-" + code, true, null, null, "XXXX-" + code);
  }

  /**
   * The year a season starts in news, from its modifier or else the tense: "last summer" is the latest one over by the
   * anchor (in May 2010, 2009's), "next summer" the first one not begun, a bare season in a past sentence the latest one
   * begun and in a future sentence the first one not over; otherwise {@code current}, the anchor year's.
   * {@code dates} are the season's start and end month and day.
   */
  private static int seasonYear(Ctx c, String modifier, int[] dates, int current, int pos) {
    String mod = modifier == null ? "" : modifier.trim();
    LocalDate t = c.today();
    Tense tense = c.tense(pos);
    boolean last = mod.matches("last|la scorsa"), next = mod.matches("next|la prossima");
    boolean bare = mod.isEmpty() || mod.matches("in|the|l'");
    for (int k = 0; k < 4 && (last || next || bare && tense != Tense.NONE); k++) {
      // candidates from the latest to the earliest when looking back, the other way when looking ahead
      boolean back = last || !next && tense == Tense.PAST;
      int y = back ? t.getYear() - k : t.getYear() - 1 + k;
      LocalDate start = LocalDate.of(y, dates[0], dates[1]);
      LocalDate end = LocalDate.of(dates[2] < dates[0] ? y + 1 : y, dates[2], dates[3]);
      boolean fits = last ? !end.isAfter(t) : next ? start.isAfter(t) : back ? !start.isAfter(t) : end.isAfter(t);
      if (fits) {
        return y;
      }
    }
    return current;
  }

  /** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
  static LocalDate easter(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(y, month, day);
  }
}
