package org.lente.cluster;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lente.index.SearchIndex;
import org.lente.ingest.source.SourceProgress;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;
import org.lente.store.PostgresArticleStore;
import org.lente.store.PostgresConnections;
import org.lente.story.Lineage;
import org.lente.story.PostgresStoryStore;
import org.lente.story.Stories;

/**
 * The cluster's knowledge writer ({@code lente worker write}): the one process that adds the articles of
 * {@value KafkaTopics#ANALYSED} (partition 0, its only one) to the knowledge base on the cluster's PostgreSQL
 * store, story store and the given index. Standbys wait for its {@link WriterLease} ({@value #LEASE}); the
 * holder seeks to the offset stored in PostgreSQL ({@link AppliedOffsets}) and applies the records in batches,
 * each batch one PostgreSQL transaction that holds its articles, their resolver names, their stories and lineage
 * (the article and story stores share one {@link PostgresConnections}, whose transaction their writes join), the
 * end of the submissions they came from ({@link ClusterSubmissions#added}), the lease check and the offset past the
 * batch's last record: all of it commits or none (the store and lineage hold the rows found in the batch's new
 * articles and their story rows, and write them at its end, one statement a table:
 * {@link PostgresArticleStore#holdWrites}, {@link Lineage#holdWrites}), a redelivered record (an
 * offset below the stored one) is skipped, and a writer whose lease was taken over cannot commit
 * ({@link WriterLease.LostException} comes out of {@link #run}).
 *
 * <p>A batch is up to {@code batch} records, and its first record waits at most {@link #MAX_WAIT} for the others.
 * A record that is no analysed article is passed over (its offset stored with the batch's). When a record fails
 * to apply by its own fault (a {@link RuntimeException}, or PostgreSQL refusing its data: SQLSTATE class 22), the
 * batch rolls back and its records are applied again one per transaction, so that the one at fault is passed over
 * alone (its offset stored) and the others are kept. The submission a passed-over record came from ends failed
 * ({@link ClusterSubmissions#passedOver}) in the transaction that stores the offset past the record. When the connection to PostgreSQL is lost
 * ({@link PostgresConnections#connectionLost}: a restart, a terminated session, a network cut), the writer resumes in
 * the process: it forgets its in-memory state ({@link KnowledgeBase#rolledBack}), checks its lease, reads the offset
 * stored by its last committed transaction and seeks there, so that a batch that rolled back with the session is
 * applied again and one that committed (its answer lost) is not: up to five attempts since the writer last
 * committed, waiting {@link #RESUME_WAITS} before each (about a minute in all), each logged. Any other
 * failure of PostgreSQL, or a connection still lost after those attempts, rolls back the batch and comes out of
 * {@link #run}: the caller stops, and the next writer reads the batch again.
 *
 * <p>In-memory state: the entity resolver's names and the stories are read from PostgreSQL when the writer opens,
 * and read again after every rollback ({@link KnowledgeBase#rolledBack}), so that they never keep what PostgreSQL
 * did not. That opening may take longer than the lease on a big store: a daemon thread renews the lease (the same
 * fenced {@link WriterLease#check}) every third of its ttl until the writer is open, and the lease is checked once
 * more before the first batch.
 *
 * <p>Timing: with this class's {@link System.Logger} at DEBUG (java.util.logging's FINE), each batch logs a line
 * "writer timing: N records to offset O: polls P ms, adds A ms, lease and offset L ms, commit C ms": where the batch's
 * wall time went ({@code bench/writer-rate} sums them).
 *
 * <p>Records are read on a thread of the writer's own (the JSON read into an analysis, and the work of its text alone:
 * {@link KnowledgeBase#prepare}), so that the next batch's records are read while the writer waits on PostgreSQL;
 * at most a batch of records beyond the one applied is read at once ({@link ReadAhead}), the rest of a poll waits
 * unread. They are applied in order on the writer's thread, as before.
 *
 * <p>Not thread-safe: one thread opens, runs and closes it (the opening's renewal thread is joined before
 * {@link #open} returns; the reading thread ends with {@link #close}).
 */
public final class KnowledgeWriter implements AutoCloseable {

