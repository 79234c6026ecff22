package org.lente.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interface's words in one language, from {@code messages_<lang>.properties} (UTF-8) beside this
 * class. Immutable and thread-safe.
 */
public final class Messages {

  /** The languages the interface speaks, the first being the default. */
  public static final List<String> LANGUAGES = List.of("en", "it");

  private static final Map<String, Messages> ALL = Map.of("en", load("en"), "it", load("it"));

  private final String language;
  private final Properties words;

  private Messages(String language, Properties words) {
    this.language = language;
    this.words = words;
  }

  /** The messages of {@code language} (one of {@link #LANGUAGES}); the default language's otherwise. */
  public static Messages of(String language) {
    Messages m = language == null ? null : ALL.get(language.toLowerCase(Locale.ROOT));
    return m != null ? m : ALL.get(LANGUAGES.get(0));
  }

  /** The ISO 639-1 code of this language. */
  public String language() {
    return language;
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }

  /** The message under {@code key}; the key itself when there is none (a test checks there is always one). */
  public String t(String key) {
    return words.getProperty(key, key);
  }

  /** The message under {@code key} with {@code {0}}, {@code {1}} … replaced by {@code args}. */
  public String t(String key, Object... args) {
    String s = t(key);
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }

  /**
   * A count with its noun: the message under {@code key.one} when {@code n} is 1, else under
   * {@code key.other} ("1 article", "0 articles", "2 articoli"), with {@code {0}} the number formatted
   * for this language and {@code {1}}, {@code {2}} … {@code more}. Italian and English have the same
   * two plural forms for whole numbers (CLDR's one and other), one being exactly 1; a language with
   * more forms would add keys here.
   */
  public String count(String key, long n, Object... more) {
    Object[] args = new Object[more.length + 1];
    args[0] = number(n);
    System.arraycopy(more, 0, args, 1, more.length);
    return t(key + (n == 1 ? ".one" : ".other"), args);
  }

  /** The number formatted for this language (1,234 or 1.234). */
  public String number(long n) {
    return String.format(locale(), "%,d", n);
  }

  /** The keys this language has. */
  Set<String> keys() {
    return new TreeSet<>(words.stringPropertyNames());
  }

  private static Messages load(String language) {
    String name = "messages_" + language + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new Messages(language, p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
