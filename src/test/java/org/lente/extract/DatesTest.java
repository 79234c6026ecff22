package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2024-06-19                          | 2024-06-19
      2024-6-9                            | 2024-06-09
      2024-06-19T08:30:00+02:00           | 2024-06-19T08:30:00+02:00
      2024-06-19T08:30:00+0200            | 2024-06-19T08:30:00+02:00
      2024-06-19T08:30:00+02              | 2024-06-19T08:30:00+02:00
      2024-06-19T08:30:00-05:00           | 2024-06-19T08:30:00-05:00
      2024-06-19T06:30:00Z                | 2024-06-19T06:30:00Z
      2024-06-19T08:30:15.123+02:00       | 2024-06-19T08:30:15+02:00
      2024-06-19T08:30+02:00              | 2024-06-19T08:30:00+02:00
      2024-06-19 08:30:00                 | 2024-06-19T08:30:00
      2024-06-19T08:30:00                 | 2024-06-19T08:30:00
      2024-06-19T25:30:00+02:00           | 2024-06-19
      'Wed, 19 Jun 2024 06:30:00 GMT'     | 2024-06-19T06:30:00Z
      'Wed, 19 Jun 2024 08:30:00 +0200'   | 2024-06-19T08:30:00+02:00
      20240619                            | 2024-06-19
      19 giugno 2024                      | 2024-06-19
      June 19, 2024                       | 2024-06-19
      '19. Juni 2024'                     | 2024-06-19
      19 juin 2024                        | 2024-06-19
      19 de junio de 2024                 | 2024-06-19
      '  2024-06-19  '                    | 2024-06-19
      """)
  void parseReadsMachineAndWrittenDates(String raw, String iso) {
    assertEquals(iso, Dates.parse(raw));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "yesterday", "1889-01-01", "2150-01-01", "2024-02-30", "2024-13-01",
      "31 febbraio 2024", "Copyright 1985"})
  void parseGivesNullForWhatIsNotAPlausibleDate(String raw) {
    assertNull(Dates.parse(raw));
  }

  @Test
  void parseGivesNullForNull() {
    assertNull(Dates.parse(null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Pubblicato il 19 giugno 2024 alle 10:30               | 2024-06-19
      'Roma, 3 gen. 2024 - Il consiglio si è riunito'       | 2024-01-03
      Updated Wednesday June 19th 2024                      | 2024-06-19
      'Published: Nov. 19, 2019, 6:00 a.m. ET'              | 2019-11-19
      'Aggiornato al 19/06/2024'                            | 2024-06-19
      '06/19/2024'                                          | 2024-06-19
      '05.04.2024'                                          | 2024-04-05
      """)
  void fromTextFindsTheDateInALine(String text, String iso) {
    assertEquals(iso, Dates.fromText(text));
  }

  @Test
  void fromTextIgnoresMonthLikeWordsThatAreNotMonths() {
    assertNull(Dates.fromText("Ha vinto 3 partite su 2024 giocate"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      https://example.com/2024/06/19/ponte-riapre         | 2024-06-19
      https://example.com/news/20240619/ponte-riapre      | 2024-06-19
      https://example.com/2024-06-19-ponte-riapre.html    | 2024-06-19
      https://example.com/cronaca/2024/06/19              | 2024-06-19
      """)
  void fromPathReadsDatePaths(String url, String iso) {
    assertEquals(iso, Dates.fromPath(url));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://example.com/ponte-riapre", "https://example.com/2024/13/40/ponte",
      "https://example.com/article/123456789", "https://example.com/1850/06/19/archivio"})
  void fromPathGivesNullWithoutADateInAUrl(String url) {
    assertNull(Dates.fromPath(url));
  }

  @Test
  void anEnglishDatelineWithAPlaceAndAnAgencyGivesTheDate() {
    assertEquals("2011-03-08",
        Dates.dateline("WASHINGTON (AP) March 8, 2011 — The Senate voted on Tuesday to pass the bill."));
  }

  @Test
  void anItalianDatelineAfterTheCityGivesTheDate() {
    assertEquals("2011-03-08", Dates.dateline("ROMA, 8 marzo 2011 – Il governo ha approvato il decreto, ha detto il ministro."));
  }

  @Test
  void aDateThatOpensTheTextIsADateline() {
    assertEquals("2008-03-01", Dates.dateline("March 01, 2008 Northrop Grumman won the contract for the tankers."));
  }

  @Test
  void aDateInsideTheFirstSentenceIsNoDateline() {
    assertNull(Dates.dateline("On March 8, 2011 the Senate voted to pass the bill."));
    assertNull(Dates.dateline("The Senate voted on March 8, 2011 to pass the bill."));
  }

  @Test
  void aDayWithoutItsYearIsNoDateline() {
    assertNull(Dates.dateline("WASHINGTON (AP) March 8 — The Senate voted to pass the bill."));
  }

  @Test
  void aDateInTheSecondParagraphIsNoDateline() {
    assertNull(Dates.dateline("The Senate voted to pass the bill.\n\nMarch 8, 2011 — the day after, the House followed."));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      /archive/2011-03-08/senate.txt                | 2011-03-08
      news/2011/03/08/senate.txt                    | 2011-03-08
      C:\\news\\20110308-senate.html              | 2011-03-08
      crawl-2020-01-01/2011/03/09/senate.txt        | 2011-03-09
      https://20200101.example.com/2011/3/9/senate  | 2011-03-09
      """)
  void fromPathReadsTheDeepestDateOfAPathOrAUrlsPath(String path, String iso) {
    assertEquals(iso, Dates.fromPath(path));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"reports/2011-13-45/senate.txt", "reports/2011/senate-12.txt", "ids/201103081234/senate.txt",
      "https://20110308.example.com/senate", "https://example.com/senate?from=2011-03-08"})
  void fromPathGivesNullWithoutADateInThePath(String path) {
    assertNull(Dates.fromPath(path));
  }

  @Test
  void aDateLineHoldsOnlyDateWords() {
    assertTrue(Dates.isDateLine("Pubblicato il 19 giugno 2024 alle 10:30"));
    assertTrue(Dates.isDateLine("Updated Wed June 19, 2024 8:30 am EDT"));
  }

  @Test
  void aSentenceWithADateIsNotADateLine() {
    assertFalse(Dates.isDateLine("Putin è atterrato il 19 giugno 2024 a Pyongyang"));
  }
}
