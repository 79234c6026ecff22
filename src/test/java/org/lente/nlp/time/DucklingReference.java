package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Arrays;

/** Phrases read in Duckling's convention at its reference, Tuesday 12 February 2013, 04:30, for the rule-by-rule tests. */
final class DucklingReference {
  private DucklingReference() {}

  static final LocalDateTime REF = LocalDateTime.of(2013, 2, 12, 4, 30);
  private static final TimeTagger TAGGER = new TimeTagger();

  /**
   * Asserts that {@code phrase} in {@code lang} has {@code value} ({@code start} or {@code start|end}; a date without a
   * time is midnight) and {@code grain}.
   */
  static void reads(Lang lang, String phrase, String value, String grain) {
    String want = String.join("|", Arrays.stream(value.split("\\|")).map(v -> v.contains("T") ? v : v + "T00:00:00").toList());
    assertEquals(want + " " + grain, TAGGER.duckling(phrase, lang, REF).map(v -> v.value() + " " + v.grain()).orElse("-"), phrase);
  }
}
