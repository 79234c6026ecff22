package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleFailureTest {

  @Test
  void aRuleThatFailsOnAMatchLosesThatReadingOnly() {
    String text = "the talks resume on 12 march 2024 in geneva";
    List<Rules.Rule> rules = new ArrayList<>();
    rules.add(new Rules.Rule(Pattern.compile("geneva"), (m, c) -> {
      throw new IllegalStateException("No group 5");
    }));
    rules.addAll(Rules.of(Lang.EN, false));
    TimeTagger.Ctx ctx = new TimeTagger.Ctx(text, text, Lang.EN, LocalDateTime.of(2024, 3, 1, 12, 0), true, false);
    List<TimeTagger.Piece> pieces = TimeTagger.pieces(ctx, rules);
    assertEquals(1, pieces.size());
    assertEquals("on 12 march 2024", text.substring(pieces.get(0).start(), pieces.get(0).end()));
  }
}
