package org.lente.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lente.ingest.source.Poller;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceProgress;
import org.lente.store.PostgresConnections;
import org.lente.store.PostgresSources;

/**
 * A poll worker of the cluster ({@code lente worker poll}): claims due sources on the cluster's PostgreSQL
 * ({@link PostgresSources#claimDue}), polls each with the {@link Poller} (its fetcher's address policy,
 * politeness and robots.txt apply), puts each article URL it lists that is not handled yet on
 * {@value KafkaTopics#FETCH} (a {@link KafkaMessages.FetchTask} keyed by host, its origin {@link #origin}: the source
 * and the URL, so that the knowledge writer stores the article with the source's {@link #progress}, as embedded
 * polling counts an article added),
 * waits for Kafka's acknowledgements, and then records the poll and those URLs as handled in one transaction
 * that ends the claim ({@link PostgresSources#finishPoll}). So a URL recorded is never handed on again, also
 * after a restart; a worker that dies after Kafka took URLs and before the record leaves its claim to expire,
 * and the worker that then polls the source hands those URLs on again (at least once: the knowledge writer keeps
 * an article put twice once, by its key and its text's hash). A page source is handed on at every poll, as
 * {@code lente serve} fetches it. A source that fails is recorded with its error (the {@link Poller} never
 * throws for it) and the next one is polled.
 *
 * <p>Not thread-safe: one thread runs it; several workers (processes, or threads with workers of their own)
 * share the sources through their claims.
 */
public final class PollWorker implements AutoCloseable {

  /** How long a worker with nothing due waits before it looks again: a source added is polled within this. */
  public static final Duration LOOK = Duration.ofSeconds(1);

  /**
   * What a worker did.
   *
   * @param polled polls recorded (failed ones too)
   * @param failed of those, the ones that failed (the source unreachable, an HTTP error, a broken document)
   * @param handedOn URLs put on {@value KafkaTopics#FETCH}
   * @param lost polls whose claim had been taken over or whose source was removed before they were recorded
   */
  public record Counts(long polled, long failed, long handedOn, long lost) {
    public Counts {
      if (polled < 0 || failed < 0 || handedOn < 0 || lost < 0) {
        throw new IllegalArgumentException("negative counts: " + polled + ", " + failed + ", " + handedOn + ", "
            + lost);
      }
    }
  }

  private final PostgresConnections db;
  private final PostgresSources sources;
  private final Poller poller;
  private final Producer<String, String> producer;
  private final String holder;
  private final Duration claim;
  private final Consumer<String> log;
  private long polled;
  private long failed;
  private long handedOn;
  private long lost;

  /**
   * @param db the cluster's database, opened by {@link #open}; closed with the worker
   * @param producer where the URLs go; closed with the worker
   * @param holder this worker's name in its claims: unique to the process (see {@link PostgresSources#claimDue})
   * @param claim how long a claim lasts: longer than the longest poll (the fetcher's deadline with its retries)
   * @param log what is worth a line: failed polls, URLs refused, lost claims
   */
  private PollWorker(PostgresConnections db, Poller poller, Producer<String, String> producer, String holder,
      Duration claim, Consumer<String> log) {
    this.db = Objects.requireNonNull(db, "db");
    this.sources = PostgresSources.on(db);
    this.poller = Objects.requireNonNull(poller, "poller");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.claim = Objects.requireNonNull(claim, "claim");
    this.log = Objects.requireNonNull(log, "log");
    if (claim.toMillis() < 1000) {
      throw new IllegalArgumentException("a claim must last at least a second: " + claim);
    }
  }

