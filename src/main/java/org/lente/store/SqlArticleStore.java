package org.lente.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lente.ingest.source.SourceProgress;
import org.lente.nlp.Analysis;

/**
 * An {@link ArticleStore} over the SQL tables of the embedded schema, whose PostgreSQL twin has the
 * same tables and columns: the write path ({@link ArticleWrites}, with the resolver's
 * {@link ResolverTables}) and the reads ({@link SqlReads}) written once, run on the connections a
 * subclass gives ({@link SqlConnections}): the embedded {@link SqliteStore} and the cluster's
 * {@link PostgresArticleStore}. Thread-safe.
 */
public abstract sealed class SqlArticleStore implements ArticleStore permits SqliteStore, PostgresArticleStore {

  final ArticleWrites writes;
  final SqlReads reads;

  SqlArticleStore(SqlConnections sql) {
    ResolverTables resolver = new ResolverTables(sql::statement);
    this.writes = new ArticleWrites(sql, resolver);
    this.reads = new SqlReads(sql, resolver);
  }

  // ---- writes: ArticleWrites

  @Override
  public Put put(String key, Analysis analysis) throws IOException {
    return writes.put(key, analysis);
  }

  @Override
  public Put put(String key, Analysis analysis, List<NameSighting> sightings, Map<String, String> moved,
      SourceProgress progress) throws IOException {
    return writes.put(key, analysis, sightings, moved, progress);
  }

  @Override
  public void moveNames(Map<String, String> moved) throws IOException {
    writes.moveNames(moved);
  }

  @Override
  public void importNames(List<NameSighting> sightings, Map<String, String> entities) throws IOException {
    writes.importNames(sightings, entities);
  }

  @Override
  public void markIndexed(long id, int version) throws IOException {
    writes.markIndexed(id, version);
  }

  @Override
  public void clearIndexed() throws IOException {
    writes.clearIndexed();
  }

  @Override
  public void markFailed(ArticleFailure failure) throws IOException {
    writes.markFailed(failure);
  }

  @Override
  public void clearFailed(long id, ArticleFailure.Stage... stages) throws IOException {
    writes.clearFailed(id, stages);
  }

  // ---- reads: SqlReads

  @Override
  public List<NameSighting> nameSightings() throws IOException {
    return reads.nameSightings();
  }

  @Override
  public Map<String, String> nameEntities() throws IOException {
    return reads.nameEntities();
  }

  @Override
  public ResolverCheck checkNames() throws IOException {
    return reads.checkNames();
  }

  @Override
  public String localName(String name, String language) throws IOException {
    return reads.localName(name, language);
  }

  @Override
  public Optional<StoredArticle> get(long id) throws IOException {
    return reads.get(id);
  }

  @Override
  public List<StoredArticle> unindexed(long after, int max) throws IOException {
    return reads.unindexed(after, max);
  }

  @Override
  public List<ArticleFailure> failures() throws IOException {
    return reads.failures();
  }

  @Override
  public Map<Long, Integer> versions() throws IOException {
    return reads.versions();
  }

  @Override
  public List<StoredArticle> history(long id) throws IOException {
    return reads.history(id);
  }

  @Override
  public StoreStats stats() throws IOException {
    return reads.stats();
  }

  @Override
  public List<QuoteHit> quotes(QuoteQuery query) throws IOException {
    return reads.quotes(query);
  }

  @Override
  public Optional<EntityProfile> entity(String name) throws IOException {
    return reads.entity(name);
  }

  @Override
  public Page<ArticleSummary> articles(ArticleFilter filter, String cursor, int limit) throws IOException {
    return reads.articles(filter, cursor, limit);
  }

  @Override
  public Optional<ArticleView> articleView(long id) throws IOException {
    return reads.articleView(id);
  }

  @Override
  public Optional<EntityProfile> entity(long id) throws IOException {
    return reads.entity(id);
  }

  @Override
  public Optional<Long> entityId(String name) throws IOException {
    return reads.entityId(name);
  }

  @Override
  public List<EntityRef> trending(int days, int limit) throws IOException {
    return reads.trending(days, limit);
  }

  @Override
  public Page<EntityRef> entities(String cursor, int limit) throws IOException {
    return reads.entities(cursor, limit);
  }

  @Override
  public Optional<SourceProfile> source(long id) throws IOException {
    return reads.source(id);
  }

  @Override
  public Page<SourceProfile> sources(String cursor, int limit) throws IOException {
    return reads.sources(cursor, limit);
  }

  @Override
  public Optional<Long> sourceId(String hostOrSite) throws IOException {
    return reads.sourceId(hostOrSite);
  }

  @Override
  public Optional<AuthorProfile> author(long id) throws IOException {
    return reads.author(id);
  }

  @Override
  public Page<AuthorProfile> authors(String cursor, int limit) throws IOException {
    return reads.authors(cursor, limit);
  }

  @Override
  public Optional<Long> authorId(String name) throws IOException {
    return reads.authorId(name);
  }

  @Override
  public IngestStatus status() throws IOException {
    return reads.status();
  }

  @Override
  public List<ArticleSummary> summaries(List<Long> ids) throws IOException {
    return reads.summaries(ids);
  }
}
