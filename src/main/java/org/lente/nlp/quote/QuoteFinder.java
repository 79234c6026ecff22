package org.lente.nlp.quote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.lente.nlp.Sentence;
import org.lente.nlp.Token;
import org.lente.nlp.ner.Entities;
import org.lente.nlp.ner.Entity;

/**
 * Finds who said what. Direct quotes are text between quotation marks of any style (“ ” « » „ “
 * ‘ ’ and straight {@code "}), including one-word quotes and quotes split by an attribution
 * ("“A,” said X, “B.”"); a quotation opened at the start of a paragraph and not closed runs to the
 * paragraph's end, as news style continues long quotes. Indirect quotes are reported speech: "X ha
 * affermato che …", "X said that …", "secondo X, …", "according to X, …", "…, ha detto X.", and
 * denials or confirmations with an object ("hanno negato i trasferimenti di armi"). Two apostrophes
 * also quote ("''We won,'' she said"), as some newspaper archives write.
 *
 * <p>Text between quotation marks is a direct quote only when {@link DirectQuoteModel} finds the
 * evidence of speech around it ({@link Evidence}: a cue and speaker nearby, a colon introduction, the
 * length and form of a sentence). Quoted words it rejects that still have a cue and a speaker are
 * reported speech ("X ha promesso «pieno sostegno» a Y"): an indirect quote of those words. Quoted words
 * it rejects that end a reported clause, unless written as a title, are a partial quote of the clause's speaker
 * ("Secondo X, le sanzioni «non hanno alcun effetto»"), and the reported speech holds them whole, marks included. The rest (scare
 * quotes, titles, nicknames, slogans) are no quotes.
 *
 * <p>The speaker is found next to the cue verb: a name, a pronoun or a short noun phrase before it
 * ("Blinken ha detto", "he said") or after it ("ha detto Blinken", "said the senator"); a subject
 * named as "X di Y" or "X of Y" is X. A quote with no attribution of its own continues the
 * previous speaker when that one spoke in the three sentences before ("“…”, ha aggiunto."), else is
 * given to the person the sentence names before it; a cue after the quote with no subject of its own
 * ("«…», ha spiegato.") is given to the person the sentence before names as its subject (before its
 * first auxiliary or cue), before the previous speaker. Pronouns are resolved to the subject of the
 * sentence before when it is named after the previous speaker, else to the previous speaker or the
 * last person named. A speaker named by a role with a definite article ("il ministro", "the senator") is, as
 * its canonical name, the nearest person named before with that role noun ("il ministro degli Esteri Sergej
 * Lavrov"). A speaker never crosses a line, is never a "Label:" opening a line ("Siria: …")
 * nor a place or a bare word before a colon opening a sentence ("Libia: …", "Sanità: …"), and is
 * never taken from a headline other than the quote's own line. Thread-safe and stateless.
 */
public final class QuoteFinder {

  private static final String OPENERS = "“«„‘‹\"";
  private static final Set<String> PRONOUNS = Set.of(
      "he", "she", "they", "lui", "lei", "egli", "ella", "essi", "esse", "loro");
  private static final Set<String> THAT = Set.of("che", "that", "how", "come");
  private static final Set<String> OF = Set.of("di", "del", "dello", "della", "dell'", "dei", "degli", "delle",
      "of", "from", "at", "da", "dal", "dalla");
  private static final Set<String> AND = Set.of("e", "ed", "and");
  private static final Set<String> AND_BUT = Set.of("e", "ed", "and", "ma", "but");
  /** Words that cannot open a speaker's noun phrase: "Si prevede", "It is said", "There". */
  private static final Set<String> NOT_SPEAKERS = Set.of("si", "ci", "ne", "it", "there", "this", "ciò", "questo");
  private static final Set<String> ARTICLES = Set.of("il", "lo", "la", "l'", "i", "gli", "le", "un", "uno",
      "una", "un'", "the", "a", "an", "alcuni", "alcune", "some", "many", "several", "molti", "diversi");
  private static final Set<String> OBJECT_CUES = Set.of(
      "negare", "smentire", "confermare", "ammettere", "annunciare", "deny", "confirm", "admit", "announce");
  /** Closed-class words that cannot be part of a noun phrase's head: prepositions, conjunctions, common adverbs. */
  private static final Set<String> FUNCTION_WORDS = Set.of("by", "in", "on", "for", "with", "to", "into", "about",
      "or", "nor", "so", "yet", "often", "also", "just", "further", "still", "again", "then", "now", "already",
      "never", "always", "later", "too", "once", "soon", "even", "not", "only", "first", "last", "this", "that",
      "here", "there", "today", "yesterday", "tonight", "anche", "poi", "già", "ancora", "sempre", "mai", "non",
      "oggi", "ieri", "invece", "però", "quindi", "inoltre", "ora", "allora", "per", "con", "su", "tra",
      "fra", "o");
  /**
   * Prepositions that open a phrase of place, means or time after a speaker's noun phrase ("i
   * lavoratori su uno striscione", "the workers on a banner"), not a complement of its head ("il
   * sindaco di Roma", "the minister for Europe").
   */
  private static final Set<String> ADVERBIAL_PREPOSITIONS = Set.of("su", "sul", "sullo", "sulla", "sui", "sugli",
      "sulle", "con", "durante", "on", "with", "during");
  private static final Set<String> CLAUSE_ENDS = Set.of("ma", "but", ";", "mentre", "while", "whereas");
  private static final Set<String> NOUN_MARKERS = Set.of("the", "a", "an", "his", "her", "their", "its", "our",
      "my", "your", "these", "those", "this", "'s", "’s", "il", "la", "le", "i", "gli", "sue", "suoi");
  /** Verb forms that are more often plural nouns: a verb only after a name or pronoun. */
  private static final Set<String> NOUN_FORMS = Set.of("tweets", "reports", "claims", "posts", "calls", "notes",
      "jokes", "counters", "remarks", "estimates", "promises", "thanks", "vows", "quips", "boasts", "states",
      "stresses", "pleads", "replies", "responds", "continues");
  private static final Set<String> CLAUSE_WORDS = Set.of("is", "was", "were", "are", "be", "been", "has", "had",
      "while", "after", "when", "if", "because", "although", "as", "since", "before", "until", "that", "which",
      "who", "whom", "whose", "cui",
      "è", "era", "sono", "erano", "mentre", "dopo", "quando", "se", "perché", "che", "poiché", "prima");
  private static final Set<String> ACCORDING = Set.of("secondo");
  /** Singular definite articles: a role noun after one names a single known holder ("il ministro", "the senator"). */
  private static final Set<String> DEFINITE = Set.of("il", "lo", "la", "l'", "the");

  /** Everything the finder needs about one text. */
  private record Doc(String text, List<Token> tokens, List<Sentence> sentences, List<Entity> entities,
      int[] tokenSentence, int[] tokenEntity, boolean[] inQuote, List<Quotation> quotations) {}

  /** A speaker mention: its tokens [from, to) and the entity it is, if any. */
  private record Mention(int from, int to, Entity entity) {}

  /** A direct quote as found, before the model's decision, with the evidence for it. */
  public record Candidate(Quote quote, Evidence evidence) {}

  private final DirectQuoteModel model;

  /** A finder that keeps the direct quotes the bundled {@link DirectQuoteModel} accepts. */
  public QuoteFinder() {
    this(DirectQuoteModel.bundled());
  }

