package org.lente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/**
 * The JSON shapes {@code lente extract --json} and {@code lente analyze --json} print, one object per article:
 * records written by Jackson, fields in component order, nulls written. Entities and time expressions are
 * their {@link Entity} and {@link Timex} records, as the API shows them.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * An article as {@code extract} gives it.
   *
   * @param blocks the body in reading order, each with its type's {@linkplain org.lente.extract.Block.Type#label
   *     label}
   * @param text {@link Article#text()}
   */
  record Extracted(String source, String url, String declaredUrl, String title, String subtitle,
      List<String> authors, String site, String section, List<String> tags, String published, String modified,
      String dateSource, String language, List<TypedText> blocks, String text, String authorBio,
      List<String> warnings) {

    static Extracted of(Article a) {
      return new Extracted(a.source(), a.url(), a.declaredUrl(), a.title(), a.subtitle(), a.authors(), a.site(),
          a.section(), a.tags(), a.published(), a.modified(), a.dateSource(), a.language(),
          a.blocks().stream().map(b -> new TypedText(b.type().label(), b.text())).toList(), a.text(), a.authorBio(),
          a.warnings());
    }
  }

  /** A block of an article: {@code paragraph}, {@code heading}, {@code quote}, {@code list}, … and its text. */
  record TypedText(String type, String text) {}

  /** An article as {@code analyze} gives it: the extracted article and what was found in its text. */
  record Analyzed(Extracted article, String language, String anchor, List<Span> sentences, List<Entity> entities,
      List<QuoteSpan> quotes, List<Timex> times, List<String> warnings) {

    static Analyzed of(Analysis a) {
      return new Analyzed(Extracted.of(a.article()), a.language(), a.anchor(),
          a.sentences().stream().map(s -> new Span(s.start(), s.end())).toList(), a.entities(),
          a.quotes().stream().map(QuoteSpan::of).toList(), a.times(), a.warnings());
    }
  }

  /** A sentence's offsets in the text: {@code [start, end)}. */
  record Span(int start, int end) {}

  /**
   * A quote in the analysed text, with the offsets of its speaker's mention (null when no speaker was found).
   *
   * @param kind {@link Quote.Kind#label()}: {@code direct}, {@code indirect} or {@code partial}, as the API spells it
   */
  record QuoteSpan(String text, String kind, String speaker, Integer speakerStart, Integer speakerEnd,
      String speakerCanonical, String cue, int start, int end) {

    static QuoteSpan of(Quote q) {
      boolean named = q.speaker() != null;
      return new QuoteSpan(q.text(), q.kind().label(), q.speaker(), named ? q.speakerStart() : null,
          named ? q.speakerEnd() : null, q.speakerCanonical(), q.cue(), q.start(), q.end());
    }
  }
}
