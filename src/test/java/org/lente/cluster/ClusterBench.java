package org.lente.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lente.ingest.Page;

/**
 * The cluster's scaling benchmark ({@code bench/cluster-scaling}; docs/cluster-bench.md): real news articles through
 * {@code n} analysis workers ({@code bin/lente worker analyse}, child JVMs), each held to a CPU quota in a cgroup of
 * its own, and one knowledge writer ({@code bin/lente worker write}), on the same PostgreSQL, Kafka and OpenSearch
 * the tests start ({@link PostgresServer}, {@link KafkaServer}, {@link OpenSearchServer}). Reports, for each
 * {@code n}, the analysis throughput per wall second and per quota-second, the efficiency {@code X(n) / (n·X(1))},
 * and the CPU per article of every stage: the workers, the writer, OpenSearch, Kafka and PostgreSQL (each server's
 * processes in an unlimited group of their own).
 *
 * <p>Each run: a new PostgreSQL database, a new index, a new consumer group, new workers and writer. Each worker
 * first analyses {@code warmup} articles of its own, sent to its own partitions, without a quota (the JVM's start,
 * the models' loading and the compiler's warm-up are not per-article costs; a warm-up shared by the n workers left
 * each of 8 too few, and its compiling fell into the measurement) and the writer applies them; then the quotas are
 * set, every counter is read, and the {@code articles} measured ones are sent: the corpus's first {@code articles}
 * texts in its fixed order, the same for every n, sent {@link #passes} times (once unless {@code --per-worker}). The warm-up texts are the corpus's others, or those of
 * {@code --warmup-corpus} (a corpus too small for both leaves the compilers too few kinds of text to learn from, and
 * they go on compiling through the measurement; the corpus itself may be named there, so that the workers have seen
 * every kind of text they will be measured on, as workers long in service have): worker
 * {@code j} takes {@code warmup} of them from the {@code j·warmup}-th on, cycling when the corpus has fewer than
 * {@code warmup × n}, each under a URL of its own ({@code …/warmup/wJ/…}), so that no two warm-up pages are one
 * article. The analysis is timed from the send to the last analysed
 * record's timestamp, its CPU counted until the workers committed the last one; the writer's and the servers' CPU
 * until the writer applied and indexed the last one.
 *
 * <p>Throughput is measured while <em>every</em> worker is busy ({@link Busy}): from the last worker's first analysed
 * article to the first worker's last one. Articles differ in CPU, so workers given equal counts finish at different
 * times, and over the whole run the idle workers' tail would be counted against the cluster. Each measured page
 * carries its partition in its origin ({@link Measured}), so each analysed record is credited to the worker holding
 * that partition; each worker's CPU and throttling are read every {@link #READ_EVERY} ({@link CpuGroup.Reading}),
 * so its use of its quota in that window is known: a worker under 90% of its quota while all were busy did not get
 * it (or waited for something else), and the run is marked untrusted.
 *
 * <p>The pages go onto {@value #PARTITIONS} partitions of {@code lente.pages} (every {@code n} of 1, 2, 3, 4, 6, 8,
 * 12 and 24 gets as many per worker), the measured ones {@link #balance balanced}: equal work per partition, as a
 * long stream's key hashing gives, where a few hundred hashed keys would leave partitions some 20% apart and time
 * the most loaded worker instead of the cluster.
 *
 * <p>Usage: {@code ClusterBench [--corpus DIR] [--warmup-corpus DIR] [--out DIR] [--workers 1,2,4,8] [--quota 0.1]
 * [--articles 192] [--warmup 96] [--lente bin/lente]}, from the project folder, as root; {@code --warmup} is per worker.
 */
public final class ClusterBench {

  /** The canary's passes before it records (each analyses two texts of about the median size, unthrottled). */
  private static final int CANARY_WARM = 400;
  /** A filler's passes (eight texts each) before it is stopped and held to its quota. */
  private static final int FILLER_WARM = 50;

  /** Partitions of lente.pages: divisible by every n the bench runs. */
  static final int PARTITIONS = 24;

  private static final Duration PHASE_LIMIT = Duration.ofMinutes(60);

  /**
   * The weight of every group of the bench (workers, writer, index worker, servers): 16 processes' worth, so that a
   * machine busy with other work (a load average of 20 on 2 cores gives a process a tenth of a core) still gives each
   * worker its quota; the quota caps what the weight could take. The services weigh as much as a worker: weighed
   * alone, 8 workers warming up without a quota took the cores from the Kafka broker, and the writer's start timed
   * out waiting for it (at a load of 52).
   */
  private static final int SHARES = 16 * 1024;

  /** How often the workers' counters are read during a measurement. */
  private static final Duration READ_EVERY = Duration.ofMillis(100);

  /** Every how many readings the workers' threads are read too (half a second: /proc costs more than a cgroup). */
  private static final int THREADS_EVERY = 5;

  /**
   * A worker's compiler is idle when its threads used at most this many CPUs over {@link #IDLE_OVER}: 0.5% of a CPU,
   * a twentieth of a 0.1 quota.
   */
  static final double IDLE_CPUS = 0.005;

  /** The span over which a compiler's CPU must stay under {@link #IDLE_CPUS}. */
  static final Duration IDLE_OVER = Duration.ofSeconds(10);

  /** The longest wait for the compilers to go idle after a warm-up; then the bench warns and measures. */
  private static final Duration IDLE_LIMIT = Duration.ofMinutes(5);

  /**
   * A measured page's place, written into its origin ({@code bench partition P article A}), which the analysis worker
   * carries to its analysed record: the partition tells the worker that analysed it, the article (its index in the
   * measured list, the same in every run) which article it was.
   */
  record Measured(int partition, int article) {
    static final String PREFIX = "bench partition ";

    Measured {
      if (partition < 0 || article < 0) {
        throw new IllegalArgumentException("bad measured page: partition=" + partition + ", article=" + article);
      }
    }

    /** The origin naming this page. */
    String origin() {
      return PREFIX + partition + " article " + article;
    }

    /** The page an {@link #origin} names; an IOException when it names none. */
    static Measured parse(String origin) throws IOException {
      String[] f = origin == null ? new String[0] : origin.split(" ");
      if (f.length != 5 || !origin.startsWith(PREFIX) || !f[3].equals("article")) {
        throw new IOException("not a measured page's origin: " + origin);
      }
      try {
        return new Measured(Integer.parseInt(f[2]), Integer.parseInt(f[4]));
      } catch (IllegalArgumentException e) {
        throw new IOException("not a measured page's origin: " + origin, e);
      }
    }
  }

  /** A measured article analysed: which, by which worker (an index of the run's workers), when (its record's time). */
  record Done(int article, int worker, long millis) {
    Done {
      if (article < 0 || worker < 0) {
        throw new IllegalArgumentException("bad done: article=" + article + ", worker=" + worker);
      }
    }
  }

  /**
   * The window in which every worker was busy: from the latest of the workers' first analysed records (every worker
   * has begun) to the earliest of their last ones (the first worker ran out of pages), in milliseconds since the
   * epoch, and the analysed records completed in it ({@code from} excluded, {@code to} included).
   */
  record Busy(long from, long to, int articles) {
    Busy {
      if (to <= from || articles < 1) {
        throw new IllegalArgumentException("bad busy window: from=" + from + ", to=" + to + ", articles=" + articles);
      }
    }

    double seconds() {
      return (to - from) / 1000.0;
    }

    /** Articles analysed per wall second in the window. */
    double perSecond() {
      return articles / seconds();
    }

    /**
     * The window of {@code completions} (each worker's analysed records' timestamps, milliseconds); null when a
     * worker has fewer than two (it was never busy beside the others) or the window holds no record.
     */
    static Busy of(List<List<Long>> completions) {
      long from = Long.MIN_VALUE;
      long to = Long.MAX_VALUE;
      for (List<Long> c : completions) {
        if (c.size() < 2) {
          return null;
        }
        from = Math.max(from, Collections.min(c));
        to = Math.min(to, Collections.max(c));
      }
      long f = from;
      long t = to;
      int articles = (int) completions.stream().flatMap(List::stream).filter(c -> c > f && c <= t).count();
      return t > f && articles > 0 ? new Busy(f, t, articles) : null;
    }
  }

