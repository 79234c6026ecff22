package org.lente.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lente.Pipeline;
import org.lente.ingest.Page;
import org.lente.ingest.fetch.FetchException;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.fetch.Validators;

/**
 * A worker of a consumer group: reads records from one topic, turns each into records for other topics with a
 * {@link Step}, and commits a record's offset only after everything sent for it is acknowledged by the brokers
 * ({@code acks=all}): at least once, so after a crash some records are handled again (the knowledge writer drops a
 * redelivered article by its key and content hash). As many workers as wanted may run in a group; Kafka spreads
 * the topic's partitions among them.
 *
 * <p>A record whose step fails {@link #ATTEMPTS} times in a row, whose step {@link Refused refuses} it (at once),
 * or whose output is over its topic's {@link KafkaTopics#maxMessageBytes limit}, becomes a
 * {@link KafkaMessages.DeadLetter} on {@value KafkaTopics#DEAD} with the error, its {@link KafkaMessages.DeadLetter.Kind
 * kind} (and the fetcher's reason) and the record's origin, and the worker goes on. A worker stops, committing what it finished, when {@code stop} says so
 * (checked between records) or {@link #wakeup()} is called; it fails (without committing the batch in hand) when the
 * brokers do not acknowledge its output.
 *
 * <p>Not thread-safe, except {@link #wakeup()}.
 */
public final class KafkaWorker implements AutoCloseable {

  /** Tries of a record before it becomes a dead letter. */
  public static final int ATTEMPTS = 3;

  /** What a worker does with one record: the records to send for it, possibly none. */
  @FunctionalInterface
  public interface Step {
    List<ProducerRecord<String, String>> apply(ConsumerRecord<String, String> record) throws Exception;
  }

  /**
   * Thrown by a {@link Step} for a record that trying again would not help (it can never give anything, or the step
   * has already spent its retries): it becomes a dead letter of {@link #kind()} at once, not tried again.
   */
  public static final class Refused extends Exception {
    private final KafkaMessages.DeadLetter.Kind kind;

    public Refused(KafkaMessages.DeadLetter.Kind kind, String message) {
      super(message);
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * A fetch that failed after the fetcher's own retries (or at once, when {@link FetchException#permanent}): a
     * {@link KafkaMessages.DeadLetter.Kind#FETCH} letter with the fetcher's reason (and status).
     */
    public Refused(FetchException cause) {
      super(described(cause), cause);
      this.kind = KafkaMessages.DeadLetter.Kind.FETCH;
    }

    public KafkaMessages.DeadLetter.Kind kind() {
      return kind;
    }
  }

  /**
   * What a worker has done since it started.
   *
   * @param read records read
   * @param sent records sent for them (dead letters excluded)
   * @param dead dead letters sent
   */
  public record Counts(long read, long sent, long dead) {
    public Counts {
      if (read < 0 || sent < 0 || dead < 0) {
        throw new IllegalArgumentException("bad counts: read=" + read + ", sent=" + sent + ", dead=" + dead);
      }
    }
  }

  private final String input;
  private final Step step;
  private final Consumer<String> log;
  private final Duration backoff;
  private final RenewingConsumer consumer;
  private final Producer<String, String> producer;
  private long read;
  private long sent;
  private long dead;

  /**
   * A worker, not yet reading.
   *
   * @param bootstrap the brokers, {@code host:port[,…]}
   * @param group the consumer group
   * @param input the topic read
   * @param maxPollRecords the most records handled between two commits
   * @param backoff the wait before the second attempt at a failed record, doubled before the third
   * @param log told of each dead letter, one line each
   */
  public KafkaWorker(String bootstrap, String group, String input, Step step, int maxPollRecords, Duration backoff,
      Consumer<String> log) {
    this(consumerSettings(bootstrap, group, maxPollRecords), producerSettings(bootstrap, group), group, input, step,
        backoff, log);
  }

  private KafkaWorker(Properties consumer, Properties producer, String group, String input, Step step,
      Duration backoff, Consumer<String> log) {
    this(() -> new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer()),
        new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer()), group, input, step, backoff,
        RenewingConsumer.WAITS, log);
  }

  /**
   * A worker on the consumers {@code consumers} makes (one at first, another after each failure the client does not
   * recover from: {@link RenewingConsumer}) and {@code producer} (closed with the worker): the seam through which a
   * test gives kafka-clients' own mock consumers and their failures.
   *
   * @param waits the waits after consumer failures in a row
   */
  KafkaWorker(Supplier<? extends org.apache.kafka.clients.consumer.Consumer<String, String>> consumers,
      Producer<String, String> producer, String group, String input, Step step, Duration backoff,
      List<Duration> waits, Consumer<String> log) {
    this.input = Objects.requireNonNull(input, "input");
    this.step = Objects.requireNonNull(step, "step");
    this.log = Objects.requireNonNull(log, "log");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.producer = Objects.requireNonNull(producer, "producer");
    try {
      this.consumer = new RenewingConsumer("the worker of group " + group + " reading " + input, consumers,
          c -> c.subscribe(List.of(input)), waits, log);
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      throw e;
    }
  }

