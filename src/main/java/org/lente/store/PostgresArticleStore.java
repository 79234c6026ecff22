package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link ArticleStore}: the article, resolver and reader tables of the shared
 * PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), with the same
 * SQL as the embedded store ({@link SqlArticleStore}) on the {@link PostgresConnections} it is given
 * ({@link #on}), which whoever opened them closes. Each put is one transaction, or joins the caller's
 * ({@link PostgresConnections#transaction}). Several processes may read at once; the cluster has one
 * writer. Thread-safe.
 */
public final class PostgresArticleStore extends SqlArticleStore {

  private final PostgresConnections connections;

  private PostgresArticleStore(PostgresConnections connections) {
    super(connections);
    this.connections = connections;
  }

  /** Writes claimed articles to the search index ({@link #indexUnindexed}). */
  @FunctionalInterface
  public interface IndexBatch {

    /**
     * Writes {@code claimed} to the index and makes them durable there; returns those the index refused, id →
     * why (not blank). Throwing claims nothing: no mark is written, and the articles are claimed again later.
     */
    Map<Long, String> index(List<StoredArticle> claimed) throws IOException;
  }

  /**
   * What {@link #indexUnindexed} did.
   *
   * @param last the greatest id claimed, 0 when none was
   */
  public record Indexed(int indexed, int refused, long last) {
    public Indexed {
      if (indexed < 0 || refused < 0 || last < 0) {
        throw new IllegalArgumentException("bad batch: indexed " + indexed + ", refused " + refused + ", last " + last);
      }
    }

    /** How many articles were claimed. */
    public int claimed() {
      return indexed + refused;
    }
  }

  /**
   * The index outbox: in one transaction, claims up to {@code max} articles after id {@code after} whose latest
   * version is not indexed ({@code indexed_version < version}), in id order, hands them to {@code batch}, then
   * marks those it did not refuse indexed at the version handed out (forgetting their index failures) and records
   * those it refused as index failures ({@link ArticleFailure.Stage#INDEX}); the article stays unindexed. Several
   * processes may call this at once: each claim passes over the articles another holds ({@code FOR UPDATE SKIP
   * LOCKED}), so no two get the same article, and a claimed article's version cannot change until the marks
   * commit (the knowledge writer's update of it waits). A process that dies mid-batch loses nothing: its
   * transaction rolls back and another claims the articles. An article whose indexing failed is passed over
   * unless {@code withFailed} (a retry), so that it does not block the others.
   *
   * @throws IOException when PostgreSQL fails, or {@code batch} throws (then nothing is marked)
   */
  public Indexed indexUnindexed(long after, int max, boolean withFailed, IndexBatch batch) throws IOException {
    Objects.requireNonNull(batch, "batch");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    return connections.writeDerived("index the unindexed articles after " + after, c -> {
      List<StoredArticle> claimed = claimUnindexed(after, max, withFailed);
      if (claimed.isEmpty()) {
        return new Indexed(0, 0, 0);
      }
      Map<Long, String> refused = batch.index(List.copyOf(claimed));
      PreparedStatement forget = connections.statement("DELETE FROM article_failures WHERE article_id = ? "
          + "AND stage = 'index'");
      int indexed = 0;
      for (StoredArticle a : claimed) {
        String why = refused.get(a.id());
        if (why != null) {
          writes.markFailed(ArticleFailure.of(a.id(), ArticleFailure.Stage.INDEX, why));
          continue;
        }
        writes.markIndexed(a.id(), a.version());
        forget.setLong(1, a.id());
        forget.executeUpdate();
        indexed++;
      }
      return new Indexed(indexed, claimed.size() - indexed, claimed.get(claimed.size() - 1).id());
    });
  }

  /**
   * The article store on {@code connections}, open connections ({@link PostgresConnections#connect}) that the
   * caller closes: puts called within one of their {@link PostgresConnections#transaction transactions} join it.
   */
  public static PostgresArticleStore on(PostgresConnections connections) {
    return new PostgresArticleStore(java.util.Objects.requireNonNull(connections, "connections"));
  }

  /** Does nothing: the connections are the caller's, who opened them ({@link #on}). */
  @Override
  public void close() {}
}
