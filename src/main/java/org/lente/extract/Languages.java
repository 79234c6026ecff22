package org.lente.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies an article's language (character n-gram profiles, which work on a headline and a sentence),
 * and normalises declared language tags ({@code it-IT}, {@code en_US}, {@code ita}) to ISO 639-1.
 */
final class Languages {

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
   * The language of {@code text} by {@link LanguageProfiles#standard()}, or null when the evidence is too thin
   * (a name, a few words several languages share) or the text is in none of the profiled languages.
   */
  static String detect(String text) {
    return LanguageProfiles.standard().identify(text).language();
  }
}
