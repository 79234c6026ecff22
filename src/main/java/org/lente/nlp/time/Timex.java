package org.lente.nlp.time;

import java.util.Objects;

/**
 * A time expression found in a text: its surface {@code text}, found at {@code [start, end)} (char offsets,
 * end exclusive), with a TIMEX3 {@code value}. Relative expressions found without an anchor carry an
 * anchor-relative value: {@code ANCHOR}, {@code ANCHOR-P1D}, {@code ANCHOR+P2D} for day offsets, otherwise
 * TIMEX3 {@code PAST_REF}, {@code PRESENT_REF} or {@code FUTURE_REF}. A written day the calendar lacks ("il 31
 * novembre 2017", "30/02") keeps its year and month and marks the day unknown: {@code 2017-11-XX}.
 *
 * <p>Also its JSON shape (components in order, the type by name), written as is by Jackson for
 * {@code lente analyze --json} and the API's article.
 */
public record Timex(String text, Type type, String value, int start, int end) {
  /** TIMEX3 types. */
  public enum Type { DATE, TIME, DURATION, SET }

  public Timex {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (start < 0 || end < start || end - start != text.length()) {
      throw new IllegalArgumentException("bad span: start=" + start + ", end=" + end + ", text=" + text);
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException("blank value for " + text);
    }
  }
}
