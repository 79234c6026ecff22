package org.lente.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.store.StoredArticle;

/**
 * Indexing rate and search latency of {@link LuceneIndex} at N articles.
 *
 * <p>The articles are made at run time from real news texts in the shared data folder (Italian:
 * {@code corpus/cl-tls-it}, English: {@code quotes/polnear/{train,dev}/text}), never copied into the
 * repository: each article takes a text's title and a rotated selection of its paragraphs plus one or
 * two of another text's, a random date in 2011–2024 (2% undated), a site, zero to two authors, and as
 * entities the capitalised names that recur in the text. Queries are words, word pairs and phrases
 * drawn from the texts, alone or with a filter, plus filter-only listings; every query counts all six
 * facets and highlights ten hits.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/test.classpath) org.lente.index.IndexBench \
 *     [N=100000] [QUERIES=500] [DATA=../shared/data] [INDEX_DIR]
 * </pre>
 *
 * <p>Without {@code INDEX_DIR} the index is built in a temporary folder, deleted at the end; a given
 * folder is kept, and searched without rebuilding when it already holds N articles. With
 * {@code -Dbench.slowest} the ten slowest queries of each run are listed.
 *
 * <p>Latency is wall-clock time per {@link LuceneIndex#search} call, one query at a time, after 200
 * warm-up queries; the CPU time of the searching thread is given beside it, since other processes on a
 * shared machine stretch the wall-clock time.
 */
public final class IndexBench {

  private static final Pattern NAME = Pattern.compile(
      "(?<=[\\p{Ll},;:] )(\\p{Lu}\\p{Ll}+(?: (?:di |de |del |von )?\\p{Lu}\\p{Ll}+){0,2})");
  private static final Pattern WORD = Pattern.compile("\\p{L}{5,}");
  private static final String[] FIRST = {"Marco", "Giulia", "Luca", "Francesca", "Paolo", "Anna", "Stefano", "Chiara",
      "John", "Sarah", "Michael", "Emily", "David", "Laura", "Peter", "Maria", "Andrea", "Roberto", "Elena", "James"};
  private static final String[] LAST = {"Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci",
      "Marino", "Greco", "Bruno", "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Hughes"};

  private record Text(String language, String title, List<String> paragraphs, List<String> names, List<String> words) {}

  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, List<Text>> texts;
  private final List<String> sites = new ArrayList<>();
  private final Random random = new Random(42);
  private final Random queryRandom = new Random(7);

  /**
   * The articles and queries made from the texts under {@code data} (the shared data folder), the same at each
   * call (fixed seeds); null when the texts are absent. Also used by {@link SearchParityTest}.
   */
  static IndexBench load(Path data) {
    Map<String, List<Text>> texts = new HashMap<>();
    texts.put("it", read(data.resolve("corpus/cl-tls-it"), 3, "it"));
    texts.put("en", Stream.of("train", "dev")
        .flatMap(split -> read(data.resolve("quotes/polnear").resolve(split).resolve("text"), 1, "en").stream())
        .toList());
    return texts.get("it").isEmpty() || texts.get("en").isEmpty() ? null : new IndexBench(texts);
  }