  /** The lease's name in {@code writer_lease}. */
  public static final String LEASE = "knowledge-writer";

  /** How often a standby tries the lease at most: the holder's lease may be shorter than its own. */
  static final Duration STANDBY_RETRY = Duration.ofSeconds(1);

  /** The partition of {@value KafkaTopics#ANALYSED}: the topic has one, so that the writer's order is total. */
  static final int PARTITION = 0;

  /** Records per transaction by default (measured: docs/cluster-writer.md). */
  public static final int DEFAULT_BATCH = 50;

  /** The largest batch: a transaction's locks and a rollback's redone work stay bounded. */
  public static final int MAX_BATCH = 1000;

  /** How long a batch's first record waits at most for the others: a lone record is not delayed longer. */
  public static final Duration MAX_WAIT = Duration.ofMillis(100);

  /** How long a poll waits when nothing is waiting to be applied; the lease is renewed at least this often. */
  static final Duration IDLE_POLL = Duration.ofMillis(500);

  /**
   * The waits before each attempt to resume after the connection to PostgreSQL was lost: the first at once (a
   * terminated session reconnects), then doubling, about a minute in all (a restarting server comes back).
   */
  static final List<Duration> RESUME_WAITS = List.of(Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(8),
      Duration.ofSeconds(16), Duration.ofSeconds(32));
  /**
   * What a run did.
   *
   * @param applied records added to the knowledge base (new articles, new versions and duplicates alike)
   * @param skipped records below the stored offset: applied before, delivered again
   * @param unreadable records passed over with their offset stored: no analysed article, or one that failed to
   *     apply by its own fault
   */
  public record Counts(long applied, long skipped, long unreadable) {
    public Counts {
      if (applied < 0 || skipped < 0 || unreadable < 0) {
        throw new IllegalArgumentException("negative counts: " + applied + ", " + skipped + ", " + unreadable);
      }
    }
  }

  /**
   * A record read: its analysis (null when unreadable), the progress of the polled source it came from (or null),
   * the submission it came from (its id, or null; read from the message's origin also when the rest is unreadable),
   * and the warning to log for an unreadable one (null for a readable one).
   */
  private record Parsed(long offset, String key, Analysis analysis, SourceProgress progress, String submission,
      String warning) {
    boolean readable() {
      return analysis != null;
    }
  }

  /**
   * A transaction storing offset {@code next} whose commit may be sent: what it counts when it committed. After a
   * lost connection, an offset stored at or past {@code next} says it did.
   */
  private record InFlight(long next, long applied, long unreadable) {}

  private final PostgresConnections pg;
  /**
   * Reads the records ahead of their batch ({@link #readAhead}: the JSON read into an analysis, and the work of its
   * text alone, {@link KnowledgeBase#prepare}: its content hash, lineage's shingles and bands), one thread, in order, at
   * most a batch ahead ({@link ReadAhead}): while the writer's thread waits on PostgreSQL for a record's statements,
   * the next records are read. What is applied, and in which order, is as it was; only where that work runs changed.
   */
  private final ExecutorService reading = Executors.newSingleThreadExecutor(
      r -> Thread.ofPlatform().daemon().name("knowledge writer: reading ahead").unstarted(r));
  private final WriterLease lease;
  private final KnowledgeBase kb;
  private final RenewingConsumer consumer;
  private final Consumer<String> log;
  private long next; // the offset of the next record to apply, as stored
  private long polling; // nanoseconds spent in Kafka polls since the last batch was applied, for the timing log
  private InFlight inFlight; // the transaction storing an offset under way, or null
  private int attempts; // attempts to resume since the last transaction committed

  private static final System.Logger TIMING = System.getLogger(KnowledgeWriter.class.getName());

