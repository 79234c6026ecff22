package org.lente.knowledge;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.lente.index.SearchHits;
import org.lente.index.SearchQuery;
import org.lente.store.ArticleFailure;
import org.lente.store.ArticleFilter;
import org.lente.store.ArticleStore;
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
 * The read side of the knowledge base: what the web pages, the JSON API and the read commands show.
 * Nothing here writes; the writer is {@link KnowledgeBase}, which implements this. Searches go to the
 * index, everything else to the store (see {@link ArticleStore} for the contracts). Thread-safe.
 */
public interface KnowledgeReader {

  /** The index's hits for {@code query}. */
  SearchHits search(SearchQuery query) throws IOException;

  /** Quotes matching {@code query}. */
  List<QuoteHit> quotes(QuoteQuery query) throws IOException;

  /** Stored article {@code id} with its analysis; empty when there is none. */
  Optional<StoredArticle> article(long id) throws IOException;

  /** Counts of what is stored. */
  StoreStats stats() throws IOException;

  /** A page of articles, newest first; {@code cursor} null or a {@link Page#next()}; limit 1 to 100. */
  Page<ArticleSummary> articles(ArticleFilter filter, String cursor, int limit) throws IOException;

  /** The summaries of articles {@code ids}, in that order; ids not stored are left out. At most 1,000 ids. */
  List<ArticleSummary> summaries(List<Long> ids) throws IOException;

  /** What the article page shows of article {@code id}. */
  Optional<ArticleView> articleView(long id) throws IOException;

  /** Entity {@code id}: profile, quotes by and about it, co-occurring entities. */
  Optional<EntityProfile> entity(long id) throws IOException;

  /**
   * What the knowledge base knows of an entity, by any of its names (an alias the resolver knows too:
   * "Putin" for "Vladimir Putin", "North Korea" for "Corea del Nord"); empty when unknown.
   */
  Optional<EntityProfile> entity(String name) throws IOException;

  /** The name entity {@code name} goes by in articles of {@code language} ({@link ArticleStore#localName}). */
  String localName(String name, String language) throws IOException;

  /**
   * The id of the entity known by {@code name}: a canonical name or a way an article wrote it (any
   * case), else a name the entity resolver gathered for it.
   */
  Optional<Long> entityId(String name) throws IOException;

  /** The entities mentioned most over the last {@code days} days. */
  List<EntityRef> trending(int days, int limit) throws IOException;

  /** A page of entities. */
  Page<EntityRef> entities(String cursor, int limit) throws IOException;

  /** Source (outlet) {@code id}. */
  Optional<SourceProfile> source(long id) throws IOException;

  /** A page of sources. */
  Page<SourceProfile> sources(String cursor, int limit) throws IOException;

  /** The id of the source with this host or site name. */
  Optional<Long> sourceId(String hostOrSite) throws IOException;

  /** Author {@code id}. */
  Optional<AuthorProfile> author(long id) throws IOException;

  /** A page of authors. */
  Page<AuthorProfile> authors(String cursor, int limit) throws IOException;

  /** The id of the author with this name. */
  Optional<Long> authorId(String name) throws IOException;

  /** Counts and the time of the latest article stored; may be up to a minute old. */
  IngestStatus status() throws IOException;

  /** The stages that failed for stored articles and are still to retry, by article id. */
  List<ArticleFailure> failures() throws IOException;
}
