package org.lente.nlp.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lente.nlp.time.Rules.Rule;
import org.lente.nlp.time.TimeTagger.Kind;
import org.lente.nlp.time.TimeTagger.Piece;

/**
 * Rules for what news says about time in TimeML's terms and Duckling has no category for: references to the present,
 * past and future ({@code PRESENT_REF}, {@code PAST_REF}, {@code FUTURE_REF}), sets ("daily", "every morning", "15 a
 * year") and decades. Used for running text only, not for Duckling's phrases.
 */
final class NewsRules {
  private NewsRules() {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  /** Not a compound's first part: "now-defunct" is a modifier, not a time. */
  private static final String E = Rules.E + "(?!-)";
  /** The most characters a count before an adjective and its unit is read back over ("twenty-five " and its spaces). */
  private static final int COUNT_WORDS = 40;
  /** The most characters an ordinal before "century" is read back over ("the twenty-first " and its spaces). */
  private static final int ORDINAL_WORDS = 24;
  /** An ordinal where a count may stand: "third", "fifth", "21st". */
  private static final Pattern ORDINAL = Pattern.compile("first|second|third|\\w*(?:th|1st|2nd|3rd)", F);
  /**
   * A time word that is the head of a name: a month, a season or "this week" in capitals, then "of", "for" or "with"
   * and a capitalized word ("the annual March for Life", "``Spring of Life'' demonstrations", "ABC-TV's "This Week With
   * David Brinkley""). Not a weekday ("Thursday for Dar es Salaam" is a day) and not before a number or a month ("March
   * of 1998").
   */
  private static final Pattern NAME_HEAD = Pattern.compile("(?:(?:this|last|next)\\s+)?(?:" + Words.MONTH_EN_FULL
      + "|spring|summer|fall|autumn|winter|week|month|year)", F);
  /** "the past", "the last", "the next" or "the coming" right before a span: "the past fortnight". */
  private static final Pattern LAST_NEXT = Pattern.compile("(?<![\\p{L}\\d])the\\s+(?:past|last|next|coming)\\s+$", F);
  /** What makes "couple of" a count of two: "a" or "the past/last/next/coming" ("the past couple of months"). */
  private static final Pattern COUPLE_HEAD = Pattern.compile("(?<![\\p{L}\\d])(?:an?|the\\s+(?:past|last|next|coming))\\s+$", F);
  /** A vague count right before a unit: "several years ago", "a few weeks ago" are read by other rules. */
  private static final Pattern VAGUE_COUNT = Pattern.compile("(?<![\\p{L}\\d])(?:few|several|many|some|couple\\s+of)\\s+$", F);
  /** "in" and a count right before a unit: "in two weeks' time". */
  private static final Pattern IN_COUNT = Pattern.compile("(?<![\\p{L}\\d])in\\s+(" + Words.number(Lang.EN) + ")\\s+$", F);
  /** The most centuries ago a date is read for: twenty from 2024 is the year 24 of the common era. */
  private static final int MAX_CENTURIES = 20;
  /** A month and its day right before the connector of a range of days: "June 3", "Jan. 12th". */
  private static final Pattern RANGE_FIRST_DAY = Pattern.compile("(?<![\\p{L}])(" + Words.MONTH_EN + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?$", F);
  /** "between" right before the lower count of a range joined by "and": "between 9 and 10 days". */
  private static final Pattern BETWEEN = Pattern.compile("(?<![\\p{L}\\d])between\\s+$", F);
  /** What makes a range of counts a stretch from the anchor of unknown length: "the next 12 to 18 months". */
  private static final java.util.Map<Lang, Pattern> RANGE_STRETCH = java.util.Map.of(
      Lang.EN, LAST_NEXT,
      Lang.IT, Pattern.compile("(?<![\\p{L}\\d])(?:(?:nei|negli|dei|degli|i|gli)\\s+)?(?:prossimi|ultimi)\\s+$", F));
  /** The most characters {@link #BETWEEN} and {@link #RANGE_STRETCH} are read back over ("negli ultimi " and its spaces). */
  private static final int BETWEEN_CHARS = 20;
  /** The most characters a month and its day before a range's connector are read back over ("September 12th"). */
  private static final int RANGE_FIRST_CHARS = 20;
  /** A digit and a space right before a unit. */
  private static final Pattern DIGITS = Pattern.compile("\\d\\s$");
  /** "half a" or "half an" right before a unit: "half a century ago". */
  private static final Pattern HALF_A = Pattern.compile("(?<![\\p{L}\\d])half\\s+an?\\s+$", F);
  /** The most characters a part of a year is read back over ("the fourth quarter " and its spaces). */
  private static final int PART_WORDS = 24;
  /** "day of " or "days of " right before "the week": a weekday's place in any week ("the busiest day of the week"). */
  private static final Pattern DAY_OF = Pattern.compile("(?<![\\p{L}\\d])days?\\s+of\\s+$", F);
  /** The most characters {@link #DAY_OF} is read back over ("days of " and its spaces). */
  private static final int DAY_OF_CHARS = 16;
  /** A season, quarter or half right before "of last year": "the spring ", "the fourth quarter ", "the first half ". */
  private static final Pattern PART_OF_YEAR = Pattern.compile("(?<![\\p{L}\\d])(?:the\\s+)?(?:(spring|summer|fall|autumn|winter)"
      + "|(first|second|third|fourth|1st|2nd|3rd|4th)[\\s-]+quarter|(first|second|last|latter)\\s+half)\\s+$", F);
  /** A month right before "quarter", the quarter that holds it: "the June ", "the December-". */
  private static final Pattern MONTH_OF_QUARTER = Pattern.compile("(?<![\\p{L}\\d])(?:the\\s+)?(?:(?:" + Words.MONTH_EN_FULL
      + ")(?:-|\\s+to\\s+))?(" + Words.MONTH_EN_FULL + ")[\\s-]$", F);
  /** The ordinal of a half of a year joined to "half" as a modifier: "first-", "second-" ("first-half profit"). */
  private static final Pattern HALF_ORDINAL = Pattern.compile("(?<![\\p{L}\\d])(first|second)-$", F);
  /** The ordinal of an Italian "semestre", with its article or preposition: "nel primo ", "il secondo ". */
  private static final Pattern SEMESTER_ORDINAL = Pattern.compile("(?<![\\p{L}\\d])(?:(?:il|nel|del|dal|al)\\s+)?(primo|secondo)\\s+$", F);
  /** A count and the plural noun it counts, right before a rate's unit: "1,200 cars ", "three shifts ", "1.200 auto ". */
  private static final java.util.Map<Lang, Pattern> COUNTED_NOUN = java.util.Map.of(
      Lang.EN, Pattern.compile("(?<![\\p{L}])(?:\\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand)"
          + "\\s+(?:more\\s+|new\\s+)?\\p{L}{2,20}s\\s+$", F),
      Lang.IT, Pattern.compile("(?<![\\p{L}])(?:\\d|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|cento|mille)\\s+(?:nuov[ie]\\s+)?\\p{L}{2,20}\\s+$", F));
  /** A part of day that a greeting names ("Good evening"), and the word before it that makes it one. */
  private static final Pattern GREETED = Pattern.compile("morning|afternoon|evening|night", F);
  private static final Pattern GREETING = Pattern.compile(Rules.B + "good\\s$", F);
  /** A day word capitalized after an acronym, the tail of a name: "USA Today", "This is VOA Today". */
  private static final Pattern DAY_WORD = Pattern.compile("Today|Tonight|Tomorrow|Yesterday");
  private static final Pattern ACRONYM = Pattern.compile("(?<![\\p{L}\\d])\\p{Lu}{2,}\\s$");
  private static final Pattern NAME_TAIL = Pattern.compile("\\s+(?i:of|for|with)\\s+(?:(?i:the|a)\\s+)?(\\p{Lu}\\p{L}*)");

  /** The rules for {@code lang}. */
  static List<Rule> of(Lang lang) {
    boolean it = lang == Lang.IT;
    List<Rule> r = new ArrayList<>();
    // a number or unit after "the past" makes it a span ("the past two years"), which other rules read
    String notSpan = "(?!\\s+(?:" + Words.number(lang) + "|" + Words.unit(lang) + "|decades?|decenni)" + Rules.E + ")";
    String notOf = "(?!\\s+(?:" + Words.OF_IT + "|dell')" + Rules.E + ")";
    String[][] refs = it ? new String[][] {
        {"attualmente|adesso|oggigiorno|al momento|tuttora", "PRESENT_REF"},
        // (the stretch before or after the anchor, as "in recent weeks", "in the coming days"; not "negli ultimi giorni
        // di maggio", the end of a month)
        {"recentemente|di recente|ultimamente|in passato|(?:negli\\s+ultimi\\s+(?:anni|mesi|giorni)|nelle\\s+ultime\\s+settimane)" + notOf, "PAST_REF"},
        {"in futuro|(?:il|nel)\\s+(?:prossimo\\s+)?futuro|(?:nel|a)\\s+(?:breve|medio)\\s+termine"
            + "|(?:nei|nelle|i|le)\\s+prossim[ie]\\s+(?:giorni|settimane|mesi|anni|trimestri)" + notOf, "FUTURE_REF"}}
        : new String[][] {
        {"now|currently|at present|nowadays|these days", "PRESENT_REF"},
        {"recently|(?:in\\s+)?recent\\s+(?:years|months|weeks|days)|(?:in\\s+)?the\\s+past" + notSpan, "PAST_REF"},
        // a vague stretch ahead is the future, not a count of units: "the coming months", "the near term"
        {"(?:in\\s+)?the\\s+(?:(?:near|foreseeable)\\s+)?future|(?:in\\s+|over\\s+)?the\\s+(?:near|short)\\s+term"
            + "|(?:in\\s+|over\\s+)?(?:the\\s+)?coming\\s+(?:days|weeks|months|years|quarters)|future\\s+(?:months|years|quarters)", "FUTURE_REF"}};
    for (String[] x : refs) {
      r.add(new Rule(Pattern.compile(Rules.B + "(?:" + x[0] + ")" + E, F), (m, c) -> fixed(m.start(), m.end(), Kind.DATE, x[1])));
    }
    // dates told from the last date mentioned: "three days later", "a year earlier", "the following year", "the
    // year-ago quarter"; "tre giorni dopo", "l'anno successivo"
    String unit = Words.unit(lang);
    String counted = it ? "(" + Words.number(lang) + ")\\s+(" + unit + ")\\s+(dopo|più\\s+tardi|prima)(?!\\s+d)"
        : "(" + Words.number(lang) + ")[\\s-]+(" + unit + ")[\\s-]+(later|earlier)";
    r.add(new Rule(Pattern.compile(Rules.B + counted + E, F), (m, c) -> {
      double v = Words.value(m.group(1), lang);
      boolean back = m.group(3).matches("earlier|prima");
      return v < 1 || v != Math.floor(v) ? null : fromLast(m, c, back ? -(long) v : (long) v, Words.grainOf(m.group(2)));
    }));
    String single = it ? "(?:il|lo|la|l')\\s*(giorno|settimana|mese|anno|trimestre)\\s+(dopo|successiv[oa]|seguente|prima|precedente)"
        : "the\\s+(following|previous|preceding|prior)\\s+(day|week|month|quarter|year)|the\\s+(next)\\s+(day)";
    r.add(new Rule(Pattern.compile(Rules.B + "(?:" + single + ")" + E, F), (m, c) -> {
      String unitWord = it ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
      String dir = it ? m.group(2) : m.group(1) != null ? m.group(1) : m.group(3);
      return fromLast(m, c, dir.matches("prima|precedente|previous|preceding|prior") ? -1 : 1, Words.grainOf(unitWord));
    }));
    // the period holding the last date mentioned: "that day", "later that year", "the same week"; "quel giorno",
    // "nello stesso anno". Resolved (or dropped, after no such date) by TimeTagger, see TimeTagger.Shift
    String same = it ? "(?:quel|(?:lo|nello|dello|quello)\\s+stesso)\\s+(giorno|mese)"
        + "|(?:quella|(?:la|nella|della|quella)\\s+stessa)\\s+(settimana)|(?:quell'\\s*|(?:lo|nello|dello|quello)\\s+stesso\\s+)(anno)"
        : "(?:(?:earlier|later)\\s+)?(?:that(?:\\s+same)?|the\\s+(?:very\\s+)?same)\\s+(day|week|month|year)";
    r.add(new Rule(Pattern.compile(Rules.B + "(?:" + same + ")" + E, F), (m, c) -> {
      String unitWord = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      return new Piece(m.start(), m.end(), Kind.DATE, null, null, true, null, null, null)
          .withShift(TimeTagger.Shift.sameAsLast(Words.grainOf(unitWord)));
    }));
    if (!it) {
      // the first end of a clock range, a bare hour that only the second end's am/pm makes a clock time: "from 3 to 5
      // pm", "between 9 and 11 a.m.", "3-5 p.m."; the hour alone, as TimeML tags the two ends (Merges.rangeStarts gives
      // it the second end's half of the day and day)
      r.add(new Rule(Pattern.compile("(?:" + Rules.B + "(?<from>from|between)\\s+)?(?<![\\p{L}\\d.,:$/-])(?<h>\\d{1,2})(?::(?<min>\\d{2}))?(?=\\s*"
          + "(?<to>(?:to|till|until|and|through)(?=\\s)|[-\u2013])\\s*\\d{1,2}(?::\\d{2})?\\s*[ap]\\.?m(?![\\p{L}\\d]))", F), (m, c) -> {
        if (m.group("from") == null && Character.isLetter(m.group("to").charAt(0))) return null; // "rose 9 to 5 p.m.": a word joins no range without "from"
        int h = Integer.parseInt(m.group("h")), min = m.group("min") == null ? 0 : Integer.parseInt(m.group("min"));
        if (h < 1 || h > 12 || min > 59) return null;
        Piece p = Rules.clock(m, c, h, min, 0, m.group("min") == null ? Grain.HOUR : Grain.MINUTE, null);
        return p == null ? null : p.span(m.start("h"), m.end());
      }));
      // "the year-ago quarter", "year-earlier results": the period under discussion a year before
      // (and "the quarter a year ago", "the period a year earlier", written after the period)
      r.add(new Rule(Pattern.compile(Rules.B + "(?:(?:the\\s+)?year-(?:ago|earlier)(?:\\s+(?:(?:first|second|third|fourth)[\\s-]+)?(?:quarter|period))?"
          + "|the\\s+(?:(?:first|second|third|fourth)[\\s-]+)?(?:quarter|period)\\s+(?:a|one)\\s+year\\s+(?:ago|earlier))" + E, F),
          (m, c) -> fromLast(m, c, -1, Grain.YEAR).withShift(new TimeTagger.Shift(-1, Grain.YEAR, false, true, null))));
      // "the year", "the full year", "the fiscal year": the anchor's year; before "ended"/"ending" ("the year ended
      // Sept. 30") a span of twelve months that a date closes, as TimeML writes it. Not "the Year" of a title, nor "the
      // year before", "the year-ago", "the year's end", whose own rules read them
      r.add(new Rule(Pattern.compile(Rules.B + "the\\s+(?:(?:full|fiscal)\\s+)?(year)(?=\\s+(ended|ending)\\b|(?![\\s-]+(?:ago|earlier|before|after|later|two|earlier)\\b|[-'\\u2019]))" + E, F),
          (m, c) -> Character.isUpperCase(c.original().charAt(m.start(1))) ? null
              : m.group(2) != null ? fixed(m.start(), m.end(), Kind.DURATION, "P1Y") : Rules.relPeriod(m, c, Grain.YEAR, 0)));
      // "the week", as market news writes the week it reports ("For the week, the index fell 3.8%", "the week's most
      // active session"): a week of the anchor's year whose number the text does not give, which TimeML writes
      // 1989-WXX; before "ended"/"ending" a span of seven days, as "the year ended". Not "the Week" of a title, not "the
      // week of", "before", "after", "ahead", "earlier", "later", whose own rules read them (or none), not "-long", and
      // not a weekday's place in any week ("the busiest day of the week")
      r.add(new Rule(Pattern.compile(Rules.B + "the\\s+(week)(?=\\s+(ended|ending)\\b|(?![\\s-]+(?:of|before|after|ahead|earlier|later|ago)\\b|-))" + E, F),
          (m, c) -> !c.anchored() || Character.isUpperCase(c.original().charAt(m.start(1)))
              || before(DAY_OF, c.s(), m.start(), DAY_OF_CHARS).find() ? null
              : m.group(2) != null ? fixed(m.start(), m.end(), Kind.DURATION, "P1W")
              : fixed(m.start(), m.end(), Kind.DATE, c.today().getYear() + "-WXX")));
      // "year-end", "by year end", "the year's end", "1990 year-end": the end of the year, which TimeML writes as the
      // year (the part goes in mod, as "late November" is the month): the year named, else the anchor's
      r.add(new Rule(Pattern.compile(Rules.B + "(?:((?:19|20)\\d\\d)\\s+)?(?:the\\s+)?year(?:-|\\s+|'s\\s+)end" + E, F), (m, c) ->
          m.group(1) == null ? Rules.relPeriod(m, c, Grain.YEAR, 0)
              : Rules.date(m, 0, Moment.at(java.time.LocalDateTime.of(Integer.parseInt(m.group(1)), 1, 1, 0, 0), Grain.YEAR), false)));
      // a year joined to a prefix, "mid-1996", "post-1959", "pre-1990": the year (TimeML puts the part in mod, as for
      // "early 2009"); the hyphen keeps the year rule, which reads no year after one ("1990-91"), from seeing it
      r.add(new Rule(Pattern.compile(Rules.B + "(?:mid|early|late|post|pre)-((?:19|20)\\d\\d)" + Rules.E, F), (m, c) ->
          Rules.date(m, 0, Moment.at(java.time.LocalDateTime.of(Integer.parseInt(m.group(1)), 1, 1, 0, 0), Grain.YEAR), false)));
      // "the 1988 period", "the 1989 quarter": the period under discussion in the year named, else that year
      r.add(new Rule(Pattern.compile(Rules.B + "the\\s+((?:19|20)\\d\\d)\\s+(?:period|quarter)" + E, F), (m, c) -> {
        int y = Integer.parseInt(m.group(1));
        return Rules.date(m, 0, Moment.at(java.time.LocalDateTime.of(y, 1, 1, 0, 0), Grain.YEAR), false)
            .withShift(new TimeTagger.Shift(0, Grain.YEAR, false, true, y));
      }));
    }
    // the quarter under discussion: the last one mentioned, else the latest one over ("the latest quarter", "the quarter")
    if (!it) {
      r.add(new Rule(Pattern.compile(Rules.B + "the\\s+(?:(?:latest|most\\s+recent)\\s+(?:quarter|period)|quarter)(?![\\s-]+(?:of|century|mile|point|hour|final))" + E, F),
          (m, c) -> Rules.date(m, 0, Moment.at(Grain.QUARTER.plus(c.ref(), -1), Grain.QUARTER), true)
              .withShift(new TimeTagger.Shift(0, Grain.QUARTER, false))));
    }
    // the latest week, month or year over, as "last" names it: "the latest fiscal year", "the most recent full year"
    // (before: nothing; "the latest quarter" is the quarter under discussion, above)
    if (!it) {
      r.add(new Rule(Pattern.compile(Rules.B + "the\\s+(?:latest|most\\s+recent)\\s+(?:(?:fiscal|full|financial)\\s+)?(week|month|year)" + E, F),
          (m, c) -> Rules.relPeriod(m, c, Words.grainOf(m.group(1)), -1)));
    }
    // UTC after a clock time, with an offset or not: "18:00 UTC", "6:40 p.m. (GMT +8)"; folded into the time by Merges
    r.add(new Rule(Pattern.compile(Rules.B + "\\(?(?:utc|gmt)(?:\\s*[+-]\\s*\\d{1,2}(?!\\d))?\\)?" + E, F), (m, c) ->
        EnglishRules.zoneOffset(m.group()) == null ? null : new Piece(m.start(), m.end(), Kind.ZONE, null, m.group(), false, null, null, null)));
    // uncounted spans after a preposition of extent: "for years", "over the years", "per mesi"
    String extent = it ? "(?:per|da)\\s+(anni|mesi|settimane|giorni|decenni)" : "(?:for|over|within)\\s+(?:the\\s+)?(years|months|weeks|days|decades)";
    r.add(new Rule(Pattern.compile(Rules.B + extent + E, F), (m, c) -> {
      Grain g = m.group(1).startsWith("dec") ? Grain.YEAR : Words.grainOf(m.group(1));
      return fixed(m.start(), m.end(), Kind.DURATION, Rules.durationValue("X", g));
    }));
    // a count and a half: "two and a half years", "2 1/2 years", "a year and a half", "due anni e mezzo"; TimeML writes
    // the fraction on the unit (P2.5Y). Not before "ago" or "later", whose dates other rules read
    String num = Words.number(lang);
    // a count read backwards from the word after it (see the rules below that match from their unit)
    Pattern countBefore = Pattern.compile("(?<![\\p{L}\\d])(" + num + ")\\s+$", F);
    String halved = unit + (it ? "" : "|decades?|century|centuries"); // "two and a half decades", "a century and a half"
    String half = it ? "(" + num + ")\\s*(" + unit + ")\\s+e\\s+mezz[oa](?!\\s+(?:fa|dopo|prima|più\\s+tardi)" + Rules.E + ")"
        : "(?:(" + num + ")\\s+and\\s+a\\s+half\\s+(" + halved + ")|(" + num + ")\\s+1/2[\\s-]+(" + halved + ")"
        + "|(a|an|one)\\s+(" + halved + ")\\s+and\\s+a\\s+half)(?!\\s+(?:ago|later|earlier)" + Rules.E + ")";
    r.add(new Rule(Pattern.compile(Rules.B + half + E, F), (m, c) -> {
      int g = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
      double v = Words.value(m.group(g), lang);
      if (v < 0 || v != Math.floor(v) || m.group(g + 1).toLowerCase(Locale.ROOT).startsWith("q")) return null;
      return fixed(m.start(), m.end(), Kind.DURATION, span(v + 0.5, m.group(g + 1)));
    }));
    // a count of units with an adjective inside it, and uncounted spans as modifiers: "eight trading days", "five
    // consecutive years", "20 more years", "a full year", "the decades-long feud", "a several-year tenure", "a
    // multi-year review" (decades are years, as in "for decades"). Not before "ago" or "later", whose dates other rules
    // read
    if (!it) {
      // NOTE: one pattern for both, matched from the adjective, the count then read backwards, so the long alternation
      // of number words is tried only where an adjective stands, not at every offset of every text
      r.add(new Rule(Pattern.compile(Rules.B + "(?=[abcdefhmstwy])(?:(?:trading|business|working|consecutive|straight|successive|calendar|more|additional|extra|full)\\s+("
          + unit + ")(?!\\s+(?:ago|later|earlier)" + Rules.E + ")|(?:several|few|multi|many)-(year|month|week|day|hour|decade)"
          + "|(years|months|weeks|days|hours|decades)-long)" + E, F), (m, c) -> {
        if (m.group(1) == null) {
          String u = m.group(2) != null ? m.group(2) : m.group(3);
          return fixed(m.start(), m.end(), Kind.DURATION, Rules.durationValue("X", u.startsWith("decade") ? Grain.YEAR : Words.grainOf(u)));
        }
        Matcher n = before(countBefore, c.s(), m.start(), COUNT_WORDS);
        if (!n.find()) return null;
        double v = Words.value(n.group(1), lang);
        if (v < 1 || v != Math.floor(v) || ORDINAL.matcher(n.group(1)).matches()) return null; // "the third straight month"
        String units = n.group(1).endsWith("few") ? "X" : String.valueOf((long) v); // "a few trading days": no count
        return fixed(n.start(), m.end(), Kind.DURATION, Rules.durationValue(units, Words.grainOf(m.group(1))));
      }));
    }
    if (!it) {
      // a season of a year named after it: "the spring of 1998" and "summer 2009" are 1998-SP and 2009-SU (the season
      // alone would be read from the anchor and the year found apart; a month's year is the month-year rule's)
      r.add(new Rule(Pattern.compile(Rules.B + "(?:the\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+of)?\\s+((?:19|20)\\d\\d)" + E, F), (m, c) -> {
        if (m.group(1).matches("fall|spring") && Character.isLowerCase(c.original().charAt(m.start(1)))
            && !m.group().matches("the\\s.*|.*\\sof\\s.*") && !c.s().startsWith("in ", Math.max(0, m.start() - 3))) {
          return null; // "prices fall 2010 points": the verb, as the season rule reads a bare lower-case "fall"
        }
        return fixed(m.start(), m.end(), Kind.DATE, m.group(2) + "-" + Words.SEASON_CODES.get(Words.season(m.group(1))));
      }));
      // half a unit, "half an hour", "a half-day", "half a year": the fraction on the unit, as "two and a half years" is
      // P2.5Y (before: "an hour" inside it, PT1H); half or a quarter of a decade or a century in years, "half a century"
      // P50Y, "a quarter of a century" P25Y (before: "a decade" P10Y, "a quarter" P3M); and a count written with
      // thousands separators, "2,000 years" (before: "000 years", P0Y)
      r.add(new Rule(Pattern.compile(Rules.B + "(?:half\\s+an?\\s+|an?\\s+half[\\s-]+|an?\\s+(quarter)(?:\\s+of\\s+a)?[\\s-]+(?=century))"
          + "(hour|day|week|month|year|decade|century)(?!\\s+(?:ago|later|earlier)" + Rules.E + ")" + E, F),
          (m, c) -> fixed(m.start(), m.end(), Kind.DURATION, span(m.group(1) != null ? 0.25 : 0.5, m.group(2)))));
      r.add(new Rule(Pattern.compile(Rules.B + "(\\d{1,3}(?:,\\d{3})+)[\\s-]+(" + unit + ")(?!\\s+(?:ago|later|earlier)" + Rules.E + ")" + E, F),
          (m, c) -> fixed(m.start(), m.end(), Kind.DURATION, Rules.durationValue(m.group(1).replace(",", ""), Words.grainOf(m.group(2))))));
      // a count of hundreds or thousands of units, "two thousand years" P2000Y, "a hundred days" P100D, and of fortnights,
      // "a fortnight" P2W, "the past fortnight" P2W (before: nothing). NOTE: matched from the multiple or "fortnight", the
      // count then read backwards, as the count of an adjective and its unit is above
      r.add(new Rule(Pattern.compile(Rules.B + "(?:(hundred|thousand)\\s+(" + unit + ")|(fortnights?))(?!\\s+(?:ago|later|earlier)" + Rules.E + ")" + E, F), (m, c) -> {
        Matcher n = before(countBefore, c.s(), m.start(), COUNT_WORDS);
        double v = n.find() ? Words.value(n.group(1), lang) : -1;
        if (v < 1 || v != Math.floor(v) || ORDINAL.matcher(n.group(1)).matches()) {
          Matcher the = before(LAST_NEXT, c.s(), m.start(), COUNT_WORDS);
          return m.group(3) == null || !the.find() ? null : fixed(the.start(), m.end(), Kind.DURATION, "P2W"); // "the past fortnight"
        }
        if (m.group(3) != null) return fixed(n.start(), m.end(), Kind.DURATION, "P" + 2 * (long) v + "W");
        long times = m.group(1).equalsIgnoreCase("hundred") ? 100 : 1000;
        return fixed(n.start(), m.end(), Kind.DURATION, Rules.durationValue(String.valueOf(times * (long) v), Words.grainOf(m.group(2))));
      }));
      // a couple of units, two of them: "a couple of years" P2Y, "the past couple of months" P2M (before: nothing, or "the
      // past" alone as PAST_REF). Matched from "couple", what stands before it read backwards
      r.add(new Rule(Pattern.compile(Rules.B + "couple\\s+(?:of\\s+)?(" + unit + ")(?!\\s+(?:ago|later|earlier)" + Rules.E + ")" + E, F), (m, c) -> {
        Matcher head = before(COUPLE_HEAD, c.s(), m.start(), COUNT_WORDS);
        return !head.find() ? null : fixed(head.start(), m.end(), Kind.DURATION, Rules.durationValue("2", Words.grainOf(m.group(1))));
      }));
      // a season, quarter or half of a year named from the anchor: "the spring of last year" 2023-SP, "the fourth quarter
      // of last year" 2023-Q4, "the first half of the year" 2024-H1 (before: the part read apart from the year, in the
      // anchor's year, and "last year" a second expression). Matched from "of ... year", the part read backwards
      r.add(new Rule(Pattern.compile(Rules.B + "of\\s+(this|last|next|the)\\s+year" + E, F), (m, c) -> {
        Matcher part = before(PART_OF_YEAR, c.s(), m.start(), PART_WORDS);
        if (!c.anchored() || !part.find()) return null;
        String rel = m.group(1).toLowerCase(Locale.ROOT);
        int year = c.today().getYear() + (rel.equals("last") ? -1 : rel.equals("next") ? 1 : 0);
        String code = part.group(1) != null ? Words.SEASON_CODES.get(Words.season(part.group(1)))
            : part.group(2) != null ? "Q" + Grammar.ordinalValue(part.group(2), lang)
            : part.group(3).toLowerCase(Locale.ROOT).equals("first") ? "H1" : "H2";
        return fixed(part.start(), m.end(), Kind.DATE, year + "-" + code);
      }));
      // units ago, uncounted, are the past, as "decades ago" is: "years ago", "centuries ago" PAST_REF (before: nothing).
      // A count of centuries is a year, as "a decade ago" is: "two centuries ago" 1824, "half a century ago" 1974 (before:
      // nothing, or "half a century" P50Y). NOTE: matched from the unit, the count read backwards
      r.add(new Rule(Pattern.compile(Rules.B + "(centuries|century|years|months|weeks|days)\\s+ago" + E, F), (m, c) -> {
        boolean century = m.group(1).toLowerCase(Locale.ROOT).startsWith("centur");
        Matcher n = before(HALF_A, c.s(), m.start(), COUNT_WORDS);
        double v = 0.5;
        if (!century || !n.find()) {
          n = before(countBefore, c.s(), m.start(), COUNT_WORDS);
          if (!n.find()) {
            // uncounted: not after a vague count ("several years ago") nor after digits no count reads ("1000000000000
            // years ago", beyond the calendar)
            boolean plural = !m.group(1).equalsIgnoreCase("century");
            return plural && !before(VAGUE_COUNT, c.s(), m.start(), COUNT_WORDS).find() && !before(DIGITS, c.s(), m.start(), 2).find()
                ? fixed(m.start(), m.end(), Kind.DATE, "PAST_REF") : null;
          }
          v = ORDINAL.matcher(n.group(1)).matches() ? -1 : Words.value(n.group(1), lang); // not "the third"
        }
        // a count of years or days is read by the grammar's rule; a count of centuries reaching before the common era
        // ("1000000000000 centuries ago") is no date, nor the past
        if (!century || !c.anchored() || v <= 0 || v > MAX_CENTURIES || v != Math.floor(v) && v != 0.5) return null;
        Moment year = Moment.at(c.today().minusYears(Math.round(100 * v)).withDayOfYear(1).atStartOfDay(), Grain.YEAR);
        return Rules.date(m, 0, year, true).span(n.start(), m.end());
      }));
      // a count of units' time, ahead of the anchor as "in two weeks" of Duckling's phrases is: "in two weeks' time"
      // 2024-07-03 (before: "two weeks" P2W). Matched from the unit, the count read backwards, "in" before it
      r.add(new Rule(Pattern.compile(Rules.B + "(days|weeks|months|years|day|week|month|year)['\u2019]s?\\s+time" + E, F), (m, c) -> {
        Matcher n = before(IN_COUNT, c.s(), m.start(), COUNT_WORDS);
        double v = n.find() && !ORDINAL.matcher(n.group(1)).matches() ? Words.value(n.group(1), lang) : -1;
        if (v < 1 || v != Math.floor(v)) return null;
        return Rules.shift(m, c, v, Words.grainOf(m.group(1)), 1).span(n.start(1), m.end());
      }));
      // a set of every second or every Nth unit: "every other week" P2W, "every three months" P3M, "biweekly" P2W (before:
      // nothing, or "three months" a span)
      r.add(new Rule(Pattern.compile(Rules.B + "(?:every\\s+(other|" + num + ")\\s+(" + unit + ")|(bi-?weekly))" + E, F), (m, c) -> {
        if (m.group(3) != null) return fixed(m.start(), m.end(), Kind.SET, "P2W");
        double v = m.group(1).equalsIgnoreCase("other") ? 2 : Words.value(m.group(1), lang);
        if (v < 1 || v != Math.floor(v) || ORDINAL.matcher(m.group(1)).matches()) return null;
        return fixed(m.start(), m.end(), Kind.SET, Rules.durationValue(String.valueOf((long) v), Words.grainOf(m.group(2))));
      }));
      // the stretch ahead, uncounted: "the weeks ahead" PXW, as "the next few weeks" is
      r.add(new Rule(Pattern.compile(Rules.B + "the\\s+(days|weeks|months|years)\\s+ahead" + E, F),
          (m, c) -> fixed(m.start(), m.end(), Kind.DURATION, Rules.durationValue("X", Words.grainOf(m.group(1))))));
      // centuries as TimeML writes them, the two digits their years begin with: "the 11th century" is 10, "20th-century"
      // 19. NOTE: matched from "century", the ordinal then read backwards, as the count of the rule above
      Pattern ordinal = Pattern.compile("(?<![\\p{L}\\d])(?:the\\s+)?(" + Grammar.ordinal(lang) + ")[\\s-]+$", F);
      r.add(new Rule(Pattern.compile(Rules.B + "century" + E, F), (m, c) -> {
        Matcher o = before(ordinal, c.s(), m.start(), ORDINAL_WORDS);
        int n = o.find() ? Grammar.ordinalValue(o.group(1), lang) : 0;
        return n < 1 || n > 21 ? null : fixed(o.start(), m.end(), Kind.DATE, String.format("%02d", n - 1));
      }));
    }
    // the weekend: this week's, the last or next one, or by the tense
    r.add(new Rule(Pattern.compile(Rules.B + (it ? "(?:(?:il|lo|nel|nello|questo|lo scorso|il prossimo)\\s+)?(week-?end)(?:\\s+(scorso|prossimo))?"
        : "(?:(this|last|next|coming|the|over the)\\s+)?(weekend)") + E, F), (m, c) -> weekend(m, c, it)));
    // sets: "daily", "annually", "every morning", "15 a year"
    // (a quarter, which the grammar's "every day/week/month/year" lacks, is TimeML's P1Q: "dividends paid every quarter")
    String[][] adverbs = it ? new String[][] {{"quotidianamente", "P1D"}, {"settimanalmente", "P1W"}, {"mensilmente", "P1M"},
        {"annualmente", "P1Y"}, {"ogni\\s+trimestre", "P1Q"}}
        : new String[][] {{"daily", "P1D"}, {"weekly", "P1W"}, {"monthly", "P1M"}, {"annually|yearly", "P1Y"}, {"hourly", "PT1H"},
        {"(?:every|each)\\s+quarter", "P1Q"}};
    for (String[] x : adverbs) {
      r.add(new Rule(Pattern.compile(Rules.B + "(?:" + x[0] + ")" + E, F), (m, c) -> fixed(m.start(), m.end(), Kind.SET, x[1])));
    }
    String parts = it ? "(?:ogni|tutte le|tutti i)\\s+(mattin[ae]|pomerigg(?:io|i)|ser[ae]|nott[ei])"
        : "(?:every|each)\\s+(morning|afternoon|evening|night)";
    r.add(new Rule(Pattern.compile(Rules.B + parts + E, F), (m, c) -> fixed(m.start(), m.end(), Kind.SET, "XXXX-XX-XXT" + partCode(m.group(1)))));
    if (!it) {
      // a month or a season of every year: "each July", "every summer" (TimeML's XXXX-07, XXXX-SU), as "each Thursday"
      // is a weekday of every week
      r.add(new Rule(Pattern.compile(Rules.B + "(?:every|each)\\s+(" + Words.MONTH_EN_FULL + "|spring|summer|fall|autumn|winter)" + E, F), (m, c) -> {
        String w = m.group(1);
        String v = w.matches("spring|summer|fall|autumn|winter") ? Words.SEASON_CODES.get(Words.season(w)) : String.format("%02d", Words.month(w, lang));
        return fixed(m.start(), m.end(), Kind.SET, "XXXX-" + v);
      }));
      // the day an event has reached, told in the present: "today is the eighth day of Desert Shield", "It's the second
      // day of an offensive" is the anchor's day, as "today" is (a past "was the third day of" names another day)
      r.add(new Rule(Pattern.compile("(?<=(?:" + Rules.B + "is|'s|" + Rules.B + "marks)\\s)the\\s+(" + ORDINAL.pattern() + ")\\s+(?:straight\\s+|consecutive\\s+)?day(?=\\s+of" + Rules.E + ")", F),
          (m, c) -> Rules.relPeriod(m, c, Grain.DAY, 0)));
    }
    // a range of counts of one unit: "two to three weeks", "60 to 90 days", "two or three years", "60-90 days", "da 60 a
    // 90 giorni", "due o tre settimane" are one span valued by its lower count, P2W (before: the upper count alone, P3W).
    // TempEval-3's one such span in the dev folds is P2W; where TimeBank splits a range ("between two to six days") the
    // first TIMEX3 is the lower count. The counts must rise ("in 1990 or two years later" is no range), and not before
    // ago or later, whose dates other rules read. Matched from the connector, the lower count read backwards
    //
    // English "and" joins counts after "between" only ("between 9 and 10 days" P9D; "two and three" alone reads as
    // counts too often). After "the next", "the past", "the last", "the coming" (Italian "nei prossimi", "negli ultimi")
    // the range is a stretch from the anchor whose length the text leaves open, TimeML's uncounted span: "the next 12 to
    // 18 months" PXM, as TempEval-3's one such span in the dev folds (before: "12 to 18 months" P12M)
    String connector = "(?:(?<=[\\p{L}\\d])-\\s*|(?<=[\\p{L}\\d]\\s)" + (it ? "(?:a|o|e)" : "(?:to|or|(and))") + "\\s+)";
    Pattern rangeLow = Pattern.compile("(?<![\\p{L}\\d])(" + num + ")\\s*$", F);
    r.add(new Rule(Pattern.compile(connector + "(" + num + ")\\s+(" + unit + ")(?!\\s+(?:"
        + (it ? "fa|dopo|prima|più\\s+tardi" : "ago|later|earlier|old") + ")" + Rules.E + ")" + E, F), (m, c) -> {
      int g = it ? 0 : 1; // English has the group of "and" first
      Matcher low = before(rangeLow, c.s(), m.start(), COUNT_WORDS);
      if (!low.find() || g == 1 && m.group(1) != null && !before(BETWEEN, c.s(), low.start(), BETWEEN_CHARS).find()) return null;
      double from = Words.value(low.group(1), lang);
      double to = Words.value(m.group(g + 1), lang);
      if (from < 1 || to < 0 || from >= to || from != Math.floor(from) || ORDINAL.matcher(low.group(1)).matches()) return null;
      Matcher stretch = before(RANGE_STRETCH.get(lang), c.s(), low.start(), BETWEEN_CHARS);
      return stretch.find() ? fixed(stretch.start(), m.end(), Kind.DURATION, Rules.durationValue("X", Words.grainOf(m.group(g + 2))))
          : fixed(low.start(), m.end(), Kind.DURATION, span(from, m.group(g + 2)));
    }));
    // the second end of a range, its own date as TimeML tags a range's two ends and as "from March 3 to March 9" and
    // "1990\u20131992" are read (round 11). Of years written with a hyphen: "2009-2011", "il piano 2025-2027" (before: the
    // first year alone, the hyphen keeping the second from the year rule). In English, of days in one month: "June 3-5",
    // "Jan. 12 to 15", "May 28-29, 2024", the same month of the first end's year at its own day (before: the first end
    // alone, and a year after the range a third expression, "2024"); the day must stand before punctuation, a
    // preposition or a year ("on June 3 to 15 members" is no range). The second end must be later than the first. One
    // rule for both, matched after a digit, the first day's month read backwards: a rule costs a scan of every text
    // A second year of two digits is in the first's century, "2005-08" 2008, "fiscal 1990-91" 1991 (before: the first
    // alone); it must be later, so "2024-06", which no range reads, stays the first year alone
    String secondYear = "(?<=(?<![\\p{L}\\d])((?:19|20)\\d\\d))-((?:19|20)?\\d\\d)" + E;
    String secondDay = "(?:\\s?[-\u2013]\\s?|\\s+(?:to|through|thru)\\s+)(\\d{1,2})(?:,?\\s+((?:19|20)\\d\\d))?"
        + "(?=\\s*(?:[,.;:)!?]|$)|\\s+(?:in|at|on|and|for|with|from|after|before|during|when|while)" + Rules.E + ")" + E;
    // The first end of a range of days written day first, "3-5 June", "between 3 and 5 June", "dal 3 al 5 giugno", "tra
    // il 3 e il 5 giugno": the day alone in the month and year of the second end, which the day-range rule of Rules
    // gives as "5 June" in running text (before: one span, the first day's date). Italian "il 2" with its article, as
    // "il 4 settembre" is read, so that the day of the anchor's month that "il 2" alone names does not win
    String firstDay = "(?<![\\p{L}\\d])" + (it ? "(?:il\\s+)?" : "") + "(?<d1>\\d{1,2})" + (it ? "" : "(?:st|nd|rd|th)?") + "(?=\\s*(?:-|\u2013|"
        + (it ? "al|e\\s+il|e" : "to|till|through|and") + ")\\s*(?<d2>\\d{1,2})" + (it ? "" : "(?:st|nd|rd|th)?")
        + "\\s+(?<mo>" + (it ? Words.MONTH_IT : Words.MONTH_EN) + ")(?:\\s+(?<y>(?:19|20)\\d\\d))?" + Rules.E + ")";
    r.add(new Rule(Pattern.compile("(?<=\\d)(?:" + secondYear + (it ? "" : "|" + secondDay) + ")|" + firstDay, F), (m, c) -> {
      if (m.group("d1") != null) {
        int mo = Words.month(m.group("mo"), lang);
        int d1 = Integer.parseInt(m.group("d1"));
        int d2 = Integer.parseInt(m.group("d2"));
        Integer y = m.group("y") == null ? null : Integer.valueOf(m.group("y"));
        if (mo < 1 || d1 < 1 || d2 <= d1) return null;
        int year = y != null ? y : TimeTagger.monthDay(c, mo, d1, m.start()).getYear();
        if (!Rules.exists(year, mo, d2)) return null; // "dal 28 al 29 febbraio" in a common year: the range is marked
        return Rules.rangeEnd(m, java.time.LocalDate.of(year, mo, d1), y != null).span(m.start(), m.end());
      }
      if (m.group(2) != null) {
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2).length() == 2 ? from / 100 * 100 + Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(2));
        return to <= from ? null : fixed(m.start(2), m.end(2), Kind.DATE, String.valueOf(to));
      }
      Matcher first = before(RANGE_FIRST_DAY, c.s(), m.start(), RANGE_FIRST_CHARS);
      if (!first.find()) return null;
      int mo = Words.month(first.group(1), lang);
      int d1 = Integer.parseInt(first.group(2));
      int d2 = Integer.parseInt(m.group(3));
      Integer y = m.group(4) == null ? null : Integer.valueOf(m.group(4));
      if (mo < 1 || d1 < 1 || d2 <= d1) return null;
      int year = y != null ? y : TimeTagger.monthDay(c, mo, d1, first.start()).getYear();
      if (!Rules.exists(year, mo, d2)) return null; // a day the month lacks, "Feb. 28-29" in a common year
      return Rules.rangeEnd(m, java.time.LocalDate.of(year, mo, d2), y != null).span(m.start(3), m.end());
    }));
    // a rate: after an amount ("15 a year", "$4 billion a year", "3% all'anno")
    String rate = it ? "(?<=\\d\\s?|%\\s?|(?:mila|milioni|miliardi|volte)\\s)(?:all'|al\\s+|a\\s+|l')(anno|mese|settimana|giorno)"
        : "(?<=\\d\\s?|%\\s?|(?:percent|per cent|thousand|million|billion|once|twice|times)\\s)(?:a|an|per)\\s+(year|month|week|day)";
    r.add(new Rule(Pattern.compile(rate + E, F), (m, c) ->
        fixed(m.start(), m.end(), Kind.SET, Rules.durationValue("1", Words.grainOf(m.group(1))))));
    // a rate after a counted noun: "1,200 cars a day", "three shifts a day", "1.200 auto al giorno" are sets, as "15 a
    // year" is (before: "a day" a span, P1D, or nothing). Matched from the unit, the count and noun read backwards; not
    // a span that dates ("a day after", "a year ago", "a week or two")
    r.add(new Rule(Pattern.compile(Rules.B + (it ? "(?:all'|al\\s+)(anno|mese|settimana|giorno)" : "(?:a|per)\\s+(year|month|week|day)")
        + "(?!\\s+(?:ago|after|before|later|earlier|or|and|of|from|since|old|long|dopo|prima|fa|o|e)" + Rules.E + ")" + E, F), (m, c) ->
        !before(COUNTED_NOUN.get(lang), c.s(), m.start(), COUNT_WORDS).find() ? null
            : fixed(m.start(), m.end(), Kind.SET, Rules.durationValue("1", Words.grainOf(m.group(1))))));
    // decades: "the 1990s" is 199; "the past decade", "two decades" are spans. NOTE: a space run is read only after a
    // word that starts the phrase, so a long run of spaces is crossed once, not once per space
    r.add(new Rule(Pattern.compile(Rules.B + (it ? "(?:gli\\s+anni\\s+)((?:1[5-9]|20)\\d)0" : "(?:the\\s+)?((?:1[5-9]|20)\\d)0'?s") + E, F), (m, c) ->
        fixed(m.start(), m.end(), Kind.DATE, m.group(1))));
    // decades in words or with an apostrophe, of the twentieth century: "the nineties", "the '80s", "gli anni Novanta".
    // NOTE: after "the" only, as "in their twenties" is an age
    String tens = it ? "venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta"
        : "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties";
    r.add(new Rule(Pattern.compile(Rules.B + (it ? "(?:(?:gli|negli|degli|agli|dagli|sugli)\\s+)?anni\\s+(?:'|19)?(" + tens + ")"
        : "the\\s+(?:(?:early|mid|late)[\\s-]+)?(?:'(\\d)0s|(?:nineteen[\\s-]+)?(" + tens + "))") + E, F), (m, c) -> {
      String d = m.group(1) != null ? m.group(1) : m.group(2);
      int n = d.matches("\\d") ? Integer.parseInt(d) : 2 + List.of(tens.split("\\|")).indexOf(d.toLowerCase(Locale.ROOT));
      return n < 1 ? null : fixed(m.start(), m.end(), Kind.DATE, "19" + n);
    }));
    if (!it) {
      // years in words, as transcripts write them: "nineteen ninety-one", "the year two thousand"
      String ones = "one|two|three|four|five|six|seven|eight|nine";
      String decadeWords = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
      r.add(new Rule(Pattern.compile(Rules.B + "(?:nineteen\\s+(" + decadeWords + ")(?:[\\s-](" + ones + "))?|the\\s+year\\s+two\\s+thousand(?:\\s+(?:and\\s+)?(" + ones + "))?)" + E, F),
          (m, c) -> {
            List<String> o = List.of(ones.split("\\|"));
            if (m.group(1) == null) {
              return fixed(m.start(), m.end(), Kind.DATE, "200" + (m.group(3) == null ? 0 : 1 + o.indexOf(m.group(3))));
            }
            int y = 1900 + 10 * (2 + List.of(decadeWords.split("\\|")).indexOf(m.group(1))) + (m.group(2) == null ? 0 : 1 + o.indexOf(m.group(2)));
            return fixed(m.start(), m.end(), Kind.DATE, String.valueOf(y));
          }));
    }
    // a half of a year without one, as earnings news names it: "first-half profit" (2024-H1), "nel primo semestre";
    // the year as a quarter's ("the third quarter") is read. Not "the first half" alone, which in news is as often a
    // game's. Matched from "half" or "semestre", the ordinal read backwards
    r.add(new Rule(Pattern.compile(Rules.B + (it ? "semestre(?!\\s+(?:del\\s+|dell'\\s*)?(?:1[5-9]|20)\\d\\d)" : "half") + E, F), (m, c) -> {
      Matcher ord = before(it ? SEMESTER_ORDINAL : HALF_ORDINAL, c.s(), m.start(), PART_WORDS);
      if (!c.anchored() || !ord.find()) return null;
      int n = ord.group(1).toLowerCase(Locale.ROOT).matches("first|primo") ? 1 : 2;
      return fixed(ord.start(), m.end(), Kind.DATE, TimeTagger.partYear(c, 6, n, ord.start(1)) + "-H" + n);
    }));
    if (!it) {
      // a quarter named by a month of it, as earnings news does: "the June quarter", "the December-quarter results" are
      // the calendar quarter holding the month (before: the month alone). Matched from "quarter", the month read backwards
      r.add(new Rule(Pattern.compile(Rules.B + "quarter" + E, F), (m, c) -> {
        Matcher month = before(MONTH_OF_QUARTER, c.s(), m.start(), COUNT_WORDS);
        if (!month.find()) return null;
        int n = (Words.month(month.group(1), lang) - 1) / 3 + 1;
        int y = TimeTagger.quarterYear(c, n, month.start(1));
        return Rules.date(m, 0, new Moment(java.time.LocalDateTime.of(y, 3 * n - 2, 1, 0, 0), Grain.QUARTER, null), true)
            .span(month.start(), m.end());
      }));
      // quarters and fiscal years as business news abbreviates them, in capitals: "Q3", "Q3 2009", "Q1'10", "3Q09",
      // "FY09", "FY2009" (TimeML writes a fiscal year as its year, as the gold has "fiscal 1989")
      r.add(new Rule(Pattern.compile("(?<![\\p{L}\\d])(?:Q([1-4])(?:\\s+((?:19|20)\\d\\d)|\\s*('\\d\\d)|-((?:19|20)\\d\\d))?"
          + "|([1-4])Q\\s*('?\\d\\d|(?:19|20)\\d\\d)|FY\\s*('?\\d\\d|(?:19|20)\\d\\d))" + E, F), (m, c) -> {
        if (c.original().substring(m.start(), m.end()).matches("(?s).*[qfy].*")) return null; // "q3" is no quarter
        if (m.group(7) != null) return fixed(m.start(), m.end(), Kind.DATE, String.valueOf(Rules.year(m.group(7))));
        int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(5));
        String y = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(6);
        int year = y != null ? Rules.year(y) : TimeTagger.quarterYear(c, n, m.start());
        return Rules.date(m, 0, new Moment(java.time.LocalDateTime.of(year, 3 * n - 2, 1, 0, 0), Grain.QUARTER, null), y == null);
      }));
    } else {
      // the beginning or end of this, the last or the next month, year or week is that period, as TimeML writes it (the
      // part goes in mod) and as the English rules read "at the end of the month": "a fine mese", "da inizio anno",
      // "entro la fine dell'anno prossimo", "alla fine della settimana" (before: nothing). "Fine settimana" without
      // "della" is the weekend
      r.add(new Rule(Pattern.compile(Rules.B + "(?:inizio|fine)\\s+(?:(?:del|dello|dell'|di)\\s*)?(?:(?:questo|quest'|il)\\s*)?(mese|anno)"
          + "(?:\\s+(prossimo|scorso|corrente))?|(?:inizio|fine)\\s+della\\s+(?:(?:questa|prossima|scorsa)\\s+)?(settimana)"
          + "(?:\\s+(prossima|scorsa|corrente))?" + E, F), (m, c) -> {
        if (!c.anchored()) return null;
        String u = m.group(1) != null ? m.group(1) : m.group(3);
        String rel = (m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : m.group(0)).toLowerCase(Locale.ROOT);
        int off = rel.contains("prossim") ? 1 : rel.contains("scors") ? -1 : 0;
        Grain g = u.equalsIgnoreCase("mese") ? Grain.MONTH : u.equalsIgnoreCase("anno") ? Grain.YEAR : Grain.WEEK;
        return Rules.relPeriod(m, c, g, off);
      }));
    }
    // halves of a year: "the second half of 1989", "la prima metà del 2019", "il secondo semestre 2019"
    r.add(new Rule(Pattern.compile(Rules.B + (it ? "(?:(?:la|nella|della)\\s+)?(prima|seconda)\\s+metà\\s+(?:del\\s+|dell'\\s*)?((?:1[5-9]|20)\\d\\d)"
        + "|(?:(?:il|nel|del)\\s+)?(primo|secondo)\\s+semestre\\s+(?:del\\s+|dell'\\s*)?((?:1[5-9]|20)\\d\\d)"
        : "(?:the\\s+)?(first|second|last|latter)\\s+half\\s+of\\s+((?:1[5-9]|20)\\d\\d)") + E, F), (m, c) -> {
      int g = m.group(1) != null ? 1 : 3;
      boolean first = m.group(g).toLowerCase(Locale.ROOT).matches("first|prim[ao]");
      return fixed(m.start(), m.end(), Kind.DATE, m.group(g + 1) + (first ? "-H1" : "-H2"));
    }));
    // the week of a day, TimeML's week holding it: "the week of March 6" (2000-W10), "la settimana del 6 marzo"; the day
    // without a year is read as a bare day of a month is
    String wk = it ? "(?:la\\s+|nella\\s+)?settimana\\s+del\\s+(?<d>\\d{1,2})\\s+(?<mo>" + Words.MONTH_IT + ")(?:\\s+(?<y>\\d{4}))?"
        : "(?:the\\s+)?week\\s+of\\s+(?<mo>" + Words.MONTH_EN + ")\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y>\\d{4}))?";
    r.add(new Rule(Pattern.compile(Rules.B + wk + E, F), (m, c) -> {
      int mo = Words.month(m.group("mo"), lang), d = Integer.parseInt(m.group("d"));
      Integer y = m.group("y") == null ? null : Integer.valueOf(m.group("y"));
      if (!Rules.exists(y, mo, d)) return null;
      java.time.LocalDate day = y != null ? java.time.LocalDate.of(y, mo, d) : TimeTagger.monthDay(c, mo, d, m.start("mo"));
      java.time.LocalDate monday = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
      return Rules.date(m, 0, Moment.at(monday.atStartOfDay(), Grain.WEEK), y == null);
    }));
    String decade = it ? "(?:(?:gli|negli|nei|i)\\s+)?(?:(ultimi|scorsi|prossimi)\\s+)?(?:(" + Words.number(lang) + ")\\s+)?(decenni|decennio)"
        + "(?:\\s+(passato|scorso|prossimo))?"
        : "(?:the\\s+)?(?:(past|last|next|coming)\\s+)?(?:(" + Words.number(lang) + ")[\\s-]+)?(decades?)";
    r.add(new Rule(Pattern.compile(Rules.B + decade + "(?:\\s+" + (it ? "" : "(?:or\\s+so\\s+)?") + "(?<ago>" + (it ? "fa" : "ago") + "))?" + E, F), (m, c) -> {
      String n = m.group(2);
      double v = n == null ? -1 : Words.value(n, lang);
      boolean plural = m.group(3).matches("decades|decenni");
      if (m.group("ago") != null) {
        // "a decade ago", "due decenni fa": a date, as "ten years ago" is, at the grain of a year; "decades ago" the past
        if (m.group(1) != null || it && m.group(4) != null) return null;
        if (v < 1 || v != Math.floor(v)) return plural ? fixed(m.start(), m.end(), Kind.DATE, "PAST_REF") : null;
        return Rules.date(m, 0, Moment.at(c.today().minusYears(10 * (long) v).withDayOfYear(1).atStartOfDay(), Grain.YEAR), true);
      }
      if (n == null && !plural && m.group(1) == null && (!it || m.group(4) == null)) {
        return null; // "the decade" alone needs its context
      }
      String count = v >= 1 && v == Math.floor(v) ? String.valueOf(10 * (long) v) : plural ? "X" : "10";
      return fixed(m.start(), m.end(), Kind.DURATION, "P" + count + "Y");
    }));
    return r;
  }

  /**
   * Whether {@code text[start, end)}, a time expression found in English, is no time: the head of a name (every word of
   * it capitalized and one of {@link #NAME_HEAD}'s, and followed by "of", "for" or "with" and a capitalized word that is
   * no month or weekday: "March for Life", "Spring of Life"), a capitalized day word right after an acronym ("USA Today",
   * "This is VOA Today") or a part of day in a greeting ("Good evening from Havana").
   */
  static boolean noTime(String text, int start, int end) {
    String span = text.substring(start, end);
    if (DAY_WORD.matcher(span).matches() && before(ACRONYM, text, start, 12).find()) {
      return true;
    }
    if (GREETED.matcher(span).matches() && before(GREETING, text, start, 5).find()) {
      return true;
    }
    if (!NAME_HEAD.matcher(span).matches() || !Arrays.stream(span.split("\\s+")).allMatch(w -> Character.isUpperCase(w.charAt(0)))) {
      return false;
    }
    Matcher tail = NAME_TAIL.matcher(text).region(end, text.length());
    return tail.lookingAt() && !tail.group(1).toLowerCase(Locale.ROOT).matches(Words.MONTH_EN + "|" + Words.WD_EN);
  }

  /**
   * A weekend as TimeML writes it, {@code 2010-W04-WE}: the week the modifier names, else the tense's direction, else
   * the nearest weekend. Null without an anchor.
   */
  private static Piece weekend(java.util.regex.Matcher m, TimeTagger.Ctx c, boolean it) {
    if (!c.anchored()) {
      return null; // no week to name
    }
    String mod = (it ? m.group(0) : m.group(1) == null ? "" : m.group(1)).toLowerCase(Locale.ROOT);
    java.time.LocalDate t = c.today();
    boolean begun = t.getDayOfWeek().getValue() >= 6;
    int shift;
    if (mod.matches(".*\\b(last|scorso)\\b.*")) {
      shift = begun ? 0 : -1;
    } else if (mod.matches(".*\\b(next|coming|prossimo)\\b.*")) {
      shift = begun ? 1 : 0;
    } else if (mod.matches("(this|questo)\\b.*")) {
      shift = 0;
    } else if (c.tense(m.start()) == TimeTagger.Tense.NONE) {
      shift = begun || t.getDayOfWeek().getValue() > 3 ? 0 : -1; // the nearest: on a Monday, the one just over
    } else {
      shift = c.tense(m.start()) == TimeTagger.Tense.PAST ? (begun ? 0 : -1) : 0;
    }
    Moment week = Moment.at(t.plusWeeks(shift).atStartOfDay(), Grain.WEEK);
    return fixed(m.start(), m.end(), Kind.DATE, week.timex() + "-WE");
  }

  /**
   * A date {@code amount} units of {@code unit} from the last date the text mentions before it; read from the anchor
   * at the unit's grain until {@link TimeTagger} re-anchors it.
   */
  private static Piece fromLast(java.util.regex.Matcher m, TimeTagger.Ctx c, long amount, Grain unit) {
    Moment fromAnchor = Moment.at(unit.plus(c.ref(), amount), unit);
    return Rules.date(m, 0, fromAnchor, true).withShift(new TimeTagger.Shift(amount, unit, false));
  }

  /** A matcher of {@code p} over the {@code chars} characters of {@code text} before {@code at}, seeing past that region. */
  private static Matcher before(Pattern p, String text, int at, int chars) {
    return p.matcher(text).region(Math.max(0, at - chars), at).useTransparentBounds(true);
  }

  /**
   * A span of {@code count} units of {@code unitWord} as TimeML writes it: decades and centuries in years ("a decade and
   * a half" P15Y, "half a century" P50Y), other units as they are, a fraction on the unit ("half an hour" PT0.5H).
   */
  private static String span(double count, String unitWord) {
    String u = unitWord.toLowerCase(Locale.ROOT);
    int years = u.startsWith("decade") ? 10 : u.startsWith("centur") ? 100 : 1;
    double n = count * years;
    String digits = n == Math.floor(n) ? String.valueOf((long) n) : String.valueOf(n);
    return Rules.durationValue(digits, years > 1 ? Grain.YEAR : Words.grainOf(u));
  }

  private static Piece fixed(int start, int end, Kind kind, String value) {
    return new Piece(start, end, kind, null, value, false, null, null, null);
  }

  /** TIMEX3's part-of-day code for a word: MO, AF, EV or NI. */
  private static String partCode(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.startsWith("mor") || w.startsWith("matt") ? "MO" : w.startsWith("aft") || w.startsWith("pom") ? "AF"
        : w.startsWith("eve") || w.startsWith("ser") ? "EV" : "NI";
  }
}
