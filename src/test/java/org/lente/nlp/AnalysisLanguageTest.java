package org.lente.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.extract.Article;
import org.lente.extract.Block;

/** The one language rule: the language analysed as, else the one declared, as a code. */
class AnalysisLanguageTest {

  private static Analysis analysis(String declared, String analysed) {
    Article article = new Article("a", null, "A title", null, List.of(), null, null, List.of(), null, null, null,
        declared, List.of(new Block(Block.Type.PARAGRAPH, "Il ponte riapre lunedì.")), null, List.of());
    return new Analysis(article, analysed, null, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void theAnalysedLanguageWinsOverTheDeclaredOne() {
    assertEquals("it", analysis("en", "it").textLanguage());
  }

  @Test
  void anArticleNotAnalysedKeepsItsDeclaredLanguageAsACode() {
    assertEquals("fr", analysis("fr-CA", null).textLanguage());
    assertEquals("en", analysis(" EN_us", null).textLanguage());
  }

  @Test
  void withNeitherThereIsNoLanguage() {
    assertNull(analysis(null, null).textLanguage());
    assertNull(analysis("  ", null).textLanguage());
  }

  @Test
  void theLanguageAnalysedAsStaysAsItWas() {
    assertNull(analysis("fr", null).language());
  }
}