  /**
   * The writer, its consumer assigned {@link #TOPIC_PARTITION} at {@code next}; a consumer made again after a
   * failure the client does not recover from ({@link RenewingConsumer}, its waits at most a third of the lease's
   * {@code ttl}) starts at the writer's {@link #next} then, the offset past the last committed transaction.
   */
  private KnowledgeWriter(PostgresConnections pg, WriterLease lease, KnowledgeBase kb, String bootstrap, long next,
      Duration ttl, Consumer<String> log) {
    this.pg = pg;
    this.lease = lease;
    this.kb = kb;
    this.next = next;
    this.log = log;
    this.consumer = new RenewingConsumer("the knowledge writer reading " + TOPIC_PARTITION, () -> consumer(bootstrap),
        c -> {
          c.assign(List.of(TOPIC_PARTITION));
          c.seek(TOPIC_PARTITION, firstKept(c));
        }, RenewingConsumer.WAITS.stream().map(w -> w.compareTo(ttl.dividedBy(3)) > 0 ? ttl.dividedBy(3) : w)
            .toList(), log); // each failed poll renews the lease: no wait as long as it
  }

  /**
   * Waits for the lease (retrying every third of {@code ttl}, at most a second, while another holder's runs),
   * then opens the knowledge base over the cluster's PostgreSQL stores and {@code index} and seeks to the stored
   * offset, renewing the lease every third of {@code ttl} meanwhile, and checks the lease once more.
   *
   * @param index the index articles go to; closed with the writer (also when this fails)
   * @param holder who this writer is, for the lease row (host and process id, say)
   * @param ttl how long the lease lasts without a batch or an idle poll renewing it
   * @param stop asked while waiting for the lease: true gives up
   * @return the writer, or empty when {@code stop} said so before the lease came
   * @throws IOException when PostgreSQL or Kafka cannot be reached (or the schema is not current)
   * @throws WriterLease.LostException when another writer took the lease over while this one opened (its renewals
   *     failed for longer than {@code ttl})
   */
  public static Optional<KnowledgeWriter> open(ClusterFile cluster, SearchIndex index, String holder, Duration ttl,
      BooleanSupplier stop, Consumer<String> log) throws IOException, WriterLease.LostException {
    return open(cluster, index, holder, ttl, stop, log, () -> { });
  }

  /**
   * As {@link #open(ClusterFile, SearchIndex, String, Duration, BooleanSupplier, Consumer)}, running {@code leased}
   * on the opening thread once the lease is taken and its renewals run, before anything is read from PostgreSQL:
   * the seam through which a test holds the opening for longer than the lease.
   */
  static Optional<KnowledgeWriter> open(ClusterFile cluster, SearchIndex index, String holder, Duration ttl,
      BooleanSupplier stop, Consumer<String> log, Runnable leased) throws IOException, WriterLease.LostException {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(leased, "leased");
    String bootstrap;
    PostgresConnections pg = null;
    KnowledgeBase kb = null;
    try {
      bootstrap = cluster.requireKafka();
      pg = PostgresConnections.connect(cluster);
      Optional<WriterLease> lease = acquire(pg, holder, ttl);
      long retry = Math.max(1, Math.min(ttl.dividedBy(3).toMillis(), STANDBY_RETRY.toMillis()));
      if (lease.isEmpty()) {
        log.accept("standby: another knowledge writer holds the lease; retrying every " + retry + " ms");
      }
      while (lease.isEmpty()) {
        if (stop.getAsBoolean()) {
          pg.close();
          index.close();
          return Optional.empty();
        }
        Thread.sleep(retry);
        lease = acquire(pg, holder, ttl);
      }
      long next;
      try (Renewal renewal = Renewal.start(pg, lease.get(), ttl, log)) {
        leased.run();
        next = storedOffset(pg);
        PostgresArticleStore store = PostgresArticleStore.on(pg); // one transaction for articles and stories
        store.holdWrites(); // a batch's found rows written at its end: inOneTransaction
        Lineage lineage = new Lineage(PostgresStoryStore.on(pg), Lineage.Articles.of(store),
            Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD).holdWrites(); // written once a batch: inOneTransaction
        kb = new KnowledgeBase(store, index, null, lineage); // closes store, index and lineage
      }
      check(pg, lease.get(), "check the lease before the first batch");
      KnowledgeWriter writer = new KnowledgeWriter(pg, lease.get(), kb, bootstrap, next, ttl, log);
      log.accept("knowledge writer " + holder + " holds the lease (epoch " + lease.get().epoch() + "), reading "
          + KafkaTopics.ANALYSED + " from offset " + next);
      return Optional.of(writer);
    } catch (ClusterFileException e) {
      index.close();
      throw new IOException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(pg, kb, index);
      return Optional.empty();
    } catch (IOException | WriterLease.LostException | RuntimeException e) {
      closeQuietly(pg, kb, index);
      throw e;
    }
  }

