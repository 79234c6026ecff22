package org.lente.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lente.nlp.Accents;

/**
 * How names are compared across articles: the normalised form that {@link EntityResolver} and
 * {@link Equivalents} index. Stateless.
 */
final class Names {

  /** Articles dropped from the start of a name ("the United States", "la Casa Bianca", "l'Aia"). */
  private static final Set<String> LEADING_ARTICLES = Set.of("the", "il", "lo", "la", "l", "i", "gli", "le");
  /** Legal forms dropped from the end of an organisation's name ("Apple Inc." is "Apple"). */
  private static final Set<String> LEGAL_FORMS = Set.of(
      "inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "nv", "bv", "sa", "spa",
      "srl", "ag", "gmbh", "ab", "asa", "oyj");
  /** Words left out of an acronym ("Organisation for Economic Co-operation and Development"). */
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "of", "and", "for", "the", "on", "in", "to", "de", "di", "del", "della", "dei", "delle", "degli", "dell", "e",
      "per", "la", "le", "il", "lo", "l", "des", "du", "et", "&");
  /** Words that a name may carry after the ones its acronym spells ("EADS" for "… Space Company"). */
  private static final Set<String> GENERIC_TAILS = Set.of("company", "corporation", "group", "inc", "corp", "ltd");

  private Names() {
  }

  /**
   * The normalised form of a name: accents removed, lower case, dots deleted ("U.S." is "us"),
   * apostrophes, hyphens and other punctuation as spaces ("Kim Jong-un" is "kim jong un"), a leading
   * article dropped when words remain, and for organisations and places ({@code legalForms}) a
   * trailing legal form dropped when words remain. Empty when the name has no letter or digit.
   */
  static String normalize(String name, boolean legalForms) {
    List<String> words = words(name);
    if (words.size() > 1 && LEADING_ARTICLES.contains(words.get(0))) {
      words.remove(0);
    }
    if (legalForms && words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return String.join(" ", words);
  }

  /**
   * The words of a name as {@link #normalize} sees them, before articles and legal forms go. A name in ASCII skips the
   * decomposition and the marks' removal, which leave it as it is: the resolver folds every entity of every article.
   */
  static List<String> words(String name) {
    String folded = Accents.strip(name).toLowerCase(Locale.ROOT).replace(".", "");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      if (Character.isLetterOrDigit(c) || c == '+') {
        word.appendCodePoint(c);
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
      i += Character.charCount(c);
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * A word of a person's normalised name with the spellings that transliterations of one name from another script
   * differ by folded together, so that the Italian and English press's forms of one person compare equal: "x" is "ks"
   * ("alexei", "aleksei"); "ya" and "yu" opening the word are "ja" and "ju" (the Cyrillic letters "я" and "ю": "yulia",
   * "julia"; not "yo" or "ye", which Korean names keep apart from "jo" and "je": Kim Yong Nam is not Kim Jong Nam); an
   * ending "ij", "yj", "iy", "yi", "ii" or "yy" is "i" ("dmitrij", "dmitry", "dmitrii" are "dmitri"; "navalnyj",
   * "navalny" are "navalni"; "zelenskyy" is "zelenski"), "ej" and "ey" are "ei" ("sergej", "sergey", "sergei"), and a
   * "y" after a consonant ending a word of three or more letters is "i". Other letters stay: "jan" and "ian" are two
   * names, and so are "ch" and "kh".
   */
  static String transliterationFold(String word) {
    String w = word.indexOf('x') < 0 ? word : word.replace("x", "ks");
    if (w.length() > 1 && w.charAt(0) == 'y' && (w.charAt(1) == 'a' || w.charAt(1) == 'u')) {
      w = "j" + w.substring(1);
    }
    int n = w.length();
    if (n < 3) {
      return w;
    }
    String end = w.substring(n - 2);
    if (n > 3 && (end.equals("ij") || end.equals("yj") || end.equals("iy") || end.equals("yi") || end.equals("ii")
        || end.equals("yy"))) {
      return w.substring(0, n - 2) + "i";
    }
    if (end.equals("ej") || end.equals("ey")) {
      return w.substring(0, n - 2) + "ei";
    }
    if (w.charAt(n - 1) == 'y' && Character.isLetter(w.charAt(n - 2)) && "aeiouy".indexOf(w.charAt(n - 2)) < 0) {
      return w.substring(0, n - 1) + "i";
    }
    return w;
  }

  /**
   * Whether a name is written as an acronym: one word of three to eight capital letters once dots
   * are removed ("NATO", "U.S.A.", "USAF"); "Nato" is not, though it normalises to the same form.
   */
  static boolean isAcronym(String name) {
    String letters = name.strip().replace(".", "");
    if (letters.length() < 3 || letters.length() > 8) {
      return false;
    }
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      if (!Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The acronyms a name of three or more content words could be written as, lower case: the
   * initials of its words except function words ("United States Air Force" gives "usaf"), and the
   * same without a generic last word ("European Aeronautic Defence and Space Company" also gives
   * "eads"). Empty for shorter names.
   */
  static Set<String> initials(String name) {
    List<String> content = new ArrayList<>();
    for (String w : words(name)) {
      if (!FUNCTION_WORDS.contains(w)) {
        content.add(w);
      }
    }
    Set<String> out = new LinkedHashSet<>();
    if (content.size() >= 3) {
      out.add(firstLetters(content));
      if (content.size() >= 4 && GENERIC_TAILS.contains(content.get(content.size() - 1))) {
        out.add(firstLetters(content.subList(0, content.size() - 1)));
      }
    }
    return out;
  }

  private static String firstLetters(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      b.appendCodePoint(w.codePointAt(0));
    }
    return b.toString();
  }

  /** A key-safe form of a normalised name: words joined by hyphens ("north-korea"). */
  static String slug(String normalized) {
    return normalized.replace(' ', '-');
  }
}
