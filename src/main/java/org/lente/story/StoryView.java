package org.lente.story;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lente.store.ArticleSummary;

/**
 * A story as the reader shows it.
 *
 * @param articles summaries of its articles, in the order they joined (those no longer stored left out)
 * @param keyEntities its key entities, heaviest first, each with its knowledge-base id when it has one
 * @param articlesPerDay how many of its articles were published each day (yyyy-MM-dd, oldest first)
 * @param datesReferred the dates (yyyy, yyyy-MM or yyyy-MM-dd) its articles refer to, oldest first, with
 *     how many of its articles refer to each; read from at most {@value StoryReader#MAX_ANALYSED} articles
 */
public record StoryView(Story story, List<ArticleSummary> articles, List<KeyEntity> keyEntities,
    Map<String, Long> articlesPerDay, Map<String, Long> datesReferred) {

  /** A key entity of a story; {@code id} is null when the knowledge base has no entity by that name. */
  public record KeyEntity(String name, Long id) {
    public KeyEntity {
      Objects.requireNonNull(name, "name");
    }
  }

  public StoryView {
    Objects.requireNonNull(story, "story");
    articles = List.copyOf(articles);
    keyEntities = List.copyOf(keyEntities);
    articlesPerDay = java.util.Collections.unmodifiableMap(new TreeMap<>(articlesPerDay));
    datesReferred = java.util.Collections.unmodifiableMap(new TreeMap<>(datesReferred));
  }
}
