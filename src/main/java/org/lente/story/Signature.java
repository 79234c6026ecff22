package org.lente.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.nlp.Accents;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/**
 * What of an article can be compared with its versions in other languages, built from Lente's own
 * analysis: its names, numbers, quotes' speakers and dates, in text order ({@link Anchor}).
 *
 * <p>Names are the words of the entities' mentions, or of their canonical names as the analysis gives
 * them when a mention is written with other words ({@link #mentionWords}); the knowledge base resolves
 * canonical names across languages before they are stored ({@code EntityResolver}), so "Corea del Nord"
 * in an Italian article and "North Korea" in an English one are the same words here. A capitalised
 * word outside the entities that is a word of one of those names counts as that name. For a language
 * Lente has no entity model for (Spanish, Dutch, ...), the names are the capitalised words that do not
 * open a sentence, and acronyms: a weaker signal, not resolved across languages.
 *
 * @param language the article's ISO 639-1 code (the analysed one, else the declared one), or null
 * @param published the publication date-time as the article gives it (ISO-8601), or null
 * @param anchors in order of their offsets
 * @param sentences how many sentences the text has
 */
public record Signature(String language, String published, List<Anchor> anchors, int sentences) {

  /** Words of names that say nothing alone ("of", "di", "van"). */
  static final Set<String> NAME_GLUE = Set.of("of", "and", "the", "for", "de", "di", "da", "del", "della", "dei", "degli",
      "delle", "dell", "e", "y", "van", "von", "der", "den", "het", "la", "le", "el", "los", "las", "lo", "il", "des",
      "du", "al", "a", "in", "en", "on", "at");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}\\d'’-]*");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(?:-\\d{2})?");

  public Signature {
    anchors = List.copyOf(anchors);
    if (sentences < 0) {
      throw new IllegalArgumentException("negative sentence count " + sentences);
    }
  }

  /** The signature of an analysed article. */
  public static Signature of(Analysis analysis) {
    return withNames(analysis, TextAnchors.of(analysis));
  }

  /**
   * The signature of an analysed article, its anchors that do not depend on its names taken from {@code read} when they
   * were read from this analysis's text, language, sentences, entity spans and times ({@link TextAnchors#readFrom}),
   * else read again: the same signature either way.
   */
  static Signature of(Analysis analysis, TextAnchors read) {
    return withNames(analysis, read.readFrom(analysis) ? read : TextAnchors.of(analysis));
  }

  /** The signature of {@code analysis} whose {@code text} anchors were read from it: its names and speakers added. */
  private static Signature withNames(Analysis analysis, TextAnchors text) {
    List<Sentence> sentences = analysis.sentences();
    List<Anchor> anchors = new ArrayList<>();
    Set<String> named = new HashSet<>(); // the words of the names the entity model found
    for (Entity e : analysis.entities()) {
      for (String w : mentionWords(e)) {
        anchors.add(new Anchor(Anchor.Kind.NAME, w, e.start(), sentenceOf(sentences, e.start())));
        named.add(w);
      }
    }
    for (TextAnchors.Capital c : text.capitals) {
      Anchor.Kind kind = named.contains(c.word()) && !c.inTime() ? Anchor.Kind.NAME : Anchor.Kind.CAPITAL; // not "May" of "29 May"
      anchors.add(new Anchor(kind, c.word(), c.start(), c.sentence()));
    }
    anchors.addAll(text.numbers);
    for (Quote q : analysis.quotes()) {
      String who = q.speakerCanonical() != null ? q.speakerCanonical() : null;
      if (who != null) {
        String value = String.join(" ", nameWords(who));
        if (!value.isEmpty() && value.length() <= Anchor.MAX_CHARS) {
          anchors.add(new Anchor(Anchor.Kind.QUOTE, value, q.start(), sentenceOf(sentences, q.start())));
        }
      }
    }
    anchors.addAll(text.dates);
    anchors.sort(Comparator.comparingInt(Anchor::start).thenComparing(Anchor::kind));
    return new Signature(text.language, analysis.article().published(), anchors, sentences.size());
  }

  /**
   * What a signature takes of an article's text alone, whatever its entities' names resolve to: its numbers and dates,
   * and the capitalised words outside its entities (each a {@link Anchor.Kind#NAME NAME} anchor when it is a word of
   * one of those names, else a {@link Anchor.Kind#CAPITAL CAPITAL} one), with the text, language, sentences, entity
   * spans and times it was read from. Read ahead of the names' resolution (the cluster's writer reads it on its reading
   * thread, {@link Lineage#prepare}); {@link #of(Analysis, TextAnchors)} checks that it was read from the analysis it is
   * given. Immutable.
   */
  static final class TextAnchors {

    /** A capitalised word outside the entities: its compared form, offset and sentence, and whether a time holds it. */
    record Capital(String word, int start, int sentence, boolean inTime) { }

    private final String text;
    private final String language;
    private final List<Sentence> sentences;
    private final int[] entitySpans;
    private final List<Timex> times;
    private final List<Capital> capitals;
    private final List<Anchor> numbers;
    private final List<Anchor> dates;

    private TextAnchors(Analysis analysis) {
      text = analysis.article().text();
      language = analysis.textLanguage();
      sentences = analysis.sentences();
      entitySpans = spans(analysis.entities());
      times = analysis.times();
      capitals = capitalised(text, sentences, analysis.entities(), times);
      List<Anchor> found = new ArrayList<>();
      boolean comma = Numbers.decimalComma(language);
      for (java.util.regex.MatchResult m : Numbers.tokens(text)) {
        String plain = Numbers.plain(m.group(), comma);
        if (plain != null && plain.length() <= Anchor.MAX_CHARS) {
          found.add(new Anchor(Anchor.Kind.NUMBER, plain, m.start(), sentenceOf(sentences, m.start())));
        }
      }
      numbers = List.copyOf(found);
      found.clear();
      for (Timex t : times) {
        if (t.type() == Timex.Type.DATE && DATE.matcher(t.value()).matches()) {
          found.add(new Anchor(Anchor.Kind.DATE, t.value(), t.start(), sentenceOf(sentences, t.start())));
        }
      }
      dates = List.copyOf(found);
    }

    /** The text anchors of {@code analysis}. */
    static TextAnchors of(Analysis analysis) {
      return new TextAnchors(analysis);
    }

    /** Whether these were read from {@code analysis}: its text, language, sentences, entity spans and times. */
    boolean readFrom(Analysis analysis) {
      return sentences.equals(analysis.sentences()) && times.equals(analysis.times())
          && java.util.Arrays.equals(entitySpans, spans(analysis.entities()))
          && java.util.Objects.equals(language, analysis.textLanguage()) && text.equals(analysis.article().text());
    }

    /** The entities' offsets, start and end of each in turn. */
    private static int[] spans(List<Entity> entities) {
      int[] out = new int[2 * entities.size()];
      for (int i = 0; i < entities.size(); i++) {
        out[2 * i] = entities.get(i).start();
        out[2 * i + 1] = entities.get(i).end();
      }
      return out;
    }
  }

  /** A copy without the publication time: what direction must be decided without. */
  public Signature withoutPublished() {
    return new Signature(language, null, anchors, sentences);
  }

  /**
   * The name words an entity mention stands for: the words it is written with when its canonical name
   * holds them all ("Jobs" of "Steve Jobs", "Apple" of "Apple Computer"), else the canonical's ("Stati
   * Uniti" and "USA" are "United States"). The canonical then adds only what coreference within the
   * article joined to the mention, at every mention and not always right ("Apple" of "MacBook Pro di
   * Apple"); it is kept for what it is there for, a name written with other words.
   */
  static List<String> mentionWords(Entity e) {
    List<String> canonical = nameWords(e.canonical());
    List<String> written = nameWords(e.text());
    return !written.isEmpty() && canonical.containsAll(written) ? written : canonical;
  }

  /**
   * The compared words of a name: accents removed, lower case, glue words, single letters and words
   * longer than {@link Anchor#MAX_CHARS} left out.
   */
  static List<String> nameWords(String name) {
    List<String> out = new ArrayList<>();
    if (!Accents.isAscii(name)) {
      String folded = Accents.strip(name).toLowerCase(Locale.ROOT).replace(".", "");
      for (String w : folded.split("[^\\p{L}\\d]+")) {
        keepNameWord(w, out);
      }
      return out;
    }
    // The same words without the normaliser and the regular expressions (a name in ASCII has no marks to remove;
    // its letters and digits are a-z, A-Z and 0-9): runs of letters and digits, dots dropped from inside them.
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= name.length(); i++) {
      char c = i < name.length() ? name.charAt(i) : ' ';
      if (c == '.') {
        continue;
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        word.append((char) (c + ('a' - 'A')));
      } else if (!word.isEmpty()) {
        keepNameWord(word.toString(), out);
        word.setLength(0);
      }
    }
    return out;
  }

  /** Adds {@code w} to {@code out} when it is a compared word of a name ({@link #nameWords}). */
  private static void keepNameWord(String w, List<String> out) {
    if (w.length() > 1 && w.length() <= Anchor.MAX_CHARS && !NAME_GLUE.contains(w)) {
      out.add(w);
    }
  }

  /**
   * Capitalised words that do not open a sentence, and words in capitals anywhere, outside the entities
   * (sorted by offset): names by their shape. A word of a name the article's entities have is that name, a mention the
   * entity model missed ("Macbook" where it found "Macbook Pro"): a {@link Anchor.Kind#NAME NAME} anchor, so that one
   * name is not two terms in one article; but not inside a time expression ({@link TextAnchors.Capital#inTime}), so
   * that "Theresa May" does not make the month of "29 May" a name.
   */
  private static List<TextAnchors.Capital> capitalised(String text, List<Sentence> sentences, List<Entity> entities,
      List<Timex> times) {
    List<TextAnchors.Capital> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int e = 0;
    while (m.find()) {
      int at = m.start();
      while (e < entities.size() && entities.get(e).end() <= m.start()) {
        e++;
      }
      if (e < entities.size() && entities.get(e).start() <= m.start()) {
        continue; // inside an entity: its resolved name stands for it
      }
      String w = m.group();
      if (!Character.isUpperCase(w.codePointAt(0))) {
        continue;
      }
      boolean acronym = w.length() >= 2 && w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
      if (!acronym && opensSentence(text, m.start(), sentences)) {
        continue;
      }
      boolean inTime = times.stream().anyMatch(t -> t.start() <= at && at < t.end());
      for (String part : nameWords(w)) {
        out.add(new TextAnchors.Capital(part, m.start(), sentenceOf(sentences, m.start()), inTime));
      }
    }
    return List.copyOf(out);
  }

  private static boolean opensSentence(String text, int at, List<Sentence> sentences) {
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '“' || c == '«' || c == '(' || c == '\'' || c == '‘') {
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == ':' || c == '—' || c == '-';
    }
    return true;
  }

  /** Index of the sentence holding {@code offset}, or -1. */
  static int sentenceOf(List<Sentence> sentences, int offset) {
    int lo = 0;
    int hi = sentences.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Sentence s = sentences.get(mid);
      if (offset < s.start()) {
        hi = mid - 1;
      } else if (offset >= s.end()) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
