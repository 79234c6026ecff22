package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class QuoteModelTrainingTest {

  @Test
  void aCandidateWithQuotesAndTabsInItsSpeakerIsOneValidJsonLine() throws IOException {
    String line = QuoteModelTraining.json("doc \"7\"", 3, 9, "the \"old\"\tminister\nof finance");

    var candidate = new ObjectMapper().readValue(line, QuoteModelTraining.Candidate.class);

    assertEquals(new QuoteModelTraining.Candidate("doc \"7\"", 3, 9, "the \"old\"\tminister of finance"), candidate);
  }
}