  /** A finder that keeps the direct quotes {@code model} accepts. */
  public QuoteFinder(DirectQuoteModel model) {
    this.model = java.util.Objects.requireNonNull(model, "model");
  }

  /** The quotes of {@code text}, in text order; the inputs are its tokens, sentences and entities. */
  public List<Quote> find(String text, List<Token> tokens, List<Sentence> sentences, List<Entity> entities) {
    List<Quote> out = new ArrayList<>();
    for (Candidate c : decided(text, tokens, sentences, entities)) {
      out.add(c.quote);
    }
    return out;
  }

  /**
   * Every text between quotation marks as a direct quote, each with its evidence, whatever the
   * model would decide (indirect quotes are left out): the model's training input.
   */
  public List<Candidate> candidates(String text, List<Token> tokens, List<Sentence> sentences,
      List<Entity> entities) {
    return run(text, tokens, sentences, entities, false, Set.of()).stream()
        .filter(c -> c.evidence != null).toList();
  }

  /**
   * The quotes with the model's decisions. Quoted words the model refuses (a scare quote, a title, a
   * nickname) are plain words of their sentence for reported speech: the text is read again with
   * the same decisions, its reported speech now found whole around them ("Il cosiddetto «superbonus»
   * ha pesato sui conti, ha spiegato il ministro"). Refused words that no reported speech covers stay
   * an indirect quote of their own when a cue and a speaker held them ("X promised “full support”").
   */
  private List<Candidate> decided(String text, List<Token> tokens, List<Sentence> sentences, List<Entity> entities) {
    List<Candidate> first = run(text, tokens, sentences, entities, true, Set.of());
    Set<Integer> kept = new java.util.HashSet<>();
    for (Candidate c : first) {
      if (c.evidence != null && c.quote.kind() == Quote.Kind.DIRECT) {
        kept.add(c.quote.start());
      }
    }
    Set<Integer> refused = new java.util.HashSet<>();
    for (int[] span : directSpans(text)) {
      if (!kept.contains(span[0])) {
        refused.add(span[0]);
      }
    }
    return refused.isEmpty() ? first : run(text, tokens, sentences, entities, true, refused);
  }

  /**
   * The candidates, each decided by the model when {@code decide}; reported speech is looked for as if
   * the spans opening at {@code plain} were not quotations.
   */
  private List<Candidate> run(String text, List<Token> tokens, List<Sentence> sentences, List<Entity> entities,
      boolean decide, Set<Integer> plain) {
    Doc doc = index(text, tokens, sentences, entities);
    Doc reported = plain.isEmpty() ? doc : index(text, tokens, sentences, entities);
    List<int[]> spans = doc.quotations.stream().map(q -> new int[] {q.start(), q.end()}).toList();
    for (int[] s : spans) {
      for (int k = tokenAt(tokens, s[0]); k < tokens.size() && tokens.get(k).start() < s[1]; k++) {
        doc.inQuote[k] = true;
        reported.inQuote[k] |= !plain.contains(s[0]);
      }
    }
    List<Candidate> out = new ArrayList<>();
    Quote previous = null;
    int previousSentence = -10;
    List<Quote> indirect = indirect(reported);
    int nextIndirect = 0;
    for (int[] s : spans) {
      while (nextIndirect < indirect.size() && indirect.get(nextIndirect).start() < s[0]) {
        Quote q = indirect.get(nextIndirect++);
        out.add(new Candidate(q, null));
        if (q.speaker() != null) {
          previous = q;
          previousSentence = sentenceOfOffset(doc, q.start());
        }
      }
      int open = tokenAt(tokens, s[0] - 1);
      int sentence = doc.tokenSentence[Math.min(open, tokens.size() - 1)];
      Candidate c = direct(doc, s, previous, sentence - previousSentence <= 3 ? previous : null);
      if (decide && !model.accepts(c.evidence.features())) {
        Quote q = c.quote;
        Quote around = c.evidence.titled() ? null : closedBy(indirect, q); // "on CNN’s “New Day”": a title
        if (around != null) {
          // the speaker's own words ending a reported clause: "Secondo X, le sanzioni «non hanno alcun effetto»"
          out.add(new Candidate(new Quote(q.text(), Quote.Kind.PARTIAL, around.speaker(), around.speakerStart(),
              around.speakerCanonical(), around.cue(), q.start(), q.end()), c.evidence));
          continue;
        }
        if (q.speaker() == null || q.cue() == null || overlapsAny(out, q) || overlapsAny(indirect, q)) {
          continue; // a scare quote, a title, a nickname: not something someone said
        }
        // quoted words inside reported speech ("X promised “full support” to Y"): reported, with their speaker
        c = new Candidate(new Quote(q.text(), Quote.Kind.INDIRECT, q.speaker(), q.speakerStart(),
            q.speakerCanonical(), q.cue(), q.start(), q.end()), c.evidence);
      }
      out.add(c);
      Quote q = c.quote;
      if (q.speaker() != null) {
        previous = q;
        previousSentence = doc.tokenSentence[Math.min(tokenAt(tokens, s[1]), tokens.size() - 1)];
      }
    }
    while (nextIndirect < indirect.size()) {
      out.add(new Candidate(indirect.get(nextIndirect++), null));
    }
    return out;
  }

  /**
   * The reported speech with a speaker that {@code q}, a quotation, ends: {@code q} lies inside it and only its
   * closing mark and punctuation follow it there ("le sanzioni occidentali «non hanno alcun effetto»"); null when
   * none does (a quotation in the middle of a clause is more often a term or a title: "il cosiddetto «superbonus»").
   */
  private static Quote closedBy(List<Quote> indirect, Quote q) {
    for (Quote r : indirect) {
      if (r.speaker() != null && r.start() < q.start() && q.end() <= r.end()
          && r.text().substring(q.end() - r.start()).codePoints().noneMatch(Character::isLetterOrDigit)) {
        return r;
      }
    }
    return null;
  }

  private static boolean overlapsAny(List<?> quotes, Quote q) {
    for (Object o : quotes) {
      Quote other = o instanceof Candidate c ? c.quote : (Quote) o;
      if (other.kind() == Quote.Kind.INDIRECT && other.start() < q.end() && q.start() < other.end()) {
        return true;
      }
    }
    return false;
  }

  private static Doc index(String text, List<Token> tokens, List<Sentence> sentences, List<Entity> entities) {
    int[] tokenSentence = new int[tokens.size()];
    for (int s = 0; s < sentences.size(); s++) {
      Arrays.fill(tokenSentence, sentences.get(s).first(), sentences.get(s).last(), s);
    }
    int[] tokenEntity = new int[tokens.size()];
    Arrays.fill(tokenEntity, -1);
    int k = 0;
    for (int e = 0; e < entities.size(); e++) {
      Entity en = entities.get(e);
      while (k < tokens.size() && tokens.get(k).end() <= en.start()) {
        k++;
      }
      for (int j = k; j < tokens.size() && tokens.get(j).start() < en.end(); j++) {
        tokenEntity[j] = e;
      }
    }
    return new Doc(text, tokens, sentences, entities, tokenSentence, tokenEntity, new boolean[tokens.size()],
        quotations(text));
  }

  // ---------------------------------------------------------------- direct quotes

