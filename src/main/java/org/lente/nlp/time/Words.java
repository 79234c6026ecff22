package org.lente.nlp.time;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lexicon of the time tagger: weekday, month, number and unit words per language, as regex fragments and lookups. */
final class Words {
  private Words() {}

  /** The Italian articles written as words (the elided "l'" and "un'" aside): "il", "la", "gli", "una", … */
  static final String ARTICLES_IT = "il|lo|la|i|gli|le|un|una|uno";
  /** The Italian "of" and its forms with an article ("di", "del", ..., "delle"), the elided "dell'" apart. */
  static final String OF_IT = "di|del|dello|della|dei|degli|delle";
  /** The Italian "a", "da", "in", "su" with an article ("al", "dallo", "nella", "sui", …), the elided forms apart. */
  static final String ARTICULATED_IT = "al|allo|alla|ai|agli|alle|dal|dallo|dalla|dai|dagli|dalle"
      + "|nel|nello|nella|nei|negli|nelle|sul|sullo|sulla|sui|sugli|sulle";
  static final String WD_IT = "luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica";
  static final String WD_IT_ABBR = "lun|mar|mer|gio|ven|sab|dom";
  static final String WD_EN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
  static final String WD_EN_ABBR = "mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";

  /** The twelve months' full names, without abbreviations. */
  static final String MONTH_IT_FULL = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre";
  static final String MONTH_EN_FULL = "january|february|march|april|may|june|july|august|september|october|november|december";
  static final String MONTH_IT = MONTH_IT_FULL
      + "|genn\\.?|gen\\.?|febb\\.?|feb\\.?|apr\\.?|magg\\.?|mag\\.?|giu\\.?|lug\\.?|ago\\.?|sett\\.?|set\\.?|ott\\.?|nov\\.?|dic\\.?";
  static final String MONTH_EN = MONTH_EN_FULL
      + "|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept\\.?|sep\\.?|oct\\.?|nov\\.?|dec\\.?";

  /** TimeML's season codes, in the order of {@link #season}: summer, winter, spring, autumn. */
  static final List<String> SEASON_CODES = List.of("SU", "WI", "SP", "FA");

  /** The index in {@link #SEASON_CODES} of a lower-case Italian or English season word; any other word is autumn. */
  static int season(String word) {
    return word.matches("estate|summer") ? 0 : word.matches("inverno|winter") ? 1 : word.matches("primavera|spring") ? 2 : 3;
  }

  static final Map<String, Integer> NUM_IT = numbers("un 1 uno 1 una 1 un' 1 primo 1 prima 1 due 2 tre 3 quattro 4 cinque 5 sei 6 sette 7"
      + " otto 8 nove 9 dieci 10 undici 11 dodici 12 tredici 13 quattordici 14 quindici 15 sedici 16 diciassette 17"
      + " diciotto 18 diciannove 19 venti 20 ventuno 21 ventidue 22 ventitre 23 ventiquattro 24 trenta 30 trentuno 31");
  static final Map<String, Integer> NUM_EN = numbers("a 1 an 1 one 1 first 1 two 2 second 2 three 3 third 3 four 4 fourth 4 five 5 fifth 5"
      + " six 6 sixth 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 thirteen 13 fourteen 14 fifteen 15 fifteenth 15"
      + " sixteen 16 twenty 20 twenty-four 24 thirty 30 few 3 a\\sfew 3");

  private static Map<String, Integer> numbers(String pairs) {
    String[] p = pairs.split(" ");
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < p.length; i += 2) {
      m.put(p[i].replace("\\s", " "), Integer.parseInt(p[i + 1]));
    }
    return m;
  }

  /**
   * Regex alternation of the number words of a language, longest first, plus counts of up to six digits. NOTE: a
   * longer count is not a time span ("tra 99999999999 anni"): six digits of years from any four-digit year stay
   * inside java.time's range and, as days, inside an int.
   */
  static String number(Lang lang) {
    Map<String, Integer> m = lang == Lang.IT ? NUM_IT : NUM_EN;
    return m.keySet().stream().sorted((a, b) -> b.length() - a.length())
        .map(w -> w.replace(" ", "\\s+")).collect(Collectors.joining("|", "(?:\\d{1,6}(?:[.,]5)?|", ")"));
  }

  /** Value of a number written in digits or words; -1 if unknown. */
  static double value(String w, Lang lang) {
    String t = w.trim().replaceAll("\\s+", " ");
    if (t.matches("\\d+([.,]5)?")) {
      return Double.parseDouble(t.replace(',', '.'));
    }
    Integer v = (lang == Lang.IT ? NUM_IT : NUM_EN).get(t);
    return v == null ? -1 : v;
  }

  static DayOfWeek weekday(String w) {
    String t = w.toLowerCase();
    String[][] keys = {{"lun", "mon"}, {"mar", "tue"}, {"mer", "wed"}, {"gio", "thu"}, {"ven", "fri"}, {"sab", "sat"}, {"dom", "sun"}};
    for (int i = 0; i < keys.length; i++) {
      if (t.startsWith(keys[i][0]) || t.startsWith(keys[i][1])) {
        return DayOfWeek.of(i + 1);
      }
    }
    throw new IllegalArgumentException("not a weekday: " + w);
  }

  static int month(String w, Lang lang) {
    String t = w.toLowerCase();
    String[] it = {"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"};
    String[] en = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    String[] keys = lang == Lang.IT ? it : en;
    for (int i = 0; i < 12; i++) {
      if (t.startsWith(keys[i])) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a month: " + w);
  }

  /** Unit words of a language as a regex alternation. */
  static String unit(Lang lang) {
    return lang == Lang.IT
        ? "secondi|secondo|minuti|minuto|ore|ora|giorni|giorno|settimane|settimana|mesi|mese|anni|anno|trimestri|trimestre"
        : "seconds|second|secs|sec|minutes|minute|mins|min|hours|hour|hrs|hr|days|day|weeks|week|months|month|years|year|yrs|yr|quarters|quarter|qtrs|qtr";
  }

  /** A look-ahead: no unit of time follows ("12 to 18 months" is a range of counts, not clock times). */
  static String notBeforeUnit(Lang lang) {
    return "(?!\\s+(?:" + unit(lang) + ")(?![\\p{L}\\d]))";
  }

  static Grain grainOf(String unit) {
    String u = unit.toLowerCase();
    if (u.startsWith("sec")) return Grain.SECOND;
    if (u.startsWith("min")) return Grain.MINUTE;
    if (u.startsWith("or") || u.startsWith("h")) return Grain.HOUR;
    if (u.startsWith("giorn") || u.startsWith("day")) return Grain.DAY;
    if (u.startsWith("settiman") || u.startsWith("week")) return Grain.WEEK;
    if (u.startsWith("mes") || u.startsWith("month")) return Grain.MONTH;
    if (u.startsWith("trimestr") || u.startsWith("q")) return Grain.QUARTER;
    if (u.startsWith("ann") || u.startsWith("y")) return Grain.YEAR;
    throw new IllegalArgumentException("not a unit: " + unit);
  }
}
