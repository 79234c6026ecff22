package org.lente.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.nlp.time.Lang;

class TokenizerTest {

  private static List<String> words(String text, Lang lang) {
    return Tokenizer.tokenize(text, lang).stream().map(Token::text).toList();
  }

  @Test
  void italianElisionEndsAtTheApostrophe() {
    assertEquals(List.of("dell’", "Ucraina", "e", "l'", "incontro"), words("dell’Ucraina e l'incontro", Lang.IT));
  }

  @Test
  void englishPossessiveAndNegationAreTokensOfTheirOwn() {
    assertEquals(List.of("Clinton", "’s", "team", "did", "n't", "go"), words("Clinton’s team didn't go", Lang.EN));
  }

  @Test
  void punctuationStandsAloneButScoresAndDecimalsStayWhole() {
    assertEquals(List.of("vince", "3-0", ",", "il", "3,5", "%", "."), words("vince 3-0, il 3,5%.", Lang.IT));
  }

  @Test
  void aHyphenBeforeALowerCasePartJoinsOneWord() {
    assertEquals(List.of("Kim", "Jong-un", "e", "Ban", "Ki-moon", "al", "centro-destra"),
        words("Kim Jong-un e Ban Ki-moon al centro-destra", Lang.IT));
  }

  @Test
  void aHyphenAfterAnArabicArticleJoinsTheName() {
    assertEquals(List.of("Bashar", "al-Assad", "and", "Al-Qaeda"), words("Bashar al-Assad and Al-Qaeda", Lang.EN));
  }

  @Test
  void twoCapitalisedPartsBeforeASurnameAreOneGivenName() {
    assertEquals(List.of("Jean-Claude", "Juncker", "in", "Friuli-Venezia", "Giulia"),
        words("Jean-Claude Juncker in Friuli-Venezia Giulia", Lang.IT));
  }

  @Test
  void twoCapitalisedNamesAndAPrefixBeforeANameStayApart() {
    assertEquals(List.of("la", "guerra", "Russia", "-", "Ucraina", "e", "i", "cortei", "anti", "-", "Assad"),
        words("la guerra Russia-Ucraina e i cortei anti-Assad", Lang.IT));
  }

  @Test
  void titlesInitialsAndAcronymsKeepTheirDots() {
    assertEquals(List.of("Mr.", "Obama", "and", "Mary", "J.", "Blige", "in", "the", "U.S.", "."),
        words("Mr. Obama and Mary J. Blige in the U.S..", Lang.EN));
  }

  @Test
  void offsetsPointIntoTheText() {
    String text = "  «Sì», disse.";
    for (Token t : Tokenizer.tokenize(text, Lang.IT)) {
      assertEquals(t.text(), text.substring(t.start(), t.end()));
    }
  }

  @Test
  void aRunOfFiftyThousandLettersIsCutIntoTokensOfAtMostMaxChars() {
    String text = "Il sindaco " + "A".repeat(50_001) + " parla.";
    List<Token> tokens = Tokenizer.tokenize(text, Lang.IT);
    assertTrue(tokens.stream().allMatch(t -> t.text().length() <= Token.MAX_CHARS), "a token longer than the bound");
    assertEquals("A".repeat(50_001), text.substring(tokens.get(2).start(), tokens.get(tokens.size() - 3).end()));
  }
}
