package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.ClusterFileException;
import org.lente.cluster.KafkaMessages;
import org.lente.cluster.KafkaTopics;
import org.lente.cluster.IndexWorker;
import org.lente.cluster.KafkaWorker;
import org.lente.cluster.KnowledgeWriter;
import org.lente.cluster.PollWorker;
import org.lente.cluster.WriterLease;
import org.lente.index.OpenSearchIndex;
import org.lente.index.SearchIndex;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.Poller;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente worker fetch|analyse|write|index|poll|submit --cluster FILE}: the cluster's workers (docs/cluster.md). */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"The cluster's workers, on the Kafka brokers of the cluster file's kafka.bootstrap "
        + "(docs/cluster.md). Run as many fetch and analysis workers as wanted, on as many machines: each kind "
        + "is a consumer group.",
        "A worker creates the topics it needs when missing, runs until SIGINT or SIGTERM, then commits what it "
            + "finished and exits with 130 or 143; it exits with 1 for a bad cluster file and 2 when Kafka cannot be "
            + "reached or does not take its output (the records not committed are handled again). A Kafka consumer "
            + "that fails in a way Kafka's client does not recover from (its group lost) is made again, up to 6 times "
            + "in a row over about a minute, each logged; the next failure exits with 2."},
    subcommands = {WorkerCommand.Fetch.class, WorkerCommand.Analyse.class, WorkerCommand.Write.class,
        WorkerCommand.Index.class, WorkerCommand.Poll.class, WorkerCommand.Submit.class})
final class WorkerCommand {

  /** What the workers on Kafka take: the cluster file, and the partitions of the topics they create. */
  static final class KafkaOptions {
    @CommandLine.Mixin ClusterOption.Required cluster;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + KafkaTopics.DEFAULT_PARTITIONS,
        description = "Partitions of lente.fetch and lente.pages when they are created here: the most workers of "
            + "one kind that get work. Default: ${DEFAULT-VALUE}.")
    int partitions;

