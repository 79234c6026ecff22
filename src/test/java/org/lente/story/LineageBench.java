package org.lente.story;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.time.Lang;
import org.lente.store.SqliteStore;

/**
 * Latency of {@link Lineage#add} (near-duplicates, story assignment, translation and same-story links,
 * all stored) with N articles already in the structures.
 *
 * <p>The articles are made at run time from the Italian news of {@code corpus/cl-tls-it} in the shared
 * data folder, never copied into the repository: article i takes text i mod T, a rotated run of its
 * paragraphs, a date in 2011–2024, and as entities the capitalised names of the text (no entity model,
 * so that filling 100,000 takes minutes). One in five is a light edit of an earlier article (its last
 * paragraph dropped, a sentence added), so near-duplicates and stories are found as in real news. The
 * structures are filled directly: each article is assigned to a story ({@link Stories#add}) and its LSH
 * bands stored in a {@link SqliteStoryStore} in a temporary folder (its links are not computed, which
 * only the timed additions need); an article's analysis is rebuilt from its id when the lineage asks for
 * it, as the store would read it. Then {@code M} new articles go through {@link Lineage#add} one at a
 * time and are timed: bands looked up, candidates compared, story assigned, links and story stored.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat target/test.classpath) org.lente.story.LineageBench \
 *     [N=100000] [M=500] [DATA=../shared/data]
 * </pre>
 */
public final class LineageBench {

  private static final Pattern NAME = Pattern.compile(
      "(?<=[\\p{Ll},;:] )(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private record Text(String title, List<String> paragraphs) { }

  private final List<Text> texts;

  private LineageBench(List<Text> texts) {
    this.texts = texts;
  }

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Path data = Path.of(args.length > 2 ? args[2] : System.getProperty("lente.data", "../shared/data"));
    List<Text> texts = read(data.resolve("corpus/cl-tls-it"));
    if (texts.isEmpty()) {
      System.err.println("LineageBench: no texts under " + data.toAbsolutePath() + "; nothing measured");
      return;
    }
    Path dir = Files.createTempDirectory("lente-lineage-bench");
    try {
      new LineageBench(texts).run(n, m, dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private void run(int n, int m, Path dir) throws IOException {
    SqliteStore.open(dir).close();
    try (SqliteStoryStore store = SqliteStoryStore.open(dir)) {
      Stories stories = new Stories(Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD);
      Lineage lineage = new Lineage(store, id -> Optional.of(article(id)), stories);
      long t0 = System.nanoTime();
      for (int id = 1; id <= n; id++) {
        Analysis a = article(id);
        stories.add(id, a);
        store.putBands(id, "it", MinHash.bands(MinHash.signature(MinHash.shingles(MinHash.words(a.article().text())))));
        if (id % 20_000 == 0) {
          System.out.printf(Locale.ROOT, "filled %,d articles in %.0f s%n", id, (System.nanoTime() - t0) / 1e9);
        }
      }
      double[] wall = new double[m];
      double[] cpu = new double[m];
      int links = 0;
      for (int i = 0; i < m; i++) {
        long id = n + 1 + i;
        Analysis a = article(id);
        long c0 = THREADS.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        links += lineage.add(id, a).size();
        wall[i] = (System.nanoTime() - w0) / 1e6;
        cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(Locale.ROOT, "one add with %,d articles stored (%d adds timed, %.1f links each): "
          + "wall p50 %.1f ms, p95 %.1f ms, max %.1f ms; thread CPU p50 %.1f ms, p95 %.1f ms; %,d stories%n", n, m,
          (double) links / m, wall[m / 2], wall[(int) (m * 0.95)], wall[m - 1], cpu[m / 2], cpu[(int) (m * 0.95)], stories.size());
    }
  }

  /** Article {@code id}, the same every time it is asked for. */
  private Analysis article(long id) {
    Random r = new Random(id * 7919L);
    boolean edit = id > 10 && id % 5 == 0;
    long base = edit ? id - 1 - r.nextInt((int) Math.min(id - 1, 50)) : id;
    Random b = new Random(base * 7919L);
    Text t = texts.get((int) (base % texts.size()));
    int from = t.paragraphs().size() <= 3 ? 0 : b.nextInt(t.paragraphs().size() - 2);
    List<String> paras = new ArrayList<>(t.paragraphs().subList(from, Math.min(t.paragraphs().size(), from + 6)));
    LocalDate date = LocalDate.of(2011, 1, 1).plusDays(b.nextInt(14 * 365));
    if (edit) {
      if (paras.size() > 1) {
        paras.remove(paras.size() - 1);
      }
      paras.add(0, "Aggiornamento della redazione numero " + id + ".");
      date = date.plusDays(r.nextInt(2));
    }
    List<Block> blocks = paras.stream().map(p -> new Block(Block.Type.PARAGRAPH, p)).toList();
    Article art = new Article("bench/" + id, "https://site" + (id % 50) + ".example/" + id, t.title(), null, List.of(),
        "Sito " + (id % 50), null, List.of(), date + "T08:00:00Z", null, null, "it", blocks, null, List.of());
    String text = art.text();
    List<Token> tokens = Tokenizer.tokenize(text, Lang.IT);
    List<Sentence> sentences = Sentences.split(text, tokens);
    List<Entity> entities = new ArrayList<>();
    Matcher mm = NAME.matcher(text);
    while (mm.find()) {
      entities.add(new Entity(mm.group(1), Entity.Type.MISC, mm.start(1), mm.end(1), mm.group(1), null));
    }
    return new Analysis(art, "it", null, sentences, entities, List.of(), List.of(), List.of());
  }

  private static List<Text> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Text> out = new ArrayList<>();
      for (Path f : walk.filter(p -> p.toString().endsWith(".txt") && dir.relativize(p).getNameCount() == 3).sorted().toList()) {
        List<String> lines = Files.readString(f, StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(s -> !s.isEmpty()).toList();
        if (lines.size() >= 2) {
          out.add(new Text(lines.get(0), lines.subList(1, lines.size())));
        }
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
