package org.lente.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.nlp.time.Lang;

class SentencesTest {

  private static List<String> sentences(String text) {
    List<Token> tokens = Tokenizer.tokenize(text, Lang.EN);
    return Sentences.split(text, tokens).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void splitsAtTerminalPunctuationBeforeACapital() {
    assertEquals(List.of("Il sindaco è arrivato.", "Poi ha parlato!"), sentences("Il sindaco è arrivato. Poi ha parlato!"));
  }

  @Test
  void titlesAndInitialsDoNotEndASentence() {
    assertEquals(List.of("Mr. Smith met J. Doe on Monday."), sentences("Mr. Smith met J. Doe on Monday."));
  }

  @Test
  void aClosingQuoteStaysWithItsSentence() {
    assertEquals(List.of("“È finita.”", "Poi è andato via."), sentences("“È finita.” Poi è andato via."));
  }

  @Test
  void aLowerCaseContinuationIsTheSameSentence() {
    assertEquals(List.of("“Basta!” ha detto il ministro."), sentences("“Basta!” ha detto il ministro."));
  }

  @Test
  void aLineBreakEndsASentence() {
    assertEquals(List.of("Titolo senza punto", "Il testo."), sentences("Titolo senza punto\n\nIl testo."));
  }
}
