package org.lente.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns bylines ("By Jane Doe and John Roe, Staff Writers | June 19, 2024") into author names. */
final class Bylines {

  private static final Pattern PREFIX = Pattern.compile(
      "^(?:(?:written|posted|published|reported|text|words|story|report|photos?)\\s+by|by|di|da|a cura di|"
          + "testo di|autore|autrice|author|authors|von|par|por|door|texto|text)\\s*[:\\-–—]?\\s+",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern SEPARATORS = Pattern.compile(
      "\\s*(?:,|;|&|\\||/|\\band\\b|\\be\\b|\\bund\\b|\\bet\\b|\\by\\b|\\bwith\\b|\\bcon\\b|\\n)\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
  private static final Set<String> NOT_NAMES = Set.of(
      "staff", "staff writer", "editor", "editors", "redazione", "admin", "administrator", "reporter",
      "correspondent", "contributor", "guest", "news", "agency", "the associated press", "associated press",
      "reuters", "afp", "ansa", "ap", "updated", "published", "senior writer", "writer", "columnist",
      "read more", "view all posts", "more", "follow", "twitter", "email", "facebook", "opinion");
  private static final Pattern ROLE_WORD = Pattern.compile(
      "\\b(?:staff|writer|editor|reporter|correspondent|columnist|contributor|journalist|giornalista|"
          + "inviat[oa]|corrispondente|redattore|redattrice|photographer|fotografo|senior|chief|"
          + "deputy|news|bureau|opinion|political|politics|updated|published|read|minutes?|min)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words that name a publication or an agency rather than a person: "The Lakeside Courier". */
  private static final Pattern OUTLET = Pattern.compile(
      "(?i)^the\\s|\\b(courier|times|post|news|gazette|gazzetta|tribune|herald|journal|daily|press|agency|"
          + "agenzia|corriere|giornale|repubblica|stampa|messaggero|quotidiano|magazine|review|chronicle|"
          + "observer|guardian|telegraph|independent|zeitung|nachrichten|monde|figaro|país|diario|tv|radio|"
          + "media|network|group|staff|desk|online|\\.com|\\.it)\\b");

  private Bylines() {}

  /** The person names in one or more bylines, in order, without duplicates. */
  static List<String> names(List<String> bylines) {
    Set<String> out = new LinkedHashSet<>();
    for (String byline : bylines) {
      out.addAll(names(byline));
    }
    return List.copyOf(out);
  }

  static List<String> names(String byline) {
    List<String> out = new ArrayList<>();
    if (byline == null) {
      return out;
    }
    String s = byline.replace('\u00a0', ' ').strip();
    if (s.length() > 300 || s.startsWith("http") || s.contains("@") && !s.contains(" ")) {
      return out;
    }
    s = PREFIX.matcher(s).replaceFirst("");
    for (String part : SEPARATORS.split(s)) {
      String name = PREFIX.matcher(part.strip()).replaceFirst("").strip();
      name = name.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s&&[^.]]+$", "").strip();
      if (looksLikeName(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** One to five words, no digits, each word capitalised (particles such as "de", "van", "di" allowed). */
  static boolean looksLikeName(String s) {
    if (s.isEmpty() || s.length() > 60 || HAS_DIGIT.matcher(s).find()) {
      return false;
    }
    if (NOT_NAMES.contains(s.toLowerCase(Locale.ROOT)) || ROLE_WORD.matcher(s).find() || OUTLET.matcher(s).find()) {
      return false;
    }
    String[] words = s.split("\\s+");
    if (words.length > 5) {
      return false;
    }
    int capitalised = 0;
    for (String w : words) {
      if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) {
        capitalised++;
      } else if (!w.matches("(?i)de|da|di|del|della|van|von|der|den|la|le|du|dos|das|bin|al|el|ter|y")) {
        return false;
      }
    }
    return capitalised >= 1 && (words.length > 1 || s.length() >= 3);
  }
}
