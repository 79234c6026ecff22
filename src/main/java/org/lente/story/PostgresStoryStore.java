package org.lente.story;

import java.io.IOException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;
import org.lente.store.PostgresConnections;

/**
 * The cluster's {@link StoryStore}: the story tables of the shared PostgreSQL database (created by
 * {@code lente migrate}, see {@link PostgresSchema}), on a {@link PostgresConnections} of its own (a write and a read connection) or shared with the article store. The
 * story JSON is stored as text, as in the embedded store, and read as {@code jsonb} where a listing
 * filters on it.
 */
public final class PostgresStoryStore extends SqlStoryStore {

  private final PostgresConnections db;
  /** Whether {@link #close} closes {@link #db}: connected here rather than shared. */
  private final boolean owned;

  private PostgresStoryStore(PostgresConnections db, boolean owned) {
    super(db);
    this.db = db;
    this.owned = owned;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresStoryStore connect(ClusterFile cluster) throws IOException {
    return new PostgresStoryStore(PostgresConnections.connect(cluster), true);
  }

  /**
   * The story tables on {@code db}, open connections that the caller closes ({@link #close} leaves
   * them open), shared with the article store ({@code PostgresArticleStore.on}): story writes called
   * within one of their {@link PostgresConnections#transaction transactions} join it, so that an
   * article and its stories commit together.
   */
  public static PostgresStoryStore on(PostgresConnections db) {
    return new PostgresStoryStore(java.util.Objects.requireNonNull(db, "db"), false);
  }

  @Override
  String hasLanguage() {
    return "(story::jsonb -> 'languages') @> to_jsonb(?::text)";
  }

  @Override
  String hasArticles() {
    return "jsonb_array_length(story::jsonb -> 'articles') >= ?";
  }

  @Override
  String listed() {
    return "(s.story::jsonb || '{\"timeline\": [], \"quotes\": []}'::jsonb)::text";
  }

  /**
   * Closes the connections when connected here; later calls do nothing. Other methods then throw
   * IllegalStateException.
   */
  @Override
  public void close() throws IOException {
    if (owned) {
      db.close();
    }
  }
}
