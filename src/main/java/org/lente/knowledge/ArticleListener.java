package org.lente.knowledge;

import java.io.IOException;
import java.util.List;
import org.lente.nlp.Analysis;

/**
 * Told of each article the knowledge base stores (new or updated), after the store committed it: how
 * stories and lineage follow the articles. Closed with the knowledge base.
 */
public interface ArticleListener extends AutoCloseable {

  /**
   * Article {@code id} was stored with {@code analysis}, its entity names resolved. Called again for
   * the same article when it failed (the knowledge base retries it): must not count it twice.
   */
  void stored(long id, Analysis analysis) throws IOException;

  /**
   * As {@link #stored(long, Analysis)}; {@code first} when the article was stored for the first time (a new id: the
   * store holds nothing derived from it yet), which lets a listener skip reads whose answer that settles. By default
   * the same as {@code stored(id, analysis)}.
   */
  default void stored(long id, Analysis analysis, boolean first) throws IOException {
    stored(id, analysis);
  }

  /**
   * Writes what the listener holds back of the articles it was told of, now: a caller whose transaction its writes
   * join calls it before the transaction ends (the cluster's writer, once per batch). Nothing by default, for a
   * listener that writes as it is told.
   */
  default void writeHeld() throws IOException {
  }

  /**
   * Computes ahead, on any thread, what {@link #stored} will need of {@code analysis}'s text whatever its entities
   * resolve to (the analysis given is the one before the resolver's names), for the next article with that text to take
   * instead of computing it ({@link KnowledgeBase#prepare}); what {@code stored} does is the same either way. Nothing by
   * default.
   */
  default void prepare(Analysis analysis) {
  }

  /**
   * Stored articles this listener was not told of: the process stopped (a crash, {@code kill -9})
   * between the store's commit and {@link #stored}. Ids ascending; empty by default.
   */
  default List<Long> behind() throws IOException {
    return List.of();
  }

  /**
   * Drops what this listener holds in memory and reads it again from its store: writes it made in a
   * transaction that rolled back are gone from the store ({@link KnowledgeBase#rolledBack}). Nothing
   * by default, for a listener that holds nothing.
   */
  default void reload() throws IOException {
  }

  @Override
  default void close() throws IOException {
  }
}
