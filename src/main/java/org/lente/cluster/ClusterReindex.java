package org.lente.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.lente.index.OpenSearchIndex;
import org.lente.store.ArticleFailure;
import org.lente.store.PostgresArticleStore;
import org.lente.store.PostgresConnections;
import org.lente.store.StoredArticle;

/**
 * {@code lente reindex --cluster}: rebuilds the OpenSearch index from the PostgreSQL store while searches keep
 * using the old one and index workers keep running. In three steps:
 * <ol>
 *   <li>{@link #copy}: a new concrete index ({@link OpenSearchIndex#clear}) is filled with every stored article;
 *       meanwhile the index workers write the articles that change to the alias, so to the old index, which
 *       searches see;</li>
 *   <li>{@link #swap}: the alias moves to the new index in one request ({@link OpenSearchIndex#commit}): no
 *       moment without results; from then on the workers write to the new index;</li>
 *   <li>{@link #repair}: every article is compared with the new index by version, after the swap, and those
 *       missing or older (changed during the copy, and indexed by a worker into the old index only) are written
 *       again; the index failures of the articles now written are forgotten.</li>
 * </ol>
 * An article that changes after the repair read it is claimed by a worker after the swap, so it reaches the new
 * index. One rebuild at a time: a PostgreSQL advisory lock ({@value #LOCK}) refuses a second one. An article the
 * index refuses is recorded as an index failure; the others go on. Not thread-safe.
 */
public final class ClusterReindex implements AutoCloseable {

  /** The advisory lock a rebuild holds (a number of its own: Flyway's lock is another). */
  static final long LOCK = 0x6c656e7465_31L; // "lente" and 1

  /** Articles read per page. */
  static final int PAGE = 500;

  /**
   * What a rebuild did.
   *
   * @param copied articles written to the new index before the swap
   * @param repaired articles written again after it (missing or at an older version there)
   * @param refused articles the index refused, recorded as index failures
   */
  public record Counts(long copied, long repaired, long refused) {
    public Counts {
      if (copied < 0 || repaired < 0 || refused < 0) {
        throw new IllegalArgumentException("negative counts: " + copied + ", " + repaired + ", " + refused);
      }
    }
  }

  private final Connection locked;
  private final PostgresConnections db;
  private final PostgresArticleStore store;
  private final OpenSearchIndex index;
  private final Consumer<String> log;
  private long copied;
  private long repaired;
  private long refused;
  private final java.util.Set<Long> retried = new java.util.HashSet<>(); // index failures the copy retries

  private ClusterReindex(Connection locked, PostgresConnections db, OpenSearchIndex index, Consumer<String> log) {
    this.locked = locked;
    this.db = db;
    this.store = PostgresArticleStore.on(db);
    this.index = index;
    this.log = log;
  }

  /**
   * Takes the rebuild's lock and connects to the store.
   *
   * @param index the index to rebuild; closed with this (also when this fails)
   * @throws IOException when PostgreSQL cannot be reached, or another rebuild holds the lock (saying so)
   */
  public static ClusterReindex open(ClusterFile cluster, OpenSearchIndex index, Consumer<String> log)
      throws IOException {
    Objects.requireNonNull(log, "log");
    Connection c = null;
    try {
      c = DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(), cluster.postgresPassword());
      try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        st.setLong(1, LOCK);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw new IOException("another lente reindex --cluster is rebuilding the index of "
                + cluster.postgresUrl() + ": one at a time");
          }
        }
      }
      return new ClusterReindex(c, PostgresConnections.connect(cluster), index, log);
    } catch (SQLException e) {
      IOException failure = new IOException("PostgreSQL at " + cluster.postgresUrl() + ": " + e.getMessage(), e);
      IndexWorker.closeAll(failure, c, index);
      throw failure;
    } catch (IOException | RuntimeException e) {
      IndexWorker.closeAll(e, c, index);
      throw e;
    }
  }

  /** The three steps in order. */
  public Counts run() throws IOException {
    copy();
    swap();
    repair();
    return counts();
  }

  /** What was done so far. */
  public Counts counts() {
    return new Counts(copied, repaired, refused);
  }

  /**
   * Starts the new index and writes every stored article to it; searches still see the old one. The index marks
   * stay as they are: the workers mark what they index, and an article the new index holds already is a 409 to
   * them, done.
   */
  public void copy() throws IOException {
    for (ArticleFailure f : store.failures()) {
      if (f.stage() == ArticleFailure.Stage.INDEX) {
        retried.add(f.article());
      }
    }
    index.clear();
    long after = 0;
    while (true) {
      List<StoredArticle> page = store.articlesAfter(after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      Map<Long, String> no = index.write(page);
      copied += page.size() - no.size();
      failed(no);
      after = page.get(page.size() - 1).id();
    }
    log.accept("copied " + copied + " articles into the new index");
  }

  /** Points the alias at the new index (and deletes the old one). */
  public void swap() throws IOException {
    index.commit();
    log.accept("searches now use the new index");
  }

  /**
   * Compares every article's latest version with the index's, writing again those missing or older there, then
   * marks indexed those the index holds at their latest version.
   */
  public void repair() throws IOException {
    long after = 0;
    while (true) {
      Map<Long, Integer> stored = store.versionsAfter(after, PAGE);
      if (stored.isEmpty()) {
        break;
      }
      List<Long> ids = new ArrayList<>(stored.keySet());
      long first = ids.get(0);
      after = ids.get(ids.size() - 1);
      Map<Long, Integer> indexed = index.versions(first, after);
      List<StoredArticle> behind = new ArrayList<>();
      for (long id : ids) {
        Integer v = indexed.get(id);
        if (v == null || v < stored.get(id)) {
          store.get(id).ifPresent(behind::add); // its latest version, which may be newer still
        }
      }
      if (!behind.isEmpty()) {
        Map<Long, String> no = index.write(behind);
        repaired += behind.size() - no.size();
        failed(no);
        index.commit();
      }
    }
    for (long id : retried) { // written with success now: forgotten, which wakes a worker to mark it indexed
      store.clearFailed(id, ArticleFailure.Stage.INDEX);
    }
    log.accept("wrote again " + repaired + " articles changed during the copy");
  }

  private void failed(Map<Long, String> no) throws IOException {
    retried.removeAll(no.keySet());
    for (var e : no.entrySet()) {
      store.markFailed(ArticleFailure.of(e.getKey(), ArticleFailure.Stage.INDEX, e.getValue()));
      log.accept("warning: article " + e.getKey() + " refused by OpenSearch, recorded as an index failure: "
          + e.getValue());
    }
    refused += no.size();
  }

  /** Closes the index, the store's connections and the lock's connection (which ends the lock). */
  @Override
  public void close() throws IOException {
    IOException failure = new IOException("closing the rebuild");
    IndexWorker.closeAll(failure, index, db, locked);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }
}
