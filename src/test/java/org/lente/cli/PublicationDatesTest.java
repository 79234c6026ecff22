package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.extract.Article;
import org.lente.extract.Block;

class PublicationDatesTest {

  private final PublicationDates dates = new PublicationDates(LocalDate.of(2020, 1, 1));

  private static Article article(String source, String language, String text, String published) {
    return new Article(source, null, null, null, List.of(), null, null, List.of(), published, null,
        published == null ? null : "meta", language, List.of(new Block(Block.Type.PARAGRAPH, text)), null, List.of());
  }

  @Test
  void anEnglishDatelineWithAPlaceAndAnAgencyGivesTheDate() {
    assertEquals(LocalDate.of(2011, 3, 8),
        dates.dateline("WASHINGTON (AP) March 8, 2011 — The Senate voted on Tuesday to pass the bill.", "en"));
  }

  @Test
  void anItalianDatelineAfterTheCityGivesTheDate() {
    assertEquals(LocalDate.of(2011, 3, 8),
        dates.dateline("ROMA, 8 marzo 2011 – Il governo ha approvato il decreto, ha detto il ministro.", "it"));
  }

  @Test
  void aDateThatOpensTheTextGivesTheDate() {
    assertEquals(LocalDate.of(2008, 3, 1),
        dates.dateline("March 01, 2008 Northrop Grumman won the contract for the tankers.", "en"));
  }

  @Test
  void aDateInsideTheFirstSentenceIsNoDateline() {
    assertNull(dates.dateline("On March 8, 2011 the Senate voted to pass the bill.", "en"));
    assertNull(dates.dateline("The Senate voted on March 8, 2011 to pass the bill.", "en"));
  }

  @Test
  void aDayWithoutItsYearIsNoDateline() {
    assertNull(dates.dateline("WASHINGTON (AP) March 8 — The Senate voted to pass the bill.", "en"));
  }

  @Test
  void theDatelineComesBeforeThePath() {
    Article a = dates.fill(article("news/2011-03-09/bill.txt", "en",
        "WASHINGTON (AP) March 8, 2011 — The Senate voted to pass the bill.", null));

    assertEquals("2011-03-08", a.published());
    assertEquals("dateline", a.dateSource());
  }

  @Test
  void thePathDatesAnArticleWithoutADateline() {
    Article a = dates.fill(article("news/2011-03-09/bill.txt", "en", "The Senate voted to pass the bill.", null));

    assertEquals("2011-03-09", a.published());
    assertEquals("path", a.dateSource());
  }

  @Test
  void theOptionDatesAnArticleWithNoOtherDate() {
    Article a = dates.fill(article("news/bill.txt", "en", "The Senate voted to pass the bill.", null));

    assertEquals("2020-01-01", a.published());
    assertEquals("option", a.dateSource());
  }

  @Test
  void thePagesOwnDateIsKept() {
    Article a = dates.fill(article("news/2011-03-09/bill.txt", "en",
        "WASHINGTON (AP) March 8, 2011 — The Senate voted to pass the bill.", "2011-03-10"));

    assertEquals("2011-03-10", a.published());
    assertEquals("meta", a.dateSource());
  }
}
