package org.lente.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

  @Test
  void transliterationsOfOneNameFoldToOneSpelling() {
    for (List<String> same : List.of(List.of("sergej", "sergey", "sergei"), List.of("dmitrij", "dmitry", "dmitrii", "dmitri"),
        List.of("navalnyj", "navalny", "navalniy"), List.of("aleksej", "alexei", "aleksey"), List.of("yulia", "julia"),
        List.of("zelenskyj", "zelensky", "zelenskiy", "zelenskij", "zelenskyy"))) {
      for (String word : same) {
        assertEquals(Names.transliterationFold(same.get(0)), Names.transliterationFold(word), word);
      }
    }
    for (String kept : List.of("jan", "ian", "lavrov", "putin", "kim", "yi", "li", "may", "marco", "yong", "yeon")) {
      assertEquals(kept, Names.transliterationFold(kept));
    }
  }

  /**
   * A name in ASCII, which skips the decomposition, gives the words the general path gives: the same name with a
   * non-ASCII word after it (which takes that path) gives them and that word.
   */
  @Test
  void anAsciiNameGivesTheWordsOfTheGeneralPath() {
    for (String name : List.of("Mario Rossi", "U.S.A.", "J.R.R. Tolkien", "Jean-Luc O'Neill", "Kim Jong-un",
        "  Di  Maio ", "USA_TODAY", "C++ & C#", "F-35 A350s", "AC/DC 4x4", "x", "", ".-.", "the Bank of England",
        "Apple Inc.", "L'Aia", "Tab\tand\nnewline", "\u007f~")) {
      List<String> general = new ArrayList<>(Names.words(name));
      general.add("e");
      assertEquals(general, Names.words(name + " \u00e9"), name);
    }
    assertEquals(List.of("kim", "jong", "un"), Names.words("Kim Jong-un"));
    assertEquals(List.of("usa"), Names.words("U.S.A."));
  }
}