  /**
   * A worker on the cluster's PostgreSQL and the Kafka brokers {@code bootstrap}.
   *
   * @throws IOException when PostgreSQL cannot be reached or its schema is not current
   */
  public static PollWorker open(ClusterFile cluster, String bootstrap, Poller poller, String holder, Duration claim,
      Consumer<String> log) throws IOException {
    PostgresConnections db = PostgresConnections.connect(cluster);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "lente-poll-" + ProcessHandle.current().pid());
    try {
      return new PollWorker(db, poller, new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()),
          holder, claim, log);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Polls due sources until {@code stop} is true, looking again every {@link #LOOK} when none is due.
   *
   * @throws IOException when PostgreSQL or Kafka fails (the claim in hand is released when it can be)
   */
  public Counts run(BooleanSupplier stop) throws IOException {
    while (!stop.getAsBoolean()) {
      if (pollDue(stop) == 0) {
        try {
          long until = System.nanoTime() + LOOK.toNanos();
          while (!stop.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(50);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return counts();
  }

  /**
   * Claims and polls due sources, one at a time, until none is due and free or {@code stop} is true.
   *
   * @return how many were polled
   */
  public int pollDue(BooleanSupplier stop) throws IOException {
    int n = 0;
    while (!stop.getAsBoolean()) {
      Optional<Source> s = sources.claimDue(holder, claim);
      if (s.isEmpty()) {
        break;
      }
      try {
        poll(s.get());
      } catch (IOException | RuntimeException e) {
        try {
          sources.release(s.get().id(), holder);
        } catch (IOException | RuntimeException r) {
          e.addSuppressed(r);
        }
        throw e;
      }
      n++;
    }
    return n;
  }

  /** Polls claimed source {@code s}, hands its new URLs on, and records the poll. */
  private void poll(Source s) throws IOException {
    String name = "source " + s.id() + " (" + s.address() + ")";
    Poller.Polled p = poller.poll(s);
    if (p.failed()) {
      log.accept(name + " failed: " + p.state().lastError());
    }
    p.losses().forEach(l -> log.accept(name + " lost: " + l.reason()));
    List<String> todo = sources.toFetch(s, p.articles());
    List<String> handled = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (String url : todo) {
      KafkaMessages.FetchTask task;
      try {
        task = new KafkaMessages.FetchTask(url, origin(s, url));
      } catch (IllegalArgumentException e) { // never fetchable: marked handled, so not refused at every poll
        log.accept(name + " lists what cannot be fetched: " + e.getMessage());
        handled.add(url);
        continue;
      }
      acks.add(producer.send(new ProducerRecord<>(KafkaTopics.FETCH, task.key(), KafkaMessages.write(task))));
      handled.add(url);
    }
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get();
      } catch (ExecutionException e) {
        throw new IOException("Kafka did not take the URLs of " + name + ": " + e.getCause().getMessage(),
            e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for Kafka's acknowledgements", e);
      }
    }
    handedOn += acks.size();
    boolean page = s.kind() == Source.Kind.PAGE; // fetched again at every poll, never marked handled
    if (sources.finishPoll(s.id(), holder, p.state(), page ? List.of() : handled)) {
      polled++;
      failed += p.failed() ? 1 : 0;
    } else {
      lost++;
      log.accept(name + ": its claim was taken over by another worker or the source removed before this poll was "
          + "recorded (its URLs are marked handled; the state is left to the other worker)");
    }
  }

  /** What the origins of this worker's fetch tasks start with: {@code "source <id> <url as listed>"}. */
  private static final String ORIGIN = "source ";

  /** The origin of the fetch task of URL {@code url} (not blank, no white space) listed by source {@code s}. */
  static String origin(Source s, String url) {
    return ORIGIN + s.id() + " " + url;
  }

  /**
   * The progress that an article fetched for {@code origin} writes with it ({@link SourceProgress}: its URL
   * handled, one article added when it is new; never a poll's state, which the worker records): empty for any
   * other origin (a submission's, none, one this worker did not make).
   */
  public static Optional<SourceProgress> progress(String origin) {
    if (origin == null || !origin.startsWith(ORIGIN)) {
      return Optional.empty();
    }
    int space = origin.indexOf(' ', ORIGIN.length());
    if (space < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SourceProgress(Long.parseLong(origin.substring(ORIGIN.length(), space)),
          origin.substring(space + 1), null));
    } catch (IllegalArgumentException e) { // not a positive id, or a blank URL: not this worker's
      return Optional.empty();
    }
  }

  /** What was done so far. */
  public Counts counts() {
    return new Counts(polled, failed, handedOn, lost);
  }

  /** Closes the producer (waiting up to 10 s for what it holds) and the connection to PostgreSQL. */
  @Override
  public void close() throws IOException {
    try {
      producer.close(Duration.ofSeconds(10));
    } finally {
      db.close();
    }
  }
}
