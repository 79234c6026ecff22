package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.nlp.Analysis;
import org.lente.store.StoredJson;
import org.lente.story.Texts;

/**
 * The knowledge writer's rate on one core ({@code bench/writer-rate}; not part of the test suite): pre-analysed
 * records already on {@value KafkaTopics#ANALYSED}, then {@code lente worker write --batch B} in a child JVM under a
 * cgroup CPU quota of one core (cgroup v1, as root), timed by the offset it stores in PostgreSQL. For each batch size
 * it prints the rate and the writer's CPU per article between two store sizes, with the quota's throttling and the
 * machine's load average beside them.
 *
 * <p>The records are real Italian news texts ({@code corpus/dice-italian-crime-news/texts.jsonl} of the shared data,
 * skipped when absent) tokenised and split as the analyser does, with quotes found by the quote finder; their
 * entities are a stand-in for the NER model's (each run of capitalised words after a sentence's first word, at most
 * 30 names an article), so that the resolver, the entity tables and lineage get work of the same kind without the
 * analysis's CPU (160 ms an article).
 *
 * <p>System properties: {@code lente.bench.articles} (5000), {@code lente.bench.batches} ("1,50"),
 * {@code lente.bench.marks} ("200,1000,4000,5000": the rate is taken between consecutive pairs: 200→1000 and
 * 4000→5000), {@code lente.bench.cpus} (1.0: the quota in cores), {@code lente.bench.explain} (none: a fraction of
 * the writer's statements whose plans {@code auto_explain} writes to PostgreSQL's log, {@code log} in its folder),
 * {@code lente.bench.statements} (0: how many of PostgreSQL's statements to list, those taking most time between the
 * last two marks, by {@code pg_stat_statements}; above 0 the bench's server preloads it, with the planning tracked,
 * which costs PostgreSQL a little CPU: leave it off when comparing rates), {@code lente.bench.writerJvm} (none: JVM
 * options for the writer after {@code bin/jvm.options}, the launcher's, with {@code {batch}} replaced by the batch),
 * {@code lente.bench.postgres} (none: the server's settings besides the test server's, "name=value" separated by spaces).
 */
class WriterRateBench {

  /** {@code lente.bench.statements}: how many statements to list by time; 0, none (and no pg_stat_statements). */
  private static final int STATEMENTS = Integer.getInteger("lente.bench.statements", 0);

