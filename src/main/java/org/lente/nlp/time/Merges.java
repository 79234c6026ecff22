package org.lente.nlp.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lente.nlp.time.TimeTagger.Clock;
import org.lente.nlp.time.TimeTagger.Ctx;
import org.lente.nlp.time.TimeTagger.Kind;
import org.lente.nlp.time.TimeTagger.Piece;

/**
 * Combines adjacent pieces: a day with a clock time or part of day, and (in Duckling's phrases; news keeps them apart,
 * as TimeML does) two ends into an interval.
 */
final class Merges {
  private Merges() {}

  /** UTC offset of the reference time in Duckling mode, in minutes. */
  static final int DUCKLING_OFFSET_MINUTES = -120;

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  // NOTE: possessive runs, as no word here starts with a space or comma: a long gap that does not join fails in one pass
  private static final Pattern JOIN = Pattern.compile("^[\\s,]*+(?:alle|at|@|on|di|del|della|il|the|for|a|in|nella|of)?[\\s,]*+$", F);
  /** The Italian joining word a clock time's piece starts with: "alle 17" in "dalle 15 alle 17". */
  private static final Pattern TO_INSIDE = Pattern.compile("(?:alle|all')\\s*+(?=\\d)", F);
  private static final Pattern TO = Pattern.compile("^\\s*+(?:-|–|to|till|until|untill|through|al|alle|a|e le|e|and|(?:fino|sino)\\s+(?:a|ad|al|alla|alle|all'))\\s*+$", F);
  /**
   * A gap of a North American or European zone name between a clock time and its day, "5 p.m. EST Nov. 9": news keeps
   * such a time local (only UTC is converted, see {@link #zones}), so the name only joins.
   */
  private static final Pattern ZONE_GAP = Pattern.compile("^\\s*+\\(?(?:[ecmp][sd]t|bst|cest|cet)\\)?,?\\s*+(?:on\\s+)?$", F);
  /**
   * A bound between a day and a clock time, "giovedì entro mezzogiorno", "friday before 11": in Duckling's convention
   * the open interval is scored by its bound, the time on that day (phrases only).
   */
  private static final Pattern BOUND_GAP = Pattern.compile("^\\s*+(?:prima\\s+(?:di|delle|della|dell')|entro(?:\\s+(?:le|la|l'))?|before|by)\\s*+$", F);
  private static final Pattern FROM = Pattern.compile("(?:dal|dalle|dalla|da|from|between|tra|fra|tra le|tra il)\\s*$", F);

  private static final Pattern WEEKDAY = Pattern.compile("(?:" + Words.WD_IT + "|" + Words.WD_EN + ")", F);
  private static final Pattern MONTH = Pattern.compile("\\b(?:" + Words.MONTH_IT + "|" + Words.MONTH_EN + ")", F);
  /** The value of a weekday as a habit ({@link Rules#everyWeekday}). */
  private static final Pattern WEEKLY = Pattern.compile("XXXX-WXX-[1-7]");
  /** The Italian "of the" elided before "anno": "aprile dell'anno prossimo". */
  private static final Pattern OF_THE = Pattern.compile("^\\s*+dell'$", F);
  /** A year told from the anchor, which can put a month or a day of a month before it in that year. */
  private static final Pattern RELATIVE_YEAR = Pattern.compile("(?:this|last|next) year|quest'anno|(?:l')?anno (?:scorso|prossimo|passato)", F);

  static List<Piece> merge(List<Piece> in, Ctx ctx) {
    List<Piece> merged = adjacent(zones(adjacent(timesInParts(in, ctx), ctx), ctx), ctx);
    return ctx.duckling() ? merged : rangeStarts(merged, ctx);
  }

