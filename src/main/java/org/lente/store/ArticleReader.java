package org.lente.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the knowledge base answers: articles and their versions, the reader's listings and pages
 * (entities, sources, authors, quotes, trends), the entity resolver's state, counts. The web pages,
 * the API and the CLI read through this; writes are {@link ArticleStore}'s. Implementations are safe
 * for use by several threads.
 */
public interface ArticleReader extends PageQueries {

  /** The entity resolver's state: every sighting recorded by {@link ArticleStore#put} and {@link ArticleStore#importNames}. */
  List<NameSighting> nameSightings() throws IOException;

  /** Every resolver name (normalised, with its namespace) with the name of its entity now. */
  Map<String, String> nameEntities() throws IOException;

  /** How the articles' mentions and the resolver's names agree. */
  ResolverCheck checkNames() throws IOException;

  Optional<StoredArticle> get(long id) throws IOException;

  /**
   * The latest versions of the stored articles among {@code ids}, by id (an id not stored is absent), as {@link #get}
   * reads each (this process's writes seen): one read for all.
   */
  Map<Long, StoredArticle> getAll(java.util.Collection<Long> ids) throws IOException;

  /** Articles whose latest version is not marked indexed, in id order, at most {@code max}. */
  default List<StoredArticle> unindexed(int max) throws IOException {
    return unindexed(0, max);
  }

  /** As {@link #unindexed(int)}, among the articles with an id above {@code after}. */
  List<StoredArticle> unindexed(long after, int max) throws IOException;

  /** id → latest version, for every article: what the index must hold. */
  Map<Long, Integer> versions() throws IOException;

  /** Earlier versions of article {@code id}, oldest first (the latest is {@link #get}). */
  List<StoredArticle> history(long id) throws IOException;
}
