package org.lente.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.lente.nlp.Sentence;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.ner.Entities;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.quote.QuoteFinder;
import org.lente.nlp.time.Lang;

/**
 * Direct-quote evaluation on PolNeAR (brat standoff: {@code text/*.txt} and {@code
 * attributions/*.ann} with Source, Cue and Content spans linked by Attribution events). Articles
 * annotated twice are scored once, with the first annotation.
 *
 * <p>A gold attribution is a direct quote when its content starts or ends at a quotation mark
 * (whitespace aside). Lente's direct quotes are matched by character overlap: precision counts the
 * found quotes that overlap any annotated content (the annotators attributed that text to
 * someone), recall counts the gold direct quotes that a found quote overlaps. Speaker accuracy is
 * measured on the matched gold quotes that have a source: correct when Lente's speaker mention
 * overlaps the annotated source, or names it by the same last word ("Caddell" for "Pat Caddell").
 */
public final class QuoteEval {

  private static final String MARKS = "“”\"‘’«»";
  private static final java.util.Set<String> PRONOUNS = java.util.Set.of("he", "she", "they", "it", "we", "i");

  /** Counts of one run. */
  public record Result(int articles, int gold, int found, int foundMatched, int goldMatched, int withSource,
      int speakerCorrect, double tokensPerSecond) {
    public double precision() {
      return found == 0 ? 0 : (double) foundMatched / found;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) goldMatched / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double speakerAccuracy() {
      return withSource == 0 ? 0 : (double) speakerCorrect / withSource;
    }
  }

  /** An annotated attribution: content spans and the source span (null when none). */
  record Gold(List<int[]> content, int[] source, String sourceText) {
    int start() {
      return content.stream().mapToInt(s -> s[0]).min().orElseThrow();
    }

    int end() {
      return content.stream().mapToInt(s -> s[1]).max().orElseThrow();
    }

    boolean overlaps(int s, int e) {
      return content.stream().anyMatch(c -> c[0] < e && s < c[1]);
    }
  }

  private final Entities entities;
  private final QuoteFinder finder = new QuoteFinder();

  public QuoteEval(Entities entities) {
    this.entities = Objects.requireNonNull(entities, "entities");
  }

