package org.lente.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.lente.ingest.source.SourceProgress;
import org.lente.nlp.Analysis;

/**
 * An {@link ArticleStore} over the SQL tables of the embedded schema, whose PostgreSQL twin has the
 * same tables and columns: the reads ({@link SqlReads}, which this extends as {@link ArticleStore}
 * extends {@link ArticleReader}, so that a read is written once) and the write path
 * ({@link ArticleWrites}, with the resolver's {@link ResolverTables}, shared with the reads) written
 * once, run on the connections a subclass gives ({@link SqlConnections}): the embedded
 * {@link SqliteStore} and the cluster's {@link PostgresArticleStore}. Thread-safe.
 */
public abstract sealed class SqlArticleStore extends SqlReads implements ArticleStore
    permits SqliteStore, PostgresArticleStore {

  final ArticleWrites writes;

  SqlArticleStore(SqlConnections sql) {
    this(sql, new ResolverTables(sql));
  }

  private SqlArticleStore(SqlConnections sql, ResolverTables resolver) {
    super(sql, resolver);
    this.writes = new ArticleWrites(sql, resolver);
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
  public void prepare(String key, Analysis analysis) {
    writes.prepare(key, analysis);
  }

  @Override
  public void holdWrites() {
    writes.holdWrites();
  }

  @Override
  public void writeHeld() throws IOException {
    writes.writeHeld();
  }

  @Override
  public void dropHeld() {
    writes.dropHeld();
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
}
