package org.lente.story;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words that original news in one language uses: the distinct lower-cased words of the same
 * number of tokens of news written in that language (not translated), one list per language, built
 * by {@code bench/make-lexicons.py} and shipped as {@code lexicon-LANG.txt}. {@link Provenance}
 * reads them to tell a word a translation kept from its source language ("browser" left in an
 * Italian text) from a word the language has made its own ("online" in Italian Wikinews).
 *
 * <p>Lists exist for Italian and English; {@link #of} is empty for other languages. Each list is
 * read once, on first use, and shared. Thread-safe.
 */
final class Lexicon {

  private static final Map<String, Optional<Lexicon>> LOADED = new ConcurrentHashMap<>();

  private final String language;
  private final Set<String> words;

  private Lexicon(String language, Set<String> words) {
    this.language = language;
    this.words = Set.copyOf(words);
  }

  /** The list of {@code language} (an ISO 639-1 code), or empty when Lente has none for it. */
  static Optional<Lexicon> of(String language) {
    if (language == null || language.length() != 2 || !language.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return Optional.empty();
    }
    return LOADED.computeIfAbsent(language, Lexicon::load);
  }

  private static Optional<Lexicon> load(String language) {
    try (InputStream in = Lexicon.class.getResourceAsStream("lexicon-" + language + ".txt")) {
      if (in == null) {
        return Optional.empty();
      }
      Set<String> words = new HashSet<>(1 << 15);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          words.add(line.strip());
        }
      }
      return Optional.of(new Lexicon(language, words));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + language + " word list", e);
    }
  }

  /** The list's language, an ISO 639-1 code. */
  String language() {
    return language;
  }

  /** Whether original news in this language uses {@code word} (lower case, letters only). */
  boolean contains(String word) {
    return words.contains(word);
  }
}
