package org.lente.nlp.quote;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.lente.fuzz.FuzzBounds;
import org.lente.nlp.Sentence;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.time.Lang;

/**
 * Fuzzes {@link QuoteFinder} with any text (the input's bytes as UTF-8) in both languages. The
 * entities are every run of capitalised words, as a person: the finder's speaker paths run without
 * loading a NER model per input. Seeds: {@code QuoteFinderFuzzTestInputs/}.
 */
class QuoteFinderFuzzTest {

  private static final QuoteFinder FINDER = new QuoteFinder();

  static {
    // classes load (and, when fuzzing, get instrumented) once per JVM, not in an input's budget
    String text = "“Siamo pronti”, ha detto Paolo Verdi. He said that it was over.";
    List<Token> tokens = Tokenizer.tokenize(text, Lang.IT);
    FINDER.find(text, tokens, Sentences.split(text, tokens), capitalisedRuns(text, tokens));
  }

  /** The text is indexed a few times over (tokens, sentences, spans): some kilobytes per character. */
  private static final long BYTES_PER_INPUT_BYTE = 10_000;

  @FuzzTest(maxDuration = "30s")
  void quotesAndSpeakersAreSpansOfTheText(byte[] input) {
    String text = new String(input, UTF_8);
    for (Lang lang : Lang.values()) {
      List<Token> tokens = Tokenizer.tokenize(text, lang);
      List<Sentence> sentences = Sentences.split(text, tokens);
      List<Entity> people = capitalisedRuns(text, tokens);
      List<Quote> quotes = FuzzBounds.run(input, BYTES_PER_INPUT_BYTE,
          () -> FINDER.find(text, tokens, sentences, people));
      FuzzBounds.atMost(text.length(), quotes.size(), "the number of quotes", input);
      for (Quote q : quotes) {
        assertTrue(q.end() <= text.length(), () -> "quote " + q + " ends after the text");
        assertEquals(text.substring(q.start(), q.end()), q.text());
        if (q.speaker() != null) {
          assertTrue(q.speakerEnd() <= text.length(), () -> "speaker of " + q + " ends after the text");
          assertEquals(text.substring(q.speakerStart(), q.speakerEnd()), q.speaker());
        }
      }
    }
  }

  /** Every maximal run of capitalised word tokens, as a person named by it. */
  private static List<Entity> capitalisedRuns(String text, List<Token> tokens) {
    List<Entity> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      if (!tokens.get(i).capitalized()) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size() && tokens.get(j).capitalized()) {
        j++;
      }
      int start = tokens.get(i).start();
      int end = tokens.get(j - 1).end();
      String name = text.substring(start, end);
      out.add(new Entity(name, Entity.Type.PER, start, end, name, null));
      i = j;
    }
    return out;
  }
}
