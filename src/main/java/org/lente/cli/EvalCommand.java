package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.lente.Pipeline;
import org.lente.eval.CorefEval;
import org.lente.eval.ExtractionEval;
import org.lente.eval.NerEval;
import org.lente.eval.QuoteEval;
import org.lente.eval.SpeedEval;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.Entities;
import org.lente.nlp.ner.EntityTagger;
import org.lente.nlp.ner.NerModels;
import org.lente.eval.TimexEval;
import org.lente.nlp.time.Lang;
import org.lente.nlp.time.TimeTagger;
import org.lente.extract.Extractor;
import org.lente.ingest.PageReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente eval}: measures Lente against third-party benchmarks in the shared data folder. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {"Measures accuracy and speed on third-party benchmarks (see ../shared/data/DATA.md).",
        "Tasks: extraction, timex, ner, quotes, speed, coref, lineage, stories, lang."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class EvalCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TASK", description = "What to evaluate: extraction, timex, ner, quotes, speed, coref, lineage, stories or lang.")
  String task;

  @Option(names = "--data", paramLabel = "DIR",
      description = "The benchmark folder. Default: $LENTE_DATA, else ../shared/data beside Lente's folder.")
  Path data;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "Score only the first N pages of each benchmark (0: all).")
  int limit;

  @Option(names = "--save", paramLabel = "FILE",
      description = "lang: write the profiles built from all documents, with the chosen margin, to FILE "
          + "(src/main/resources/org/lente/extract/language-profiles.tsv is the one Lente ships).")
  Path save;

  @Option(names = "--top", paramLabel = "N", defaultValue = "500",
      description = "lang: keep the N most frequent n-grams of each order in each language's profile.")
  int top;

  @Option(names = {"-v", "--verbose"}, description = "Print a line per page that lost points.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data != null ? data : defaultData();
    switch (task) {
      case "extraction" -> {
        return extraction(out, dir);
      }
      case "timex" -> {
        return timex(out, dir);
      }
      case "ner" -> {
        return ner(out, dir);
      }
      case "quotes" -> {
        return quotes(out, dir);
      }
      case "speed" -> {
        return speed(out, dir);
      }
      case "coref" -> {
        return coref(out, dir);
      }
      case "lineage" -> {
        return lineage(out, dir);
      }
      case "stories" -> {
        return stories(out, dir);
      }
      case "lang" -> {
        return lang(out, dir);
      }
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown task: " + task + " (known: extraction, timex, ner, quotes, speed, coref, lineage, stories, lang)");
    }
  }

  /** Duckling's phrases in Italian and English, scored as the team's ruler scores {@code lente timex}. */
  private int timex(PrintWriter out, Path dir) throws IOException {
    TimexEval eval = new TimexEval(new TimeTagger());
    List<TimexEval.Result> results = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      Path tsv = dir.resolve("time/duckling/" + lang.name().toLowerCase(java.util.Locale.ROOT) + "_time_examples.tsv");
      if (!Files.isRegularFile(tsv)) {
        out.println("skipped duckling " + lang + ": " + tsv + " not found");
        continue;
      }
      TimexEval.Result r = eval.run(tsv, lang);
      if (verbose) {
        r.failures().forEach(out::println);
      }
      results.add(r);
    }
    if (results.isEmpty()) {
      out.println("no benchmark data found under " + dir + ": nothing measured");
      return 0;
    }
    out.println();
    out.println("| benchmark | language | phrases | correct | accuracy (value and grain) |");
    out.println("|---|---|---:|---:|---:|");
    for (TimexEval.Result r : results) {
      out.printf("| duckling | %s | %d | %d | %.3f |%n", r.lang().name().toLowerCase(java.util.Locale.ROOT),
          r.total(), r.correct(), r.accuracy());
    }
    out.println();
    out.println("Scored as ../shared/tools/measure timex scores lente timex. Time in news (TimeML, TempEval-3 style, "
        + "through lente analyze): bench/timex-news.py, see docs/time.md.");
    return 0;
  }

  /** KIND Wikinews test_a (Italian): NERMuD token-level micro F1 and exact-span F1, tokens/s. */
  private int ner(PrintWriter out, Path dir) throws IOException {
    Path tsv = dir.resolve("ner/kind/WN_test_a.tsv");
    if (!Files.isRegularFile(tsv)) {
      out.println("skipped kind: " + tsv + " not found; nothing measured");
      return 0;
    }
    NerModels models = new NerModels(spec.commandLine().getErr()::println);
    NerEval.Result r = new NerEval(new EntityTagger(models)).run(tsv, Lang.IT);
    out.println();
    out.println("| benchmark | sentences | tokens | token P | token R | token F1 | span P | span R | span F1 | tokens/s (1 thread) |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    out.printf("| KIND WN_test_a (it) | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f |%n", r.sentences(),
        r.tokens(), r.tokenLevel().precision(), r.tokenLevel().recall(), r.tokenLevel().f1(),
        r.spanLevel().precision(), r.spanLevel().recall(), r.spanLevel().f1(), r.tokensPerSecond());
    return 0;
  }

  /** PolNeAR dev (English): direct quotes found (overlap P/R/F1) and their speakers. */
  private int quotes(PrintWriter out, Path dir) throws IOException {
    Path polnear = dir.resolve("quotes/polnear/dev");
    if (!Files.isDirectory(polnear.resolve("attributions"))) {
      out.println("skipped polnear: " + polnear + " not found; nothing measured");
      return 0;
    }
    NerModels models = new NerModels(spec.commandLine().getErr()::println);
    QuoteEval.Result r = new QuoteEval(new Entities(new EntityTagger(models)))
        .run(polnear, limit, verbose ? out::println : s -> { });
    out.println();
    out.println("| benchmark | articles | gold direct | found | precision | recall | F1 | speaker accuracy | tokens/s (1 thread) |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    out.printf("| PolNeAR dev (en) | %d | %d | %d | %.3f | %.3f | %.3f | %.3f (%d/%d) | %.0f |%n", r.articles(), r.gold(),
        r.found(), r.precision(), r.recall(), r.f1(), r.speakerAccuracy(), r.speakerCorrect(), r.withSource(),
        r.tokensPerSecond());
    return 0;
  }

  /** Whole-analysis speed on one thread per language, and the heap both languages' models take. */
  private int speed(PrintWriter out, Path dir) throws IOException {
    long t0 = System.nanoTime();
    NerModels models = new NerModels(spec.commandLine().getErr()::println);
    // whole texts: tokens counted are tokens analysed; relative times resolved against one date, as before
    SpeedEval eval = new SpeedEval(new Pipeline(new Extractor(), new Analyzer(models, Integer.MAX_VALUE),
        new Pipeline.Options(UnaryOperator.identity(), LocalDate.of(2016, 1, 1))));
    List<SpeedEval.Result> results = new ArrayList<>();
    SpeedEval.Result it = eval.run("cl-tls-it (it)", dir.resolve("corpus/cl-tls-it"), limit);
    SpeedEval.Result en = eval.run("PolNeAR dev (en)", dir.resolve("quotes/polnear/dev/text"), limit);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (it == null && en == null) {
      out.println("no benchmark data found under " + dir + ": nothing measured");
      return 0;
    }
    for (SpeedEval.Result r : new SpeedEval.Result[] {it, en}) {
      if (r != null) {
        results.add(r);
      }
    }
    out.println();
    out.println("| text | articles | no text | tokens | seconds | tokens/s (1 thread) |");
    out.println("|---|---:|---:|---:|---:|---:|");
    for (SpeedEval.Result r : results) {
      out.printf("| %s | %d | %d | %d | %.2f | %.0f |%n", r.set(), r.articles(), r.skipped(), r.tokens(), r.seconds(),
          r.tokensPerSecond());
    }
    out.printf("%nheap in use with the models of both languages loaded: %d MiB (maximum %d MiB); whole run %.1f s%n",
        SpeedEval.heapInUseMiB(), Runtime.getRuntime().maxMemory() >> 20, seconds);
    return 0;
  }

  /** MEANTIME English: cross-document entity resolution, MUC, B³, CEAF-e and CoNLL F1. */
  private int coref(PrintWriter out, Path dir) throws IOException {
    Path meantime = dir.resolve("meantime/en");
    if (!Files.isDirectory(meantime)) {
      out.println("skipped meantime: " + meantime + " not found; nothing measured");
      return 0;
    }
    out.println(new CorefEval().run(meantime).table());
    return 0;
  }

  /**
   * MEANTIME multilingual through the product path: the articles written as files, {@code lente ingest}, then
   * {@code lente lineage --json} for each Italian article; P@1 of the English original, per topic.
   */
  private int lineage(PrintWriter out, Path dir) throws IOException {
    Path meantime = dir.resolve("meantime/multilingual");
    PrintWriter err = spec.commandLine().getErr();
    Path work = Files.createTempDirectory("lente-eval-lineage");
    List<org.lente.eval.LineageEval.Result> results;
    try {
      results = new org.lente.eval.LineageEval(Main::run).run(meantime, work, line -> err.println("lente: " + line));
    } finally {
      deleteTree(work);
    }
    if (results.isEmpty()) {
      out.println("skipped meantime multilingual: " + meantime + " not found; nothing measured");
      return 0;
    }
    if (verbose) {
      for (org.lente.eval.LineageEval.Result r : results) {
        r.queries().stream().filter(q -> q.rank() != 1).forEach(q -> out.println(r.variant() + ": it-" + q.id()
            + ": original " + (q.rank() == 0 ? "not related" : "ranked " + q.rank()) + "; first " + q.first()));
      }
    }
    out.println();
    out.println("| MEANTIME multilingual, `lente ingest` then `lente lineage --json` | topic | Italian articles "
        + "| P@1 (English original first) | original related | MRR | first and called the original "
        + "| other stories linked as copies |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    for (org.lente.eval.LineageEval.Result r : results) {
      List<String> rows = new java.util.ArrayList<>(r.topics());
      rows.add(null);
      for (String topic : rows) {
        org.lente.eval.LineageEval.Score s = r.score(topic);
        out.printf("| %s | %s | %d | %.3f | %d | %.3f | %d | %d |%n", r.variant(), topic == null ? "all" : topic,
            s.queries(), s.precisionAt1(), s.linked(), s.mrr(), s.calledOriginal(), s.wrongCopies());
      }
    }
    return 0;
  }

  /** Deletes a folder this command made, with everything in it. */
  private static void deleteTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Language identification on short slices of the shared corpora, cross-validated by document. */
  private int lang(PrintWriter out, Path dir) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    org.lente.eval.LanguageEval eval = new org.lente.eval.LanguageEval(dir);
    List<org.lente.eval.LanguageEval.Doc> docs = eval.documents(limit, line -> err.println("lente: " + line));
    if (docs.isEmpty()) {
      out.println("no corpus found under " + dir + ": nothing measured");
      return 0;
    }
    org.lente.eval.LanguageEval.Result r = eval.run(docs, top, line -> err.println("lente: " + line));
    String command = "lente eval lang --data " + dir + " --top " + top + (limit > 0 ? " --limit " + limit : "");
    if (verbose) {
      for (String slice : org.lente.eval.LanguageEval.SLICES) {
        org.lente.eval.LanguageEval.mistakes(r, slice).forEach(line -> out.println(slice + ": " + line));
      }
    }
    out.println(org.lente.eval.LanguageEval.table(r, command));
    if (save != null) {
      try (java.io.Writer w = Files.newBufferedWriter(save, java.nio.charset.StandardCharsets.UTF_8)) {
        r.all().write(w, List.of("Character n-gram counts (no text) per language, made by: " + command + " --save FILE",
            "margin and coverage: chosen on folds 0-2 of the shared corpora by that command; see docs/language.md"));
      }
      out.println("profiles written to " + save);
    }
    return 0;
  }

  /** cl-tls-it: stories formed one article at a time, scored against the four topic folders. */
  private int stories(PrintWriter out, Path dir) throws IOException {
    Path corpus = dir.resolve("corpus/cl-tls-it");
    PrintWriter err = spec.commandLine().getErr();
    List<org.lente.eval.StoriesEval.Result> results = new org.lente.eval.StoriesEval(new Pipeline(new Extractor(),
        new Analyzer(new NerModels(err::println)), Pipeline.Options.defaults()))
        .run(corpus, line -> err.println("lente: " + line));
    if (results.isEmpty()) {
      out.println("skipped cl-tls-it: " + corpus + " not found; nothing measured");
      return 0;
    }
    out.println();
    out.println("| benchmark | window | threshold | articles | topics | stories | NMI | purity | ms per article (assignment) |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (org.lente.eval.StoriesEval.Result r : results) {
      out.printf("| cl-tls-it | %s | %.2f | %d | %d | %d | %.3f | %.3f | %.2f |%n", r.window(), r.threshold(), r.articles(), r.topics(),
          r.stories(), r.nmi(), r.purity(), r.msPerArticle());
    }
    return 0;
  }

  private int extraction(PrintWriter out, Path dir) throws IOException {
    ExtractionEval eval = new ExtractionEval(dir, new Extractor(), new PageReader());
    List<ExtractionEval.Result> results = new ArrayList<>();
    List<String> details = new ArrayList<>();
    ExtractionEval.Result sh = eval.scrapinghub(limit, verbose ? details::add : s -> { });
    if (sh == null) {
      out.println("skipped scrapinghub: " + eval.scrapinghubDir() + " not found");
    } else {
      results.add(sh);
    }
    ExtractionEval.Result tr = eval.trafilatura(limit, verbose ? details::add : s -> { });
    if (tr == null) {
      out.println("skipped trafilatura: " + eval.trafilaturaDir() + " not found");
    } else {
      results.add(tr);
    }
    details.forEach(out::println);
    if (results.isEmpty()) {
      out.println("no benchmark data found under " + dir + ": nothing measured");
      return 0;
    }
    out.println();
    out.println("| benchmark | pages | precision | recall | F1 | pages/s (1 thread) |");
    out.println("|---|---:|---:|---:|---:|---:|");
    for (ExtractionEval.Result r : results) {
      out.printf("| %s | %d | %.3f | %.3f | %.3f | %.0f |%n", r.benchmark(), r.pages(), r.precision(), r.recall(),
          r.f1(), r.pagesPerSecond());
    }
    return 0;
  }

  /** $LENTE_DATA, else ../shared/data beside Lente's folder ($LENTE_HOME, set by bin/lente), else beside the working directory. */
  static Path defaultData() {
    String env = System.getenv("LENTE_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String home = System.getenv("LENTE_HOME");
    Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
    Path candidate = base.resolve("../shared/data").normalize();
    return Files.isDirectory(candidate) ? candidate : Path.of("../shared/data").toAbsolutePath().normalize();
  }
}
