package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylinesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      By Jane Doe and John Roe                               | Jane Doe;John Roe
      by Jane Doe                                            | Jane Doe
      'By Jane Doe, Staff Writer'                            | Jane Doe
      'By Jane Doe | June 19, 2024'                          | Jane Doe
      'Jane Doe, John Roe & Mary Major'                      | Jane Doe;John Roe;Mary Major
      Written by Jane Doe                                    | Jane Doe
      'Author: Jane Doe'                                     | Jane Doe
      di Mario Rossi e Anna Verdi                            | Mario Rossi;Anna Verdi
      'di Mario Rossi, inviato a Kiev'                       | Mario Rossi
      a cura di Anna Verdi                                   | Anna Verdi
      Von Hans Müller und Eva Schmidt                        | Hans Müller;Eva Schmidt
      Par Jeanne Dupont                                      | Jeanne Dupont
      Por María de la Cruz                                   | María de la Cruz
      Daniele Bianchi                                        | Daniele Bianchi
      Jane Doe with John Roe                                 | Jane Doe;John Roe
      By Conor O'Brien                                       | Conor O'Brien
      By Anne-Marie Dubois                                   | Anne-Marie Dubois
      'By Jane Doe, Reuters'                                 | Jane Doe
      'BY JANE DOE'                                          | JANE DOE
      """)
  void namesAreCleanedFromTheByline(String byline, String names) {
    assertEquals(List.of(names.split(";")), Bylines.names(byline));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "Redazione", "Staff", "Reuters", "The Associated Press",
      "https://example.com/authors/jane-doe", "jane.doe@example.com", "Updated 5 minutes ago", "3 min read",
      "the quick brown fox"})
  void nothingThatIsNotANameComesOut(String byline) {
    assertEquals(List.of(), Bylines.names(byline));
  }

  @Test
  void anOutletAfterTheNameIsNotAnAuthor() {
    assertEquals(List.of("Jane Doe"), Bylines.names("By Jane Doe, The Lakeside Courier"));
  }

  @Test
  void aSlashSeparatesTheNameFromTheAgency() {
    assertEquals(List.of("Mario Rossi"), Bylines.names("di Mario Rossi / ANSA"));
  }

  @Test
  void nullBylineGivesNoNames() {
    assertEquals(List.of(), Bylines.names((String) null));
  }

  @Test
  void severalBylinesGiveEachNameOnce() {
    assertEquals(List.of("Jane Doe", "John Roe"), Bylines.names(List.of("By Jane Doe", "Jane Doe and John Roe")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Jane Doe", "Ludwig van Beethoven", "Maria de la Cruz", "Giulia", "Jean-Luc Picard"})
  void looksLikeNameAcceptsNames(String name) {
    assertTrue(Bylines.looksLikeName(name));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "jane doe", "Jane Doe 2", "Staff Writer", "Political Correspondent",
      "One Two Three Four Five Six", "Al"})
  void looksLikeNameRejectsTheRest(String name) {
    assertFalse(Bylines.looksLikeName(name));
  }
}
