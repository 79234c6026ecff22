package org.lente.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits tokens into {@link Sentence}s. A sentence ends at a line break, or at {@code . ! ? …}
 * (with any closing quotes or brackets after it) when the next token opens a new sentence: an
 * upper-case word, a digit, or an opening quote. Known abbreviations ("Sig.", "Mr.", "U.S."),
 * initials ("J.") and numbers ("3.") do not end a sentence. Stateless and thread-safe.
 */
public final class Sentences {

  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
      "adm", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "pres", "sig", "sigg",
      "sig.ra", "dott", "dott.ssa", "ing", "avv", "geom", "arch", "rag", "pp", "c.a", "tel", "fig", "vol",
      "mons", "onn");

  private static final Set<String> NUMBER_SIGNS = Set.of("no", "n", "nr", "nos");

  private static final String CLOSERS = "\"'”’»)]}";
  private static final String OPENERS = "\"'“‘«„([{";

  private Sentences() {}

  /** The sentences of {@code text}, whose tokens are {@code tokens}. */
  public static List<Sentence> split(String text, List<Token> tokens) {
    List<Sentence> out = new ArrayList<>();
    int first = 0;
    int n = tokens.size();
    for (int i = 0; i < n; i++) {
      boolean end = i == n - 1;
      if (!end && lineBreakBetween(text, tokens.get(i), tokens.get(i + 1))) {
        end = true;
      } else if (!end && isTerminal(tokens.get(i)) && !isAbbreviation(tokens, i)) {
        int j = i + 1;
        while (j < n && CLOSERS.indexOf(tokens.get(j).text().charAt(0)) >= 0 && tokens.get(j).text().length() == 1
            && !lineBreakBetween(text, tokens.get(j - 1), tokens.get(j))) {
          j++;
        }
        if (j >= n || opensSentence(tokens.get(j)) || lineBreakBetween(text, tokens.get(j - 1), tokens.get(j))) {
          i = j - 1;
          end = true;
        }
      }
      if (end) {
        out.add(new Sentence(tokens.get(first).start(), tokens.get(i).end(), first, i + 1));
        first = i + 1;
      }
    }
    return out;
  }

  private static boolean isTerminal(Token t) {
    String s = t.text();
    return s.equals(".") || s.equals("!") || s.equals("?") || s.equals("…") || s.equals("...")
        || s.equals("?!") || s.startsWith("!!") || s.startsWith("??");
  }

  private static boolean isAbbreviation(List<Token> tokens, int i) {
    if (!tokens.get(i).text().equals(".") || i == 0) {
      return false;
    }
    Token prev = tokens.get(i - 1);
    if (prev.end() != tokens.get(i).start()) {
      return false;
    }
    String w = prev.text();
    if (w.length() == 1 && Character.isUpperCase(w.charAt(0))) {
      return true; // an initial: "J. Smith"
    }
    String lower = w.toLowerCase(java.util.Locale.ROOT);
    if (NUMBER_SIGNS.contains(lower)) { // "No. 1", "n. 5", but "said no."
      return i + 1 < tokens.size() && Character.isDigit(tokens.get(i + 1).text().charAt(0));
    }
    return isAbbreviation(lower);
  }

  /**
   * Whether {@code word}, lower-case and without its period, is a known abbreviation whose period ends no sentence:
   * a title ("mr", "sen"), a company's form ("corp", "co"), a month ("oct", "sept"). Initials and letters joined by
   * dots ("u.s") are told by their shape, not by this list.
   */
  public static boolean isAbbreviation(String word) {
    return ABBREVIATIONS.contains(word);
  }

  private static boolean opensSentence(Token t) {
    char c = t.text().charAt(0);
    return Character.isUpperCase(c) || Character.isDigit(c) || OPENERS.indexOf(c) >= 0 || c == '-' || c == '–'
        || c == '—' || c == '¿' || c == '¡';
  }

  private static boolean lineBreakBetween(String text, Token a, Token b) {
    for (int k = a.end(); k < b.start(); k++) {
      if (text.charAt(k) == '\n') {
        return true;
      }
    }
    return false;
  }
}
