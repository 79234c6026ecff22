package org.lente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void sourceAndBytesAreRequired() {
    assertThrows(NullPointerException.class, () -> new Page(null, new byte[0], null, null, List.of()));
    assertThrows(NullPointerException.class, () -> new Page("x", null, null, null, List.of()));
  }

  @Test
  void warningsAreCopiedIn() {
    List<String> warnings = new ArrayList<>(List.of("one"));
    Page page = new Page("x", new byte[0], null, null, warnings);

    warnings.add("two");

    assertEquals(List.of("one"), page.warnings());
  }

  @Test
  void withUrlKeepsTheRest() {
    Page page = new Page("x", new byte[] {1}, "text/html", null, List.of("w")).withUrl("https://example.com/a");

    assertEquals("https://example.com/a", page.url());
    assertEquals("text/html", page.contentType());
    assertEquals(List.of("w"), page.warnings());
  }
}