  /**
   * In running text, where TimeML tags a range's two ends apart, the first end of a clock range that has no day of its
   * own takes the second end's half of the day and day: "from 3 to 5 pm Tuesday" is Tuesday 15:00 and Tuesday 17:00,
   * "tra le 9 e le 11 di martedì" Tuesday 9:00 and 11:00 (see {@link Clock#startOf}). A first end with its own day or
   * in UTC ("from 8 a.m. Monday", "from 18:00 UTC") is left as it is; so is one whose second end has no clock time.
   */
  private static List<Piece> rangeStarts(List<Piece> in, Ctx ctx) {
    List<Piece> ps = new ArrayList<>(in);
    for (int i = 0; i + 1 < ps.size(); i++) {
      Piece a = ps.get(i), b = ps.get(i + 1);
      if (a.kind() != Kind.TIME || b.kind() != Kind.TIME || a.clock() == null || a.value() != null || a.m() == null
          || b.m() == null || b.m().end() != null || b.m().grain().compareTo(Grain.HOUR) > 0
          || !a.m().start().toLocalDate().equals(ctx.today()) || !joinedAsRange(a, b, ctx)) {
        continue;
      }
      LocalDateTime e = b.m().start();
      Clock end = b.clock() != null ? b.clock() : new Clock(e.getHour(), e.getMinute(), e.getSecond(), b.m().grain(), false);
      Clock start = a.clock().startOf(end);
      Moment on = TimeTagger.clockOn(e.toLocalDate(), start);
      String timex = TimeTagger.clockTimex(on);
      String clock = timex.substring(timex.indexOf('T'));
      int t = b.noAnchor() == null ? -1 : b.noAnchor().indexOf('T');
      // the second end's zone is the first's: in UTC ("from 2 to 4 p.m. UTC") the first end's clock is UTC's too; in
      // another zone the second end's clock was moved to UTC, so the first is left without one
      String zoned = b.value() != null && b.value().endsWith("Z") && inUtc(ctx.s().substring(b.start(), b.end()))
          ? timex + "Z" : null;
      ps.set(i, new Piece(a.start(), a.end(), Kind.TIME, on, zoned, b.relative(), start, null,
          t < 0 ? null : b.noAnchor().substring(0, t) + clock));
    }
    return ps;
  }

  /** A word of a zone and its offset, as news writes it after a clock time ("UTC", "GMT+8", "EST"). */
  private static final Pattern ZONE_WORD = Pattern.compile("\\b[a-z]{1,4}(?:[+-]\\d{1,2})?\\b");

  /** Whether the (normalised) {@code text} of a zoned clock time names a zone of offset 0: "4 p.m. utc", "18:00 gmt". */
  private static boolean inUtc(String text) {
    Matcher m = ZONE_WORD.matcher(text);
    while (m.find()) {
      Integer offset = EnglishRules.zoneOffset(m.group());
      if (offset != null) {
        return offset == 0;
      }
    }
    return false;
  }

  /**
   * Joins each clock time to the part of day next to it before anything else, so that "domani alle 5 del pomeriggio"
   * is tomorrow at 17:00: the hour binds to its part of day more tightly than to the day before it (joined first to the
   * day, the hour would lose the part).
   */
  private static List<Piece> timesInParts(List<Piece> in, Ctx ctx) {
    List<Piece> ps = new ArrayList<>(in);
    for (int i = 0; i + 1 < ps.size(); i++) {
      Piece a = ps.get(i), b = ps.get(i + 1);
      boolean pair = a.kind() == Kind.TIME && b.kind() == Kind.PART || a.kind() == Kind.PART && b.kind() == Kind.TIME;
      Piece c = pair && JOIN.matcher(ctx.s().substring(a.end(), b.start())).matches() ? join(a, b, ctx) : null;
      if (c != null) {
        ps.set(i, c);
        ps.remove(i + 1);
      }
    }
    return ps;
  }

