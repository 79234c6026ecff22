package org.lente.nlp.time;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Precision of a resolved time, named as in Duckling's output. */
enum Grain {
  SECOND("Second"), MINUTE("Minute"), HOUR("Hour"), DAY("Day"), WEEK("Week"), MONTH("Month"), QUARTER("Quarter"), YEAR("Year");

  final String duckling;

  Grain(String duckling) { this.duckling = duckling; }

  /** The start of the grain-sized period that contains {@code t}. */
  LocalDateTime truncate(LocalDateTime t) {
    return switch (this) {
      case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case QUARTER -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
    };
  }

  /** {@code t} moved by {@code n} grains (negative goes back). */
  LocalDateTime plus(LocalDateTime t, long n) {
    return switch (this) {
      case SECOND -> t.plusSeconds(n);
      case MINUTE -> t.plusMinutes(n);
      case HOUR -> t.plusHours(n);
      case DAY -> t.plusDays(n);
      case WEEK -> t.plusWeeks(n);
      case MONTH -> t.plusMonths(n);
      case QUARTER -> t.plusMonths(3 * n);
      case YEAR -> t.plusYears(n);
    };
  }

  /** The next finer grain, used by Duckling for "in N units" offsets. */
  Grain finer() {
    return switch (this) {
      case SECOND, MINUTE -> SECOND;
      case HOUR -> MINUTE;
      case DAY -> HOUR;
      case WEEK, MONTH, QUARTER -> DAY;
      case YEAR -> MONTH;
    };
  }
}
