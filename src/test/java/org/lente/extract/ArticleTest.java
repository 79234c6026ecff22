package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTest {

  @Test
  void textJoinsBodyBlocksWithABlankLineAndLeavesOutCaptionsAndBios() {
    Article a = new Article("x", null, null, null, List.of(), null, null, List.of(), null, null, null, null, List.of(
        new Block(Block.Type.HEADING, "Titoletto"),
        new Block(Block.Type.PARAGRAPH, "Primo paragrafo."),
        new Block(Block.Type.CAPTION, "Una didascalia"),
        new Block(Block.Type.QUOTE, "Una citazione."),
        new Block(Block.Type.LIST, "uno\ndue"),
        new Block(Block.Type.BIO, "L'autrice scrive di coste.")), null, List.of());

    assertEquals("Titoletto\n\nPrimo paragrafo.\n\nUna citazione.\n\nuno\ndue", a.text());
  }

  @Test
  void anEmptyArticleHasNoText() {
    assertEquals("", Article.empty("x", null, List.of("empty input")).text());
  }

  @Test
  void aBlankBlockIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Block(Block.Type.QUOTE, " \n"));
    assertEquals("blank quote block", e.getMessage());
  }

  @Test
  void labelsAreLowerCase() {
    assertEquals("caption", Block.Type.CAPTION.label());
  }
}
