package org.lente.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.lente.extract.Article;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.nlp.Analyzer;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.time.Lang;

/**
 * Speed of the whole analysis ({@link Analyzer}: tokens, sentences, entities, quotes, times) on one
 * thread, per language: Italian news from {@code corpus/cl-tls-it}, English news from PolNeAR's
 * {@code text} folder. Each set is analysed once to warm up, then timed on a second pass. Also
 * reports the heap in use with both languages' models loaded. The analyzer given should analyse
 * whole texts (no length cap), so that the tokens counted are the tokens analysed.
 */
public final class SpeedEval {

  /** One language's figures. */
  public record Result(String set, int articles, long tokens, double seconds) {
    public double tokensPerSecond() {
      return seconds == 0 ? 0 : tokens / seconds;
    }
  }

  private final Analyzer analyzer;
  private final Extractor extractor = new Extractor();

  public SpeedEval(Analyzer analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  /** Times the analysis of up to {@code limit} text files under {@code dir} (0: all); null when none. */
  public Result run(String set, Path dir, String language, int limit) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().equals("README.md"))
          .sorted().limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
    }
    if (files.isEmpty()) {
      return null;
    }
    List<Article> articles = new ArrayList<>();
    long tokens = 0;
    Lang lang = language.equals("it") ? Lang.IT : Lang.EN;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      Article a = extractor.extract(new Page(f.toString(), bytes, "text/plain; charset=utf-8", null, List.of()));
      if (!language.equals(a.language())) {
        a = new Article(a.source(), a.url(), a.title(), a.subtitle(), a.authors(), a.site(), a.section(), a.tags(),
            a.published(), a.modified(), a.dateSource(), language, a.blocks(), a.authorBio(), a.warnings());
      }
      articles.add(a);
      tokens += Tokenizer.tokenize(a.text(), lang).size();
    }
    LocalDate anchor = LocalDate.of(2016, 1, 1);
    for (Article a : articles) { // warm-up pass
      analyzer.analyze(a, anchor);
    }
    long t0 = System.nanoTime();
    for (Article a : articles) {
      analyzer.analyze(a, anchor);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(set, articles.size(), tokens, seconds);
  }

  /** Heap in use after a full collection, in MiB. */
  public static long heapInUseMiB() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return (rt.totalMemory() - rt.freeMemory()) >> 20;
  }
}
