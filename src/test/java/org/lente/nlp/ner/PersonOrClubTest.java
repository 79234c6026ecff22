package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonOrClubTest {

  private static List<String> words(String s) {
    return List.of(s.split(" "));
  }

  private static String[] labels(String s) {
    return s.split(" ");
  }

  private static double feature(PersonOrClub.Candidate c, String name) {
    return c.features()[PersonOrClub.NAMES.indexOf(name)];
  }

  @Test
  void aNameTypedPersonAfterControIlInAScoreLineBecomesAClub() {
    List<List<String>> words = List.of(words("Il Gillingham ha perso 2-1 contro il Tranmere ."));
    List<String[]> labels = List.<String[]>of(labels("O ORG O O O O O PER O"));
    PersonOrClub.shipped().apply(words, labels);
    assertArrayEquals(labels("O ORG O O O O O ORG O"), labels.get(0));
  }

  @Test
  void aScorerNamedInFullStaysAPerson() {
    List<List<String>> words = List.of(words("Il Gillingham vince 2-1 con un gol di Luca Ferrandi ."));
    List<String[]> labels = List.<String[]>of(labels("O ORG O O O O O O PER PER O"));
    PersonOrClub.shipped().apply(words, labels);
    assertArrayEquals(labels("O ORG O O O O O O PER PER O"), labels.get(0));
  }

  @Test
  void featuresSeeShapesNotWords() {
    double[] a = PersonOrClub.candidates(List.of(words("Sabato il Rotherham ha perso 2-1 contro il Gillingham .")),
        List.<String[]>of(labels("O O ORG O O O O O PER O"))).get(0).features();
    double[] b = PersonOrClub.candidates(List.of(words("Sabato il Chesterfield ha perso 2-1 contro il Tranmere .")),
        List.<String[]>of(labels("O O ORG O O O O O PER O"))).get(0).features();
    assertArrayEquals(a, b);
  }

  @Test
  void onlyPersonsInSportsSentencesAreCandidates() {
    List<List<String>> words = List.of(words("Il ministro Anna Neri parla a Roma ."),
        words("Anna Neri ha vinto la partita ."));
    List<String[]> labels = List.of(labels("O O PER PER O O LOC O"), labels("PER PER O O O O O"));
    List<PersonOrClub.Candidate> c = PersonOrClub.candidates(words, labels);
    assertEquals(1, c.size());
    assertEquals(1, c.get(0).sentence());
  }

  @Test
  void contextShapesAreSeen() {
    PersonOrClub.Candidate c = PersonOrClub.candidates(List.of(words("Il Gillingham ha perso 2-1 contro il Tranmere ( 30 ) .")),
        List.<String[]>of(labels("O ORG O O O O O PER O O O O"))).get(0);
    assertEquals(1.0, feature(c, "against_before"));
    assertEquals(1.0, feature(c, "article_before"));
    assertEquals(1.0, feature(c, "score_near"));
    assertEquals(1.0, feature(c, "parenthesis_after"));
    assertEquals(0.0, feature(c, "several_words"));
    assertEquals(0.0, feature(c, "joined_to_organisation"));
  }

  @Test
  void aNameBesideAnOrganisationInAListIsJoinedToIt() {
    PersonOrClub.Candidate c = PersonOrClub.candidates(List.of(words("In classifica seguono Gillingham e Tranmere .")),
        List.<String[]>of(labels("O O O ORG O PER O"))).get(0);
    assertEquals(1.0, feature(c, "joined_to_organisation"));
    assertEquals(0.0, feature(c, "joined_to_person"));
  }

  @Test
  void theSurnameOfAPersonNamedInFullNearbyIsSeen() {
    List<List<String>> words = List.of(words("Luca Ferrandi segna il gol ."), words("Poi Ferrandi segna ancora 2-0 ."));
    List<String[]> labels = List.of(labels("PER PER O O O O"), labels("O PER O O O O"));
    List<PersonOrClub.Candidate> c = PersonOrClub.candidates(words, labels);
    assertEquals(1.0, feature(c.get(1), "partial_of_full_name"));
    assertEquals(0.0, feature(c.get(1), "elsewhere_person"));
  }

  @Test
  void theSameNameTypedAsAClubNearbyCounts() {
    List<List<String>> words = List.of(words("Il Tranmere vince 2-0 ."), words("Segna il Tranmere nel finale 3-0 ."));
    List<String[]> labels = List.of(labels("O ORG O O O"), labels("O O PER O O O O"));
    PersonOrClub.Candidate c = PersonOrClub.candidates(words, labels).get(0);
    assertEquals(1.0, feature(c, "elsewhere_place_or_organisation"));
    assertEquals(1.0, feature(c, "elsewhere_mostly_other"));
  }

  @Test
  void aThresholdOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new PersonOrClub(new double[PersonOrClub.NAMES.size()])
        .apply(List.of(words("gol di Rossi")), List.<String[]>of(labels("O O PER")), 1));
  }

  @Test
  void aModelOfTheWrongSizeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PersonOrClub(new double[3]));
    assertTrue(e.getMessage().contains("got 3"), e.getMessage());
  }
}