  private IndexBench(Map<String, List<Text>> texts) {
    this.texts = texts;
    for (String lang : List.of("it", "en")) {
      for (int i = 0; i < 25; i++) {
        sites.add((lang.equals("it") ? "Quotidiano " : "Daily ") + (char) ('A' + i));
      }
    }
  }

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Path data = Path.of(args.length > 2 ? args[2] : System.getProperty("lente.data", "../shared/data"));
    IndexBench bench = load(data);
    if (bench == null) {
      System.err.println("IndexBench: no texts under " + data.toAbsolutePath() + "; nothing measured");
      return;
    }
    Map<String, List<Text>> texts = bench.texts;
    boolean temporary = args.length <= 3;
    Path dir = temporary ? Files.createTempDirectory("lente-index-bench") : Path.of(args[3]);
    System.out.printf(Locale.ROOT, "texts: %d Italian, %d English; index in %s%n",
        texts.get("it").size(), texts.get("en").size(), dir);
    try {
      bench.run(n, queries, dir);
    } finally {
      if (temporary) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(f);
          }
        }
      }
    }
  }

  private void run(int n, int queries, Path dir) throws IOException {
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      if (index.versions().size() == n) {
        System.out.printf(Locale.ROOT, "%s already holds %,d articles: searching it%n", dir, n);
      } else {
        build(index, n, dir);
      }
      searchAll(index, n, queries);
    }
  }

  private void build(LuceneIndex index, int n, Path dir) throws IOException {
    index.clear();
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long chars = 0;
    for (int id = 1; id <= n; id++) {
      StoredArticle a = article(id);
      chars += a.analysis().article().text().length();
      index.put(a);
    }
    long added = System.nanoTime();
    index.commit();
    long committed = System.nanoTime();
    double seconds = (committed - start) / 1e9;
    double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf(Locale.ROOT, "indexed %,d articles (%,d MB of body text) in %.1f s: %,.0f articles/s"
        + " (commit and refresh %.1f s of it); %.1f s CPU on this thread (with making the articles)%n",
        n, chars / 1_000_000, seconds, n / seconds, (committed - added) / 1e9, cpuSeconds);
    System.out.printf(Locale.ROOT, "index size %,d MB; versions() %d ms%n", size(dir) / 1_000_000,
        timeMillis(() -> index.versions()));
  }

  private void searchAll(LuceneIndex index, int n, int queries) throws IOException {
    long update = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      index.put(article(1 + random.nextInt(n)));
    }
    index.commit();
    System.out.printf(Locale.ROOT, "100 updates, commit and refresh: %d ms%n",
        (System.nanoTime() - update) / 1_000_000);

    List<SearchQuery> warm = queries(200);
    for (SearchQuery q : warm) {
      index.search(q);
    }
    List<SearchQuery> measured = queries(queries);
    measure(index, measured, "with all six facets");
    measure(index, measured.stream().map(q -> new SearchQuery(q.text(), q.entities(), q.types(), q.source(),
        q.author(), q.language(), q.from(), q.to(), q.limit(), null)).toList(), "without facets");
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.printf(Locale.ROOT, "heap in use after GC %d MB (max %d MB)%n",
        heap.getUsed() >> 20, heap.getMax() >> 20);
  }

  private static void measure(LuceneIndex index, List<SearchQuery> queries, String what) throws IOException {
    long[] nanos = new long[queries.size()];
    long[] cpu = new long[queries.size()];
    long totalHits = 0;
    List<String> slowest = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      long c = THREADS.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      long total = index.search(queries.get(i)).total();
      nanos[i] = System.nanoTime() - t;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
      totalHits += total;
      slowest.add(String.format(Locale.ROOT, "%6.1f ms CPU %7d matches  %s",
          cpu[i] / 1e6, total, describe(queries.get(i))));
    }
    if (System.getProperty("bench.slowest") != null) {
      slowest.sort(Comparator.reverseOrder());
      slowest.subList(0, Math.min(10, slowest.size())).forEach(line -> System.out.println("  " + line));
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "%d queries %s, 10 highlighted hits (mean %,d matches): wall p50 %.1f ms,"
        + " p95 %.1f ms, p99 %.1f ms, max %.1f ms; CPU p50 %.1f ms, p95 %.1f ms%n", nanos.length, what,
        totalHits / nanos.length, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[nanos.length - 1] / 1e6,
        pct(cpu, 50), pct(cpu, 95));
  }

  private static String describe(SearchQuery q) {
    return "text=" + q.text() + (q.entities().isEmpty() ? "" : " entities=" + q.entities())
        + (q.source() == null ? "" : " source=" + q.source())
        + (q.language() == null ? "" : " language=" + q.language())
        + (q.from() == null ? "" : " from=" + q.from() + " to=" + q.to());
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
  }

  private interface IoAction {
    Object run() throws IOException;
  }

  private static long timeMillis(IoAction action) throws IOException {
    long t = System.nanoTime();
    action.run();
    return (System.nanoTime() - t) / 1_000_000;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  // ---- articles

  /** The next article, numbered {@code id}: call with 1, 2, 3… for the same articles each time. */
  StoredArticle article(long id) {
    String lang = random.nextInt(100) < 60 ? "it" : "en";
    List<Text> pool = texts.get(lang);
    Text base = pool.get(random.nextInt(pool.size()));
    Text other = pool.get(random.nextInt(pool.size()));
    List<String> paragraphs = new ArrayList<>();
    int from = random.nextInt(Math.max(1, base.paragraphs().size() / 3));
    paragraphs.addAll(base.paragraphs().subList(from, base.paragraphs().size()));
    paragraphs.addAll(other.paragraphs().subList(0, Math.min(1 + random.nextInt(2), other.paragraphs().size())));
    if (random.nextBoolean()) {
      paragraphs.add(paragraphs.remove(0));
    }
    LocalDate day = LocalDate.of(2011, 1, 1).plusDays(random.nextInt(14 * 365));
    String published = random.nextInt(100) < 2 ? null
        : random.nextBoolean() ? day.toString() : day + "T" + (6 + random.nextInt(16)) + ":15:00+01:00";
    List<String> authors = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0; k--) {
      authors.add(FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]);
    }
    String site = sites.get((lang.equals("it") ? 0 : 25) + random.nextInt(25));
    String title = random.nextInt(4) == 0 ? base.title() + ": " + other.title() : base.title();
    Set<String> names = new LinkedHashSet<>(base.names());
    names.addAll(other.names().subList(0, Math.min(2, other.names().size())));
    List<Entity> entities = names.stream()
        .map(name -> new Entity(name, type(name), 0, name.length(), name, null))
        .toList();
    String url = "https://" + site.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example/" + id;
    Article article = new Article(url, url, title, null, authors, site, null, List.of(), published, null, null, lang,
        paragraphs.stream().map(p -> new Block(Block.Type.PARAGRAPH, p)).toList(), null, List.of());
    Analysis analysis = new Analysis(article, lang, published, List.of(), entities, List.of(), List.of(), List.of());
    return new StoredArticle(id, url, "h" + id, 1, Instant.EPOCH, analysis);
  }

  private static Entity.Type type(String name) {
    if (name.indexOf(' ') > 0) {
      return Entity.Type.PER;
    }
    return Entity.Type.values()[1 + Math.floorMod(name.hashCode(), 3)];
  }

  // ---- queries

  /** The next {@code count} queries: words, pairs, phrases, alone or with a filter, and listings; all six facets. */
  List<SearchQuery> queries(int count) {
    List<SearchQuery> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String lang = queryRandom.nextInt(100) < 60 ? "it" : "en";
      Text t = texts.get(lang).get(queryRandom.nextInt(texts.get(lang).size()));
      int kind = queryRandom.nextInt(10);
      String text = switch (kind) {
        case 0, 1, 2, 3 -> word(t);
        case 4, 5 -> word(t) + " " + word(t);
        case 6 -> phrase(t);
        default -> "";
      };
      List<String> entities = null;
      String language = null;
      String source = null;
      LocalDate from = null;
      LocalDate to = null;
      switch (kind) {
        case 3, 7 -> from = LocalDate.of(2011 + queryRandom.nextInt(12), 1 + queryRandom.nextInt(12), 1);
        case 5, 8 -> entities = t.names().isEmpty() ? null : List.of(t.names().get(0));
        case 9 -> source = sites.get(queryRandom.nextInt(sites.size()));
        default -> language = queryRandom.nextInt(3) == 0 ? lang : null;
      }
      if (from != null) {
        to = from.plusMonths(1 + queryRandom.nextInt(24));
      }
      list.add(new SearchQuery(text, entities, null, source, null, language, from, to, 10, SearchQuery.FACETS));
    }
    return list;
  }

  private String word(Text t) {
    return t.words().get(queryRandom.nextInt(t.words().size()));
  }

  /** Two neighbouring words of a paragraph, quoted. */
  private String phrase(Text t) {
    String p = t.paragraphs().get(queryRandom.nextInt(t.paragraphs().size()));
    String[] words = p.split("[^\\p{L}]+");
    if (words.length < 3) {
      return word(t);
    }
    int k = 1 + queryRandom.nextInt(words.length - 2);
    return "\"" + words[k] + " " + words[k + 1] + "\"";
  }

  // ---- texts

  private static List<Text> read(Path folder, int depth, String language) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.find(folder, depth, (p, a) -> a.isRegularFile() && p.toString().endsWith(".txt")
        && p.getNameCount() - folder.getNameCount() == depth)) {
      return files.sorted().map(p -> text(p, language)).filter(t -> t.paragraphs().size() >= 2).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Text text(Path file, String language) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> lines = content.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() < 3) {
      return new Text(language, "", List.of(), List.of(), List.of());
    }
    List<String> paragraphs = lines.subList(1, lines.size());
    String body = String.join("\n", paragraphs);
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = NAME.matcher(body);
    while (m.find()) {
      counts.merge(m.group(1), 1, Integer::sum);
    }
    List<String> names = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(8).map(Map.Entry::getKey).toList();
    List<String> words = new ArrayList<>();
    Matcher w = WORD.matcher(body);
    while (w.find()) {
      words.add(w.group().toLowerCase(Locale.ROOT));
    }
    return new Text(language, lines.get(0), List.copyOf(paragraphs), names,
        words.isEmpty() ? List.of("notizia") : words);
  }
}
