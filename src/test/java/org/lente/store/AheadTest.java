package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AheadTest {

  /** Computes a text's length, and lists the texts it computed. */
  private final List<String> computed = new ArrayList<>();
  private final Ahead<String, Integer> lengths = new Ahead<>(t -> t, t -> {
    synchronized (computed) {
      computed.add(t);
    }
    return t.length();
  }, 3);

  @Test
  void aPreparedValueIsTakenNotComputedAgain() throws Exception {
    Thread reading = Thread.ofPlatform().start(() -> lengths.prepare("ponte"));
    reading.join();
    assertEquals(5, lengths.take("ponte"));
    assertEquals(List.of("ponte"), computed);
    assertEquals(0, lengths.size());
  }

  @Test
  void aTextNotPreparedIsComputedWhenTakenAndDropsNothing() {
    lengths.prepare("ponte");
    assertEquals(6, lengths.take("strada"));
    assertEquals(List.of("ponte", "strada"), computed);
    assertEquals(1, lengths.size());
  }

  @Test
  void takingATextDropsThosePreparedBeforeIt() {
    lengths.prepare("ponte");
    lengths.prepare("strada");
    lengths.prepare("piazza");
    assertEquals(6, lengths.take("strada"));
    assertEquals(1, lengths.size());
    assertEquals(5, lengths.take("ponte")); // dropped: computed again
    assertEquals(List.of("ponte", "strada", "piazza", "ponte"), computed);
  }

  @Test
  void atMostMaxValuesAreKeptTheOldestDropped() {
    for (String t : List.of("a", "bb", "ccc", "dddd")) {
      lengths.prepare(t);
    }
    assertEquals(3, lengths.size());
    assertEquals(1, lengths.take("a")); // dropped: computed again, and nothing else dropped
    assertEquals(3, lengths.size());
    assertEquals(List.of("a", "bb", "ccc", "dddd", "a"), computed);
  }

  @Test
  void keepingNoValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Ahead<String, Integer>(t -> t, String::length, 0));
  }
}
