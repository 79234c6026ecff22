package org.lente.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker for tests: one KRaft node (broker and controller) in a child JVM, from the jars that
 * {@code servers/kafka/pom.xml} lists (resolved from Maven Central by the Maven Wrapper on first use and cached as
 * {@code target/kafka-server.classpath}; never on Lente's own classpath), listening on 127.0.0.1 on free ports, its
 * logs and data in a temporary folder. One broker serves every test class of a test run; it is stopped when the run
 * ends by its PID (SIGTERM, then a kill after 20 s) and its folder deleted. Consumer groups time out a member that
 * vanished (kill -9) after 6 s instead of the default 45 s, so tests of a killed worker stay short. Tests are
 * skipped, saying why, when the broker's jars cannot be resolved.
 *
 * <p>Use: {@code @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();}
 */
public final class KafkaServer implements BeforeAllCallback {

  /** The broker's classpath, as the Maven Wrapper resolves it from {@code servers/kafka/pom.xml}. */
  static final Path CLASSPATH = Path.of("target", "kafka-server.classpath");

  private static final String UNRESOLVED = "the Kafka broker's jars could not be resolved (./mvnw -f "
      + "servers/kafka/pom.xml dependency:build-classpath failed; see target/kafka-server.resolve.log)";

  private Running server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    String classpath = classpath();
    Assumptions.assumeTrue(classpath != null, UNRESOLVED);
    server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, k -> new Running(classpath, true), Running.class);
    server.start();
  }

  /**
   * Starts a broker of its own outside JUnit (a benchmark's main: {@code bench/cluster-scaling}), with Kafka's
   * default group session timeout (45 s: a worker held to a tenth of a CPU may miss a 6 s one and lose its
   * partitions); {@link #stopAlone} stops it, as does the JVM's exit.
   *
   * @throws IOException when the broker's jars cannot be resolved or it does not start
   */
  public void startAlone() throws IOException, InterruptedException {
    String classpath = classpath();
    if (classpath == null) {
      throw new IOException(UNRESOLVED);
    }
    server = new Running(classpath, false);
    server.start();
  }

  /** Stops the broker {@link #startAlone} started and deletes its folder. */
  public void stopAlone() throws IOException {
    server.close();
  }

  /** The broker's address, {@code 127.0.0.1:port}: a cluster file's {@code kafka.bootstrap}. */
  public String bootstrap() {
    return "127.0.0.1:" + server.port;
  }

  /** The broker's PID. */
  public long pid() {
    return server.process.pid();
  }

  /** An admin client of the broker; the caller closes it. */
  public Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    return Admin.create(p);
  }

  /**
   * Commits, for the new group {@code group}, the current end of every partition of {@code topic}: a worker of that
   * group then sees only what is sent after this call (the broker is shared by the tests of a run).
   */
  public void startAtEnd(String group, String topic) throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> at = new HashMap<>();
      ends(topic).forEach((tp, end) -> at.put(tp, new OffsetAndMetadata(end)));
      admin.alterConsumerGroupOffsets(group, at).all().get(30, TimeUnit.SECONDS);
    }
  }

  /** Creates Lente's topics on this broker if they are absent, {@code pages} partitions for the pages' topics. */
  public void ensureTopics(int pages) throws Exception {
    try (Admin admin = admin()) {
      KafkaTopics.ensure(admin, pages);
    }
  }

  /**
   * Records in the database at {@code postgresUrl} that the knowledge writer has applied lente.analysed up to its
   * current end: a writer on that database then applies only what is sent after this call (the topic is shared by
   * the tests of a run, the database is each test's own).
   */
  public void appliedToEnd(String postgresUrl) throws Exception {
    long end = ends(KafkaTopics.ANALYSED).get(new TopicPartition(KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION));
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgresUrl, PostgresServer.USER, null)) {
      AppliedOffsets.record(c, KafkaTopics.ANALYSED, KnowledgeWriter.PARTITION, end);
    }
  }

  /** The end offset of every partition of {@code topic} now: where to {@link #read} what is sent after. */
  public Map<TopicPartition, Long> ends(String topic) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) { // a topic created a moment ago may not be known to every part of the broker yet
      try {
        return endsNow(topic);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private Map<TopicPartition, Long> endsNow(String topic) throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicPartitionInfo p : admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic).partitions()) {
        latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    }
  }

  /**
   * The records of the topic of {@code from} after those offsets, read until {@code done} holds for what was read
   * or {@code timeout} passes.
   */
  public List<ConsumerRecord<String, String>> read(Map<TopicPartition, Long> from,
      Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
    List<ConsumerRecord<String, String>> got = new ArrayList<>();
    try (KafkaConsumer<String, String> c = consumer(from)) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(got) && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(got::add);
      }
    }
    return got;
  }

  /**
   * A consumer (of no group) of the partitions of {@code from}, each at its offset there, taking the largest
   * messages; the caller polls and closes it.
   */
  public KafkaConsumer<String, String> consumer(Map<TopicPartition, Long> from) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(KafkaTopics.MAX_MESSAGE_BYTES));
    KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    c.assign(from.keySet());
    from.forEach(c::seek);
    return c;
  }

  /** Sends {@code value} under {@code key} to {@code topic} and waits for the acknowledgement. */
  public void send(String topic, String key, String value) throws Exception {
    send(topic, Map.of(key, value));
  }

  /** Sends each value under its key to {@code topic}, in the map's order, and waits for the acknowledgements. */
  public void send(String topic, Map<String, String> values) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(KafkaTopics.MAX_MESSAGE_BYTES));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
        new StringSerializer())) {
      List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
      values.forEach((key, value) -> acks.add(producer.send(new ProducerRecord<>(topic, key, value))));
      for (java.util.concurrent.Future<?> ack : acks) {
        ack.get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The broker's classpath, resolved once per checkout; null when it cannot be resolved. */
  private static synchronized String classpath() throws IOException, InterruptedException {
    Path pom = Path.of("servers", "kafka", "pom.xml");
    if (!Files.exists(CLASSPATH)
        || Files.getLastModifiedTime(CLASSPATH).compareTo(Files.getLastModifiedTime(pom)) < 0) {
      Files.createDirectories(CLASSPATH.getParent());
      Path log = CLASSPATH.resolveSibling("kafka-server.resolve.log");
      Process p = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-q", "-B", "-f", pom.toString(),
          "dependency:build-classpath", "-Dmdep.outputFile=" + CLASSPATH.toAbsolutePath())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return null;
      }
      if (p.exitValue() != 0 || !Files.exists(CLASSPATH)) {
        return null;
      }
    }
    return Files.readString(CLASSPATH, StandardCharsets.UTF_8).strip();
  }

  /** The broker of a test run; JUnit closes it when the run ends. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {

    private final String classpath;
    private final boolean shortSessions;
    private Path home;
    private int port;
    private Process process;

    /** {@code shortSessions}: a vanished group member times out after 6 s (tests), else Kafka's default 45 s. */
    Running(String classpath, boolean shortSessions) {
      this.classpath = classpath;
      this.shortSessions = shortSessions;
    }

    /** Formats the storage and starts the broker unless it runs; returns when it answers. */
    synchronized void start() throws IOException, InterruptedException {
      if (process != null) {
        return;
      }
      home = Files.createTempDirectory("lente-kafka");
      port = ServerProcesses.freePort();
      int controller = ServerProcesses.freePort();
      Path config = home.resolve("server.properties");
      Files.writeString(config, String.join("\n",
          "process.roles=broker,controller",
          "node.id=1",
          "controller.quorum.voters=1@127.0.0.1:" + controller,
          "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
          "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
          "controller.listener.names=CONTROLLER",
          "inter.broker.listener.name=PLAINTEXT",
          "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
          "log.dirs=" + home.resolve("data"),
          "num.partitions=1",
          "offsets.topic.replication.factor=1",
          "offsets.topic.num.partitions=3",
          "transaction.state.log.replication.factor=1",
          "transaction.state.log.min.isr=1",
          "group.initial.rebalance.delay.ms=0",
          "log.flush.interval.messages=1000000") + "\n" + (!shortSessions ? "" : String.join("\n",
          "group.consumer.min.session.timeout.ms=6000",
          "group.consumer.session.timeout.ms=6000",
          "group.consumer.min.heartbeat.interval.ms=1000",
          "group.consumer.heartbeat.interval.ms=1000") + "\n"));
      Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
          "rootLogger.level=info",
          "rootLogger.appenderRef.file.ref=file",
          "appender.file.type=File",
          "appender.file.name=file",
          "appender.file.fileName=" + home.resolve("server.log"),
          "appender.file.layout.type=PatternLayout",
          "appender.file.layout.pattern=%d %p %c{1} %m%n") + "\n");
      run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
      process = new ProcessBuilder(java("kafka.Kafka", config.toString())).redirectErrorStream(true)
          .redirectOutput(home.resolve("stdout.log").toFile()).start();
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
      awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
      Properties p = new Properties();
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
      p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
      p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      try (Admin admin = Admin.create(p)) {
        while (System.nanoTime() < deadline) {
          if (!process.isAlive()) {
            throw new IOException("the Kafka broker exited with " + process.exitValue() + "; its log: " + log());
          }
          try {
            if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
              return;
            }
          } catch (Exception notYet) {
            Thread.sleep(200);
          }
        }
      }
      throw new IOException("the Kafka broker did not answer in 90 s; its log: " + log());
    }

    private List<String> java(String... mainAndArgs) {
      List<String> c = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
          "-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
          "-cp", classpath));
      c.addAll(List.of(mainAndArgs));
      return c;
    }

    private void run(List<String> mainAndArgs) throws IOException, InterruptedException {
      Path out = home.resolve("format.log");
      Process p = new ProcessBuilder(java(mainAndArgs.toArray(String[]::new))).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(mainAndArgs + " did not finish in 90 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(mainAndArgs + " exited with " + p.exitValue() + ": " + Files.readString(out));
      }
    }

    @Override
    public void close() throws IOException {
      stop();
      ServerProcesses.deleteTree(home);
    }

    /** Stops the broker by its PID: SIGTERM (a controlled shutdown), a kill after 20 s; idempotent. */
    private synchronized void stop() {
      if (process == null || !process.isAlive()) {
        return;
      }
      ProcessHandle.of(process.pid()).ifPresent(p -> {
        p.destroy();
        try {
          p.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
          p.destroyForcibly();
        }
      });
    }

    private String log() {
      try {
        return Files.readString(home.resolve("stdout.log")) + Files.readString(home.resolve("server.log"));
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }
  }
}
