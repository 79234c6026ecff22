package org.lente.nlp.ner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lente.nlp.Token;

/**
 * Lines where capitals say nothing about names: headlines in title case ("Assad Must Go, Crowd Says")
 * or in capitals ("ABBASSO BASHAR"), slogans and section labels. The statistical tagger reads a
 * capital as evidence of a name, so on such a line it finds names in ordinary words; a name found
 * there is kept only when the rest of the text names it too ({@link #confirmedByBody}).
 */
final class Headlines {

  /**
   * Words this long or longer are the ones a title-case line capitalises and a sentence-case line
   * does not; articles, prepositions and conjunctions, which title case may leave in lower case,
   * are shorter in Italian and English ("il", "di", "del", "the", "of", "and").
   */
  private static final int CONTENT_LETTERS = 4;

  private Headlines() {}

  /**
   * Marks the tokens that stand on a line capitalised throughout: every word of four letters or more
   * begins with a capital, and there are at least two such words (one capitalised word is no
   * evidence either way). A line is the text between two line breaks. Linear in the number of tokens.
   *
   * @param tokens the text's tokens, in text order, offsets into {@code text}
   * @return one flag per token
   */
  static boolean[] capitalisedLines(String text, List<Token> tokens) {
    boolean[] out = new boolean[tokens.size()];
    int i = 0;
    while (i < tokens.size()) {
      int lineEnd = text.indexOf('\n', tokens.get(i).start());
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      int j = i;
      int content = 0;
      boolean allCapitalised = true;
      while (j < tokens.size() && tokens.get(j).start() < lineEnd) {
        Token t = tokens.get(j);
        if (isContentWord(t.text())) {
          content++;
          allCapitalised &= Character.isUpperCase(t.text().codePointAt(0));
        }
        j++;
      }
      if (allCapitalised && content >= 2) {
        java.util.Arrays.fill(out, i, j, true);
      }
      i = Math.max(j, i + 1);
    }
    return out;
  }

  /** True when some token is off the capitalised lines: the text has a body. */
  static boolean hasBody(boolean[] capitalised) {
    for (boolean c : capitalised) {
      if (!c) {
        return true;
      }
    }
    return false;
  }

  private static boolean isContentWord(String w) {
    int letters = 0;
    for (int k = 0; k < w.length(); k++) {
      if (Character.isLetter(w.charAt(k))) {
        letters++;
      }
    }
    return letters >= CONTENT_LETTERS && Character.isLetter(w.codePointAt(0));
  }

  /**
   * The mentions to keep: every mention outside a capitalised line, and a mention on one when each of
   * its words is a word of some mention outside them ("Putin" in the headline, "Vladimir Putin" in the
   * body). Call it only for a text that has a body: a headline alone has nothing to check against.
   *
   * @param onCapitalisedLine one flag per mention, in the order of {@code mentions}
   */
  static List<Entity> confirmedByBody(List<Entity> mentions, List<Boolean> onCapitalisedLine) {
    Set<String> bodyWords = new HashSet<>();
    for (int k = 0; k < mentions.size(); k++) {
      if (!onCapitalisedLine.get(k)) {
        bodyWords.addAll(Entities.words(mentions.get(k).text()));
      }
    }
    List<Entity> out = new ArrayList<>(mentions.size());
    for (int k = 0; k < mentions.size(); k++) {
      Entity m = mentions.get(k);
      if (!onCapitalisedLine.get(k) || bodyWords.containsAll(Entities.words(m.text()))) {
        out.add(m);
      }
    }
    return out;
  }
}