  /**
   * Folds a time-zone piece into the time or time range just before it. In Duckling mode, whose reference time is at
   * UTC-2 (Duckling's test reference), the time is converted to the reference's zone; in news, where anchors carry no
   * zone, a time in UTC (the only zone news rules read) becomes TIMEX3's UTC value, {@code 2009-12-15T18:00Z}.
   */
  private static List<Piece> zones(List<Piece> in, Ctx ctx) {
    List<Piece> ps = new ArrayList<>();
    for (Piece p : in) {
      Piece a = ps.isEmpty() ? null : ps.get(ps.size() - 1);
      boolean adjacent = p.kind() == Kind.ZONE && a != null && a.m() != null && ctx.s().substring(a.end(), p.start()).isBlank();
      if (adjacent && !ctx.duckling() && a.kind() == Kind.TIME && a.m().grain().compareTo(Grain.HOUR) <= 0) {
        Moment utc = Moment.at(a.m().start().minusMinutes(EnglishRules.zoneOffset(p.value())), a.m().grain());
        // the UTC clock is kept, so that a day after the zone can still take the time ("at 18:00 UTC on Monday")
        Clock c = new Clock(utc.start().getHour(), utc.start().getMinute(), utc.start().getSecond(), utc.grain(), false);
        ps.set(ps.size() - 1, new Piece(a.start(), p.end(), Kind.TIME, utc, TimeTagger.clockTimex(utc) + "Z", false, c, null, null));
      } else if (adjacent && ctx.duckling() && (a.kind() == Kind.TIME || a.kind() == Kind.RANGE)) {
        long shift = DUCKLING_OFFSET_MINUTES - EnglishRules.zoneOffset(p.value());
        Moment m = a.m();
        Grain g = m.grain() == Grain.HOUR ? Grain.MINUTE : m.grain();
        LocalDateTime s = m.start().plusMinutes(shift);
        Moment moved = new Moment(s, g, m.end() == null ? null : m.end().plusMinutes(shift));
        Clock c = new Clock(s.getHour(), s.getMinute(), s.getSecond(), g, false);
        ps.set(ps.size() - 1, new Piece(a.start(), p.end(), a.kind(), moved, null, a.relative(), a.kind() == Kind.TIME ? c : null, null, null));
      } else {
        ps.add(p);
      }
    }
    return ps;
  }

  private static List<Piece> adjacent(List<Piece> in, Ctx ctx) {
    List<Piece> ps = new ArrayList<>(in);
    int i = 0;
    while (i + 1 < ps.size()) {
      Piece a = ps.get(i), b = ps.get(i + 1);
      String gap = ctx.s().substring(a.end(), b.start());
      boolean zone = ctx.lang() == Lang.EN && a.kind() == Kind.TIME && ZONE_GAP.matcher(gap).matches();
      boolean bound = ctx.duckling() && isDay(a) && b.kind() == Kind.TIME && BOUND_GAP.matcher(gap).matches();
      // a habit waits for its hour's zone, which zones() folds in between the two passes ("on Mondays at 18:00 UTC")
      boolean zoneNext = isWeeklyHabit(a) && i + 2 < ps.size() && ps.get(i + 2).kind() == Kind.ZONE;
      Piece c = (JOIN.matcher(gap).matches() || zone || bound || OF_THE.matcher(gap).matches() && inYear(a, ctx)) && !zoneNext
          ? join(a, b, ctx) : null;
      // TimeML tags the two ends of a range apart ("from Sept. 14 to Thursday" is two dates), so only Duckling's
      // phrases join them into an interval
      if (c == null && ctx.duckling() && TO.matcher(gap).matches()) c = range(a, b, ctx);
      if (c == null) {
        i++;
      } else {
        // NOTE: only the pairs next to the merged piece are new; the pairs before it were tried and did not merge
        ps.set(i, c);
        ps.remove(i + 1);
        i = Math.max(0, i - 1);
      }
    }
    return ps;
  }

  /**
   * True when the text between {@code a} and {@code b} joins them as a range's ends, or when {@code b} opens with the
   * joining word and a word opening a range comes before {@code a} ("dalle 15 alle 17"; not "alle 9, alle 11").
   */
  private static boolean joinedAsRange(Piece a, Piece b, Ctx ctx) {
    String gap = ctx.s().substring(a.end(), b.start());
    return TO.matcher(gap).matches() || gap.isBlank() && !gap.isEmpty() && TO_INSIDE.matcher(ctx.s()).region(b.start(), b.end()).lookingAt()
        && FROM.matcher(ctx.s().substring(Math.max(0, a.start() - 12), a.start())).find();
  }

