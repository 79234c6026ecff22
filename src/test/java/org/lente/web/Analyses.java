package org.lente.web;

import java.util.ArrayList;
import java.util.List;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/** Analyses written by hand for the web tests: a text, and spans placed by finding their words in it. */
final class Analyses {

  private final List<String> paragraphs;
  private final String text;
  private String url = "https://example.org/a";
  private String title = "A title";
  private String site;
  private String published = "2024-06-19";
  private String language = "en";
  private String bio;
  private final List<String> authors = new ArrayList<>();
  private final List<Entity> entities = new ArrayList<>();
  private final List<Quote> quotes = new ArrayList<>();
  private final List<Timex> times = new ArrayList<>();

  private Analyses(List<String> paragraphs) {
    this.paragraphs = List.copyOf(paragraphs);
    this.text = String.join("\n\n", paragraphs);
  }

  static Analyses text(String... paragraphs) {
    return new Analyses(List.of(paragraphs));
  }

  Analyses url(String u) {
    url = u;
    return this;
  }

  Analyses title(String t) {
    title = t;
    return this;
  }

  Analyses site(String s) {
    site = s;
    return this;
  }

  Analyses published(String p) {
    published = p;
    return this;
  }

  Analyses language(String l) {
    language = l;
    return this;
  }

  Analyses author(String a) {
    authors.add(a);
    return this;
  }

  Analyses bio(String b) {
    bio = b;
    return this;
  }

  /** An entity where {@code mention} is first written. */
  Analyses entity(String mention, Entity.Type type, String canonical) {
    return entity(mention, type, canonical, null);
  }

  Analyses entity(String mention, Entity.Type type, String canonical, String role) {
    return entity(mention, type, canonical, role, mention.length());
  }

  /** An entity of the first {@code length} characters where {@code context} is first written. */
  Analyses entity(String context, Entity.Type type, String canonical, String role, int length) {
    int at = at(context);
    entities.add(new Entity(context.substring(0, length), type, at, at + length, canonical, role));
    return this;
  }

  /** An entity at an explicit span (may be hostile: outside the text). */
  Analyses entityAt(int start, int end, Entity.Type type, String canonical) {
    String mention = start >= 0 && end <= text.length() && start <= end ? text.substring(start, end)
        : "x".repeat(Math.max(0, end - start));
    entities.add(new Entity(mention, type, start, end, canonical, null));
    return this;
  }

  /** A direct quote of {@code said} by the first {@code speaker} written in the text (or none). */
  Analyses quote(String said, String speaker, String canonical, String cue) {
    return quote(Quote.Kind.DIRECT, said, speaker, canonical, cue);
  }

  Analyses quote(Quote.Kind kind, String said, String speaker, String canonical, String cue) {
    int at = at(said);
    int s = speaker == null ? -1 : at(speaker);
    quotes.add(new Quote(said, kind, speaker, s, canonical, cue, at, at + said.length()));
    return this;
  }

  /** A direct quote whose speaker is the first {@code length} characters where {@code context} is written. */
  Analyses quote(String said, String context, String canonical, String cue, int length) {
    int at = at(said);
    quotes.add(new Quote(said, Quote.Kind.DIRECT, context.substring(0, length), at(context), canonical, cue, at,
        at + said.length()));
    return this;
  }

  Analyses time(String words, String value) {
    int at = at(words);
    times.add(new Timex(words, Timex.Type.DATE, value, at, at + words.length()));
    return this;
  }

  Analyses timeAt(int start, int end, String value) {
    times.add(new Timex(text.substring(start, end), Timex.Type.DATE, value, start, end));
    return this;
  }

  Analysis build() {
    List<Block> blocks = new ArrayList<>();
    for (String p : paragraphs) {
      blocks.add(new Block(Block.Type.PARAGRAPH, p));
    }
    if (bio != null) {
      blocks.add(new Block(Block.Type.BIO, bio));
    }
    Article article = new Article(url, url, title, null, authors, site, null, List.of(), published, null,
        published == null ? null : "meta", language, blocks, bio, List.of());
    if (!article.text().equals(text)) {
      throw new IllegalStateException("paragraphs changed by Article: " + article.text());
    }
    return new Analysis(article, language, published, List.of(), entities, quotes, times, List.of());
  }

  private int at(String words) {
    int i = text.indexOf(words);
    if (i < 0) {
      throw new IllegalArgumentException("not in the text: " + words);
    }
    return i;
  }
}
