package org.lente.nlp.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lente.nlp.time.Rules.Rule;
import org.lente.nlp.time.TimeTagger.Ctx;
import org.lente.nlp.time.TimeTagger.Piece;

/**
 * Italian rules beyond the shared ones of {@link Rules}: the holidays of {@link Holidays#IT} (other calendars' days,
 * the Western church's days around Easter, observances), with a year, a relative year, an offset or a modifier.
 */
final class ItalianRules {
  private ItalianRules() {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  private static final String B = "(?<![\\p{L}\\d])";
  private static final String E = "(?![\\p{L}\\d])";

  /**
   * Holiday names that in Italian news are more often something else: an ordinary phrase ("alla vigilia del voto",
   * "la liberazione degli ostaggi", "l'assunzione di 20 operai", "i morti sono dodici", "la Repubblica"), a saint or
   * a church ("la cattedrale di San Patrizio", "San Giuseppe", "San Giorgio", "la basilica di San Francesco
   * d'Assisi"), a month ("nel mese di Muharram"), a prank ("un pesce d'aprile"). Phrases (Duckling's convention)
   * still read them.
   */
  private static final Pattern NOT_IN_NEWS = Pattern.compile("vigilia|liberazione|assunzione|morti|defunti|repubblica"
      + "|s(?:an|\\.) giuseppe|san patrizio|san giorgio|san francesco d'assisi|muharram|pesce d'aprile", F);

  /** A war named after the holiday it broke out on: "la guerra del Kippur", "la guerra dello Yom Kippur". */
  private static final Pattern WAR_BEFORE = Pattern.compile("guerr[ae]\\s+(?:del|dello|della|dell'|di)\\s*$", F);

  /**
   * Holiday names that in Italian news are a holiday only when capitalised: "l'Ascensione" against "l'ascensione al
   * potere", "il Giorno della Memoria" against "un giorno della memoria".
   */
  private static final Pattern CAPITALISED_IN_NEWS = Pattern.compile("ascensione|giorno della memoria|giorno del ricordo|notte del destino", F);

  /**
   * A capitalised word inside a sentence right before a one-word holiday name: a given name, which makes the holiday's
   * name a surname ("il teologo Tariq Ramadan"). The capital of a sentence's first word ("Il Ramadan") says nothing.
   */
  private static final Pattern GIVEN_NAME_BEFORE = Pattern.compile("(?<![.!?:;\"«“(\\n]\\s{0,3})(?<=\\S\\s{1,3})\\p{Lu}\\p{L}*+ $");

  /** The Italian-only rules; {@code lenient} ones (whole phrases) also read a time zone. */
  static List<Rule> of(boolean lenient) {
    String num = Words.number(Lang.IT);
    // "il prossimo Diwali", "Pasqua ortodossa 2025", "lo Yom Kippur dell'anno scorso", "il Ramadan di 3 anni fa"
    Pattern holiday = Pattern.compile(B + "(?:(prossim[oa]|scors[oa]|ultim[oa])\\s+)?(" + Holidays.NAMES_IT + ")"
        + "(?:\\s+(?:del\\s+|nel\\s+|di\\s+)?(\\d{4})|\\s+(prossim[oa]|scors[oa])"
        + "|\\s+(?:dell'anno\\s+(prossimo|scorso)|di\\s+(quest)'anno)"
        + "|\\s+(?:di\\s+)?(" + num + ")\\s+(anni|mesi)\\s+fa|\\s+tra\\s+(" + num + ")\\s+(anni|mesi))?" + E, F);
    // the Roman calendar's named days of a month: "le idi di marzo", "alle calende di gennaio", "le none di luglio"
    Pattern roman = Pattern.compile(B + "(?:(?:le|alle)\\s+)?(idi|calende|none)\\s+di\\s+(" + Words.MONTH_IT + ")(?:\\s+(?:del\\s+)?(\\d{4}))?" + E, F);
    // a zone after a clock time in a phrase, "alle 16 CET", folded into the time by Merges; news keeps Italian times local
    Pattern zone = Pattern.compile(B + "\\(?((?:gmt|utc)[+-]\\d{1,2}|\\p{L}{3,4})\\)?" + E, F);
    List<Rule> r = new ArrayList<>(List.of(new Rule(holiday, ItalianRules::holiday), new Rule(roman, ItalianRules::roman)));
    if (lenient) {
      r.add(new Rule(zone, (m, c) -> EnglishRules.zoneOffset(m.group(1)) == null ? null
          : new Piece(m.start(), m.end(), TimeTagger.Kind.ZONE, null, m.group(1), false, null, null, null)));
    }
    return r;
  }

  /**
   * A named day of the Roman calendar in group 1 of the month in group 2: the calends are the 1st, the nones the 7th
   * and the ides the 15th of March, May, July and October, the 5th and the 13th of the other months.
   */
  private static Piece roman(Matcher m, Ctx c) {
    int month = Words.month(m.group(2), Lang.IT);
    boolean late = month == 3 || month == 5 || month == 7 || month == 10;
    int day = switch (m.group(1)) {
      case "calende" -> 1;
      case "none" -> late ? 7 : 5;
      default -> late ? 15 : 13;
    };
    if (m.group(3) != null) {
      return Rules.day(m, LocalDate.of(Integer.parseInt(m.group(3)), month, day), false);
    }
    return Rules.day(m, TimeTagger.monthDay(c, month, day, m.start()), true).withNoAnchor(String.format("XXXX-%02d-%02d", month, day));
  }

  /**
   * Whether {@code modifier} ("prossimo", "prossima", "dopo") asks for the occurrence after the coming one: Duckling's
   * Italian rules read "il prossimo <time>" and "<time> prossimo" as the second of the times ahead, the one under way
   * counted first ("il prossimo natale" in February is next year's, "il prossimo agosto" the one after this August,
   * "mercoledì prossimo" on a Tuesday the one in eight days, "il prossimo lunedì" the one in thirteen). Only in phrases:
   * news reads "il prossimo agosto" as the coming one.
   */
  static boolean afterTheComing(Ctx c, String modifier) {
    return c.duckling() && modifier != null && modifier.matches("(?i)prossim[oa]|dopo");
  }

  /** Whether the name in group 2, of holiday {@code h}, is read as a holiday in running text (see the patterns above). */
  private static boolean inNews(Matcher m, Ctx c, Holidays.Holiday h) {
    String name = m.group(2);
    if (NOT_IN_NEWS.matcher(name).matches()) return false;
    if (Holidays.WORLD_DAYS_IT.contains(h) && !Holidays.QUALIFIED.matcher(name).lookingAt()) return false;
    if (CAPITALISED_IN_NEWS.matcher(name).matches() && !Character.isUpperCase(c.original().charAt(m.start(2)))) return false;
    if (WAR_BEFORE.matcher(c.s()).region(Math.max(0, m.start() - 20), m.start()).find()) return false;
    int from = Math.max(0, m.start(2) - 40);
    return name.contains(" ") || m.group(1) != null
        || !GIVEN_NAME_BEFORE.matcher(c.original()).region(from, m.start(2)).useTransparentBounds(true).find();
  }

  private static Piece holiday(Matcher m, Ctx c) {
    Holidays.Holiday h = Holidays.named(m.group(2), Lang.IT);
    if (h == null || !c.duckling() && !inNews(m, c, h)) {
      return null;
    }
    LocalDate today = c.today();
    String mod = m.group(1) != null ? m.group(1) : m.group(4);
    LocalDate[] d;
    if (m.group(3) != null) {
      d = h.in().apply(Integer.parseInt(m.group(3)));
    } else if (m.group(5) != null || m.group(6) != null) {
      d = h.in().apply(today.getYear() + ("prossimo".equals(m.group(5)) ? 1 : "scorso".equals(m.group(5)) ? -1 : 0));
    } else if (m.group(7) != null || m.group(9) != null) {
      boolean ago = m.group(7) != null;
      double n = Words.value(ago ? m.group(7) : m.group(9), Lang.IT);
      if (n < 0 || n != Math.floor(n)) return null;
      long signed = ago ? -(long) n : (long) n;
      d = h.onOrAfter((ago ? m.group(8) : m.group(10)).startsWith("ann") ? today.plusYears(signed) : today.plusMonths(signed));
    } else if (mod != null && !mod.startsWith("pross")) {
      d = h.before(today);
    } else if (mod != null || c.duckling()) {
      d = h.onOrAfter(today);
      if (d != null && mod != null && afterTheComing(c, mod)) d = h.onOrAfter(d[0].plusDays(1));
    } else {
      d = h.inNews(c, m.start(), m.end());
    }
    return d == null ? null : h.piece(m, c, d, m.group(3) == null);
  }
}
