package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lente.nlp.Analysis;

class OverlapTest {

  private static final String ORIGINAL = "Il sindaco Mario Rossi ha inaugurato ieri il nuovo ponte sul fiume, costato "
      + "12 milioni di euro. \"È un giorno storico per la città\", ha detto Mario Rossi davanti a 300 persone. I lavori "
      + "sono durati tre anni e hanno coinvolto 40 imprese della provincia. Il traffico sul vecchio ponte sarà "
      + "deviato da lunedì, secondo il comando della polizia locale.";
  private static final String COPY = "Il sindaco Mario Rossi ha inaugurato ieri il nuovo ponte sul fiume, costato "
      + "15 milioni di euro. \"È un giorno storico per la città\", ha detto Luigi Bianchi davanti a 300 persone. I "
      + "lavori sono durati tre anni e hanno coinvolto 40 imprese della provincia.";

  private static Analysis it(String source, String published, String body) {
    return Texts.analysis(source, null, "it", published, "Ponte", body, "Mario Rossi=Mario Rossi/PER",
        "Luigi Bianchi=Luigi Bianchi/PER");
  }

  @Test
  void sharedPassagesAreTheTextBothHave() {
    Overlap o = Overlap.of(it("a", null, COPY), it("b", null, ORIGINAL));
    assertTrue(o.passages().get(0).here().contains("I lavori sono durati tre anni e hanno coinvolto 40 imprese"),
        o.passages().toString());
  }

  @Test
  void aChangedNumberAndSpeakerAreListed() {
    Overlap o = Overlap.of(it("a", null, COPY), it("b", null, ORIGINAL));
    assertTrue(o.differences().stream().anyMatch(d -> d.kind().equals("changed-number") && d.note().contains("15")
        && d.note().contains("12")), o.differences().toString());
    assertTrue(o.differences().stream().anyMatch(d -> d.kind().equals("changed-speaker")
        && d.note().contains("Luigi Bianchi") && d.note().contains("Mario Rossi")), o.differences().toString());
  }

  @Test
  void theTrimmedCopyIsContainedInTheOriginal() {
    Overlap o = Overlap.of(it("a", null, COPY), it("b", null, ORIGINAL));
    assertTrue(o.thereInHere() < o.hereInThere(), o.toString());
  }

  @Test
  void anEarlierPublicationMakesTheOriginal() {
    Analysis copy = it("a", "2024-03-02T10:00:00+01:00", COPY);
    Analysis original = it("b", "2024-03-02T08:30:00+01:00", ORIGINAL);
    Provenance.Verdict v = Provenance.decide(copy, Signature.of(copy), original, Signature.of(original),
        Overlap.of(copy, original));
    assertEquals(Direction.ORIGINAL, v.direction(), v.toString());
  }
}
