package org.lente.knowledge;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.index.LuceneIndex;
import org.lente.index.SearchQuery;
import org.lente.nlp.ner.Entity;
import org.lente.store.SqliteStore;
import org.lente.store.StoredArticle;

/**
 * Search latency of a real knowledge base folder, through {@link KnowledgeBase#reader}: what
 * {@code lente search} and the reader call. Complements {@link org.lente.index.IndexBench}, which
 * measures the index alone on generated articles.
 *
 * <p>Queries are drawn from the stored articles themselves (a fixed seed): a word or two of a random
 * article's title, alone or with one filter taken from that article (one of its entities, its
 * language, a year around its date), or a filter alone; every query counts all six facets and
 * highlights ten hits. Use a copy of the folder: opening it catches the index up.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/test.classpath) org.lente.knowledge.SearchBench \
 *     DATA_DIR [QUERIES=500]
 * </pre>
 */
public final class SearchBench {

  private static final Pattern WORD = Pattern.compile("\\p{L}{5,}");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: SearchBench DATA_DIR [QUERIES]");
      System.exit(1);
    }
    Path dir = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    long open = System.nanoTime();
    try (KnowledgeBase kb = new KnowledgeBase(SqliteStore.open(dir), LuceneIndex.open(dir.resolve("index")),
        dir.resolve("entities.json"))) {
      long articles = kb.reader().stats().articles();
      System.out.printf(Locale.ROOT, "%s: %,d articles, opened in %.1f s%n", dir, articles,
          (System.nanoTime() - open) / 1e9);
      Random random = new Random(42);
      List<SearchQuery> queries = new ArrayList<>();
      while (queries.size() < count + 200) {
        kb.reader().article(1 + random.nextLong(articles)).ifPresent(a -> queries.add(query(a, random)));
      }
      for (SearchQuery q : queries.subList(0, 200)) {
        kb.reader().search(q); // warm-up
      }
      List<SearchQuery> measured = queries.subList(200, queries.size());
      long[] wall = new long[measured.size()];
      long[] cpu = new long[measured.size()];
      long hits = 0;
      for (int i = 0; i < measured.size(); i++) {
        long t = System.nanoTime();
        long c = THREADS.getCurrentThreadCpuTime();
        hits += kb.reader().search(measured.get(i)).total();
        wall[i] = System.nanoTime() - t;
        cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(Locale.ROOT, "%d queries (six facets, ten highlighted hits, %,d hits in all): "
          + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; CPU p50 %.1f ms, p95 %.1f ms%n",
          wall.length, hits, pct(wall, 50), pct(wall, 95), pct(wall, 99), wall[wall.length - 1] / 1e6,
          pct(cpu, 50), pct(cpu, 95));
    }
  }

  /** A query made from {@code a}: title words, with or without one of its facets as a filter. */
  private static SearchQuery query(StoredArticle a, Random random) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(a.analysis().article().title() == null ? "" : a.analysis().article().title());
    while (m.find()) {
      words.add(m.group());
    }
    String text = words.isEmpty() ? "" : words.get(random.nextInt(words.size()));
    if (words.size() > 1 && random.nextBoolean()) {
      text += " " + words.get(random.nextInt(words.size()));
    }
    List<String> entities = null;
    String language = null;
    LocalDate from = null;
    LocalDate to = null;
    switch (random.nextInt(4)) {
      case 0 -> {
        List<Entity> es = a.analysis().entities();
        if (!es.isEmpty()) {
          entities = List.of(es.get(random.nextInt(es.size())).canonical());
        }
      }
      case 1 -> language = a.analysis().language();
      case 2 -> {
        String p = a.analysis().article().published();
        if (p != null && p.length() >= 4) {
          int year = Integer.parseInt(p.substring(0, 4));
          from = LocalDate.of(year, 1, 1);
          to = LocalDate.of(year, 12, 31);
        }
      }
      default -> { }
    }
    if (random.nextInt(10) == 0) {
      text = ""; // a filter alone: a listing
    }
    return new SearchQuery(text, entities, null, null, null, language, from, to, 10, SearchQuery.FACETS);
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
  }

  private SearchBench() {}
}
