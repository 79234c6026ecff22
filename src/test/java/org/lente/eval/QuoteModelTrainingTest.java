package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.lente.nlp.quote.Quote;

class QuoteModelTrainingTest {

  @Test
  void aCandidateWithQuotesAndTabsInItsSpeakerIsOneValidJsonLine() throws IOException {
    String line = QuoteModelTraining.json("doc \"7\"", 3, 9, "the \"old\"\tminister\nof finance");

    var candidate = new ObjectMapper().readValue(line, QuoteModelTraining.Candidate.class);

    assertEquals(new QuoteModelTraining.Candidate("doc \"7\"", 3, 9, "the \"old\"\tminister of finance"), candidate);
  }

  @Test
  void aQuoteBetweenDoubledApostrophesIsScoredWithBothOfThem() {
    String text = "''We will not wait for the state,'' the mayor said on Monday.";

    assertEquals("''We will not wait for the state,''", scored(text, "We will not wait for the state,"));
  }

  @Test
  void aQuoteWithASpaceAfterItsOpeningMarkIsScoredFromTheMark() {
    String text = "She wrote: “ The bridge stays shut until May.” Then she left.";

    assertEquals("“ The bridge stays shut until May.”", scored(text, "The bridge stays shut until May."));
  }

  /** The extent the folds score for the direct quote {@code content} of {@code text}. */
  private static String scored(String text, String content) {
    int start = text.indexOf(content);
    Quote q = new Quote(content, Quote.Kind.DIRECT, null, -1, null, null, start, start + content.length());
    int[] extent = QuoteModelTraining.withMarks(text, q);
    return text.substring(extent[0], extent[1]);
  }
}
