package org.lente.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lente.nlp.Sentence;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.ner.Entities;
import org.lente.nlp.ner.EntityTagger;
import org.lente.nlp.ner.NerModels;
import org.lente.nlp.quote.DirectQuoteModel;
import org.lente.nlp.quote.Evidence;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.quote.QuoteFinder;
import org.lente.nlp.time.Lang;

/**
 * Learns {@link DirectQuoteModel} from a PolNeAR split (BRAT standoff, as in {@code
 * ../shared/tools/score_quotes.py}): every text between quotation marks that the finder reports is
 * an example, positive when it overlaps an annotated direct quote (content that opens and closes with
 * a quotation mark). Validated across articles: k folds of articles, each scored by a model trained on
 * the others; the out-of-fold quotes are written in the scorer's format so that the standard scorer
 * gives each fold's figures ({@code all-candidates.jsonl} holds every quotation, as without the
 * model). Then the model is fitted on every article and written as the resource.
 *
 * <p>Usage: {@code QuoteModelTraining SPLIT_DIR MODEL.tsv OUT_DIR [K]}; run by
 * {@code scripts/train-quote-model}.
 */
public final class QuoteModelTraining {

  private static final String OPEN = "\"“«‘'";
  private static final String CLOSE = "\"”»’'";
  /** The L2 penalty and the gradient steps: fixed beforehand, not searched. */
  private static final double LAMBDA = 1e-3;
  private static final int ITERATIONS = 3000;
  private static final long SEED = 20261205L;