  /** The settings of a worker's consumer: a {@link #groupMember} taking {@code maxPollRecords} per poll at most. */
  private static Properties consumerSettings(String bootstrap, String group, int maxPollRecords) {
    if (maxPollRecords < 1) {
      throw new IllegalArgumentException("maxPollRecords must be positive: " + maxPollRecords);
    }
    Properties c = groupMember(bootstrap, group);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
    c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Integer.toString(15 * 60_000));
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + ProcessHandle.current().pid());
    return c;
  }

  /** The settings of a worker's producer: every record acknowledged by all replicas, idempotent. */
  private static Properties producerSettings(String bootstrap, String group) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(KafkaTopics.MAX_MESSAGE_BYTES + (64 << 10)));
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(2L * KafkaTopics.MAX_MESSAGE_BYTES + (64 << 20)));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, group + "-" + ProcessHandle.current().pid() + "-out");
    return p;
  }

  /**
   * The settings of a consumer in {@code group} that commits its offsets itself, starting at a partition's first
   * record when the group has no offset there, with Kafka's consumer rebalance protocol.
   */
  static Properties groupMember(String bootstrap, String group) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return c;
  }

  /**
   * The step of a fetch worker: a {@link KafkaMessages.FetchTask} from {@value KafkaTopics#FETCH} fetched with
   * {@code fetcher} (its address policy, robots.txt and politeness) into a {@link KafkaMessages.FetchedPage} on
   * {@value KafkaTopics#PAGES}.
   *
   * <p>One retry budget per page, the fetcher's: a 429, a 5xx or a connection failure is retried by the fetcher
   * ({@link Fetcher.Options#maxRetries}, 3 by default: at most 4 requests, with backoff and {@code Retry-After},
   * all within its {@link Fetcher.Options#deadline}), and a fetch that failed after them is {@link Refused}, a dead
   * letter at once, not fetched again by the worker's {@link #ATTEMPTS}: those multiplied the fetcher's (up to 12
   * requests for one 5xx page). A failure that fetching again cannot change ({@link FetchException#permanent}: a
   * private address, robots.txt, an HTTP 404 or 410, ...) is not retried by the fetcher either.
   */
  public static Step fetch(Fetcher fetcher) {
    return r -> {
      KafkaMessages.FetchTask task = KafkaMessages.read(r.value(), KafkaMessages.FetchTask.class);
      Page page;
      try {
        page = fetcher.fetch(URI.create(task.url()), Validators.NONE).toPage();
      } catch (FetchException e) {
        throw new Refused(e); // the fetcher has spent the page's retries
      }
      KafkaMessages.FetchedPage out = new KafkaMessages.FetchedPage(page, task.origin());
      return List.of(new ProducerRecord<>(KafkaTopics.PAGES, out.key(), KafkaMessages.write(out)));
    };
  }

  /**
   * The step of an analysis worker: a {@link KafkaMessages.FetchedPage} from {@value KafkaTopics#PAGES} through
   * {@code pipeline} (as embedded ingest does) into a {@link KafkaMessages.AnalysedArticle} on
   * {@value KafkaTopics#ANALYSED}. A page with no article text gives nothing, unless it is a submission's
   * ({@link ClusterSubmissions#submissionId}): then it is {@link Refused} as
   * {@link KafkaMessages.DeadLetter.Kind#NOT_AN_ARTICLE}, so the submission learns it from the dead letter.
   */
  public static Step analyse(Pipeline pipeline) {
    return r -> {
      KafkaMessages.FetchedPage in = KafkaMessages.read(r.value(), KafkaMessages.FetchedPage.class);
      Pipeline.Prepared p = pipeline.prepare(in.page());
      if (p.skipped() != null) {
        if (ClusterSubmissions.submissionId(in.origin()).isPresent()) {
          throw new Refused(KafkaMessages.DeadLetter.Kind.NOT_AN_ARTICLE, p.skipped());
        }
        return List.of();
      }
      KafkaMessages.AnalysedArticle out = KafkaMessages.AnalysedArticle.of(p.key(), p.analysis(), in.origin());
      return List.of(new ProducerRecord<>(KafkaTopics.ANALYSED, out.key(), KafkaMessages.write(out)));
    };
  }

  /**
   * Reads and handles records until {@code stop} is true or {@link #wakeup()} is called, then commits what is done.
   * A consumer that fails in a way Kafka's client does not recover from (its group lost, say) is replaced by a new
   * member of the group, which starts at the group's committed offsets ({@link RenewingConsumer}).
   *
   * @throws IOException when the brokers do not acknowledge the output (nothing of the batch in hand is committed),
   *     or the consumer failed {@link RenewingConsumer#WAITS its budget} of times in a row
   */
  public Counts run(BooleanSupplier stop) throws IOException {
    try {
      while (!stop.getAsBoolean()) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500), stop);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
          if (stop.getAsBoolean()) {
            break;
          }
          read++;
          for (ProducerRecord<String, String> out : handle(r)) {
            acks.add(producer.send(out));
          }
          done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        commit(acks, done);
      }
    } catch (WakeupException e) {
      // asked to stop while waiting for records: nothing is in hand
    }
    return counts();
  }

  /** Makes a {@link #run} waiting for records return; thread-safe. */
  public void wakeup() {
    consumer.wakeup();
  }

  /** What was done so far. */
  public Counts counts() {
    return new Counts(read, sent, dead);
  }

  /** The records to send for {@code r}: its step's output, or a dead letter. */
  private List<ProducerRecord<String, String>> handle(ConsumerRecord<String, String> r) {
    Throwable last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        List<ProducerRecord<String, String>> out = step.apply(r);
        for (ProducerRecord<String, String> o : out) {
          long size = bytes(o.key()) + bytes(o.value());
          if (size > KafkaTopics.maxMessageBytes(o.topic())) {
            return List.of(deadLetter(r, attempt, "a message of " + size + " bytes for " + o.topic()
                + " is over its limit of " + KafkaTopics.maxMessageBytes(o.topic()) + " bytes",
                KafkaMessages.DeadLetter.Kind.TOO_LARGE, null));
          }
        }
        sent += out.size();
        return out;
      } catch (Refused e) {
        return List.of(deadLetter(r, attempt, e.getMessage(), e.kind(), e.getCause()));
      } catch (Exception | StackOverflowError e) {
        last = e;
      }
      if (attempt < ATTEMPTS) {
        try {
          Thread.sleep(backoff.toMillis() << (attempt - 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return List.of(deadLetter(r, ATTEMPTS, described(last), last instanceof FetchException
        ? KafkaMessages.DeadLetter.Kind.FETCH : KafkaMessages.DeadLetter.Kind.ERROR, last));
  }

  /** The error a dead letter gives for {@code e}: its class and message. */
  private static String described(Throwable e) {
    return e.getClass().getName() + ": " + e.getMessage();
  }

  /**
   * The dead letter of {@code r}: its value cut to fit {@link KafkaTopics#MAX_DEAD_LETTER_BYTES} with the key, the
   * error and the origin, which are kept whole (the origin is what tells a submission its end); the fetcher's
   * reason and status when {@code cause} is a {@link FetchException} and {@code kind} is
   * {@link KafkaMessages.DeadLetter.Kind#FETCH}.
   */
  private ProducerRecord<String, String> deadLetter(ConsumerRecord<String, String> r, int attempts, String error,
      KafkaMessages.DeadLetter.Kind kind, Throwable cause) {
    FetchException.Reason fetchReason = null;
    Integer status = null;
    if (kind == KafkaMessages.DeadLetter.Kind.FETCH && cause instanceof FetchException f) {
      fetchReason = f.reason();
      status = f.reason() == FetchException.Reason.HTTP_STATUS ? f.status() : null;
    }
    dead++;
    String err = capped(error);
    log.accept("dead letter: " + r.topic() + "/" + r.partition() + "@" + r.offset() + " key " + r.key() + ": " + err);
    String value = r.value();
    String origin = capped(KafkaMessages.origin(value));
    int room = KafkaTopics.MAX_DEAD_LETTER_BYTES - 16384 - (int) bytes(r.key()) - (int) bytes(origin);
    boolean cut = value != null && bytes(value) > room;
    if (cut) {
      value = cutUtf8(value, room);
    }
    KafkaMessages.DeadLetter letter = new KafkaMessages.DeadLetter(r.topic(), r.partition(), r.offset(), r.key(),
        attempts, err, value, cut, kind, fetchReason, status, origin);
    return new ProducerRecord<>(KafkaTopics.DEAD, r.key(), KafkaMessages.write(letter));
  }

  /** Waits for every acknowledgement, then commits {@code done}. */
  private void commit(List<Future<RecordMetadata>> acks, Map<TopicPartition, OffsetAndMetadata> done)
      throws IOException {
    if (done.isEmpty()) {
      return;
    }
    producer.flush();
    for (Future<RecordMetadata> f : acks) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IOException("Kafka did not take a record: " + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for Kafka's acknowledgements", e);
      }
    }
    consumer.commit(done);
  }

  /** {@code s} (null: null) cut to its first 4096 characters and an ellipsis, when longer. */
  private static String capped(String s) {
    return s == null || s.length() <= 4096 ? s : s.substring(0, 4096) + "…";
  }

  private static long bytes(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The longest prefix of {@code s} whose UTF-8 form has at most {@code max} bytes. */
  private static String cutUtf8(String s, int max) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int end = Math.max(0, max);
    while (end > 0 && (b[end] & 0xC0) == 0x80) { // not inside a character
      end--;
    }
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  /** Leaves the group (its partitions go to the other workers at once) and closes the clients. */
  @Override
  public void close() {
    try {
      consumer.close();
    } finally {
      producer.close(Duration.ofSeconds(10));
    }
  }
}
