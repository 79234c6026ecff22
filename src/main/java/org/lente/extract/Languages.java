package org.lente.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses an article's language from its function words, and normalises declared language tags
 * ({@code it-IT}, {@code en_US}, {@code ita}) to ISO 639-1. Covers the languages of Lente's sources:
 * Italian, English, German, French, Spanish, Portuguese and Dutch.
 */
final class Languages {

  private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
      "it", Set.of("il", "di", "che", "e", "la", "per", "un", "non", "una", "sono", "del", "della", "nel",
          "con", "alla", "anche", "gli", "le", "dei", "delle", "ha", "più", "questo", "è", "si", "da", "al"),
      "en", Set.of("the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on",
          "are", "be", "this", "by", "have", "from", "at", "which", "has", "but", "not", "said"),
      "de", Set.of("der", "die", "und", "das", "ist", "nicht", "ich", "mit", "sich", "des", "auf", "für",
          "ein", "eine", "dem", "den", "zu", "auch", "es", "wird", "von", "bei", "im", "sind"),
      "fr", Set.of("le", "la", "les", "de", "et", "des", "du", "est", "un", "une", "pour", "qui", "dans",
          "que", "pas", "sur", "au", "avec", "il", "ce", "sont", "par", "plus", "ne", "se"),
      "es", Set.of("el", "la", "de", "que", "y", "los", "las", "del", "en", "un", "por", "con", "una",
          "para", "es", "se", "al", "lo", "como", "más", "pero", "sus", "le", "ha", "fue"),
      "pt", Set.of("o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os",
          "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "das"),
      "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "voor", "met",
          "die", "niet", "aan", "er", "maar", "om", "ook", "als", "bij", "dan", "nog", "wordt"));

  private static final Map<String, String> THREE_LETTER = Map.of(
      "ita", "it", "eng", "en", "deu", "de", "ger", "de", "fra", "fr", "fre", "fr", "spa", "es",
      "por", "pt", "nld", "nl", "dut", "nl");
  private static final Pattern TAG = Pattern.compile("^\\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\\s*$");
  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  private Languages() {}

  /** The ISO 639-1 code of a declared tag such as {@code it-IT}, or null when it is not one. */
  static String normalize(String tag) {
    if (tag == null) {
      return null;
    }
    Matcher m = TAG.matcher(tag);
    if (!m.matches()) {
      return null;
    }
    String code = m.group(1).toLowerCase(Locale.ROOT);
    if (code.length() == 3) {
      return THREE_LETTER.get(code);
    }
    return ISO_639_1.contains(code) ? code : null;
  }

  /**
   * The most likely language of {@code text}, or null when the text is too short to tell (fewer
   * than 8 function-word hits) or is in none of the covered languages.
   */
  static String detect(String text) {
    Map<String, Integer> hits = new HashMap<>();
    int words = 0;
    int i = 0;
    int n = Math.min(text.length(), 12_000); // a few hundred words decide it
    while (i < n) {
      while (i < n && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      words++;
      String w = text.substring(start, i).toLowerCase(Locale.ROOT);
      for (Map.Entry<String, Set<String>> e : FUNCTION_WORDS.entrySet()) {
        if (e.getValue().contains(w)) {
          hits.merge(e.getKey(), 1, Integer::sum);
        }
      }
    }
    String best = null;
    int bestHits = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits) {
        best = e.getKey();
        bestHits = e.getValue();
      }
    }
    return bestHits >= 8 && bestHits * 10 >= words ? best : null;
  }

}
