package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.lente.nlp.time.Lang;

class CorrectionsTest {

  private static String[] correct(Lang lang, String words, String labels) {
    String[] w = words.split(" ");
    String[] l = labels.split(" ");
    Corrections.apply(lang, w, l);
    return l;
  }

  @Test
  void wordsAreComparedLowerCasedWithTheStraightApostrophe() {
    assertArrayEquals(new String[] {"dell'", "italia", "l'onu"},
        Corrections.lowerCase(java.util.List.of("Dell\u2019", "ITALIA", "L'Onu")));
  }

  @Test
  void aRuleSwitchedOffLeavesTheModelsLabels() {
    String[] labels = "O LOC LOC".split(" ");
    Corrections.apply(Lang.IT, "sostegno alla Russia".split(" "), labels, EnumSet.of(Correction.SPORTS_CLUBS));
    assertArrayEquals("O LOC LOC".split(" "), labels);
  }

  @Test
  void prepositionsAreNotPartOfNames() {
    assertArrayEquals("O O LOC".split(" "), correct(Lang.IT, "sostegno alla Russia", "O LOC LOC"));
  }

  @Test
  void aSentenceInitialPrepositionIsNotAPerson() {
    assertArrayEquals("O O O".split(" "), correct(Lang.IT, "Nella seconda parte", "PER O O"));
  }

  @Test
  void aPrepositionOpeningASecondSentenceOnTheLineIsNotPartOfTheName() {
    assertArrayEquals("O O O O O ORG O O".split(" "),
        correct(Lang.IT, "la legge passa . Al Senato il voto", "O O O O ORG ORG O O"));
  }

  @Test
  void aCapitalisedPrepositionInsideASentenceStaysInTheName() {
    assertArrayEquals("O O ORG ORG ORG".split(" "),
        correct(Lang.IT, "lavora per Al Jazeera English", "O O ORG ORG ORG"));
  }

  @Test
  void capitalisedParticlesInsideSurnamesStay() {
    assertArrayEquals("O PER PER".split(" "), correct(Lang.IT, "che Dell' Utri", "O PER PER"));
  }

  @Test
  void anAdjectiveDoesNotOpenAName() {
    assertArrayEquals("O O ORG".split(" "), correct(Lang.IT, "statale nordcoreana KCNA", "O ORG ORG"));
  }

  @Test
  void aNounThatHeadsAPlaceNameStays() {
    assertArrayEquals("O LOC LOC".split(" "), correct(Lang.IT, "in via Roma", "O LOC LOC"));
  }

  @Test
  void aTownBeforeAScoreIsTheClub() {
    assertArrayEquals("O ORG O O O".split(" "), correct(Lang.IT, "vince Blackpool ( 2-0 )", "O LOC O O O"));
  }

  @Test
  void aTownAfterAMasculineArticleInASportsSentenceIsTheClub() {
    assertArrayEquals("O ORG O O O".split(" "), correct(Lang.IT, "il Reading vince la partita", "O LOC O O O"));
  }

  @Test
  void aTownAfterALocativePrepositionStaysAPlace() {
    assertArrayEquals("O O LOC O O".split(" "), correct(Lang.IT, "perde a Siena ( 2-0", "O O LOC O O"));
  }

  @Test
  void aStateSetOffByCommasAfterAPlaceIsAPlace() {
    assertArrayEquals("O O O O LOC O LOC O O O O".split(" "), correct(Lang.EN,
        "The senator flew to Washington , DC , on Monday .", "O O O O LOC O ORG O O O O"));
  }

  @Test
  void aQualifierThatEndsTheSentenceIsAPlace() {
    assertArrayEquals("O O O LOC O LOC O".split(" "), correct(Lang.EN, "She moved to Paris , Texas .", "O O O LOC O ORG O"));
  }

  @Test
  void aNameInAListAfterAPlaceKeepsItsType() {
    assertArrayEquals("O O LOC O ORG O ORG O".split(" "), correct(Lang.EN, "offices in Milan , Fiat , Eni .",
        "O O LOC O ORG O ORG O"));
  }

  @Test
  void aNameThatActsAfterThePlaceKeepsItsType() {
    assertArrayEquals("O LOC O ORG O O".split(" "), correct(Lang.IT, "a Torino , Fiat annuncia tagli",
        "O LOC O ORG O O"));
  }

  @Test
  void aPersonAfterAPlaceAndACommaStaysAPerson() {
    assertArrayEquals("O O O LOC O PER PER O O O".split(" "), correct(Lang.IT,
        "il sindaco di Lecco , Anna Neri , ha detto", "O O O LOC O PER PER O O O"));
  }

  @Test
  void aSurnameParticleOpensAPersonsName() {
    assertArrayEquals("O O PER PER O".split(" "), correct(Lang.IT, "para il de Vries tiro", "O O O ORG O"));
  }

  @Test
  void aParticleInsideAnotherNameIsLeftAlone() {
    assertArrayEquals("O ORG O LOC".split(" "), correct(Lang.IT, "il Banco de Lugo", "O ORG O LOC"));
  }

  @Test
  void aParticleBeforeAnOutletsArticleIsLeftAlone() {
    assertArrayEquals("O O ORG ORG ORG".split(" "), correct(Lang.IT, "articolo de Il Sole Nero", "O O ORG ORG ORG"));
  }
}
