package org.lente.story;

import java.io.IOException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;
import org.lente.store.PostgresConnections;

/**
 * The cluster's {@link StoryStore}: the story tables of the shared PostgreSQL database (created by
 * {@code lente migrate}, see {@link PostgresSchema}), on a {@link PostgresConnections} of its own (a write and a read connection). The
 * story JSON is stored as text, as in the embedded store, and read as {@code jsonb} where a listing
 * filters on it.
 */
public final class PostgresStoryStore extends SqlStoryStore {

  private final PostgresConnections db;

  private PostgresStoryStore(PostgresConnections db) {
    super(db);
    this.db = db;
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresStoryStore connect(ClusterFile cluster) throws IOException {
    return new PostgresStoryStore(PostgresConnections.connect(cluster));
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

  /** Closes the connection; later calls do nothing. Other methods then throw IllegalStateException. */
  @Override
  public void close() throws IOException {
    db.close();
  }
}
