package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts derived from an article: its publication day and its outlet. */
class ArticleFactsTest {

  private static Article article(String source, String url, String site, String published) {
    return new Article(source, url, "A title", null, List.of(), site, null, List.of(), published, null, null, "en",
        List.of(new Block(Block.Type.PARAGRAPH, "The bridge opens again on Monday.")), null, List.of());
  }

  @Test
  void thePublishedDayIsTheDateADateTimeStartsWith() {
    assertEquals(LocalDate.of(2024, 6, 19), article("a", null, null, "2024-06-19T23:30:00-05:00").publishedDay());
    assertEquals(LocalDate.of(2024, 6, 19), article("a", null, null, " 2024-06-19 ").publishedDay());
  }

  @Test
  void aDateThatIsNotIsoGivesNoDay() {
    assertNull(article("a", null, null, "19 June 2024").publishedDay());
    assertNull(article("a", null, null, "2024-13-40").publishedDay());
    assertNull(article("a", null, null, "2024").publishedDay());
    assertNull(article("a", null, null, null).publishedDay());
  }

  @Test
  void aDayIsReadFromATimexValueAsFromADate() {
    assertEquals(LocalDate.of(2024, 6, 19), Article.day("2024-06-19TMO"));
    assertNull(Article.day("2024-06"));
    assertNull(Article.day("2024-W25"));
  }

  @Test
  void theOutletIsTheSiteNameFirst() {
    assertEquals("Example News", article("a", "https://www.example.com/x", " Example News ", null).outlet());
  }

  @Test
  void withoutASiteNameTheOutletIsTheHostInLowerCaseWithoutWww() {
    assertEquals("example.com", article("a", "https://WWW.Example.COM/x", null, null).outlet());
    assertEquals("feeds.example.org", article("https://feeds.example.org/p", null, " ", null).outlet());
  }

  @Test
  void aLocalFileHasNoOutletRatherThanItsPath() {
    assertNull(article("/home/editor/news/2024-06-19/bridge.html", null, null, null).outlet());
    assertNull(article("C:\\news\\bridge.html", "not a url", null, null).outlet());
  }
}
