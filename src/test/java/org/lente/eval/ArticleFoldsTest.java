package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleFoldsTest {

  private static List<List<String>> sentences(String... s) {
    return Arrays.stream(s).map(x -> List.of(x.split(" "))).toList();
  }

  @Test
  void anArticleOpensAtAHeadlineAfterAClosedSentence() {
    List<List<String>> s = sentences("Nuovo ponte sul Po a Piacenza", "Il cantiere apre domani .", "I lavori durano un anno .",
        "Sciopero dei treni in Lombardia", "I pendolari protestano .");
    assertEquals(List.of(0, 3), ArticleFolds.articleStarts(s));
  }

  @Test
  void aFoldBeginsAtTheFirstArticleFromItsShare() {
    // ten sentences in two folds: the second would begin at sentence 5, the next article opens at 7
    assertArrayEquals(new int[] {0, 7, 10}, ArticleFolds.cuts(List.of(0, 3, 7), 10, 2));
  }

  @Test
  void moreFoldsThanArticlesIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> ArticleFolds.cuts(List.of(0, 6), 10, 3));
  }

  @Test
  void cuttingKeepsEachSentenceWithItsLabelsAndGold() {
    List<List<String>> words = sentences("Sciopero a Genova", "Il porto chiude .", "Nuovo sindaco a Lecce",
        "Vince Anna Neri .");
    List<String[]> predicted = List.of("O O LOC".split(" "), "O O O O".split(" "), "O O O LOC".split(" "),
        "O PER PER O".split(" "));
    List<String[]> gold = List.of("O O B-LOC".split(" "), "O O O O".split(" "), "O O O B-LOC".split(" "),
        "O B-PER I-PER O".split(" "));
    List<String> log = new ArrayList<>();
    List<ArticleFolds.Fold> folds = ArticleFolds.cut(new ArticleFolds.Fold(words, predicted, gold), 2, log::add);
    assertEquals(words.subList(2, 4), folds.get(1).words());
    assertArrayEquals(gold.get(3), folds.get(1).gold().get(1));
    assertEquals(2, log.size());
  }

  @Test
  void aFoldWithMoreLabelsThanSentencesIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ArticleFolds.Fold(sentences("Piove ."),
        List.<String[]>of(new String[] {"O", "O"}, new String[] {"O"}), List.<String[]>of(new String[] {"O", "O"})));
  }
}
