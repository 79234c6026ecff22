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
 * 4000→5000), {@code lente.bench.cpus} (1.0: the quota in cores).
 */
class WriterRateBench {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();
  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();
  @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();

  private static final Path TEXTS = Path.of("..", "shared", "data", "corpus", "dice-italian-crime-news", "texts.jsonl");
  private static final Pattern NAME = Pattern.compile("(?<![.!?]\\s)(?<!^)\\b\\p{Lu}\\p{Ll}{2,}(?:\\s\\p{Lu}\\p{Ll}{2,})*");

  @TempDir Path dir;

  @Test
  void writerRateOnOneCore() throws Exception {
    assumeTrue(Files.isRegularFile(TEXTS), "writer rate: skipped, " + TEXTS + " is absent (the shared data)");
    assumeTrue(Files.isWritable(Path.of("/sys/fs/cgroup/cpu")), "writer rate: skipped, no writable cgroup v1 cpu "
        + "controller (run as root)");
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
    for (int batch : batches) {
      run(batch, start, marks, cpus);
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

  /** Runs the writer with {@code batch} from {@code start} on a new database, printing its rate between the marks. */
  private void run(int batch, long start, List<Integer> marks, double cpus) throws Exception {
    String url = PG.newMigratedDatabase();
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null)) {
      AppliedOffsets.record(c, KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION, start);
    }
    Path file = Files.writeString(dir.resolve("cluster-" + batch + ".properties"), "postgres.url=" + url
        + "\npostgres.user=" + PostgresServer.USER + "\nopensearch.url=" + OS.url() + "\nkafka.bootstrap="
        + KAFKA.bootstrap() + "\n");
    Path log = dir.resolve("writer-" + batch + ".log");
    String name = "lente-writer-bench-" + ProcessHandle.current().pid() + "-" + batch;
    Path cpu = Path.of("/sys/fs/cgroup/cpu", name);
    Path acct = Path.of("/sys/fs/cgroup/cpuacct", name);
    Files.createDirectory(cpu);
    Files.createDirectory(acct);
    Files.writeString(cpu.resolve("cpu.cfs_period_us"), "100000");
    Files.writeString(cpu.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(cpus * 100_000)));
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.lente.cli.Main", "worker",
        "write", "--cluster", file.toString(), "--batch", Integer.toString(batch)));
    Process writer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Files.writeString(cpu.resolve("cgroup.procs"), Long.toString(writer.pid()));
      Files.writeString(acct.resolve("cgroup.procs"), Long.toString(writer.pid()));
      Map<Integer, long[]> at = new LinkedHashMap<>(); // mark -> {nanos, cpu ns, throttled periods, periods, throttled ns}
      int next = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
      try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null)) {
        while (next < marks.size() && System.nanoTime() < deadline && writer.isAlive()) {
          long done = AppliedOffsets.read(c, KafkaTopics.ANALYSED).getOrDefault(KnowledgeWriter.PARTITION, 0L) - start;
          while (next < marks.size() && done >= marks.get(next)) {
            Map<String, Long> stat = stat(cpu.resolve("cpu.stat"));
            at.put(marks.get(next), new long[] {System.nanoTime(),
                Long.parseLong(Files.readString(acct.resolve("cpuacct.usage")).strip()), stat.get("nr_throttled"),
                stat.get("nr_periods"), stat.get("throttled_time")});
            next++;
          }
          Thread.sleep(100);
        }
      }
      assertTrue(next == marks.size(), "the writer did not reach " + marks + " (reached " + at.keySet() + "):\n"
          + Files.readString(log));
      for (int i = 0; i + 1 < marks.size(); i += 2) {
        long[] a = at.get(marks.get(i));
        long[] b = at.get(marks.get(i + 1));
        int n = marks.get(i + 1) - marks.get(i);
        double seconds = (b[0] - a[0]) / 1e9;
        System.out.printf(Locale.ROOT, "writer rate: batch %d, articles %d to %d: %.1f articles/s, %.2f ms of the "
            + "writer's CPU an article, quota %.2f core: throttled in %d of %d periods (%.1f s); load average %s%n",
            batch, marks.get(i), marks.get(i + 1), n / seconds, (b[1] - a[1]) / 1e6 / n, cpus, b[2] - a[2],
            b[3] - a[3], (b[4] - a[4]) / 1e9, Files.readString(Path.of("/proc/loadavg")).strip());
      }
    } finally {
      writer.destroy();
      if (!writer.waitFor(60, TimeUnit.SECONDS)) {
        writer.destroyForcibly().waitFor();
      }
      Files.delete(cpu);
      Files.delete(acct);
    }
  }

  private static Map<String, Long> stat(Path file) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] kv = line.split(" ");
      out.put(kv[0], Long.parseLong(kv[1]));
    }
    return out;
  }

  private static List<Integer> ints(String csv) {
    return java.util.Arrays.stream(csv.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }
}
