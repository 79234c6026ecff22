package org.lente.nlp.time;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Objects;

/** A resolved time: an instant at a grain, or an interval [start, end) when {@code end} is non-null. */
record Moment(LocalDateTime start, Grain grain, LocalDateTime end) {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  Moment {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(grain, "grain");
    if (end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException("bad interval: start=" + start + ", end=" + end);
    }
  }

  static Moment at(LocalDateTime t, Grain g) { return new Moment(g.truncate(t), g, null); }

  /** Duckling's rendering: {@code start} or {@code start|end}, seconds precision. */
  String duckling() {
    return end == null ? ISO.format(start) : ISO.format(start) + "|" + ISO.format(end);
  }

  /** TIMEX3 value of the start at this grain, e.g. {@code 2024-06}, {@code 2024-W24}, {@code 2024-06-19T15:30}. */
  String timex() {
    LocalDateTime t = start;
    return switch (grain) {
      case YEAR -> String.format("%04d", t.getYear());
      case QUARTER -> String.format("%04d-Q%d", t.getYear(), (t.getMonthValue() - 1) / 3 + 1);
      case MONTH -> String.format("%04d-%02d", t.getYear(), t.getMonthValue());
      case WEEK -> String.format("%04d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case DAY -> t.toLocalDate().toString();
      case HOUR -> String.format("%sT%02d", t.toLocalDate(), t.getHour());
      case MINUTE -> String.format("%sT%02d:%02d", t.toLocalDate(), t.getHour(), t.getMinute());
      case SECOND -> ISO.format(t);
    };
  }
}
