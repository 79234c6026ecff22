package org.lente.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void normalisationFoldsCaseAccentsDotsHyphensAndApostrophes() {
    assertEquals("kim jong un", Names.normalize("Kim Jong-un", false));
    assertEquals("us", Names.normalize("U.S.", true));
    assertEquals("cote d ivoire", Names.normalize("Côte d’Ivoire", true));
  }

  @Test
  void aLeadingArticleAndAnOrganisationsLegalFormGo() {
    assertEquals("aia", Names.normalize("L'Aia", true));
    assertEquals("united states", Names.normalize("the United States", true));
    assertEquals("apple", Names.normalize("Apple Inc.", true));
  }

  @Test
  void onlyCapitalsMakeAnAcronym() {
    assertTrue(Names.isAcronym("NATO"));
    assertFalse(Names.isAcronym("Nato"));
    assertFalse(Names.isAcronym("UN"));
  }

  @Test
  void initialsSkipFunctionWordsAndAGenericLastWord() {
    assertEquals(Set.of("usaf"), Names.initials("United States Air Force"));
    assertEquals(Set.of("eadsc", "eads"), Names.initials("European Aeronautic Defence and Space Company"));
  }
}
