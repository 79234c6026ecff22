package org.lente.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lente.extract.Article;
import org.lente.extract.Extractor;
import org.lente.extract.LanguageProfiles;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;
import org.lente.nlp.Sentence;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.time.Lang;

/**
 * Language identification on short slices of the shared corpora (a headline, one or two sentences, a headline and
 * a sentence). Italian: cl-tls-it, DICE, MEANTIME; English: PolNeAR, MEANTIME; Spanish, Dutch: MEANTIME; German,
 * Spanish, French, Polish, Portuguese and a few others: the trafilatura pages by their declared {@code <html lang>},
 * except "en", which many templates declare whatever the text (the Scrapinghub pages are left out for the same
 * reason: they are only mostly English). Cross-validated by source document: {@link #FOLDS} folds by document (MEANTIME's translations
 * of one article share a fold); each fold's slices are identified with profiles built from the other folds'
 * documents. The margin under which the answer is "unknown" is chosen on folds 0–2 (least cost, a wrong
 * language costing {@link #WRONG_COST} unknowns) and reported on each fold. Also scores what the product
 * answers: the committed profiles behind {@code Extractor} on the same slices written as plain-text items.
 */
public final class LanguageEval {

  /** Folds by document. */
  public static final int FOLDS = 5;
  /** Folds on which the margin is chosen; the others only report. */
  public static final int CHOOSE_FOLDS = 3;
  /** A wrong language is worth this many unknowns: it makes a wrong analysis, where unknown makes none. */
  public static final double WRONG_COST = 5;
  /** Languages with fewer documents than this are only tested (must come out unknown), never profiled. */
  public static final int MIN_DOCUMENTS = 5;
  /** The slices scored, shortest first. */
  public static final List<String> SLICES = List.of("headline", "1 sentence", "headline + sentence", "2 sentences",
      "whole text");

  private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang=[\"']?([a-zA-Z]{2,3})\\b",
      Pattern.CASE_INSENSITIVE);
  private static final int MIN_WORDS = 4;

  /** A source document: its fold group, language, the corpus it comes from, headline (or null) and sentences. */
  public record Doc(String group, String lang, String corpus, String title, List<String> sentences) {
    int fold() {
      return Math.floorMod(group.hashCode(), FOLDS);
    }

    String text() {
      return (title == null ? "" : title + "\n\n") + String.join(" ", sentences);
    }

    /** The slice's text, or null when this document has none of that kind. */
    String slice(String kind) {
      return switch (kind) {
        case "headline" -> title;
        case "1 sentence" -> sentences.isEmpty() ? null : sentences.get(0);
        case "headline + sentence" -> title == null || sentences.isEmpty() ? null : title + "\n\n" + sentences.get(0);
        case "2 sentences" -> sentences.size() < 2 ? null : sentences.get(0) + " " + sentences.get(1);
        case "whole text" -> text();
        default -> throw new IllegalArgumentException("unknown slice: " + kind);
      };
    }
  }

  /** One identified slice: fold, the document's language and corpus, slice kind, and the unthresholded guess. */
  public record Item(int fold, String lang, String corpus, String slice, LanguageProfiles.Guess guess, String product,
      String text) {}

  /** Everything measured. */
  public record Result(List<Doc> docs, List<String> profiled, List<Item> items, double margin, double coverage, int top,
      LanguageProfiles all) {}

  private final Path data;
  private final Extractor extractor = new Extractor();
  private final PageReader reader = new PageReader();
  private final ObjectMapper json = new ObjectMapper();

  public LanguageEval(Path data) {
    this.data = data;
  }

