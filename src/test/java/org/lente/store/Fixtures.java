package org.lente.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/**
 * Analyses built by hand, without the NLP models: an article's paragraphs, with entities, quotes
 * and times placed by finding their text in it. Sentences end at ". " and at paragraph breaks.
 */
final class Fixtures {

  private final String url;
  private final String text;
  private final List<String> paragraphs;
  private String published;
  private String site;
  private String language = "it";
  private String bio;
  private final List<String> authors = new ArrayList<>();
  private final List<Entity> entities = new ArrayList<>();
  private final List<Quote> quotes = new ArrayList<>();
  private final List<Timex> times = new ArrayList<>();

  private Fixtures(String url, List<String> paragraphs) {
    this.url = url;
    this.paragraphs = List.copyOf(paragraphs);
    this.text = String.join("\n\n", paragraphs);
  }

  /** An article at {@code url} whose body is {@code paragraphs}. */
  static Fixtures article(String url, String... paragraphs) {
    return new Fixtures(url, List.of(paragraphs));
  }

  /** A plain article: its text, no entities, quotes or times. */
  static Analysis plain(String url, String text) {
    return article(url, text).published("2024-06-19").build();
  }

  Fixtures published(String date) {
    this.published = date;
    return this;
  }

  Fixtures site(String name) {
    this.site = name;
    return this;
  }

  Fixtures language(String code) {
    this.language = code;
    return this;
  }

  /** The author bio the extractor found. */
  Fixtures bio(String text) {
    this.bio = text;
    return this;
  }

  Fixtures author(String name) {
    authors.add(name);
    return this;
  }

  /** An entity at the first place where {@code mention} is written, at or after {@code from}. */
  Fixtures entity(String mention, Entity.Type type, String canonical, int from) {
    return entity(mention, type, canonical, from, null);
  }

  /** An entity with the role the article gives it. */
  Fixtures entity(String mention, Entity.Type type, String canonical, int from, String role) {
    int at = find(mention, from);
    entities.add(new Entity(mention, type, at, at + mention.length(), canonical, role));
    return this;
  }

  Fixtures entity(String mention, Entity.Type type, String canonical) {
    return entity(mention, type, canonical, 0);
  }

  /** A direct quote of {@code said}, by {@code speaker} (written after the quote or anywhere), or none. */
  Fixtures quote(String said, String speaker, String canonical, String cue) {
    int at = find(said, 0);
    int speakerAt = -1;
    if (speaker != null) {
      speakerAt = text.indexOf(speaker, at + said.length());
      speakerAt = speakerAt >= 0 ? speakerAt : find(speaker, 0);
    }
    quotes.add(new Quote(said, Quote.Kind.DIRECT, speaker, speakerAt, canonical, cue, at, at + said.length()));
    return this;
  }

  Fixtures time(String expression, Timex.Type type, String value) {
    int at = find(expression, 0);
    times.add(new Timex(expression, type, value, at, at + expression.length()));
    return this;
  }

  Analysis build() {
    List<Block> blocks = paragraphs.stream().map(p -> new Block(Block.Type.PARAGRAPH, p)).toList();
    String first = paragraphs.get(0);
    Article article = new Article(url, url, first.substring(0, Math.min(100, first.length())), null, authors, site, null, List.of("esteri"),
        published, null, published == null ? null : "meta", language, blocks, bio, List.of());
    return new Analysis(article, language, published, sentences(text), entities, quotes, times, List.of());
  }

  private int find(String what, int from) {
    int at = text.indexOf(what, from);
    if (at < 0) {
      throw new IllegalArgumentException("not in the text: " + what);
    }
    return at;
  }

