package org.lente.nlp.time;

import static org.lente.nlp.time.HinduCalendar.Month.ASHADHA;
import static org.lente.nlp.time.HinduCalendar.Month.ASHVIN;
import static org.lente.nlp.time.HinduCalendar.Month.BHADRAPADA;
import static org.lente.nlp.time.HinduCalendar.Month.CHAITRA;
import static org.lente.nlp.time.HinduCalendar.Month.KARTIKA;
import static org.lente.nlp.time.HinduCalendar.Month.MAGHA;
import static org.lente.nlp.time.HinduCalendar.Month.PAUSHA;
import static org.lente.nlp.time.HinduCalendar.Month.PHALGUNA;
import static org.lente.nlp.time.HinduCalendar.Month.SHRAVANA;
import static org.lente.nlp.time.HinduCalendar.Month.VAISHAKHA;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import org.lente.nlp.time.HinduCalendar.Kala;
import org.lente.nlp.time.HinduCalendar.SolarRule;

/**
 * Named English holidays and the rules that date them in a Gregorian year: fixed dates, nth weekdays of a month,
 * offsets from Western or Orthodox Easter, days of the Hijri (java.time's Umm al-Qura) and Hebrew calendars, the
 * Chinese new year (a new moon, computed astronomically), the Parsi new year (the Shahenshahi calendar's 365-day
 * years), and the Hindu lunisolar and solar calendars ({@link HinduCalendar}: tithis, amanta months, sankrantis,
 * nakshatras). Hebrew-calendar holidays start on their eve, as in Duckling. Stateless and thread-safe.
 */