  /** True when {@code p} is a weekday as a habit, "every Monday", "on Mondays", "il lunedì" (a set without an hour). */
  private static boolean isWeeklyHabit(Piece p) {
    return p.kind() == Kind.SET && p.value() != null && WEEKLY.matcher(p.value()).matches();
  }

  private static boolean isDay(Piece p) {
    return p.kind() == Kind.DATE && p.m() != null && p.m().end() == null && p.m().grain() == Grain.DAY;
  }

  /** True when {@code p} is a month or a day of a month given without its year (not a weekday), so a year can follow it. */
  private static boolean inYear(Piece p, Ctx ctx) {
    return p.kind() == Kind.DATE && p.relative() && p.m() != null && p.m().end() == null && p.shift() == null
        && (p.m().grain() == Grain.MONTH || p.m().grain() == Grain.DAY) && MONTH.matcher(ctx.s().substring(p.start(), p.end())).find()
        && !WEEKDAY.matcher(ctx.s().substring(p.start(), p.end())).find();
  }

  private static Piece join(Piece a, Piece b, Ctx ctx) {
    int s = a.start(), e = b.end();
    boolean rel = a.relative() && b.relative();
    if (!ctx.duckling() && isWeeklyHabit(a) && b.kind() == Kind.TIME && b.clock() != null) {
      // "every Monday at 8 a.m.", "il lunedì alle 8": the habit at its hour, TimeML's XXXX-WXX-1T08:00; a time in UTC
      // keeps its mark (see zones)
      String clock = TimeTagger.clockTimex(TimeTagger.clockOn(ctx.today(), b.clock()));
      String utc = b.value() != null && b.value().endsWith("Z") ? "Z" : "";
      return new Piece(s, e, Kind.SET, null, a.value() + clock.substring(clock.indexOf('T')) + utc, false, b.clock(), null, null);
    }
    if (isDay(a) && b.kind() == Kind.TIME || isDay(b) && a.kind() == Kind.TIME) {
      Piece d = isDay(a) ? a : b, t = isDay(a) ? b : a;
      Clock c = t.clock();
      if (c == null) return null;
      Moment on = TimeTagger.clockOn(d.m().start().toLocalDate(), c);
      if (t.value() != null && t.value().endsWith("Z")) { // a time in UTC (see zones): its value stays in UTC
        return new Piece(s, e, Kind.TIME, on, TimeTagger.clockTimex(on) + "Z", d.relative(), c, null, null);
      }
      String clock = TimeTagger.clockTimex(on);
      return d.with(s, e, Kind.TIME, on, d.relative()).withNoAnchor(onUnknownDay(d, clock.substring(clock.indexOf('T'))));
    }
    if (isDay(a) && b.kind() == Kind.PART || isDay(b) && a.kind() == Kind.PART) {
      Piece d = isDay(a) ? a : b, p = isDay(a) ? b : a;
      return new Piece(s, e, Kind.PART, TimeTagger.partOn(d.m().start().toLocalDate(), p.part()), null, d.relative(), null,
          p.part(), onUnknownDay(d, "T" + p.part().code()));
    }
    if (a.kind() == Kind.PART && b.kind() == Kind.TIME || a.kind() == Kind.TIME && b.kind() == Kind.PART) {
      Piece p = a.kind() == Kind.PART ? a : b, t = a.kind() == Kind.PART ? b : a;
      Clock c = t.clock();
      if (c == null) return null;
      int h = c.h();
      if (p.part().from() >= 12 && h < 12 && (c.ambiguous() || h == 0)) h += 12;
      if (p.part().code().equals("NI") && p.part().from() < 12 && h >= 12 && c.ambiguous()) h -= 12;
      LocalDate day = p.m().start().toLocalDate().minusDays(p.part().dayShift());
      Clock fixed = new Clock(h, c.min(), c.sec(), c.grain(), false);
      return new Piece(s, e, Kind.TIME, TimeTagger.clockOn(day, fixed), null, p.relative(), fixed, null, null);
    }
    if (inYear(a, ctx) && b.kind() == Kind.DATE && b.m() != null && b.m().end() == null && b.m().grain() == Grain.YEAR
        && RELATIVE_YEAR.matcher(ctx.s().substring(b.start(), b.end())).matches()) {
      // "February this year", "June 1 last year", "aprile dell'anno prossimo": the month or day in the year told, one date
      return a.with(s, e, Kind.DATE, Moment.at(a.m().start().withYear(b.m().start().getYear()), a.m().grain()), true);
    }
    if (a.kind() == Kind.RANGE && isDay(b) || isDay(a) && b.kind() == Kind.RANGE) {
      Piece r = a.kind() == Kind.RANGE ? a : b, d = a.kind() == Kind.RANGE ? b : a;
      long shift = ChronoUnit.DAYS.between(r.m().start().toLocalDate(), d.m().start().toLocalDate());
      // a span from an ambiguous hour read in the evening because the morning had passed: on a named day, the morning
      long hours = r.clock() != null && r.clock().ambiguous() && r.m().start().getHour() == r.clock().h() + 12 ? -12 : 0;
      Moment m = new Moment(r.m().start().plusDays(shift).plusHours(hours), r.m().grain(), r.m().end().plusDays(shift).plusHours(hours));
      return new Piece(s, e, Kind.RANGE, m, null, d.relative(), null, null, null);
    }
    return null;
  }

