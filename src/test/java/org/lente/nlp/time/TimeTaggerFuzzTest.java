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
   * Every rule scans the text once; matches and values cost some kilobytes per character, and under Jazzer's hooks,
   * which record each regular expression's run, some tens of kilobytes per character and rule. At 20,000 a seed of
   * 188 bytes, at about 138 MB under the hooks, was within 0.1 MB of its budget (session 19) and went over it in some
   * runs as rules were added: the bound is for blow-ups (a buffer sized by a length field, a copy per character), which
   * are orders of magnitude above either figure, not for the tagger's ordinary growth with its rules.
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
