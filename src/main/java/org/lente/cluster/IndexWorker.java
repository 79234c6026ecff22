package org.lente.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.lente.index.OpenSearchIndex;
import org.lente.store.PostgresArticleStore;
import org.lente.store.PostgresConnections;
import org.lente.store.StoredArticle;
import org.postgresql.PGConnection;

/**
 * An index worker ({@code lente worker index}): feeds OpenSearch from the PostgreSQL store, which is the index's
 * outbox. Each batch claims up to {@code batch} unindexed articles ({@link PostgresArticleStore#indexUnindexed}:
 * {@code FOR UPDATE SKIP LOCKED}, so several workers share the work and none indexes an article another holds),
 * writes them in bulk with their versions as external versions ({@link OpenSearchIndex#write}), refreshes the
 * index, then marks them indexed in the claim's transaction; an article OpenSearch refuses is recorded as an index
 * failure and does not hold the others. A worker that dies mid-batch loses nothing: the claim's transaction rolls
 * back and another worker indexes the articles again (a version OpenSearch already holds is a 409, done).
 *
 * <p>Between batches it waits for a notification on {@value #CHANNEL} (sent at the commit of an article to index,
 * by the trigger of {@code V14_2__index_outbox.sql}) or for the poll interval, whichever comes first: a missed
 * notification delays an article by at most that interval, never loses it. On start it retries the articles whose
 * indexing failed, once.
 *
 * <p>Not thread-safe: one thread opens, runs and closes it.
 */
public final class IndexWorker implements AutoCloseable {

  /** The PostgreSQL channel the outbox's trigger notifies. */
  public static final String CHANNEL = "lente_index";

  /** How often a waiting worker checks whether it is asked to stop. */
  static final Duration STOP_CHECK = Duration.ofMillis(500);

  /**
   * What a run did.
   *
   * @param indexed articles written and marked indexed
   * @param refused articles OpenSearch refused, recorded as index failures
   * @param batches claims that found articles
   */
  public record Counts(long indexed, long refused, long batches) {
    public Counts {
      if (indexed < 0 || refused < 0 || batches < 0) {
        throw new IllegalArgumentException("negative counts: " + indexed + ", " + refused + ", " + batches);
      }
    }

    Counts plus(PostgresArticleStore.Indexed b) {
      return new Counts(indexed + b.indexed(), refused + b.refused(), batches + (b.claimed() > 0 ? 1 : 0));
    }
  }

  private final PostgresConnections db;
  private final PostgresArticleStore store;
  private final OpenSearchIndex index;
  private final Connection listening;
  private final int batch;
  private final Duration poll;
  private final Consumer<String> log;

  private IndexWorker(PostgresConnections db, OpenSearchIndex index, Connection listening, int batch,
      Duration poll, Consumer<String> log) {
    this.db = db;
    this.store = PostgresArticleStore.on(db);
    this.index = index;
    this.listening = listening;
    this.batch = batch;
    this.poll = poll;
    this.log = log;
  }

  /**
   * Connects to the cluster's PostgreSQL and listens on {@value #CHANNEL}.
   *
   * @param index where articles go; closed with the worker (also when this fails)
   * @param batch articles per claim, 1 to 10,000
   * @param poll the longest wait without a notification before looking for work anyway
   * @throws IOException when PostgreSQL cannot be reached, or its schema is not current
   */
  public static IndexWorker open(ClusterFile cluster, OpenSearchIndex index, int batch, Duration poll,
      Consumer<String> log) throws IOException {
    Objects.requireNonNull(log, "log");
    if (batch < 1 || batch > 10_000) {
      index.close();
      throw new IllegalArgumentException("the batch must be 1 to 10000 articles: " + batch);
    }
    if (poll.isNegative() || poll.isZero()) {
      index.close();
      throw new IllegalArgumentException("the poll interval must be positive: " + poll);
    }
    PostgresConnections db = null;
    Connection listening = null;
    try {
      db = PostgresConnections.connect(cluster);
      listening = DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(),
          cluster.postgresPassword());
      try (Statement st = listening.createStatement()) {
        st.execute("LISTEN " + CHANNEL); // before the first claim, so nothing committed after it goes unnoticed
      }
      return new IndexWorker(db, index, listening, batch, poll, log);
    } catch (SQLException e) {
      IOException failure = new IOException("PostgreSQL at " + cluster.postgresUrl() + ": " + e.getMessage(), e);
      closeAll(failure, listening, db, index);
      throw failure;
    } catch (IOException | RuntimeException e) {
      closeAll(e, listening, db, index);
      throw e;
    }
  }

  /** Closes each of {@code opened} that is not null, adding each failure to {@code failure}. */
  static void closeAll(Throwable failure, AutoCloseable... opened) {
    for (AutoCloseable c : opened) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception again) {
          failure.addSuppressed(again);
        }
      }
    }
  }

  /**
   * Claims, writes and marks one batch.
   *
   * @param after claim only articles with greater ids (0: all)
   * @param withFailed whether to retry articles whose indexing failed
   * @throws IOException when PostgreSQL or OpenSearch fail: nothing of the batch is marked
   */
  public PostgresArticleStore.Indexed once(long after, boolean withFailed) throws IOException {
    return store.indexUnindexed(after, batch, withFailed, this::write);
  }

  private Map<Long, String> write(List<StoredArticle> claimed) throws IOException {
    Map<Long, String> refused = index.write(claimed);
    index.commit();
    refused.forEach((id, why) -> log.accept("warning: article " + id + " refused by OpenSearch, recorded as an "
        + "index failure: " + why));
    return refused;
  }

  /**
   * Retries the failed articles once, then indexes what comes until {@code stop} says so (asked between
   * batches and every half second while waiting).
   *
   * @throws IOException when PostgreSQL or OpenSearch fail (the batch at hand is not marked: claimed again later)
   */
  public Counts run(BooleanSupplier stop) throws IOException {
    Counts counts = new Counts(0, 0, 0);
    long after = 0;
    while (!stop.getAsBoolean()) { // the retry: an id cursor, so that one refused again is not claimed again
      PostgresArticleStore.Indexed b = once(after, true);
      counts = counts.plus(b);
      if (b.claimed() == 0) {
        break;
      }
      after = b.last();
    }
    while (!stop.getAsBoolean()) {
      PostgresArticleStore.Indexed b = once(0, false);
      counts = counts.plus(b);
      if (b.claimed() == 0) {
        await(stop);
      }
    }
    return counts;
  }

  /** Waits for a notification, the poll interval, or a stop; drains the notifications received. */
  private void await(BooleanSupplier stop) throws IOException {
    long deadline = System.nanoTime() + poll.toNanos();
    try {
      PGConnection pg = listening.unwrap(PGConnection.class);
      while (!stop.getAsBoolean()) {
        long left = Math.min(STOP_CHECK.toMillis(), (deadline - System.nanoTime()) / 1_000_000);
        if (left <= 0) {
          return;
        }
        var got = pg.getNotifications((int) left);
        if (got != null && got.length > 0) {
          return;
        }
      }
    } catch (SQLException e) {
      throw new IOException("cannot listen on " + CHANNEL + ": " + e.getMessage(), e);
    }
  }

  /** Closes the store's connections, the listening connection and the index. */
  @Override
  public void close() throws IOException {
    IOException failure = new IOException("closing the index worker");
    closeAll(failure, listening, db, index);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }
}
