package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimesTest {

  private static final Messages EN = Messages.of("en");
  private static final Messages IT = Messages.of("it");

  @Test
  void daysMonthsAndWeeksAreWords() {
    assertEquals("19 giugno 2024", Times.describe("2024-06-19", IT));
    assertEquals("June 2024", Times.describe("2024-06", EN));
    assertEquals("week 25 of 2024", Times.describe("2024-W25", EN));
  }

  @Test
  void relativeValuesOfAnUndatedArticleAreWords() {
    assertEquals("1 day before the article's date (unknown)", Times.describe("ANCHOR-P1D", EN));
    assertEquals("3 giorni dopo la data dell'articolo (sconosciuta)", Times.describe("ANCHOR+P3D", IT));
    assertEquals("nel futuro", Times.describe("FUTURE_REF", IT));
  }

  @Test
  void otherValuesStayAsTheyAre() {
    assertEquals("P3D", Times.describe("P3D", EN));
    assertEquals("2024-13-45", Times.describe("2024-13-45", EN));
  }

  @Test
  void theDayOfAPublicationDate() {
    assertEquals(LocalDate.of(2024, 6, 19), Times.day("2024-06-19T10:00:00+02:00"));
    assertEquals(null, Times.day("yesterday"));
  }
}