  /**
   * {@code lente.bench.postgres}: settings of the bench's PostgreSQL besides the test server's, "name=value" separated
   * by spaces (none by default).
   */
  private static final List<String> POSTGRES = Arrays.stream(
      System.getProperty("lente.bench.postgres", "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();

  @RegisterExtension static final PostgresServer PG = new PostgresServer(Stream.concat(STATEMENTS > 0
      ? Stream.of("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track_planning=on",
          "pg_stat_statements.max=10000") : Stream.<String>empty(), POSTGRES.stream()).toList());
  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();
  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  private static final Path TEXTS = Path.of(System.getProperty("lente.data", "../shared/data"), "corpus",
      "dice-italian-crime-news", "texts.jsonl");
  private static final Pattern NAME = Pattern.compile("(?<![.!?]\\s)(?<!^)\\b\\p{Lu}\\p{Ll}{2,}(?:\\s\\p{Lu}\\p{Ll}{2,})*");

  @TempDir Path dir;

  @Test
  void writerRateOnOneCore() throws Exception {
    assumeTrue(Files.isRegularFile(TEXTS), "writer rate: skipped, " + TEXTS + " is absent (the shared data)");
    String noGroups = CpuGroup.unavailable();
    assumeTrue(noGroups == null, "writer rate: skipped, " + noGroups);
    int articles = Integer.getInteger("lente.bench.articles", 5000);
    List<Integer> batches = ints(System.getProperty("lente.bench.batches", "1,50"));
    List<Integer> marks = ints(System.getProperty("lente.bench.marks", "200,1000,4000,5000"));
    double cpus = Double.parseDouble(System.getProperty("lente.bench.cpus", "1.0"));
    assertTrue(marks.get(marks.size() - 1) <= articles, "the last mark is past the articles: " + marks);

    try (Admin admin = KAFKA.admin()) {
      KafkaTopics.ensure(admin, 1);
    }
    long start = KAFKA.ends(KafkaTopics.ANALYSED).get(new TopicPartition(KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION));
    long made = System.nanoTime();
    produce(articles);
    System.out.printf(Locale.ROOT, "writer rate: %d records put on %s in %.1f s%n", articles, KafkaTopics.ANALYSED,
        (System.nanoTime() - made) / 1e9);
    // PostgreSQL weighs as much as the writer, so that the machine's other work does not starve it; its CPU is counted
    try (CpuGroup pg = CpuGroup.create("lente-writer-bench-" + ProcessHandle.current().pid() + "-postgres")) {
      pg.weigh(SHARES);
      pg.addTree(PG.pid());
      for (int batch : batches) {
        run(batch, start, marks, cpus, pg);
      }
      pg.release(); // PostgreSQL outlives the group: the extension stops it after the test
    }
  }

  /** Puts {@code n} pre-analysed articles on the topic. */
  private static void produce(int n) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrap());
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(KafkaTopics.MAX_MESSAGE_BYTES));
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(TEXTS, StandardCharsets.UTF_8);
        KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
            new StringSerializer())) {
      int i = 0;
      for (String line = in.readLine(); line != null && i < n; line = in.readLine()) {
        JsonNode row = StoredJson.MAPPER.readTree(line);
        String text = row.path("text").asText("").strip();
        if (text.length() < 200) {
          continue;
        }
        String key = "https://bench.example/" + row.path("id").asText();
        Analysis a = analysis(i, key, text);
        sent.add(producer.send(new ProducerRecord<>(KafkaTopics.ANALYSED, key,
            KafkaMessages.write(KafkaMessages.AnalysedArticle.of(key, a, null)))));
        i++;
      }
      assertTrue(i == n, "only " + i + " texts of 200 characters or more in " + TEXTS);
      for (Future<RecordMetadata> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
  }

  /** Article {@code i}: its text, a title of its first words, one of 20 outlets, one of 60 days. */
  private static Analysis analysis(int i, String key, String text) {
    String[] words = text.split("\\s+", 11);
    String title = String.join(" ", java.util.Arrays.copyOf(words, Math.min(10, words.length - 1)));
    Set<String> names = new LinkedHashSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find() && names.size() < 30) {
      String name = m.group();
      names.add(name + "=" + name + "/" + (name.contains(" ") ? "PER" : "LOC"));
    }
    String day = String.format(Locale.ROOT, "2026-%02d-%02dT08:00:00Z", 9 + (i / 30) % 2, 1 + i % 28);
    return Texts.analysis(key.substring("https://".length()), "Testata " + (i % 20), "it", day, title, text,
        names.toArray(String[]::new));
  }

  /**
   * Runs the writer with {@code batch} from {@code start} on a new database, in a group of its own with a quota of
   * {@code cpus} (and a weight that lets it reach the quota on a busy machine), PostgreSQL in {@code pgGroup}, printing
   * its rate and both CPUs between the marks, then where the writer's time went ({@link #timing}).
   */
  private void run(int batch, long start, List<Integer> marks, double cpus, CpuGroup pgGroup) throws Exception {
    String url = PG.newMigratedDatabase();
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null)) {
      AppliedOffsets.record(c, KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION, start);
      if (STATEMENTS > 0) {
        try (java.sql.Statement st = c.createStatement()) {
          st.executeUpdate("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
      }
      String explain = System.getProperty("lente.bench.explain", "").strip();
      if (!explain.isEmpty()) { // the plans of a sample of the writer's statements, in PostgreSQL's log
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (java.sql.Statement st = c.createStatement()) {
          st.executeUpdate("ALTER DATABASE " + name + " SET session_preload_libraries = 'auto_explain'");
          st.executeUpdate("ALTER DATABASE " + name + " SET auto_explain.log_min_duration = 0");
          st.executeUpdate("ALTER DATABASE " + name + " SET auto_explain.sample_rate = " + Double.parseDouble(explain));
        }
      }
    }
    Path file = Files.writeString(dir.resolve("cluster-" + batch + ".properties"), "postgres.url=" + url
        + "\npostgres.user=" + PostgresServer.USER + "\nopensearch.url=" + OS.url() + "\nkafka.bootstrap="
        + KAFKA.bootstrap() + "\n");
    Path log = dir.resolve("writer-" + batch + ".log");
    Path logging = Files.writeString(dir.resolve("logging-" + batch + ".properties"), "handlers="
        + "java.util.logging.ConsoleHandler\njava.util.logging.ConsoleHandler.level=FINE\n"
        + "java.util.logging.SimpleFormatter.format=%5$s%n\n" + KnowledgeWriter.class.getName() + ".level=FINE\n");
    assertTrue(Files.isRegularFile(JVM_OPTIONS), "the launcher's JVM options are missing: " + JVM_OPTIONS);
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "@" + JVM_OPTIONS, "-Djava.util.logging.config.file=" + logging));
    String jvm = System.getProperty("lente.bench.writerJvm", "").strip();
    if (!jvm.isEmpty()) {
      command.addAll(List.of(jvm.replace("{batch}", Integer.toString(batch)).split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.lente.cli.Main", "worker",
        "write", "--cluster", file.toString(), "--batch", Integer.toString(batch)));
    try (CpuGroup group = CpuGroup.create("lente-writer-bench-" + ProcessHandle.current().pid() + "-" + batch)) {
      group.limit(cpus);
      group.weigh(SHARES);
      // started inside its group, so that none of its CPU (the JVM's start included) is counted elsewhere
      List<String> inGroup = new ArrayList<>(List.of("sh", "-c", group.enterAndExec()));
      inGroup.addAll(command);
      Process writer = new ProcessBuilder(inGroup).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      WriterBenchCanary canary = new WriterBenchCanary(); // the machine's speed in each window (closed below)
      try {
        Map<Integer, Sample> at = new LinkedHashMap<>();
        Map<Integer, Map<String, StatementTotals>> statementsAt = new LinkedHashMap<>();
        int next = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null)) {
          while (next < marks.size() && System.nanoTime() < deadline && writer.isAlive()) {
            long done = AppliedOffsets.read(c, KafkaTopics.ANALYSED).getOrDefault(KnowledgeWriter.PARTITION, 0L) - start;
            while (next < marks.size() && done >= marks.get(next)) {
              at.put(marks.get(next), new Sample(done, System.nanoTime(), System.currentTimeMillis(),
                  group.usageNanos(), pgGroup.usageNanos(), group.throttling(), ClusterBenchThreads.read(writer.pid())));
              if (STATEMENTS > 0 && next >= marks.size() - 2) {
                statementsAt.put(marks.get(next), statementTotals(c));
              }
              next++;
            }
            Thread.sleep(100);
          }
        }
        assertTrue(next == marks.size(), "the writer did not reach " + marks + " (reached " + at.keySet() + "):\n"
            + Files.readString(log));
        for (int i = 0; i + 1 < marks.size(); i += 2) {
          Sample a = at.get(marks.get(i));
          Sample b = at.get(marks.get(i + 1));
          long n = b.done - a.done; // what was stored between the samples: past a mark when a sample came late
          double seconds = (b.nanos - a.nanos) / 1e9;
          double writerMs = (b.writerCpu - a.writerCpu) / 1e6 / n;
          double pgMs = (b.pgCpu - a.pgCpu) / 1e6 / n;
          CpuGroup.Throttling t = b.throttling.since(a.throttling);
          double[] machine = canary.medianMs(a.millis, b.millis);
          double compilerMs = b.threads.secondsSince(a.threads, ClusterBenchThreads.Kind.COMPILER) * 1e3 / n;
          double collectorMs = b.threads.secondsSince(a.threads, ClusterBenchThreads.Kind.GC) * 1e3 / n;
          System.out.printf(Locale.ROOT, "writer rate: batch %d, articles %d to %d (read at %d and %d): %.1f "
              + "articles/s; CPU an article: writer %.2f ms, PostgreSQL %.2f ms (projection on one core for the writer "
              + "alone: %.0f articles/s); of the writer's, its JIT compilers %.2f ms and its collector %.2f ms; quota "
              + "%.2f core: throttled in %d of %d periods (%.1f s); load average %s; canary %.2f ms a pass (%.0f "
              + "passes)%n", batch, marks.get(i), marks.get(i + 1), a.done, b.done, n / seconds, writerMs, pgMs,
              1000 / writerMs, compilerMs, collectorMs, cpus, t.throttled(), t.periods(), t.throttledNanos() / 1e9,
              Files.readString(Path.of("/proc/loadavg")).strip(), machine[0], machine[1]);
        }
        System.out.println("writer rate: batch " + batch + ", " + timing(Files.readAllLines(log)));
        System.out.println("writer rate: batch " + batch + ", " + tableReads(url, marks.get(marks.size() - 1)));
        if (STATEMENTS > 0) {
          int from = marks.get(marks.size() - 2);
          int to = marks.get(marks.size() - 1);
          double pgMs = (at.get(to).pgCpu - at.get(from).pgCpu) / 1e6 / (at.get(to).done - at.get(from).done);
          System.out.println("writer rate: batch " + batch + ", " + statementsBetween(from, statementsAt.get(from), to,
              statementsAt.get(to), pgMs, STATEMENTS));
        }
        if (!System.getProperty("lente.bench.explain", "").isBlank()) {
          System.out.println("writer rate: batch " + batch + ", " + sequentialPlans(url));
        }
      } finally {
        canary.close();
        writer.destroy();
        if (!writer.waitFor(60, TimeUnit.SECONDS)) {
          writer.destroyForcibly().waitFor();
        }
      }
    }
  }

  /**
   * The JVM options {@code bin/lente} runs every command with (its heap, collector and native access; a java argument
   * file): the writer runs with them, as users run {@code lente worker write}. {@code lente.bench.writerJvm} adds to them.
   */
  private static final Path JVM_OPTIONS = Path.of("bin", "jvm.options").toAbsolutePath();

  /** The weight of the writer's and PostgreSQL's groups: sixteen busy processes' worth on a machine shared with builds. */
  private static final int SHARES = 16 * 1024;

  /**
   * What the bench reads at a mark: the records stored by then (the mark or past it: the bench's thread, outside the
   * writer's group, reads late on a loaded machine, and a window counts what was stored between its reads), when
   * (monotonic, and the wall clock the canary's passes are timed by), the CPU of the writer's and of PostgreSQL's
   * groups, the writer's throttling, and the writer JVM's CPU by kind of thread (its JIT compilers and collector share
   * its quota: in a short run's windows the compilers are still at work).
   */
  private record Sample(long done, long nanos, long millis, long writerCpu, long pgCpu,
      CpuGroup.Throttling throttling, ClusterBenchThreads.Reading threads) { }

  /**
   * The tables PostgreSQL read most while the writer stored {@code articles} (its statistics, {@code pg_stat_user_tables},
   * of the run's database): tuples read an article by sequential scans and by index, and the sequential scans.
   */
  static String tableReads(String url, int articles) throws java.sql.SQLException {
    StringBuilder out = new StringBuilder("PostgreSQL's reads, tuples an article (sequential + by index; sequential "
        + "scans in all; analyses, by the writer + by autovacuum):");
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT relname, seq_tup_read, idx_tup_fetch, seq_scan, "
            + "analyze_count, autoanalyze_count FROM pg_stat_user_tables "
            + "ORDER BY seq_tup_read + coalesce(idx_tup_fetch, 0) DESC LIMIT 6")) {
      while (rs.next()) {
        out.append(String.format(Locale.ROOT, " %s %.0f + %.0f (%d; %d + %d);", rs.getString(1),
            (double) rs.getLong(2) / articles, (double) rs.getLong(3) / articles, rs.getLong(4), rs.getLong(5),
            rs.getLong(6)));
      }
    }
    return out.toString();
  }

  /**
   * The statements whose sampled plans ({@code lente.bench.explain}: {@code auto_explain} in PostgreSQL's log, which
   * this reads and empties) read a table sequentially: for each, the sampled executions, how many of them did, and
   * the tables so read.
   */
  static String sequentialPlans(String url) throws java.sql.SQLException, IOException {
    Path log;
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('data_directory')")) {
      rs.next();
      log = Path.of(rs.getString(1)).resolveSibling("log");
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Set<String>> tables = new LinkedHashMap<>();
    String query = null;
    Set<String> scanned = new java.util.TreeSet<>();
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    lines.add("end");
    Pattern seq = Pattern.compile("Seq Scan on (\\w+)");
    for (String line : lines) {
      if (!line.startsWith("\t") && !line.startsWith(" ")) { // a new entry: count the one before
        if (query != null) {
          int[] n = counts.computeIfAbsent(query, q -> new int[2]);
          n[0]++;
          if (!scanned.isEmpty()) {
            n[1]++;
            tables.computeIfAbsent(query, q -> new java.util.TreeSet<>()).addAll(scanned);
          }
        }
        query = null;
        scanned = new java.util.TreeSet<>();
      } else if (line.strip().startsWith("Query Text: ")) {
        query = shown(line.strip().substring("Query Text: ".length()));
      } else {
        Matcher m = seq.matcher(line);
        while (m.find()) {
          scanned.add(m.group(1));
        }
      }
    }
    Files.writeString(log, ""); // the next run's plans only
    StringBuilder out = new StringBuilder("sampled plans reading a table sequentially (sampled, of them sequential, "
        + "tables):");
    counts.entrySet().stream().filter(e -> e.getValue()[1] > 0).sorted((a, b) -> b.getValue()[1] - a.getValue()[1])
        .forEach(e -> out.append(String.format(Locale.ROOT, "%n  %d of %d %s: %s", e.getValue()[1], e.getValue()[0],
            tables.get(e.getKey()), e.getKey())));
    return out.toString();
  }

  /**
   * A statement as the bench lists it: its parameters as {@code $}, a list of them as {@code $…} and the rows of a
   * {@code VALUES} list as {@code ($…)…} (so that the statements of every length of an {@code IN} list or of a
   * multi-row {@code VALUES} are one), cut at 140 characters.
   */
  static String shown(String query) {
    String q = query.replaceAll("\\s+", " ").replaceAll("\\$\\d+", "\\$").replaceAll("(\\$, )+\\$", "\\$…")
        .replaceAll("VALUES (\\(\\$…?\\)(, )?)+", "VALUES (\\$…)…");
    return q.length() > 140 ? q.substring(0, 140) + "…" : q;
  }

  /** A statement's totals in {@code pg_stat_statements}: calls, execution and planning time (ms), rows. */
  record StatementTotals(long calls, double execMs, double planMs, long rows) {
    StatementTotals plus(StatementTotals o) {
      return new StatementTotals(calls + o.calls, execMs + o.execMs, planMs + o.planMs, rows + o.rows);
    }

    StatementTotals minus(StatementTotals o) {
      return o == null ? this : new StatementTotals(calls - o.calls, execMs - o.execMs, planMs - o.planMs, rows - o.rows);
    }
  }

  /**
   * The totals {@code pg_stat_statements} holds for the statements run on {@code c}'s database, summed by
   * {@link #shown} text; its own reads left out.
   */
  static Map<String, StatementTotals> statementTotals(Connection c) throws java.sql.SQLException {
    Map<String, StatementTotals> out = new LinkedHashMap<>();
    try (java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT query, calls, total_exec_time, total_plan_time, rows "
            + "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND query NOT LIKE '%pg_stat_statements%'")) {
      while (rs.next()) {
        out.merge(shown(rs.getString(1)), new StatementTotals(rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
            rs.getLong(5)), StatementTotals::plus);
      }
    }
    return out;
  }

  /**
   * The {@code top} statements that took PostgreSQL most time (execution and planning) while the writer stored the
   * articles from {@code from} to {@code to}: each its calls, total and mean time and rows, in all and an article; and
   * all statements' time an article beside PostgreSQL's CPU an article ({@code pgMs}), the rest being its work
   * outside the statements (the protocol, parsing, commits, the backends' own work).
   */
  static String statementsBetween(int from, Map<String, StatementTotals> before, int to,
      Map<String, StatementTotals> after, double pgMs, int top) {
    int n = to - from;
    List<Map.Entry<String, StatementTotals>> diff = new ArrayList<>();
    StatementTotals all = new StatementTotals(0, 0, 0, 0);
    for (Map.Entry<String, StatementTotals> e : after.entrySet()) {
      StatementTotals d = e.getValue().minus(before.get(e.getKey()));
      if (d.calls() > 0) {
        diff.add(Map.entry(e.getKey(), d));
        all = all.plus(d);
      }
    }
    diff.sort((a, b) -> Double.compare(b.getValue().execMs() + b.getValue().planMs(),
        a.getValue().execMs() + a.getValue().planMs()));
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "PostgreSQL's statements, articles %d to %d "
        + "(pg_stat_statements): all %d kinds, %.1f calls an article, %.2f ms an article executing, %.2f planning, of "
        + "PostgreSQL's CPU %.2f ms an article; the %d taking most (calls an article; time an article: executing + "
        + "planning; mean a call; rows an article):", from, to, diff.size(), (double) all.calls() / n, all.execMs() / n,
        all.planMs() / n, pgMs, Math.min(top, diff.size())));
    for (Map.Entry<String, StatementTotals> e : diff.subList(0, Math.min(top, diff.size()))) {
      StatementTotals d = e.getValue();
      out.append(String.format(Locale.ROOT, "%n  %.1f calls, %.3f + %.3f ms, mean %.3f ms, %.1f rows: %s",
          (double) d.calls() / n, d.execMs() / n, d.planMs() / n, (d.execMs() + d.planMs()) / d.calls(),
          (double) d.rows() / n, e.getKey()));
    }
    return out.toString();
  }

  private static final Pattern TIMING = Pattern.compile("writer timing: (\\d+) records to offset \\d+: polls ([\\d.]+) "
      + "ms, adds ([\\d.]+) ms, lease and offset ([\\d.]+) ms, commit ([\\d.]+) ms");

  /**
   * Where the writer's wall time went over its whole run (warm-up included), from its timing log: per article, in
   * Kafka polls, in the adds (resolver, store, stories and lineage: the writer's CPU and its statements' round trips),
   * in the lease check and offset, in the commit.
   */
  static String timing(List<String> log) {
    long records = 0;
    long batches = 0;
    double[] ms = new double[4];
    for (String line : log) {
      Matcher m = TIMING.matcher(line);
      if (m.find()) {
        batches++;
        records += Long.parseLong(m.group(1));
        for (int i = 0; i < 4; i++) {
          ms[i] += Double.parseDouble(m.group(i + 2));
        }
      }
    }
    if (records == 0) {
      return "no timing lines in the writer's log";
    }
    return String.format(Locale.ROOT, "wall time an article over the whole run (%d batches, %.1f records each): polls "
        + "%.2f ms, adds %.2f ms, lease and offset %.2f ms, commit %.2f ms", batches, (double) records / batches,
        ms[0] / records, ms[1] / records, ms[2] / records, ms[3] / records);
  }

  private static List<Integer> ints(String csv) {
    return java.util.Arrays.stream(csv.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }
}