  /**
   * One worker's part of a run.
   *
   * @param partitions its partitions of lente.pages
   * @param articles the measured articles it analysed
   * @param first its first analysed record, seconds after the send
   * @param last its last analysed record (it had no page left), seconds after the send
   * @param cpuSeconds its CPU seconds over the whole measurement (the send to the workers' last commit)
   * @param busyCpus its CPUs (CPU seconds per wall second) in the busy window, from the readings around it
   * @param busyThrottling its quota's throttling in the busy window, from the same readings
   * @param busyArticles the measured articles it completed in the busy window
   * @param busyThreads its JVM's threads read around the busy window (two readings, every half second), or null
   *     without a window
   * @param settle its compiler's CPU seconds from the warm-up's end until every worker's compiler was idle
   */
  record WorkerPart(int partitions, int articles, double first, double last, double cpuSeconds, double busyCpus,
      CpuGroup.Throttling busyThrottling, int busyArticles, List<ClusterBenchThreads.Reading> busyThreads,
      double settle) {
    WorkerPart {
      if (partitions < 0 || articles < 0 || cpuSeconds < 0 || busyCpus < 0) {
        throw new IllegalArgumentException("bad worker part: partitions=" + partitions + ", articles=" + articles
            + ", cpuSeconds=" + cpuSeconds + ", busyCpus=" + busyCpus);
      }
      java.util.Objects.requireNonNull(busyThrottling, "busyThrottling");
      if (busyArticles < 0 || busyThreads != null && busyThreads.size() != 2) {
        throw new IllegalArgumentException("bad worker part: busyArticles=" + busyArticles + ", busyThreads="
            + busyThreads);
      }
      busyThreads = busyThreads == null ? null : List.copyOf(busyThreads);
    }

    /**
     * The worker's readings from the last at or before {@code from} to the first at or after {@code to} (a window a
     * little wider than asked, by less than a reading's interval): its CPUs and throttling there.
     *
     * @throws IllegalArgumentException when the readings do not reach around the window
     */
    static CpuGroup.Reading[] around(List<CpuGroup.Reading> readings, long from, long to) {
      return aroundOf(readings, CpuGroup.Reading::millis, from, to).toArray(CpuGroup.Reading[]::new);
    }

    /**
     * Of {@code readings} in time order ({@code millis} telling each one's time), the last at or before {@code from}
     * and the first at or after {@code to}.
     *
     * @throws IllegalArgumentException when the readings do not reach around the window
     */
    static <T> List<T> aroundOf(List<T> readings, java.util.function.ToLongFunction<T> millis, long from, long to) {
      T before = null;
      T after = null;
      for (T r : readings) {
        if (millis.applyAsLong(r) <= from) {
          before = r;
        }
        if (millis.applyAsLong(r) >= to && after == null) {
          after = r;
        }
      }
      if (before == null || after == null || millis.applyAsLong(after) <= millis.applyAsLong(before)) {
        throw new IllegalArgumentException("no readings around " + from + " to " + to + " among " + readings.size()
            + (readings.isEmpty() ? "" : ", " + millis.applyAsLong(readings.get(0)) + " to "
                + millis.applyAsLong(readings.get(readings.size() - 1))));
      }
      return List.of(before, after);
    }

    /** The worker's CPU seconds of {@code kind} in the busy window; NaN without a window. */
    double busySeconds(ClusterBenchThreads.Kind kind) {
      return busyThreads == null ? Double.NaN : busyThreads.get(1).secondsSince(busyThreads.get(0), kind);
    }
  }

  /**
   * One run's measurements.
   *
   * @param n analysis workers
   * @param quota each worker's CPUs
   * @param analysed measured articles on lente.analysed
   * @param wallSeconds from the first measured page sent to the last analysed record
   * @param busy the window in which every worker was busy, or null when there was none
   * @param workers each worker's part
   * @param done each measured article analysed
   * @param writerSeconds the writer's CPU seconds; then OpenSearch's, Kafka's, PostgreSQL's and the index
   *     worker's ({@code lente worker index})
   * @param load the 1-minute load average when the measurement started and ended
   * @param moved whether partitions moved between workers during the measurement (a member left the group)
   * @param canaryMs the canary's median CPU milliseconds per pass in the busy window ({@link ClusterBenchCanary}),
   *     NaN without a window or a pass in it
   * @param canaryPasses the canary's passes that ended in the busy window
   */
  record Run(int n, double quota, int analysed, double wallSeconds, Busy busy, List<WorkerPart> workers,
      List<Done> done, double writerSeconds, double opensearchSeconds, double kafkaSeconds, double postgresSeconds,
      double indexerSeconds, double[] load, boolean moved, double canaryMs, int canaryPasses) {
    Run {
      if (n < 1 || quota <= 0 || analysed < 1 || wallSeconds <= 0 || workers.size() != n) {
        throw new IllegalArgumentException("bad run: n=" + n + ", quota=" + quota + ", analysed=" + analysed
            + ", wall=" + wallSeconds + ", workers=" + workers.size());
      }
      workers = List.copyOf(workers);
      done = List.copyOf(done);
      load = load.clone();
      if (canaryPasses < 0 || canaryPasses == 0 != Double.isNaN(canaryMs)) {
        throw new IllegalArgumentException("bad canary: " + canaryMs + " ms, " + canaryPasses + " passes");
      }
    }

    /**
     * How much slower the machine ran a CPU-second of analysis in this run's busy window than in {@code first}'s: the
     * ratio of the canary's CPU per pass ({@link ClusterBenchCanary}); NaN when either has no pass in its window.
     */
    double slowdown(Run first) {
      return canaryMs / first.canaryMs;
    }

    /**
     * {@link #sameWorkEfficiency} at {@code first}'s machine speed: times {@link #slowdown}, since a worker's quota of
     * CPU-seconds does that much less work on a slower machine. A derived figure, which assumes that the canary's
     * work slows as the articles' does.
     */
    double atFirstSpeed(Run first) {
      return sameWorkEfficiency(first) * slowdown(first);
    }

    /** Articles analysed per wall second, from the send to the last one (the idle workers' tail included). */
    double perWallSecond() {
      return analysed / wallSeconds;
    }

    /** X(n): articles analysed per wall second while every worker was busy; NaN without such a window. */
    double throughput() {
      return busy == null ? Double.NaN : busy.perSecond();
    }

    /** {@link #throughput} per second of the workers' quotas. */
    double perQuotaSecond() {
      return throughput() / (n * quota);
    }

    /** X(n) / (n · X(1)), {@code first} being the run with the fewest workers (scaled to one). */
    double efficiency(Run first) {
      return throughput() * first.n / (n * first.throughput());
    }

    /**
     * Each article's CPU seconds in this run, where it can be told: the wall time from its worker's previous
     * article to it, times that worker's CPUs in the busy window (a worker at its quota works without pause). A
     * worker's first article has none (it began before its worker was busy).
     */
    Map<Integer, Double> costs() {
      Map<Integer, Double> costs = new java.util.HashMap<>();
      for (int w = 0; w < n; w++) {
        int worker = w;
        List<Done> own = done.stream().filter(d -> d.worker() == worker).sorted(Comparator.comparingLong(Done::millis))
            .toList();
        for (int k = 1; k < own.size(); k++) {
          costs.put(own.get(k).article(), (own.get(k).millis() - own.get(k - 1).millis()) / 1000.0
              * workers.get(w).busyCpus());
        }
      }
      return costs;
    }

    /**
     * The efficiency on the same work: {@link #efficiency} times the mean cost (in {@code first}, {@link #costs}) of
     * the articles this run analysed in its busy window over the mean cost of those {@code first} analysed in its
     * own. Workers given equal counts finish at different times, so the busy windows of two runs hold different
     * articles, and an article's CPU varies (by several times between articles); this counts each by its cost in
     * the first run. NaN when either window holds no article with a cost.
     */
    double sameWorkEfficiency(Run first) {
      Map<Integer, Double> ref = first.costs();
      return efficiency(first) * meanIn(ref, this) / meanIn(ref, first);
    }

    /** The mean of {@code ref} over the articles {@code run} analysed in its busy window; NaN when none has one. */
    private static double meanIn(Map<Integer, Double> ref, Run run) {
      if (run.busy == null) {
        return Double.NaN;
      }
      return run.done.stream().filter(d -> d.millis() > run.busy.from() && d.millis() <= run.busy.to())
          .map(Done::article).filter(ref::containsKey).mapToDouble(ref::get).average().orElse(Double.NaN);
    }

    /** Each worker's CPU over the whole measurement as a share of its quota for the wall time. */
    List<Double> quotaUsed() {
      return workers.stream().map(w -> w.cpuSeconds() / (wallSeconds * quota)).toList();
    }

    /** Each worker's CPUs in the busy window as a share of its quota (empty without a window). */
    List<Double> busyQuotaUsed() {
      return busy == null ? List.of() : workers.stream().map(w -> w.busyCpus() / quota).toList();
    }

    /** The workers' CPU milliseconds per analysed article over the whole measurement. */
    double analyseMs() {
      return workers.stream().mapToDouble(WorkerPart::cpuSeconds).sum() * 1000 / analysed;
    }

    /** The workers' CPU milliseconds per article analysed in the busy window; NaN without one. */
    double busyAnalyseMs() {
      return busy == null ? Double.NaN
          : workers.stream().mapToDouble(WorkerPart::busyCpus).sum() * busy.seconds() * 1000 / busy.articles();
    }

    /** Each worker's count of partitions, sorted. */
    String partitions() {
      return workers.stream().map(WorkerPart::partitions).sorted().toList().toString();
    }

    /**
     * Why the throughput cannot be trusted, or null: no window in which every worker was busy, a worker used under
     * 90% of its quota in it (it did not get its quota, or waited for something other than its CPU), or partitions
     * moved between workers during the measurement.
     */
    String distrust() {
      if (moved) {
        return "partitions moved between workers during the measurement";
      }
      if (busy == null) {
        return "no window in which every worker was busy";
      }
      return busyQuotaUsed().stream().allMatch(u -> u >= 0.9) ? null
          : "a worker used under 90% of its quota while all were busy";
    }
  }

