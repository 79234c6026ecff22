package org.lente.knowledge;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lente.index.SearchHits;
import org.lente.index.SearchIndex;
import org.lente.index.SearchQuery;
import org.lente.store.ArticleFailure;
import org.lente.store.ArticleFilter;
import org.lente.store.ArticleReader;
import org.lente.store.ArticleSummary;
import org.lente.store.ArticleView;
import org.lente.store.AuthorProfile;
import org.lente.store.EntityProfile;
import org.lente.store.EntityRef;
import org.lente.store.IngestStatus;
import org.lente.store.Page;
import org.lente.store.QuoteHit;
import org.lente.store.QuoteQuery;
import org.lente.store.SourceProfile;
import org.lente.store.StoreStats;
import org.lente.store.StoredArticle;

/**
 * A {@link KnowledgeReader} that only reads: the store's pages and the index's searches, nothing written,
 * ever. What a server reads when another process writes, as the instances of {@code lente serve --cluster}
 * do beside the cluster's knowledge writer, and the read side that {@link KnowledgeBase}, the writer, hands
 * out ({@link KnowledgeBase#reader}), so that each read is written once. Over the store alone, an entity is
 * found by a name the store knows (its canonical name or a way an article wrote it); the writer's reader
 * also finds it by the other names its entity resolver gathered ({@link Aliases}), and reuses its counts
 * ({@link #status}). Thread-safe as the store and index are; closes neither.
 */
public final class StoreReader implements KnowledgeReader {

  /** The names an entity resolver gathered beyond the store's: the entity name a name belongs to. */
  @FunctionalInterface
  interface Aliases {

    /** The name of the entity known by {@code name}; empty when unknown. */
    Optional<String> entityName(String name);
  }

  /** Where {@link #status} comes from: the store, or counts reused for a while. */
  @FunctionalInterface
  interface Counts {
    IngestStatus status() throws IOException;
  }

  private final ArticleReader store;
  private final SearchIndex index;
  private final Aliases aliases;
  private final Counts counts;

  /** Reads {@code store} and {@code index} as they are: names the store knows, counts taken at each call. */
  public StoreReader(ArticleReader store, SearchIndex index) {
    this(store, index, name -> Optional.empty(), store::status);
  }

  StoreReader(ArticleReader store, SearchIndex index, Aliases aliases, Counts counts) {
    this.store = Objects.requireNonNull(store, "store");
    this.index = Objects.requireNonNull(index, "index");
    this.aliases = Objects.requireNonNull(aliases, "aliases");
    this.counts = Objects.requireNonNull(counts, "counts");
  }

  @Override
  public SearchHits search(SearchQuery query) throws IOException {
    return index.search(query);
  }

  @Override
  public Optional<StoredArticle> article(long id) throws IOException {
    return store.get(id);
  }

  @Override
  public String localName(String name, String language) throws IOException {
    return store.localName(name, language);
  }

  @Override
  public List<ArticleFailure> failures() throws IOException {
    return store.failures();
  }

  @Override
  public StoreStats stats() throws IOException {
    return store.stats();
  }

  @Override
  public List<QuoteHit> quotes(QuoteQuery query) throws IOException {
    return store.quotes(query);
  }

  /**
   * What the knowledge base knows of an entity, by any of its names (with a writer's {@link Aliases}, a
   * name its resolver gathered too: "Putin" for "Vladimir Putin", "North Korea" for "Corea del Nord");
   * empty when unknown.
   */
  @Override
  public Optional<EntityProfile> entity(String name) throws IOException {
    Optional<Long> id = entityId(name);
    return id.isPresent() ? store.entity(id.get()) : Optional.empty();
  }

  @Override
  public Page<ArticleSummary> articles(ArticleFilter filter, String cursor, int limit) throws IOException {
    return store.articles(filter, cursor, limit);
  }

  @Override
  public Optional<ArticleView> articleView(long id) throws IOException {
    return store.articleView(id);
  }

  @Override
  public Optional<EntityProfile> entity(long id) throws IOException {
    return store.entity(id);
  }

  /**
   * The id of the entity known by {@code name}: a canonical name or a way an article wrote it (any
   * case), else a name the {@link Aliases} know.
   */
  @Override
  public Optional<Long> entityId(String name) throws IOException {
    Optional<Long> id = store.entityId(name);
    if (id.isPresent()) {
      return id;
    }
    Optional<String> entity = aliases.entityName(name);
    return entity.isPresent() ? store.entityId(entity.get()) : Optional.empty();
  }

  @Override
  public List<EntityRef> trending(int days, int limit) throws IOException {
    return store.trending(days, limit);
  }

  @Override
  public Page<EntityRef> entities(String cursor, int limit) throws IOException {
    return store.entities(cursor, limit);
  }

  @Override
  public Optional<SourceProfile> source(long id) throws IOException {
    return store.source(id);
  }

  @Override
  public Page<SourceProfile> sources(String cursor, int limit) throws IOException {
    return store.sources(cursor, limit);
  }

  @Override
  public Optional<Long> sourceId(String hostOrSite) throws IOException {
    return store.sourceId(hostOrSite);
  }

  @Override
  public Optional<AuthorProfile> author(long id) throws IOException {
    return store.author(id);
  }

  @Override
  public Page<AuthorProfile> authors(String cursor, int limit) throws IOException {
    return store.authors(cursor, limit);
  }

  @Override
  public Optional<Long> authorId(String name) throws IOException {
    return store.authorId(name);
  }

  @Override
  public IngestStatus status() throws IOException {
    return counts.status();
  }

  @Override
  public List<ArticleSummary> summaries(List<Long> ids) throws IOException {
    return store.summaries(ids);
  }
}
