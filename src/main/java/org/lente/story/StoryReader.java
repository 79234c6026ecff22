package org.lente.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.lente.knowledge.KnowledgeReader;
import org.lente.nlp.time.Timex;
import org.lente.store.ArticleSummary;
import org.lente.store.Page;
import org.lente.store.StoredArticle;

/**
 * What the API and the web pages read of stories and lineage: the story store's records joined with
 * the knowledge base's article summaries and entity ids. Thread-safe as its store and knowledge base are.
 */
public final class StoryReader {

  /** Articles of a story whose analyses are read for the dates they refer to, the first that joined. */
  public static final int MAX_ANALYSED = 30;
  /** Articles of a story summarised, the first that joined. */
  public static final int MAX_ARTICLES = 200;

  private final StoryStore stories;
  private final KnowledgeReader kb;

  public StoryReader(StoryStore stories, KnowledgeReader kb) {
    this.stories = Objects.requireNonNull(stories, "stories");
    this.kb = Objects.requireNonNull(kb, "kb");
  }

  /** A page of stories, latest activity first; see {@link StoryStore#stories}. */
  public Page<Story> stories(String language, int minArticles, String cursor, int limit) throws IOException {
    return stories.stories(language, minArticles, cursor, limit);
  }

  /** Story {@code id} with its articles' summaries, its key entities' ids and its timeline. */
  public Optional<StoryView> story(long id) throws IOException {
    Optional<Story> found = stories.story(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Story s = found.get();
    List<Long> ids = s.articles().subList(0, Math.min(MAX_ARTICLES, s.articles().size()));
    List<ArticleSummary> articles = kb.summaries(ids);
    List<StoryView.KeyEntity> entities = new ArrayList<>();
    for (String name : s.keyEntities()) {
      entities.add(new StoryView.KeyEntity(name, kb.entityId(name).orElse(null)));
    }
    Map<String, Long> perDay = new TreeMap<>();
    for (ArticleSummary a : articles) {
      java.time.LocalDate day = org.lente.extract.Article.day(a.published());
      if (day != null) {
        perDay.merge(day.toString(), 1L, Long::sum);
      }
    }
    Map<String, Long> referred = new TreeMap<>();
    for (long article : ids.subList(0, Math.min(MAX_ANALYSED, ids.size()))) {
      Optional<StoredArticle> stored = kb.article(article);
      if (stored.isEmpty()) {
        continue;
      }
      stored.get().analysis().times().stream()
          .filter(t -> t.type() == Timex.Type.DATE && t.value().matches("\\d{4}(-\\d{2}(-\\d{2})?)?"))
          .map(Timex::value).distinct().forEach(v -> referred.merge(v, 1L, Long::sum));
    }
    return Optional.of(new StoryView(s, articles, entities, perDay, referred));
  }

  /** The articles related to {@code article}, best first (as {@link StoryStore#links}), with their summaries. */
  public List<Related> related(long article) throws IOException {
    return LineageReport.related(stories, kb::summaries, article);
  }

  /** The lineage of {@code article} as the API and {@code lente lineage --json} give it; empty when not stored. */
  public Optional<LineageReport> lineage(long article) throws IOException {
    return LineageReport.read(stories, kb::summaries, article);
  }

  /** The articles related to {@code article}, best first (see {@link StoryStore#links}). */
  public List<Link> links(long article) throws IOException {
    return stories.links(article);
  }

  /** The id of the article known by {@code reference}: its id, key, URL or the path it was ingested from. */
  public Optional<Long> articleId(String reference) throws IOException {
    return reference.matches("\\d{1,18}") ? Optional.of(Long.parseLong(reference)) : stories.articleId(reference);
  }

  /** The paths the articles among {@code ids} that have no URL were ingested from, by id ({@link StoryStore#localOrigins}). */
  public Map<Long, String> localOrigins(List<Long> ids) throws IOException {
    return stories.localOrigins(ids);
  }

  /** The id of the story of {@code article}, if it has one. */
  public Optional<Long> storyOf(long article) throws IOException {
    return stories.storyOf(article);
  }
}