  private record Example(String doc, int start, int end, String speaker, double[] x, boolean y) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private QuoteModelTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: QuoteModelTraining SPLIT_DIR MODEL.tsv OUT_DIR [K]");
      System.exit(1);
    }
    Path split = Path.of(args[0]);
    Path modelFile = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int k = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Files.createDirectories(out);
    List<String> docs = documents(split);
    Entities entities = new Entities(new EntityTagger(new NerModels(System.err::println)));
    QuoteFinder finder = new QuoteFinder(new DirectQuoteModel(new double[Evidence.NAMES.size()]));
    List<List<Example>> byDoc = new ArrayList<>();
    int n = 0;
    for (String doc : docs) {
      String text = Files.readString(split.resolve("text").resolve(doc + ".txt"), StandardCharsets.UTF_8);
      List<int[]> gold = goldDirect(text, annotation(split, doc));
      List<Token> tokens = Tokenizer.tokenize(text, Lang.EN);
      List<Sentence> sentences = Sentences.split(text, tokens);
      List<Example> examples = new ArrayList<>();
      for (QuoteFinder.Candidate c : finder.candidates(text, tokens, sentences,
          entities.find(text, Lang.EN, tokens, sentences))) {
        Quote q = c.quote();
        int[] marked = withMarks(text, q);
        boolean y = gold.stream().anyMatch(g -> g[0] < marked[1] && marked[0] < g[1]);
        examples.add(new Example(doc, marked[0], marked[1], q.speaker(), c.evidence().features(), y));
      }
      byDoc.add(examples);
      if (++n % 100 == 0) {
        System.err.println(n + " articles read");
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(SEED));
    int[] fold = new int[docs.size()];
    for (int i = 0; i < order.size(); i++) {
      fold[order.get(i)] = i % k;
    }
    try (PrintWriter all = new PrintWriter(Files.newBufferedWriter(out.resolve("all-candidates.jsonl")))) {
      byDoc.forEach(l -> l.forEach(ex -> all.println(json(ex))));
    }
    try (PrintWriter oof = new PrintWriter(Files.newBufferedWriter(out.resolve("out-of-fold.jsonl")))) {
      for (int f = 0; f < k; f++) {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        List<String> foldDocs = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
          if (fold[d] == f) {
            foldDocs.add(docs.get(d));
            continue;
          }
          for (Example ex : byDoc.get(d)) {
            x.add(ex.x);
            y.add(ex.y);
          }
        }
        DirectQuoteModel model = DirectQuoteModel.train(x, y, LAMBDA, ITERATIONS);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int d = 0; d < docs.size(); d++) {
          if (fold[d] != f) {
            continue;
          }
          for (Example ex : byDoc.get(d)) {
            boolean keep = model.accepts(ex.x);
            if (keep) {
              oof.println(json(ex));
            }
            tp += keep && ex.y ? 1 : 0;
            fp += keep && !ex.y ? 1 : 0;
            fn += !keep && ex.y ? 1 : 0;
          }
        }
        Files.write(out.resolve("fold-" + f + ".txt"), foldDocs);
        System.out.printf(Locale.ROOT, "fold %d: %d articles; candidates kept right %d, kept wrong %d, dropped right"
            + " ones %d (candidate precision %.3f, recall %.3f)%n", f, foldDocs.size(), tp, fp, fn,
            tp + fp == 0 ? 0 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn));
      }
    }
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (List<Example> l : byDoc) {
      for (Example ex : l) {
        x.add(ex.x);
        y.add(ex.y);
      }
    }
    DirectQuoteModel model = DirectQuoteModel.train(x, y, LAMBDA, ITERATIONS);
    List<String> lines = new ArrayList<>();
    lines.add("# Direct-quote decision (DirectQuoteModel): logistic regression weights, one per feature of Evidence.");
    lines.add("# Learned from PolNeAR train (" + docs.size() + " articles, " + x.size() + " quotations, "
        + y.stream().filter(b -> b).count() + " of them annotated direct quotes), L2 " + LAMBDA + ", "
        + ITERATIONS + " steps.");
    lines.add("# Made by: scripts/train-quote-model (java -cp target/lente.jar org.lente.eval.QuoteModelTraining"
        + " ../shared/data/quotes/polnear/train " + "src/main/resources/org/lente/nlp/quote/direct-quote-model.tsv"
        + " target/quote-model " + k + ")");
    double[] w = model.weights();
    for (int i = 0; i < w.length; i++) {
      lines.add(Evidence.NAMES.get(i) + "\t" + String.format(Locale.ROOT, "%.4f", w[i]));
    }
    Files.write(modelFile, lines);
    lines.forEach(System.out::println);
  }

  /**
   * The extent [start, end) of direct quote {@code q} of {@code text} with its quotation marks, as the scorer's
   * gold extents run: the marks of the {@link QuoteFinder#quotations quotation} whose content {@code q} is, both
   * apostrophes of a doubled one ("''It's over,''"); {@code q}'s own extent when no quotation holds it. Not the
   * ruler's mapping (`../shared/tools/measure` finds the text in the raw file and widens it by one character), so the
   * folds' exact figure is not the ruler's: {@code bench/quote-ruler-folds} scores the folds as the ruler does.
   */
  static int[] withMarks(String text, Quote q) {
    for (QuoteFinder.Quotation m : QuoteFinder.quotations(text)) {
      if (m.start() == q.start() && m.end() == q.end()) {
        return new int[] {m.open(), m.close()};
      }
    }
    return new int[] {q.start(), q.end()};
  }

  /** A candidate quote as the jsonl files hold it, one line each; {@code speaker} null when none was found. */
  record Candidate(String doc, int start, int end, String speaker) {}

  /** One candidate as a JSON line; a newline in the speaker becomes a space, as the scorer has always seen it. */
  static String json(String doc, int start, int end, String speaker) throws IOException {
    return JSON.writeValueAsString(new Candidate(doc, start, end, speaker == null ? null : speaker.replace("\n", " ")));
  }

  private static String json(Example ex) {
    try {
      return json(ex.doc, ex.start, ex.end, ex.speaker);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The split's article ids that have text and an annotation, sorted. */
  static List<String> documents(Path split) throws IOException {
    try (Stream<Path> files = Files.list(split.resolve("text"))) {
      return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".txt"))
          .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
    }
  }

  /** The first annotation of {@code doc} in sorted order, as the scorer takes it. */
  static Path annotation(Path split, String doc) throws IOException {
    Pattern name = Pattern.compile(Pattern.quote(doc) + "_[0-9a-zA-Z]+\\.ann");
    try (Stream<Path> files = Files.list(split.resolve("attributions"))) {
      return files.filter(p -> name.matcher(p.getFileName().toString()).matches()).sorted().findFirst()
          .orElseThrow(() -> new IOException("no annotation for " + doc));
    }
  }

  /** The annotated direct quotes' extents, each from its opening to its closing quotation mark. */
  static List<int[]> goldDirect(String text, Path ann) throws IOException {
    List<int[]> out = new ArrayList<>();
    for (QuoteEval.Gold g : QuoteEval.read(ann)) {
      for (int[] unit : units(text, g.content())) {
        int s = unit[0];
        int e = unit[1];
        while (s < e && Character.isWhitespace(text.charAt(s))) {
          s++;
        }
        while (e > s && ".,;:!? \t\r\n".indexOf(text.charAt(e - 1)) >= 0) {
          e--;
        }
        if (e - s >= 2 && OPEN.indexOf(text.charAt(s)) >= 0 && CLOSE.indexOf(text.charAt(e - 1)) >= 0) {
          out.add(new int[] {s, e});
        }
      }
    }
    return out;
  }

  /** Fragments of a discontinuous span, merged unless a word lies between them (as the scorer does). */
  private static List<int[]> units(String text, List<int[]> parts) {
    List<int[]> sorted = new ArrayList<>(parts);
    sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] p : sorted) {
      int[] lastUnit = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (lastUnit != null && text.substring(Math.min(lastUnit[1], p[0]), p[0]).codePoints()
          .noneMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
        lastUnit[1] = Math.max(lastUnit[1], p[1]);
      } else {
        merged.add(new int[] {p[0], p[1]});
      }
    }
    return merged;
  }
}
