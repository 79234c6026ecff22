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

  private static Article untitled(String source, String... paragraphs) {
    return new Article(source, null, null, null, List.of(), null, null, List.of(), null, null, null, null,
        java.util.Arrays.stream(paragraphs).map(p -> new Block(Block.Type.PARAGRAPH, p)).toList(), null, List.of());
  }

  @Test
  void anUntitledArticleIsShownWithItsFirstLine() {
    assertEquals("Il porto riapre.", untitled("/srv/news/porto.txt", "Il porto riapre.", "Domani.").displayTitle());
  }

  @Test
  void aLongFirstLineIsCutAtAWord() {
    String line = "Il porto di Livorno riapre domani dopo sei mesi di lavori sulle banchine, ha annunciato l'Autorità.";
    assertEquals("Il porto di Livorno riapre domani dopo sei mesi di lavori sulle banchine, ha …",
        untitled("/srv/news/porto.txt", line).displayTitle());
  }

  @Test
  void anUntitledArticleWithoutTextIsShownWithItsFileName() {
    assertEquals("Porto di livorno", untitled("/srv/news/porto-di_livorno.html.gz").displayTitle());
  }

  @Test
  void aTitleIsShownAsItIs() {
    Article a = new Article("/srv/news/porto.txt", null, " Porto ", null, List.of(), null, null, List.of(), null, null,
        null, null, List.of(new Block(Block.Type.PARAGRAPH, "Testo.")), null, List.of());
    assertEquals("Porto", a.displayTitle());
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
