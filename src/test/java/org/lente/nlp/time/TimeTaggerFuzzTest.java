package org.lente.nlp.time;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.lente.fuzz.FuzzBounds;

/**
 * Fuzzes {@link TimeTagger#find} with any text (the input's bytes as UTF-8) in both languages,
 * with a publication date and without one. One tagger serves every input, as in the analyzer.
 * Seeds: {@code TimeTaggerFuzzTestInputs/}.
 */
class TimeTaggerFuzzTest {

  private static final TimeTagger TAGGER = new TimeTagger();
  private static final LocalDate ANCHOR = LocalDate.of(2024, 2, 29);

  static {
    // the rules' lazily built parts load once per JVM, not in an input's time
    for (Lang lang : Lang.values()) {
      TAGGER.find("Lunedì 3 giugno 2024 alle 15:30, next Friday at noon.", lang, ANCHOR);
    }
  }

  /**
   * Every rule scans the text once; matches and values cost some kilobytes per character (the seeds: at most 7.3 KB a
   * byte, 1.4 MB for 190 bytes, 2026-12-07). Up to session 25 the seeds were replayed under Jazzer's
   * {@code RegexRoadblocks} hooks, which the fuzzer runs without ({@link FuzzBounds#ALLOWANCE}): they cost some hundreds
   * of kilobytes per byte and grew with every rule added, and a seed of 187 bytes went over this budget at 20,000 and
   * then at 100,000 (153.0 MB against 152.9). Without them the budget is two orders of magnitude above the tagger's
   * cost, and a blow-up (a buffer sized by a length field, a copy per character) is still orders above that.
   */
  private static final long BYTES_PER_INPUT_BYTE = 100_000;

  @FuzzTest(maxDuration = "30s")
  void expressionsAreSpansOfTheTextInOrder(byte[] input) {
    String text = new String(input, UTF_8);
    for (Lang lang : Lang.values()) {
      for (LocalDate anchor : Arrays.asList(ANCHOR, null)) {
        List<Timex> found = FuzzBounds.run(input, BYTES_PER_INPUT_BYTE, () -> TAGGER.find(text, lang, anchor));
        FuzzBounds.atMost(text.length(), found.size(), "the number of expressions", input);
        int previousEnd = 0;
        for (Timex t : found) {
          assertTrue(t.start() >= previousEnd && t.end() <= text.length(), () -> "expression " + t + " out of place");
          assertEquals(text.substring(t.start(), t.end()), t.text());
          previousEnd = t.end();
        }
      }
    }
  }
}
