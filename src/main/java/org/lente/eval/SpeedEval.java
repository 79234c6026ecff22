package org.lente.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.lente.Pipeline;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;
import org.lente.nlp.Analysis;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.time.Lang;

/**
 * Speed of the product's path from a page to its analysis ({@link Pipeline#prepare}: extraction, dating,
 * language, tokens, sentences, entities, quotes, times, key) on one thread, per set: Italian news from
 * {@code corpus/cl-tls-it}, English news from PolNeAR's {@code text} folder, read as {@code lente ingest}
 * reads a plain-text file. Each set is prepared once to warm up, then timed on a second pass; the files are
 * read into memory first. Also reports the heap in use with both languages' models loaded. The pipeline
 * given should analyse whole texts (no length cap), so that the tokens counted are the tokens analysed.
 */
public final class SpeedEval {

  /**
   * One set's figures.
   *
   * @param tokens the tokens of the articles' texts, in the language each was analysed as (English when none)
   * @param skipped pages with no article text (not analysed)
   */
  public record Result(String set, int articles, int skipped, long tokens, double seconds) {
    public double tokensPerSecond() {
      return seconds == 0 ? 0 : tokens / seconds;
    }
  }

  private final Pipeline pipeline;
  private final PageReader reader = new PageReader();

  public SpeedEval(Pipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  /** Times the preparation of up to {@code limit} text files under {@code dir} (0: all); null when none. */
  public Result run(String set, Path dir, int limit) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().limit(limit > 0 ? limit : Long.MAX_VALUE)
          .toList();
    }
    if (files.isEmpty()) {
      return null;
    }
    List<Page> pages = new ArrayList<>();
    for (Path f : files) {
      pages.add(reader.read(f.toString()));
    }
    long tokens = 0;
    int skipped = 0;
    for (Page page : pages) { // warm-up pass
      Analysis a = pipeline.prepare(page).analysis();
      if (a == null) {
        skipped++;
      } else {
        tokens += Tokenizer.tokenize(a.article().text(), "it".equals(a.language()) ? Lang.IT : Lang.EN).size();
      }
    }
    long t0 = System.nanoTime();
    for (Page page : pages) {
      pipeline.prepare(page);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(set, pages.size() - skipped, skipped, tokens, seconds);
  }
  /** Heap in use after a full collection, in MiB. */
  public static long heapInUseMiB() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return (rt.totalMemory() - rt.freeMemory()) >> 20;
  }
}
