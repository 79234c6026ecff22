package org.lente.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.lente.extract.Article;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/**
 * What Lente understands of one article. All offsets are into {@code article.text()}.
 *
 * @param language the ISO 639-1 code the text was analysed as, or null when it was not
 * @param anchor the date relative time expressions were resolved against (ISO-8601), or null
 * @param warnings what could not be analysed, and why
 */
public record Analysis(Article article, String language, String anchor, List<Sentence> sentences,
    List<Entity> entities, List<Quote> quotes, List<Timex> times, List<String> warnings) {

  public Analysis {
    Objects.requireNonNull(article, "article");
    sentences = List.copyOf(sentences);
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
    times = List.copyOf(times);
    warnings = List.copyOf(warnings);
  }

  /**
   * The language of the article's text as Lente files it: the one it was analysed as, else the one
   * the article declares, as a {@linkplain #languageCode code}; null when neither is known. The
   * store's listings, the search index and stories all filter and group by this one rule.
   *
   * <p>Not {@link #language()} itself: that stays null for a text not analysed (a language without
   * models), which callers tell apart.
   */
  public String textLanguage() {
    return languageCode(language != null ? language : article.language());
  }

  /**
   * The primary subtag of a language tag in lower case ("en" for "en-GB", "EN" or "en_US"); null for
   * null or a blank tag. How a filter's {@code lang} is compared with {@link #textLanguage()}.
   */
  public static String languageCode(String tag) {
    if (tag == null) {
      return null;
    }
    String code = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return code.isEmpty() ? null : code;
  }
}
