package org.lente.nlp;

import java.util.List;
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
}
