package org.lente.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lente.extract.Article;
import org.lente.index.SearchHits;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.time.Timex;
import org.lente.server.Submissions;
import org.lente.store.ArticleView;
import org.lente.store.AuthorRef;
import org.lente.store.EntityProfile;
import org.lente.store.EntityRef;
import org.lente.store.IngestStatus;
import org.lente.store.QuoteHit;
import org.lente.store.SourceRef;
import org.lente.story.Story;
import org.lente.story.StoryView;

/**
 * The API's JSON bodies that no stored record shows as is, as {@code openapi.json} documents them: records
 * written by Jackson, fields in component order, nulls written. Shapes the CLI shows too are the records of
 * the data they describe ({@link QuoteHit}, {@link Entity}, {@link Timex}, {@link SearchHits.Hit},
 * {@link org.lente.store.ArticleSummary}, {@link EntityRef}).
 */
final class ApiJson {

  private ApiJson() {}

  /**
   * One page of a listing.
   *
   * @param next the URL of the following page, or null on the last
   */
  record Paged<T>(List<T> items, String next) {
    Paged {
      items = List.copyOf(items);
    }
  }

  /** One page of an entity's quotes; {@code role} is {@code by} or {@code about}. */
  record EntityQuotes(long entity, String role, List<QuoteHit> items, String next) {
    EntityQuotes {
      Objects.requireNonNull(role, "role");
      items = List.copyOf(items);
    }
  }

  /** The entities most mentioned in the last {@code days} days. */
  record Trending(int days, List<EntityRef> items) {
    Trending {
      items = List.copyOf(items);
    }
  }

  /**
   * One page of search hits with the facets asked for.
   *
   * @param next the URL of the following page, or null on the last
   * @param facets facet field → its values by count, fields in the order asked for
   */
  record SearchResult(long total, String next, List<SearchHits.Hit> hits, Map<String, List<FacetValue>> facets) {
    SearchResult {
      hits = List.copyOf(hits);
    }
  }

  /** A facet's value with its count and, for an entity, source or author the knowledge base knows, its id. */
  record FacetValue(String value, long count, @JsonInclude(JsonInclude.Include.NON_NULL) Long id) {
    FacetValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A story in a listing: its articles counted; a local file's source (blank) left out. */
  record StorySummary(long id, String title, String first, String last, int articles, List<String> sources,
      List<String> languages) {

    StorySummary {
      sources = List.copyOf(sources);
      languages = List.copyOf(languages);
    }

    static StorySummary of(Story s) {
      return new StorySummary(s.id(), s.title(), s.first(), s.last(), s.articles().size(),
          s.sources().stream().filter(x -> !x.isBlank()).toList(), s.languages());
    }
  }

  /** A story with its articles, key entities, quotes and timeline. */
  record StoryBody(@JsonUnwrapped StorySummary summary, List<org.lente.store.ArticleSummary> articleList,
      List<StoryView.KeyEntity> keyEntities, List<String> quotes, Timeline timeline) {

    static StoryBody of(StoryView v) {
      return new StoryBody(StorySummary.of(v.story()), v.articles(), v.keyEntities(), v.story().quotes(),
          new Timeline(v.articlesPerDay(), v.datesReferred()));
    }
  }

  /** A story's articles per publication day and the dates its articles refer to, oldest first. */
  record Timeline(Map<String, Long> articlesPerDay, Map<String, Long> datesReferred) {}

  /**
   * An entity's profile ({@link EntityProfile}) as the API shows it: aliases without their type, and the URL
   * of its articles.
   */
  record EntityBody(long id, String name, String type, long articles, List<Alias> aliases,
      List<EntityProfile.Role> roles, Map<String, Long> mentionsPerDay, List<QuoteHit> quotesBy,
      List<QuoteHit> quotesAbout, List<EntityRef> cooccurring, String articlesUrl) {

    static EntityBody of(EntityProfile p, String articlesUrl) {
      return new EntityBody(p.id(), p.name(), p.type(), p.articles(),
          p.aliases().stream().map(a -> new Alias(a.name(), a.count())).toList(), p.roles(), p.mentionsPerDay(),
          p.quotesBy(), p.quotesAbout(), p.cooccurring(), articlesUrl);
    }
  }

  /** A way an entity is written, with how often. */
  record Alias(String name, long count) {}

  /** An entity mention in an article: the {@link Entity} as analysed, with its knowledge-base id or null. */
  record Mention(@JsonUnwrapped Entity entity, Long entityId) {}

  /** A quote in an article's text (offsets into it), with its speaker's knowledge-base id or null. */
  record ArticleQuote(String text, String kind, String speaker, String speakerCanonical, String cue, int start,
      int end, Long speakerEntityId) {}

  /**
   * A stored article with everything found in it, each entity and speaker with its entity id when known.
   *
   * @param storedAt ISO-8601 instant
   * @param language {@link Analysis#textLanguage()}
   */
  record ArticleBody(long id, int version, String storedAt, String title, String subtitle, String url,
      String published, String language, String section, SourceRef source, List<AuthorRef> authors,
      String authorBio, String text, List<Mention> entities, List<ArticleQuote> quotes, List<Timex> times) {

    static ArticleBody of(ArticleView view) {
      Analysis a = view.article().analysis();
      Article x = a.article();
      Map<String, Long> ids = view.entityIds();
      return new ArticleBody(view.article().id(), view.article().version(), view.article().storedAt().toString(),
          x.title(), x.subtitle(), x.url(), x.published(), a.textLanguage(), x.section(), view.source(),
          view.authors(), view.authorBio(), x.text(),
          a.entities().stream().map(e -> new Mention(e, ids.get(e.canonical()))).toList(),
          a.quotes().stream().map(q -> new ArticleQuote(q.text(), q.kind().label(), q.speaker(),
              q.speakerCanonical(), q.cue(), q.start(), q.end(),
              q.speakerCanonical() == null ? null : ids.get(q.speakerCanonical()))).toList(),
          a.times());
    }
  }

  /**
   * A page submitted to {@code POST /api/v1/ingest} and where it is.
   *
   * @param state {@link Submissions.State} in lower case
   * @param at when it was submitted (ISO-8601 instant)
   * @param statusUrl where to ask again
   */
  record Submission(String id, String input, String state, Long articleId, String error, String at,
      String statusUrl) {

    static Submission of(Submissions.Submission s) {
      return new Submission(s.id(), s.input(), s.state().name().toLowerCase(Locale.ROOT), s.articleId(), s.error(),
          s.at().toString(), ApiRoutes.BASE + "/ingest/" + s.id());
    }
  }

  /**
   * How much the knowledge base holds and the latest submissions.
   *
   * @param lastStored when it last stored an article (ISO-8601 instant), or null when empty
   */
  record Status(long articles, long entities, long quotes, long sources, long authors, String lastStored,
      List<Submission> recent) {

    static Status of(IngestStatus s, List<Submission> recent) {
      return new Status(s.articles(), s.entities(), s.quotes(), s.sources(), s.authors(),
          s.lastStored() == null ? null : s.lastStored().toString(), List.copyOf(recent));
    }
  }
}
