package org.lente.story;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as written in Italian, English, Spanish, Dutch and German news, read into one form:
 * "44,000" (en) and "44.000" (it) are both 44000, "4.6" (en) and "4,6" (it) both 4.6. Stateless.
 */
final class Numbers {

  /** Digits with separators, or a word made of letters and digits ("A350", "F-35", "787"). */
  static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\d])(?:\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?|"
      + "\\p{L}{1,4}-?\\d+\\p{L}*)(?![\\p{L}\\d])");
  /** A code of capitals and digits followed by a lower-case s, its English plural: "A380s", "KC-30s". */
  private static final Pattern PLURAL_CODE = Pattern.compile("\\p{Lu}{1,4}-?\\d+s");
  /** A number behind a lower-case prefix and a hyphen: "mid-2011", "pre-2008". */
  private static final Pattern PREFIXED = Pattern.compile("\\p{Ll}+-(\\d+)");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,])\\d{3}(?:\\1\\d{3})*(?:([.,])(\\d+))?");
  /**
   * Every {@link #TOKEN} has a digit among its first this many characters: at most four letters (of two characters
   * each outside the Basic Multilingual Plane) and a hyphen come before it.
   */
  static final int DIGIT_WITHIN = 10;

  private Numbers() {
  }

  /**
   * The matches of {@link #TOKEN} in {@code text}, in order: those {@link Matcher#find} gives, found faster. The
   * pattern is tried only at the positions with a digit at most {@link #DIGIT_WITHIN} characters on (at each, with
   * {@link Matcher#lookingAt} over transparent bounds, so that its lookbehind sees the text before), where
   * {@code find} tries it at every position: its lookbehind and its alternatives of letters cost at each letter of
   * the text, and most of a news text is far from any digit.
   */
  static List<MatchResult> tokens(String text) {
    List<MatchResult> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    int p = 0; // no token starts before p that find would still give
    while (p < n) {
      int digit = p;
      while (digit < n && !(text.charAt(digit) >= '0' && text.charAt(digit) <= '9')) {
        digit++;
      }
      if (digit == n) {
        break; // no digit left: no token
      }
      int next = digit + 1; // none starts in [p, digit] unless found below
      for (int start = Math.max(p, digit - DIGIT_WITHIN + 1); start <= digit; start++) {
        m.region(start, n);
        if (m.lookingAt()) {
          out.add(m.toMatchResult());
          next = m.end();
          break;
        }
      }
      p = next;
    }
    return out;
  }

  /**
   * The plain form of a numeric token: a number without grouping ("44000", "4.6"), or a code in lower
   * case without its hyphen and its English plural ("a350" for "A350" and "A350s", "f35"), a number
   * behind a lower-case prefix as that number ("2011" for "mid-2011"); null when {@code token} is neither.
   *
   * @param decimalComma whether the article's language writes decimals with a comma (it, es, nl, de,
   *     fr); a lone separator followed by exactly three digits is then a thousands separator
   */
  static String plain(String token, boolean decimalComma) {
    if (token.isEmpty()) {
      return null;
    }
    Matcher prefixed = PREFIXED.matcher(token);
    if (prefixed.matches()) {
      return plain(prefixed.group(1), decimalComma); // "mid-2011" is 2011
    }
    if (Character.isLetter(token.charAt(0))) {
      String code = token.replace("-", "").toLowerCase(java.util.Locale.ROOT);
      if (PLURAL_CODE.matcher(token).matches()) {
        code = code.substring(0, code.length() - 1); // "A380s", "KC-30s": English plurals of a code
      }
      return code.chars().anyMatch(Character::isDigit) ? code : null;
    }
    String digits;
    Matcher g = GROUPED.matcher(token);
    if (g.matches() && (g.group(2) == null || !g.group(2).equals(g.group(1)))) {
      boolean singleGroup = token.indexOf(g.group(1)) == token.lastIndexOf(g.group(1)) && g.group(2) == null;
      char sep = g.group(1).charAt(0);
      if (singleGroup && (sep == ',') == decimalComma) {
        digits = token.replace(sep, '.'); // "4,600" in Italian is 4.6 with trailing zeros
      } else {
        digits = token.replace(String.valueOf(sep), "");
        if (g.group(2) != null) {
          digits = digits.replace(g.group(2).charAt(0), '.');
        }
      }
    } else {
      digits = token.replace(',', '.');
    }
    try {
      return new BigDecimal(digits).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether {@code language} (ISO 639-1) writes decimals with a comma; true when unknown but not English. */
  static boolean decimalComma(String language) {
    return language == null || !language.equals("en");
  }
}
