package org.lente.knowledge;

import java.io.IOException;
import java.util.Optional;
import org.lente.index.SearchHits;
import org.lente.index.SearchQuery;
import org.lente.store.ArticleStore;
import org.lente.store.PageQueries;
import org.lente.store.StoredArticle;

/**
 * The read side of the knowledge base: what the web pages, the JSON API and the read commands show.
 * Nothing here writes; the writer is {@link KnowledgeBase}, which implements this. Searches go to the
 * index, everything else to the store (see {@link ArticleStore} for the contracts). Thread-safe.
 */
public interface KnowledgeReader extends PageQueries {

  /** The index's hits for {@code query}. */
  SearchHits search(SearchQuery query) throws IOException;

  /** Stored article {@code id} with its analysis; empty when there is none. */
  Optional<StoredArticle> article(long id) throws IOException;
}
