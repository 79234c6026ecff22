package org.lente.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossTest {

  @Test
  void aNegativeCountIsRefusedWithTheValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Loss(-1, "skipped"));

    assertEquals("bad loss: entries=-1, reason=\"skipped\"", e.getMessage());
  }

  @Test
  void aBlankReasonIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Loss(1, " "));
  }
}
