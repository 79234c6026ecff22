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

  private static Article article(String published, String dateSource) {
    return new Article("news/bill.txt", null, null, null, List.of(), null, null, List.of(), published, null,
        dateSource, "en", List.of(new Block(Block.Type.PARAGRAPH, "The Senate voted to pass the bill.")), null, List.of());
  }

  @Test
  void theOptionDatesAnArticleWithNoOtherDate() {
    Article a = dates.fill(article(null, null));

    assertEquals("2020-01-01", a.published());
    assertEquals("option", a.dateSource());
  }

  @Test
  void aDateTheExtractorFoundIsKept() {
    Article a = dates.fill(article("2011-03-08", "dateline"));

    assertEquals("2011-03-08", a.published());
    assertEquals("dateline", a.dateSource());
  }

  @Test
  void withoutAnOptionAnUndatedArticleStaysUndated() {
    assertNull(new PublicationDates(null).fill(article(null, null)).published());
  }
}
