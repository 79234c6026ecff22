package org.lente.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.knowledge.EntityResolver;
import org.lente.nlp.Analysis;
import org.lente.nlp.Analyzer;
import org.lente.story.Direction;
import org.lente.story.Evidence;
import org.lente.story.Likeness;
import org.lente.story.Lineage;
import org.lente.story.Provenance;
import org.lente.story.Signature;

/**
 * Translation pairing, the translation rule and direction on MEANTIME multilingual: the same Wikinews articles in English
 * (the originals) and in Italian, Spanish and Dutch translations, as token tables with shared
 * document ids. Each article is rebuilt as text (its first sentence the title), analysed by Lente
 * (entities only for Italian and English; Spanish and Dutch get names from capitalisation), its
 * entity names resolved through one {@link EntityResolver} as the knowledge base does, and reduced
 * to a {@link Signature}. For each Italian article every English, Spanish and Dutch article is ranked
 * by {@link Likeness}: precision at 1 and MRR of the English original. Each Italian article and its
 * original are also judged by the rule that makes a translation link ({@link Lineage#translation}):
 * how many pairs it links, and the least coverage seen; and every other English article, which it
 * should not link (a different news story in the same topic). Direction is then decided by
 * {@link Provenance} for each Italian article and its English original with no publication time
 * (the corpus has none in its tables anyway): correct when the English one is called the original.
 */
public final class LineageEval {

  /**
   * The figures; {@code changesFlagged} counts the changed numbers and outlets found between each
   * Italian article and its original (faithful translations: each one is a false alarm or a slip of
   * the translator); {@code details} has one line per Italian article whose original was not first or
   * whose direction was wrong, and one per change flagged.
   */
  public record Result(int queries, int candidates, int firstCorrect, double mrr, int directionCorrect,
      int directionUnknown, int translationsLinked, double leastCoverage, int falseLinks, int otherPairs,
      int changesFlagged, List<String> details) {
    public Result {
      details = List.copyOf(details);
    }

    public double precisionAt1() {
      return queries == 0 ? 0 : (double) firstCorrect / queries;
    }

    public double directionAccuracy() {
      return queries == 0 ? 0 : (double) directionCorrect / queries;
    }
  }

