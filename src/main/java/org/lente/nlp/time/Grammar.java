package org.lente.nlp.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lente.nlp.time.Rules.Rule;
import org.lente.nlp.time.TimeTagger.Clock;
import org.lente.nlp.time.TimeTagger.Ctx;
import org.lente.nlp.time.TimeTagger.Kind;
import org.lente.nlp.time.TimeTagger.Piece;

/**
 * The compositional layer of the time tagger for whole phrases (Duckling's convention): a few kinds of parts (counts,
 * vague counts included, and units; ordinals; weekdays and months; clock times; frames such as a month or a year) and
 * the rules that compose them, one rule per way of composing rather than per phrase: "now" words, offsets of a count of
 * units from now, the n-th weekday, day or week of a month or year, a weekday of a relative week, a span between two
 * clock times, an hour read in a part of day, weekends, the beginning, middle or end of a period, centuries and the
 * period after next. Only in lenient mode ({@link Rules#of(Lang, boolean)}): running news text has its own conventions.
 */
final class Grammar {
  private Grammar() {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  private static final String B = "(?<![\\p{L}\\d])";
  private static final String E = "(?![\\p{L}\\d])";

  // ---- parts: counts ----

  /** Vague counts, valued as Duckling values "a few" (3) and "a couple" (2). */
  private static final Map<String, Integer> VAGUE_IT = Map.of("un paio di", 2, "paio di", 2, "qualche", 3, "alcuni", 3, "alcune", 3);
  private static final Map<String, Integer> VAGUE_EN = Map.of("a couple of", 2, "couple of", 2, "a couple", 2, "a pair of", 2,
      "a few", 3, "few", 3, "several", 3);
  /** Vague counts that name no number ("a few", "several", "qualche"): a pair or a couple is two. */
  private static final java.util.Set<String> UNCOUNTED = java.util.Set.of("a few", "few", "several", "qualche", "alcuni", "alcune");

  /** Whether {@code w} is a count that names no number, whose TimeML duration is written with X: "a few minutes" PTXM. */
  static boolean uncounted(String w) {
    return UNCOUNTED.contains(w.trim().replaceAll("\\s+", " "));
  }
  private static final List<String> UNITS_IT = List.of("uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove");
  private static final List<String> UNITS_EN = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
  private static final List<String> TENS_IT = List.of("vent", "trent", "quarant", "cinquant", "sessant", "settant", "ottant", "novant");
  private static final List<String> TENS_EN = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

  /** Regex of a count: a vague count, half, or a {@link #cardinal(Lang) cardinal}. */
  static String count(Lang lang) {
    boolean it = lang == Lang.IT;
    String vague = String.join("|", (it ? VAGUE_IT : VAGUE_EN).keySet().stream().sorted((a, b) -> b.length() - a.length())
        .map(w -> w.replace(" ", "\\s+")).toList());
    String half = it ? "mezz'|mezza|mezzo" : "half\\s+an|half\\s+a";
    return "(?:" + vague + "|" + half + "|" + cardinal(lang) + ")";
  }

  /**
   * Regex of an exact count: a compound number word ("trentacinque", "forty-five", "fifty") or a plain number
   * ({@link Words#number(Lang)}); {@link #countValue(String, Lang)} gives its value.
   */
  static String cardinal(Lang lang) {
    String tens = lang == Lang.IT ? "(?:" + String.join("|", TENS_IT) + ")[ai]?(?:" + String.join("|", UNITS_IT) + "|tré)?"
        : "(?:" + String.join("|", TENS_EN) + ")(?:[\\s-]+(?:" + String.join("|", UNITS_EN) + "))?";
    return "(?:" + tens + "|" + Words.number(lang) + ")";
  }

  /** Value of a count matched by {@link #count(Lang)}; -1 if unknown. */
  static double countValue(String w, Lang lang) {
    String t = w.trim().replaceAll("\\s+", " ");
    Integer vague = (lang == Lang.IT ? VAGUE_IT : VAGUE_EN).get(t);
    if (vague != null) return vague;
    if (t.matches("mezz'|mezza|mezzo|half an|half a")) return 0.5;
    List<String> tens = lang == Lang.IT ? TENS_IT : TENS_EN;
    for (int i = 0; i < tens.size(); i++) {
      if (t.startsWith(tens.get(i))) {
        String rest = t.substring(tens.get(i).length()).replaceFirst(lang == Lang.IT ? "^[ai]" : "^[\\s-]+", "");
        if (rest.isEmpty()) return 20 + 10 * i;
        int u = (lang == Lang.IT ? UNITS_IT : UNITS_EN).indexOf(rest.equals("tré") ? "tre" : rest);
        return u < 0 ? -1 : 20 + 10 * i + u + 1;
      }
    }
    return Words.value(t, lang);
  }

  // ---- parts: ordinals ----

  private static final Map<String, Integer> ORD_IT = Map.ofEntries(Map.entry("primo", 1), Map.entry("secondo", 2),
      Map.entry("terzo", 3), Map.entry("quarto", 4), Map.entry("quinto", 5), Map.entry("sesto", 6), Map.entry("settimo", 7),
      Map.entry("ottavo", 8), Map.entry("nono", 9), Map.entry("decimo", 10), Map.entry("undicesimo", 11),
      Map.entry("dodicesimo", 12), Map.entry("tredicesimo", 13), Map.entry("quattordicesimo", 14),
      Map.entry("quindicesimo", 15), Map.entry("sedicesimo", 16), Map.entry("diciassettesimo", 17),
      Map.entry("diciottesimo", 18), Map.entry("diciannovesimo", 19), Map.entry("ventesimo", 20),
      Map.entry("ventunesimo", 21), Map.entry("ultimo", -1));
  private static final Map<String, Integer> ORD_EN = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
      Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7),
      Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11),
      Map.entry("twelfth", 12), Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
      Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
      Map.entry("twentieth", 20), Map.entry("twenty-first", 21), Map.entry("last", -1));

  /** Regex of an ordinal: a word (Italian in any gender and number), "3rd"/"3°", or a Roman numeral. */
  static String ordinal(Lang lang) {
    String words = String.join("|", (lang == Lang.IT ? ORD_IT : ORD_EN).keySet().stream().sorted((a, b) -> b.length() - a.length())
        .map(w -> lang == Lang.IT ? w.substring(0, w.length() - 1) + "[oaie]" : w).toList());
    return "(?:" + words + "|\\d{1,2}(?:st|nd|rd|th|°|º|ª)|[ivxl]+)";
  }

  /** Value of an ordinal matched by {@link #ordinal(Lang)}: 1 for the first, -1 for the last, 0 if unknown. */
  static int ordinalValue(String w, Lang lang) {
    String t = w.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.matches("\\d{1,2}\\D+")) return Integer.parseInt(t.replaceAll("\\D", ""));
    if (t.matches("[ivxl]+")) return roman(t);
    String key = lang == Lang.IT ? t.substring(0, t.length() - 1) + "o" : t;
    return (lang == Lang.IT ? ORD_IT : ORD_EN).getOrDefault(key, 0);
  }

  /** Value of a Roman numeral of I, V, X, L; 0 when it is not well formed ("iiii", "vx"). */
  static int roman(String r) {
    String[] ones = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
    String[] tens = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx"};
    for (int v = 1; v < 90; v++) {
      if ((tens[v / 10] + ones[v % 10]).equals(r)) return v;
    }
    return 0;
  }

  // ---- parts: frames (a month or a year an ordinal counts in) ----

  /** A period [first, end) that an ordinal counts days, weekdays or weeks in. */
  private record Frame(LocalDate first, LocalDate end, boolean relative) {}

  private static String frame(Lang lang) {
    return lang == Lang.IT
        ? "(?:(" + Words.MONTH_IT + ")(?:\\s+(?:del\\s+)?(\\d{4}))?|((?:(?:quest[o']|prossimo|scorso)\\s*)?mese(?:\\s+(?:prossimo|scorso|corrente))?)"
            + "|(\\d{4})|((?:quest'|l')anno(?:\\s+(?:prossimo|scorso))?))"
        : "(?:(" + Words.MONTH_EN + ")(?:,?\\s+(\\d{4}))?|((?:the\\s+)?(?:(?:this|next|last|current)\\s+)?month)"
            + "|(\\d{4})|((?:the\\s+)?(?:this|next|last|current)\\s+year))";
  }

  /** The frame matched by {@link #frame(Lang)} starting at group {@code g}; null if none. */
  private static Frame frameOf(Matcher m, int g, Ctx c, Lang lang) {
    if (m.group(g) != null) {
      int mo = Words.month(m.group(g), lang);
      LocalDate first = m.group(g + 1) != null ? LocalDate.of(Integer.parseInt(m.group(g + 1)), mo, 1)
          : TimeTagger.monthDay(c, mo, 0, m.start());
      return new Frame(first, first.plusMonths(1), m.group(g + 1) == null);
    }
    if (m.group(g + 2) != null) {
      LocalDate first = c.today().withDayOfMonth(1).plusMonths(step(m.group(g + 2)));
      return new Frame(first, first.plusMonths(1), true);
    }
    if (m.group(g + 3) != null) {
      LocalDate first = LocalDate.of(Integer.parseInt(m.group(g + 3)), 1, 1);
      return new Frame(first, first.plusYears(1), false);
    }
    if (m.group(g + 4) == null || m.group(g + 4).matches("l'anno")) return null; // "l'anno" alone is no particular year
    LocalDate first = c.today().withDayOfYear(1).plusYears(step(m.group(g + 4)));
    return new Frame(first, first.plusYears(1), true);
  }

  /** 1 or -1 when {@code words} holds a word meaning next or last (in either language), else 0 (this). */
  private static int step(String words) {
    for (String t : words.trim().split("[\\s']+")) {
      if (t.matches("next|coming|prossim[oa]|successiv[oa]")) return 1;
      if (t.matches("last|past|previous|scors[oa]|passat[oa]|precedente")) return -1;
    }
    return 0;
  }

  // ---- parts: clock times ----

  private static String clock(Lang lang) {
    return lang == Lang.IT
        ? "(?:\\d{1,2}(?:[:.h]\\d{2})?|una|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|mezzogiorno|mezzanotte)"
        : "(?:\\d{1,2}(?:[:.h]\\d{2})?(?:\\s*(?:a\\.?m\\.?|p\\.?m\\.?|a|p)(?![\\p{L}]))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)";
  }

  /** The clock time written {@code t} (matched by {@link #clock(Lang)}); null if out of range. */
  static Clock clockOf(String t, Lang lang) {
    String s = t.trim().toLowerCase(java.util.Locale.ROOT);
    if (s.matches("mezzogiorno|noon")) return new Clock(12, 0, 0, Grain.HOUR, false);
    if (s.matches("mezzanotte|midnight")) return new Clock(0, 0, 0, Grain.HOUR, false);
    Matcher d = Pattern.compile("(\\d{1,2})(?:[:.h](\\d{2}))?\\s*([ap])?.*").matcher(s);
    int h, min = 0;
    String ampm = null;
    if (d.matches()) {
      h = Integer.parseInt(d.group(1));
      min = d.group(2) == null ? 0 : Integer.parseInt(d.group(2));
      ampm = d.group(3);
    } else {
      h = (int) Words.value(s, lang);
    }
    if (h < 0 || h > 23 || min > 59 || ampm != null && (h < 1 || h > 12)) return null;
    if ("p".equals(ampm) && h < 12) h += 12;
    if ("a".equals(ampm) && h == 12) h = 0;
    boolean minutes = d.matches() && d.group(2) != null;
    return new Clock(h, min, 0, minutes ? Grain.MINUTE : Grain.HOUR, ampm == null && h >= 1 && h <= 12);
  }

  // ---- composition rules ----

  /** Longest text after "after"/"dopo" read as the anchor of a period after or before a time; bounds the work per match. */
  private static final int ANCHOR_CHARS = 60;

  /**
   * The rules of the layer for a language; {@code anchors} (the phrase-level rules, without this layer) read the time
   * that "the day after ..." is counted from. NOTE: the anchor is read with {@code anchors} only, so no reading nests
   * another and the work per match is bounded by {@link #ANCHOR_CHARS}: linear in the text.
   */
  static List<Rule> of(Lang lang, List<Rule> anchors) {
    boolean it = lang == Lang.IT;
    String wd = "(" + (it ? Words.WD_IT : Words.WD_EN) + ")";
    String unit = "(" + Words.unit(lang) + ")";
    String cnt = "(" + count(lang) + ")";
    String sep = "(?:(?<=')|\\s+)";
    String andHalf = it ? "(\\s+e\\s+mezz[oa])?" : "(\\s+and\\s+a\\s+half)?";
    List<Rule> r = new ArrayList<>();

    // now: the reference instant
    r.add(new Rule(Pattern.compile(B + (it
        ? "(?:(?:proprio|giusto)\\s+)?(?:adesso|ora|subito|immediatamente|attualmente|al\\s+momento|in\\s+questo\\s+(?:preciso\\s+)?(?:momento|istante))"
        : "(?:currently|immediately|right\\s+away|at\\s+this\\s+moment|at\\s+the\\s+present\\s+(?:time|moment)|at\\s+present|presently"
            + "|asap|as\\s+soon\\s+as\\s+possible)") + E, F),
        (m, c) -> Rules.date(m, 0, Moment.at(c.ref(), Grain.SECOND), true)));

    // in/within <count> <unit>; <count> <unit> ago|hence
    String after = it ? "(?:tra|fra|in|dopo)" : "(?:in|after)";
    r.add(new Rule(Pattern.compile(B + after + "\\s+" + cnt + sep + unit + andHalf + E, F), (m, c) -> offset(m, c, lang, 1)));
    String agoWords = it ? "fa|prima|or\\s+sono|orsono|addietro" : "ago|back";
    String henceWords = it ? "dopo|più\\s+tardi|da\\s+(?:ora|adesso)" : "hence|later|from\\s+now|from\\s+right\\s+now";
    r.add(new Rule(Pattern.compile(B + cnt + sep + unit + andHalf + "\\s+(" + agoWords + "|" + henceWords + ")" + E, F), (m, c) -> {
      double v = countValue(m.group(1), lang);
      if (!it && m.group(4).matches("from\\s+right\\s+now") && v >= 1 && v <= 999_999 && v == Math.floor(v) && m.group(3) == null) {
        // Duckling's "right now" is a second, not "now": a duration after it keeps the second (its mergeDuration)
        return Rules.date(m, 0, Moment.at(Words.grainOf(m.group(2)).plus(c.ref(), (long) v), Grain.SECOND), true);
      }
      return offset(m, c, lang, m.group(4).matches(agoWords) ? -1 : 1);
    }));

    // Duckling's "within <duration>", Italian "entro <duration>", is the span from now to the offset ("within two weeks",
    // "entro tre giorni"), at a second's grain, the finer of its two ends
    r.add(new Rule(Pattern.compile(B + (it ? "entro" : "within") + "\\s+" + cnt + sep + unit + andHalf + E, F), (m, c) -> {
      double v = countValue(m.group(1), lang);
      if (v < 1 || v > 999_999 || v != Math.floor(v) || m.group(3) != null) return null;
      Grain g = Words.grainOf(m.group(2));
      return untilNow(m, c, g.plus(g.finer().truncate(c.ref()), (long) v));
    }));
    if (it) {
      // Duckling's Italian "entro il <unit>" ("entro la settimana", "per tutto il mese", "in settimana") is the span from
      // now to the next unit's start
      r.add(new Rule(Pattern.compile(B + "(?:(?:entro|durante|per\\s+tutt[oa])\\s+(?:il|la|l')|in|nel|nella|nell')\\s*"
          + "(secondo|minuto|ora|giorno|settimana|mese|trimestre|anno)(?!\\s+(?:prossim|scors|passat|corrente|successiv|precedente|in\\s+corso|di|del|dell))" + E, F),
          (m, c) -> {
            Grain g = Words.grainOf(m.group(1));
            return untilNow(m, c, g.plus(g.truncate(c.ref()), 1));
          }));
    }

    // <count> <unit> after|before <day>: the day moved, at a day's grain ("3 years from today", "tre giorni dopo domani")
    String dayWord = it ? "(oggi|domani|ieri|" + Words.WD_IT + ")" : "(today|tomorrow|yesterday|" + Words.WD_EN + ")";
    String afterBefore = it ? "(dopo|prima\\s+di)" : "(after|from|past|before)";
    r.add(new Rule(Pattern.compile(B + cnt + sep + unit + "\\s+" + afterBefore + "\\s+" + dayWord + E, F), (m, c) -> {
      double v = countValue(m.group(1), lang);
      Grain g = Words.grainOf(m.group(2));
      if (v < 1 || v != Math.floor(v) || v > 9999 || g.compareTo(Grain.DAY) < 0) return null;
      String w = m.group(4);
      LocalDate day = w.matches("oggi|today") ? c.today() : w.matches("domani|tomorrow") ? c.today().plusDays(1)
          : w.matches("ieri|yesterday") ? c.today().minusDays(1) : TimeTagger.weekday(c, Words.weekday(w), "", m.start(4));
      LocalDateTime moved = g.plus(day.atStartOfDay(), m.group(3).matches("prima\\s+di|before") ? -(long) v : (long) v);
      return Rules.date(m, 0, Moment.at(moved, Grain.DAY), true);
    }));

    // the <ordinal> <weekday|day|week> of <month|year>
    String ord = "(" + ordinal(lang) + ")";
    String cycle = it ? "(giorno|settimana|week-?end|fine\\s+settimana|mese|trimestre)" : "(day|week|week-?end|month|quarter)";
    String of = it ? "(?:(?:di|del|dello|della|dell'|in|nel|nell')\\s*)?" : "(?:of|in)\\s+"; // "la prima settimana luglio 2013"
    r.add(new Rule(Pattern.compile(B + (it ? "(?:(?:il|lo|la|l')\\s*)?" : "(?:the\\s+)?") + ord + "\\s+(?:" + wd + "|" + cycle + ")\\s+" + of
        + frame(lang) + E, F), (m, c) -> nth(m, c, lang)));

    // the week of a day: "la settimana del 6 ottobre", "the week of october 6th"
    String dom = "(\\d{1,2}|primo|first)(?:st|nd|rd|th|°)?";
    r.add(new Rule(Pattern.compile(B + (it ? "(?:(?:la|nella)\\s+)?settimana\\s+(?:del|di)\\s+(?:(?:il|l')\\s*)?" + dom + "\\s+(" + Words.MONTH_IT + ")()()"
        : "(?:the\\s+)?week\\s+of\\s+(?:the\\s+)?(?:" + dom + "\\s+(?:of\\s+)?(" + Words.MONTH_EN + ")|(" + Words.MONTH_EN + ")\\s+" + dom + ")")
        + "(?:,?\\s+(\\d{4}))?" + E, F), (m, c) -> {
      String dw = m.group(1) != null ? m.group(1) : m.group(4), mw = m.group(2) != null ? m.group(2) : m.group(3);
      int d = dw.matches("primo|first") ? 1 : Integer.parseInt(dw), mo = Words.month(mw, lang);
      if (!Rules.exists(m.group(5) == null ? null : Integer.parseInt(m.group(5)), mo, d)) return null;
      LocalDate day = m.group(5) != null ? LocalDate.of(Integer.parseInt(m.group(5)), mo, d) : TimeTagger.monthDay(c, mo, d, m.start());
      // NOTE: Duckling's reading (its gold gives a Sunday's week as the one that starts the next day): the first week
      // starting on or after the day
      LocalDate monday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
      return Rules.date(m, 0, new Moment(monday.atStartOfDay(), Grain.WEEK, null), m.group(5) == null);
    }));

    // the weekend of a day (Italian, as Duckling's): "il weekend del 16 marzo", "il fine settimana di pasqua"; the day is
    // read by the phrase rules within ANCHOR_CHARS, and the weekend is the one of its Monday-to-Sunday week
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:(?:il|nel|lo|nello)\\s+)?(?:week-?end|fine\\s+settimana)\\s+(?:del|di|dello|della|dell')\\s*", F), (m, c) -> {
        Piece a = anchorAfter(m, c, lang, anchors);
        if (a == null || a.m().grain() != Grain.DAY || a.m().end() != null) return null;
        LocalDate monday = a.m().start().toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return weekend(m, monday.plusDays(4), true).span(m.start(), m.end() + a.end());
      }));
    }

    // a day of a relative month: "il 20 del mese prossimo" (English has its own rule)
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:il\\s+)?(\\d{1,2}|primo)\\s+(?:del|di)\\s+((?:(?:questo|prossimo|scorso)\\s+)?mese(?:\\s+(?:prossimo|scorso|corrente))?)" + E, F), (m, c) -> {
        int d = m.group(1).equals("primo") ? 1 : Integer.parseInt(m.group(1));
        LocalDate first = c.today().withDayOfMonth(1).plusMonths(step(m.group(2)));
        return d < 1 || d > first.lengthOfMonth() ? null : Rules.day(m, first.plusDays(d - 1L), true);
      }));
    } else {
      // "2 mondays ago": the second Monday before today
      r.add(new Rule(Pattern.compile(B + cnt + "\\s+(" + Words.WD_EN + ")s\\s+(?:ago|back)" + E, F), (m, c) -> {
        double n = countValue(m.group(1), lang);
        return n < 1 || n > 999 || n != Math.floor(n) ? null
            : Rules.day(m, c.today().with(TemporalAdjusters.previous(Words.weekday(m.group(2)))).minusWeeks((long) n - 1), true);
      }));
    }

    // the period, or the n-th weekday, after or before a time: "il mese dopo natale 2015", "the third tuesday after easter"
    String cyc = it ? "(giorno|settimana|mese|anno|trimestre)" : "(day|week|month|year|quarter)";
    String dir = it ? "(dopo|prima\\s+(?:di|del|della|dell'))" : "(after|before)";
    r.add(new Rule(Pattern.compile(B + (it ? "(?:(?:il|la|lo|l')\\s*)?" : "(?:the\\s+)?") + "(?:" + ord + "\\s+" + wd + "|" + cyc + ")\\s+" + dir + "\\s+", F),
        (m, c) -> around(m, c, lang, anchors)));

    if (it) {
      // "fino a <time>" opening a phrase: from now to the time's start (Duckling's open interval), the time read by the
      // phrase rules and this layer ("fino alla fine dell'anno") within ANCHOR_CHARS; after a time it ends a range
      // ("dal 3 marzo fino al 5 aprile"), which Merges joins
      List<Rule> layer = r;
      r.add(new Rule(Pattern.compile("^\\s*(?:fino|sino)\\s+(?:alla|alle|allo|agli|all'|al|ad|a)(?:(?<=')|\\s+)", F), (m, c) -> {
        List<Rule> all = new ArrayList<>(layer);
        all.addAll(anchors);
        Piece a = anchorAfter(m, c, lang, all);
        Piece p = a == null ? null : untilNow(m, c, a.m().start());
        return p == null ? null : p.span(m.start(), m.end() + a.end());
      }));
    }

    // a time lasting a count of units: "18th Dec for 10 days", "from 18th Dec for 10 days", "for 10 days from 18th Dec",
    // "dal 18 dicembre per 10 giorni", "per 10 giorni dal 18 dicembre"
    String lasting = (it ? "per" : "for") + "\\s+" + cnt + sep + unit + E;
    String since = it ? "(?:a\\s+partire\\s+)?(?:dal|dalla|dall'|da)" : "(?:from|starting(?:\\s+(?:from|on))?)";
    Pattern sinceBefore = Pattern.compile(B + since + "\\s*$", F);
    r.add(new Rule(Pattern.compile(B + lasting, F), (m, c) -> lasting(m, c, lang, anchors, sinceBefore, false)));
    r.add(new Rule(Pattern.compile(B + lasting + "\\s+" + since + "(?:(?<=')|\\s+)", F), (m, c) -> lasting(m, c, lang, anchors, sinceBefore, true)));

    // quarters written Q1-Q4, of the reference's year or a given one
    r.add(new Rule(Pattern.compile(B + "q([1-4])(?:\\s+(\\d{4}))?" + E, F), (m, c) -> {
      int y = m.group(2) != null ? Integer.parseInt(m.group(2)) : c.today().getYear();
      return Rules.date(m, 0, Moment.at(LocalDateTime.of(y, 3 * Integer.parseInt(m.group(1)) - 2, 1, 0, 0), Grain.QUARTER), m.group(2) == null);
    }));

    // a weekday of this, next or last week
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:(?:il|la)\\s+)?" + wd + "\\s+(?:di|della|dell')\\s*(?:(questa|prossima|scorsa)\\s+)?settimana"
          + "(?:\\s+(prossima|scorsa))?" + E, F), (m, c) -> {
        String mod = (m.group(2) == null ? "" : m.group(2)) + (m.group(3) == null ? "" : m.group(3));
        if (mod.isEmpty()) return null;
        LocalDate monday = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(step(mod));
        return Rules.day(m, monday.with(TemporalAdjusters.nextOrSame(Words.weekday(m.group(1)))), true);
      }));
    }

    // Duckling's Italian "dal 3 al 5", "tra il 3 e il 5" without a month: days of the month ("dalle 3 alle 5" are hours)
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:dal|tra\\s+il)\\s+(\\d{1,2}|primo)\\s+(?:al|e\\s+il)\\s+(\\d{1,2})" + E
          + "(?!\\s*(?:[:.]\\d|" + Words.MONTH_IT + "))", F), (m, c) -> {
        int d1 = m.group(1).equals("primo") ? 1 : Integer.parseInt(m.group(1)), d2 = Integer.parseInt(m.group(2));
        if (d1 < 1 || d2 <= d1 || d2 > 31) return null;
        LocalDate a = TimeTagger.dayOfMonth(c, d1, m.start());
        if (d2 > a.lengthOfMonth()) return null;
        return span(m, a, a.withDayOfMonth(d2).plusDays(1), Grain.DAY, true);
      }));
    }

    // from <clock> to <clock>; a bare "9 - 11" only before a day
    String ck = "(" + clock(lang) + ")";
    String from = it ? "(?:dalle|dalla|dall'|dal|da|tra\\s+le|fra\\s+le|tra\\s+l'|fra\\s+l'|tra|fra)" : "(?:from|between|later\\s+than)";
    String to = it ? "(?:alle|all'|al|a|e\\s+le|e\\s+l'|e|fino\\s+alle|-|–)" : "(?:to|till|until|and|through|(?:but\\s+)?before|-|–)";
    String dayAhead = "(?=\\s+(?:(?:di|on|il|the)\\s+)?(?:" + (it ? Words.WD_IT + "|oggi|domani|dopodomani" : Words.WD_EN + "|today|tomorrow") + "))";
    // (a bare span's second time with am/pm, "3-5pm", is a span of the clock without a day)
    String ampmEnd = it ? dayAhead : "(?:" + dayAhead + "|(?<=[ap]|[ap]\\.?m\\.?))";
    // (not before a unit: "between 9 and 10 days", "tra 9 e 10 giorni" are a range of counts, no clock times)
    r.add(new Rule(Pattern.compile(B + "(?:" + from + "\\s*" + ck + "\\s*" + to + "\\s*" + ck + "|" + ck + "\\s*[-–]\\s*" + ck + ampmEnd + ")" + E
        + Words.notBeforeUnit(lang), F),
        (m, c) -> clockRange(m, c, lang)));

    // an hour read in a part of day ("8 di stasera", "7 in the morning"): the hour alone, joined to the part by Merges
    String partAhead = it ? "(?=\\s+(?:di|del|della|dell'|in)\\s*(?:stasera|stamattina|stanotte|sera|serata|pomeriggio|mattin[oa]|mattinata|notte|nottata))"
        : "(?=\\s+(?:in\\s+the\\s+(?:morning|afternoon|evening)|this\\s+(?:morning|afternoon|evening)|at\\s+night|tonight))";
    r.add(new Rule(Pattern.compile(B + (it ? "(?:(?:alle|le|verso\\s+le)\\s+)?" : "(?:(?:at|@)\\s+)?") + ck + partAhead, F), (m, c) -> {
      Clock k = clockOf(m.group(1), lang);
      return k == null ? null : new Piece(m.start(), m.end(), Kind.TIME, TimeTagger.clockDefault(c, k), null, true, k, null, null);
    }));

    if (it) {
      // Italian clock arithmetic: "le 3 e un quarto", "alle 15 e 30", "le tre meno dieci", "mezzogiorno e mezzo", "all'una";
      // after an article the "e" may be left out, "le 10 20", "le 9 un quarto", "le 9 mezzo" (a bare "10 20" is two numbers);
      // not before a unit, "tra 9 e 10 giorni" is a range of counts
      String hour = "(\\d{1,2}|una|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici"
          + "|diciassette|diciotto|diciannove|venti|ventuno|ventidue|ventitré|ventitre|mezzogiorno|mezzanotte)";
      String minutes = "(un\\s+quarto|quarto|mezz[oa]|(?:tre|3)\\s+quarti|" + count(lang) + ")(?:\\s+minuti)?";
      r.add(new Rule(Pattern.compile(B + "(?:(alle|le|all'|l'|verso\\s+le|per\\s+le|a)\\s*)?" + hour + "(?:\\s+(e|meno)\\s+" + minutes
          + "|\\s+" + minutes + "|(?<=all'una|l'una))" + E + Words.notBeforeUnit(lang), F), (m, c) -> {
        if (m.group(5) != null && m.group(1) == null) return null;
        String min = m.group(4) != null ? m.group(4) : m.group(5);
        return italianClock(m, c, m.group(2), min, "meno".equals(m.group(3)));
      }));
      // minutes to an hour: "un quarto alle dieci", "venti minuti a mezzogiorno", "tre quarti all'una", "mezzo a mezzanotte";
      // not the end of a span ("dalle 3 alle 5", "tra 3 a 5")
      r.add(new Rule(Pattern.compile(B + "(?<!(?:da|dal|dalle|dall'|tra|fra)\\s)" + minutes + "\\s+(?:alle|all'|a)\\s*" + hour + E, F),
          (m, c) -> italianClock(m, c, m.group(2), m.group(1), true)));
      // "domattina": tomorrow's morning
      TimeTagger.Part morning = new TimeTagger.Part(4, 12, 0, "MO");
      r.add(new Rule(Pattern.compile(B + "domattina" + E, F), (m, c) ->
          new Piece(m.start(), m.end(), Kind.PART, TimeTagger.partOn(c.today().plusDays(1), morning), null, true, null, morning, null)));
    }

    // after lunch, work or school: Duckling's afternoon and evening spans (13-17, 17-21, 15-21)
    String afterWhat = it ? "dopo\\s+(?:(pranzo)|(?:il\\s+)?(lavoro)|(?:la\\s+)?(scuola))" : "after[\\s-]?(?:(lunch)|(work)|(school))";
    r.add(new Rule(Pattern.compile(B + afterWhat + E, F), (m, c) -> {
      TimeTagger.Part part = m.group(1) != null ? new TimeTagger.Part(13, 17, 0, "AF")
          : m.group(2) != null ? new TimeTagger.Part(17, 21, 0, "EV") : new TimeTagger.Part(15, 21, 0, "AF");
      return new Piece(m.start(), m.end(), Kind.PART, TimeTagger.partOn(c.today(), part), null, true, null, part, null);
    }));
    if (!it) {
      // "around 3", "about eleven": an approximate clock time is the clock time
      r.add(new Rule(Pattern.compile(B + "(?:at\\s+)?(?:around|about|approximately|roughly)\\s+" + ck + E, F), (m, c) -> {
        Clock k = clockOf(m.group(1), lang);
        return k == null ? null : new Piece(m.start(), m.end(), Kind.TIME, TimeTagger.clockDefault(c, k), null, true, k, null, null);
      }));
    }

    // weekends: Friday 18:00 to Monday 00:00, as Duckling renders them
    String weekend = it ? "(?:(?:il|lo|nel|nello|questo|quest')\\s*)?(?:(prossimo|scorso)\\s+)?(?:week-?end|fine\\s+settimana)(?:\\s+(prossimo|scorso|passato))?"
        : "(?:(?:the|this|on\\s+the)\\s+)?(?:(next|last|coming|past|previous)\\s+)?week-?end()";
    r.add(new Rule(Pattern.compile(B + weekend + E, F), (m, c) -> {
      String mod = (m.group(1) == null ? "" : m.group(1)) + (m.group(2) == null ? "" : m.group(2));
      LocalDate friday = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(4);
      // Duckling's English "next weekend" is the first one ahead not under way, "coming" the one under way or ahead
      int step = it || step(mod) < 0 ? step(mod) : mod.equals("next") && !c.ref().isBefore(friday.atTime(18, 0)) ? 1 : 0;
      return weekend(m, friday.plusWeeks(step), true);
    }));

    // Duckling's Italian "i prossimi <units>" without a count: the next three units, from the next one's start
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:(?:i|le|nei|nelle|dei|delle)\\s+)?prossim[ie]\\s+(secondi|minuti|ore|giorni|settimane|mesi|trimestri|anni)" + E, F), (m, c) -> {
        Grain g = Words.grainOf(m.group(1));
        LocalDateTime s = g.plus(g.truncate(c.ref()), 1);
        return Rules.date(m, 0, new Moment(s, g, g.plus(s, 3)), true);
      }));
    }

    // beginning, middle or end of a month, week or year (Italian; English has its own rules)
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:(?:a|ad|all'|alla|entro\\s+la|verso\\s+la)\\s*)?(inizio|fine|met[aà])\\s+(?:(?:del|dello|della|dell'|di)\\s*)?"
          + "(?:(" + Words.MONTH_IT + ")(?:\\s+(?:del\\s+)?(\\d{4}))?|(?:(?:del|il|questo)\\s+)?(mese|anno)(?:\\s+(prossimo|scorso|corrente))?"
          + "|(?<=della\\s|dell'|della\\s\\s)(?:(prossima|scorsa)\\s+)?settimana(?:\\s+(prossima|scorsa))?|(\\d{4}))" + E, F), (m, c) -> boundary(m, c)));
    }

    // centuries: "il XX secolo", "the 19th century", "il Novecento"
    r.add(new Rule(Pattern.compile(B + (it ? "(?:(?:il|nel|del|dal|al)\\s+)?" + ord + "\\s+secolo" : "(?:the\\s+)?" + ord + "\\s+century") + E, F), (m, c) -> {
      int n = ordinalValue(m.group(1), lang);
      return n < 1 || n > 21 ? null : century(m, (n - 1) * 100);
    }));
    if (it) {
      r.add(new Rule(Pattern.compile(B + "(?:(?:il|nel|del|dal|al|l')\\s*)?(quattro|cinque|sei|sette|otto|nove)cento" + E, F), (m, c) ->
          century(m, 1000 + 100 * (int) Words.value(m.group(1), lang))));
    } else {
      // "last night": the six hours before today, "late last night" the last three (as Duckling)
      r.add(new Rule(Pattern.compile(B + "(late\\s+)?last\\s+night" + E, F), (m, c) -> {
        LocalDateTime midnight = c.today().atStartOfDay();
        return Rules.date(m, 0, new Moment(midnight.minusHours(m.group(1) == null ? 6 : 3), Grain.HOUR, midnight), true);
      }));
      // "the week after next", "the year before last"
      r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?(day|week|month|quarter|year)\\s+(after\\s+next|before\\s+last)" + E, F), (m, c) ->
          Rules.relPeriod(m, c, Words.grainOf(m.group(1)), m.group(2).startsWith("after") ? 2 : -2)));
      // "end of day", "EOD": the coming midnight (Duckling's English rules)
      r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?(?:eod|end\\s+of\\s+(?:the\\s+)?day)" + E, F), (m, c) -> Rules.clock(m, c, 0, 0, 0, Grain.HOUR, "x")));
      // a month written in digits with its year: "10/2014", "2014-10", "2015/03"
      r.add(new Rule(Pattern.compile(B + "(?:(0?[1-9]|1[0-2])[/-](\\d{4})|(\\d{4})\\s*[/-]\\s*(1[0-2]|0?[1-9]))" + E, F), (m, c) -> {
        int y = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3)), mo = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
        return Rules.date(m, 0, Moment.at(LocalDate.of(y, mo, 1).atStartOfDay(), Grain.MONTH), false);
      }));
      // "by the end of the month|year|week" (Duckling's "by EOM", "by EOY"): from now to the next one's start
      r.add(new Rule(Pattern.compile(B + "by\\s+(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+)?(month|year|week)|eo(m|y))" + E, F), (m, c) -> {
        Grain g = m.group(1) != null ? Words.grainOf(m.group(1)) : m.group(2).equalsIgnoreCase("m") ? Grain.MONTH : Grain.YEAR;
        return untilNow(m, c, g.plus(g.truncate(c.ref()), 1));
      }));
      // "by <time>" opening a phrase: from now to the time's start (Duckling's open interval), the time read by the phrase
      // rules and this layer within ANCHOR_CHARS ("by friday", "by 5pm", "by next month")
      List<Rule> layer = r;
      r.add(new Rule(Pattern.compile("^\\s*by\\s+(?!(?:the\\s+)?end\\s+of" + E + ")", F), (m, c) -> {
        List<Rule> all = new ArrayList<>(layer);
        all.addAll(anchors);
        Piece a = anchorAfter(m, c, lang, all);
        Piece p = a == null || a.m() == null ? null : untilNow(m, c, a.m().start());
        return p == null ? null : p.span(m.start(), m.end() + a.end());
      }));
      // days of a month from one to another: "march 3-5", "from august 4 through 9", "from the 3rd to the 6th of may"
      String dd = "(\\d{1,2})(?:st|nd|rd|th)?", till = "\\s*(?:-|–|to|thru|through|till|until)\\s*(?:the\\s+)?";
      r.add(new Rule(Pattern.compile(B + "(?:from\\s+)?(?:(" + Words.MONTH_EN + ")\\s+(?:the\\s+)?" + dd + till + dd
          + "|(?:the\\s+)?" + dd + till + dd + "\\s+(?:of\\s+)?(" + Words.MONTH_EN + "))(?:,?\\s+(\\d{4}))?" + E, F), (m, c) -> {
        boolean first = m.group(1) != null;
        int mo = Words.month(first ? m.group(1) : m.group(6), lang);
        int d1 = Integer.parseInt(m.group(first ? 2 : 4)), d2 = Integer.parseInt(m.group(first ? 3 : 5));
        Integer y = m.group(7) == null ? null : Integer.parseInt(m.group(7));
        if (d2 <= d1 || !Rules.exists(y, mo, d1) || !Rules.exists(y, mo, d2)) return null;
        LocalDate a = y != null ? LocalDate.of(y, mo, d1) : TimeTagger.monthDay(c, mo, d1, m.start());
        return span(m, a, a.withDayOfMonth(d2).plusDays(1), Grain.DAY, y == null);
      }));
      // a span of years: "1960 - 1961", "from 2010 to 2014" (Duckling's: four digits each, the first the earlier)
      r.add(new Rule(Pattern.compile(B + "(?:from\\s+)?([12]\\d{3})\\s*(?:-|–|to|thru|through|till|until)\\s*([12]\\d{3})" + E, F), (m, c) -> {
        int y1 = Integer.parseInt(m.group(1)), y2 = Integer.parseInt(m.group(2));
        return y1 >= y2 ? null : Rules.date(m, 0, new Moment(LocalDateTime.of(y1, 1, 1, 0, 0), Grain.YEAR, LocalDateTime.of(y2 + 1, 1, 1, 0, 0)), false);
      }));
      // "by the end of <time>": from now to the end of the time (Duckling's closed interval, at a second's grain)
      r.add(new Rule(Pattern.compile(B + "by\\s+(?:the\\s+)?end\\s+of\\s+", F), (m, c) -> {
        Piece a = anchorAfter(m, c, lang, anchors);
        if (a == null) return null;
        Piece p = untilNow(m, c, a.m().end() != null ? a.m().end() : a.m().grain().plus(a.m().start(), 1));
        return p == null ? null : p.span(m.start(), m.end() + a.end());
      }));
      // Duckling's English rules by category (round 15): each rule below is one way of composing, not one phrase
      String month = "(" + Words.MONTH_EN + ")";
      // "at this time" is today (Duckling's "today" rule); a weekday in the plural ("thursdays") is the next one
      r.add(new Rule(Pattern.compile(B + "at\\s+this\\s+time" + E, F), (m, c) -> Rules.day(m, c.today(), true)));
      r.add(new Rule(Pattern.compile(B + "(" + Words.WD_EN + ")s" + E, F), (m, c) ->
          Rules.day(m, c.today().with(TemporalAdjusters.next(Words.weekday(m.group(1)))), true)));
      // a year of the Christian era: "1066 AD", "in 33 a.d."
      r.add(new Rule(Pattern.compile(B + "(\\d{1,4})\\s*a\\.?d\\.?(?![\\p{L}\\d])", F), (m, c) -> {
        int y = Integer.parseInt(m.group(1));
        return y < 1 ? null : Rules.date(m, 0, Moment.at(LocalDateTime.of(y, 1, 1, 0, 0), Grain.YEAR), false);
      }));
      // a day, a named month and a year joined by dashes or slashes: "15-apr-2014", "3/march/2015"
      r.add(new Rule(Pattern.compile(B + "(\\d{1,2})([-/])" + month + "\\2(\\d{4}|\\d{2})" + E, F), (m, c) -> {
        int y = Integer.parseInt(m.group(4)), mo = Words.month(m.group(3), lang), d = Integer.parseInt(m.group(1));
        y = m.group(4).length() == 2 ? 2000 + y : y;
        return Rules.exists(y, mo, d) ? Rules.day(m, LocalDate.of(y, mo, d), false) : null;
      }));
      // the ides of a month: the 15th of March, May, July and October, the 13th of the others
      r.add(new Rule(Pattern.compile(B + "the\\s+ides?\\s+of\\s+" + month + "(?:,?\\s+(\\d{4}))?" + E, F), (m, c) -> {
        int mo = Words.month(m.group(1), lang), d = mo == 3 || mo == 5 || mo == 7 || mo == 10 ? 15 : 13;
        return Rules.day(m, m.group(2) != null ? LocalDate.of(Integer.parseInt(m.group(2)), mo, d) : TimeTagger.monthDay(c, mo, d, m.start()), m.group(2) == null);
      }));
      // "<weekday> after next": the second one ahead, today's not counted (Duckling's predNth 1)
      r.add(new Rule(Pattern.compile(B + "(" + Words.WD_EN + ")\\s+after\\s+next" + E, F), (m, c) ->
          Rules.day(m, c.today().with(TemporalAdjusters.next(Words.weekday(m.group(1)))).plusWeeks(1), true)));
      // the n-th last day, week or month of a frame: "the second last week of october" (the last is the first)
      r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?(" + ordinal(lang) + ")\\s+last\\s+(day|week|month)\\s+(?:of|in)\\s+" + frame(lang) + E, F), (m, c) -> {
        int n = ordinalValue(m.group(1), lang);
        Frame f = frameOf(m, 3, c, lang);
        if (n < 1 || n > 31 || f == null) return null;
        Grain g = Words.grainOf(m.group(2));
        LocalDateTime start = g.plus(g.truncate(f.end().atStartOfDay()), -n);
        return start.toLocalDate().isBefore(f.first()) && g != Grain.WEEK ? null : Rules.date(m, 0, Moment.at(start, g), f.relative());
      }));
      // "the (n-th) closest <weekday> to <time>": the weekdays ordered by their distance to the time, the later first on a tie
      r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?(?:(" + ordinal(lang) + ")\\s+)?closest\\s+(" + Words.WD_EN + ")\\s+to\\s+", F), (m, c) -> {
        int n = m.group(1) == null ? 1 : ordinalValue(m.group(1), lang);
        Piece a = anchorAfter(m, c, lang, anchors);
        if (n < 1 || n > 53 || a == null || a.m().grain().compareTo(Grain.DAY) < 0) return null;
        LocalDate t = a.m().start().toLocalDate(), later = t.with(TemporalAdjusters.nextOrSame(Words.weekday(m.group(2))));
        LocalDate before = t.with(TemporalAdjusters.previous(Words.weekday(m.group(2)))), d = null;
        for (int i = 0; i < n; i++) {
          boolean ahead = ChronoUnit.DAYS.between(t, later) <= ChronoUnit.DAYS.between(before, t);
          d = ahead ? later : before;
          if (ahead) later = later.plusWeeks(1); else before = before.minusWeeks(1);
        }
        return new Piece(m.start(), m.end() + a.end(), Kind.DATE, Moment.at(d.atStartOfDay(), Grain.DAY), null, true, null, null, null);
      }));
      // "<ordinal> <cycle> after <time>": the n-th cycle from the first one starting at or after the time (Duckling's
      // cycleNthAfter); "<count> <weekday>s from <time>": the n-th weekday on or after it
      r.add(new Rule(Pattern.compile(B + "(?:the\\s+)?(?:(" + ordinal(lang) + ")\\s+(day|week|month|quarter|year)|" + cnt + "\\s+(" + Words.WD_EN + ")s?)\\s+(after|from)\\s+", F), (m, c) -> {
        boolean ofCycle = m.group(1) != null;
        if (ofCycle != m.group(5).equals("after")) return null;
        int n = ofCycle ? ordinalValue(m.group(1), lang) : (int) countValue(m.group(3), lang);
        Piece a = anchorAfter(m, c, lang, anchors);
        if (n < 1 || n > 99 || a == null || a.m().grain().compareTo(Grain.DAY) < 0) return null;
        LocalDateTime t = a.m().start();
        if (!ofCycle) {
          LocalDate d = t.toLocalDate().with(TemporalAdjusters.nextOrSame(Words.weekday(m.group(4)))).plusWeeks(n - 1L);
          return new Piece(m.start(), m.end() + a.end(), Kind.DATE, Moment.at(d.atStartOfDay(), Grain.DAY), null, true, null, null, null);
        }
        Grain g = Words.grainOf(m.group(2));
        LocalDateTime first = g.truncate(t).equals(t) ? t : g.plus(g.truncate(t), 1);
        return new Piece(m.start(), m.end() + a.end(), Kind.DATE, Moment.at(g.plus(first, n - 1L), g), null, true, null, null, null);
      }));
      // a weekday, month or clock time in the unit a count of units away: "monday 2 weeks from now", "march 2 years ago",
      // "friday in 3 weeks", "in 2 days at 6pm" (Duckling's window from the offset to one unit later)
      r.add(new Rule(Pattern.compile(B + "(?:(" + Words.WD_EN + ")|" + month + ")\\s+(?:(in)\\s+)?" + cnt + sep + unit + "(?:\\s+(from\\s+now|hence|ago))?" + E, F), (m, c) -> {
        if ((m.group(3) == null) == (m.group(6) == null)) return null;
        double v = countValue(m.group(4), lang);
        Grain g = Words.grainOf(m.group(5));
        if (v < 1 || v > 999 || v != Math.floor(v) || g.compareTo(Grain.WEEK) < 0 && m.group(2) != null || g.compareTo(Grain.DAY) < 0) return null;
        LocalDateTime lo = g.plus(g.finer().truncate(c.ref()), "ago".equals(m.group(6)) ? -(long) v : (long) v), hi = g.plus(lo, 1);
        if (m.group(1) != null) {
          LocalDate d = lo.toLocalDate().with(TemporalAdjusters.nextOrSame(Words.weekday(m.group(1))));
          return d.atStartOfDay().isAfter(hi) ? null : Rules.day(m, d, true);
        }
        LocalDate first = lo.toLocalDate().withDayOfMonth(1);
        while (first.getMonthValue() != Words.month(m.group(2), lang)) first = first.plusMonths(1);
        return !first.atStartOfDay().isBefore(hi) ? null
            : Rules.date(m, 0, Moment.at(first.atStartOfDay(), Grain.MONTH), true);
      }));
      r.add(new Rule(Pattern.compile(B + "in\\s+" + cnt + sep + unit + "\\s+at\\s+" + ck + E, F), (m, c) -> {
        double v = countValue(m.group(1), lang);
        Grain g = Words.grainOf(m.group(2));
        Clock k = clockOf(m.group(3), lang);
        if (k == null || v < 1 || v > 999 || v != Math.floor(v) || g.compareTo(Grain.DAY) < 0) return null;
        LocalDateTime lo = g.plus(g.finer().truncate(c.ref()), (long) v);
        LocalDateTime t = lo.toLocalDate().atTime(k.h(), k.min());
        if (k.ambiguous() && t.isBefore(lo)) t = t.plusHours(12);
        if (t.isBefore(lo)) t = t.plusDays(1);
        return Rules.date(m, 0, Moment.at(t, k.grain()), true);
      }));
      // four digits after "at" are a clock time: "at 1930", "at 0800"
      r.add(new Rule(Pattern.compile(B + "(?:at|@)\\s+([01]\\d|2[0-3])([0-5]\\d)" + E, F), (m, c) ->
          Rules.clock(m, c, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0, Grain.MINUTE, "x")));
      // a clock time with "-ish": "noonish", "3pm-ish"
      r.add(new Rule(Pattern.compile(B + "(?:(?:at|around|about)\\s+)?" + ck + "\\s*-?ish" + E, F), (m, c) -> {
        Clock k = clockOf(m.group(1), lang);
        return k == null ? null : new Piece(m.start(), m.end(), Kind.TIME, TimeTagger.clockDefault(c, k), null, true, k, null, null);
      }));
      // Earth Hour: 20:30 to 21:30 on the last Saturday of March, a week earlier when that is Holy Saturday (Duckling's
      // closed span of sixty minutes, to 21:31 exclusive, at an hour's grain); the next one not over, or a given year's
      r.add(new Rule(Pattern.compile(B + "earth\\s+hour(?:\\s+(\\d{4}))?" + E, F), (m, c) -> {
        int y = m.group(1) != null ? Integer.parseInt(m.group(1)) : c.today().getYear();
        LocalDateTime start = earthHour(y);
        if (m.group(1) == null && !start.plusMinutes(61).isAfter(c.ref())) start = earthHour(y + 1);
        return Rules.date(m, 0, new Moment(start, Grain.HOUR, start.plusMinutes(61)), m.group(1) == null);
      }));
      // "all week" (this week to its Saturday, Duckling's end), "rest of the week" (today to that Saturday)
      r.add(new Rule(Pattern.compile(B + "(all|(?:the\\s+)?rest\\s+of\\s+the)\\s+week" + E, F), (m, c) -> {
        LocalDate monday = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return span(m, m.group(1).equals("all") ? monday : c.today(), monday.plusDays(6), Grain.DAY, true);
      }));
    }
    return r;
  }

  /**
   * The time {@code rules} read right after the match, within {@link #ANCHOR_CHARS}, its offsets relative to the
   * match's end; null if none starts there.
   */
  private static Piece anchorAfter(Matcher m, Ctx c, Lang lang, List<Rule> rules) {
    String rest = c.s().substring(m.end(), Math.min(c.s().length(), m.end() + ANCHOR_CHARS));
    Ctx sub = new Ctx(rest, rest, lang, c.ref(), c.anchored(), c.duckling());
    return TimeTagger.pieces(sub, rules).stream().filter(p -> p.m() != null && p.start() == 0).findFirst().orElse(null);
  }

  private static Piece around(Matcher m, Ctx c, Lang lang, List<Rule> anchors) {
    Piece a = anchorAfter(m, c, lang, anchors);
    // an anchor with a clock time ("the day after tomorrow at 5pm") is a day and a time: left to the merges
    if (a == null || a.m().grain().compareTo(Grain.DAY) < 0) return null;
    boolean after = m.group(4).matches("dopo|after");
    LocalDateTime t = a.m().start();
    Moment mo;
    if (m.group(2) != null) { // the n-th weekday after or before
      int n = ordinalValue(m.group(1), lang);
      if (n < 1 || n > 53) return null;
      DayOfWeek dow = Words.weekday(m.group(2));
      LocalDate d = after ? t.toLocalDate().with(TemporalAdjusters.next(dow)).plusWeeks(n - 1L)
          : t.toLocalDate().with(TemporalAdjusters.previous(dow)).minusWeeks(n - 1L);
      mo = Moment.at(d.atStartOfDay(), Grain.DAY);
    } else {
      Grain g = Words.grainOf(m.group(3));
      mo = Moment.at(g.plus(g.truncate(t), after ? 1 : -1), g);
    }
    return new Piece(m.start(), m.end() + a.end(), Kind.DATE, mo, null, true, null, null, null);
  }

  /**
   * A time lasting a count of units (groups 1 and 2 of {@code m}): the time read by {@code anchors} right after the
   * match ({@code after}) or right before it (with a "from" before it taken in), within {@link #ANCHOR_CHARS}; the
   * span from its start to its start moved by the count, closed at the time's grain as Duckling closes it ("18th Dec
   * for 10 days" is 18 to 29 December, exclusive). Null without such a time, or for a time that is already a span.
   */
  private static Piece lasting(Matcher m, Ctx c, Lang lang, List<Rule> anchors, Pattern sinceBefore, boolean after) {
    double n = countValue(m.group(1), lang);
    if (n < 1 || n != Math.floor(n) || n > 9999) return null;
    int lo = after ? m.end() : Math.max(0, m.start() - ANCHOR_CHARS), hi = after ? Math.min(c.s().length(), m.end() + ANCHOR_CHARS) : m.start();
    while (!after && hi > lo && Character.isWhitespace(c.s().charAt(hi - 1))) hi--;
    String w = c.s().substring(lo, hi);
    Ctx sub = new Ctx(w, w, lang, c.ref(), c.anchored(), c.duckling());
    Piece a = null;
    for (Piece p : TimeTagger.pieces(sub, anchors)) {
      if (p.m() != null && p.m().end() == null && (after ? p.start() == 0 : p.end() == w.length())) a = p;
    }
    if (a == null) return null;
    int start = after ? m.start() : lo + a.start(), end = after ? m.end() + a.end() : m.end();
    if (!after) {
      Matcher f = sinceBefore.matcher(c.s().substring(Math.max(0, start - ANCHOR_CHARS), start));
      if (f.find()) start -= f.regionEnd() - f.start();
    }
    LocalDateTime t = a.m().start();
    Grain g = a.m().grain();
    LocalDateTime until = g.plus(Words.grainOf(m.group(2)).plus(t, (long) n), 1);
    return new Piece(start, end, Kind.DATE, new Moment(t, g, until), null, true, null, null, null);
  }

  /**
   * The Italian clock time of the hour written {@code hour} and the minutes written {@code minutes} (null: none; "un
   * quarto", "mezzo", "tre quarti" or a count) after it, or before it when {@code minus} ("le dieci meno un quarto");
   * null if out of range.
   */
  private static Piece italianClock(Matcher m, Ctx c, String hour, String minutes, boolean minus) {
    int h = hour.matches("mezzogiorno") ? 12 : hour.matches("mezzanotte") ? 0 : (int) Words.value(hour, Lang.IT);
    double v = minutes == null ? 0 : minutes.contains("quart") ? (minutes.matches("(?:tre|3)\\s+quarti") ? 45 : 15)
        : minutes.startsWith("mezz") ? 30 : countValue(minutes, Lang.IT);
    if (h < 0 || h > 23 || v < 0 || v > 59 || v != Math.floor(v) || minus && v == 0) return null;
    int min = (int) v;
    if (minus) {
      h = (h + 23) % 24;
      min = 60 - min;
    }
    boolean fixed = hour.matches("mezzogiorno|mezzanotte");
    return Rules.clock(m, c, h, min, 0, minutes == null ? Grain.HOUR : Grain.MINUTE, fixed ? "x" : null);
  }

  /** From the reference to {@code end} (exclusive), at a second's grain: Duckling's open interval from now. */
  private static Piece untilNow(Matcher m, Ctx c, LocalDateTime end) {
    return end.isAfter(c.ref()) ? Rules.date(m, 0, new Moment(c.ref(), Grain.SECOND, end), true) : null;
  }

  private static Piece offset(Matcher m, Ctx c, Lang lang, int sign) {
    double v = countValue(m.group(1), lang);
    if (v < 0 || v > 999_999) return null;
    if (m.group(3) != null) v += 0.5;
    return Rules.shift(m, c, v, Words.grainOf(m.group(2)), sign);
  }

  private static Piece nth(Matcher m, Ctx c, Lang lang) {
    int n = ordinalValue(m.group(1), lang);
    Frame f = frameOf(m, 4, c, lang);
    if (n == 0 || n > 5 && m.group(3) == null || f == null) return null;
    LocalDate d;
    if (m.group(2) != null) {
      DayOfWeek dow = Words.weekday(m.group(2));
      d = n < 0 ? f.end().minusDays(1).with(TemporalAdjusters.previousOrSame(dow)) : f.first().with(TemporalAdjusters.nextOrSame(dow)).plusWeeks(n - 1L);
    } else if (m.group(3).matches("giorno|day")) {
      d = n < 0 ? f.end().minusDays(1) : f.first().plusDays(n - 1L);
    } else if (m.group(3).matches("mese|month|trimestre|quarter")) { // a month or quarter of a year
      Grain g = Words.grainOf(m.group(3));
      LocalDateTime start = g.plus(n < 0 ? f.end().atStartOfDay() : f.first().atStartOfDay(), n < 0 ? -1 : n - 1L);
      return start.toLocalDate().isBefore(f.end()) && !start.toLocalDate().isBefore(f.first()) && f.end().isAfter(f.first().plusMonths(1))
          ? Rules.date(m, 0, Moment.at(start, g), f.relative()) : null;
    } else if (!m.group(3).matches("settimana|week")) { // a weekend: the one of the frame's n-th (or last) Friday
      LocalDate friday = n < 0 ? f.end().minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY))
          : f.first().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)).plusWeeks(n - 1L);
      return friday.isBefore(f.end()) ? weekend(m, friday, f.relative()) : null;
    } else {
      LocalDate monday = n < 0 ? f.end().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
          : f.first().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
      LocalDate week = n < 0 ? monday.minusWeeks(1) : monday.plusWeeks(n - 1L);
      return week.isBefore(f.end()) ? Rules.date(m, 0, new Moment(week.atStartOfDay(), Grain.WEEK, null), f.relative()) : null;
    }
    return d.isBefore(f.end()) ? Rules.date(m, 0, Moment.at(d.atStartOfDay(), Grain.DAY), f.relative()) : null;
  }

  private static Piece clockRange(Matcher m, Ctx c, Lang lang) {
    boolean bare = m.group(1) == null;
    Clock a = clockOf(m.group(bare ? 3 : 1), lang), b = clockOf(m.group(bare ? 4 : 2), lang);
    if (a == null || b == null) return null;
    a = a.startOf(b); // "3 to 5pm": the afternoon of both
    Moment start = TimeTagger.clockDefault(c, a);
    LocalDateTime end = start.start().toLocalDate().atTime(b.h() % 24, b.min());
    if (b.ambiguous() && end.isBefore(start.start())) end = end.plusHours(12);
    if (end.isBefore(start.start())) end = end.plusDays(1);
    Grain g = a.grain().compareTo(b.grain()) < 0 ? a.grain() : b.grain();
    end = g.plus(end, 1);
    // the start's clock goes with the span, so that Merges can read an ambiguous start in a named day's morning
    return new Piece(m.start(), m.end(), Kind.RANGE, new Moment(start.start(), g, end), null, true, a, null, null);
  }

  private static Piece boundary(Matcher m, Ctx c) {
    String which = m.group(1).startsWith("met") ? "mid" : m.group(1);
    LocalDate first;
    Grain frame;
    if (m.group(2) != null || m.group(8) != null) {
      int y = m.group(8) != null ? Integer.parseInt(m.group(8)) : 0;
      if (m.group(8) != null) {
        first = LocalDate.of(y, 1, 1);
        frame = Grain.YEAR;
      } else {
        int mo = Words.month(m.group(2), Lang.IT);
        first = m.group(3) != null ? LocalDate.of(Integer.parseInt(m.group(3)), mo, 1) : TimeTagger.monthDay(c, mo, 0, m.start());
        frame = Grain.MONTH;
      }
    } else if (m.group(4) != null) {
      frame = m.group(4).equals("mese") ? Grain.MONTH : Grain.YEAR;
      if (which.equals("fine") && m.group(5) == null && m.group(0).matches("(?s).*(?:del|dell')\\s*(?:mese|anno)")) {
        return Rules.relPeriod(m, c, frame, 1); // Duckling's Italian "fine del mese", "fine dell'anno": the next month, year
      }
      first = frame.truncate(c.ref()).toLocalDate();
      first = frame.plus(first.atStartOfDay(), m.group(5) == null ? 0 : step(m.group(5))).toLocalDate();
    } else {
      frame = Grain.WEEK;
      String mod = (m.group(6) == null ? "" : m.group(6)) + (m.group(7) == null ? "" : m.group(7));
      first = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(step(mod));
    }
    LocalDate end = frame.plus(first.atStartOfDay(), 1).toLocalDate();
    boolean rel = m.group(3) == null && m.group(8) == null;
    return switch (frame) {
      case WEEK -> which.equals("mid") ? null : which.equals("fine") ? span(m, first.plusDays(4), end, Grain.DAY, rel) : span(m, first, first.plusDays(3), Grain.DAY, rel);
      case YEAR -> which.equals("mid") ? null : which.equals("fine") ? span(m, first.withMonth(9), end, Grain.MONTH, rel) : span(m, first, first.withMonth(4), Grain.MONTH, rel);
      default -> which.equals("mid") ? span(m, first.plusDays(10), first.plusDays(20), Grain.DAY, rel)
          : which.equals("fine") ? span(m, first.plusDays(20), end, Grain.DAY, rel) : span(m, first, first.plusDays(10), Grain.DAY, rel);
    };
  }

  /** The start of Earth Hour in year {@code y}: 20:30 on March's last Saturday, or the one before when that is Holy Saturday. */
  private static LocalDateTime earthHour(int y) {
    LocalDate saturday = LocalDate.of(y, 3, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
    return (saturday.equals(Rules.easter(y).minusDays(1)) ? saturday.minusWeeks(1) : saturday).atTime(20, 30);
  }

  /** The weekend of {@code friday}: from its 18:00 to the Monday after, at an hour's grain (Duckling's rendering). */
  private static Piece weekend(Matcher m, LocalDate friday, boolean relative) {
    return Rules.date(m, 0, new Moment(friday.atTime(18, 0), Grain.HOUR, friday.plusDays(3).atStartOfDay()), relative);
  }

  private static Piece span(Matcher m, LocalDate a, LocalDate b, Grain g, boolean relative) {
    return Rules.date(m, 0, new Moment(a.atStartOfDay(), g, b.atStartOfDay()), relative);
  }

  private static Piece century(Matcher m, int firstYear) {
    LocalDateTime a = LocalDateTime.of(firstYear, 1, 1, 0, 0);
    return Rules.date(m, 0, new Moment(a, Grain.YEAR, a.plusYears(100)), false);
  }
}