  /** The partition the writer reads. */
  private static final TopicPartition TOPIC_PARTITION = new TopicPartition(KafkaTopics.ANALYSED, PARTITION);

  /** The offset of the next record to apply, as the last committed transaction stored it (0 when none did). */
  private static long storedOffset(PostgresConnections pg) throws IOException {
    return pg.read("read the applied offsets", c -> AppliedOffsets.read(c, KafkaTopics.ANALYSED))
        .getOrDefault(PARTITION, 0L);
  }

  /**
   * Checks and renews {@code lease} in a transaction of its own.
   *
   * @throws WriterLease.LostException when another writer took it over
   */
  private static void check(PostgresConnections pg, WriterLease lease, String what)
      throws IOException, WriterLease.LostException {
    try {
      pg.transaction(what, tx -> {
        lease.check(tx);
        return null;
      });
    } catch (IOException e) {
      throw lost(e).orElseThrow(() -> e);
    }
  }

  /**
   * Renews a lease from a daemon thread every third of its ttl while the writer opens, so that a standby does not
   * take over a writer still reading its state. A renewal that fails is logged and tried again at the next turn;
   * one that finds the lease lost ends the renewals (the check before the first batch then finds it lost too).
   * {@link #close} stops the thread and waits for it.
   */
  private static final class Renewal implements AutoCloseable {
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    private final Thread thread;

