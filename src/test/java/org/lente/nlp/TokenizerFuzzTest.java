package org.lente.nlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.lente.fuzz.FuzzBounds;
import org.lente.nlp.time.Lang;

/**
 * Fuzzes {@link Tokenizer} and {@link Sentences} with any text (the input's bytes as UTF-8, so
 * lone surrogates and U+FFFD appear too), in both languages. Seeds: {@code TokenizerFuzzTestInputs/}.
 */
class TokenizerFuzzTest {

  /** Tokens and sentences are small objects: a few hundred bytes per character at worst. */
  private static final long BYTES_PER_INPUT_BYTE = 1_000;

  static {
    // classes load (and, when fuzzing, get instrumented) once per JVM, not in an input's budget
    String text = "Il sig. Rossi ha detto: «Sì». Mr. Smith didn't.";
    Sentences.split(text, Tokenizer.tokenize(text, Lang.EN));
  }

  @FuzzTest(maxDuration = "30s")
  void tokensAndSentencesTileTheTextInOrder(byte[] input) {
    String text = new String(input, UTF_8);
    for (Lang lang : Lang.values()) {
      List<Token> tokens = FuzzBounds.run(input, BYTES_PER_INPUT_BYTE,
          () -> Tokenizer.tokenize(text, lang));
      FuzzBounds.atMost(text.length(), tokens.size(), "the number of tokens", input);
      int previousEnd = 0;
      for (Token t : tokens) {
        assertTrue(t.start() >= previousEnd && t.end() <= text.length(), () -> "token " + t + " out of place");
        assertEquals(text.substring(t.start(), t.end()), t.text());
        previousEnd = t.end();
      }
      List<Sentence> sentences = FuzzBounds.run(input, BYTES_PER_INPUT_BYTE,
          () -> Sentences.split(text, tokens));
      int nextToken = 0;
      for (Sentence s : sentences) {
        assertEquals(nextToken, s.first(), () -> "sentence " + s + " does not start where the last ended");
        assertEquals(tokens.get(s.first()).start(), s.start());
        assertEquals(tokens.get(s.last() - 1).end(), s.end());
        nextToken = s.last();
      }
      assertEquals(tokens.size(), nextToken, "every token is in a sentence");
    }
  }
}
