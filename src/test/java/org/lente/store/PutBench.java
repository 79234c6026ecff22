package org.lente.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lente.nlp.Analysis;

/**
 * How fast {@link SqliteStore#put} stores news-sized analyses ({@link Fixtures#realistic}), one
 * transaction and one fsync each, on one thread; and how fast a quote search over them is. Not a
 * test: run by hand, as the README says under "The knowledge base".
 *
 * <p>Arguments: a folder for the store (must not hold one), the number of articles (default 2000).
 */
public final class PutBench {

  private PutBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    if (Files.exists(dir.resolve(SqliteStore.FILE))) {
      throw new IllegalArgumentException("a store is already there: " + dir);
    }
    List<Analysis> analyses = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      analyses.add(Fixtures.realistic(n));
    }
    Analysis one = analyses.get(0);
    System.out.printf("each article: %d characters, %d sentences, %d mentions, %d quotes, %d times; JSON %d characters%n",
        one.article().text().length(), one.sentences().size(), one.entities().size(), one.quotes().size(),
        one.times().size(), AnalysisJson.write(one).length());
    try (SqliteStore store = SqliteStore.open(dir)) {
      int warmup = Math.min(200, count / 10);
      for (int n = 0; n < warmup; n++) {
        store.put("https://www.example.org/notizie/" + n, analyses.get(n));
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int n = warmup; n < count; n++) {
        store.put("https://www.example.org/notizie/" + n, analyses.get(n));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      System.out.printf("put: %d articles in %.2f s, %.0f articles/s (after %d for warm-up); "
          + "the putting thread's CPU time %.2f s, %.2f ms an article%n", count - warmup, seconds,
          (count - warmup) / seconds, warmup, cpuSeconds, cpuSeconds * 1000 / (count - warmup));
      System.out.println(store.stats());

      start = System.nanoTime();
      for (int n = 0; n < warmup; n++) {
        store.put("https://www.example.org/notizie/" + n, analyses.get(n));
      }
      seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("put again: %d duplicates in %.2f s, %.0f/s%n", warmup, seconds, warmup / seconds);

      QuoteQuery query = new QuoteQuery("Blinken", "Mosca", null, null, 20);
      int runs = 50;
      store.quotes(query);
      start = System.nanoTime();
      int hits = 0;
      for (int i = 0; i < runs; i++) {
        hits = store.quotes(query).size();
      }
      System.out.printf("quotes(speaker Blinken, about Mosca, limit 20): %d hits, %.1f ms a query%n", hits,
          (System.nanoTime() - start) / 1e6 / runs);
    }
    System.out.printf("database: %.1f MB%n", Files.size(dir.resolve(SqliteStore.FILE)) / 1e6);
  }
}