    private Renewal(PostgresConnections pg, WriterLease lease, Duration every, Consumer<String> log) {
      thread = Thread.ofPlatform().daemon().name("lease renewal " + lease.epoch()).unstarted(() -> {
        try {
          while (!done.await(every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            try {
              check(pg, lease, "renew the lease while the writer opens");
            } catch (WriterLease.LostException e) {
              log.accept("warning: " + e.getMessage() + " while the writer opened");
              return;
            } catch (IOException | RuntimeException e) {
              log.accept("warning: the lease could not be renewed while the writer opened, tried again in "
                  + every.toMillis() + " ms: " + e.getMessage());
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }

    static Renewal start(PostgresConnections pg, WriterLease lease, Duration ttl, Consumer<String> log) {
      Renewal r = new Renewal(pg, lease, Duration.ofMillis(Math.max(1, ttl.dividedBy(3).toMillis())), log);
      r.thread.start();
      return r;
    }

    /** Stops the renewals and waits for the one under way. */
    @Override
    public void close() {
      done.countDown();
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true; // the renewal ends with its transaction: wait for it, then keep the interrupt
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Optional<WriterLease> acquire(PostgresConnections pg, String holder, Duration ttl)
      throws IOException {
    return pg.transaction("take the lease " + LEASE, c -> WriterLease.acquire(c, LEASE, holder, ttl));
  }

  private static void closeQuietly(PostgresConnections pg, KnowledgeBase kb, SearchIndex index) {
    try {
      if (kb != null) {
        kb.close();
      } else {
        index.close();
      }
    } catch (IOException e) {
      // the failure being thrown says more
    }
    try {
      if (pg != null) {
        pg.close();
      }
    } catch (IOException e) {
      // the failure being thrown says more
    }
  }

  /**
   * The offset to read from: {@link #next}, unless the topic no longer holds it because its retention removed
   * records before the writer applied them. Then the removed range is logged as a warning (those articles are not
   * in the knowledge base: their pages must be submitted again) and reading starts at the first record kept, which
   * becomes {@link #next}. The consumer never resets by itself ({@code auto.offset.reset=none}): a position the topic
   * does not hold fails its poll, and the consumer made again after that failure comes here. When the topic's
   * first offset cannot be read, {@link #next} is kept and the poll tells.
   */
  private long firstKept(org.apache.kafka.clients.consumer.Consumer<String, String> c) {
    long first;
    try {
      first = c.beginningOffsets(List.of(TOPIC_PARTITION), Duration.ofSeconds(10)).get(TOPIC_PARTITION);
    } catch (KafkaException e) {
      log.accept("warning: the first offset kept in " + TOPIC_PARTITION + " could not be read (" + e + "): reading "
          + "from offset " + next);
      return next;
    }
    if (next < first) {
      log.accept("warning: records at offsets " + next + " to " + (first - 1) + " of " + TOPIC_PARTITION
          + " were removed by the topic's retention before this writer applied them: their articles are not in the "
          + "knowledge base and their pages must be submitted again; reading from offset " + first);
      next = first;
    }
    return next;
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"); // the offset of record is in PostgreSQL
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"); // batches larger than a poll gather over several
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none"); // a position the topic lost fails; see firstKept
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  /** The offset of the next record to apply. */
  public long next() {
    return next;
  }

  /** As {@link #run(int, BooleanSupplier)} with {@link #DEFAULT_BATCH}. */
  public Counts run(BooleanSupplier stop) throws IOException, WriterLease.LostException {
    return run(DEFAULT_BATCH, stop);
  }

  /**
   * Applies records, up to {@code batch} per transaction, until {@code stop} says so; an idle poll renews the
   * lease and commits the index. Records waiting for their batch when {@code stop} comes are left for the next
   * run (their offset is not stored).
   *
   * @param batch records per transaction, 1 to {@value #MAX_BATCH}
   * @throws WriterLease.LostException when another writer took the lease: nothing of the batch at hand was kept,
   *     and the caller must stop
   * @throws IOException when PostgreSQL fails otherwise than by a lost connection, or the connection stays lost
   *     after five attempts to resume (the batch at hand is not applied and is read again on restart); or when the
   *     writer's memory cannot be read again after a rollback (the same: nothing of the batch passed over); or when the
   *     Kafka consumer failed {@link RenewingConsumer#WAITS its budget} of times in a row (made again after each
   *     failure the client does not recover from, at the offset past the last committed transaction)
   */
  public Counts run(int batch, BooleanSupplier stop) throws IOException, WriterLease.LostException {
    if (batch < 1 || batch > MAX_BATCH) {
      throw new IllegalArgumentException("batch must be 1 to " + MAX_BATCH + ": " + batch);
    }
    long[] counts = new long[3]; // applied, skipped, unreadable
    // the next batch is read while one is applied, and no more: a poll's records wait unread (ReadAhead)
    ReadAhead<ConsumerRecord<String, String>, Parsed> waiting = new ReadAhead<>(reading, this::readAhead, batch);
    long due = 0; // when the first record waiting must be applied (System.nanoTime)
    while (!stop.getAsBoolean()) {
      long wait = waiting.isEmpty() ? IDLE_POLL.toMillis() : Math.max(0, (due - System.nanoTime()) / 1_000_000);
      long polled = System.nanoTime();
      long renewals = consumer.renewals();
      var records = consumer.poll(Duration.ofMillis(wait), stop);
      polling += System.nanoTime() - polled;
      if (consumer.renewals() != renewals) {
        waiting.drop(); // a new consumer reads them again from next
      }
      for (ConsumerRecord<String, String> r : records) {
        if (r.offset() < next) {
          counts[1]++;
          continue;
        }
        if (waiting.isEmpty()) {
          due = System.nanoTime() + MAX_WAIT.toNanos();
        }
        waiting.add(r);
      }
      try {
        if (waiting.isEmpty()) {
          if (records.isEmpty()) {
            renew();
            kb.flush();
          }
          continue;
        }
        while (waiting.size() >= batch || (!waiting.isEmpty() && System.nanoTime() >= due)) {
          apply(waiting.take(Math.min(batch, waiting.size())), counts);
          due = System.nanoTime() + MAX_WAIT.toNanos();
        }
      } catch (IOException e) {
        if (!PostgresConnections.connectionLost(e)) {
          throw e;
        }
        waiting.drop(); // read again from the stored offset
        if (!resume(e, stop, counts)) {
          break;
        }
      }
    }
    return new Counts(counts[0], counts[1], counts[2]);
  }

  /**
   * After the connection to PostgreSQL was lost ({@code lost}): forgets the in-memory state, checks the lease,
   * reads the offset stored by the last committed transaction and seeks there; counts the transaction under way
   * when that offset says it committed (its answer was lost). Tries up to {@code RESUME_WAITS.size()} times since
   * the last transaction committed, after the waits of {@link #RESUME_WAITS}, each attempt logged.
   *
   * @return true when resumed, false when {@code stop} said so while waiting
   * @throws IOException {@code lost}, with the attempts' failures suppressed, when the attempts ran out; or a failure
   *     of PostgreSQL other than a lost connection
   * @throws WriterLease.LostException when another writer took the lease meanwhile
   */
  private boolean resume(IOException lost, BooleanSupplier stop, long[] counts)
      throws IOException, WriterLease.LostException {
    InFlight sent = inFlight;
    inFlight = null;
    while (true) {
      if (attempts >= RESUME_WAITS.size()) {
        log.accept("the connection to PostgreSQL is still lost after " + attempts + " attempts to resume: stopping");
        throw lost;
      }
      Duration wait = RESUME_WAITS.get(attempts++);
      log.accept("warning: the connection to PostgreSQL was lost (" + lost.getMessage() + "); resuming from the "
          + "offset stored by the last committed transaction in " + wait.toSeconds() + " s, attempt " + attempts
          + " of " + RESUME_WAITS.size());
      if (!sleep(wait, stop)) {
        return false;
      }
      try {
        kb.rolledBack();
        check(pg, lease, "check the lease after a lost connection");
        long stored = storedOffset(pg);
        if (sent != null && stored >= sent.next()) {
          counts[0] += sent.applied();
          counts[2] += sent.unreadable();
          log.accept("the transaction storing offset " + sent.next() + " had committed (its answer was lost)");
        }
        consumer.seek(TOPIC_PARTITION, stored);
        next = stored;
        log.accept("resumed: reading " + KafkaTopics.ANALYSED + " again from offset " + stored);
        return true;
      } catch (IOException e) {
        if (!PostgresConnections.connectionLost(e)) {
          e.addSuppressed(lost);
          throw e;
        }
        lost.addSuppressed(e);
      }
    }
  }

  /** Waits {@code wait}, asking {@code stop} every tenth of a second; false when it said to stop. */
  private static boolean sleep(Duration wait, BooleanSupplier stop) {
    long end = System.nanoTime() + wait.toNanos();
    while (!stop.getAsBoolean()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      try {
        Thread.sleep(Math.min(left / 1_000_000 + 1, 100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * Runs {@code work} in one transaction that stores an offset ({@code sent} says which, and what it counts), and
   * notes that it committed: the attempts to resume start again.
   */
  private <T> T commit(String what, InFlight sent, org.lente.store.SqlWork<T> work) throws IOException {
    inFlight = sent;
    T result = pg.transaction(what, work);
    inFlight = null;
    attempts = 0;
    return result;
  }

  /** Applies {@code parsed} (consecutive, none applied before) in one transaction, else one by one; counts them. */
  private void apply(List<Parsed> parsed, long[] counts) throws IOException, WriterLease.LostException {
    for (Parsed p : parsed) {
      if (p.warning() != null) {
        log.accept(p.warning());
      }
    }
    long last = parsed.get(parsed.size() - 1).offset() + 1;
    try {
      counts[0] += inOneTransaction(parsed, last);
      counts[2] += parsed.stream().filter(p -> !p.readable()).count();
      next = last;
      return;
    } catch (IOException | RuntimeException e) {
      IOException fatal = afterRollback(e);
      if (fatal != null) {
        throw fatal;
      }
      log.accept("warning: a batch of " + parsed.size() + " records from offset " + parsed.get(0).offset()
          + " rolled back (" + e.getMessage() + "); applying them one by one");
    }
    List<Parsed> passed = new ArrayList<>(); // unreadable records since the last transaction: stored with the next
    for (Parsed p : parsed) {
      if (!p.readable()) {
        passed.add(p);
        continue;
      }
      List<Parsed> with = new ArrayList<>(passed);
      with.add(p);
      try {
        counts[0] += inOneTransaction(with, p.offset() + 1);
      } catch (IOException | RuntimeException e) {
        IOException fatal = afterRollback(e);
        if (fatal != null) {
          throw fatal;
        }
        log.accept("warning: offset " + p.offset() + " of " + KafkaTopics.ANALYSED + " (" + p.key() + ") cannot "
            + "be applied, passed over: " + e);
        pass(with, p.offset() + 1);
        counts[2]++;
      }
      counts[2] += with.size() - 1; // the unreadable records before p
      passed.clear();
      next = p.offset() + 1;
    }
    if (next < last) {
      pass(passed, last); // unreadable records at the end
      counts[2] += passed.size();
    }
    next = last;
  }

  /**
   * Adds the readable records of {@code parsed} in one transaction with the lease check and {@code last} as the
   * offset past them; returns how many were added.
   */
  private int inOneTransaction(List<Parsed> parsed, long last) throws IOException {
    long start = System.nanoTime();
    long[] marks = new long[2]; // when the adds ended, when the lease check and the offset ended
    long readable = parsed.stream().filter(Parsed::readable).count();
    InFlight sent = new InFlight(last, readable, parsed.size() - readable);
    int n = commit("apply " + KafkaTopics.ANALYSED + " up to offset " + last, sent, tx -> {
      int added = 0;
      for (Parsed p : parsed) {
        if (!p.readable()) {
          passedOver(tx, p);
        } else {
          KnowledgeBase.Added a = kb.add(p.key(), p.analysis(), p.progress());
          if (a.failure() != null) {
            log.accept("warning: article " + a.id() + " (" + p.key() + ") stored, its " + a.failure().stage()
                + " stage failed and is retried later: " + a.failure().reason());
          }
          if (p.submission() != null) {
            ClusterSubmissions.added(tx, p.submission(), a);
          }
          added++;
        }
      }
      kb.writeHeld(); // the batch's found and story rows, one statement a table (holdWrites)
      marks[0] = System.nanoTime();
      lease.check(tx);
      AppliedOffsets.record(tx, KafkaTopics.ANALYSED, PARTITION, last);
      marks[1] = System.nanoTime();
      return added;
    });
    long end = System.nanoTime();
    if (TIMING.isLoggable(System.Logger.Level.DEBUG)) {
      TIMING.log(System.Logger.Level.DEBUG, String.format(java.util.Locale.ROOT, "writer timing: %d records to "
          + "offset %d: polls %.1f ms, adds %.1f ms, lease and offset %.1f ms, commit %.1f ms", parsed.size(), last,
          polling / 1e6, (marks[0] - start) / 1e6, (marks[1] - marks[0]) / 1e6, (end - marks[1]) / 1e6));
    }
    polling = 0;
    return n;
  }

  /**
   * The record parsed ({@link #parse}), and the knowledge base's work of its text {@link KnowledgeBase#prepare
   * prepared}: on the reading thread. A failure to prepare is left to the addition, which computes it again and fails
   * as before.
   */
  private Parsed readAhead(ConsumerRecord<String, String> r) {
    Parsed p = parse(r);
    if (p.readable()) {
      try {
        kb.prepare(p.key(), p.analysis());
      } catch (RuntimeException e) {
        // the addition meets it again, in its own path
      }
    }
    return p;
  }

  /**
   * The record as an analysed article; one with a null analysis and a warning to log when it is none. Pure (it reads
   * nothing of the writer's state): it runs on the reading thread ({@link #reading}).
   */
  private static Parsed parse(ConsumerRecord<String, String> r) {
    try {
      KafkaMessages.AnalysedArticle a = KafkaMessages.read(r.value(), KafkaMessages.AnalysedArticle.class);
      Analysis analysis = a.read();
      if (a.key() == null || a.key().isBlank() || analysis.article().text().isBlank()) {
        throw new IllegalArgumentException("no key or no text");
      }
      return new Parsed(r.offset(), a.key(), analysis, PollWorker.progress(a.origin()).orElse(null),
          ClusterSubmissions.submissionId(a.origin()).orElse(null), null);
    } catch (IOException | RuntimeException e) {
      return new Parsed(r.offset(), r.key(), null, null,
          ClusterSubmissions.submissionId(KafkaMessages.origin(r.value())).orElse(null), "warning: offset "
          + r.offset() + " of " + KafkaTopics.ANALYSED + " is no analysed article, passed over: " + e.getMessage());
    }
  }

  /**
   * Ends the submission {@code p} came from, if any and still queued, as failed in {@code tx}: the writer passes
   * {@code p} over (no analysed article, or one that failed to apply by its own fault).
   */
  private void passedOver(java.sql.Connection tx, Parsed p) throws SQLException {
    if (p.submission() != null && ClusterSubmissions.passedOver(tx, p.submission())) {
      log.accept("submission " + p.submission() + " failed: its record at offset " + p.offset() + " of "
          + KafkaTopics.ANALYSED + " was passed over");
    }
  }

  /**
   * After a transaction failed with {@code e} and rolled back: the knowledge base forgets what it held of it
   * ({@link KnowledgeBase#rolledBack}); then the failure to throw when it is PostgreSQL's, or null when it is the
   * record's ({@link #recordsFault}). When the forgetting itself fails, the writer's memory may still hold what
   * rolled back (an article id PostgreSQL will not hand out again, which the next story would refer to): that
   * failure is thrown, {@code e} suppressed in it, whatever {@code e} was, so that the writer stops or, the
   * connection lost, resumes and forgets again. A lost connection is returned at once: {@link #run} resumes, and the
   * state is forgotten then.
   *
   * @throws WriterLease.LostException when the lease was lost
   */
  private IOException afterRollback(Exception e) throws WriterLease.LostException {
    if (e instanceof IOException io && PostgresConnections.connectionLost(io)) {
      return io; // run resumes, and forgets the state then: reading it now would need the connection too
    }
    Optional<WriterLease.LostException> l = lost(e);
    try {
      kb.rolledBack();
    } catch (IOException | RuntimeException r) {
      if (l.isPresent()) {
        l.get().addSuppressed(r);
        throw l.get();
      }
      IOException forgetting = r instanceof IOException io ? io
          : new IOException("the writer's memory could not be read again after a rollback: " + r, r);
      forgetting.addSuppressed(e);
      return forgetting;
    }
    if (l.isPresent()) {
      throw l.get();
    }
    return recordsFault(e) ? null : (IOException) e; // not a RuntimeException: recordsFault says true for those
  }

  /**
   * Whether {@code e} is the fault of the record being applied, which is then passed over: a RuntimeException
   * (the record's content met a check or a bug), or PostgreSQL refusing its data (SQLSTATE class 22, "data
   * exception": a character or a value the column cannot hold). Anything else (a connection lost, the lease lost,
   * the database refusing work) is PostgreSQL's, and the writer must stop without passing the record over.
   */
  static boolean recordsFault(Throwable e) {
    if (lost(e).isPresent()) {
      return false;
    }
    if (e instanceof RuntimeException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("22")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Passes {@code passed} over: stores {@code nextOffset} under the lease, and ends the submissions they came from
   * ({@link #passedOver}), in one transaction.
   */
  private void pass(List<Parsed> passed, long nextOffset) throws IOException, WriterLease.LostException {
    try {
      commit("store offset " + nextOffset + " of " + KafkaTopics.ANALYSED, new InFlight(nextOffset, 0, 0), tx -> {
        for (Parsed p : passed) {
          passedOver(tx, p);
        }
        lease.check(tx);
        AppliedOffsets.record(tx, KafkaTopics.ANALYSED, PARTITION, nextOffset);
        return null;
      });
    } catch (IOException e) {
      throw lost(e).orElseThrow(() -> e);
    }
  }

  /** Renews the lease while idle, so that a standby does not take over a writer with nothing to do. */
  private void renew() throws IOException, WriterLease.LostException {
    check(pg, lease, "renew the lease");
    attempts = 0;
  }

  /** The lost lease among the causes of {@code e}, if any. */
  private static Optional<WriterLease.LostException> lost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WriterLease.LostException l) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** Commits the index, closes the knowledge base and the consumer, then ends the lease so a standby takes over. */
  @Override
  public void close() throws IOException {
    try {
      reading.shutdownNow();
      consumer.close();
      kb.close();
    } finally {
      try {
        pg.transaction("release the lease " + LEASE, c -> {
          lease.release(c);
          return null;
        });
      } finally {
        pg.close();
      }
    }
  }
}
