package org.lente.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lente.index.SearchIndex;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;
import org.lente.store.ArticleStore;
import org.lente.store.PostgresArticleStore;
import org.lente.store.StoredArticle;
import org.lente.story.Lineage;
import org.lente.story.PostgresStoryStore;
import org.lente.story.Stories;

/**
 * The cluster's knowledge writer ({@code lente worker write}): the one process that adds the articles of
 * {@value KafkaTopics#ANALYSED} (partition 0, its only one) to the knowledge base on the cluster's PostgreSQL
 * store, story store and the given index. Standbys wait for its {@link WriterLease} ({@value #LEASE}); the
 * holder seeks to the offset stored in PostgreSQL ({@link AppliedOffsets}) and applies each record in the
 * article's own transaction, which also checks the lease and stores the offset past the record: an article and
 * its offset commit together, a redelivered record (an offset below the stored one) is skipped, and a writer whose
 * lease was taken over cannot commit ({@link WriterLease.LostException} comes out of {@link #run}). Its in-memory
 * state (the entity resolver's names, the stories) is rebuilt from PostgreSQL when it opens.
 *
 * <p>Not thread-safe: one thread opens, runs and closes it.
 */
public final class KnowledgeWriter implements AutoCloseable {

  /** The lease's name in {@code writer_lease}. */
  public static final String LEASE = "knowledge-writer";

  /** How often a standby tries the lease at most: the holder's lease may be shorter than its own. */
  static final Duration STANDBY_RETRY = Duration.ofSeconds(1);

  /** The partition of {@value KafkaTopics#ANALYSED}: the topic has one, so that the writer's order is total. */
  static final int PARTITION = 0;

  /**
   * What a run did.
   *
   * @param applied records added to the knowledge base (new articles, new versions and duplicates alike)
   * @param skipped records below the stored offset: applied before, delivered again
   * @param unreadable records that are no analysed article: logged and passed over (their offset stored)
   */
  public record Counts(long applied, long skipped, long unreadable) {
    public Counts {
      if (applied < 0 || skipped < 0 || unreadable < 0) {
        throw new IllegalArgumentException("negative counts: " + applied + ", " + skipped + ", " + unreadable);
      }
    }
  }

  private final Connection pg;
  private final WriterLease lease;
  private final KnowledgeBase kb;
  private final KafkaConsumer<String, String> consumer;
  private final Consumer<String> log;
  private long next; // the offset of the next record to apply, as stored

  private KnowledgeWriter(Connection pg, WriterLease lease, KnowledgeBase kb, KafkaConsumer<String, String> consumer,
      long next, Consumer<String> log) {
    this.pg = pg;
    this.lease = lease;
    this.kb = kb;
    this.consumer = consumer;
    this.next = next;
    this.log = log;
  }

