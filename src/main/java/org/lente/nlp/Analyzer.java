package org.lente.nlp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.lente.extract.Article;
import org.lente.nlp.ner.Entities;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.ner.EntityTagger;
import org.lente.nlp.ner.NerModels;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.quote.QuoteFinder;
import org.lente.nlp.time.Lang;
import org.lente.nlp.time.TimeTagger;
import org.lente.nlp.time.Timex;

/**
 * Understands an extracted article: splits its text into sentences, finds the entities with their
 * canonical names and roles, the quotes with their speakers, and the time expressions normalized
 * against the publication date. Italian and English are analysed fully; text in another language
 * gets sentences and quotes only, with a warning. Thread-safe: one analyzer serves all workers.
 */
public final class Analyzer {

  /**
   * Default for the longest text analysed: 50,000 characters, some 8,000 words, more than any news
   * article; longer texts are transcripts, comment threads or page dumps, and analysing them whole
   * would cost seconds each. The rest of the text is left out of the analysis with a warning (it
   * stays in the article).
   */
  public static final int DEFAULT_MAX_CHARS = 50_000;

  private final Entities entities;
  private final QuoteFinder quotes = new QuoteFinder();
  private final TimeTagger times = new TimeTagger();
  private final int maxChars;

  public Analyzer(NerModels models) {
    this(models, DEFAULT_MAX_CHARS);
  }

  /** @param maxChars the longest text analysed, at least 1,000 */
  public Analyzer(NerModels models, int maxChars) {
    if (maxChars < 1_000) {
      throw new IllegalArgumentException("maxChars must be at least 1000: " + maxChars);
    }
    this.entities = new Entities(new EntityTagger(models));
    this.maxChars = maxChars;
  }

  /**
   * Analyses {@code article}'s text.
   *
   * @param date the date to resolve relative times against, or null for the article's publication date
   */
  public Analysis analyze(Article article, LocalDate date) {
    List<String> warnings = new ArrayList<>();
    String text = article.text();
    if (text.length() > maxChars) {
      int cut = maxChars;
      while (cut > maxChars - 2_000 && !Character.isWhitespace(text.charAt(cut - 1))) {
        cut--; // not inside a word
      }
      warnings.add("text of " + text.length() + " characters: only the first " + cut + " analysed");
      text = text.substring(0, cut);
    }
    Lang lang = lang(article.language());
    String language = lang == null ? null : lang.name().toLowerCase(java.util.Locale.ROOT);
    if (lang == null) {
      warnings.add(article.language() == null ? "language unknown: entities and times not analysed"
          : "language " + article.language() + " not supported: entities and times not analysed");
    }
    LocalDate anchor = date != null ? date : article.publishedDay();
    if (anchor == null && lang != null) {
      warnings.add("no publication date: relative times are kept relative to an unknown anchor");
    }
    List<Token> tokens = Tokenizer.tokenize(text, lang == null ? Lang.EN : lang);
    List<Sentence> sentences = Sentences.split(text, tokens);
    List<Entity> found = lang == null ? List.of() : entities.find(text, lang, tokens, sentences);
    List<Quote> said = quotes.find(text, tokens, sentences, found);
    List<Timex> when = lang == null ? List.of() : times.find(text, lang, anchor);
    return new Analysis(article, language, anchor == null ? null : anchor.toString(), sentences, found, said, when,
        warnings);
  }

  private static Lang lang(String code) {
    if (code == null) {
      return null;
    }
    return switch (code) {
      case "it" -> Lang.IT;
      case "en" -> Lang.EN;
      default -> null;
    };
  }
}