  /**
   * The value, when the text has no anchor, of a time of day {@code time} ("T18:00", "TEV") on the relative day {@code
   * day}: the day's own such value with the time after it ("XXXX-WXX-3TEV" for "mercoledì sera", "ANCHOR-P1DTEV" for
   * "ieri sera"), so that the time of day never turns the day's reading into a direction from the stand-in anchor.
   */
  private static String onUnknownDay(Piece day, String time) {
    return (day.noAnchor() != null ? day.noAnchor() : TimeTagger.relativeToUnknown(day.m())) + time;
  }

  private static Piece range(Piece a, Piece b, Ctx ctx) {
    if (a.m() == null || b.m() == null || a.m().end() != null || b.m().end() != null) return null;
    boolean times = a.kind() == Kind.TIME && b.kind() == Kind.TIME;
    boolean days = a.kind() == Kind.DATE && b.kind() == Kind.DATE;
    if (!times && !days) return null;
    Grain g = a.m().grain().compareTo(b.m().grain()) < 0 ? a.m().grain() : b.m().grain();
    if (days && g.compareTo(Grain.DAY) > 0) return null; // "nel 2000 e 2001" lists years, not a range
    LocalDateTime bs = b.m().start();
    if (times && a.clock() != null && b.clock() != null) {
      bs = a.m().start().toLocalDate().atTime(b.clock().h() % 24, b.clock().min(), b.clock().sec());
      if (b.clock().ambiguous() && bs.isBefore(a.m().start()) && b.clock().h() < 12) bs = bs.plusHours(12);
      if (bs.isBefore(a.m().start())) bs = bs.plusDays(1);
    }
    if (days && ctx.duckling() && b.relative() && bs.isBefore(a.m().start()) && WEEKDAY.matcher(ctx.s().substring(b.start(), b.end())).find()) {
      bs = bs.plusWeeks(ChronoUnit.WEEKS.between(bs, a.m().start()) + 1); // "from friday to monday": the weekday after the start
    }
    LocalDateTime end = b.m().grain().plus(bs, 1);
    if (!end.isAfter(a.m().start())) return null;
    int s = a.start();
    Matcher f = FROM.matcher(ctx.s().substring(Math.max(0, s - 12), s));
    if (f.find()) s = Math.max(0, s - 12) + f.start();
    return new Piece(s, b.end(), times ? Kind.RANGE : Kind.DATE, new Moment(a.m().start(), g, end), null, a.relative() || b.relative(), null, null, null);
  }
}
