package org.lente.nlp;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Accents removed from text for comparison: the one place where names, anchors and shingles are folded, so that
 * "Città" and "Citta", "Müller" and "Muller" compare equal wherever Lente matches words. Stateless.
 */
public final class Accents {

  /** Runs of combining marks, left by the compatibility decomposition: compiled once, not at each call. */
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Accents() {}

  /**
   * {@code text} decomposed (NFKD) with its combining marks removed: "perché" is "perche", "ﬁ" is "fi". Case is kept.
   * Text all in ASCII is returned as it is, without the decomposition (which would not change it): callers fold every
   * name of every article.
   */
  public static String strip(String text) {
    return isAscii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
  }

  /** Whether every character of {@code s} is ASCII (which no decomposition changes, and which holds no mark). */
  public static boolean isAscii(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }
}
