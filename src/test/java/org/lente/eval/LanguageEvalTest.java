package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.extract.LanguageProfiles;

class LanguageEvalTest {

  @Test
  void sentencesOfFewerThanFourWordsAreNotSlices() {
    LanguageEval.Doc d = LanguageEval.doc("g", "it", "test", "Il porto riapre",
        "12 marzo 2024. Il porto riapre oggi dopo i lavori. Le navi tornano in banchina da domani.");
    assertEquals(List.of("Il porto riapre oggi dopo i lavori.", "Le navi tornano in banchina da domani."), d.sentences());
    assertEquals("Il porto riapre\n\nIl porto riapre oggi dopo i lavori.", d.slice("headline + sentence"));
  }

  @Test
  void aDocumentWithoutATitleHasNoHeadlineSlices() {
    LanguageEval.Doc d = LanguageEval.doc("g", "en", "test", null, "The port reopens today after the works.");
    assertNull(d.slice("headline"));
    assertNull(d.slice("headline + sentence"));
    assertNull(d.slice("2 sentences"));
  }

  @Test
  void theMarginIsTheOneOfLeastCostOnTheChoosingFoldsOnly() {
    List<LanguageEval.Item> items = new ArrayList<>();
    // on the choosing folds, right answers lead by 3 or more, wrong ones by less than 2
    for (int i = 0; i < 20; i++) {
      items.add(item(0, "it", "it", 3 + i * 0.1));
      items.add(item(1, "it", "es", 1.5));
    }
    // a held-out fold that would pull the margin higher if it were looked at
    for (int i = 0; i < 100; i++) {
      items.add(item(LanguageEval.CHOOSE_FOLDS, "it", "es", 2.9));
    }
    double m = LanguageEval.chooseMargin(items, 0);
    assertEquals(1.75, m, 1e-9);
    assertNull(LanguageEval.decided(items.get(1).guess(), m, 0));
    assertEquals("it", LanguageEval.decided(items.get(0).guess(), m, 0));
  }

  private static LanguageEval.Item item(int fold, String lang, String best, double lead) {
    return new LanguageEval.Item(fold, lang, "test", "1 sentence", new LanguageProfiles.Guess(best, best, lead, 1, 10),
        null, "");
  }
}