  private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't", "'",
      "’s", "”", "»");
  private static final List<String> LANGUAGES = List.of("en", "it", "es", "nl");

  private final Analyzer analyzer;

  public LineageEval(Analyzer analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  /** Scores the folder {@code meantime/multilingual}; null when it lacks a language's table. */
  public Result run(Path dir, Consumer<String> progress) throws IOException {
    Map<String, Map<String, Article>> articles = new LinkedHashMap<>();
    for (String lang : LANGUAGES) {
      Path csv = dir.resolve(lang).resolve("conll.csv");
      if (!Files.isRegularFile(csv)) {
        return null;
      }
      articles.put(lang, read(csv, lang));
    }
    EntityResolver resolver = new EntityResolver();
    Map<String, Map<String, Analysis>> analyses = new HashMap<>();
    Map<String, Map<String, Signature>> signatures = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    int docs = 0;
    for (String lang : LANGUAGES) {
      progress.accept("analysing " + articles.get(lang).size() + " " + lang + " articles");
      for (Map.Entry<String, Article> e : articles.get(lang).entrySet()) {
        Analysis a = resolver.resolveAll(analyzer.analyze(e.getValue(), null));
        Signature s = Signature.of(a).withoutPublished();
        analyses.computeIfAbsent(lang, x -> new HashMap<>()).put(e.getKey(), a);
        signatures.computeIfAbsent(lang, x -> new HashMap<>()).put(e.getKey(), s);
        Set<String> terms = new HashSet<>();
        s.anchors().forEach(x -> terms.add(x.term()));
        terms.forEach(t -> df.merge(t, 1, Integer::sum));
        docs++;
      }
    }
    int n = docs;
    Likeness.Weights idf = term -> Likeness.kindWeight(term) * Math.log(1.0 + (double) n / df.getOrDefault(term, 1));
    int first = 0;
    double rr = 0;
    int dirCorrect = 0;
    int dirUnknown = 0;
    int linked = 0;
    int flagged = 0;
    int falseLinks = 0;
    int otherPairs = 0;
    double leastCoverage = 1;
    int candidates = 0;
    List<String> details = new ArrayList<>();
    for (Map.Entry<String, Signature> q : signatures.get("it").entrySet()) {
      record Ranked(String lang, String id, double score) { }
      List<Ranked> ranked = new ArrayList<>();
      for (String lang : List.of("en", "es", "nl")) {
        for (Map.Entry<String, Signature> c : signatures.get(lang).entrySet()) {
          ranked.add(new Ranked(lang, c.getKey(), Likeness.of(q.getValue(), c.getValue(), idf).score()));
        }
      }
      candidates = ranked.size();
      ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::lang));
      int rank = 0;
      for (int i = 0; i < ranked.size(); i++) {
        if (ranked.get(i).lang().equals("en") && ranked.get(i).id().equals(q.getKey())) {
          rank = i + 1;
          break;
        }
      }
      if (rank == 1) {
        first++;
      } else {
        Ranked top = ranked.get(0);
        details.add(q.getKey() + ": original ranked " + rank + String.format(" (%.3f)", rank == 0 ? 0
            : ranked.get(rank - 1).score()) + "; first " + top.lang() + " " + top.id() + " "
            + String.format("%.3f", top.score()));
      }
      rr += rank == 0 ? 0 : 1.0 / rank;
      Signature original = signatures.get("en").get(q.getKey());
      Likeness pair = Lineage.likeness(q.getValue(), original);
      leastCoverage = Math.min(leastCoverage, pair.coverage(q.getValue(), original));
      for (Map.Entry<String, Signature> other : signatures.get("en").entrySet()) {
        if (!other.getKey().equals(q.getKey())) {
          otherPairs++;
          Likeness l = Lineage.likeness(q.getValue(), other.getValue());
          if (Lineage.translation(q.getValue(), other.getValue(), l)) {
            falseLinks++;
            details.add(q.getKey() + String.format(": linked as a translation of another article, en %s (likeness %.3f)",
                other.getKey(), l.score()));
          }
        }
      }
      for (Evidence change : Lineage.translationChanges(analyses.get("it").get(q.getKey()), q.getValue(),
          analyses.get("en").get(q.getKey()), original)) {
        flagged++;
        details.add(q.getKey() + ": " + change.kind() + " flagged on a faithful translation: " + change.note()
            + " | " + change.here() + " | " + change.there());
      }
      if (Lineage.translation(q.getValue(), original, pair)) {
        linked++;
      } else {
        details.add(q.getKey() + String.format(": not linked as a translation (likeness %.3f, coverage %.3f)",
            pair.score(), pair.coverage(q.getValue(), original)));
      }
      Provenance.Verdict v = Provenance.decide(analyses.get("it").get(q.getKey()), q.getValue(),
          analyses.get("en").get(q.getKey()), signatures.get("en").get(q.getKey()));
      if (v.direction() == Direction.ORIGINAL) {
        dirCorrect++;
      } else {
        if (v.direction() == Direction.UNKNOWN) {
          dirUnknown++;
        }
        details.add(q.getKey() + ": direction " + v.direction().label() + " (balance " + v.balance() + ") "
            + v.evidence().stream().map(x -> x.kind() + ": " + x.note()).toList());
      }
    }
    int queries = signatures.get("it").size();
    return new Result(queries, candidates, first, queries == 0 ? 0 : rr / queries, dirCorrect, dirUnknown, linked,
        queries == 0 ? 0 : leastCoverage, falseLinks, otherPairs, flagged, details);
  }

  /** The articles of one language's token table, by document id, in table order. */
  static Map<String, Article> read(Path csv, String lang) throws IOException {
    Map<String, List<List<String>>> sentences = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = fields(line);
        if (f.size() < 5) {
          continue;
        }
        List<List<String>> doc = sentences.computeIfAbsent(f.get(1), x -> new ArrayList<>());
        int sent = Integer.parseInt(f.get(2));
        while (doc.size() <= sent) {
          doc.add(new ArrayList<>());
        }
        doc.get(sent).add(f.get(4));
      }
    }
    Map<String, Article> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<String>>> d : sentences.entrySet()) {
      List<String> text = d.getValue().stream().filter(s -> !s.isEmpty()).map(LineageEval::detokenize).toList();
      if (text.isEmpty()) {
        continue;
      }
      List<Block> blocks = text.subList(1, text.size()).stream().map(t -> new Block(Block.Type.PARAGRAPH, t)).toList();
      out.put(d.getKey(), new Article("meantime/" + lang + "/" + d.getKey(), null, text.get(0), null, List.of(), null,
          null, List.of(), null, null, null, lang, blocks, null, List.of()));
    }
    return out;
  }

  /** One CSV line's fields; a field may be quoted, with doubled quotes inside. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  /** Tokens written back as text: no space before closing punctuation or after an elision. */
  static String detokenize(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    boolean openQuote = false;
    String prev = null;
    for (String t : tokens) {
      boolean quote = t.equals("\"");
      boolean glue = prev == null || NO_SPACE_BEFORE.contains(t) || prev.equals("(") || prev.endsWith("'")
          || prev.endsWith("’") || (quote && openQuote) || (prev.equals("\"") && openQuote);
      if (!glue) {
        sb.append(' ');
      }
      sb.append(t);
      if (quote) {
        openQuote = !openQuote;
      }
      prev = t;
    }
    return sb.toString();
  }
}
