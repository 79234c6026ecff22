package org.lente.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

/**
 * What the puts of one or more articles write after their article rows, in the state writing them one article after
 * another would leave: the rows found in the articles (mentions, quotes, times, their entities by day) and what they
 * add to the aggregate tables, summed by each table's key (an entity's day, type, alias and role, its counts, a
 * source's count, a resolver name's sightings). {@link ArticleWrites#write} writes them in one statement per table per
 * {@link SqlConnections#MAX_ROWS} rows, however many articles they come from: at once for one put, or once per batch
 * for the new articles of the cluster's writer ({@link ArticleStore#holdWrites}). Not thread-safe: its owner's lock
 * guards it.
 */
final class FoundRows {

  /** A mention's row: its entity row and its resolver name's id (null when none). */
  record MentionRow(long article, long entityRow, int start, int end, String text, String role, Long nameId) {
  }

  /** A quote's row: the sentences it lies in ({@link ArticleWrites#sentenceSpan}), its article's day (null: undated). */
  record QuoteRow(long article, Quote quote, int sentenceStart, int sentenceEnd, String day) {
    QuoteRow {
      Objects.requireNonNull(quote, "quote");
    }
  }

  /** A time expression's row. */
  record TimeRow(long article, Timex time) {
    TimeRow {
      Objects.requireNonNull(time, "time");
    }
  }

  /** A key of {@code resolver_sightings}: a resolver name (its id) written one way, as a type, in a language. */
  record Sighting(long nameId, String written, String type, String language) {
    Sighting {
      Objects.requireNonNull(written, "written");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(language, "language");
    }
  }

  /** How often an article mentions a knowledge-base entity, on the article's day ('' when undated). */
  record ArticleEntity(long kb, String day, long article, int mentions) {
  }

  /** A row of an aggregate table keyed by a knowledge-base entity and a text (a day, a type, an alias, a role). */
  record Key(long kb, String key) {
    Key {
      Objects.requireNonNull(key, "key");
    }
  }

  /** What articles add to a count of articles and one of mentions. */
  record Counts(int articles, int mentions) {
    Counts plus(Counts o) {
      return new Counts(articles + o.articles, mentions + o.mentions);
    }
  }

  /**
   * What articles add to an entity's role: mentions, and the days it widens to (null: none), the earliest first and
   * the latest last, as {@code entity_roles}' upsert applies them in turn.
   */
  record Role(int mentions, String first, String last) {
    Role plus(Role o) {
      return new Role(mentions + o.mentions, earlier(first, o.first), later(last, o.last));
    }

    private static String earlier(String a, String b) {
      return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static String later(String a, String b) {
      return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }
  }

  final List<MentionRow> mentions = new ArrayList<>();
  final List<QuoteRow> quotes = new ArrayList<>();
  final List<TimeRow> times = new ArrayList<>();
  final List<ArticleEntity> articleEntities = new ArrayList<>();
  final Map<Key, Counts> days = new LinkedHashMap<>();
  final Map<Key, Integer> types = new LinkedHashMap<>();
  final Map<Key, Integer> aliases = new LinkedHashMap<>();
  final Map<Key, Role> roles = new LinkedHashMap<>();
  final Map<Long, Counts> entities = new LinkedHashMap<>();
  final Map<Long, Integer> sources = new LinkedHashMap<>();
  /** What the articles add to the resolver's sightings, by key. */
  final Map<Sighting, Integer> sightings = new LinkedHashMap<>();

  void day(long kb, String day, int articles, int mentions) {
    days.merge(new Key(kb, day), new Counts(articles, mentions), Counts::plus);
  }

  void type(long kb, String type, int mentions) {
    types.merge(new Key(kb, type), mentions, Integer::sum);
  }

  void alias(long kb, String alias, int mentions) {
    aliases.merge(new Key(kb, alias), mentions, Integer::sum);
  }

  void role(long kb, String role, int mentions, String day) {
    roles.merge(new Key(kb, role), new Role(mentions, day, day), Role::plus);
  }

  void entity(long kb, int articles, int mentions) {
    entities.merge(kb, new Counts(articles, mentions), Counts::plus);
  }

  void source(long source, int articles) {
    sources.merge(source, articles, Integer::sum);
  }

  void sighting(long nameId, String written, String type, String language, int seen) {
    sightings.merge(new Sighting(nameId, written, type, language), seen, Integer::sum);
  }

  /** Adds {@code other}'s rows after these, its counts to theirs: what writing both in turn would leave. */
  void add(FoundRows other) {
    mentions.addAll(other.mentions);
    quotes.addAll(other.quotes);
    times.addAll(other.times);
    articleEntities.addAll(other.articleEntities);
    other.days.forEach((k, v) -> days.merge(k, v, Counts::plus));
    other.types.forEach((k, v) -> types.merge(k, v, Integer::sum));
    other.aliases.forEach((k, v) -> aliases.merge(k, v, Integer::sum));
    other.roles.forEach((k, v) -> roles.merge(k, v, Role::plus));
    other.entities.forEach((k, v) -> entities.merge(k, v, Counts::plus));
    other.sources.forEach((k, v) -> sources.merge(k, v, Integer::sum));
    other.sightings.forEach((k, v) -> sightings.merge(k, v, Integer::sum));
  }

  /** Whether there are no rows. */
  boolean isEmpty() {
    return mentions.isEmpty() && quotes.isEmpty() && times.isEmpty() && articleEntities.isEmpty() && days.isEmpty()
        && types.isEmpty() && aliases.isEmpty() && roles.isEmpty() && entities.isEmpty() && sources.isEmpty()
        && sightings.isEmpty();
  }
}
