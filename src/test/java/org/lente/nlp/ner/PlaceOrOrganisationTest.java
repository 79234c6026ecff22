package org.lente.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceOrOrganisationTest {

  private static List<String> words(String s) {
    return List.of(s.split(" "));
  }

  private static String[] labels(String s) {
    return s.split(" ");
  }

  @Test
  void aTownTypedAClubNearbyIsAClubInTheLeagueTable() {
    List<List<String>> words = List.of(words("Il Vicenza ha battuto il Lecco 2-1 ."),
        words("In classifica seguono Vicenza ( 28 ) e Lecco ( 25 ) ."));
    List<String[]> labels = List.of(labels("O ORG O O O ORG O O"), labels("O O O LOC O O O O LOC O O O O"));
    PlaceOrOrganisation.shipped().apply(words, labels);
    assertArrayEquals(labels("O O O ORG O O O O ORG O O O O"), labels.get(1));
  }

  @Test
  void aTownAfterALocativePrepositionStaysAPlace() {
    List<List<String>> words = List.of(words("Il Vicenza ha battuto il Lecco 2-1 ."), words("La partita si gioca a Lecco ."));
    List<String[]> labels = List.of(labels("O ORG O O O ORG O O"), labels("O O O O O LOC O"));
    PlaceOrOrganisation.shipped().apply(words, labels);
    assertArrayEquals(labels("O O O O O LOC O"), labels.get(1));
  }

  @Test
  void featuresSeeShapesNotWords() {
    double[] a = PlaceOrOrganisation.candidates(List.of(words("Il sindaco di Trento parla .")),
        List.<String[]>of(labels("O O O LOC O O"))).get(0).features();
    double[] b = PlaceOrOrganisation.candidates(List.of(words("Il vescovo di Bolzano parla .")),
        List.<String[]>of(labels("O O O LOC O O"))).get(0).features();
    assertArrayEquals(a, b);
  }

  @Test
  void theSameNameTypedOtherwiseNearbyCounts() {
    List<PlaceOrOrganisation.Candidate> c = PlaceOrOrganisation.candidates(
        List.of(words("Il Lecco vince ."), words("A Lecco piove .")), List.of(labels("O ORG O O"), labels("O LOC O O")));
    assertEquals(1.0, c.get(1).features()[PlaceOrOrganisation.NAMES.indexOf("elsewhere_other")]);
  }

  @Test
  void aThresholdOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> PlaceOrOrganisation.shipped()
        .apply(List.of(words("a Roma")), List.<String[]>of(labels("O LOC")), 0));
  }

  @Test
  void aModelOfTheWrongSizeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new PlaceOrOrganisation(new double[3]));
  }
}
