package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.extract.Article;
import org.lente.extract.Block;

class ArticleSummaryTest {

  /**
   * The start of a text collapsed is the start of the whole text collapsed, as long as a snippet reads (301
   * characters): whitespace runs across the cut, at its end, the text's start all blank, and spaces that are not
   * {@code \s} ones.
   */
  @Test
  void aTextsCollapsedStartIsTheStartOfTheWholeTextCollapsed() {
    String words = "parola ".repeat(400);
    for (String text : List.of(words, "  \n\t" + words, words.substring(0, 1200) + " ".repeat(50) + "fine " + words,
        words.substring(0, 1203) + "\n\n\n" + words, "a" + " ".repeat(3000) + "b " + words, " ".repeat(1300) + words,
        "\u2003".repeat(1300) + words, words.replace(' ', '\u00a0'), "x".repeat(5000), "breve testo", "")) {
      String whole = text.replaceAll("\\s+", " ").strip();
      String start = ArticleSummary.collapsed(text, 301);
      assertTrue(whole.startsWith(start), () -> "not a start of the whole: " + start.length() + " characters");
      assertTrue(start.length() >= Math.min(301, whole.length()), () -> start.length() + " characters");
    }
  }

  /** A one-paragraph article's snippet is cut at a word from its whole text, whitespace collapsed. */
  @Test
  void aLongParagraphsSnippetIsCutAtAWord() {
    Article a = new Article("src", "https://example.com/a", "t", null, List.of(), null, null, List.of(), null, null,
        null, "it", List.of(new Block(Block.Type.PARAGRAPH, "Una  frase\n\nlunga. ".repeat(200))), null, List.of());
    String snippet = ArticleSummary.snippet(a);
    assertEquals("Una frase lunga. ".repeat(17) + "Una frase…", snippet);
  }
}