  private final PostgresServer pg = new PostgresServer();
  private final KafkaServer kafka = new KafkaServer();
  private final OpenSearchServer opensearch = new OpenSearchServer();
  private final Path out;
  private Process canary; // the ClusterBenchCanary, while the runs go on
  /** With {@code --fill}: warm analysing JVMs, stopped, resumed beside a run's workers (see {@link #startFillers}). */
  private final List<Filler> fillers = new ArrayList<>();
  /** With {@code --fill N}: N analysing JVMs at their quota in every measurement, workers and fillers together. */
  private int fill;

  /**
   * A {@link ClusterBenchCanary} that only loads the machine: held to a worker's quota and resumed ({@code SIGCONT})
   * for a measurement whose workers are fewer than {@code --fill}, stopped ({@code SIGSTOP}) otherwise.
   */
  private record Filler(Process process, CpuGroup group) {
    void signal(String sig) throws IOException, InterruptedException {
      Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start();
      if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
        throw new IOException("kill -" + sig + " " + process.pid() + " failed");
      }
    }
  }
  private final Path lente;
  private final List<Process> children = Collections.synchronizedList(new ArrayList<>());
  private final List<CpuGroup> groups = Collections.synchronizedList(new ArrayList<>());
  private final String prefix = "lente-bench-" + ProcessHandle.current().pid() + "-";
  /** The CFS period over which every quota is enforced, in microseconds (the kernel's default: 100 ms). */
  private long periodMicros = 100_000;

  private ClusterBench(Path out, Path lente) {
    this.out = out;
    this.lente = lente;
  }

  public static void main(String[] args) throws Exception {
    try {
      bench(args);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("cluster-scaling: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void bench(String[] args) throws Exception {
    Map<String, String> o = options(args);
    String why = CpuGroup.unavailable();
    if (why != null) {
      System.err.println("cluster-scaling: " + why);
      System.exit(2);
    }
    Path corpus = Path.of(o.getOrDefault("--corpus", "../shared/data/corpus/cl-tls-it"));
    int[] ns = Arrays.stream(o.getOrDefault("--workers", "1,2,4,8").split(",")).mapToInt(Integer::parseInt).toArray();
    double quota = Double.parseDouble(o.getOrDefault("--quota", "0.1"));
    int articles = Integer.parseInt(o.getOrDefault("--articles", "192"));
    int warmup = Integer.parseInt(o.getOrDefault("--warmup", "96")); // per worker
    int repeat = Integer.parseInt(o.getOrDefault("--repeat", "1"));
    int perWorker = Integer.parseInt(o.getOrDefault("--per-worker", "0"));
    long periodMicros = Math.round(Double.parseDouble(o.getOrDefault("--period-ms", "100")) * 1000);
    int fill = Integer.parseInt(o.getOrDefault("--fill", "0"));
    if (periodMicros < 1000 || periodMicros > 1_000_000) {
      throw new IllegalArgumentException("--period-ms: 1 to 1000 (the kernel's bounds for a CFS period): "
          + o.get("--period-ms"));
    }
    for (int n : ns) {
      if (n < 1 || PARTITIONS % n != 0) {
        throw new IllegalArgumentException("--workers: each n must divide " + PARTITIONS + ": " + n);
      }
      if (fill != 0 && n > fill) {
        throw new IllegalArgumentException("--fill " + fill + " is under --workers' " + n + " (0, or at least the "
            + "largest n)");
      }
    }
    if (fill < 0 || fill > 32) {
      throw new IllegalArgumentException("--fill: 0 to 32: " + fill);
    }
    if (quota <= 0 || quota > 64 || articles < 1 || warmup < 1 || repeat < 1 || repeat > 20 || perWorker < 0
        || perWorker > 10_000) {
      throw new IllegalArgumentException("bad --quota, --articles, --warmup, --repeat (1 to 20) or --per-worker (0 to "
          + "10000): " + quota + ", " + articles + ", " + warmup + ", " + repeat + ", " + perWorker);
    }
    if (!Files.isDirectory(corpus)) {
      System.err.println("cluster-scaling: no corpus at " + corpus + " (../shared/data's corpus/cl-tls-it, or --corpus "
          + "DIR: a folder of plain-text articles)");
      System.exit(2);
    }
    List<Path> texts = texts(corpus);
    int maxN = Arrays.stream(ns).max().orElseThrow();
    // the warm-up's texts: --warmup-corpus's, or the corpus's others (never measured either way)
    Path warmupCorpus = o.containsKey("--warmup-corpus") ? Path.of(o.get("--warmup-corpus")) : null;
    if (warmupCorpus != null && !Files.isDirectory(warmupCorpus)) {
      System.err.println("cluster-scaling: no folder at --warmup-corpus " + warmupCorpus);
      System.exit(2);
    }
    int needed = warmupCorpus == null ? articles : 0;
    List<Path> warmupPool = warmupCorpus == null ? texts.subList(Math.min(articles, texts.size()), texts.size())
        : texts(warmupCorpus);
    if (texts.size() < articles || warmupPool.size() < Math.min(warmup, 24)) {
      System.err.println("cluster-scaling: " + corpus + " has " + texts.size() + " texts, and " + warmupPool.size()
          + " are for the warm-up; --articles " + articles + " needs " + (needed + Math.min(warmup, 24))
          + " at least" + (warmupCorpus == null ? "" : " in the corpus and " + Math.min(warmup, 24) + " in " + warmupCorpus));
      System.exit(2);
    }
    if (warmupPool.size() < Math.min(warmup, articles)) { // run G of docs/cluster-bench.md
      System.err.println("cluster-scaling: warning: only " + warmupPool.size() + " texts are for the warm-up, fewer "
          + "than the " + Math.min(warmup, articles) + " it would take to show the workers as varied a warm-up as the "
          + "measured texts: their compilers will keep working through the measurement, and X(n) will fall with n "
          + "for that reason (use fewer --articles, or --warmup-corpus)");
    }
    Path out = Files.createDirectories(Path.of(o.getOrDefault("--out", "target/cluster-bench")));
    ClusterBench bench = new ClusterBench(out, Path.of(o.getOrDefault("--lente", "bin/lente")).toAbsolutePath());
    bench.periodMicros = periodMicros;
    bench.fill = fill;
    say("quotas enforced over " + periodMicros / 1000.0 + " ms periods");
    Runtime.getRuntime().addShutdownHook(new Thread(bench::abandon));
    // measured: the first `articles` texts, the same whatever the warm-up or the runs' n; warm-up texts the others
    // results.md after every run, so that a later run's failure keeps the earlier ones
    List<List<Run>> repeats = bench.run(corpus, warmupPool, warmup, maxN,
        texts.subList(0, articles), perWorker, ns, quota, repeat, done -> {
          try {
            Files.writeString(out.resolve("results.md"), periodLine(periodMicros, fill)
                + reports(done, corpus, warmup, articles, perWorker),
                StandardCharsets.UTF_8);
          } catch (IOException e) {
            say("warning: cannot write " + out.resolve("results.md") + ": " + e.getMessage());
          }
        });
    String report = periodLine(periodMicros, fill) + reports(repeats, corpus, warmup, articles, perWorker);
    System.out.print(report);
    System.exit(0);
  }

  /** The report's first line: the period the quotas were enforced over, and the fillers. */
  private static String periodLine(long periodMicros, int fill) {
    return String.format(Locale.ROOT, "Quotas enforced over CFS periods of %.0f ms.%s%n%n", periodMicros / 1000.0,
        fill == 0 ? "" : " Every measurement ran " + fill + " analysing JVMs at their quota: its n workers and "
            + "fill - n fillers (warm JVMs analysing texts of the warm-up pool over and over, not counted), so that "
            + "the machine is as loaded at n = 1 as at n = " + fill + ".");
  }

  /** The tables of each repeat's runs, where the workers' CPU went, and the summary over the repeats. */
  static String reports(List<List<Run>> repeats, Path corpus, int warmup, int articles, int perWorker) {
    StringBuilder all = new StringBuilder();
    for (int k = 0; k < repeats.size(); k++) {
      all.append(repeats.size() == 1 ? "" : "## Repeat " + (k + 1) + " of " + repeats.size() + "\n\n")
          .append(report(repeats.get(k), corpus, warmup, articles, perWorker)).append('\n');
    }
    return all.append(threadsReport(repeats)).append('\n').append(summary(repeats)).toString();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("usage: ClusterBench [--corpus DIR] [--out DIR] [--workers 1,2,4,8] "
            + "[--quota 0.1] [--articles 192] [--warmup 96] [--repeat 1] [--per-worker 0] [--warmup-corpus DIR] "
            + "[--period-ms 100] [--fill 0] [--lente bin/lente]; bad at " + args[i]);
      }
      o.put(args[i], args[i + 1]);
    }
    return o;
  }

  /** The corpus's article texts ({@code *.txt} outside {@code reference/} folders), in a fixed shuffled order. */
  static List<Path> texts(Path corpus) throws IOException {
    try (Stream<Path> walk = Files.walk(corpus)) {
      List<Path> texts = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".txt") && Files.isRegularFile(p))
          .filter(p -> !corpus.relativize(p).toString().contains("reference")).sorted().toList());
      Collections.shuffle(texts, new Random(16));
      return texts;
    }
  }

  /**
   * The partition of each of {@code sizes}: longest first, dealt to the partitions in turn, back and forth (0 to
   * p−1, then p−1 to 0), so that every partition holds as many pages (one more at most) and nearly the same bytes.
   * Equal counts matter more than equal bytes: an article's CPU is not proportional to its length (a first version
   * balanced bytes alone, and left a worker with 6 long articles beside one with 35 short ones).
   */
  static int[] balance(long[] sizes, int partitions) {
    Integer[] order = new Integer[sizes.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong((Integer i) -> sizes[i]).reversed().thenComparing(i -> i));
    int[] to = new int[sizes.length];
    for (int k = 0; k < order.length; k++) {
      int round = k / partitions;
      int at = k % partitions;
      to[order[k]] = round % 2 == 0 ? at : partitions - 1 - at;
    }
    return to;
  }

  /**
   * The partition of each of {@code perWorker × members} warm-up pages: member {@code j} (in the given order) gets
   * pages {@code j·perWorker} to {@code (j+1)·perWorker − 1}, dealt in turn over its own partitions, so that every
   * worker warms up on as many pages of its own whatever its share of the partitions.
   */
  static int[] dealWarmup(List<List<Integer>> partitionsOfMembers, int perWorker) {
    int[] to = new int[perWorker * partitionsOfMembers.size()];
    for (int j = 0; j < partitionsOfMembers.size(); j++) {
      List<Integer> own = partitionsOfMembers.get(j);
      if (own.isEmpty()) {
        throw new IllegalArgumentException("member " + j + " has no partition");
      }
      for (int k = 0; k < perWorker; k++) {
        to[j * perWorker + k] = own.get(k % own.size());
      }
    }
    return to;
  }

  /** The runs of each repeat, each repeat running every n of {@code ns} in turn. */
  private List<List<Run>> run(Path corpus, List<Path> warmupPool, int warmupPerWorker, int maxN, List<Path> measured,
      int measuredPerWorker, int[] ns, double quota, int repeat,
      java.util.function.Consumer<List<List<Run>>> progress) throws Exception {
    say("starting PostgreSQL, Kafka and OpenSearch (the test servers)");
    pg.startAlone();
    kafka.startAlone();
    opensearch.startAlone();
    try {
      CpuGroup pgGroup = group("postgres");
      pgGroup.addTree(pg.pid());
      CpuGroup kafkaGroup = group("kafka");
      kafkaGroup.addTree(kafka.pid());
      CpuGroup osGroup = group("opensearch");
      osGroup.addTree(opensearch.pid());
      try (Admin admin = kafka.admin()) {
        KafkaTopics.ensure(admin, PARTITIONS);
      }
      List<Path> warmTexts = new ArrayList<>();
      List<String> warmPrefixes = new ArrayList<>();
      for (int j = 0; j < maxN; j++) {
        for (int k = 0; k < warmupPerWorker; k++) {
          warmTexts.add(warmupPool.get((j * warmupPerWorker + k) % warmupPool.size()));
          warmPrefixes.add("warmup/w" + j + "/");
        }
      }
      say(String.format(Locale.ROOT, "%d measured texts; warm-up: %d per worker from %d other texts (the first: %s)%s",
          measured.size(), warmupPerWorker, warmupPool.size(), warmupPool.get(0), warmupPerWorker * maxN > warmupPool.size()
              ? " (cycled: " + maxN + " workers need " + warmupPerWorker * maxN + "; each under its worker's URLs)"
              : ""));
      List<ProducerRecord<String, String>> warm = pages(corpus, warmTexts, warmPrefixes, false);
      startCanary(warmupPool, quota);
      startFillers(warmupPool, quota, fill == 0 ? 0 : fill - Arrays.stream(ns).min().orElseThrow());
      int perWorker = warmupPerWorker;
      // pass p > 0 sends the measured texts again, each under new URLs (new articles), to the same partitions
      List<List<ProducerRecord<String, String>>> passes = new ArrayList<>();
      for (int p = 0; p < passes(maxN, measured.size(), measuredPerWorker); p++) {
        passes.add(pages(corpus, measured, p == 0 ? null : Collections.nCopies(measured.size(), "pass" + p + "/"),
            true));
      }
      List<List<Run>> repeats = new ArrayList<>();
      for (int k = 0; k < repeat; k++) {
        List<Run> runs = new ArrayList<>();
        repeats.add(runs);
        for (int n : ns) {
          String label = repeat == 1 ? "n" + n : "r" + (k + 1) + "-n" + n;
          List<ProducerRecord<String, String>> pages = new ArrayList<>();
          passes.subList(0, passes(n, measured.size(), measuredPerWorker)).forEach(pages::addAll);
          Run r = runOnce(label, n, quota, warm.subList(0, perWorker * n), perWorker, pages, pgGroup, kafkaGroup,
              osGroup);
          runs.add(r);
          progress.accept(repeats);
        say(String.format(Locale.ROOT, "n=%d: %d articles in %.1f s; all busy %.1f s, %d articles: %.3f/s, %.2f per "
            + "quota-second, efficiency %.2f (%.2f on the same work), analyse %.0f ms per article, quota used %s, "
            + "throttled %s; writer %.1f ms per article; load %.1f -> %.1f", n, r.analysed, r.wallSeconds,
            r.busy == null ? 0 : r.busy.seconds(), r.busy == null ? 0 : r.busy.articles(), r.throughput(),
            r.perQuotaSecond(), r.efficiency(runs.get(0)), r.sameWorkEfficiency(runs.get(0)), r.busyAnalyseMs(),
            range(r.busyQuotaUsed(), 100, "%"), range(r.workers.stream().map(w -> w.busyThrottling().share()).toList(),
                100, "%"), r.writerSeconds * 1000 / r.analysed, r.load[0], r.load[1]));
        }
      }
      return repeats;
    } finally {
      if (canary != null) {
        stop(canary);
      }
      for (Filler f : fillers) {
        f.signal("CONT"); // a stopped JVM would not see the SIGTERM
        stop(f.process());
      }
      opensearch.stopAlone();
      kafka.stopAlone();
      pg.stopAlone();
      closeGroups();
    }
  }

  /**
   * How many times a run of {@code n} workers is sent the {@code articles} measured texts: enough for each worker to
   * get {@code perWorker} of them on average (each pass after the first under new URLs, so new articles), and at
   * least once. {@code perWorker} 0 sends them once whatever {@code n}. A worker's busy window then holds about as
   * many articles at n = 8 as at n = 4: the heavy tail of an article's CPU and what each JVM still compiles after its
   * warm-up are spread over as many articles a worker, instead of over fewer the more workers there are.
   */
  static int passes(int n, int articles, int perWorker) {
    if (n < 1 || articles < 1 || perWorker < 0) {
      throw new IllegalArgumentException("bad n, articles or perWorker: " + n + ", " + articles + ", " + perWorker);
    }
    return Math.max(1, (int) Math.ceilDiv((long) perWorker * n, articles));
  }

  /** Where the canary writes its passes. */
  private Path canaryOut() {
    return out.resolve("canary.tsv");
  }

  /**
   * Starts the {@link ClusterBenchCanary} in a group of its own, on the two texts of {@code pool} nearest its median
   * size, waits for its warm-up (without a quota, at most {@link #IDLE_LIMIT}), then holds it to {@code quota} for the
   * rest of the bench, beside every run's workers. It is stopped with the bench's other children.
   */
  private void startCanary(List<Path> pool, double quota) throws Exception {
    List<Path> bySize = new ArrayList<>(pool);
    Map<Path, Long> sizes = new java.util.HashMap<>();
    for (Path p : bySize) {
      sizes.put(p, Files.size(p));
    }
    bySize.sort(Comparator.comparingLong(sizes::get));
    int mid = bySize.size() / 2;
    List<Path> texts = bySize.subList(Math.max(0, mid - 1), Math.min(bySize.size(), mid + 1));
    CpuGroup g = group("canary");
    Process p = startAnalysing(g, "canary", CANARY_WARM, texts);
    canary = p;
    say("canary: warming up on " + texts.stream().map(t -> t.getFileName() + " (" + sizes.get(t) + " bytes)").toList()
        + ", " + CANARY_WARM + " passes");
    if (!awaitWarm(p, "canary", System.nanoTime() + IDLE_LIMIT.toNanos())) {
      say("warning: the canary is still warming up after " + IDLE_LIMIT.toMinutes() + " min; held to its quota now");
    }
    g.limit(quota, periodMicros);
    say("canary: warm, held to " + quota + " CPU over " + periodMicros / 1000 + " ms periods");
  }

  /**
   * Starts {@code count} fillers, each a {@link ClusterBenchCanary} on its own eight texts of {@code pool}, waits for
   * their warm-up (without a quota, all at once, at most {@link #IDLE_LIMIT}), then stops them and holds each to
   * {@code quota}: a run of n workers resumes {@code fill - n} of them for its measurement ({@link #resumeFillers}).
   */
  private void startFillers(List<Path> pool, double quota, int count) throws Exception {
    for (int k = 0; k < count; k++) {
      CpuGroup g = group("filler" + k);
      List<Path> texts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        texts.add(pool.get((k * 8 + i) % pool.size()));
      }
      fillers.add(new Filler(startAnalysing(g, "filler" + k, FILLER_WARM, texts), g));
    }
    if (count == 0) {
      return;
    }
    say("fillers: " + count + " warming up, " + FILLER_WARM + " passes over 8 texts each");
    long until = System.nanoTime() + IDLE_LIMIT.toNanos();
    for (int k = 0; k < count; k++) {
      if (!awaitWarm(fillers.get(k).process(), "filler" + k, until)) {
        say("warning: filler " + k + " is still warming up after " + IDLE_LIMIT.toMinutes() + " min");
      }
    }
    for (Filler f : fillers) {
      f.signal("STOP");
      f.group().limit(quota, periodMicros);
    }
    say("fillers: warm, stopped, each held to " + quota + " CPU when resumed");
  }

  /**
   * Starts a {@link ClusterBenchCanary} in {@code group} on {@code texts}, {@code warm} passes before it records:
   * its passes go to {@code OUT/NAME.tsv}, its output to {@code OUT/NAME.log}.
   */
  private Process startAnalysing(CpuGroup group, String name, int warm, List<Path> texts) throws IOException {
    Path tsv = out.resolve(name + ".tsv");
    Files.deleteIfExists(tsv);
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
        "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        ClusterBenchCanary.class.getName(), tsv.toString(), Integer.toString(warm)));
    texts.forEach(t -> command.add(t.toAbsolutePath().toString()));
    return startCommand(group, out.resolve(name + ".log"), command);
  }

  /**
   * Waits until {@link #startAnalysing}'s JVM {@code name} wrote {@link ClusterBenchCanary#WARM}; false when
   * {@code until} ({@link System#nanoTime}) came first.
   *
   * @throws IOException when it ended
   */
  private boolean awaitWarm(Process p, String name, long until) throws IOException, InterruptedException {
    Path tsv = out.resolve(name + ".tsv");
    while (!Files.exists(tsv) || !Files.readString(tsv, StandardCharsets.UTF_8).startsWith(ClusterBenchCanary.WARM)) {
      if (!p.isAlive()) {
        throw new IOException(name + " ended (exit " + p.exitValue() + "); see " + out.resolve(name + ".log"));
      }
      if (System.nanoTime() > until) {
        return false;
      }
      Thread.sleep(500);
    }
    return true;
  }

  /** Resumes the fillers a run of {@code n} workers needs beside it; returns them (none without {@code --fill}). */
  private List<Filler> resumeFillers(int n) throws IOException, InterruptedException {
    List<Filler> on = fill == 0 ? List.of() : fillers.subList(0, fill - n);
    for (Filler f : on) {
      f.signal("CONT");
    }
    return on;
  }

  /**
   * The pages of {@code texts} as lente.pages records: measured ones balanced, warm-up ones round-robin (dealt again
   * to the workers' own partitions by {@link #dealWarmup} in each run).
   */
  static List<ProducerRecord<String, String>> pages(Path corpus, List<Path> texts, List<String> prefixes,
      boolean balanced) throws IOException {
    long[] sizes = new long[texts.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = Files.size(texts.get(i));
    }
    int[] partition = balanced ? balance(sizes, PARTITIONS) : null;
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Path text = texts.get(i); // a warm-up text of --warmup-corpus is named by its file alone (unique in its folder)
      String name = text.isAbsolute() == corpus.isAbsolute() && text.startsWith(corpus)
          ? corpus.relativize(text).toString() : text.getFileName().toString();
      String url = "https://bench.lente.invalid/" + (prefixes == null ? "" : prefixes.get(i)) + name.replace('\\', '/');
      Page page = new Page(url, Files.readAllBytes(texts.get(i)), "text/plain; charset=utf-8", url, List.of());
      int to = balanced ? partition[i] : i % PARTITIONS;
      KafkaMessages.FetchedPage fp = new KafkaMessages.FetchedPage(page, balanced ? new Measured(to, i).origin()
          : "bench warm-up");
      records.add(new ProducerRecord<>(KafkaTopics.PAGES, to, fp.key(), KafkaMessages.write(fp)));
    }
    return records;
  }

  private Run runOnce(String label, int n, double quota, List<ProducerRecord<String, String>> warmPages,
      int warmPerWorker,
      List<ProducerRecord<String, String>> pages, CpuGroup pgGroup, CpuGroup kafkaGroup, CpuGroup osGroup)
      throws Exception {
    Path dir = Files.createDirectories(out.resolve(label));
    String db = pg.newMigratedDatabase();
    Path cluster = pg.clusterFile(dir, db);
    Files.writeString(cluster, "kafka.bootstrap=" + kafka.bootstrap() + "\nopensearch.url=" + opensearch.url() + "\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    opensearch.deleteIndices(org.lente.index.OpenSearchIndex.ALIAS);
    TopicPartition analysedTp = new TopicPartition(KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION);
    try (Connection c = DriverManager.getConnection(db, PostgresServer.USER, null)) {
      // the new database's writer starts at the topic's end: earlier runs' records are not its articles
      AppliedOffsets.record(c, KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION, kafka.ends(KafkaTopics.ANALYSED)
          .get(analysedTp));
    }
    String group = "bench-analyse-" + n + "-" + System.currentTimeMillis();
    kafka.startAtEnd(group, KafkaTopics.PAGES);

    CpuGroup writerGroup = group(label + "-writer");
    Process writer = start(writerGroup, dir.resolve("writer.log"), "worker", "write", "--cluster",
        cluster.toString());
    // since 2713437 the writer leaves the index to `lente worker index` (the store's unindexed articles)
    CpuGroup indexerGroup = group(label + "-indexer");
    Process indexer = start(indexerGroup, dir.resolve("indexer.log"), "worker", "index", "--cluster",
        cluster.toString());
    List<CpuGroup> workerGroups = new ArrayList<>();
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CpuGroup g = group(label + "-worker" + i);
      workerGroups.add(g);
      workers.add(start(g, dir.resolve("worker" + i + ".log"), "worker", "analyse", "--cluster",
          cluster.toString(), "--group", group));
    }
    BooleanSupplier alive = () -> writer.isAlive() && indexer.isAlive() && workers.stream().allMatch(Process::isAlive);
    try (Admin admin = kafka.admin(); Connection c = DriverManager.getConnection(db, PostgresServer.USER, null);
        KafkaProducer<String, String> producer = producer()) {
      // every worker holds its share before the warm-up, and gets warmPerWorker pages on its own partitions
      assignment(admin, group, n);
      Map<String, List<TopicPartition>> before = members(admin, group);
      List<List<Integer>> own = before.values().stream()
          .map(tps -> tps.stream().filter(tp -> tp.topic().equals(KafkaTopics.PAGES)).map(TopicPartition::partition)
              .toList()).toList();
      int[] to = dealWarmup(own, warmPerWorker);
      List<ProducerRecord<String, String>> warm = new ArrayList<>();
      for (int i = 0; i < to.length; i++) {
        ProducerRecord<String, String> r = warmPages.get(i);
        warm.add(new ProducerRecord<>(r.topic(), to[i], r.key(), r.value()));
      }
      say("n=" + n + ": warm-up, " + warmPerWorker + " articles per worker (" + warm.size()
          + " in all) without a quota");
      send(producer, warm);
      awaitDone(admin, group, c, alive, dir);
      assignment(admin, group, n);
      Map<String, List<TopicPartition>> members = members(admin, group);
      if (!members.equals(before)) {
        say("warning: partitions moved during the warm-up; a worker may have had fewer than " + warmPerWorker
            + " warm-up articles");
      }

      double[] settle = awaitCompilersIdle(n, workers, dir);
      for (CpuGroup g : workerGroups) {
        g.limit(quota, periodMicros);
      }
      long analysedFrom = kafka.ends(KafkaTopics.ANALYSED).get(analysedTp);
      long[] serviceStart = {writerGroup.usageNanos(), osGroup.usageNanos(), kafkaGroup.usageNanos(),
          pgGroup.usageNanos(), indexerGroup.usageNanos()};
      double loadStart = load();
      List<Filler> on = resumeFillers(n);
      long[] fillerStart = new long[on.size()];
      for (int i = 0; i < on.size(); i++) {
        fillerStart[i] = on.get(i).group().usageNanos();
      }
      say("n=" + n + ": measuring, " + pages.size() + " articles, each worker at " + quota + " CPU"
          + (on.isEmpty() ? "" : ", " + on.size() + " fillers beside them"));
      List<List<CpuGroup.Reading>> readings;
      long t0;
      List<List<ClusterBenchThreads.Reading>> threads;
      try (Readings r = new Readings(workerGroups, workers.stream().map(Process::pid).toList())) {
        t0 = System.currentTimeMillis();
        send(producer, pages);
        awaitAnalysed(admin, group, alive, dir);
        readings = r.stop();
        threads = r.threads();
      }
      double seconds = (System.currentTimeMillis() - t0) / 1000.0;
      List<String> fillerUse = new ArrayList<>();
      for (int i = 0; i < on.size(); i++) {
        on.get(i).signal("STOP");
        fillerUse.add(Math.round(100 * (on.get(i).group().usageNanos() - fillerStart[i]) / 1e9 / seconds / quota)
            + "%");
      }
      if (!on.isEmpty()) {
        say("n=" + n + ": fillers' quota used over the measurement " + fillerUse);
      }
      double loadEnd = load();
      boolean moved = !members.equals(members(admin, group));
      long analysedTo = kafka.ends(KafkaTopics.ANALYSED).get(analysedTp);
      int analysed = (int) (analysedTo - analysedFrom);
      List<ConsumerRecord<String, String>> records = kafka.read(Map.of(analysedTp, analysedFrom),
          got -> got.size() >= analysed, Duration.ofMinutes(2));
      long last = records.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
      awaitWritten(c, analysedTo, alive, dir);
      long[] serviceEnd = {writerGroup.usageNanos(), osGroup.usageNanos(), kafkaGroup.usageNanos(),
          pgGroup.usageNanos(), indexerGroup.usageNanos()};
      int[] owner = owners(members, workers.stream().map(Process::pid).toList());
      List<List<Long>> completions = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        completions.add(new ArrayList<>());
      }
      List<Done> done = new ArrayList<>();
      StringBuilder tsv = new StringBuilder("article\tpartition\tworker\tms after the send\n");
      for (ConsumerRecord<String, String> r : records) {
        Measured m = Measured.parse(KafkaMessages.read(r.value(), KafkaMessages.AnalysedArticle.class).origin());
        if (owner[m.partition()] < 0) {
          throw new IOException("article " + m.article() + " came from partition " + m.partition() + ", held by no "
              + "worker");
        }
        done.add(new Done(m.article(), owner[m.partition()], r.timestamp()));
        completions.get(owner[m.partition()]).add(r.timestamp());
        tsv.append(m.article()).append('\t').append(m.partition()).append('\t').append(owner[m.partition()])
            .append('\t').append(r.timestamp() - t0).append('\n');
      }
      Files.writeString(dir.resolve("done.tsv"), tsv, StandardCharsets.UTF_8);
      Busy busy = Busy.of(completions);
      double[] canary = busy == null ? new double[] {Double.NaN, 0}
          : ClusterBenchCanary.Pass.medianMs(ClusterBenchCanary.Pass.read(canaryOut()), busy.from(), busy.to());
      List<WorkerPart> parts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int worker = i;
        List<CpuGroup.Reading> rs = readings.get(i);
        CpuGroup.Reading first = rs.get(0);
        CpuGroup.Reading end = rs.get(rs.size() - 1);
        double busyCpus = 0;
        CpuGroup.Throttling busyThrottling = new CpuGroup.Throttling(0, 0, 0);
        List<ClusterBenchThreads.Reading> busyThreads = null;
        List<Long> times = completions.get(i);
        int busyArticles = 0;
        if (busy != null) {
          CpuGroup.Reading[] around = WorkerPart.around(rs, busy.from(), busy.to());
          busyCpus = around[1].cpusSince(around[0]);
          busyThrottling = around[1].throttling().since(around[0].throttling());
          busyThreads = WorkerPart.aroundOf(threads.get(i), ClusterBenchThreads.Reading::millis, busy.from(),
              busy.to());
          busyArticles = (int) times.stream().filter(t -> t > busy.from() && t <= busy.to()).count();
        }
        parts.add(new WorkerPart((int) java.util.stream.IntStream.range(0, PARTITIONS).filter(p -> owner[p] == worker)
            .count(), times.size(), times.isEmpty() ? Double.NaN : (Collections.min(times) - t0) / 1000.0,
            times.isEmpty() ? Double.NaN : (Collections.max(times) - t0) / 1000.0,
            (end.usageNanos() - first.usageNanos()) / 1e9, busyCpus, busyThrottling, busyArticles, busyThreads,
            settle[i]));
      }
      return new Run(n, quota, analysed, (last - t0) / 1000.0, busy, parts, done,
          (serviceEnd[0] - serviceStart[0]) / 1e9, (serviceEnd[1] - serviceStart[1]) / 1e9,
          (serviceEnd[2] - serviceStart[2]) / 1e9, (serviceEnd[3] - serviceStart[3]) / 1e9,
          (serviceEnd[4] - serviceStart[4]) / 1e9, new double[] {loadStart, loadEnd}, moved, canary[0],
          (int) canary[1]);
    } finally {
      for (Process p : workers) {
        stop(p);
      }
      stop(writer);
      stop(indexer);
      for (CpuGroup g : workerGroups) {
        closeGroup(g);
      }
      closeGroup(writerGroup);
      closeGroup(indexerGroup);
    }
  }

  /**
   * Whether every worker's compiler is idle: in each of {@code histories} (a worker's thread readings in time order,
   * the latest last), its compiler threads used at most {@link #IDLE_CPUS} CPUs from the latest reading at least
   * {@link #IDLE_OVER} before the last to the last. False while a history spans less.
   */
  static boolean compilersIdle(List<List<ClusterBenchThreads.Reading>> histories) {
    for (List<ClusterBenchThreads.Reading> h : histories) {
      if (h.isEmpty()) {
        return false;
      }
      ClusterBenchThreads.Reading last = h.get(h.size() - 1);
      ClusterBenchThreads.Reading from = null;
      for (ClusterBenchThreads.Reading r : h) {
        if (last.millis() - r.millis() >= IDLE_OVER.toMillis()) {
          from = r;
        }
      }
      if (from == null || last.secondsSince(from, ClusterBenchThreads.Kind.COMPILER) * 1000
          > IDLE_CPUS * (last.millis() - from.millis())) {
        return false;
      }
    }
    return true;
  }

  /**
   * After a warm-up: waits, reading the workers' threads every second, until every worker's compiler is idle
   * ({@link #compilersIdle}), so that compiling the warm-up asked for is not charged to the measured window's quota
   * (n JVMs warmed up at once on a few cores still compile after their last warm-up article). At most
   * {@link #IDLE_LIMIT}, then a warning. Gives each worker's compiler CPU seconds meanwhile.
   */
  private double[] awaitCompilersIdle(int n, List<Process> workers, Path dir) throws Exception {
    List<List<ClusterBenchThreads.Reading>> histories = new ArrayList<>();
    for (Process w : workers) {
      histories.add(new ArrayList<>(List.of(ClusterBenchThreads.read(w.pid()))));
    }
    long start = System.nanoTime();
    while (!compilersIdle(histories)) {
      if (System.nanoTime() - start > IDLE_LIMIT.toNanos()) {
        say("warning: n=" + n + ": a worker's compiler still busy " + IDLE_LIMIT.toMinutes() + " minutes after the "
            + "warm-up; measuring anyway (logs in " + dir + ")");
        break;
      }
      Thread.sleep(1000);
      for (int i = 0; i < workers.size(); i++) {
        histories.get(i).add(ClusterBenchThreads.read(workers.get(i).pid()));
      }
    }
    double[] settle = new double[workers.size()];
    StringBuilder each = new StringBuilder();
    for (int i = 0; i < settle.length; i++) {
      List<ClusterBenchThreads.Reading> h = histories.get(i);
      settle[i] = h.get(h.size() - 1).secondsSince(h.get(0), ClusterBenchThreads.Kind.COMPILER);
      each.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", settle[i]));
    }
    say(String.format(Locale.ROOT, "n=%d: compilers idle %.0f s after the warm-up; each worker's compiler CPU s "
        + "meanwhile: %s", n, (System.nanoTime() - start) / 1e9, each));
    return settle;
  }

  /**
   * The worker (an index of {@code workers}, their process ids) holding each partition of lente.pages, by the client
   * id each worker's consumer gives itself ({@code GROUP-PID}, {@link KafkaWorker}); −1 for a partition no worker
   * holds.
   *
   * @throws IOException when a member is none of the workers
   */
  static int[] owners(Map<String, List<TopicPartition>> members, List<Long> workers) throws IOException {
    int[] owner = new int[PARTITIONS];
    Arrays.fill(owner, -1);
    for (Map.Entry<String, List<TopicPartition>> m : members.entrySet()) {
      int worker = -1;
      for (int i = 0; i < workers.size(); i++) {
        if (m.getKey().endsWith("-" + workers.get(i))) {
          worker = i;
        }
      }
      if (worker < 0) {
        throw new IOException("the group's member " + m.getKey() + " is none of the workers started");
      }
      for (TopicPartition tp : m.getValue()) {
        owner[tp.partition()] = worker;
      }
    }
    return owner;
  }

  /**
   * Reads groups' counters every {@link #READ_EVERY} in a thread of its own, from its making (the first reading) to
   * {@link #stop} (the last): each worker's CPU and throttling at any moment of a measurement, to within a reading;
   * and every {@link #THREADS_EVERY} readings its JVM's CPU by kind of thread ({@link ClusterBenchThreads}).
   */
  private static final class Readings implements AutoCloseable {
    private final List<CpuGroup> groups;
    private final List<Long> pids;
    private final List<List<CpuGroup.Reading>> readings = new ArrayList<>();
    private final List<List<ClusterBenchThreads.Reading>> threads = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile IOException failed;

    /** {@code pids}: each group's JVM, in the same order. */
    Readings(List<CpuGroup> groups, List<Long> pids) throws IOException {
      if (groups.size() != pids.size()) {
        throw new IllegalArgumentException(groups.size() + " groups, " + pids.size() + " processes");
      }
      this.groups = List.copyOf(groups);
      this.pids = List.copyOf(pids);
      for (int i = 0; i < groups.size(); i++) {
        readings.add(new ArrayList<>());
        threads.add(new ArrayList<>());
      }
      read(true);
      thread = Thread.ofPlatform().daemon().name("cluster-bench-readings").start(this::loop);
    }

    private void read(boolean withThreads) throws IOException {
      for (int i = 0; i < groups.size(); i++) {
        readings.get(i).add(groups.get(i).reading());
        if (withThreads) {
          threads.get(i).add(ClusterBenchThreads.read(pids.get(i)));
        }
      }
    }

    private void loop() {
      try {
        for (long k = 1; !stopped; k++) {
          Thread.sleep(READ_EVERY);
          read(k % THREADS_EVERY == 0);
        }
      } catch (IOException e) {
        failed = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Stops reading, reads once more, and gives each group's readings in time order. */
    List<List<CpuGroup.Reading>> stop() throws IOException, InterruptedException {
      stopped = true;
      thread.join();
      if (failed != null) {
        throw failed;
      }
      read(true);
      return readings.stream().map(List::copyOf).toList();
    }

    /** After {@link #stop}: each JVM's thread readings in time order. */
    List<List<ClusterBenchThreads.Reading>> threads() {
      return threads.stream().map(List::copyOf).toList();
    }

    @Override
    public void close() throws InterruptedException {
      stopped = true;
      thread.join();
    }
  }

  /** A new group of the bench, weighed {@link #SHARES}. */
  private CpuGroup group(String name) throws IOException {
    CpuGroup g = CpuGroup.create(prefix + name);
    groups.add(g);
    g.weigh(SHARES);
    return g;
  }

  private void closeGroup(CpuGroup g) {
    try {
      g.close();
      groups.remove(g);
    } catch (IOException e) {
      say("warning: " + e.getMessage());
    }
  }

  /**
   * Starts {@code bin/lente ARGS} (with its own JVM options, as a user runs it) inside {@code group} from its first
   * instruction, its output to {@code log}.
   */
  private Process start(CpuGroup group, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(lente.toString()));
    command.addAll(List.of(args));
    return startCommand(group, log, command);
  }

  /** Starts {@code command} inside {@code group} from its first instruction, its output to {@code log}. */
  private Process startCommand(CpuGroup group, Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of("sh", "-c", group.enterAndExec()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("LENTE_JAVA_OPTS");
    Process p = pb.start();
    children.add(p);
    return p;
  }

  /** SIGTERM (the worker commits and leaves its group), a kill after 60 s. */
  private void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
    children.remove(p);
  }

  /** On an early exit (an error, Ctrl-C): kills the children, stops the servers and removes the groups. */
  private void abandon() {
    for (Process p : List.copyOf(children)) {
      p.destroyForcibly();
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return;
      }
    }
    if (!groups.isEmpty()) { // the servers are members: stop them first (their own hooks may be doing so too)
      for (ServerStop s : List.<ServerStop>of(opensearch::stopAlone, kafka::stopAlone, pg::stopAlone)) {
        try {
          s.stop();
        } catch (IOException | RuntimeException e) { // not started, or stopped already
        }
      }
    }
    closeGroups();
  }

  @FunctionalInterface
  private interface ServerStop {
    void stop() throws IOException;
  }

  private void closeGroups() {
    for (CpuGroup g : List.copyOf(groups)) {
      closeGroup(g);
    }
  }

  private KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(KafkaTopics.MAX_MESSAGE_BYTES));
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, List<ProducerRecord<String, String>> records)
      throws Exception {
    List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
    for (ProducerRecord<String, String> r : records) {
      acks.add(producer.send(r));
    }
    for (var a : acks) {
      a.get(60, TimeUnit.SECONDS);
    }
  }

  /** Waits until the workers committed every page, the writer applied every analysed record and indexed it. */
  private void awaitDone(Admin admin, String group, Connection c, BooleanSupplier alive, Path dir) throws Exception {
    awaitAnalysed(admin, group, alive, dir);
    awaitWritten(c, kafka.ends(KafkaTopics.ANALYSED).get(new TopicPartition(KafkaTopics.ANALYSED,
        KnowledgeWriter.PARTITION)), alive, dir);
  }

  private void awaitAnalysed(Admin admin, String group, BooleanSupplier alive, Path dir) throws Exception {
    await("the analysis workers to commit every page", () -> {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, Long> end : kafka.ends(KafkaTopics.PAGES).entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        if (at == null || at.offset() < end.getValue()) {
          return false;
        }
      }
      return true;
    }, alive, dir);
  }

  private void awaitWritten(Connection c, long analysedEnd, BooleanSupplier alive, Path dir) throws Exception {
    await("the writer to apply and index every analysed article (offset " + analysedEnd + ")", () -> {
      if (AppliedOffsets.read(c, KafkaTopics.ANALYSED).getOrDefault(KnowledgeWriter.PARTITION, 0L) < analysedEnd) {
        return false;
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM articles WHERE indexed_version < version")) {
        rs.next();
        return rs.getLong(1) == 0;
      }
    }, alive, dir);
  }

  @FunctionalInterface
  private interface Check {
    boolean done() throws Exception;
  }

  private void await(String what, Check check, BooleanSupplier alive, Path dir) throws Exception {
    long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
    while (!check.done()) {
      if (!alive.getAsBoolean()) {
        throw new IOException("a worker or the writer exited while waiting for " + what + "; logs in " + dir);
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("waited " + PHASE_LIMIT.toMinutes() + " minutes for " + what + "; logs in " + dir);
      }
      Thread.sleep(250);
    }
  }

  /** Each worker's count of partitions, sorted; waits up to 5 minutes for {@code n} members of equal shares. */
  private static String assignment(Admin admin, String group, int n) throws Exception {
    String shares = "";
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    do {
      ConsumerGroupDescription d;
      try {
        d = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
          throw e;
        }
        Thread.sleep(500); // no member joined yet: the group is only its committed offsets
        continue;
      }
      List<Integer> counts = d.members().stream().map(MemberDescription::assignment)
          .map(a -> (int) a.topicPartitions().stream().filter(tp -> tp.topic().equals(KafkaTopics.PAGES)).count())
          .sorted().toList();
      shares = counts.toString();
      if (counts.size() == n && counts.stream().allMatch(c -> c == PARTITIONS / n)) {
        return shares;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    say("warning: the group's partitions per worker are " + shares + ", not " + n + " equal shares");
    return shares;
  }

  /** Each member's partitions, sorted, by client id ({@code GROUP-PID}: the worker's process). */
  private static Map<String, List<TopicPartition>> members(Admin admin, String group) throws Exception {
    Map<String, List<TopicPartition>> members = new java.util.TreeMap<>();
    for (MemberDescription m : admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS)
        .get(group).members()) {
      members.put(m.clientId(), m.assignment().topicPartitions().stream()
          .sorted(Comparator.comparing(TopicPartition::toString)).toList());
    }
    return members;
  }

  private static double load() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private static void say(String line) {
    System.err.println("cluster-scaling: " + Instant.now().toString().substring(11, 19) + " " + line);
  }

  /** The Markdown tables of {@code runs}. */
  static String report(List<Run> runs, Path corpus, int warmup, int articles, int perWorker) { // warmup: per worker
    Run first = runs.get(0);
    StringBuilder s = new StringBuilder();
    String sent = runs.stream().filter(r -> passes(r.n, articles, perWorker) > 1)
        .map(r -> "n = " + r.n + ": " + passes(r.n, articles, perWorker) + " times").toList().toString();
    s.append(String.format(Locale.ROOT, "%d measured articles%s (after %d per worker for warm-up, on its own "
        + "partitions, without a quota) of %s, %d partitions; each worker held to %s CPU. X(n) is measured while "
        + "every worker was busy: from the last worker's first analysed article to the first worker's last one%n%n",
        articles, sent.equals("[]") ? "" : " (sent again under new URLs for " + perWorker + " a worker at least: "
            + sent.substring(1, sent.length() - 1) + ")", warmup, corpus, PARTITIONS, first.quota));
    s.append(("| n | CPU quota in all | all busy: s | articles | X(n) articles/s | per quota-second | efficiency "
        + "X(n)/(n·X(%1$d)) | the same, each article counted by its CPU at n = %1$d | analysis CPU ms per article | "
        + "quota used per worker | throttled periods per worker | whole run: wall s, articles/s | partitions per "
        + "worker | load average start → end | canary CPU ms per pass (passes) | the same work at n = %1$d's machine "
        + "speed | trusted |%n")
        .formatted(first.n));
    s.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Run r : runs) {
      s.append(String.format(Locale.ROOT, "| %d | %.2f | %.1f | %d | %.3f | %.2f | %.2f | %.2f | %.0f | %s | %s "
          + "| %.1f, %.3f | %s | %.1f → %.1f | %.1f (%d) | %.2f | %s |%n", r.n, r.n * r.quota, r.busy == null ? 0 : r.busy.seconds(),
          r.busy == null ? 0 : r.busy.articles(), r.throughput(), r.perQuotaSecond(), r.efficiency(first),
          r.sameWorkEfficiency(first), r.busyAnalyseMs(), range(r.busyQuotaUsed(), 100, "%"), range(r.workers.stream()
              .map(w -> w.busyThrottling().share()).toList(), 100, "%"), r.wallSeconds, r.perWallSecond(),
          r.partitions(), r.load[0], r.load[1], r.canaryMs, r.canaryPasses, r.atFirstSpeed(first),
          r.distrust() == null ? "yes" : "no: " + r.distrust()));
    }
    s.append(String.format(Locale.ROOT, "%nAn article's analysis CPU at n = %d (%s)%n", first.n,
        spread(first.costs())));
    s.append("\nEach worker (seconds after the send; CPU from its group's cpuacct.usage, throttling from its "
        + "cpu.stat):\n\n| n | worker | partitions | articles | first done s | last done s | CPU s, whole run | "
        + "quota used, whole run | quota used, all busy | throttled periods, all busy |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (Run r : runs) {
      for (int i = 0; i < r.n; i++) {
        WorkerPart w = r.workers.get(i);
        s.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %.1f | %.2f | %.0f%% | %s | %s |%n", r.n, i,
            w.partitions(), w.articles(), w.first(), w.last(), w.cpuSeconds(), 100 * r.quotaUsed().get(i),
            r.busy == null ? "-" : Math.round(100 * w.busyCpus() / r.quota) + "%",
            r.busy == null ? "-" : Math.round(100 * w.busyThrottling().share()) + "%"));
      }
    }
    s.append("\nCPU milliseconds per article, by stage (from each group's cpuacct.usage over the whole measurement, "
        + "idle time included):\n\n");
    s.append("| n | analyse (extract + analyse, the workers) | write (the writer) | index worker | OpenSearch | Kafka "
        + "| PostgreSQL | all |\n|---|---|---|---|---|---|---|---|\n");
    for (Run r : runs) {
      double a = r.analyseMs();
      double w = r.writerSeconds * 1000 / r.analysed;
      double i = r.opensearchSeconds * 1000 / r.analysed;
      double k = r.kafkaSeconds * 1000 / r.analysed;
      double p = r.postgresSeconds * 1000 / r.analysed;
      double x = r.indexerSeconds * 1000 / r.analysed;
      s.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |%n", r.n, a, w, x, i,
          k, p, a + w + x + i + k + p));
    }
    return s.toString();
  }

  /**
   * Where each worker's CPU went while every worker was busy, by kind of thread ({@link ClusterBenchThreads}): per
   * run, the workers' CPU milliseconds per article in the window, and per worker its seconds and its share of its
   * quota there; with each worker's compiler CPU between the warm-up's end and the measurement (what the measurement
   * would have paid before the bench waited for idle compilers).
   */
  static String threadsReport(List<List<Run>> repeats) {
    ClusterBenchThreads.Kind[] kinds = ClusterBenchThreads.Kind.values();
    StringBuilder s = new StringBuilder("Where the workers' CPU went while all were busy, by thread (from "
        + "/proc/PID/task/*/stat, read every half second; milliseconds per article analysed in the window):\n\n"
        + kindsHeader(List.of("repeat", "n", "articles in the window"), "",
            List.of("all threads", "compiler CPU s after the warm-up, per worker")));
    for (int r = 0; r < repeats.size(); r++) {
      for (Run run : repeats.get(r)) {
        if (run.busy == null) {
          continue;
        }
        s.append(String.format(Locale.ROOT, "| %d | %d | %d |", r + 1, run.n, run.busy.articles()));
        double all = 0;
        for (ClusterBenchThreads.Kind k : kinds) {
          double ms = run.workers.stream().mapToDouble(w -> w.busySeconds(k)).sum() * 1000 / run.busy.articles();
          all += ms;
          s.append(String.format(Locale.ROOT, " %.1f |", ms));
        }
        s.append(String.format(Locale.ROOT, " %.1f | %.2f–%.2f |%n", all,
            run.workers.stream().mapToDouble(WorkerPart::settle).min().orElseThrow(),
            run.workers.stream().mapToDouble(WorkerPart::settle).max().orElseThrow()));
      }
    }
    s.append("\nEach worker, the same window: CPU seconds by thread, and the share of its quota × the window\n\n"
        + kindsHeader(List.of("repeat", "n", "worker", "articles in the window"), ": s, quota share",
            List.of("main ms per article")));
    for (int r = 0; r < repeats.size(); r++) {
      for (Run run : repeats.get(r)) {
        if (run.busy == null) {
          continue;
        }
        for (int i = 0; i < run.n; i++) {
          WorkerPart w = run.workers.get(i);
          s.append(String.format(Locale.ROOT, "| %d | %d | %d | %d |", r + 1, run.n, i, w.busyArticles()));
          for (ClusterBenchThreads.Kind k : kinds) {
            s.append(String.format(Locale.ROOT, " %.2f, %.0f%% |", w.busySeconds(k),
                100 * w.busySeconds(k) / (run.quota * run.busy.seconds())));
          }
          s.append(String.format(Locale.ROOT, " %.0f |%n", w.busyArticles() == 0 ? Double.NaN
              : w.busySeconds(ClusterBenchThreads.Kind.MAIN) * 1000 / w.busyArticles()));
        }
      }
    }
    return s.toString();
  }

  /**
   * A table's header: the {@code lead} columns, a column per kind of thread (its label and {@code suffix}), then the
   * rest.
   */
  private static String kindsHeader(List<String> lead, String suffix, List<String> rest) {
    List<String> columns = new ArrayList<>(lead);
    for (ClusterBenchThreads.Kind k : ClusterBenchThreads.Kind.values()) {
      columns.add(k.label + suffix);
    }
    columns.addAll(rest);
    return "| " + String.join(" | ", columns) + " |\n" + "|---".repeat(columns.size()) + "|\n";
  }

  /**
   * The repeats side by side, for each n: the efficiency against the same repeat's first run, on the same work, X(n),
   * the workers' and the services' CPU per article, each as mean ± sd (min–max) over the repeats, with the count of
   * trusted runs.
   */
  static String summary(List<List<Run>> repeats) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Over %d repeats (each efficiency against its own "
        + "repeat's first run; mean ± sd (min–max), sd over the repeats):%n%n| n | trusted | X(n) articles/s | "
        + "efficiency | the same work | efficiency, each repeat | analysis CPU ms per article (all busy) | writer ms "
        + "per article | Kafka ms per article | PostgreSQL ms per article | the machine's slowdown (canary) | the same "
        + "work at the first run's machine speed |%n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|%n",
        repeats.size()));
    for (int i = 0; i < repeats.get(0).size(); i++) {
      int at = i;
      List<List<Run>> have = repeats.stream().filter(r -> r.size() > at).toList(); // the last may be partial
      List<Run> runs = have.stream().map(r -> r.get(at)).toList();
      List<Double> eff = have.stream().map(r -> r.get(at).efficiency(r.get(0))).toList();
      s.append(String.format(Locale.ROOT, "| %d | %d of %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          runs.get(0).n, runs.stream().filter(r -> r.distrust() == null).count(), runs.size(),
          meanSd(runs.stream().map(Run::throughput).toList(), "%.3f"), meanSd(eff, "%.2f"),
          meanSd(have.stream().map(r -> r.get(at).sameWorkEfficiency(r.get(0))).toList(), "%.2f"),
          eff.stream().map(e -> String.format(Locale.ROOT, "%.2f", e)).toList(),
          meanSd(runs.stream().map(Run::busyAnalyseMs).toList(), "%.0f"),
          meanSd(runs.stream().map(r -> r.writerSeconds * 1000 / r.analysed).toList(), "%.1f"),
          meanSd(runs.stream().map(r -> r.kafkaSeconds * 1000 / r.analysed).toList(), "%.1f"),
          meanSd(runs.stream().map(r -> r.postgresSeconds * 1000 / r.analysed).toList(), "%.1f"),
          meanSd(have.stream().map(r -> r.get(at).slowdown(r.get(0))).toList(), "%.2f"),
          meanSd(have.stream().map(r -> r.get(at).atFirstSpeed(r.get(0))).toList(), "%.2f")));
    }
    return s.toString();
  }

  /** {@code mean ± sd (min–max)} of {@code values} in {@code format}; the sd is the sample's (n − 1), 0 for 1. */
  static String meanSd(List<Double> values, String format) {
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double sd = values.size() < 2 ? 0 : Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
        / (values.size() - 1));
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return String.format(Locale.ROOT, format + " ± " + format + " (" + format + "–" + format + ")", mean, sd, min,
        max);
  }

  /**
   * The spread of articles' CPU seconds: median, mean and largest in milliseconds, and the share of the whole that
   * the costliest tenth of the articles took.
   */
  static String spread(Map<Integer, Double> costs) {
    if (costs.isEmpty()) {
      return "no article's CPU could be told";
    }
    double[] c = costs.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double sum = Arrays.stream(c).sum();
    int tenth = Math.max(1, c.length / 10);
    double top = Arrays.stream(c, c.length - tenth, c.length).sum();
    return String.format(Locale.ROOT, "%d articles: median %.0f ms, mean %.0f ms, largest %.0f ms; the costliest %d "
        + "took %.0f%% of the CPU", c.length, 1000 * c[c.length / 2], 1000 * sum / c.length, 1000 * c[c.length - 1],
        tenth, sum == 0 ? 0 : 100 * top / sum);
  }

  private static String range(List<Double> values, double scale, String unit) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0) * scale;
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0) * scale;
    return Math.round(min) == Math.round(max) ? Math.round(min) + unit
        : Math.round(min) + "–" + Math.round(max) + unit;
  }
}