final class Holidays {
  private Holidays() {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /**
   * A holiday: a regex for its names, its days [start, end) in a Gregorian year (end null for one day) and the grain
   * Duckling's convention gives it: a day, or a year for the new year of another calendar (Duckling's gold renders
   * "chinese new year" and "parsi new year" at a year's grain, its Gregorian "new year's day" at a day's).
   */
  record Holiday(Pattern names, IntFunction<LocalDate[]> in, Grain grain) {
    Holiday {
      Objects.requireNonNull(names, "names");
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(grain, "grain");
    }

    Holiday(Pattern names, IntFunction<LocalDate[]> in) {
      this(names, in, Grain.DAY);
    }

    /** The first occurrence starting on or after {@code from}; null if the calendar has none near it. */
    LocalDate[] onOrAfter(LocalDate from) {
      for (int y = from.getYear() - 1; y <= from.getYear() + 2; y++) {
        LocalDate[] d = in.apply(y);
        if (d != null && !d[0].isBefore(from)) {
          return d;
        }
      }
      return null;
    }

    /** The last occurrence starting before {@code before}; null if the calendar has none near it. */
    LocalDate[] before(LocalDate before) {
      for (int y = before.getYear() + 1; y >= before.getYear() - 2; y--) {
        LocalDate[] d = in.apply(y);
        if (d != null && d[0].isBefore(before)) {
          return d;
        }
      }
      return null;
    }

    /**
     * The occurrence a bare mention at {@code pos} (up to {@code end}) of news names: as a day of a month, the one gone by or the one
     * ahead, as {@link Direction} chooses ("sales doubled during Diwali", "banks will close for Diwali"); the
     * anchor year's when the calendar has no occurrence on one side. Null if it has none.
     */
    LocalDate[] inNews(TimeTagger.Ctx c, int pos, int end) {
      LocalDate today = c.today();
      LocalDate[] back = before(today.plusDays(1)), ahead = onOrAfter(today.plusDays(1));
      if (back == null || ahead == null) {
        return in.apply(today.getYear());
      }
      LocalDate backEnd = back[1] == null ? back[0] : back[1].minusDays(1);
      return Direction.choose(c, pos, end, Direction.Kind.MONTH_DAY, back[0], backEnd, ahead[0]).equals(back[0]) ? back : ahead;
    }

    /**
     * Occurrence {@code d} as the piece for group 0 of {@code m}: at this holiday's grain in Duckling's convention (a
     * year for another calendar's new year), a day in news; a holiday on the same day every year has the TimeML value
     * for a text without an anchor ({@code XXXX-12-25}) when {@code relative}.
     */
    TimeTagger.Piece piece(java.util.regex.Matcher m, TimeTagger.Ctx c, LocalDate[] d, boolean relative) {
      Grain g = c.duckling() ? grain : Grain.DAY;
      Moment mo = new Moment(d[0].atStartOfDay(), g, d[1] == null ? null : d[1].atStartOfDay());
      TimeTagger.Piece p = Rules.date(m, 0, mo, relative);
      LocalDate[] a = in.apply(2001), b = in.apply(2002);
      boolean fixed = a != null && b != null && a[1] == null && a[0].plusYears(1).equals(b[0]);
      return relative && fixed ? p.withNoAnchor(String.format("XXXX-%02d-%02d", a[0].getMonthValue(), a[0].getDayOfMonth())) : p;
    }
  }

  /**
   * The world days of {@link #IT} (see {@link #worldDays}); news reads them only with "mondiale" or "internazionale".
   * NOTE: built before {@link #EN}, whose English names of the same days take their dates from here.
   */
  static final List<Holiday> WORLD_DAYS_IT = worldDays();

  /** English names of the world days ({@link #worldDaysEnglish}): read in phrases, not in news (see {@link #NAMES_IN_NEWS}). */
  static final List<Holiday> WORLD_DAYS_EN = worldDaysEnglish();

  static final List<Holiday> EN = english();

  /** Italian holidays: the public holidays, Italian names of the holidays {@link #EN} dates, and the world days. */
  static final List<Holiday> IT = italian();

  /** Regex alternation of every English holiday name; a name that extends another ("easter monday") is listed first. */
  static final String NAMES = names(EN);

  /**
   * {@link #NAMES} without the world days' English names, for running text: some 150 more names in the alternation
   * cost every position of a news text a try each, for days news rarely dates.
   */
  static final String NAMES_IN_NEWS = names(EN.stream().filter(h -> !WORLD_DAYS_EN.contains(h)).toList());

  /** Regex alternation of every Italian holiday name in {@link #IT}, longer names first as in {@link #NAMES}. */
  static final String NAMES_IT = names(IT);

  private static String names(List<Holiday> holidays) {
    return String.join("|", holidays.stream().map(h -> "(?:" + h.names().pattern() + ")").toList());
  }

  /** The English holiday whose names match {@code text} entirely; null if none. */
  static Holiday named(String text) {
    return named(text, Lang.EN);
  }

  /** The holiday of {@code lang} whose names match {@code text} entirely; null if none. */
  static Holiday named(String text, Lang lang) {
    for (Holiday h : lang == Lang.IT ? IT : EN) {
      if (h.names().matcher(text).matches()) {
        return h;
      }
    }
    return null;
  }

  private static List<Holiday> english() {
    List<Holiday> h = new ArrayList<>();
    // the Orthodox churches keep the Julian calendar: Christmas on its 25 December, the new year on its 1 January
    day(h, "orthodox christmas(?: day)?", y -> julian(y - 1, 12, 25));
    day(h, "orthodox new year'?s?(?: day)?", y -> julian(y, 1, 1));
    fixed(h, "christmas eve", 12, 24);
    fixed(h, "(?:christmas|xmas)(?: day)?", 12, 25);
    fixed(h, "boxing day|(?:saint|st\\.?) stephen'?s day", 12, 26);
    // the Western church's feasts on fixed dates
    fixed(h, "(?:the )?epiphany", 1, 6);
    fixed(h, "all saints'? day", 11, 1);
    fixed(h, "all souls'? day", 11, 2);
    fixed(h, "(?:the )?(?:feast of the )?immaculate conception", 12, 8);
    fixed(h, "(?:the )?assumption of (?:the virgin )?mary", 8, 15);
    fixed(h, "(?:saint|st\\.?) george'?s day|feast of saint george", 4, 23);
    fixed(h, "(?:the )?feast of (?:saint|st\\.?) francis(?: of assisi)?", 10, 4);
    fixed(h, "april fool'?s'?(?: day)?", 4, 1);
    fixed(h, "may day", 5, 1);
    day(h, "commonwealth day", y -> nth(y, 3, 2, DayOfWeek.MONDAY));
    h.addAll(WORLD_DAYS_EN);
    // the new year of another calendar comes before the Gregorian one's names, which it extends
    h.add(new Holiday(Pattern.compile("chinese (?:lunar )?new year'?s?(?: day)?|lunar new year'?s?(?: day)?", F),
        y -> one(Lunar.chineseNewYear(y)), Grain.YEAR));
    // NOTE: Duckling names the Shahenshahi new year "jamshedi navroz" too (in India that name is also used for 21 March)
    h.add(new Holiday(Pattern.compile("parsi new year'?s?(?: day)?|jamshedi navroz", F), y -> one(shahenshahiNewYear(y)), Grain.YEAR));
    fixed(h, "new year'?s eve", 12, 31);
    fixed(h, "new year'?s(?: day)?", 1, 1);
    fixed(h, "valentine'?s?(?: day)?", 2, 14);
    fixed(h, "halloween", 10, 31);
    fixed(h, "world vegan day", 11, 1);
    fixed(h, "(?:saint|st\\.?) patrick'?s day", 3, 17);
    fixed(h, "(?:the )?fourth of july", 7, 4);
    fixed(h, "veterans'? day", 11, 11);
    fixed(h, "earth day", 4, 22);
    // the Dutch King's birthday, a day earlier when it falls on a Sunday
    day(h, "king'?s day|koningsdag", y -> LocalDate.of(y, 4, 27).getDayOfWeek() == DayOfWeek.SUNDAY ? LocalDate.of(y, 4, 26) : LocalDate.of(y, 4, 27));
    day(h, "boss'?s?(?: day)?", y -> weekdayNearest(LocalDate.of(y, 10, 16)));
    day(h, "(?:mlk|martin luther king'?s?)(?: jr\\.?)?(?: day)?|civil rights day", y -> nth(y, 1, 3, DayOfWeek.MONDAY));
    day(h, "presidents'? day|washington'?s birthday", y -> nth(y, 2, 3, DayOfWeek.MONDAY));
    day(h, "memorial day", y -> nth(y, 5, -1, DayOfWeek.MONDAY));
    day(h, "labou?r day", y -> nth(y, 9, 1, DayOfWeek.MONDAY));
    day(h, "columbus day|indigenous peoples'? day", y -> nth(y, 10, 2, DayOfWeek.MONDAY));
    day(h, "thanksgiving(?: day)?", y -> nth(y, 11, 4, DayOfWeek.THURSDAY));
    // the United States' general election: the Tuesday after the first Monday of November, every year (state and local
    // elections fall on it in odd years)
    day(h, "election day", y -> nth(y, 11, 1, DayOfWeek.MONDAY).plusDays(1));
    day(h, "black friday", y -> nth(y, 11, 4, DayOfWeek.THURSDAY).plusDays(1));
    day(h, "mother'?s'? day", y -> nth(y, 5, 2, DayOfWeek.SUNDAY));
    day(h, "father'?s'? day", y -> nth(y, 6, 3, DayOfWeek.SUNDAY));
    easter(h, "easter monday", 1);
    easter(h, "easter(?: sunday)?", 0);
    easter(h, "good friday", -2);
    easter(h, "holy saturday", -1);
    easter(h, "maundy thursday|covenant thu(?:rsday)?|thu(?:rsday)? of mysteries|holy thursday", -3);
    easter(h, "palm sunday", -7);
    easter(h, "ash wednesday", -46);
    easter(h, "shrove tuesday|mardi gras|pancake day", -47);
    easter(h, "ascension(?: day| thursday)?", 39);
    easter(h, "pentecost|whit ?sunday", 49);
    easter(h, "whit monday|monday of the holy spirit", 50);
    easter(h, "trinity sunday", 56);
    easter(h, "corpus christi", 60);
    h.add(new Holiday(Pattern.compile("lent", F), y -> new LocalDate[] {Rules.easter(y).minusDays(46), Rules.easter(y)}));
    orthodox(h, "orthodox easter mon(?:day)?", 1);
    orthodox(h, "orthodox easter(?: sunday)?|pascha", 0);
    orthodox(h, "orthodox holy sat(?:urday)?", -1);
    orthodox(h, "orthodox (?:branch|palm|yew) sunday", -7);
    // the Orthodox Great Lent: from Clean Monday to the Friday before Lazarus Saturday
    h.add(new Holiday(Pattern.compile("great (?:fast|lent)", F), y -> new LocalDate[] {orthodoxEaster(y).minusDays(48), orthodoxEaster(y).minusDays(8)}));
    orthodox(h, "orthodox (?:good|great) friday", -2);
    orthodox(h, "clean monday|orthodox shrove monday|ash monday", -48);
    orthodox(h, "lazarus saturday", -8);
    h.add(new Holiday(Pattern.compile("ramadan", F), y -> hijriSpan(y, 9, 1, 10, 1)));
    hijri(h, "eid al[- ]fitr|eid ul[- ]fitr|id ul[- ]fitr", 10, 1);
    hijri(h, "eid al[- ]adha|eid ul[- ]adha|id ul[- ]adha|sacrifice feast|bakr[- ]?id", 12, 10);
    hijri(h, "laylat al[- ](?:qadr|kadr)|night of (?:measures|power|decree)", 9, 27);
    hijri(h, "islamic new year|hijri new year|muharram", 1, 1);
    hijri(h, "ashura", 1, 10);
    hijri(h, "mawlid(?: al[- ]nabi)?|prophet'?s birthday", 3, 12);
    hijri(h, "isra and mi'?raj|(?:the )?prophet'?s'? ascension|the night journey", 7, 27);
    // the last Friday of Ramadan, before Eid al-Fitr
    h.add(new Holiday(Pattern.compile("jumu'?atul[- ]widaa?'?|jamat[- ]ul[- ]vida", F), y -> {
      LocalDate[] eid = hijriSpan(y, 10, 1, 10, 1);
      return eid == null ? null : one(eid[0].minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY)));
    }));
    h.add(new Holiday(Pattern.compile("rosh hashann?ah?", F), y -> hebrewSpan(y, Hebrew.ELUL, 29, 3)));
    hebrew(h, "yom kippur", Hebrew.TISHREI, 10);
    h.add(new Holiday(Pattern.compile("sukkot", F), y -> hebrewSpan(y, Hebrew.TISHREI, 14, 8)));
    hebrew(h, "shemini atzeret", Hebrew.TISHREI, 22);
    hebrew(h, "simc?hat torah", Hebrew.TISHREI, 23);
    // the fast of 9 Av moves to Sunday when 9 Av is a Sabbath; on its eve, as the other Hebrew days
    h.add(new Holiday(Pattern.compile("tisha b'?av", F), y -> {
      LocalDate[] av = hebrewSpan(y, Hebrew.AV, 9, 1);
      return av == null ? null : one((av[0].getDayOfWeek() == DayOfWeek.SATURDAY ? av[0].plusDays(1) : av[0]).minusDays(1));
    }));
    h.add(new Holiday(Pattern.compile("hanukk?ah|chanukk?ah", F), y -> hebrewSpan(y, Hebrew.KISLEV, 24, 8)));
    hebrew(h, "tu b'?i?shvat", Hebrew.SHEVAT, 15);
    hebrew(h, "purim", Hebrew.ADAR, 14);
    hebrew(h, "shushan purim", Hebrew.ADAR, 15);
    h.add(new Holiday(Pattern.compile("passover|pesach", F), y -> hebrewSpan(y, Hebrew.NISAN, 14, 9)));
    hebrew(h, "yom hashoah|holocaust (?:remembrance )?day", Hebrew.NISAN, 27);
    hebrew(h, "lag b'?a?omer", Hebrew.IYAR, 18);
    h.add(new Holiday(Pattern.compile("shavuot", F), y -> hebrewSpan(y, Hebrew.SIVAN, 5, 3)));
    hindu(h);
    return List.copyOf(h);
  }

  /**
   * The Italian list: each name is the name Italian newspapers use (it.wikipedia's article title or one of its
   * redirects), dated by the English holiday it names ({@link #as}), so that each date is computed in one place. A name
   * that extends another ("pentecoste ebraica", "venerdì santo ortodosso") comes first.
   */
  private static List<Holiday> italian() {
    List<Holiday> h = new ArrayList<>();
    // new years of other calendars, and the Orthodox churches' days (they keep the Julian calendar: Christmas on its
    // 25 December, the new year on its 1 January), before the Gregorian days whose names they extend
    as(h, "capodanno (?:cinese|lunare)", "chinese new year");
    as(h, "capodanno parsi", "parsi new year");
    as(h, "capodanno ebraico|rosh ha-?shan[aà]h?", "rosh hashanah");
    as(h, "capodanno (?:islamico|musulmano)|muharram", "islamic new year");
    as(h, "natale ortodosso", "orthodox christmas");
    as(h, "capodanno ortodosso", "orthodox new year");
    as(h, "luned[iì] di pasqua ortodossa|pasquetta ortodossa", "orthodox easter monday");
    as(h, "pasqua ortodossa", "orthodox easter");
    as(h, "pasqua ebraica|pesach", "passover");
    // Italy's public holidays and feasts; a short name that is also an ordinary word ("vigilia", "liberazione") comes
    // after the longer names it starts, and ItalianRules reads it only in phrases
    fixed(h, "vigilia di capodanno|san silvestro", 12, 31);
    fixed(h, "vigilia di natale|vigilia", 12, 24);
    fixed(h, "(?:giorno di )?natale", 12, 25);
    as(h, "santo stefano|s\\. stefano", "st. stephen's day");
    fixed(h, "capodanno|primo dell'anno", 1, 1);
    as(h, "epifania|befana", "epiphany");
    fixed(h, "festa del pap[aà]|festa di san giuseppe|s(?:an|\\.) giuseppe", 3, 19);
    fixed(h, "(?:anniversario|festa) della liberazione|liberazione", 4, 25);
    as(h, "festa dei lavoratori|giorno dei lavoratori|festa del lavoro|primo maggio", "may day");
    fixed(h, "festa della repubblica|repubblica", 6, 2);
    as(h, "ferragosto|assunzione di maria|assunzione", "assumption of mary");
    as(h, "ognissanti|tutti i santi|festa dei santi|giorno dei santi", "all saints' day");
    as(h, "giorno dei morti|festa dei morti|commemorazione dei defunti|morti|defunti", "all souls' day");
    as(h, "(?:all')?immacolata(?: concezione)?", "immaculate conception");
    fixed(h, "san valentino|festa degli innamorati", 2, 14);
    as(h, "pasquetta|luned[iì] dell'angelo|luned[iì] di pasqua", "easter monday");
    as(h, "pasqua", "easter");
    as(h, "venerd[iì] santo ortodosso", "orthodox good friday");
    as(h, "(?:grande )?quaresima ortodossa", "great lent");
    // the Western church's days around Easter
    as(h, "gioved[iì] santo", "maundy thursday");
    as(h, "venerd[iì] santo", "good friday");
    as(h, "sabato santo", "holy saturday");
    as(h, "domenica delle palme", "palm sunday");
    as(h, "mercoled[iì] delle ceneri", "ash wednesday");
    as(h, "marted[iì] grasso", "shrove tuesday");
    as(h, "quaresima", "lent");
    as(h, "ascensione", "ascension");
    as(h, "luned[iì] di pentecoste", "whit monday");
    as(h, "pentecoste ebraica|shavu'?ot", "shavuot");
    as(h, "pentecoste", "pentecost");
    as(h, "corpus domini", "corpus christi");
    // Islamic days
    as(h, "ramadan|ramadhan", "ramadan");
    as(h, "(?:eid|id|aid)[- ](?:al|el|ul)[- ]fitr|festa (?:della fine|di fine) (?:del )?ramadan", "eid al-fitr");
    as(h, "(?:eid|id|aid)[- ](?:al|el|ul)[- ](?:adha|k[ae]bir)|festa del sacrificio", "eid al-adha");
    as(h, "laylat al[- ]qadr|notte del destino", "laylat al-qadr");
    as(h, "ashura", "ashura");
    as(h, "mawlid(?: an[- ]nabi)?|nascita del profeta", "mawlid");
    // Jewish days, from their eve
    as(h, "yom kippur|kippur", "yom kippur");
    as(h, "sukkot|festa delle capanne|festa dei tabernacoli", "sukkot");
    as(h, "simchat torah", "simchat torah");
    as(h, "hanukk?ah?|chanukk?ah", "hanukkah");
    as(h, "purim", "purim");
    as(h, "yom ha-?shoah", "yom hashoah");
    as(h, "tisha b'?av", "tisha b'av");
    // Hindu, Sikh and Buddhist days: Italian writes their transliterations
    as(h, "diwali|deepavali|dipavali", "diwali");
    as(h, "holika dahan", "holika dahan");
    as(h, "holi", "holi");
    as(h, "navaratri|navratri|durga puja", "navaratri");
    as(h, "dussehra|dasara|vijayadashami", "dussehra");
    as(h, "raksha bandhan", "raksha bandhan");
    as(h, "janmashtami", "janmashtami");
    as(h, "ganesh chaturthi", "ganesh chaturthi");
    as(h, "maha ?shivaratri", "maha shivaratri");
    as(h, "vesak|buddha purnima", "vesak");
    as(h, "vaisakhi|baisakhi", "vaisakhi");
    as(h, "pongal", "pongal");
    as(h, "onam", "onam");
    as(h, "chhath(?: puja)?", "chhath puja");
    // observances shared with the English list, and Italian ones
    as(h, "festa della mamma", "mother's day");
    as(h, "(?:festa del|giorno del) ringraziamento", "thanksgiving");
    as(h, "black friday", "black friday");
    as(h, "halloween", "halloween");
    as(h, "(?:(?:festa|giorno) di )?san patrizio", "st. patrick's day");
    as(h, "giornata della terra", "earth day");
    as(h, "boxing day", "boxing day");
    as(h, "martin luther king day|giornata dei diritti civili", "mlk day");
    as(h, "(?:giorno|festa) di san giorgio|san giorgio", "st. george's day");
    as(h, "(?:giorno|festa) di san francesco(?: d'assisi)?|san francesco d'assisi", "feast of st. francis of assisi");
    fixed(h, "festa della donna", 3, 8);
    as(h, "pesce d'aprile", "april fools' day");
    fixed(h, "festa dei nonni", 10, 2);
    // Italian days of remembrance (laws 211/2000 and 92/2004)
    fixed(h, "giorno della memoria", 1, 27);
    fixed(h, "giorno del ricordo", 2, 10);
    h.addAll(WORLD_DAYS_IT);
    return List.copyOf(h);
  }

  /**
   * The United Nations' international days (and those of its agencies, the WHO's, UNESCO's, the IMO's, and a few
   * observances named the same way) on fixed dates or weekdays, by their Italian names: "giornata mondiale
   * dell'acqua", "giornata internazionale della donna". Italian news calls one day "mondiale" or "internazionale" by
   * turns, so either is read, and phrases (Duckling's convention) may leave both out ("giornata delle nazioni
   * unite"); news does not read a name without either word ({@link #QUALIFIED}): "la giornata della pace" is too
   * often a day like any other.
   */
  private static List<Holiday> worldDays() {
    List<Holiday> h = new ArrayList<>();
    String[][] fixed = {
        {"dell'alfabeto braille|del braille", "01-04"}, {"dell'educazione", "01-24"}, {"delle dogane", "01-26"},
        {"(?:di commemorazione )?in memoria delle vittime dell'olocausto", "01-27"},
        {"delle zone umide", "02-02"}, {"contro il cancro", "02-04"},
        {"(?:della |per la )?tolleranza zero (?:nei confronti |contro )?(?:delle |le )?mutilazioni genitali femminili", "02-06"},
        {"del malato", "02-11"}, {"(?:del|per)le donne e (?:del)?le ragazze nella scienza", "02-11"}, {"della radio", "02-13"},
        {"della giustizia sociale", "02-20"}, {"della lingua madre", "02-21"}, {"contro la discriminazione", "03-01"},
        {"della (?:fauna|vita) selvatica", "03-03"}, {"della donna", "03-08"}, {"della felicit[aà]", "03-20"},
        {"della poesia|delle foreste|(?:del|sul)la sindrome di down|per l'eliminazione della discriminazione razziale"
            + "|contro il razzismo|di nowruz", "03-21"},
        {"dell'acqua", "03-22"}, {"della meteorologia", "03-23"}, {"(?:della|contro la) tubercolosi", "03-24"},
        {"in ricordo delle vittime della schiavit[uù](?: e della tratta transatlantica degli schiavi)?", "03-25"},
        {"(?:per la )?consapevolezza sull'autismo|dell'autismo", "04-02"},
        {"(?:contro le|per la sensibilizzazione sulle) mine(?: antiuomo)?", "04-04"},
        {"dello sport per lo sviluppo e la pace", "04-06"},
        {"della salute(?! mentale)|(?:della riflessione sul|in memoria delle vittime del|del) genocidio (?:del|in) r[wu]anda", "04-07"},
        {"del volo umano nello spazio", "04-12"}, {"dei monumenti e dei siti", "04-18"}, {"della lingua cinese", "04-20"},
        {"della terra", "04-22"}, {"del libro(?: e del diritto d'autore)?|della lingua inglese", "04-23"},
        {"(?:della|contro la) malaria", "04-25"},
        {"della propriet[aà] intellettuale|(?:della memoria )?del disastro di chernobyl", "04-26"},
        {"(?:per la )?(?:salute e )?sicurezza sul lavoro", "04-28"},
        {"in memoria (?:di tutte )?(?:del)?le vittime della guerra chimica", "04-29"}, {"del jazz", "04-30"},
        {"del tonno", "05-02"}, {"della libert[aà] di stampa", "05-03"}, {"della croce rossa|sul tumore ovarico", "05-08"},
        {"del lupus", "05-10"}, {"dell'infermiere|degli infermieri", "05-12"}, {"del(?:la|le) famigli[ae]", "05-15"},
        {"delle telecomunicazioni(?: e della societ[aà] dell'informazione)?|contro l'omofobia", "05-17"},
        {"delle api", "05-20"}, {"della diversit[aà] culturale(?: per il dialogo e lo sviluppo)?", "05-21"},
        {"della biodiversit[aà]", "05-22"}, {"per l'eliminazione della fistola ostetrica", "05-23"},
        {"dell'africa", "05-25"}, {"dei peacekeeper(?:s)? delle nazioni unite|dei caschi blu", "05-29"},
        {"senza tabacco", "05-31"}, {"dei genitori", "06-01"}, {"dei bambini innocenti vittime di aggressioni", "06-04"},
        {"dell'ambiente", "06-05"}, {"degli oceani", "06-08"}, {"contro il lavoro minorile", "06-12"},
        {"(?:di sensibilizzazione )?sull'albinismo", "06-13"}, {"de(?:l|i) donator[ei] di sangue", "06-14"},
        {"(?:di consapevolezza |contro gli abusi )?sugli abusi sugli anziani|contro gli abusi sugli anziani", "06-15"},
        {"delle rimesse familiari", "06-16"},
        {"(?:per la lotta alla|contro la) desertificazione(?: e (?:alla|la) siccit[aà])?", "06-17"},
        {"(?:per l'eliminazione della|contro la) violenza sessuale nei conflitti(?: armati)?", "06-19"},
        {"del rifugiato|dei rifugiati", "06-20"}, {"dello yoga", "06-21"},
        {"delle vedove|del servizio pubblico", "06-23"}, {"della gente di mare|del marittimo", "06-25"},
        {"contro (?:l'abuso di |la )droga|(?:a sostegno delle vittime della|contro la) tortura", "06-26"},
        {"degli asteroidi", "06-30"}, {"della popolazione", "07-11"}, {"delle competenze giovanili", "07-15"},
        {"(?:di )?nelson mandela", "07-18"}, {"(?:dell'|contro l')epatite", "07-28"},
        {"dell'amicizia|contro la tratta di esseri umani", "07-30"}, {"dei popoli indigeni(?: del mondo)?", "08-09"},
        {"della giovent[uù]|dei giovani", "08-12"}, {"dell'aiuto umanitario", "08-19"},
        {"(?:per la commemorazione|in ricordo) della tratta degli schiavi(?: e della sua abolizione)?", "08-23"},
        {"contro i test nucleari", "08-29"}, {"(?:del)?le vittime di sparizion[ei] forzat[ae]", "08-30"},
        {"(?:contro l'|sull')overdose", "08-31"}, {"del benessere sessuale|della salute sessuale", "09-04"},
        {"della carit[aà]|della beneficenza", "09-05"}, {"dell'alfabetizzazione", "09-08"},
        {"(?:per la )?prevenzione del suicidio", "09-10"}, {"(?:per )?la cooperazione sud[- ]sud", "09-12"},
        {"della democrazia", "09-15"}, {"(?:per la (?:preservazione|protezione) )?(?:dello strato )?(?:di |dell')ozono", "09-16"},
        {"della pace", "09-21"}, {"della visibilit[aà] bisessuale|dell'orgoglio bisessuale", "09-23"},
        {"per l'eliminazione totale delle armi nucleari", "09-26"}, {"del turismo", "09-27"}, {"contro la rabbia", "09-28"},
        {"del cuore", "09-29"}, {"delle persone anziane|degli anziani|dei vegetariani", "10-01"},
        {"della nonviolenza", "10-02"}, {"degli animali", "10-04"}, {"de(?:gli|ll') ?insegnant[ei]", "10-05"},
        {"della paralisi cerebrale(?: infantile)?", "10-06"}, {"della posta", "10-09"}, {"della salute mentale", "10-10"},
        {"delle bambine(?: e delle ragazze)?", "10-11"}, {"per la riduzione de(?:i|l rischio di) disastri(?: naturali)?", "10-13"},
        {"delle donne rurali", "10-15"}, {"dell'alimentazione", "10-16"},
        {"(?:per l'eliminazione della|contro la) povert[aà]", "10-17"},
        {"delle nazioni unite|dell'onu|dell'informazione sullo sviluppo", "10-24"}, {"del patrimonio audiovisivo", "10-27"},
        {"dell'ictus", "10-29"}, {"delle citt[aà]", "10-31"}, {"de(?:i|l) vegan(?:i|o|ismo)", "11-01"},
        {"per (?:mettere fine|porre fine) all'impunit[aà] per i crimini contro i giornalisti", "11-02"},
        {"per (?:prevenire lo|la prevenzione dello) sfruttamento dell'ambiente in (?:tempo di )?guerra(?: e (?:nei )?conflitti armati)?", "11-06"},
        {"della scienza per la pace e (?:lo )?sviluppo", "11-10"}, {"contro la polmonite", "11-12"}, {"del diabete", "11-14"},
        {"della tolleranza", "11-16"}, {"della prematurit[aà]|dei (?:bambini )?prematuri", "11-17"},
        {"del gabinetto|dei servizi igienici|dell'uomo", "11-19"},
        {"(?:dei diritti )?dell'infanzia(?: e dell'adolescenza)?|dell'industrializzazione dell'africa", "11-20"},
        {"della televisione", "11-21"}, {"(?:per l'eliminazione della|contro la) violenza (?:sulle|contro le) donne", "11-25"},
        {"(?:di|della) solidariet[aà] (?:con|per) il popolo palestinese", "11-29"},
        {"(?:di lotta )?contro l'aids", "12-01"}, {"per l'abolizione della schiavit[uù]", "12-02"},
        {"delle persone con disabilit[aà]", "12-03"}, {"del suolo|del volontariato(?: per lo sviluppo economico e sociale)?", "12-05"},
        {"dell'aviazione civile", "12-07"},
        {"contro la corruzione|anticorruzione|(?:per la )?commemorazione (?:e (?:la )?dignit[aà] )?delle vittime (?:di|del) genocidio", "12-09"},
        {"dei diritti umani|dei diritti dell'uomo", "12-10"}, {"della montagna", "12-11"},
        {"de(?:l|i) migrant[ei]|della lingua araba", "12-18"}, {"della solidariet[aà] umana", "12-20"}};
    for (String[] d : fixed) {
      fixed(h, WORLD_DAY + "(?:" + d[0] + ")", Integer.parseInt(d[1].substring(0, 2)), Integer.parseInt(d[1].substring(3)));
    }
    // days on a weekday of a month: UNESCO's philosophy day, World Kidney Day, the WHO's day for road traffic victims,
    // the cooperatives', leprosy, the IMO's maritime day, migratory birds, habitat, sight, religion
    Object[][] weekdays = {
        {"della filosofia", 11, 3, DayOfWeek.THURSDAY}, {"del rene", 3, 2, DayOfWeek.THURSDAY},
        {"in (?:memoria|ricordo) delle vittime della strada", 11, 3, DayOfWeek.SUNDAY},
        {"delle cooperative", 7, 1, DayOfWeek.SATURDAY}, {"(?:dei|per i) malati di lebbra", 1, -1, DayOfWeek.SUNDAY},
        {"del mare", 9, -1, DayOfWeek.THURSDAY}, {"degli uccelli migratori", 5, 2, DayOfWeek.SATURDAY},
        {"dell'habitat", 10, 1, DayOfWeek.MONDAY}, {"della vista", 10, 2, DayOfWeek.THURSDAY},
        {"della religione", 1, 3, DayOfWeek.SUNDAY}};
    for (Object[] d : weekdays) {
      int month = (Integer) d[1], n = (Integer) d[2];
      DayOfWeek dow = (DayOfWeek) d[3];
      day(h, WORLD_DAY + "(?:" + d[0] + ")", y -> nth(y, month, n, dow));
    }
    return List.copyOf(h);
  }

  /**
   * English names of the world days of {@link #WORLD_DAYS_IT} ("world water day", "international day of peace",
   * "human rights day"), each dated by the Italian name it is paired with, so that a day's date is written once.
   */
  private static List<Holiday> worldDaysEnglish() {
    List<Holiday> h = new ArrayList<>();
    String[][] names = {
        {"world braille day", "giornata mondiale del braille"},
        {"international customs day", "giornata internazionale delle dogane"},
        {"international day of commemoration in memory of the victims of the holocaust", "giornata internazionale in memoria delle vittime dell'olocausto"},
        {"world wetlands day", "giornata mondiale delle zone umide"},
        {"world cancer day", "giornata mondiale contro il cancro"},
        {"international day of zero tolerance (?:for|to) female genital mutilation", "giornata internazionale della tolleranza zero contro le mutilazioni genitali femminili"},
        {"world day of the sick", "giornata mondiale del malato"},
        {"international day of women and girls in science", "giornata internazionale delle donne e delle ragazze nella scienza"},
        {"world radio day", "giornata mondiale della radio"},
        {"world day of social justice", "giornata mondiale della giustizia sociale"},
        {"international mother language day", "giornata internazionale della lingua madre"},
        {"zero discrimination day", "giornata contro la discriminazione"},
        {"world wildlife day", "giornata mondiale della fauna selvatica"},
        {"international women'?s day", "giornata internazionale della donna"},
        {"international day of happiness", "giornata internazionale della felicità"},
        {"world poetry day", "giornata mondiale della poesia"},
        {"international day of forests", "giornata internazionale delle foreste"},
        {"world down syndrome day", "giornata mondiale della sindrome di down"},
        {"international day for the elimination of racial discrimination", "giornata internazionale per l'eliminazione della discriminazione razziale"},
        {"international day of nowruz", "giornata internazionale di nowruz"},
        {"world water day", "giornata mondiale dell'acqua"},
        {"world meteorological day", "giornata mondiale della meteorologia"},
        {"world tuberculosis day", "giornata mondiale della tubercolosi"},
        {"international day of remembrance of (?:the )?(?:victims of slavery|slavery victims) and the transatlantic slave trade", "giornata internazionale in ricordo delle vittime della schiavitù"},
        {"world autism awareness day", "giornata mondiale per la consapevolezza sull'autismo"},
        {"(?:united nations'? )?mine awareness day", "giornata internazionale contro le mine"},
        {"international day of sport for development and peace", "giornata internazionale dello sport per lo sviluppo e la pace"},
        {"(?:united nations'? )?world health day", "giornata mondiale della salute"},
        {"day of remembrance of the victims of the rwanda genocide", "giornata in memoria delle vittime del genocidio in rwanda"},
        {"international day of human space flight", "giornata internazionale del volo umano nello spazio"},
        {"international day for monuments and sites", "giornata internazionale dei monumenti e dei siti"},
        {"chinese language day", "giornata della lingua cinese"},
        {"english language day", "giornata della lingua inglese"},
        {"world book(?: and copyright)? day", "giornata mondiale del libro"},
        {"world malaria day", "giornata mondiale della malaria"},
        {"world intellectual property day", "giornata mondiale della proprietà intellettuale"},
        {"international chernobyl disaster remembrance day", "giornata internazionale del disastro di chernobyl"},
        {"world day for safety and health at work", "giornata mondiale per la salute e sicurezza sul lavoro"},
        {"day of remembrance for all victims of chemical warfare", "giornata in memoria di tutte le vittime della guerra chimica"},
        {"international jazz day", "giornata internazionale del jazz"},
        {"world tuna day", "giornata mondiale del tonno"},
        {"world press freedom day", "giornata mondiale della libertà di stampa"},
        {"world ovarian cancer day", "giornata mondiale sul tumore ovarico"},
        {"international nurses'? day", "giornata internazionale dell'infermiere"},
        {"international day of families", "giornata internazionale della famiglia"},
        {"world (?:information society|telecommunication) day", "giornata mondiale delle telecomunicazioni"},
        {"world day for cultural diversity(?: for dialogue and development)?", "giornata mondiale della diversità culturale"},
        {"international day for biological diversity|world biodiversity day", "giornata mondiale della biodiversità"},
        {"international day to end obstetric fistula", "giornata internazionale per l'eliminazione della fistola ostetrica"},
        {"africa(?:n (?:freedom|liberation))? day", "giornata dell'africa"},
        {"international day of united nations peacekeepers", "giornata internazionale dei peacekeeper delle nazioni unite"},
        {"world no tobacco day", "giornata mondiale senza tabacco"},
        {"global day of parents", "giornata mondiale dei genitori"},
        {"international day of innocent children victims of aggression", "giornata internazionale dei bambini innocenti vittime di aggressioni"},
        {"world environment day", "giornata mondiale dell'ambiente"},
        {"world oceans? day", "giornata mondiale degli oceani"},
        {"world day against child labou?r", "giornata mondiale contro il lavoro minorile"},
        {"international albinism awareness day", "giornata internazionale sull'albinismo"},
        {"world blood donor day", "giornata mondiale del donatore di sangue"},
        {"world elder abuse awareness day", "giornata mondiale contro gli abusi sugli anziani"},
        {"international day of family remittances", "giornata internazionale delle rimesse familiari"},
        {"world day to combat desertification(?: and drought)?", "giornata mondiale contro la desertificazione"},
        {"international day for the elimination of sexual violence in conflict", "giornata internazionale per l'eliminazione della violenza sessuale nei conflitti"},
        {"world refugee day", "giornata mondiale del rifugiato"},
        {"international day of yoga", "giornata internazionale dello yoga"},
        {"international widows'? day", "giornata internazionale delle vedove"},
        {"public service day", "giornata del servizio pubblico"},
        {"day of the seafarer", "giornata della gente di mare"},
        {"international day against drug abuse and illicit trafficking", "giornata internazionale contro l'abuso di droga"},
        {"international day in support of victims of torture", "giornata internazionale contro la tortura"},
        {"international asteroid day", "giornata internazionale degli asteroidi"},
        {"world population day", "giornata mondiale della popolazione"},
        {"world youth skills day", "giornata mondiale delle competenze giovanili"},
        {"(?:international )?nelson mandela day", "giornata internazionale nelson mandela"},
        {"world hepatitis day", "giornata mondiale dell'epatite"},
        {"international day of friendship", "giornata internazionale dell'amicizia"},
        {"world day against trafficking in persons", "giornata mondiale contro la tratta di esseri umani"},
        {"international day of the world'?s indigenous peoples?", "giornata internazionale dei popoli indigeni"},
        {"international youth day", "giornata internazionale della gioventù"},
        {"world humanitarian day", "giornata mondiale dell'aiuto umanitario"},
        {"international day for the remembrance of the slave trade and its abolition", "giornata internazionale in ricordo della tratta degli schiavi"},
        {"international day against nuclear tests", "giornata internazionale contro i test nucleari"},
        {"international day of the victims of enforced disappearances", "giornata internazionale delle vittime di sparizioni forzate"},
        {"international overdose awareness day", "giornata internazionale contro l'overdose"},
        {"world sexual health day", "giornata mondiale della salute sessuale"},
        {"international day of charity", "giornata internazionale della carità"},
        {"international literacy day", "giornata internazionale dell'alfabetizzazione"},
        {"world suicide prevention day", "giornata mondiale per la prevenzione del suicidio"},
        {"international day for south[- ]south cooperation", "giornata internazionale per la cooperazione sud-sud"},
        {"international day of democracy", "giornata internazionale della democrazia"},
        {"international day for the preservation of the ozone layer", "giornata internazionale dell'ozono"},
        {"international day of peace", "giornata internazionale della pace"},
        {"international celebrate bisexuality day", "giornata internazionale dell'orgoglio bisessuale"},
        {"international day for the total elimination of nuclear weapons", "giornata internazionale per l'eliminazione totale delle armi nucleari"},
        {"world tourism day", "giornata mondiale del turismo"},
        {"world rabies day", "giornata mondiale contro la rabbia"},
        {"world heart day", "giornata mondiale del cuore"},
        {"international day of older persons", "giornata internazionale delle persone anziane"},
        {"world vegetarian day", "giornata mondiale dei vegetariani"},
        {"international day of non-?violence", "giornata internazionale della nonviolenza"},
        {"world teachers'? day", "giornata mondiale degli insegnanti"},
        {"world (?:cerebral palsy|cp) day", "giornata mondiale della paralisi cerebrale"},
        {"world post day", "giornata mondiale della posta"},
        {"world mental health day", "giornata mondiale della salute mentale"},
        {"international day of the girl child", "giornata internazionale delle bambine"},
        {"international day for (?:natural )?disaster reduction", "giornata internazionale per la riduzione dei disastri"},
        {"international day of rural women", "giornata internazionale delle donne rurali"},
        {"world food day", "giornata mondiale dell'alimentazione"},
        {"international day for the eradication of poverty", "giornata internazionale per l'eliminazione della povertà"},
        {"united nations day", "giornata delle nazioni unite"},
        {"world development information day", "giornata mondiale dell'informazione sullo sviluppo"},
        {"world day for audiovisual heritage", "giornata mondiale del patrimonio audiovisivo"},
        {"world stroke day", "giornata mondiale dell'ictus"},
        {"world cities day", "giornata mondiale delle città"},
        {"international day to end impunity for crimes against journalists", "giornata internazionale per porre fine all'impunità per i crimini contro i giornalisti"},
        {"international day for preventing the exploitation of the environment in war and armed conflict", "giornata internazionale per la prevenzione dello sfruttamento dell'ambiente in guerra"},
        {"world science day for peace and development", "giornata mondiale della scienza per la pace e lo sviluppo"},
        {"world pneumonia day", "giornata mondiale contro la polmonite"},
        {"world diabetes day", "giornata mondiale del diabete"},
        {"international day for tolerance", "giornata internazionale della tolleranza"},
        {"world prematurity day", "giornata mondiale della prematurità"},
        {"world toilet day", "giornata mondiale del gabinetto"},
        {"international men'?s day", "giornata internazionale dell'uomo"},
        {"universal children'?s day", "giornata mondiale dell'infanzia"},
        {"africa industrialization day", "giornata dell'industrializzazione dell'africa"},
        {"world television day", "giornata mondiale della televisione"},
        {"international day for the elimination of violence against women", "giornata internazionale per l'eliminazione della violenza contro le donne"},
        {"international day of solidarity with the palestinian people", "giornata internazionale di solidarietà con il popolo palestinese"},
        {"world aids day", "giornata mondiale contro l'aids"},
        {"(?:international|world) day for the abolition of slavery", "giornata internazionale per l'abolizione della schiavitù"},
        {"international day of (?:disabled persons|persons with disabilities)", "giornata internazionale delle persone con disabilità"},
        {"world soil day", "giornata mondiale del suolo"},
        {"international volunteer day(?: for economic and social development)?", "giornata internazionale del volontariato"},
        {"international civil aviation day", "giornata internazionale dell'aviazione civile"},
        {"international anti[- ]?corruption day", "giornata internazionale contro la corruzione"},
        {"world genocide commemoration day", "giornata internazionale per la commemorazione delle vittime di genocidio"},
        {"human rights? day", "giornata dei diritti umani"},
        {"international mountain day", "giornata internazionale della montagna"},
        {"international migrants'? day", "giornata internazionale dei migranti"},
        {"arabic language day", "giornata della lingua araba"},
        {"international human solidarity day", "giornata internazionale della solidarietà umana"},
        {"world philosophy day", "giornata mondiale della filosofia"},
        {"world kidney day", "giornata mondiale del rene"},
        {"(?:world )?day of remembrance for road traffic victims", "giornata mondiale in memoria delle vittime della strada"},
        {"international day of co-?operatives", "giornata internazionale delle cooperative"},
        {"world leprosy day", "giornata mondiale dei malati di lebbra"},
        {"world maritime day", "giornata mondiale del mare"},
        {"world migratory bird day", "giornata mondiale degli uccelli migratori"},
        {"world habitat day", "giornata mondiale dell'habitat"},
        {"world sight day", "giornata mondiale della vista"},
        {"world religion day", "giornata mondiale della religione"}};
    List<String> unknown = new ArrayList<>();
    for (String[] n : names) {
      WORLD_DAYS_IT.stream().filter(d -> d.names().matcher(n[1]).matches()).findFirst().ifPresentOrElse(
          it -> h.add(new Holiday(Pattern.compile(n[0], F), it.in(), it.grain())), () -> unknown.add(n[1]));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("no Italian world days named " + unknown);
    }
    return List.copyOf(h);
  }

  /** The words before a world day's subject: "giornata mondiale", "giornata internazionale", or in phrases "giornata". */
  private static final String WORLD_DAY = "giorn(?:ata|o) (?:(?:mondiale|internazionale) )?";

  /** The start of a world day's name with "mondiale" or "internazionale", the only form news reads (see {@link #worldDays}). */
  static final Pattern QUALIFIED = Pattern.compile("giorn(?:ata|o) (?:mondiale|internazionale) ", F);

  /** Italian {@code names} for the English holiday named {@code english}: its dates and grain. */
  private static void as(List<Holiday> h, String names, String english) {
    Holiday en = Objects.requireNonNull(named(english, Lang.EN), () -> "no English holiday named " + english);
    h.add(new Holiday(Pattern.compile(names, F), en.in(), en.grain()));
  }

  /** The Gregorian date of a date of the Julian calendar (the Julian day number, Meeus chapter 7). */
  static LocalDate julian(int y, int month, int day) {
    int a = (14 - month) / 12, yy = y + 4800 - a, mm = month + 12 * a - 3;
    long jdn = day + (153L * mm + 2) / 5 + 365L * yy + Math.floorDiv(yy, 4) - 32083;
    return LocalDate.ofEpochDay(jdn - 2440588);
  }

  /**
   * Holidays of the Hindu lunisolar calendar ({@link HinduCalendar}): a tithi (1-15 bright half, 16-30 dark half) of an
   * amanta month, on the day it is in force at the time of day its rite is kept; holidays of the solar months (a
   * sankranti, a nakshatra in a solar month); and days counted from these. Names as Duckling's English rules give them,
   * with a few common spellings.
   */
  private static void hindu(List<Holiday> h) {
    // Diwali is Lakshmi Puja, on the new moon day of Ashvin (Kartika where months end at full moon) in force at
    // sunset; the festival's five days are the consecutive days around it
    tithi(h, "dhanatrayodashi|dhanteras|dhanvantari trayodashi", ASHVIN, 30, Kala.SUNSET, -2);
    tithi(h, "naraka? (?:nivaran )?chaturdashi|(?:kali|roop) chaudas|chh?oti diwali", ASHVIN, 30, Kala.SUNSET, -1);
    tithi(h, "deepavali|diwali|lakshmi puja", ASHVIN, 30, Kala.SUNSET, 0);
    tithi(h, "govardhan puja|annak(?:u|oo)t", ASHVIN, 30, Kala.SUNSET, 1);
    tithi(h, "bhai(?:ya)? d(?:u|oo)j|bhau[- ]beej|bhai (?:tika|phonta)", ASHVIN, 30, Kala.SUNSET, 2);
    tithi(h, "chhath (?:parv|puja)|chhathi?|dala (?:chhath|puja)|surya shashthi", KARTIKA, 6, Kala.SUNRISE, 0);
    tithi(h, "guru (?:gobind|govind) singh (?:birthday|jayanti)", PAUSHA, 7, Kala.SUNRISE, 0);
    tithi(h, "[bv]asant panchami|saraswati puja", MAGHA, 5, Kala.SUNRISE, 0);
    tithi(h, "guru ravidass? (?:birthday|jayanti)", MAGHA, 15, Kala.SUNRISE, 0);
    tithi(h, "(?:(?:maharishi|swami) )?(?:dayananda )?saraswati jayanti", MAGHA, 25, Kala.SUNRISE, 0);
    tithi(h, "maha ?shiva?ratri", MAGHA, 29, Kala.NIGHT, 0);
    // Holika is burnt on the full moon of Phalguna in force at sunset; colours are thrown the next day
    tithi(h, "holika dahan|kamudu pyre|chh?oti holi", PHALGUNA, 15, Kala.SUNSET, 0);
    tithi(h, "(?:rangwali )?holi|dhuleti|dhulandi|phagwah", PHALGUNA, 15, Kala.SUNSET, 1);
    tithi(h, "y?ugadi|samvatsaradi|chaitra sukh?ladi|gudi padwa", CHAITRA, 1, Kala.SUNRISE, 0);
    tithi(h, "ram(?:a)? navami", CHAITRA, 9, Kala.MIDDAY, 0);
    tithi(h, "(?:mahavir|mahaveer) (?:jayanti|janma kalyanak)", CHAITRA, 13, Kala.SUNRISE, 0);
    tithi(h, "hanuman jayanti", CHAITRA, 15, Kala.SUNRISE, 0);
    tithi(h, "v(?:e|ai)sak(?:ha)?|buddha (?:day|purnima|jayanti)", VAISHAKHA, 15, Kala.SUNRISE, 0);
    tithi(h, "ratha?(?:-| )?yatra|rathjatra|chariot festival", ASHADHA, 2, Kala.SUNRISE, 0);
    tithi(h, "guru purnima", ASHADHA, 15, Kala.SUNRISE, 0);
    tithi(h, "raksha ?bandhan|rakhi", SHRAVANA, 15, Kala.AFTERNOON, 0);
    tithi(h, "(?:krishna )?janmashtami|gokulashtami", SHRAVANA, 23, Kala.NIGHT, 0);
    tithi(h, "(?:ganesh|vinayaka?) chaturthi", BHADRAPADA, 4, Kala.MIDDAY, 0);
    // Navaratri's nine nights from the first day of Ashvin's bright half, and (as Duckling counts it) Vijayadashami
    h.add(new Holiday(Pattern.compile("durga puja|durgotsava|nava?rath?ri", F), y -> {
      LocalDate a = HinduCalendar.day(ASHVIN, 1, Kala.SUNRISE, y), b = HinduCalendar.day(ASHVIN, 10, Kala.SUNRISE, y);
      return a == null || b == null ? null : new LocalDate[] {a, b.plusDays(1)};
    }));
    tithi(h, "maha saptami", ASHVIN, 7, Kala.SUNRISE, 0);
    tithi(h, "(?:durga|maha) ?ashtami", ASHVIN, 8, Kala.SUNRISE, 0);
    tithi(h, "maha navami", ASHVIN, 9, Kala.SUNRISE, 0);
    tithi(h, "dasara|duss(?:eh|he)ra|vijaya ?dashami", ASHVIN, 10, Kala.SUNRISE, 0);
    tithi(h, "pargat diwas|(?:maharishi )?valmiki jayanti", ASHVIN, 15, Kala.SUNRISE, 0);
    // the Moon rises some hours after sunset on the fourth day after full moon, when the fast is broken
    tithi(h, "karva chauth|karaka chaturthi", ASHVIN, 19, Kala.EVENING, 0);
    // the Tamil month Thai starts with the Sun's entry into Makara (on the next day if it comes after sunset)
    solar(h, "boghi|bogi pandigai|bh?ogi", HinduCalendar.MAKARA, SolarRule.BEFORE_SUNSET, -1);
    solar(h, "pongal pandigai|(?:thai )?pongal|(?:makara? |magha )?sankranth?i|maghi", HinduCalendar.MAKARA, SolarRule.BEFORE_SUNSET, 0);
    solar(h, "maa?ttu pongal", HinduCalendar.MAKARA, SolarRule.BEFORE_SUNSET, 1);
    solar(h, "(?:kaanum|kanni) pongal", HinduCalendar.MAKARA, SolarRule.BEFORE_SUNSET, 2);
    solar(h, "mesadi|[bv]aisakhi|vaisakhadi|vasakhi|vaishakhi", HinduCalendar.MESHA, SolarRule.SAME_DAY, 0);
    // Tagore's birthday, 25 Boishakh of the Bengali solar calendar, whose year starts the day after Mesha sankranti
    solar(h, "rabindra(?:nath)? jayanti", HinduCalendar.MESHA, SolarRule.NEXT_DAY, 24);
    // Thiruvonam: the day in the Malayalam month Chingam (the Sun in Simha) whose sunrise has the Moon in Shravana
    h.add(new Holiday(Pattern.compile("(?:thiru(?:v| )?)?onam", F),
        y -> one(HinduCalendar.nakshatraDay(22, HinduCalendar.SIMHA, SolarRule.BEFORE_AFTERNOON_ENDS, y))));
    // Thaipusam: the day in the Tamil month Thai whose sunrise has the Moon in Pushya
    h.add(new Holiday(Pattern.compile("thaipusam|thai pusam", F),
        y -> one(HinduCalendar.nakshatraDay(8, HinduCalendar.MAKARA, SolarRule.BEFORE_SUNSET, y))));
  }

  /** A tithi of an amanta month, kept at {@code kala}, moved by {@code offset} days. */
  private static void tithi(List<Holiday> h, String names, HinduCalendar.Month month, int tithi, Kala kala, int offset) {
    h.add(new Holiday(Pattern.compile(names, F), y -> {
      LocalDate d = HinduCalendar.day(month, tithi, kala, y);
      return one(d == null ? null : d.plusDays(offset));
    }));
  }

  /** The first day of a solar month (its sankranti by {@code rule}), moved by {@code offset} days. */
  private static void solar(List<Holiday> h, String names, int sign, SolarRule rule, int offset) {
    h.add(new Holiday(Pattern.compile(names, F), y -> {
      LocalDate d = HinduCalendar.solarMonthStart(sign, rule, y);
      return one(d == null ? null : d.plusDays(offset));
    }));
  }

  /** One day as a holiday's days; null (no occurrence) for null. */
  private static LocalDate[] one(LocalDate d) {
    return d == null ? null : new LocalDate[] {d, null};
  }

  private static void fixed(List<Holiday> h, String names, int month, int day) {
    day(h, names, y -> LocalDate.of(y, month, day));
  }

  private static void day(List<Holiday> h, String names, IntFunction<LocalDate> f) {
    h.add(new Holiday(Pattern.compile(names, F), y -> new LocalDate[] {f.apply(y), null}));
  }

  private static void easter(List<Holiday> h, String names, int offset) {
    day(h, names, y -> Rules.easter(y).plusDays(offset));
  }

  private static void orthodox(List<Holiday> h, String names, int offset) {
    day(h, names, y -> orthodoxEaster(y).plusDays(offset));
  }

  /** A day of the Hijri calendar, {@code month} and {@code day} 1-based, in Gregorian year {@code y}. */
  private static void hijri(List<Holiday> h, String names, int month, int day) {
    h.add(new Holiday(Pattern.compile(names, F), y -> {
      LocalDate[] s = hijriSpan(y, month, day, month, day);
      return s == null ? null : new LocalDate[] {s[0], null};
    }));
  }

  /** A Hebrew-calendar holiday, starting on its eve. */
  private static void hebrew(List<Holiday> h, String names, int month, int day) {
    h.add(new Holiday(Pattern.compile(names, F), y -> {
      LocalDate[] s = hebrewSpan(y, month, day - 1, 1);
      return s == null ? null : new LocalDate[] {s[0], null};
    }));
  }

  /** The Hijri span [month1/day1, month2/day2) that starts in Gregorian year {@code y}; null outside HijrahDate's range. */
  static LocalDate[] hijriSpan(int y, int month1, int day1, int month2, int day2) {
    try {
      int hy = HijrahDate.from(LocalDate.of(y, 1, 1)).get(ChronoField.YEAR);
      for (int k = hy; k <= hy + 1; k++) {
        LocalDate a = LocalDate.from(HijrahDate.of(k, month1, day1));
        if (a.getYear() == y) {
          LocalDate b = month2 == month1 && day2 == day1 ? null
              : LocalDate.from(HijrahDate.of(month2 < month1 ? k + 1 : k, month2, day2));
          return new LocalDate[] {a, b};
        }
      }
      return null;
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** A span of {@code days} days from a Hebrew month and day, starting in Gregorian year {@code y}; null if none does. */
  static LocalDate[] hebrewSpan(int y, int month, int day, int days) {
    for (int hy = y + 3760; hy <= y + 3761; hy++) {
      LocalDate a = Hebrew.toGregorian(hy, month, day);
      if (a.getYear() == y) {
        return new LocalDate[] {a, days == 1 ? null : a.plusDays(days)};
      }
    }
    return null;
  }

  /** The {@code n}th (or with -1 the last) {@code dow} of a month. */
  static LocalDate nth(int y, int month, int n, DayOfWeek dow) {
    LocalDate first = LocalDate.of(y, month, 1);
    return n < 0 ? first.with(TemporalAdjusters.lastInMonth(dow)) : first.with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
  }

  /** A Saturday moves to Friday and a Sunday to Monday. */
  static LocalDate weekdayNearest(LocalDate d) {
    return switch (d.getDayOfWeek()) {
      case SATURDAY -> d.minusDays(1);
      case SUNDAY -> d.plusDays(1);
      default -> d;
    };
  }

  /** Orthodox Easter Sunday: the Julian computus (Meeus), converted to the Gregorian calendar. */
  static LocalDate orthodoxEaster(int y) {
    int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
    int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
    return julian(y, month, day);
  }

  /** First day of the Yazdegerd era, 16 June 632 of the Julian calendar, as a proleptic Gregorian date. */
  private static final LocalDate YAZDEGERD = LocalDate.of(632, 6, 19);

  /**
   * The Parsi new year of the Shahenshahi reckoning in Gregorian year {@code y}: the calendar has years of exactly 365
   * days from the Yazdegerd era, and the Shahenshahi reckoning is one intercalary month (30 days) behind the Qadimi
   * one, so its new year moves a day earlier every four Gregorian years (17 August 2018, 16 August 2022).
   */
  static LocalDate shahenshahiNewYear(int y) {
    LocalDate first = YAZDEGERD.plusDays(30);
    long n = Math.floorDiv(java.time.temporal.ChronoUnit.DAYS.between(first, LocalDate.of(y, 1, 1)) + 364, 365);
    LocalDate d = first.plusDays(365 * n);
    return d.getYear() == y ? d : null;
  }

  /**
   * New moons (Meeus, Astronomical Algorithms, chapter 49: the mean lunation and its periodic terms, without the small
   * planetary ones; a few minutes of error) and the Chinese new year built on them.
   */
  static final class Lunar {
    private Lunar() {}

    /** Julian day of 1970-01-01T00:00 UTC. */
    private static final double JD_UNIX = 2440587.5;
    private static final java.time.ZoneOffset CHINA = java.time.ZoneOffset.ofHours(8);

    /**
     * The instant of new moon number {@code k} (0 is the one of 6 January 2000), in UTC; terrestrial time is taken as
     * UTC, a minute's difference that matters only for a new moon a minute from midnight.
     */
    static java.time.Instant newMoon(long k) {
      double t = k / 1236.85, t2 = t * t, t3 = t2 * t, t4 = t3 * t;
      double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
      double e = 1 - 0.002516 * t - 0.0000074 * t2;
      double m = Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
      double mm = Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
      double f = Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
      double om = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
      jde += -0.40720 * Math.sin(mm) + 0.17241 * e * Math.sin(m) + 0.01608 * Math.sin(2 * mm) + 0.01039 * Math.sin(2 * f)
          + 0.00739 * e * Math.sin(mm - m) - 0.00514 * e * Math.sin(mm + m) + 0.00208 * e * e * Math.sin(2 * m)
          - 0.00111 * Math.sin(mm - 2 * f) - 0.00057 * Math.sin(mm + 2 * f) + 0.00056 * e * Math.sin(2 * mm + m)
          - 0.00042 * Math.sin(3 * mm) + 0.00042 * e * Math.sin(m + 2 * f) + 0.00038 * e * Math.sin(m - 2 * f)
          - 0.00024 * e * Math.sin(2 * mm - m) - 0.00017 * Math.sin(om) - 0.00007 * Math.sin(mm + 2 * m)
          + 0.00004 * Math.sin(2 * mm - 2 * f) + 0.00004 * Math.sin(3 * m) + 0.00003 * Math.sin(mm + m - 2 * f)
          + 0.00003 * Math.sin(2 * mm + 2 * f) - 0.00003 * Math.sin(mm + m + 2 * f) + 0.00003 * Math.sin(mm - m + 2 * f)
          - 0.00002 * Math.sin(mm - m - 2 * f) - 0.00002 * Math.sin(3 * mm + m) + 0.00002 * Math.sin(4 * mm);
      return java.time.Instant.ofEpochMilli(Math.round((jde - JD_UNIX) * 86_400_000d));
    }

    /**
     * The Chinese new year in Gregorian year {@code y}: the day, in China's time (UTC+8), of the new moon that falls
     * between 21 January and 20 February (the usual statement of the calendar's rule, the second new moon after the
     * winter solstice, for years without a leap eleventh or twelfth month); null if none does.
     */
    static LocalDate chineseNewYear(int y) {
      long k = (long) Math.floor((y - 2000 + 20 / 365.25) * 12.3685) - 1;
      LocalDate from = LocalDate.of(y, 1, 21), to = LocalDate.of(y, 2, 20);
      for (long i = k; i <= k + 3; i++) {
        LocalDate d = newMoon(i).atOffset(CHINA).toLocalDate();
        if (!d.isBefore(from) && !d.isAfter(to)) {
          return d;
        }
      }
      return null;
    }
  }

  /** The arithmetic Hebrew calendar (Dershowitz and Reingold, Calendrical Calculations); months counted from Tishrei. */
  static final class Hebrew {
    private Hebrew() {}

    static final int TISHREI = 1, HESHVAN = 2, KISLEV = 3, TEVET = 4, SHEVAT = 5, ADAR_I = 6, ADAR = 7, NISAN = 8,
        IYAR = 9, SIVAN = 10, TAMMUZ = 11, AV = 12, ELUL = 13;
    /** Rata Die of 1 Tishrei AM 1. */
    private static final long EPOCH = -1373427;
    /** Rata Die of 1970-01-01. */
    private static final long RD_UNIX = 719163;

    static boolean leap(int y) {
      return Math.floorMod(7L * y + 1, 19) < 7;
    }

    private static long elapsedDays(int y) {
      long months = Math.floorDiv(235L * y - 234, 19);
      long parts = 12084 + 13753 * months;
      long day = 29 * months + Math.floorDiv(parts, 25920);
      return Math.floorMod(3 * (day + 1), 7) < 3 ? day + 1 : day;
    }

    private static long newYear(int y) {
      long last = elapsedDays(y - 1), present = elapsedDays(y), next = elapsedDays(y + 1);
      long delay = next - present == 356 ? 2 : present - last == 382 ? 1 : 0;
      return EPOCH + present + delay;
    }

    /** Length in days of {@code month} of Hebrew year {@code y}; 0 for Adar I in a common year. */
    static int monthLength(int y, int month) {
      long yearLength = newYear(y + 1) - newYear(y);
      return switch (month) {
        case HESHVAN -> yearLength % 10 == 5 ? 30 : 29;
        case KISLEV -> yearLength % 10 == 3 ? 29 : 30;
        case ADAR_I -> leap(y) ? 30 : 0;
        case TISHREI, SHEVAT, NISAN, SIVAN, AV -> 30;
        default -> 29;
      };
    }

    /** Gregorian date of {@code day} (1-based, may be 0 for the eve of the 1st) of {@code month} in Hebrew year {@code y}. */
    static LocalDate toGregorian(int y, int month, int day) {
      if (month < TISHREI || month > ELUL) {
        throw new IllegalArgumentException("bad Hebrew month: " + month);
      }
      long rd = newYear(y) + day - 1;
      for (int m = TISHREI; m < month; m++) {
        rd += monthLength(y, m);
      }
      return LocalDate.ofEpochDay(rd - RD_UNIX);
    }
  }
}
