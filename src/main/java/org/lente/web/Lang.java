package org.lente.web;

import java.util.List;
import java.util.Locale;

/**
 * Which language a page speaks: the {@code ?lang=} parameter (then kept in the {@value #COOKIE}
 * cookie), else the cookie, else the best of {@code Accept-Language}, else English.
 */
public final class Lang {

  /** The cookie that keeps the language chosen with {@code ?lang=}. */
  public static final String COOKIE = "lente_lang";

  private Lang() {}

  /**
   * The language for a request.
   *
   * @param param the {@code lang} query parameter, or null
   * @param cookie the {@value #COOKIE} cookie, or null
   * @param acceptLanguage the Accept-Language header, or null; malformed headers are ignored
   */
  public static String choose(String param, String cookie, String acceptLanguage) {
    String p = known(param);
    if (p != null) {
      return p;
    }
    String c = known(cookie);
    if (c != null) {
      return c;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank() && acceptLanguage.length() < 1000) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          if (range.getWeight() <= 0) {
            continue;
          }
          String tag = range.getRange();
          String lang = known(tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag);
          if (lang != null) {
            return lang;
          }
        }
      } catch (IllegalArgumentException malformed) {
        // a malformed header: the default language
      }
    }
    return Messages.LANGUAGES.get(0);
  }

  /** {@code code} lower-cased when the interface speaks it, else null. */
  public static String known(String code) {
    if (code == null) {
      return null;
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    return Messages.LANGUAGES.contains(c) ? c : null;
  }

  /** The other languages than {@code current}, for the switch links. */
  public static List<String> others(String current) {
    return Messages.LANGUAGES.stream().filter(l -> !l.equals(current)).toList();
  }
}