  /** Scores every article of {@code dir} (a PolNeAR split folder); {@code misses} gets one line per error. */
  public Result run(Path dir, int limit, Consumer<String> misses) throws IOException {
    Map<String, Path> annotations = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("attributions"))) {
      for (Path ann : files.filter(p -> p.toString().endsWith(".ann")).sorted().toList()) {
        String name = ann.getFileName().toString();
        String article = name.substring(0, name.lastIndexOf('_'));
        if (Files.isRegularFile(dir.resolve("text").resolve(article + ".txt"))) {
          annotations.putIfAbsent(article, ann);
        }
      }
    }
    int articles = 0;
    int gold = 0;
    int found = 0;
    int foundMatched = 0;
    int goldMatched = 0;
    int withSource = 0;
    int speakerCorrect = 0;
    long tokens = 0;
    long nanos = 0;
    for (Map.Entry<String, Path> e : annotations.entrySet()) {
      if (limit > 0 && articles >= limit) {
        break;
      }
      String text = Files.readString(dir.resolve("text").resolve(e.getKey() + ".txt"), StandardCharsets.UTF_8);
      List<Gold> all = read(e.getValue());
      long t0 = System.nanoTime();
      List<Token> toks = Tokenizer.tokenize(text, Lang.EN);
      List<Sentence> sentences = Sentences.split(text, toks);
      List<Entity> ents = entities.find(text, Lang.EN, toks, sentences);
      List<Quote> quotes = finder.find(text, toks, sentences, ents).stream()
          .filter(q -> q.kind() == Quote.Kind.DIRECT).toList();
      nanos += System.nanoTime() - t0;
      tokens += toks.size();
      articles++;
      List<Gold> direct = all.stream().filter(g -> isDirect(text, g)).toList();
      gold += direct.size();
      found += quotes.size();
      for (Quote q : quotes) {
        if (all.stream().anyMatch(g -> g.overlaps(q.start(), q.end()))) {
          foundMatched++;
        } else {
          misses.accept("spurious\t" + e.getKey() + "\t" + q.text());
        }
      }
      for (Gold g : direct) {
        Quote best = null;
        int bestOverlap = 0;
        for (Quote q : quotes) {
          int o = overlap(g, q.start(), q.end());
          if (o > bestOverlap) {
            bestOverlap = o;
            best = q;
          }
        }
        String content = text.substring(g.start(), g.end()).replace('\n', ' ');
        if (best == null) {
          misses.accept("missed\t" + e.getKey() + "\t" + content);
          continue;
        }
        goldMatched++;
        if (g.source() == null) {
          continue;
        }
        withSource++;
        if (speakerMatches(best, g)) {
          speakerCorrect++;
        } else {
          misses.accept("speaker\t" + e.getKey() + "\tgold=" + g.sourceText() + "\tgot=" + best.speaker() + " / "
              + best.speakerCanonical() + "\t" + content);
        }
      }
    }
    return new Result(articles, gold, found, foundMatched, goldMatched, withSource, speakerCorrect,
        nanos == 0 ? 0 : tokens / (nanos / 1e9));
  }

  static boolean isDirect(String text, Gold g) {
    int s = g.start();
    int e = g.end();
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e <= s) {
      return false;
    }
    boolean opens = MARKS.indexOf(text.charAt(s)) >= 0 || s > 0 && MARKS.indexOf(text.charAt(s - 1)) >= 0;
    boolean closes = MARKS.indexOf(text.charAt(e - 1)) >= 0 || e < text.length() && MARKS.indexOf(text.charAt(e)) >= 0
        || e >= 2 && MARKS.indexOf(text.charAt(e - 2)) >= 0 && ".,".indexOf(text.charAt(e - 1)) >= 0
        || e + 1 < text.length() && ".,".indexOf(text.charAt(e)) >= 0 && MARKS.indexOf(text.charAt(e + 1)) >= 0;
    return opens || closes;
  }

  private static int overlap(Gold g, int s, int e) {
    int total = 0;
    for (int[] c : g.content()) {
      total += Math.max(0, Math.min(e, c[1]) - Math.max(s, c[0]));
    }
    return total;
  }

  static boolean speakerMatches(Quote q, Gold g) {
    if (q.speaker() == null) {
      return false;
    }
    if (q.speakerStart() < g.source()[1] && g.source()[0] < q.speakerEnd()) {
      return true;
    }
    String gold = lastWord(g.sourceText());
    return !PRONOUNS.contains(gold) && (gold.equals(lastWord(q.speaker()))
        || q.speakerCanonical() != null && gold.equals(lastWord(q.speakerCanonical())));
  }

  private static String lastWord(String s) {
    String[] w = s.toLowerCase(Locale.ROOT).replaceAll("[’']s\\b", "").replaceAll("\\(.*?\\)", " ")
        .replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split("\\s+");
    return w[w.length - 1];
  }

  /** The attributions of a brat file that have a content span. */
  static List<Gold> read(Path ann) throws IOException {
    Map<String, List<int[]>> spans = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    List<String> events = new ArrayList<>();
    for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
      String[] c = line.split("\t");
      if (c.length >= 2 && c[0].startsWith("T")) {
        String[] typeAndSpans = c[1].split(" ", 2);
        List<int[]> list = new ArrayList<>();
        for (String part : typeAndSpans[1].split(";")) {
          String[] se = part.trim().split(" ");
          list.add(new int[] {Integer.parseInt(se[0]), Integer.parseInt(se[1])});
        }
        spans.put(c[0], list);
        texts.put(c[0], c.length > 2 ? c[2] : "");
      } else if (c.length >= 2 && c[0].startsWith("E")) {
        events.add(c[1]);
      }
    }
    List<Gold> out = new ArrayList<>();
    for (String ev : events) {
      String content = null;
      String source = null;
      for (String role : ev.split(" ")) {
        if (role.startsWith("Content:")) {
          content = role.substring(8);
        } else if (role.startsWith("Source:")) {
          source = role.substring(7);
        }
      }
      if (content == null || !spans.containsKey(content)) {
        continue;
      }
      int[] src = null;
      if (source != null && spans.containsKey(source)) {
        List<int[]> s = spans.get(source);
        src = new int[] {s.get(0)[0], s.get(s.size() - 1)[1]};
      }
      out.add(new Gold(spans.get(content), src, source == null ? null : texts.get(source)));
    }
    return out;
  }
}