    /**
     * The cluster file, with a {@link ClusterFile#kafkaBootstrap} whose brokers have the topics (those missing are
     * created); null after saying what is wrong, naming the file and the key (exit 1).
     */
    ClusterFile open(CommandLine.Model.CommandSpec spec) throws IOException {
      ClusterFile file = cluster.read(spec);
      if (file == null) {
        return null;
      }
      String bootstrap;
      try {
        bootstrap = file.requireKafka();
      } catch (ClusterFileException e) {
        spec.commandLine().getErr().println("lente: " + e.getMessage());
        return null;
      }
      Properties p = new Properties();
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
      try (Admin admin = Admin.create(p)) {
        List<String> created = KafkaTopics.ensure(admin, partitions);
        if (!created.isEmpty()) {
          say(spec, "created the topics " + String.join(", ", created));
        }
      }
      return file;
    }
  }

  /** Refuses {@code value} of {@code option} outside {@code min} to {@code max} (exit 1). */
  private static void inRange(CommandLine.Model.CommandSpec spec, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + " must be " + min + " to " + max + ": "
          + value);
    }
  }

  /** Who a worker that holds a lease or claims is: its process and host. */
  private static String holder() throws IOException {
    return ProcessHandle.current().pid() + "@" + java.net.InetAddress.getLocalHost().getHostName();
  }

  /** What the workers of a consumer group ({@code fetch}, {@code analyse}) take, and their loop. */
  static final class GroupOptions {
    @CommandLine.Mixin KafkaOptions kafka;

    @Option(names = "--group", paramLabel = "NAME",
        description = "The consumer group. Default: lente- and the worker's kind (lente-fetch, lente-analyse).")
    String group;

    /**
     * Opens the cluster file ({@link KafkaOptions#open}: 1 when it is wrong), then runs a worker in the group that
     * reads {@code input} with the step {@code step} makes, until a signal; 0 then.
     */
    int run(CommandLine.Model.CommandSpec spec, String input, Supplier<KafkaWorker.Step> step, int maxPollRecords)
        throws IOException {
      ClusterFile file = kafka.open(spec);
      if (file == null) {
        return 1;
      }
      KafkaWorker.Step made = step.get();
      String bootstrap = file.kafkaBootstrap();
      String group = this.group == null ? "lente-" + spec.name() : this.group;
      Consumer<String> log = line -> say(spec, line);
      try (StopSignal stop = StopSignal.listen()) {
        KafkaWorker.Counts counts;
        try (KafkaWorker worker = new KafkaWorker(bootstrap, group, input, made, maxPollRecords,
            Duration.ofMillis(500), log)) {
          say(spec, "worker " + spec.name() + " in group " + group + " reading " + input + " from " + bootstrap);
          counts = worker.run(stop::requested);
        }
        say(spec, "worker " + spec.name() + " stopped: read " + counts.read() + ", sent " + counts.sent()
            + ", dead letters " + counts.dead());
      }
      return 0;
    }
  }

  private static void say(CommandLine.Model.CommandSpec spec, String line) {
    PrintWriter err = spec.commandLine().getErr();
    synchronized (err) {
      err.println("lente: " + line);
      err.flush();
    }
  }

  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = "Fetches the URLs of lente.fetch (keyed by host, so a host's politeness and robots.txt stay with "
          + "one worker) into pages on lente.pages.",
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Fetch implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin GroupOptions worker;
    @CommandLine.Mixin FetchOptions fetch;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + PageReader.DEFAULT_MAX_BYTES,
        description = "Content kept per page; the rest is dropped with a warning. At most 16 MiB, so a page fits "
            + "a message of lente.pages. Default: ${DEFAULT-VALUE}.")
    long maxBytes;

    @Override
    public Integer call() throws IOException {
      inRange(spec, "--max-bytes", maxBytes, 1, 16L << 20);
      try (Fetcher fetcher = fetch.fetcher(spec.commandLine(), maxBytes)) { // its options checked first
        return worker.run(spec, KafkaTopics.FETCH, () -> KafkaWorker.fetch(fetcher), 10);
      }
    }
  }

  @Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
      description = "Extracts and analyses the pages of lente.pages, as lente ingest does, into articles on "
          + "lente.analysed (keyed by article key, one partition) for the knowledge writer.",
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Analyse implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin GroupOptions worker;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + Analyzer.DEFAULT_MAX_CHARS,
        description = "Longest text analysed per article; the rest is left out with a warning. "
            + "Default: ${DEFAULT-VALUE}.")
    int maxChars;

    @Override
    public Integer call() throws IOException {
      if (maxChars < 1_000) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--max-chars must be at least 1000: " + maxChars);
      }
      return worker.run(spec, KafkaTopics.PAGES, () -> KafkaWorker.analyse(IngestCommand.pipeline(
          new Analyzer(new NerModels(line -> say(spec, line)), maxChars), new PublicationDates(null))), 20);
    }
  }

  @Command(name = "write", mixinStandardHelpOptions = true,
      description = {"The knowledge writer: adds the articles of lente.analysed to the cluster's PostgreSQL store "
          + "and stories, each in one transaction with its offset, so a record delivered again has no effect; "
          + "lente worker index puts them on OpenSearch. One writer is active; others started are standbys that take "
          + "over when its lease expires.",
          "Needs postgres.* and kafka.bootstrap in the cluster file (exit 1 without). The lease is renewed while "
              + "the writer opens. A lost connection to PostgreSQL is resumed from the offset of the last committed "
              + "transaction (5 attempts over about a minute). Exits with 2 when PostgreSQL fails otherwise or stays "
              + "unreachable, 3 when another writer took the lease over (this one stalled past it)."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Write implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin KafkaOptions kafka;

    @Option(names = "--lease", paramLabel = "SECONDS", defaultValue = "30",
        description = "How long the writer's lease lasts without renewal: how soon a standby takes over from a "
            + "writer that died. Default: ${DEFAULT-VALUE}.")
    int leaseSeconds;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + KnowledgeWriter.DEFAULT_BATCH,
        description = "Records applied per PostgreSQL transaction, 1 to " + KnowledgeWriter.MAX_BATCH + " (a "
            + "record waits at most 100 ms for its batch). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Override
    public Integer call() throws IOException {
      inRange(spec, "--lease", leaseSeconds, 3, 3600);
      inRange(spec, "--batch", batch, 1, KnowledgeWriter.MAX_BATCH);
      ClusterFile file = kafka.open(spec);
      if (file == null) {
        return 1;
      }
      String holder = holder();
      try (StopSignal stop = StopSignal.listen()) {
        Optional<KnowledgeWriter> opened = KnowledgeWriter.open(file, SearchIndex.writtenElsewhere(INDEXED_BY), holder,
            Duration.ofSeconds(leaseSeconds), stop::requested, line -> say(spec, line));
        if (opened.isEmpty()) {
          say(spec, "stopped while standing by");
          return 0;
        }
        try (KnowledgeWriter writer = opened.get()) {
          KnowledgeWriter.Counts counts = writer.run(batch, stop::requested);
          say(spec, "knowledge writer stopped: applied " + counts.applied() + ", skipped as applied before "
              + counts.skipped() + ", unreadable " + counts.unreadable() + "; next offset " + writer.next());
        }
      } catch (WriterLease.LostException e) {
        say(spec, "knowledge writer stopped: " + e.getMessage() + " (another writer took over; nothing of the "
            + "batch at hand was kept)");
        return 3;
      }
      return 0;
    }
  }

  /** Who writes the index of the cluster: the writer leaves its articles to them. */
  static final String INDEXED_BY = "lente worker index, from the store's unindexed articles";

  @Command(name = "index", mixinStandardHelpOptions = true,
      description = {"An index worker: puts the articles the knowledge writer stored on the cluster's OpenSearch "
          + "index, in batches claimed from PostgreSQL (FOR UPDATE SKIP LOCKED: run as many as wanted, none indexes "
          + "an article another holds), woken by PostgreSQL notifications and polling as a fallback.",
          "Needs postgres.* and opensearch.url in the cluster file (exit 1 without); exits with 2 when PostgreSQL "
              + "or OpenSearch fails (the batch at hand is not marked: it is indexed again), 130 or 143 on SIGINT "
              + "or SIGTERM after the batch at hand."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Index implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin ClusterOption.Required cluster;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "200",
        description = "Articles claimed, written and marked at once (1 to 10000). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "30",
        description = "The longest wait for a notification before looking for work anyway: how late an article "
            + "whose notification was missed gets indexed (1 to 3600). Default: ${DEFAULT-VALUE}.")
    int pollSeconds;

    @Override
    public Integer call() throws IOException {
      inRange(spec, "--batch", batch, 1, 10_000);
      inRange(spec, "--poll", pollSeconds, 1, 3600);
      ClusterFile file = cluster.read(spec);
      if (file == null) {
        return 1;
      }
      if (file.opensearchUrl() == null) {
        say(spec, "the cluster file " + file.file() + " has no opensearch.url: an index worker writes there");
        return 1;
      }
      try (StopSignal stop = StopSignal.listen()) {
        IndexWorker.Counts counts;
        try (IndexWorker worker = IndexWorker.open(file, OpenSearchIndex.connect(file), batch,
            Duration.ofSeconds(pollSeconds), line -> say(spec, line))) {
          say(spec, "index worker: from " + file.postgresUrl() + " to " + file.opensearchUrl());
          counts = worker.run(stop::requested);
        }
        say(spec, "index worker stopped: indexed " + counts.indexed() + ", refused " + counts.refused() + " in "
            + counts.batches() + " batches");
      }
      return 0;
    }
  }

  @Command(name = "submit", mixinStandardHelpOptions = true,
      description = "Puts URLs on lente.fetch for the fetch workers, and exits once Kafka has them all.",
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Submit implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin KafkaOptions kafka;

    @Option(names = "--origin", paramLabel = "TEXT", description = "Where the URLs came from, kept with the pages.")
    String origin;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "http(s) URLs of pages.")
    List<String> urls;

    @Override
    public Integer call() throws IOException {
      List<KafkaMessages.FetchTask> tasks;
      try {
        tasks = urls.stream().map(u -> new KafkaMessages.FetchTask(u.strip(), origin)).toList();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      ClusterFile file = kafka.open(spec);
      if (file == null) {
        return 1;
      }
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, file.kafkaBootstrap());
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
          new StringSerializer())) {
        var acks = tasks.stream().map(t -> producer.send(new ProducerRecord<>(KafkaTopics.FETCH, t.key(),
            KafkaMessages.write(t)))).toList();
        for (var ack : acks) {
          ack.get();
        }
      } catch (ExecutionException e) {
        throw new IOException("Kafka did not take the URLs: " + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      spec.commandLine().getOut().println("submitted " + tasks.size() + (tasks.size() == 1 ? " URL" : " URLs"));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "poll", mixinStandardHelpOptions = true,
      description = {"Polls the cluster's sources (lente sources add --cluster): claims each due source in PostgreSQL "
          + "so that no other poll worker polls it at the same time, polls it, puts the article URLs it lists that "
          + "were not handed on before on lente.fetch, and records the poll and those URLs in PostgreSQL. Run as "
          + "many as wanted; a source whose worker died is taken by another once its claim expires.",
          "Needs postgres.* and kafka.bootstrap in the cluster file (exit 1 without)."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Poll implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin KafkaOptions kafka;
    @CommandLine.Mixin FetchOptions fetch;

    @Option(names = "--claim", paramLabel = "SECONDS", defaultValue = "300",
        description = "How long a claim on a source lasts: how soon another worker polls a source whose worker "
            + "died. Keep it above the longest poll (a fetch may take a minute and more with its retries). "
            + "Default: ${DEFAULT-VALUE}.")
    int claimSeconds;

    @Override
    public Integer call() throws IOException {
      inRange(spec, "--claim", claimSeconds, 2, 86_400);
      try (Fetcher fetcher = fetch.fetcher(spec.commandLine(), PageReader.DEFAULT_MAX_BYTES)) {
        ClusterFile file = kafka.open(spec);
        if (file == null) {
          return 1;
        }
        String bootstrap = file.kafkaBootstrap();
        String holder = holder() + "/" + Long.toHexString(new java.security.SecureRandom().nextLong());
        try (StopSignal stop = StopSignal.listen()) {
          PollWorker.Counts counts;
          try (PollWorker worker = PollWorker.open(file, bootstrap, new Poller(fetcher), holder,
              Duration.ofSeconds(claimSeconds), line -> say(spec, line))) {
            say(spec, "worker poll " + holder + " polling the sources of " + file.postgresUrl() + " onto "
                + KafkaTopics.FETCH + " at " + bootstrap);
            counts = worker.run(stop::requested);
          }
          say(spec, "worker poll stopped: polled " + counts.polled() + " (failed " + counts.failed() + "), handed on "
              + counts.handedOn() + " URLs, claims lost " + counts.lost());
        }
      }
      return 0;
    }
  }
}
