package org.lente.nlp.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The Hindu lunisolar calendar, computed from the Sun's and the Moon's positions, as the panchangas of northern India
 * reckon it for New Delhi. What it knows:
 *
 * <ul>
 *   <li>the Sun's apparent longitude (Meeus, Astronomical Algorithms, chapter 25, the low-accuracy method: 0.01°) and
 *       the Moon's (chapter 47, the periodic terms down to 0.0005°: about 0.003°, six seconds of a tithi);</li>
 *   <li>sidereal longitudes by Lahiri's ayanamsa (the Indian Calendar Reform Committee's, 23°15'00.658" on 21 March
 *       1956, moving with the general precession);</li>
 *   <li>the tithi, a thirtieth of the synodic month: the Moon's elongation from the Sun in steps of 12°, 1-15 in the
 *       bright half (shukla paksha), 16-30 in the dark half (krishna paksha, 30 the new moon day, amavasya);</li>
 *   <li>amanta months, from new moon to new moon, named by the sidereal sign the Sun enters during the month (Chaitra
 *       holds its entry into Mesha); a month in which the Sun enters no sign is adhika (intercalary) and takes the name
 *       of the month after it, which is the regular (nija) one;</li>
 *   <li>the civil day of a tithi: the first day on which the tithi is in force at the time of day its rite is kept
 *       ({@link Kala}); if it is in force at that time on no day (a tithi shorter than a day), the day it begins;</li>
 *   <li>sankrantis (the Sun entering a sidereal sign) and the day a regional solar month starts from one, and the
 *       nakshatra (the Moon's sidereal 27th of the zodiac) at sunrise.</li>
 * </ul>
 *
 * <p>Terrestrial time is taken as UTC (ΔT, about 70 s in these decades, moves a tithi's end by half a minute), so a day
 * can be off when a tithi ends within a minute or two of the time of day that decides it. Stateless and thread-safe.
 */
final class HinduCalendar {
  private HinduCalendar() {}

  /** India's time. */
  static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
  /** New Delhi, the place the days are reckoned for. */
  private static final double LATITUDE = 28.6139, LONGITUDE = 77.2090;
  /** Julian day of 1970-01-01T00:00 UTC. */
  private static final double JD_UNIX = 2440587.5;
  private static final double J2000 = 2451545.0;
  /** Mean motion of the elongation and of the Sun, degrees a day: the slopes the searches step with. */
  private static final double ELONGATION_RATE = 12.190749, SUN_RATE = 0.985647;

  /** Amanta lunar months, in order from Chaitra (the one holding the Sun's entry into Mesha). */
  enum Month { CHAITRA, VAISHAKHA, JYESHTHA, ASHADHA, SHRAVANA, BHADRAPADA, ASHVIN, KARTIKA, MARGASHIRSHA, PAUSHA, MAGHA, PHALGUNA }

  /** Sidereal signs, from Mesha (0° of Lahiri's zodiac). */
  static final int MESHA = 0, SIMHA = 4, MAKARA = 9;

  /** The time of day at which a rite is kept, and so the time at which its tithi must be in force. */
  enum Kala {
    /** Sunrise (udaya): the tithi of the civil day. */
    SUNRISE,
    /** Midday (madhyahna), the middle of the daylight. */
    MIDDAY,
    /** Afternoon (aparahna), seven tenths into the daylight. */
    AFTERNOON,
    /** Sunset (pradosha, which starts at sunset). */
    SUNSET,
    /** Evening, a fifth of the night after sunset (about when the Moon rises four days after the full moon). */
    EVENING,
    /** Midnight (nishita), the middle of the night. */
    NIGHT;

    /** The instant of this time of day on civil day {@code d} in India (the night is the one after the day). */
    Instant on(LocalDate d) {
      return switch (this) {
        case SUNRISE -> sunrise(d);
        case MIDDAY -> between(sunrise(d), sunset(d), 0.5);
        case AFTERNOON -> between(sunrise(d), sunset(d), 0.7);
        case SUNSET -> sunset(d);
        case EVENING -> between(sunset(d), sunrise(d.plusDays(1)), 0.2);
        case NIGHT -> between(sunset(d), sunrise(d.plusDays(1)), 0.5);
      };
    }
  }

  /**
   * The time a regional solar calendar starts its month from a sankranti: the month's first day is the first civil day
   * whose reference time comes at or after the sankranti.
   */
  enum SolarRule {
    /** The day of the sankranti (Punjab, Odisha). */
    SAME_DAY,
    /** The day of the sankranti if it comes before the end of the afternoon, else the next (Kerala). */
    BEFORE_AFTERNOON_ENDS,
    /** The day of the sankranti if it comes before sunset, else the next (Tamil Nadu). */
    BEFORE_SUNSET,
    /** The day after the sankranti (Bengal, for a sankranti between sunrise and midnight; after midnight, still the next civil day). */
    NEXT_DAY;

    /** The first day of the month whose sankranti is at {@code s}. */
    LocalDate firstDay(Instant s) {
      LocalDate d = s.atOffset(IST).toLocalDate();
      Instant limit = switch (this) {
        case SAME_DAY -> d.plusDays(1).atStartOfDay().toInstant(IST);
        case BEFORE_AFTERNOON_ENDS -> between(sunrise(d), sunset(d), 0.8);
        case BEFORE_SUNSET -> sunset(d);
        case NEXT_DAY -> d.atStartOfDay().toInstant(IST);
      };
      return s.isBefore(limit) ? d : d.plusDays(1);
    }
  }

  private static Instant between(Instant a, Instant b, double f) {
    return a.plusMillis(Math.round(Duration.between(a, b).toMillis() * f));
  }

  // --- astronomy

  static double julianDay(Instant t) {
    return t.toEpochMilli() / 86_400_000d + JD_UNIX;
  }

  private static Instant instant(double jd) {
    return Instant.ofEpochMilli(Math.round((jd - JD_UNIX) * 86_400_000d));
  }

  private static double norm(double deg) {
    double d = deg % 360;
    return d < 0 ? d + 360 : d;
  }

  /** {@code deg} brought into (-180, 180]. */
  private static double signed(double deg) {
    double d = norm(deg);
    return d > 180 ? d - 360 : d;
  }

  private static double sin(double deg) {
    return Math.sin(Math.toRadians(deg));
  }

  /** The longitude of the Moon's ascending node, degrees (Meeus 22). */
  private static double node(double t) {
    return 125.04452 - 1934.136261 * t;
  }

  /** The Sun's apparent geocentric longitude, degrees in [0, 360), at Julian day {@code jd} (Meeus 25, low accuracy). */
  static double sunLongitude(double jd) {
    double t = (jd - J2000) / 36525;
    double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
    double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m)
        + 0.000289 * sin(3 * m);
    return norm(l0 + c - 0.00569 - 0.00478 * sin(node(t)));
  }

  /**
   * Periodic terms of the Moon's longitude (Meeus, table 47.A, those of 0.0005° and more): multiples of D, M, M', F and
   * the coefficient in millionths of a degree.
   */
  private static final int[][] MOON = {
      {0, 0, 1, 0, 6288774}, {2, 0, -1, 0, 1274027}, {2, 0, 0, 0, 658314}, {0, 0, 2, 0, 213618},
      {0, 1, 0, 0, -185116}, {0, 0, 0, 2, -114332}, {2, 0, -2, 0, 58793}, {2, -1, -1, 0, 57066},
      {2, 0, 1, 0, 53322}, {2, -1, 0, 0, 45758}, {0, 1, -1, 0, -40923}, {1, 0, 0, 0, -34720},
      {0, 1, 1, 0, -30383}, {2, 0, 0, -2, 15327}, {0, 0, 1, 2, -12528}, {0, 0, 1, -2, 10980},
      {4, 0, -1, 0, 10675}, {0, 0, 3, 0, 10034}, {4, 0, -2, 0, 8548}, {2, 1, -1, 0, -7888},
      {2, 1, 0, 0, -6766}, {1, 0, -1, 0, -5163}, {1, 1, 0, 0, 4987}, {2, -1, 1, 0, 4036},
      {2, 0, 2, 0, 3994}, {4, 0, 0, 0, 3861}, {2, 0, -3, 0, 3665}, {0, 1, -2, 0, -2689},
      {2, 0, -1, 2, -2602}, {2, -1, -2, 0, 2390}, {1, 0, 1, 0, -2348}, {2, -2, 0, 0, 2236},
      {0, 1, 2, 0, -2120}, {0, 2, 0, 0, -2069}, {2, -2, -1, 0, 2048}, {2, 0, 1, -2, -1773},
      {2, 0, 0, 2, -1595}, {4, -1, -1, 0, 1215}, {0, 0, 2, 2, -1110}, {3, 0, -1, 0, -892},
      {2, 1, 1, 0, -810}, {4, -1, -2, 0, 759}, {0, 2, -1, 0, -713}, {2, 2, -1, 0, -700},
      {2, 1, -2, 0, 691}, {2, -1, 0, -2, 596}, {4, 0, 1, 0, 549}, {0, 0, 4, 0, 537}, {4, -1, 0, 0, 520},
      {1, 0, -2, 0, -487}};

  /** The Moon's apparent geocentric longitude, degrees in [0, 360), at Julian day {@code jd} (Meeus 47). */
  static double moonLongitude(double jd) {
    double t = (jd - J2000) / 36525, t2 = t * t, t3 = t2 * t, t4 = t3 * t;
    double lp = 218.3164477 + 481267.88123421 * t - 0.0015786 * t2 + t3 / 538841 - t4 / 65194000;
    double d = 297.8501921 + 445267.1114034 * t - 0.0018819 * t2 + t3 / 545868 - t4 / 113065000;
    double m = 357.5291092 + 35999.0502909 * t - 0.0001536 * t2 + t3 / 24490000;
    double mp = 134.9633964 + 477198.8675055 * t + 0.0087414 * t2 + t3 / 69699 - t4 / 14712000;
    double f = 93.2720950 + 483202.0175233 * t - 0.0036539 * t2 - t3 / 3526000 + t4 / 863310000;
    double e = 1 - 0.002516 * t - 0.0000074 * t2;
    double sum = 0;
    for (int[] k : MOON) {
      double term = k[4] * sin(k[0] * d + k[1] * m + k[2] * mp + k[3] * f);
      sum += Math.abs(k[1]) == 1 ? term * e : Math.abs(k[1]) == 2 ? term * e * e : term;
    }
    double a1 = 119.75 + 131.849 * t, a2 = 53.09 + 479264.290 * t;
    sum += 3958 * sin(a1) + 1962 * sin(lp - f) + 318 * sin(a2);
    return norm(lp + sum / 1_000_000 - 0.00478 * sin(node(t)));
  }

  /**
   * Lahiri's (true) ayanamsa, degrees: the mean value 23.245524743° at 21 March 1956 (JD 2435553.5; the Indian Calendar
   * Reform Committee's 23°15'00.658" with the nutation of that day taken out, as the Swiss Ephemeris defines it), moved
   * by the general precession in longitude (IAU 1976), plus the nutation in longitude, so that it is subtracted from
   * apparent longitudes.
   */
  static double ayanamsa(double jd) {
    double t = (jd - J2000) / 36525, t0 = (2435553.5 - J2000) / 36525;
    return 23.245524743 + (5029.0966 * (t - t0) + 1.11113 * (t * t - t0 * t0)) / 3600 - 0.00478 * sin(node(t));
  }

  /** The Sun's sidereal (Lahiri) longitude, degrees in [0, 360). */
  static double siderealSun(double jd) {
    return norm(sunLongitude(jd) - ayanamsa(jd));
  }

  /** The Moon's elongation from the Sun, degrees in [0, 360): 0 at new moon, 180 at full moon. */
  static double elongation(Instant t) {
    double jd = julianDay(t);
    return norm(moonLongitude(jd) - sunLongitude(jd));
  }

  /** The tithi in force at {@code t}: 1-15 in the bright half, 16-30 in the dark half (30 ending at new moon). */
  static int tithi(Instant t) {
    return (int) (elongation(t) / 12) + 1;
  }

  /** The nakshatra the Moon is in at {@code t}: 1 (Ashvini) to 27 (Revati), each 13°20' of Lahiri's zodiac. */
  static int nakshatra(Instant t) {
    double jd = julianDay(t);
    return (int) (norm(moonLongitude(jd) - ayanamsa(jd)) / (360d / 27)) + 1;
  }

  /** The instant nearest {@code guess} (within a fortnight) at which the elongation is {@code deg}. */
  static Instant elongationReaches(double deg, Instant guess) {
    return instant(reach(jd -> moonLongitude(jd) - sunLongitude(jd), deg, ELONGATION_RATE, julianDay(guess)));
  }

  /** The instant nearest {@code guess} (within half a year) at which the Sun enters sidereal sign {@code sign} (0-11). */
  static Instant sankranti(int sign, Instant guess) {
    return instant(reach(HinduCalendar::siderealSun, 30 * sign, SUN_RATE, julianDay(guess)));
  }

  /**
   * The Julian day near {@code jd} at which {@code longitude} (degrees, any turn) is {@code deg}: Newton's steps with the
   * mean {@code rate} (degrees a day) as the slope, until a step is under a tenth of a second.
   */
  private static double reach(DoubleUnaryOperator longitude, double deg, double rate, double jd) {
    for (int i = 0; i < 30; i++) {
      double step = signed(deg - longitude.applyAsDouble(jd)) / rate;
      jd += step;
      if (Math.abs(step) < 1e-6) {
        break;
      }
    }
    return jd;
  }

  /** The sankranti of {@code sign} that falls in Gregorian year {@code year} (in India's time). */
  static Instant sankranti(int sign, int year) {
    // Mesha sankranti falls near 14 April in these centuries; each sign is about a twelfth of a year later
    LocalDate guess = LocalDate.of(year, 4, 14).plusDays(Math.round(sign * 365.2422 / 12));
    if (guess.getYear() > year) {
      guess = guess.minusYears(1);
    }
    Instant s = sankranti(sign, guess.atStartOfDay().toInstant(IST));
    int y = s.atOffset(IST).getYear();
    return y == year ? s : sankranti(sign, s.atOffset(IST).plusYears(year - y).toInstant());
  }

  /**
   * Sunrise (upper limb, standard refraction: the Sun's centre 0.833° below the horizon) on civil day {@code d} at New
   * Delhi: the hour angle from the Sun's declination and the equation of time, computed at the event and refined once.
   */
  static Instant sunrise(LocalDate d) {
    return sunEvent(d, -1);
  }

  /** Sunset on civil day {@code d} at New Delhi, as {@link #sunrise}. */
  static Instant sunset(LocalDate d) {
    return sunEvent(d, 1);
  }

  private static Instant sunEvent(LocalDate d, int sign) {
    double jd0 = d.toEpochDay() + JD_UNIX; // 00:00 UTC of the day
    double jd = jd0 + 0.5 - LONGITUDE / 360 + sign * 0.25;
    for (int i = 0; i < 3; i++) {
      double t = (jd - J2000) / 36525;
      double lambda = sunLongitude(jd);
      double eps = 23.439291 - 0.0130042 * t;
      double decl = Math.toDegrees(Math.asin(sin(eps) * sin(lambda)));
      double ra = norm(Math.toDegrees(Math.atan2(Math.cos(Math.toRadians(eps)) * sin(lambda), Math.cos(Math.toRadians(lambda)))));
      double l0 = 280.46646 + 36000.76983 * t;
      double eqTime = signed(l0 - 0.0057183 - ra); // degrees: the apparent Sun's lead on the mean Sun
      double cosH = (sin(-0.833) - sin(LATITUDE) * sin(decl)) / (Math.cos(Math.toRadians(LATITUDE)) * Math.cos(Math.toRadians(decl)));
      double h = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosH))));
      jd = jd0 + (180 - LONGITUDE - eqTime + sign * h) / 360;
    }
    return instant(jd);
  }

  // --- the calendar

  /** Lunation {@code k}: the new moon that starts it is {@link Holidays.Lunar#newMoon}(k) (0 is 6 January 2000's). */
  private static Instant lunationStart(long k) {
    Instant guess = Holidays.Lunar.newMoon(k);
    return elongationReaches(0, guess);
  }

  private static int sign(Instant t) {
    return (int) (siderealSun(julianDay(t)) / 30);
  }

  /**
   * An amanta month: its name, whether it is intercalary, and the new moons that start and end it.
   */
  record LunarMonth(Month name, boolean adhika, Instant start, Instant end) {
    LunarMonth {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("bad lunar month: start=" + start + ", end=" + end);
      }
    }

    /** The month of lunation {@code k}. */
    static LunarMonth of(long k) {
      Instant a = lunationStart(k), b = lunationStart(k + 1);
      int s = sign(a), next = sign(b);
      return new LunarMonth(Month.values()[(s + 1) % 12], s == next, a, b);
    }

    /** The instant tithi {@code tithi} (1-30) of this month begins. */
    Instant tithiStart(int tithi) {
      if (tithi < 1 || tithi > 30) {
        throw new IllegalArgumentException("bad tithi: " + tithi);
      }
      if (tithi == 1) {
        return start;
      }
      Instant guess = start.plusSeconds(Math.round((tithi - 1) * 12 / ELONGATION_RATE * 86400));
      return elongationReaches(12 * (tithi - 1), guess);
    }

    /** The instant tithi {@code tithi} (1-30) of this month ends. */
    Instant tithiEnd(int tithi) {
      return tithi == 30 ? end : tithiStart(tithi + 1);
    }

    /** The civil day of tithi {@code tithi} of this month for a rite kept at {@code kala}. */
    LocalDate day(int tithi, Kala kala) {
      Instant a = tithiStart(tithi), b = tithiEnd(tithi);
      LocalDate d = a.atOffset(IST).toLocalDate().minusDays(1);
      for (int i = 0; i < 3; i++, d = d.plusDays(1)) {
        Instant at = kala.on(d);
        if (!at.isBefore(a) && at.isBefore(b)) {
          return d;
        }
      }
      // in force at that time of day on no day: the day it begins
      return a.atOffset(IST).toLocalDate();
    }
  }

  /**
   * The civil day, in Gregorian year {@code year}, of tithi {@code tithi} of the regular (not intercalary) month
   * {@code month} for a rite kept at {@code kala}; the first one if the year holds two (a month near January), null if
   * it holds none.
   */
  static LocalDate day(Month month, int tithi, Kala kala, int year) {
    long k = (long) Math.floor((year - 2000) * 12.3685) - 1;
    for (long i = k; i <= k + 15; i++) {
      LunarMonth m = LunarMonth.of(i);
      if (m.name() == month && !m.adhika()) {
        LocalDate d = m.day(tithi, kala);
        if (d.getYear() == year) {
          return d;
        }
        if (d.getYear() > year) {
          return null;
        }
      }
    }
    return null;
  }

  /** The first day of the solar month of sidereal sign {@code sign} that starts in Gregorian year {@code year}, by {@code rule}. */
  static LocalDate solarMonthStart(int sign, SolarRule rule, int year) {
    LocalDate d = rule.firstDay(sankranti(sign, year));
    return d.getYear() == year ? d : null;
  }

  /**
   * The first day of the solar month of {@code sign} (starting in {@code year}, by {@code rule}) on whose sunrise the Moon
   * is in nakshatra {@code nakshatra} (1-27); if the Moon passes the nakshatra between two sunrises, the day it enters
   * it; null if the month holds neither.
   */
  static LocalDate nakshatraDay(int nakshatra, int sign, SolarRule rule, int year) {
    LocalDate first = solarMonthStart(sign, rule, year);
    if (first == null) {
      return null;
    }
    LocalDate end = rule.firstDay(sankranti((sign + 1) % 12, sunrise(first).plus(Duration.ofDays(30))));
    int after = nakshatra % 27 + 1;
    int n = nakshatra(sunrise(first));
    for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
      int next = nakshatra(sunrise(d.plusDays(1)));
      if (n == nakshatra || next == after && n != after) {
        return d;
      }
      n = next;
    }
    return null;
  }
}
