package org.lente.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;

/**
 * An article as its page shows it.
 *
 * @param source the site, or null when no host is known
 * @param authors the byline, in order
 * @param authorBio the author's bio the extractor found on the page, or null
 * @param entityIds the knowledge-base entity id of each canonical name the stored analysis gives
 *     (its entities' {@code canonical()} and its quotes' {@code speakerCanonical()} when it names an
 *     entity), for links to entity pages
 * @param names the name to show for each canonical name the stored analysis gives: its entity's name
 *     now (a later article may have given it a fuller one), in the article's language when articles in
 *     that language write it otherwise ("Stati Uniti" for "United States" on an Italian page); names
 *     it lacks are shown as stored
 */
public record ArticleView(StoredArticle article, SourceRef source, List<AuthorRef> authors, String authorBio,
    Map<String, Long> entityIds, Map<String, String> names) {

  public ArticleView {
    Objects.requireNonNull(article, "article");
    authors = List.copyOf(authors);
    entityIds = Map.copyOf(entityIds);
    names = Map.copyOf(names);
  }

  /** A view that shows every name as stored. */
  public ArticleView(StoredArticle article, SourceRef source, List<AuthorRef> authors, String authorBio,
      Map<String, Long> entityIds) {
    this(article, source, authors, authorBio, entityIds, Map.of());
  }

  /** The stored analysis with each entity's and speaker's canonical name replaced by its name to show ({@link #names}). */
  public Analysis shownAnalysis() {
    Analysis a = article.analysis();
    List<Entity> entities = a.entities().stream().map(e -> new Entity(e.text(), e.type(), e.start(), e.end(),
        shown(e.canonical()), e.role())).toList();
    List<Quote> quotes = a.quotes().stream().map(q -> new Quote(q.text(), q.kind(), q.speaker(), q.speakerStart(),
        q.speakerCanonical() == null ? null : shown(q.speakerCanonical()), q.cue(), q.start(), q.end())).toList();
    return new Analysis(a.article(), a.language(), a.anchor(), a.sentences(), entities, quotes, a.times(), a.warnings());
  }

  /** {@link #entityIds} keyed by the names to show. */
  public Map<String, Long> shownEntityIds() {
    Map<String, Long> out = new HashMap<>();
    entityIds.forEach((name, id) -> out.putIfAbsent(shown(name), id));
    return out;
  }

  private String shown(String canonical) {
    return names.getOrDefault(canonical, canonical);
  }
}
