package org.lente.story;

import org.lente.cluster.PostgresSchema;
import org.lente.store.PostgresConnections;

/**
 * The cluster's {@link StoryStore}: the story tables of the shared PostgreSQL database (created by
 * {@code lente migrate}, see {@link PostgresSchema}), on the {@link PostgresConnections} it is given ({@link #on}), which whoever opened them closes. The
 * story JSON is stored as text, as in the embedded store, and read as {@code jsonb} where a listing
 * filters on it.
 */
public final class PostgresStoryStore extends SqlStoryStore {

  private PostgresStoryStore(PostgresConnections db) {
    super(db);
  }

  /**
   * The story tables on {@code db}, open connections ({@link PostgresConnections#connect}) that the caller
   * closes, shared with the article store ({@code PostgresArticleStore.on}): story writes called within one of
   * their {@link PostgresConnections#transaction transactions} join it, so that an article and its stories commit
   * together.
   */
  public static PostgresStoryStore on(PostgresConnections db) {
    return new PostgresStoryStore(java.util.Objects.requireNonNull(db, "db"));
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

  /** Does nothing: the connections are the caller's, who opened them ({@link #on}). */
  @Override
  public void close() {}
}
