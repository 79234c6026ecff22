package org.lente.nlp;

import java.util.ArrayList;
import java.util.List;
import org.lente.nlp.time.Lang;

/**
 * Splits text into {@link Token}s with exact offsets. Words keep inner hyphens between digits
 * ("3-0") and before a lower-case part or after an Arabic name's article ("Jong-un", "al-Assad", not
 * "Russia-Ucraina": {@link #joinsAtHyphen}), dots of abbreviations ("U.S.", "Mr.", the initial
 * "J.") and decimal marks; punctuation stands alone. A run longer than {@link Token#MAX_CHARS}
 * is cut into tokens of that length. An Italian
 * elision ends its token at the apostrophe ("dell'" + "Ucraina", as the Italian NER data is cut);
 * in English "'s" and "n't" are tokens of their own. Stateless and thread-safe.
 */
public final class Tokenizer {

  /** Abbreviated titles whose dot belongs to the word. */
  private static final java.util.Set<String> TITLES = java.util.Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "adm", "jr", "sr",
      "st", "rev", "sig", "sigg", "dott", "avv", "mons", "pres");

  /** The Arabic article as names write it before a hyphen ("al-Assad", "ad-Dawla", "ash-Sham"). */
  private static final java.util.Set<String> NAME_ARTICLES = java.util.Set.of("al", "el", "ad", "ar", "as", "ash",
      "at", "az", "an", "ud", "ul");

  private Tokenizer() {}

  /**
   * Whether {@code word} is an Arabic name written with its article before a hyphen and a capital ("al-Assad",
   * "el-Sisi", "ash-Sham"): a name's word though it opens in lower case.
   */
  public static boolean isArticledName(String word) {
    int h = word.indexOf('-');
    return h > 0 && h + 1 < word.length() && Character.isUpperCase(word.charAt(h + 1))
        && NAME_ARTICLES.contains(word.substring(0, h).toLowerCase(java.util.Locale.ROOT));
  }

  /** The tokens of {@code text}. */
  public static List<Token> tokenize(String text, Lang lang) {
    List<Token> out = new ArrayList<>(text.length() / 5 + 4);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
        i++;
        continue;
      }
      if (!Character.isLetterOrDigit(c)) {
        int j = i + 1;
        // runs of the same punctuation stay one token: "...", "--", "!!"
        while (j < n && text.charAt(j) == c && (c == '.' || c == '-' || c == '!' || c == '?')) {
          j++;
        }
        if (Character.isHighSurrogate(c) && j < n) {
          j++;
        }
        add(out, text, i, j);
        i = j;
        continue;
      }
      int j = wordEnd(text, i);
      if (j < n && text.charAt(j) == '.' && (j == i + 1 && Character.isUpperCase(c) && j + 2 < n
          && text.charAt(j + 1) == ' ' && Character.isUpperCase(text.charAt(j + 2))
          || TITLES.contains(text.substring(i, j).toLowerCase(java.util.Locale.ROOT)))) {
        j++; // an initial before a name, "Mary J. Blige", or a title: "Mr. Obama", "Sen. Warren"
      }
      addWord(out, text, i, j, lang);
      i = j;
    }
    return out;
  }

  /** End of the word starting at {@code i}: letters and digits, joined by inner marks. */
  private static int wordEnd(String text, int i) {
    int n = text.length();
    int j = i;
    while (j < n) {
      char c = text.charAt(j);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        j++;
        continue;
      }
      boolean next = j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1));
      char prev = text.charAt(j - 1);
      if (next && (c == '\'' || c == '\u2019')) {
        j++; // split later by language
      } else if (next && (c == '.' || c == ',') && Character.isDigit(prev) && Character.isDigit(text.charAt(j + 1))) {
        j++; // 1.500 / 3,5
      } else if (next && c == '-' && Character.isDigit(prev) && Character.isDigit(text.charAt(j + 1))) {
        j++; // 3-0, 2023-09
      } else if (next && c == '-' && Character.isLetter(prev) && joinsAtHyphen(text, i, j)) {
        j++; // Jong-un, centro-destra, al-Assad, Jean-Claude Juncker
      } else if (c == '.' && next && Character.isLetter(prev) && j + 2 <= n
          && (j + 2 == n || text.charAt(j + 2) == '.') && isAbbrevRun(text, i, j)) {
        j++; // U.S.A.
      } else if (c == '.' && isAbbrevRun(text, i, j) && j - i >= 3) {
        return j + 1; // the closing dot of U.S.
      } else {
        break;
      }
    }
    return j;
  }

  /**
   * True when the hyphen at {@code h}, after the letters of text[i, h), joins one word, as the Italian NER
   * training data (KIND, which Tint's model learned from) cuts it: "Jong-un", "Ki-moon", "al-Assad",
   * "Jean-Claude", "centro-destra". That is when the part after it opens in lower case, or the part before it is
   * an Arabic name's article ("al", "el", "ad", "ash", …: "al-Assad", "Al-Qaeda"), or both parts are capitalised
   * words (not capitals: "ANTI-MIGRANT PROTESTERS") and a capitalised word follows ("Jean-Claude Juncker",
   * "Friuli-Venezia Giulia"). Two capitalised parts otherwise stay apart ("Russia-Ucraina", "Obama-Netanyahu":
   * two names, as headlines of match-ups and talks write them), and so do a prefix and a name ("anti-Assad",
   * "pro-Putin": the name is mentioned).
   */
  private static boolean joinsAtHyphen(String text, int i, int h) {
    char after = text.charAt(h + 1);
    if (!Character.isLetter(after)) {
      return false;
    }
    if (Character.isLowerCase(after)) {
      return true;
    }
    int from = Math.max(i, text.lastIndexOf('-', h - 1) + 1);
    if (NAME_ARTICLES.contains(text.substring(from, h).toLowerCase(java.util.Locale.ROOT))) {
      return true;
    }
    // two capitalised parts before a third capitalised word are one name's parts: "Jean-Claude Juncker",
    // "Friuli-Venezia Giulia"; before anything else two names ("Russia-Ucraina", "il vertice Trump-Putin di ieri")
    int end = h + 1;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return titleCase(text, from, h) && titleCase(text, h + 1, end) && end + 1 < text.length()
        && text.charAt(end) == ' ' && Character.isUpperCase(text.charAt(end + 1));
  }

  /** True when text[from, to) is a capital then lower case ("Jean", not "USA" nor a capitals' headline). */
  private static boolean titleCase(String text, int from, int to) {
    return to - from >= 2 && Character.isUpperCase(text.charAt(from)) && Character.isLowerCase(text.charAt(from + 1));
  }

  /** True when text[i, j) looks like single letters joined by dots ("U.S", "U"). */
  private static boolean isAbbrevRun(String text, int i, int j) {
    for (int k = i; k < j; k++) {
      boolean letterSlot = (k - i) % 2 == 0;
      char c = text.charAt(k);
      if (letterSlot ? !Character.isLetter(c) : c != '.') {
        return false;
      }
    }
    return true;
  }

  private static void addWord(List<Token> out, String text, int start, int end, Lang lang) {
    int s = start;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c != '\'' && c != '\u2019') {
        continue;
      }
      if (lang == Lang.EN) {
        // don't -> do + n't ; Putin's -> Putin + 's
        if (k + 2 == end && (text.charAt(k + 1) == 's' || text.charAt(k + 1) == 'S') && k > s) {
          add(out, text, s, k);
          add(out, text, k, end);
          return;
        }
        if (k + 2 == end && (text.charAt(k + 1) == 't' || text.charAt(k + 1) == 'T') && k - 1 > s
            && (text.charAt(k - 1) == 'n' || text.charAt(k - 1) == 'N')) {
          add(out, text, s, k - 1);
          add(out, text, k - 1, end);
          return;
        }
      } else if (k + 1 < end) {
        add(out, text, s, k + 1); // dell' + Ucraina
        s = k + 1;
      }
    }
    add(out, text, s, end);
  }

  /** Adds {@code text[s, e)} as a token, or as tokens of {@link Token#MAX_CHARS} when it is longer: no word is. */
  private static void add(List<Token> out, String text, int s, int e) {
    while (e - s > Token.MAX_CHARS) {
      int cut = s + Token.MAX_CHARS;
      if (Character.isLowSurrogate(text.charAt(cut))) {
        cut--; // not between the halves of a character
      }
      out.add(new Token(text.substring(s, cut), s, cut));
      s = cut;
    }
    if (e > s) {
      out.add(new Token(text.substring(s, e), s, e));
    }
  }
}