  /** Sentences ending after ". " or at a paragraph break, with made-up token indexes. */
  static List<Sentence> sentences(String text) {
    List<Sentence> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      boolean end = i == text.length() || text.startsWith("\n\n", i) || text.startsWith(". ", i);
      if (end) {
        int stop = i < text.length() && text.charAt(i) == '.' ? i + 1 : i;
        if (stop > start) {
          sentences.add(new Sentence(start, stop, sentences.size(), sentences.size() + 1));
        }
        start = stop;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        i = Math.max(i, start - 1);
      }
    }
    return sentences;
  }

  private static final String[] PEOPLE = {"Antony Blinken", "Vladimir Putin", "Kim Jong Un", "Jens Stoltenberg",
      "Giorgia Meloni", "Sergio Mattarella", "Ursula von der Leyen", "Emmanuel Macron", "Olaf Scholz", "Rob McBride"};
  private static final String[] PLACES = {"Pyongyang", "Mosca", "Seul", "Washington", "Roma", "Kiev", "Bruxelles",
      "Livorno", "Corea del Sud", "Giappone"};
  private static final String[] ORGS = {"NATO", "KCNA", "ONU", "Commissione europea", "Cremlino", "Pentagono"};
  private static final String[] WORDS = ("il la di che e a per in un una con non si da le del della sono ha "
      + "governo accordo incontro vertice sanzioni missili cooperazione difesa militare economica frontiera "
      + "delegazione ministro presidente settimana mercoledì giugno scorso nuovo importante relazione paesi")
      .split(" ");

  /**
   * A long news article (about 5,400 characters in 32 sentences, 8 paragraphs) with 88 mentions of
   * up to 26 entities, 8 quotes and 10 times; {@code n} makes its text unique.
   */
  static Analysis realistic(int n) {
    Random random = new Random(n);
    List<String> paragraphs = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    List<Object[]> mentions = new ArrayList<>(); // {name, type}
    int quoteCount = 0;
    for (int p = 0; p < 8; p++) {
      StringBuilder para = new StringBuilder();
      for (int s = 0; s < 4; s++) {
        StringBuilder sentence = new StringBuilder();
        String person = PEOPLE[random.nextInt(PEOPLE.length)];
        String place = PLACES[random.nextInt(PLACES.length)];
        String org = ORGS[random.nextInt(ORGS.length)];
        boolean quote = quoteCount < 8 && s == 1;
        if (quote) {
          sentence.append('«').append(words(random, 14)).append("», ha detto ").append(person).append(" a ")
              .append(place);
          quoteCount++;
        } else {
          sentence.append(Character.toUpperCase(words(random, 1).charAt(0))).append(words(random, 8)).append(' ')
              .append(person).append(' ').append(words(random, 5)).append(' ').append(org).append(" a ").append(place)
              .append(' ').append(words(random, 4)).append(" il 12 giugno");
        }
        sentence.append(" (articolo ").append(n).append('.').append(p).append('.').append(s).append(")");
        sentences.add(sentence.toString());
        para.append(sentence).append(". ");
        mentions.add(new Object[] {person, Entity.Type.PER});
        mentions.add(new Object[] {place, Entity.Type.LOC});
        if (!quote) {
          mentions.add(new Object[] {org, Entity.Type.ORG});
        }
      }
      paragraphs.add(para.toString().strip());
    }
    Fixtures f = article("https://www.example.org/notizie/" + n, paragraphs.toArray(String[]::new))
        .published(String.format("2024-%02d-%02d", 1 + n % 12, 1 + n % 28)).site("Example News")
        .author("Redazione Esteri").author("Anna Rossi");
    int cursor = 0;
    for (Object[] m : mentions) {
      String name = (String) m[0];
      int at = f.text.indexOf(name, cursor);
      f.entity(name, (Entity.Type) m[1], name, at);
      cursor = at + name.length();
    }
    for (int from = f.text.indexOf('«'); from >= 0; from = f.text.indexOf('«', from + 1)) {
      int close = f.text.indexOf('»', from);
      String said = f.text.substring(from + 1, close);
      int speakerAt = close + "», ha detto ".length();
      String speaker = f.text.substring(speakerAt, f.text.indexOf(" a ", speakerAt));
      f.quotes.add(new Quote(said, Quote.Kind.DIRECT, speaker, speakerAt, speaker, "dire", from + 1, close));
    }
    int timeCursor = 0;
    for (int t = 0; t < 10; t++) {
      int at = f.text.indexOf("12 giugno", timeCursor);
      if (at < 0) {
        break;
      }
      f.times.add(new Timex("12 giugno", Timex.Type.DATE, "2024-06-12", at, at + 9));
      timeCursor = at + 9;
    }
    return f.build();
  }

  private static String words(Random random, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}
