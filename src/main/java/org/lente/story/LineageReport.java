package org.lente.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lente.store.ArticleSummary;

/**
 * An article's lineage as {@code lente lineage --json} prints it and {@code GET
 * /api/v1/articles/{id}/lineage} returns it: one shape, written by Jackson from these records.
 *
 * @param story the id of the article's story, or null when it has none
 * @param derivedFrom the ids of the articles it copies or translates
 * @param related its related articles, best first
 */
public record LineageReport(ArticleRef article, Long story, List<Long> derivedFrom, List<RelatedRef> related) {

  /** At most this many related articles are reported. */
  public static final int MAX_RELATED = 1000;

  public LineageReport {
    Objects.requireNonNull(article, "article");
    derivedFrom = List.copyOf(derivedFrom);
    related = List.copyOf(related);
  }

  /**
   * An article as the lineage describes it; every field but {@code id} null when it is no longer stored.
   *
   * @param source the outlet ({@link org.lente.store.SourceRef#outlet()}); for a local file null, or the path it was
   *     ingested from in a report made {@link LineageReport#withLocalOrigins with its origins}
   * @param language {@link org.lente.nlp.Analysis#textLanguage()}
   */
  public record ArticleRef(long id, String source, String language, String title, String url, String published) {

    ArticleRef withSource(String origin) {
      return new ArticleRef(id, origin, language, title, url, published);
    }

    static ArticleRef of(ArticleSummary a) {
      return new ArticleRef(a.id(), a.source() == null ? null : a.source().outlet(), a.language(), a.title(), a.url(),
          a.published());
    }
  }

  /**
   * A related article with how it relates.
   *
   * @param score rounded to three decimals
   */
  public record RelatedRef(long id, String source, String language, String title, String url, String published,
      String relation, String direction, double score, List<Evidence> evidence) {

    public RelatedRef {
      evidence = List.copyOf(evidence);
    }

    RelatedRef withSource(String origin) {
      return new RelatedRef(id, origin, language, title, url, published, relation, direction, score, evidence);
    }

    static RelatedRef of(Related r) {
      Link l = r.link();
      ArticleRef a = r.article() == null ? new ArticleRef(l.related(), null, null, null, null, null)
          : ArticleRef.of(r.article());
      return new RelatedRef(a.id(), a.source(), a.language(), a.title(), a.url(), a.published(), l.relation().label(),
          l.direction().label(), Math.round(l.score() * 1000) / 1000.0, l.evidence());
    }
  }

  /** Reads the summaries of stored articles by id, in the order asked, leaving out those not stored. */
  @FunctionalInterface
  public interface Summaries {
    List<ArticleSummary> summaries(List<Long> ids) throws IOException;
  }

  /**
   * This report with each article that has neither an outlet nor a URL named by the path it was ingested from, its
   * {@code source}, as {@code lente extract} and {@code analyze} name a local file: {@code origins} maps ids to paths
   * ({@link StoryReader#localOrigins}); an article it leaves out stays as it is. For the command line: the API leaves
   * local paths out.
   */
  public LineageReport withLocalOrigins(Map<Long, String> origins) {
    ArticleRef a = local(article.source(), article.url()) && origins.containsKey(article.id())
        ? article.withSource(origins.get(article.id())) : article;
    List<RelatedRef> r = new ArrayList<>(related.size());
    for (RelatedRef x : related) {
      r.add(local(x.source(), x.url()) && origins.containsKey(x.id()) ? x.withSource(origins.get(x.id())) : x);
    }
    return new LineageReport(a, story, derivedFrom, r);
  }

  private static boolean local(String source, String url) {
    return source == null && url == null;
  }

  /** The lineage of article {@code id}; empty when it is not stored. */
  public static Optional<LineageReport> read(StoryStore stories, Summaries articles, long id) throws IOException {
    Optional<ArticleSummary> article = articles.summaries(List.of(id)).stream().findFirst();
    if (article.isEmpty()) {
      return Optional.empty();
    }
    List<Related> all = related(stories, articles, id);
    return Optional.of(new LineageReport(ArticleRef.of(article.get()), stories.storyOf(id).orElse(null),
        all.stream().map(Related::link).filter(Link::derivedFrom).map(Link::related).toList(),
        all.stream().map(RelatedRef::of).toList()));
  }

  /** The articles related to {@code article}, best first (as {@link StoryStore#links}), at most {@link #MAX_RELATED}. */
  static List<Related> related(StoryStore stories, Summaries articles, long article) throws IOException {
    List<Link> links = stories.links(article);
    List<Long> ids = links.stream().limit(MAX_RELATED).map(Link::related).toList();
    Map<Long, ArticleSummary> byId = new HashMap<>();
    for (ArticleSummary a : articles.summaries(ids)) {
      byId.put(a.id(), a);
    }
    List<Related> out = new ArrayList<>(ids.size());
    for (Link l : links.subList(0, ids.size())) {
      out.add(new Related(l, byId.get(l.related())));
    }
    return out;
  }
}
