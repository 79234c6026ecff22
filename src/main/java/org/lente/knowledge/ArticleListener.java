package org.lente.knowledge;

import java.io.IOException;
import org.lente.nlp.Analysis;

/**
 * Told of each article the knowledge base stores (new or updated), after the store committed it: how
 * stories and lineage follow the articles. Closed with the knowledge base.
 */
public interface ArticleListener extends AutoCloseable {

  /** Article {@code id} was stored with {@code analysis}, its entity names resolved. */
  void stored(long id, Analysis analysis) throws IOException;

  @Override
  default void close() throws IOException {
  }
}
