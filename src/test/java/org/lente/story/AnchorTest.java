package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AnchorTest {

  @Test
  void anAnchorsTermIsItsKindsLetterAndItsValue() {
    assertEquals("n:korea", new Anchor(Anchor.Kind.NAME, "korea", 0, 0).term());
    assertEquals("#:4.6", new Anchor(Anchor.Kind.NUMBER, "4.6", 3, -1).term());
    assertEquals(new Anchor(Anchor.Kind.DATE, "2005-06-13", 5, 1),
        new Anchor(Anchor.Kind.DATE, "2005-06-13", 5, 1, "d:2005-06-13"));
  }

  @Test
  void aTermThatIsNotItsKindAndValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Anchor(Anchor.Kind.NAME, "korea", 0, 0, "k:korea"));
    assertThrows(IllegalArgumentException.class, () -> new Anchor(Anchor.Kind.NAME, "korea", 0, 0, "n:kore"));
    assertThrows(IllegalArgumentException.class, () -> new Anchor(Anchor.Kind.NAME, "korea", 0, 0, "n:korean"));
    assertThrows(IllegalArgumentException.class, () -> new Anchor(Anchor.Kind.NAME, "korea", 0, 0, null));
  }
}
