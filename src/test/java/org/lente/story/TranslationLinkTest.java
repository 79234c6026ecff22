package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslationLinkTest {

  @Test
  void aTranslationWithoutDatesIsATranslation() {
    Signature en = Signature.of(LineageTest.undatedEnglishPort());
    Signature it = Signature.of(LineageTest.undatedItalianPort());
    assertTrue(TranslationLink.DEFAULT.test(it, en, Lineage.likeness(it, en)));
  }

  @Test
  void aFollowUpNamingTheSamePeopleIsNoTranslation() {
    Signature en = Signature.of(Fixtures.english("2024-05-01T08:00:00Z"));
    Signature followUp = Signature.of(Fixtures.followUpItalian());
    assertFalse(TranslationLink.DEFAULT.test(followUp, en, Lineage.likeness(followUp, en)));
  }

  @Test
  void aTranslationOfTheFirstThirdOfItsOriginalIsATranslation() {
    Signature en = Signature.of(tramLineEnglish());
    Signature it = Signature.of(tramLineItalianFirstThird());
    Likeness l = Lineage.likeness(it, en);
    assertTrue(TranslationLink.DEFAULT.test(it, en, l),
        "coverage " + l.coverage(it, en) + ", passage " + l.passage(it, en) + ", order " + l.order());
  }

  /** An English article of thirteen sentences, written for this test. */
  static org.lente.nlp.Analysis tramLineEnglish() {
    return Texts.analysis("city.example.com/tram", "City Desk", "en", null, "Lakeshore approves a tram line",
        "The council of Lakeshore approved a tram line of 14 kilometres worth 310 million euros, mayor Ilse Brandt "
            + "said. The line will link the station of Oststadt with the hospital of Nordhain and carry 42,000 "
            + "passengers a day. The company Ferrovia Tecnica won the contract against Railbuild and will deliver 28 "
            + "trams by 2029. The government of Velland pays 60 percent of the cost, and the European Investment Bank "
            + "lends 95 million euros. Brandt said works start on Harbour Street, which closes for 18 months. The "
            + "opposition leader Tomas Weller said the line should reach the airport, 9 kilometres further. A first "
            + "line, opened in 1998, carries 31,000 passengers a day and was extended in 2011 to Westmoor. Railbuild "
            + "said it would appeal to the court of Velland within 30 days. Weller asked for a vote on 4 routes. The "
            + "depot will be built in Kornfeld for 40 million euros. The deputy mayor Arne Solberg leads a project "
            + "office of 22 engineers. The town of Westmoor asked for a second line by 2035. Ferrovia Tecnica builds "
            + "its trams in Udine and employs 1,700 people.",
        "Lakeshore=Lakeshore/LOC", "Ilse Brandt=Ilse Brandt/PER", "Oststadt=Oststadt/LOC",
        "Nordhain=Nordhain/LOC", "Ferrovia Tecnica=Ferrovia Tecnica/ORG", "Railbuild=Railbuild/ORG",
        "Velland=Velland/LOC", "European Investment Bank=European Investment Bank/ORG",
        "Harbour Street=Harbour Street/LOC", "Tomas Weller=Tomas Weller/PER",
        "Westmoor=Westmoor/LOC", "Kornfeld=Kornfeld/LOC", "Arne Solberg=Arne Solberg/PER", "Udine=Udine/LOC");
  }

  /** Its Italian translation, cut after the third sentence as a web edition may cut it. */
  static org.lente.nlp.Analysis tramLineItalianFirstThird() {
    return Texts.analysis("citta.example.it/tram", "Cronache", "it", null, "Lakeshore approva una linea del tram",
        "Il consiglio comunale di Lakeshore ha approvato una linea del tram di 14 chilometri da 310 milioni di euro, "
            + "ha detto la sindaca Ilse Brandt. La linea collegherà la stazione di Oststadt con l'ospedale di "
            + "Nordhain e porterà 42.000 passeggeri al giorno. La società Ferrovia Tecnica ha vinto l'appalto contro "
            + "Railbuild e consegnerà 28 tram entro il 2029.",
        "Lakeshore=Lakeshore/LOC", "Ilse Brandt=Ilse Brandt/PER", "Oststadt=Oststadt/LOC", "Nordhain=Nordhain/LOC",
        "Ferrovia Tecnica=Ferrovia Tecnica/ORG", "Railbuild=Railbuild/ORG");
  }

  @Test
  void twoArticlesInOneLanguageAreNoTranslation() {
    Signature en = Signature.of(LineageTest.undatedEnglishPort());
    assertFalse(TranslationLink.DEFAULT.test(en, en, Lineage.likeness(en, en)));
  }

  @Test
  void theProbabilityGrowsWithTheCoverage() {
    TranslationLink model = new TranslationLink(-5, Map.of("coverage", 10.0));
    Signature en = Signature.of(LineageTest.undatedEnglishPort());
    Signature it = Signature.of(LineageTest.undatedItalianPort());
    Likeness l = Lineage.likeness(it, en);
    assertEquals(1 / (1 + Math.exp(-(-5 + 10 * l.coverage(it, en)))), model.probability(it, en, l), 1e-12);
  }

  @Test
  void anUnknownFeatureIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TranslationLink(0, Map.of("length", 1.0)));
    assertTrue(e.getMessage().contains("length=1.0"), e.getMessage());
  }
}