  /**
   * Waits for the lease (retrying every third of {@code ttl}, at most a second, while another holder's runs),
   * then opens the knowledge base over the cluster's PostgreSQL stores and {@code index} and seeks to the stored
   * offset.
   *
   * @param index the index articles go to; closed with the writer (also when this fails)
   * @param holder who this writer is, for the lease row (host and process id, say)
   * @param ttl how long the lease lasts without a record or an idle poll renewing it
   * @param stop asked while waiting for the lease: true gives up
   * @return the writer, or empty when {@code stop} said so before the lease came
   * @throws IOException when PostgreSQL or Kafka cannot be reached (or the schema is not current)
   */
  public static Optional<KnowledgeWriter> open(ClusterFile cluster, SearchIndex index, String holder, Duration ttl,
      BooleanSupplier stop, Consumer<String> log) throws IOException {
    Objects.requireNonNull(log, "log");
    String bootstrap;
    Connection pg = null;
    KnowledgeBase kb = null;
    try {
      bootstrap = cluster.requireKafka();
      pg = DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(), cluster.postgresPassword());
      Optional<WriterLease> lease = WriterLease.acquire(pg, LEASE, holder, ttl);
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
        lease = WriterLease.acquire(pg, LEASE, holder, ttl);
      }
      long next = AppliedOffsets.read(pg, KafkaTopics.ANALYSED).getOrDefault(PARTITION, 0L);
      PostgresArticleStore store = PostgresArticleStore.connect(cluster);
      PostgresStoryStore stories;
      try {
        stories = PostgresStoryStore.connect(cluster);
      } catch (IOException | RuntimeException e) {
        store.close();
        throw e;
      }
      Lineage lineage = new Lineage(stories, id -> store.get(id).map(StoredArticle::analysis),
          Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD); // closes stories
      kb = new KnowledgeBase(store, index, null, lineage); // closes store, index and lineage
      KafkaConsumer<String, String> consumer = consumer(bootstrap);
      TopicPartition tp = new TopicPartition(KafkaTopics.ANALYSED, PARTITION);
      consumer.assign(List.of(tp));
      consumer.seek(tp, next);
      log.accept("knowledge writer " + holder + " holds the lease (epoch " + lease.get().epoch() + "), reading "
          + KafkaTopics.ANALYSED + " from offset " + next);
      return Optional.of(new KnowledgeWriter(pg, lease.get(), kb, consumer, next, log));
    } catch (ClusterFileException e) {
      index.close();
      throw new IOException(e.getMessage(), e);
    } catch (SQLException e) {
      closeQuietly(pg, kb, index);
      throw new IOException("PostgreSQL at " + cluster.postgresUrl() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(pg, kb, index);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      closeQuietly(pg, kb, index);
      throw e;
    }
  }

  private static void closeQuietly(Connection pg, KnowledgeBase kb, SearchIndex index) {
    try {
      if (pg != null) {
        pg.close();
      }
      if (kb != null) {
        kb.close();
      } else {
        index.close();
      }
    } catch (SQLException | IOException e) {
      // the failure being thrown says more
    }
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"); // the offset of record is in PostgreSQL
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  /** The offset of the next record to apply. */
  public long next() {
    return next;
  }

  /**
   * Applies records until {@code stop} says so; an idle poll renews the lease and commits the index.
   *
   * @throws WriterLease.LostException when another writer took the lease: nothing of the record at hand was kept,
   *     and the caller must stop
   * @throws IOException when PostgreSQL fails (the record at hand is not applied and is read again on restart)
   */
  public Counts run(BooleanSupplier stop) throws IOException, WriterLease.LostException {
    long applied = 0;
    long skipped = 0;
    long unreadable = 0;
    while (!stop.getAsBoolean()) {
      var records = consumer.poll(Duration.ofMillis(500));
      if (records.isEmpty()) {
        renew();
        kb.flush();
        continue;
      }
      for (ConsumerRecord<String, String> r : records) {
        if (r.offset() < next) {
          skipped++;
          continue;
        }
        if (apply(r)) {
          applied++;
        } else {
          unreadable++;
        }
        next = r.offset() + 1;
      }
    }
    return new Counts(applied, skipped, unreadable);
  }

  /** Adds the record's article with the lease check and the offset in its transaction; false when unreadable. */
  private boolean apply(ConsumerRecord<String, String> r) throws IOException, WriterLease.LostException {
    Analysis analysis;
    String key;
    try {
      KafkaMessages.AnalysedArticle a = KafkaMessages.read(r.value(), KafkaMessages.AnalysedArticle.class);
      analysis = a.read();
      key = a.key();
    } catch (IOException | RuntimeException e) {
      log.accept("warning: offset " + r.offset() + " of " + KafkaTopics.ANALYSED + " is no analysed article, "
          + "passed over: " + e.getMessage());
      pass(r.offset() + 1);
      return false;
    }
    ArticleStore.InTransaction then = (put, sql) -> {
      // the store's transaction runs on the connection its statements are prepared on
      Connection tx = sql.prepare("SELECT 1").getConnection();
      lease.check(tx);
      AppliedOffsets.record(tx, KafkaTopics.ANALYSED, PARTITION, r.offset() + 1);
    };
    try {
      KnowledgeBase.Added added = kb.add(key, analysis, null, then);
      if (added.failure() != null) {
        log.accept("warning: article " + added.id() + " (" + key + ") stored, its " + added.failure().stage()
            + " stage failed and is retried later: " + added.failure().reason());
      }
    } catch (IOException e) {
      throw lost(e).orElseThrow(() -> e);
    }
    return true;
  }

  /** Stores {@code nextOffset} alone, under the lease: a record passed over. */
  private void pass(long nextOffset) throws IOException, WriterLease.LostException {
    try {
      pg.setAutoCommit(false);
      try {
        lease.check(pg);
        AppliedOffsets.record(pg, KafkaTopics.ANALYSED, PARTITION, nextOffset);
        pg.commit();
      } catch (SQLException | RuntimeException e) {
        pg.rollback();
        throw e;
      } finally {
        pg.setAutoCommit(true);
      }
    } catch (WriterLease.LostException e) {
      throw e;
    } catch (SQLException e) {
      throw new IOException("cannot store offset " + nextOffset + " of " + KafkaTopics.ANALYSED + ": "
          + e.getMessage(), e);
    }
  }

  /** Renews the lease while idle, so that a standby does not take over a writer with nothing to do. */
  private void renew() throws IOException, WriterLease.LostException {
    try {
      lease.check(pg);
    } catch (WriterLease.LostException e) {
      throw e;
    } catch (SQLException e) {
      throw new IOException("cannot renew the lease: " + e.getMessage(), e);
    }
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
      consumer.close(Duration.ofSeconds(5));
      kb.close();
    } finally {
      try {
        lease.release(pg);
        pg.close();
      } catch (SQLException e) {
        throw new IOException("closing the PostgreSQL connection: " + e.getMessage(), e);
      }
    }
  }
}
