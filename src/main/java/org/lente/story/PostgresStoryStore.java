package org.lente.story;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * The cluster's {@link StoryStore}: the story tables of the shared PostgreSQL database (created by
 * {@code lente migrate}, see {@link PostgresSchema}), on a connection of its own. The story JSON is
 * stored as text, as in the embedded store, and read as {@code jsonb} where a listing filters on it.
 */
public final class PostgresStoryStore extends SqlStoryStore {

  private PostgresStoryStore(Connection conn) {
    super(conn);
  }

  /**
   * Connects to the cluster's database.
   *
   * @throws IOException when it cannot be reached, or its schema is not the one this Lente needs
   *     (then the message says to run {@code lente migrate})
   */
  public static PostgresStoryStore connect(ClusterFile cluster) throws IOException {
    PostgresSchema.requireCurrent(cluster);
    try {
      return new PostgresStoryStore(
          DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(), cluster.postgresPassword()));
    } catch (SQLException e) {
      throw new IOException("cannot connect to " + cluster.postgresUrl() + ": " + e.getMessage(), e);
    }
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
}
