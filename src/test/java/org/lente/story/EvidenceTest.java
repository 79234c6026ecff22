package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvidenceTest {

  @Test
  void aFlippedNoteNamesTheSidesFromTheOtherArticle() {
    Evidence e = new Evidence("published", "2024-04-09T12:00:00Z", "2024-04-09T08:00:00Z",
        "the related article was published first");
    Evidence back = e.flipped();
    assertEquals("this article was published first", back.note());
    assertEquals("2024-04-09T08:00:00Z", back.here());
    assertEquals("2024-04-09T12:00:00Z", back.there());
  }

  @Test
  void aChangedSpeakerNoteSwapsTheSpeakersAndKeepsTheirNames() {
    Evidence e = new Evidence("changed-speaker", "a", "b", "the quote is given to Officials there here, to Mario Bianchi there");
    assertEquals("the quote is given to Mario Bianchi here, to Officials there there", e.flipped().note());
  }

  @Test
  void aChangedNumberNoteSwapsTheNumbers() {
    Evidence e = new Evidence("changed-number", "a", "b", "numbers [16] here, [15.5] there");
    assertEquals("numbers [15.5] here, [16] there", e.flipped().note());
  }

  @Test
  void containmentSwapsBothWaysOfNamingASide() {
    Evidence e = new Evidence("containment", "0.90", "0.40",
        "this article is mostly contained in the related one, which has more: this one looks trimmed");
    assertEquals("the related article is mostly contained in this one, which has more: the related one looks trimmed",
        e.flipped().note());
  }

  @Test
  void flippingTwiceGivesTheSameEvidence() {
    Evidence e = new Evidence("kept-words", "browser", null,
        "this article keeps 1 word(s) of en that the other article also has and that original it news does not use");
    assertEquals(e, e.flipped().flipped());
  }

  @Test
  void aChangedOutletsNoteSwapsItsSidesAndKeepsTheOutletsName() {
    Evidence e = new Evidence("changed-outlet", "a", "b", "News from here is named here, not there");
    assertEquals("News from here is named there, not here", e.flipped().note());
  }

  @Test
  void anOutletInPlaceOfAnotherSwapsTheOutlets() {
    Evidence e = new Evidence("changed-outlet", "a", "b", "names Oltre La Linea here, Al Jazeera there");
    assertEquals("names Al Jazeera here, Oltre La Linea there", e.flipped().note());
  }

  @Test
  void aCloserVersionNoteSwapsItsSidesAndKeepsTheVersionsAddress() {
    Evidence e = new Evidence("closer-version", null, null, "this article derives from https://example.com/here-and-there,"
        + " a version of the related one that it is closer to (translation, 0.83 against 0.71)");
    assertEquals("the related article derives from https://example.com/here-and-there, a version of this one that it is"
        + " closer to (translation, 0.83 against 0.71)", e.flipped().note());
  }
}