  /** Reads the corpora that are present; progress lines go to {@code log}. */
  public List<Doc> documents(int perCorpus, Consumer<String> log) throws IOException {
    List<Doc> docs = new ArrayList<>();
    Path cl = data.resolve("corpus/cl-tls-it");
    if (Files.isDirectory(cl)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(cl)) {
        files = s.filter(p -> p.toString().endsWith(".txt") && !p.toString().contains("/reference/")).sorted().toList();
      }
      addTexts(docs, files, "it", "cl-tls-it", perCorpus);
    }
    Path dice = data.resolve("corpus/dice-italian-crime-news/texts.jsonl");
    if (Files.isRegularFile(dice)) {
      try (BufferedReader in = Files.newBufferedReader(dice, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null && (perCorpus <= 0 || n < perCorpus)) {
          JsonNode o = json.readTree(line);
          Doc d = doc("dice:" + o.path("id").asText(), "it", "dice", null, o.path("text").asText());
          if (d != null) {
            docs.add(d);
            n++;
          }
        }
      }
    }
    for (String lang : List.of("en", "it", "es", "nl")) {
      Path csv = data.resolve("meantime/multilingual/" + lang + "/conll.csv");
      if (Files.isRegularFile(csv)) {
        for (Map.Entry<String, Article> e : MeantimeTables.read(csv, lang).entrySet()) {
          Article a = e.getValue();
          Doc d = doc("meantime:" + e.getKey(), lang, "meantime " + lang, a.title(), a.text());
          if (d != null) {
            docs.add(d);
          }
        }
      }
    }
    for (String split : List.of("train", "dev")) {
      Path dir = data.resolve("quotes/polnear/" + split + "/text");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          addTexts(docs, s.filter(p -> p.toString().endsWith(".txt")).sorted().toList(), "en", "polnear", perCorpus);
        }
      }
    }
    Path tr = data.resolve("extraction/trafilatura/html");
    if (Files.isDirectory(tr)) {
      List<Path> pages;
      try (Stream<Path> s = Files.list(tr)) {
        pages = s.filter(p -> p.toString().endsWith(".gz")).sorted().toList();
      }
      for (Path p : pages) {
        Page page = reader.read(p.toString());
        String head = new String(page.bytes(), 0, Math.min(page.bytes().length, 20_000), StandardCharsets.UTF_8);
        Matcher m = HTML_LANG.matcher(head);
        if (!m.find() || m.group(1).length() != 2 || m.group(1).equalsIgnoreCase("en")) {
          continue; // undeclared: no label; "en" is many a template's default (German, Portuguese pages declare it)
        }
        Article a = extractor.extract(page);
        Doc d = doc("trafilatura:" + p.getFileName(), m.group(1).toLowerCase(Locale.ROOT), "trafilatura pages",
            a.title(), a.text());
        if (d != null) {
          docs.add(d);
        }
      }
    }
    log.accept("documents: " + docs.size());
    return docs;
  }

  private void addTexts(List<Doc> docs, List<Path> files, String lang, String corpus, int limit) throws IOException {
    int n = 0;
    for (Path p : files) {
      if (limit > 0 && n >= limit) {
        break;
      }
      Article a = extractor.extract(reader.read(p.toString()));
      Doc d = doc(corpus + ":" + p.getFileName(), lang, corpus, a.title(), a.text());
      if (d != null) {
        docs.add(d);
        n++;
      }
    }
  }

  /** A document whose sentences of at least {@value #MIN_WORDS} words are kept; null when it has none. */
  static Doc doc(String group, String lang, String corpus, String title, String body) {
    List<String> kept = new ArrayList<>();
    List<Token> tokens = Tokenizer.tokenize(body, Lang.EN);
    for (Sentence s : Sentences.split(body, tokens)) {
      String text = body.substring(s.start(), s.end()).strip();
      if (words(text) >= MIN_WORDS) {
        kept.add(text.replaceAll("\\s+", " "));
      }
    }
    String t = title == null || words(title) == 0 ? null : title.strip();
    return kept.isEmpty() ? null : new Doc(group, lang, corpus, t, kept);
  }

  private static int words(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetter(text.charAt(i));
      if (letter && !in) {
        n++;
      }
      in = letter;
    }
    return n;
  }

  /** Cross-validates profiles of the {@code top} n-grams per order, chooses the margin, and scores the product. */
  public Result run(List<Doc> docs, int top, Consumer<String> log) {
    Map<String, Integer> perLang = new TreeMap<>();
    docs.forEach(d -> perLang.merge(d.lang(), 1, Integer::sum));
    List<String> profiled = perLang.entrySet().stream().filter(e -> e.getValue() >= MIN_DOCUMENTS)
        .map(Map.Entry::getKey).toList();
    List<Item> items = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      LanguageProfiles.Builder b = new LanguageProfiles.Builder();
      for (Doc d : docs) {
        if (d.fold() != k && profiled.contains(d.lang())) {
          b.add(d.lang(), d.text());
        }
      }
      LanguageProfiles p = b.build(top, 0, 0);
      for (Doc d : docs) {
        if (d.fold() != k) {
          continue;
        }
        for (String s : SLICES) {
          String text = d.slice(s);
          if (text != null) {
            String product = extractor.extract(Page.of("item.txt", text.getBytes(StandardCharsets.UTF_8))).language();
            items.add(new Item(k, d.lang(), d.corpus(), s, p.identify(text), product, text));
          }
        }
      }
      log.accept("fold " + k + " identified");
    }
    double coverage = chooseCoverage(items);
    double margin = chooseMargin(items, coverage);
    LanguageProfiles.Builder all = new LanguageProfiles.Builder();
    docs.stream().filter(d -> profiled.contains(d.lang())).forEach(d -> all.add(d.lang(), d.text()));
    return new Result(docs, profiled, items, margin, coverage, top, all.build(top, margin, coverage));
  }

  /**
   * The least coverage: half the 1st percentile of the coverage of short slices whose best language is right, on the
   * choosing folds; far under what text in a profiled language shows, so it only turns away text the profiles lack
   * (other languages and scripts, which the corpora hardly have, so it cannot be chosen by cost).
   */
  static double chooseCoverage(List<Item> items) {
    double[] c = items.stream().filter(it -> it.fold() < CHOOSE_FOLDS && !it.slice().equals("whole text")
        && it.lang().equals(it.guess().best())).mapToDouble(it -> it.guess().coverage()).sorted().toArray();
    return c.length == 0 ? 0 : Math.floor(100 * 0.5 * c[(int) (0.01 * (c.length - 1))]) / 100;
  }

  /** The margin of least cost on the choosing folds, over a grid of 0 to 10 nats in steps of 0.25. */
  static double chooseMargin(List<Item> items, double coverage) {
    double best = 0;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= 40; i++) {
      double m = i * 0.25;
      double cost = 0;
      for (Item it : items) {
        if (it.fold() >= CHOOSE_FOLDS || it.slice().equals("whole text")) {
          continue;
        }
        String said = decided(it.guess(), m, coverage);
        cost += said == null ? 1 : said.equals(it.lang()) ? 0 : WRONG_COST;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = m;
      }
    }
    return best;
  }

  /** The guess's language at margin {@code m} and least coverage {@code c}, or null for unknown. */
  static String decided(LanguageProfiles.Guess g, double m, double c) {
    return g.best() != null && g.lead() >= m && g.coverage() >= c ? g.best() : null;
  }

  /** Counts of right, unknown, wrong, and wrong as it or en, over some items. */
  public record Tally(int n, int right, int unknown, int wrong, int itOrEn) {
    static Tally of(List<Item> items, java.util.function.Function<Item, String> said) {
      int right = 0;
      int unknown = 0;
      int wrong = 0;
      int itEn = 0;
      for (Item it : items) {
        String s = said.apply(it);
        if (s == null) {
          unknown++;
        } else if (s.equals(it.lang())) {
          right++;
        } else {
          wrong++;
          if (s.equals("it") || s.equals("en")) {
            itEn++;
          }
        }
      }
      return new Tally(items.size(), right, unknown, wrong, itEn);
    }

    public double accuracy() {
      return n == 0 ? 0 : (double) right / n;
    }
  }

  /** The report: per language and slice (held-out folds 3–4, all folds, the product), per fold, and the data. */
  public static String table(Result r, String command) {
    StringBuilder out = new StringBuilder();
    Map<String, Integer> perCorpus = new LinkedHashMap<>();
    r.docs().forEach(d -> perCorpus.merge(d.corpus() + " (" + d.lang() + ")", 1, Integer::sum));
    out.append("data: ").append(perCorpus).append('\n');
    out.append("command: ").append(command).append('\n');
    out.append(String.format(Locale.ROOT, "profiled: %s; top %d n-grams per order; least coverage %.2f (half the 1st percentile "
        + "of right answers) and margin %.2f nats per order (least cost: unknown 1, wrong %.0f), both chosen on folds 0-%d%n",
        r.profiled(), r.top(), r.coverage(), r.margin(), WRONG_COST, CHOOSE_FOLDS - 1));
    out.append("\n| language | slice | items | held out (folds ")
        .append(CHOOSE_FOLDS).append('-').append(FOLDS - 1)
        .append("): right | unknown | wrong | called it/en | all folds: right | product (committed profiles): right "
            + "| unknown | wrong |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, List<Item>> byLang = new TreeMap<>();
    r.items().forEach(it -> byLang.computeIfAbsent(it.lang(), x -> new ArrayList<>()).add(it));
    for (Map.Entry<String, List<Item>> e : byLang.entrySet()) {
      for (String s : SLICES) {
        List<Item> all = e.getValue().stream().filter(it -> it.slice().equals(s)).toList();
        if (all.isEmpty()) {
          continue;
        }
        List<Item> held = all.stream().filter(it -> it.fold() >= CHOOSE_FOLDS).toList();
        Tally h = Tally.of(held, it -> decided(it.guess(), r.margin(), r.coverage()));
        Tally a = Tally.of(all, it -> decided(it.guess(), r.margin(), r.coverage()));
        Tally p = Tally.of(all, Item::product);
        out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
            e.getKey(), s, all.size(), h.accuracy(), frac(h.unknown(), h.n()), frac(h.wrong(), h.n()),
            frac(h.itOrEn(), h.n()), a.accuracy(), p.accuracy(), frac(p.unknown(), p.n()), frac(p.wrong(), p.n())));
      }
    }
    out.append("\nper fold, short slices (all but whole text), all languages:\n\n| fold | items | right | unknown | wrong |\n"
        + "|---:|---:|---:|---:|---:|\n");
    double min = 1;
    double max = 0;
    double sum = 0;
    for (int k = 0; k < FOLDS; k++) {
      int fold = k;
      Tally t = Tally.of(r.items().stream().filter(it -> it.fold() == fold && !it.slice().equals("whole text")).toList(),
          it -> decided(it.guess(), r.margin(), r.coverage()));
      out.append(String.format(Locale.ROOT, "| %d%s | %d | %.3f | %.3f | %.3f |%n", k, k < CHOOSE_FOLDS ? " (chose)" : "",
          t.n(), t.accuracy(), frac(t.unknown(), t.n()), frac(t.wrong(), t.n())));
      min = Math.min(min, t.accuracy());
      max = Math.max(max, t.accuracy());
      sum += t.accuracy();
    }
    out.append(String.format(Locale.ROOT, "%nshort-slice accuracy over folds: mean %.3f, spread %.3f-%.3f%n", sum / FOLDS,
        min, max));
    return out.toString();
  }

  /** One line per slice of {@code kind} named wrongly at the chosen margin (for -v): language, answer, corpus, start. */
  public static List<String> mistakes(Result r, String kind) {
    List<String> out = new ArrayList<>();
    for (Item it : r.items()) {
      String said = decided(it.guess(), r.margin(), r.coverage());
      if (it.slice().equals(kind) && said != null && !said.equals(it.lang())) {
        String t = it.text().replaceAll("\\s+", " ");
        out.add(String.format(Locale.ROOT, "%s called %s (lead %.1f) in %s: %s", it.lang(), said, it.guess().lead(),
            it.corpus(), t.substring(0, Math.min(t.length(), 90))));
      }
    }
    return out;
  }

  private static double frac(int a, int n) {
    return n == 0 ? 0 : (double) a / n;
  }
}
