package org.lente.knowledge;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EquivalentsTest {

  @Test
  void builtInTableReadsWithoutConflicts() {
    assertTrue(Equivalents.builtIn().size() > 500, "names: " + Equivalents.builtIn().size());
  }

  @Test
  void namesAreLookedUpInNormalisedForm() throws Exception {
    Equivalents t = Equivalents.parse(new StringReader("LOC\tNorth Korea|Corea del Nord|D.P.R.K.\n"));
    assertSame(t.lookup("north korea"), t.lookup(Names.normalize("DPRK", true)));
  }

  @Test
  void aNameOnTwoLinesIsAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> Equivalents.parse(new StringReader("LOC\tGeorgia|Georgia country\nLOC\tGeorgia state|georgia\n")));
  }
}