  /**
   * A text between quotation marks: its content [start, end), trimmed of spaces, within [open, close), which
   * also holds the marks (both apostrophes of a doubled one); {@code close} is the content's end when no mark
   * closes it (a long quote continued in the next paragraph).
   */
  public record Quotation(int open, int start, int end, int close) {
    public Quotation {
      if (open < 0 || open >= start || start >= end || end > close) {
        throw new IllegalArgumentException("not a quotation: " + open + ", " + start + ", " + end + ", " + close);
      }
    }

    /** True when a mark closes it; false for a quote that runs on into the next paragraph. */
    public boolean closed() {
      return close > end;
    }
  }

  /** Content spans [start, end) between quotation marks, trimmed of spaces: the {@link #quotations} without marks. */
  static List<int[]> directSpans(String text) {
    return quotations(text).stream().map(q -> new int[] {q.start(), q.end()}).toList();
  }

  /**
   * The texts between quotation marks in {@code text}, in text order: curly, angle and straight marks, and two
   * apostrophes as one mark ("''It's over,'' she said"); a straight mark opens only before a word, and a
   * quotation opened at a paragraph's start without a closing mark runs to the paragraph's end.
   */
  public static List<Quotation> quotations(String text) {
    List<Quotation> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'' && text.startsWith("''", i) && i + 2 < n && !Character.isWhitespace(text.charAt(i + 2))
          && (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{—–-:".indexOf(text.charAt(i - 1)) >= 0)) {
        int close = doubleApostropheClose(text, i + 2);
        if (close >= 0) {
          int s = i + 2;
          int e = close;
          while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
          }
          if (e > s && text.substring(s, e).chars().anyMatch(Character::isLetterOrDigit)) {
            out.add(new Quotation(i, s, e, close + 2));
          }
          i = close + 2;
          continue;
        }
      }
      boolean opens = OPENERS.indexOf(c) >= 0 && (c != '"' || straightOpens(text, i))
          && (c != '‘' || i + 1 < n && !Character.isWhitespace(text.charAt(i + 1)))
          || c == '”' && (i == 0 || Character.isWhitespace(text.charAt(i - 1))) && i + 1 < n
          && Character.isLetter(text.charAt(i + 1));
      if (!opens) {
        i++;
        continue;
      }
      int paragraphEnd = text.indexOf("\n\n", i);
      if (paragraphEnd < 0) {
        paragraphEnd = n;
      }
      int limit = Math.min(paragraphEnd, i + 5000);
      int close = -1;
      for (int j = i + 1; j < limit; j++) {
        if (closes(c, text, j)) {
          close = j;
          break;
        }
      }
      boolean marked = close >= 0;
      if (close < 0 && atParagraphStart(text, i) && c != '‘') {
        close = paragraphEnd; // a long quote continued in the next paragraph
      }
      if (close < 0) {
        i++;
        continue;
      }
      int s = i + 1;
      int e = close;
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (e > s && text.substring(s, e).chars().anyMatch(Character::isLetterOrDigit)) {
        out.add(new Quotation(i, s, e, marked ? close + 1 : e));
      }
      i = close + 1;
    }
    return out;
  }

  /**
   * Where two apostrophes close a quotation opened by two ("''It's over,'' she said", as some
   * newspaper archives write quotation marks), searching from {@code from} within the paragraph; -1
   * when none does.
   */
  private static int doubleApostropheClose(String text, int from) {
    int paragraphEnd = text.indexOf("\n\n", from);
    int limit = Math.min(paragraphEnd < 0 ? text.length() : paragraphEnd, from + 5000);
    for (int j = text.indexOf("''", from); j >= 0 && j < limit; j = text.indexOf("''", j + 1)) {
      if (j + 2 >= text.length() || !Character.isLetterOrDigit(text.charAt(j + 2))) {
        return j;
      }
    }
    return -1;
  }

  private static boolean straightOpens(String text, int i) {
    boolean before = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{—–-:".indexOf(text.charAt(i - 1)) >= 0;
    return before && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
  }

  private static boolean closes(char opener, String text, int j) {
    char c = text.charAt(j);
    boolean next = j + 1 < text.length() && Character.isLetterOrDigit(text.charAt(j + 1));
    return switch (opener) {
      case '“' -> c == '”' || c == '"' && !next || c == '“' && !next && j > 0 && !Character.isWhitespace(text.charAt(j - 1));
      case '«' -> c == '»';
      case '„' -> c == '“' || c == '”';
      case '‹' -> c == '›';
      case '‘' -> c == '’' && !next;
      case '"' -> c == '"' && !next || c == '”';
      case '”' -> c == '”' && !next;
      default -> false;
    };
  }

  private static boolean atParagraphStart(String text, int i) {
    int k = i - 1;
    while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
      k--;
    }
    return k < 0 || text.charAt(k) == '\n';
  }

  /** A direct quote with its speaker: the attribution after it, else before it, else by context. */
  private Candidate direct(Doc doc, int[] span, Quote previous, Quote recent) {
    List<Token> tokens = doc.tokens;
    int open = tokenAt(tokens, span[0]) - 1; // the opening mark, when it is a token
    if (open > 0 && isApostrophePair(tokens.get(open - 1), tokens.get(open))) {
      open--; // the first of two apostrophes that open the quote
    }
    int close = tokenAt(tokens, span[1]); // the closing mark
    int sOpen = doc.tokenSentence[Math.max(0, Math.min(open, tokens.size() - 1))];
    Sentence left = doc.sentences.get(sOpen);
    String quoted = doc.text.substring(span[0], span[1]);
    Attribution a = null;
    Evidence.How how = Evidence.How.NONE;
    // after: "”, ha detto Blinken" / "” he said" / "”, said Caddell" / "?” Clinton said." / "” ― Name"
    int r = close + 1;
    int rEnd = r < tokens.size() ? doc.sentences.get(doc.tokenSentence[r]).last() : r;
    if (r < tokens.size() && doc.tokenSentence[r] != doc.tokenSentence[Math.min(close, tokens.size() - 1)]
        && rEnd - r > 8) {
      rEnd = r; // the quote ended its sentence and a new one begins: only "?” Clinton said." continues it
    }
    if (r < rEnd && isDash(tokens.get(r)) && r + 1 < rEnd && doc.tokenEntity[r + 1] >= 0
        && span[1] <= tokens.get(r).start()) {
      Mention m = speakerOrNull(doc, entityMention(doc, r + 1), span);
      Quote q = make(doc, quoted, Quote.Kind.DIRECT, m, null, span[0], span[1], previous);
      return new Candidate(q, evidence(doc, span, open, close, Evidence.How.DASH, -1, m));
    }
    for (int k = r; k < rEnd; k++) {
      if (doc.inQuote[k] || isOpenMark(tokens.get(k))) {
        rEnd = k;
        break;
      }
    }
    while (r < rEnd && tokens.get(r).punctuation() && !isOpenMark(tokens.get(r))) {
      r++;
    }
    if (r < rEnd && span[1] <= tokens.get(r).start()) {
      a = attributionAfter(doc, r, rEnd);
      for (int k = r + 1; a == null && k < rEnd - 1; k++) {
        // further on: "“…” to drive up the price, she said, referencing …"
        if (tokens.get(k).text().equals(",")) {
          Attribution late = attributionAfter(doc, k + 1, rEnd);
          if (late != null && late.speaker != null) {
            a = late;
          }
        }
      }
      if (a != null) {
        how = Evidence.How.CUE_AFTER;
      }
    }
    // before: "Blinken ha affermato che … “" / "said: “"
    if (a == null && open >= 0) {
      a = attributionBefore(doc, left.first(), open);
      if (a != null) {
        how = a.cue == null ? Evidence.How.COLON : Evidence.How.CUE_BEFORE;
      }
    }
    boolean labelled = false;
    if (a != null) {
      a = new Attribution(a.cue, speakerOrNull(doc, a.speaker, span), a.at);
      if (a.cue == null && a.speaker == null) {
        a = null; // a colon after a label or a headline: no attribution, nor the previous speaker's
        how = Evidence.How.NONE;
        labelled = true;
      }
    }
    int distance = a == null || a.at < 0 ? -1 : Math.min(distance(a.at, open, close),
        a.speaker == null ? Integer.MAX_VALUE : Math.min(distance(a.speaker.from, open, close),
        distance(a.speaker.to - 1, open, close)));
    if (a == null && open > left.first()) {
      // a quote inside a sentence with no cue: "X found that Y was “true”", "X pounded Y as a “con artist”"
      Mention m = speakerOrNull(doc, subjectBefore(doc, left.first(), open), span);
      if (m != null) {
        Quote q = make(doc, quoted, Quote.Kind.DIRECT, m, null, span[0], span[1], previous);
        return new Candidate(q, evidence(doc, span, open, close, Evidence.How.CONTEXT, -1, m));
      }
    }
    if (a == null) {
      if (recent != null && !labelled) {
        Quote q = new Quote(quoted, Quote.Kind.DIRECT, recent.speaker(), recent.speakerStart(),
            recent.speakerCanonical(), null, span[0], span[1]);
        return new Candidate(q, evidence(doc, span, open, close, Evidence.How.CONTINUED, -1, null));
      }
      Quote q = make(doc, quoted, Quote.Kind.DIRECT, null, null, span[0], span[1], previous);
      return new Candidate(q, evidence(doc, span, open, close, Evidence.How.NONE, -1, null));
    }
    Mention speaker = a.speaker;
    if (speaker == null && how == Evidence.How.CUE_AFTER && sOpen > 0) {
      // a cue with its subject left unsaid ("«…», ha spiegato."): the subject of the sentence before
      speaker = speakerOrNull(doc, subjectPerson(doc, doc.sentences.get(sOpen - 1)), span);
    }
    if (speaker == null && recent != null) {
      Quote q = new Quote(quoted, Quote.Kind.DIRECT, recent.speaker(), recent.speakerStart(),
          recent.speakerCanonical(), a.cue, span[0], span[1]);
      return new Candidate(q, evidence(doc, span, open, close, how, distance, null));
    }
    Quote q = make(doc, quoted, Quote.Kind.DIRECT, speaker, a.cue, span[0], span[1], previous);
    return new Candidate(q, evidence(doc, span, open, close, how, distance, speaker));
  }

  /**
   * The person {@code s} names before its first auxiliary or cue ("Il segretario Luca Benedetti si è
   * detto cauto"), its subject; null when none does ("Poi ha incontrato Gino Sala").
   */
  private static Mention subjectPerson(Doc doc, Sentence s) {
    for (int k = s.first(); k < s.last() && !doc.inQuote[k]; k++) {
      int e = doc.tokenEntity[k];
      if (e >= 0 && doc.entities.get(e).type() == Entity.Type.PER) {
        return entityMention(doc, k);
      }
      if (e < 0 && (Cues.AUXILIARIES.contains(doc.tokens.get(k).lower()) || cue(doc, k) != null)) {
        return null;
      }
    }
    return null;
  }

  /** Tokens between token {@code k} and a quote's opening or closing mark. */
  private static int distance(int k, int open, int close) {
    return k > close ? k - close - 1 : Math.max(0, open - k - 1);
  }

  private static Evidence evidence(Doc doc, int[] span, int open, int close, Evidence.How how, int cueDistance,
      Mention speaker) {
    List<Token> tokens = doc.tokens;
    int from = tokenAt(tokens, span[0]);
    int to = from;
    while (to < tokens.size() && tokens.get(to).start() < span[1]) {
      to++;
    }
    Evidence.SpeakerKind kind = speaker == null ? Evidence.SpeakerKind.NONE
        : speaker.entity != null ? Evidence.SpeakerKind.ENTITY : Evidence.SpeakerKind.OTHER;
    Token before = open >= 0 && open < from ? tokens.get(open) : null;
    int beforeIndex = open;
    if (before != null && isQuoteMark(before)) {
      before = open > 0 ? tokens.get(open - 1) : null;
      beforeIndex = open - 1;
    }
    int afterIndex = close;
    while (afterIndex < tokens.size() && isQuoteMark(tokens.get(afterIndex))) {
      afterIndex++;
    }
    Token after = afterIndex < tokens.size() ? tokens.get(afterIndex) : null;
    boolean opens = before == null || beforeIndex < 0
        || doc.tokenSentence[beforeIndex] != doc.tokenSentence[Math.min(from, tokens.size() - 1)]
        || doc.text.substring(before.end(), span[0]).contains("\n");
    boolean split = false;
    if (before != null && before.text().equals(",")) {
      for (int k = beforeIndex - 1; k >= 0 && doc.tokenSentence[k] == doc.tokenSentence[beforeIndex]; k--) {
        if (doc.inQuote[k]) {
          split = true;
          break;
        }
      }
    }
    return new Evidence(how, cueDistance, kind, tokens.subList(from, to), doc.text.substring(span[0], span[1]),
        before, after, opens, split);
  }

  private static boolean isApostrophePair(Token a, Token b) {
    return a.text().equals("'") && b.text().equals("'") && a.end() == b.start();
  }

  private static boolean isQuoteMark(Token t) {
    return t.text().length() == 1 && "“”«»„‘’‹›\"'".indexOf(t.text().charAt(0)) >= 0;
  }

  /**
   * The speaker, unless it cannot be one: a span that crosses a line (a headline and the text after
   * it), a "Label:" opening a line ("Siria: …"), a place or a single word that is no name before a colon
   * opening a sentence ("Libia: …", "Sanità: …"), or words of a headline other than the quote's.
   */
  private static Mention speakerOrNull(Doc doc, Mention m, int[] span) {
    if (m == null) {
      return null;
    }
    int s = doc.tokens.get(m.from).start();
    int e = doc.tokens.get(m.to - 1).end();
    if (doc.text.substring(s, e).indexOf('\n') >= 0) {
      return null;
    }
    int lineStart = doc.text.lastIndexOf('\n', s - 1) + 1;
    int lineEnd = doc.text.indexOf('\n', e);
    if (lineEnd < 0) {
      lineEnd = doc.text.length();
    }
    String line = doc.text.substring(lineStart, lineEnd);
    boolean colon = m.to < doc.tokens.size() && doc.tokens.get(m.to).text().equals(":");
    if (colon && doc.text.substring(lineStart, s).isBlank()) {
      return null; // "Siria: …", "Alcuni: …": a label, not a source
    }
    if (colon && m.from == doc.sentences.get(doc.tokenSentence[m.from]).first()
        && (m.entity == null ? m.to - m.from == 1 : m.entity.type() == Entity.Type.LOC)) {
      return null; // a label opening a sentence of a paragraph: "Libia: …", "Sanità: …" (not "Il ministro: …")
    }
    boolean sameLine = span[0] >= lineStart && span[0] <= lineEnd;
    if (!sameLine && isHeadline(line)) {
      return null;
    }
    return m;
  }

  /**
   * True when {@code line} reads as a headline: words with no sentence end (news paragraphs end with
   * one), or three or more words all capitalised but the minor ones.
   */
  static boolean isHeadline(String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return false;
    }
    String[] words = t.split("\\s+");
    boolean ended = ".!?;:".indexOf(t.charAt(t.length() - 1)) >= 0
        || t.length() > 1 && "”\"»’'".indexOf(t.charAt(t.length() - 1)) >= 0
        && ".!?,".indexOf(t.charAt(t.length() - 2)) >= 0;
    if (!ended) {
      return true;
    }
    int capitalised = 0;
    int minor = 0;
    for (String w : words) {
      if (Character.isUpperCase(w.codePointAt(0))) {
        capitalised++;
      } else if (w.length() <= 3) {
        minor++;
      }
    }
    return words.length >= 3 && capitalised + minor == words.length && capitalised >= 3;
  }

  /** A cue with the speaker it names (the speaker may be null: "”, ha aggiunto."), at token {@code at} or -1. */
  private record Attribution(String cue, Mention speaker, int at) {}

  /** An attribution that starts at token {@code r}, right after a quote. */
  private Attribution attributionAfter(Doc doc, int r, int end) {
    List<Token> tokens = doc.tokens;
    int k = r;
    while (k < end && Cues.AUXILIARIES.contains(tokens.get(k).lower())) {
      k++;
    }
    if (k < end && cue(doc, k) != null) { // cue first: the subject follows
      return new Attribution(cue(doc, k), mentionAfter(doc, k + 1, Math.min(end, k + 9)), k);
    }
    // subject first: "he said", "Blinken ha detto", "Scott Pruitt, the attorney general, said",
    // "Rep. Jason Chaffetz (R-Utah) said"
    int limit = Math.min(end, r + 25);
    int subjectEnd = -1;
    for (int c = r; c < limit; c++) {
      String lemma = cue(doc, c);
      if (lemma != null) {
        Mention m = subjectEnd >= 0 ? mentionAfter(doc, r, subjectEnd) : mentionBefore(doc, r, c);
        return m == null ? null : new Attribution(lemma, m, c);
      }
      if (subjectEnd < 0 && c - r >= 6) {
        break; // a subject before its verb is short: "Mr. Obama said", "the New York businessman said"
      }
      String w = tokens.get(c).text();
      if (w.equals("(") || w.equals(",") && c > r && (doc.tokenEntity[c - 1] >= 0 || subjectEnd >= 0)) {
        String closer = w.equals("(") ? ")" : ",";
        int k2 = c + 1;
        while (k2 < limit && !tokens.get(k2).text().equals(closer)) {
          k2++;
        }
        if (k2 >= limit || c == r) {
          return null;
        }
        if (subjectEnd < 0) {
          subjectEnd = c;
        }
        c = k2;
        continue;
      }
      if (tokens.get(c).punctuation()) {
        break;
      }
    }
    return null;
  }

  /** An attribution in the same sentence before a quote that opens at token {@code open}. */
  private Attribution attributionBefore(Doc doc, int from, int open) {
    List<Token> tokens = doc.tokens;
    for (int c = open - 1; c >= from; c--) {
      if (doc.inQuote[c]) {
        continue; // an earlier quote of the same sentence: "X ha detto “A” e “B”"
      }
      Token t = tokens.get(c);
      String lemma = cue(doc, c);
      if (lemma != null) {
        // a gerund ("…, saying", "dicendo") belongs to the subject of the main clause
        Mention m = isGerund(t) ? firstActor(doc, from, c) : mentionBefore(doc, from, c);
        if (m == null) {
          m = mentionAfter(doc, c + 1, open);
        }
        return new Attribution(lemma, m, c);
      }
      if (t.lower().equals("to") && c > from && tokens.get(c - 1).lower().equals("according")) {
        return new Attribution("according to", mentionAfter(doc, c + 1, open), c);
      }
      if (ACCORDING.contains(t.lower())) {
        return new Attribution("secondo", mentionAfter(doc, c + 1, open), c);
      }
      if (t.text().equals(":") && c == open - 1 && !(c > from && cue(doc, c - 1) != null)) {
        Mention m = mentionBefore(doc, from, c);
        boolean person = m != null && m.entity != null && m.entity.type() == Entity.Type.PER;
        for (int k = c - 2; !person && k >= Math.max(from, c - 7) && !tokens.get(k).punctuation(); k--) {
          // "X told the BBC: “…”", "X ha detto ai sindaci: «…»": the words after the cue are its listener
          // (a person there is the subject after its verb: "Lo ha spiegato ieri Anna Ferri: «…»")
          Mention speaker = cue(doc, k) != null ? mentionBefore(doc, from, k) : null;
          if (speaker != null) {
            return new Attribution(cue(doc, k), speaker, k);
          }
        }
        if (m != null) {
          return new Attribution(null, m, -1);
        }
      }
    }
    return null;
  }

  private static boolean isGerund(Token t) {
    String w = t.lower();
    return w.endsWith("ing") || w.endsWith("ando") || w.endsWith("endo");
  }

  /** The first person or organisation named in [from, to), else the first pronoun. */
  private static Mention firstActor(Doc doc, int from, int to) {
    for (int k = from; k < to; k++) {
      int e = doc.tokenEntity[k];
      if (!doc.inQuote[k] && e >= 0 && (doc.entities.get(e).type() == Entity.Type.PER
          || doc.entities.get(e).type() == Entity.Type.ORG)) {
        return chain(doc, from, entityMention(doc, k));
      }
      if (PRONOUNS.contains(doc.tokens.get(k).lower())) {
        return new Mention(k, k + 1, null);
      }
    }
    return null;
  }

  private static boolean isDash(Token t) {
    return t.text().length() == 1 && "―—–-".indexOf(t.text().charAt(0)) >= 0;
  }

  private static boolean isMark(Token t) {
    return isOpenMark(t) || closesQuote(t) || t.text().equals("\"");
  }

  private static boolean isOpenMark(Token t) {
    return t.text().length() == 1 && "“«„‘‹".indexOf(t.text().charAt(0)) >= 0;
  }

  // ---------------------------------------------------------------- indirect quotes

  private List<Quote> indirect(Doc doc) {
    List<Quote> out = new ArrayList<>();
    List<Token> tokens = doc.tokens;
    for (Sentence s : doc.sentences) {
      int last = s.last();
      while (last > s.first() && tokens.get(last - 1).punctuation()) {
        last--;
      }
      Quote found = null;
      for (int c = s.first(); c < last && found == null; c++) {
        if (doc.inQuote[c]) {
          continue;
        }
        Token t = tokens.get(c);
        String lemma = cue(doc, c);
        if (lemma != null) {
          found = reported(doc, s, c, last, lemma);
        } else if (ACCORDING.contains(t.lower()) || t.lower().equals("according") && c + 1 < last
            && tokens.get(c + 1).lower().equals("to")) {
          found = according(doc, s, c, last);
        }
      }
      if (found != null) {
        out.add(found);
      }
    }
    return out;
  }

  /** "X ha detto che …", "X said that …", "X ha negato …", "…, ha detto X." */
  private Quote reported(Doc doc, Sentence s, int c, int last, String lemma) {
    List<Token> tokens = doc.tokens;
    int k = c + 1;
    int limit = Math.min(last, c + 5);
    while (k < limit && !THAT.contains(tokens.get(k).lower()) && !tokens.get(k).punctuation()) {
      k++;
    }
    boolean that = k < limit && THAT.contains(tokens.get(k).lower());
    if (that && k + 1 < last && !startsDirect(doc, k + 1)) {
      Mention m = mentionBefore(doc, s.first(), c);
      if (m == null) {
        m = mentionAfter(doc, c + 1, k);
      }
      return span(doc, k + 1, clauseEnd(doc, k + 1, last), m, lemma);
    }
    // "…, ha detto X." : the cue near the end, after a comma
    int comma = c - 1;
    while (comma > s.first() && Cues.AUXILIARIES.contains(tokens.get(comma).lower())) {
      comma--;
    }
    // "…, the senator said." : a short speaker between the comma and the cue
    for (int j = comma; j > s.first() && j >= c - 7 && !tokens.get(comma).text().equals(","); j--) {
      if (tokens.get(j).text().equals(",")) {
        comma = j;
      } else if (tokens.get(j).punctuation()) {
        break;
      }
    }
    if (comma > s.first() + 2 && tokens.get(comma).text().equals(",") && !anyQuoted(doc, s.first(), comma)
        && !closesApposition(doc, comma)) {
      Mention m = mentionBefore(doc, comma + 1, c);
      if (m == null) {
        m = mentionAfter(doc, c + 1, Math.min(last, c + 10));
      }
      if (m != null && m.to >= last - 15) {
        return span(doc, s.first(), comma, m, lemma);
      }
    }
    if (OBJECT_CUES.contains(lemma) && c + 1 < last && !startsDirect(doc, c + 1)
        && !tokens.get(c + 1).punctuation()) {
      Mention m = mentionBefore(doc, s.first(), c);
      if (m != null) {
        return span(doc, c + 1, clauseEnd(doc, c + 1, last), m, lemma);
      }
    }
    return null;
  }

  /**
   * True when the comma at {@code comma} closes a name set off by commas ("Il presidente del club,
   * Franco Lodi, ha commentato"): the name is the cue's subject, not the end of reported speech.
   */
  private static boolean closesApposition(Doc doc, int comma) {
    int e = doc.tokenEntity[comma - 1];
    if (e < 0 || doc.entities.get(e).type() == Entity.Type.LOC || doc.entities.get(e).type() == Entity.Type.MISC) {
      return false;
    }
    int from = entityMention(doc, comma - 1).from;
    return from > 0 && doc.tokens.get(from - 1).text().equals(",");
  }

  /** "secondo X, …", "according to X, …", "…, secondo X." */
  private Quote according(Doc doc, Sentence s, int c, int last) {
    List<Token> tokens = doc.tokens;
    int after = tokens.get(c).lower().equals("according") ? c + 2 : c + 1;
    String cue = after == c + 2 ? "according to" : "secondo";
    Mention m = mentionAfter(doc, after, Math.min(last, after + 8));
    if (m == null) {
      return null;
    }
    boolean opens = c == s.first() || c > s.first() && (tokens.get(c - 1).text().equals(":")
        || tokens.get(c - 1).text().equals(";"));
    if (opens || c > s.first() && tokens.get(c - 1).text().equals(",") && m.to >= last - 1) {
      if (opens) {
        int k = m.to;
        while (k < last && !tokens.get(k).text().equals(",")) {
          k++;
        }
        return k + 1 < last ? span(doc, k + 1, last, m, cue) : null;
      }
      return anyQuoted(doc, s.first(), c - 1) ? null : span(doc, s.first(), c - 1, m, cue);
    }
    return null;
  }

  /**
   * Reported speech over tokens [from, to) of one sentence, without quotation marks at its ends (its words are
   * reported, not quoted: "Secondo X, «il sistema regge»" reports "il sistema regge"), but never cut inside a
   * quotation: one opened within it runs to its closing mark ("le sanzioni occidentali «non hanno alcun effetto»").
   */
  private Quote span(Doc doc, int from, int to, Mention m, String cue) {
    if (to <= from) {
      return null;
    }
    Sentence s = doc.sentences.get(doc.tokenSentence[from]);
    int[] partner = partners(doc, s.first(), Math.max(s.last(), to));
    int base = s.first();
    while (from < to) {
      int pair = partner[from - base];
      if (isMark(doc.tokens.get(from)) && (pair < from || pair >= to - 1)) {
        to -= pair == to - 1 ? 1 : 0; // «…» whole, or a quotation that runs on after the clause: reported
        from++;
      } else if (isMark(doc.tokens.get(to - 1)) && (partner[to - 1 - base] < from || partner[to - 1 - base] >= to)) {
        to--;
      } else {
        break;
      }
    }
    for (int k = from; k < to; k++) {
      int pair = partner[k - base];
      if (pair >= to) {
        to = pair + 1; // a quotation opened inside runs to its closing mark
      }
    }
    if (to <= from) {
      return null;
    }
    int start = doc.tokens.get(from).start();
    int end = doc.tokens.get(to - 1).end();
    return make(doc, doc.text.substring(start, end), Quote.Kind.INDIRECT, m, cue, start, end, null);
  }

  /**
   * For each token of [from, to) (indexed from {@code from}), the token of the range its quotation mark pairs with,
   * as {@link #quotations} paired the marks on the characters: an opening mark's (first) token with the closing
   * mark's (last) one; -1 for a word, for a mark that pairs with none in the range or with no mark at all.
   */
  private static int[] partners(Doc doc, int from, int to) {
    int[] out = new int[to - from];
    Arrays.fill(out, -1);
    if (to <= from) {
      return out;
    }
    int start = doc.tokens.get(from).start();
    int end = doc.tokens.get(to - 1).end();
    int lo = 0; // the first quotation opening at or after the range's start: the range's own, not all the text's
    int hi = doc.quotations.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (doc.quotations.get(mid).open() < start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (Quotation q : doc.quotations.subList(lo, doc.quotations.size())) {
      if (q.open() >= end) {
        break;
      }
      int open = tokenAt(doc.tokens, q.open());
      int close = tokenAt(doc.tokens, q.close() - 1);
      if (q.closed() && from <= open && open < close && close < to) {
        out[open - from] = close;
        out[close - from] = open;
      }
    }
    return out;
  }

  private int clauseEnd(Doc doc, int from, int last) {
    for (int k = from + 1; k < last; k++) {
      String w = doc.tokens.get(k).lower();
      if (CLAUSE_ENDS.contains(w) || w.equals(",") && k + 1 < last && CLAUSE_ENDS.contains(doc.tokens.get(k + 1).lower())) {
        return k;
      }
      if (w.equals(",") && k + 2 < last && cue(doc, k + 1) != null
          || w.equals(",") && k + 2 < last && Cues.AUXILIARIES.contains(doc.tokens.get(k + 1).lower())
          && cue(doc, k + 2) != null) {
        return k; // "…, hanno riferito le agenzie"
      }
    }
    return last;
  }

  private static boolean startsDirect(Doc doc, int k) {
    return doc.inQuote[k] || isOpenMark(doc.tokens.get(k)) || doc.tokens.get(k).text().equals("\"")
        || doc.tokens.get(k).text().equals(":");
  }

  private static boolean anyQuoted(Doc doc, int from, int to) {
    for (int k = from; k < to; k++) {
      if (doc.inQuote[k]) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- speakers

  /** The speaker nearest before token {@code c}, within [from, c): a name, pronoun or noun phrase. */
  private Mention mentionBefore(Doc doc, int from, int c) {
    List<Token> tokens = doc.tokens;
    int k = c - 1;
    while (k >= from && Cues.AUXILIARIES.contains(tokens.get(k).lower())) {
      k--;
    }
    int boundary = from;
    for (int j = k; j >= from; j--) {
      Token t = tokens.get(j);
      if (doc.inQuote[j] || isOpenMark(t) || t.text().equals(";") || closesQuote(t)) {
        boundary = j + 1;
        break;
      }
      if (doc.tokenEntity[j] >= 0) {
        Mention named = entityMention(doc, j);
        Mention phrase = modifiedNoun(doc, named, k);
        return phrase != null ? phrase : chain(doc, from, named);
      }
      if (PRONOUNS.contains(t.lower())) {
        return new Mention(j, j + 1, null);
      }
      if (t.text().equals(",") && j < k) {
        if (j + 1 <= k && AND_BUT.contains(tokens.get(j + 1).lower())) {
          continue; // "il Cremlino non ha fornito dettagli, ma ha affermato": the subject is further back
        }
        boundary = j + 1;
        break;
      }
    }
    // a short noun phrase right before the cue: "Funzionari statunitensi e sudcoreani hanno affermato"
    int start = boundary;
    while (start <= k && (tokens.get(start).punctuation() || tokens.get(start).lower().equals("ma")
        || tokens.get(start).lower().equals("but"))) {
      start++;
    }
    if (k >= start && k - start < 6 && (tokens.get(start).capitalized() || ARTICLES.contains(tokens.get(start).lower()))
        && !NOT_SPEAKERS.contains(tokens.get(start).lower()) && !hasVerb(tokens, start, k + 1)) {
      return new Mention(start, k + 1, null);
    }
    return null;
  }

  /**
   * A name that modifies the noun after it, up to the cue at {@code k + 1}: "the Florida senator said",
   * "the Kremlin spokesman said". The speaker is that noun phrase (its head the noun, its article
   * included), not the place or organisation; null when {@code named} is a person, or the words
   * after it up to {@code k} are not one to three lower-case words.
   */
  private static Mention modifiedNoun(Doc doc, Mention named, int k) {
    if (named.entity() == null || named.entity().type() == Entity.Type.PER || named.to() > k
        || k - named.to() >= 3) {
      return null;
    }
    for (int j = named.to(); j <= k; j++) {
      Token t = doc.tokens.get(j);
      String w = t.lower();
      if (t.punctuation() || t.capitalized() || doc.tokenEntity[j] >= 0 || CLAUSE_WORDS.contains(w)
          || PRONOUNS.contains(w) || FUNCTION_WORDS.contains(w) || OF.contains(w) || AND_BUT.contains(w)
          || w.endsWith("ly") || !t.text().chars().allMatch(Character::isLetter)) {
        return null;
      }
    }
    int start = named.from() > 0 && ARTICLES.contains(doc.tokens.get(named.from() - 1).lower())
        ? named.from() - 1 : named.from();
    return new Mention(start, k + 1, null);
  }

  /** True when [from, to) holds a finite verb or a clause opener: not a noun phrase. */
  private static boolean hasVerb(List<Token> tokens, int from, int to) {
    for (int k = from; k < to; k++) {
      if (CLAUSE_WORDS.contains(tokens.get(k).lower())) {
        return true;
      }
    }
    return false;
  }

  private static boolean closesQuote(Token t) {
    return t.text().length() == 1 && "”»’›".indexOf(t.text().charAt(0)) >= 0;
  }

  /** The speaker right after a cue, within [from, end): "ha detto Blinken", "hanno riferito le agenzie". */
  private Mention mentionAfter(Doc doc, int from, int end) {
    List<Token> tokens = doc.tokens;
    int k = from;
    while (k < end && (Cues.AUXILIARIES.contains(tokens.get(k).lower()) || isTimeWord(tokens.get(k)))) {
      k++;
    }
    if (k >= end) {
      return null;
    }
    if (doc.tokenEntity[k] >= 0) {
      Mention m = entityMention(doc, k);
      Mention person = personInNounPhrase(doc, m, end);
      return person != null ? person : m;
    }
    if (PRONOUNS.contains(tokens.get(k).lower())) {
      return new Mention(k, k + 1, null);
    }
    if (ARTICLES.contains(tokens.get(k).lower()) && k + 1 < end && doc.tokenEntity[k + 1] >= 0) {
      Mention person = personInNounPhrase(doc, entityMention(doc, k + 1), end);
      return person != null ? person : entityMention(doc, k + 1); // "la Camera di Commercio"
    }
    if (ARTICLES.contains(tokens.get(k).lower()) || tokens.get(k).capitalized() && !tokens.get(k).punctuation()) {
      int e = k + 1;
      while (e < end && e < k + 8 && !tokens.get(e).punctuation() && !doc.inQuote[e]
          && !isTimeWord(tokens.get(e)) && !(tokens.get(e).lower().equals("a") || tokens.get(e).lower().startsWith("ai")
          || tokens.get(e).lower().equals("to") || ADVERBIAL_PREPOSITIONS.contains(tokens.get(e).lower()))) {
        if (doc.tokenEntity[e] >= 0 && doc.entities.get(doc.tokenEntity[e]).type() == Entity.Type.PER) {
          return entityMention(doc, e); // "the Republican nominee Donald Trump"
        }
        e++;
      }
      if (e + 1 < end && tokens.get(e).text().equals(",") && doc.tokenEntity[e + 1] >= 0
          && doc.entities.get(doc.tokenEntity[e + 1]).type() == Entity.Type.PER) {
        return entityMention(doc, e + 1); // "il presidente dell'Autorità, Luciano Marchetti,"
      }
      return e - k <= 7 ? new Mention(k, e, null) : null;
    }
    for (int j = k; j < end && !tokens.get(j).punctuation(); j++) { // "panel Chairman Rep. Jason Chaffetz"
      if (doc.tokenEntity[j] >= 0 && doc.entities.get(doc.tokenEntity[j]).type() == Entity.Type.PER) {
        return entityMention(doc, j);
      }
    }
    return null;
  }

  /**
   * The person a noun phrase names after a name that only modifies it: "House Speaker Paul Ryan",
   * "Judicial Watch president Tom Fitton", "Rubio spokesman Alex Conant"; null when the phrase ends
   * (at punctuation, a quote or a preposition) before a person's name.
   */
  private static Mention personInNounPhrase(Doc doc, Mention m, int end) {
    if (m.entity != null && m.entity.type() == Entity.Type.PER) {
      return null;
    }
    for (int e = m.to; e < end && e < m.to + 4; e++) {
      Token t = doc.tokens.get(e);
      if (t.punctuation() || doc.inQuote[e] || OF.contains(t.lower()) || isTimeWord(t) || t.lower().equals("to")
          || t.lower().equals("in") || cue(doc, e) != null) {
        return null;
      }
      if (doc.tokenEntity[e] >= 0 && doc.entities.get(doc.tokenEntity[e]).type() == Entity.Type.PER) {
        return entityMention(doc, e);
      }
    }
    return null;
  }

  private static boolean isTimeWord(Token t) {
    return switch (t.lower()) {
      case "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "ieri", "oggi", "monday",
          "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "on",
          "also", "later", "anche", "poi" -> true;
      default -> false;
    };
  }

  private static Mention entityMention(Doc doc, int k) {
    int e = doc.tokenEntity[k];
    int from = k;
    while (from > 0 && doc.tokenEntity[from - 1] == e) {
      from--;
    }
    int to = k + 1;
    while (to < doc.tokens.size() && doc.tokenEntity[to] == e) {
      to++;
    }
    return new Mention(from, to, doc.entities.get(e));
  }

  /** "Rob McBride di Oltre La Linea" → Rob McBride; "La Russia e la Corea del Nord" → both. */
  private static Mention chain(Doc doc, int from, Mention m) {
    Mention cur = m;
    while (true) {
      int k = cur.from - 1;
      if (k > from && ARTICLES.contains(doc.tokens.get(k).lower())) {
        k--;
      }
      if (k <= from || doc.tokenEntity[k - 1] < 0) {
        return cur;
      }
      String w = doc.tokens.get(k).lower();
      Mention before = entityMention(doc, k - 1);
      if (OF.contains(w) && before.entity.type() != Entity.Type.LOC) {
        cur = before;
      } else if (AND.contains(w) && cur.entity != null && before.entity.type() != Entity.Type.MISC) {
        cur = new Mention(before.from, cur.to, null);
        return cur;
      } else {
        return cur;
      }
    }
  }

  /**
   * The subject of the clause that holds a quote: before a complementizer ("X found that …"), the
   * mention before its verb; else the first person or organisation the sentence names.
   */
  private Mention subjectBefore(Doc doc, int from, int to) {
    for (int k = to - 1; k > from; k--) {
      if (doc.inQuote[k]) {
        break;
      }
      if (THAT.contains(doc.tokens.get(k).lower()) && k - 1 > from) {
        Mention m = mentionBefore(doc, from, k - 1);
        if (m != null && (m.entity != null || m.to - m.from == 1)) {
          return m;
        }
      }
    }
    for (int k = from; k < to; k++) {
      if (doc.inQuote[k]) {
        return null;
      }
      int e = doc.tokenEntity[k];
      if (e >= 0 && doc.entities.get(e).type() != Entity.Type.LOC && doc.entities.get(e).type() != Entity.Type.MISC) {
        return chain(doc, from, entityMention(doc, k));
      }
      if (PRONOUNS.contains(doc.tokens.get(k).lower())) {
        return new Mention(k, k + 1, null);
      }
    }
    return null;
  }

  private Quote make(Doc doc, String text, Quote.Kind kind, Mention m, String cue, int start, int end,
      Quote previous) {
    if (m == null) {
      return new Quote(text, kind, null, -1, null, cue, start, end);
    }
    int s = doc.tokens.get(m.from).start();
    int e = doc.tokens.get(m.to - 1).end();
    String speaker = doc.text.substring(s, e);
    return new Quote(text, kind, speaker, s, canonical(doc, m, previous), cue, start, end);
  }

  /**
   * The speaker's fullest name: an entity's canonical name, a pronoun's antecedent (the subject of the
   * sentence before when named after the previous speaker, else the previous speaker, else the last
   * person named), the names a phrase ending in a name holds, the person a definite role phrase stands for
   * ("il ministro" for the Sergej Lavrov named before as "il ministro degli Esteri"), else the words.
   */
  private static String canonical(Doc doc, Mention m, Quote previous) {
    if (m.entity != null) {
      return m.entity.canonical();
    }
    if (m.to - m.from == 1 && PRONOUNS.contains(doc.tokens.get(m.from).lower())) {
      int sentence = doc.tokenSentence[m.from];
      Mention subject = sentence > 0 ? subjectPerson(doc, doc.sentences.get(sentence - 1)) : null;
      if (subject != null && (previous == null || previous.speakerStart() < doc.tokens.get(subject.from).start())) {
        return subject.entity.canonical(); // "Anna Freeland, who …, thanked her family. “…,” she said."
      }
      if (previous != null && previous.speakerCanonical() != null && previous.speakerStart() < doc.tokens.get(m.from).start()) {
        return previous.speakerCanonical();
      }
      for (int k = m.from - 1; k >= 0 && k > m.from - 300; k--) {
        if (doc.tokenEntity[k] >= 0 && doc.entities.get(doc.tokenEntity[k]).type() == Entity.Type.PER) {
          return doc.entities.get(doc.tokenEntity[k]).canonical();
        }
      }
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int k = m.from; k < m.to; k++) {
      int e = doc.tokenEntity[k];
      if (e >= 0 && (names.isEmpty() || !names.get(names.size() - 1).equals(doc.entities.get(e).canonical()))) {
        names.add(doc.entities.get(e).canonical());
      }
    }
    if (doc.tokenEntity[m.to - 1] >= 0 && !names.isEmpty()) {
      return String.join(", ", names);
    }
    // a phrase whose head is not a name ("the Vermont senator", "the Trump campaign") is not the name it holds
    Entity holder = roleHolder(doc, m);
    return holder != null ? holder.canonical()
        : doc.text.substring(doc.tokens.get(m.from).start(), doc.tokens.get(m.to - 1).end());
  }

  /**
   * The person a definite phrase naming a role stands for ("il ministro", "la premier", "the senator", "the
   * company's chief executive"): the nearest person named before it whose role ({@link Entity#role()}, as the
   * entity finder read it beside a mention of that name: "il ministro degli Esteri russo Sergej Lavrov",
   * "Lavrov, the foreign minister,") has all the phrase's role nouns ({@link Entities#roleNouns}: "il
   * segretario" for "segretario generale della NATO", "the chief executive" for "chief executive"). Null when
   * the phrase does not open with a singular definite article, has no role noun, or no person named before it
   * holds that role.
   */
  private static Entity roleHolder(Doc doc, Mention m) {
    if (!DEFINITE.contains(doc.tokens.get(m.from).lower())) {
      return null;
    }
    Set<String> nouns = Entities.roleNouns(doc.text.substring(doc.tokens.get(m.from).start(),
        doc.tokens.get(m.to - 1).end()));
    if (nouns.isEmpty()) {
      return null;
    }
    for (int k = m.from - 1; k >= 0; k--) {
      int e = doc.tokenEntity[k];
      if (e >= 0 && doc.entities.get(e).type() == Entity.Type.PER && doc.entities.get(e).role() != null
          && Entities.roleNouns(doc.entities.get(e).role()).containsAll(nouns)) {
        return doc.entities.get(e);
      }
    }
    return null;
  }

  /**
   * The lemma of the cue at token {@code k}, or null. A form after a determiner or possessive is
   * a noun, not a verb: "his claims", "the reports", "Trump’s tweets".
   */
  private static String cue(Doc doc, int k) {
    Token t = doc.tokens.get(k);
    if (t.punctuation()) {
      return null;
    }
    String lemma = Cues.lemma(t.lower());
    if (lemma != null && k > 0 && NOUN_MARKERS.contains(doc.tokens.get(k - 1).lower())) {
      return null;
    }
    if (lemma != null && NOUN_FORMS.contains(t.lower()) && !(k > 0 && (doc.tokenEntity[k - 1] >= 0
        || PRONOUNS.contains(doc.tokens.get(k - 1).lower())))) {
      return null; // "tweets accusing …" is a noun; "Trump tweets" a verb
    }
    return lemma;
  }

  private static int sentenceOfOffset(Doc doc, int offset) {
    return doc.tokenSentence[Math.min(tokenAt(doc.tokens, offset), doc.tokens.size() - 1)];
  }

  /** Index of the first token ending after {@code offset}. */
  static int tokenAt(List<Token> tokens, int offset) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).end() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

}
