package org.lente.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A search: free text (may be empty: everything) and filters, each null or empty when not used.
 * The text is matched with Italian and English stemming in title and body; {@code "phrases"},
 * {@code AND}/{@code OR}/{@code -not} work as in Lucene's classic syntax.
 *
 * @param entities canonical entity names that must all be mentioned
 * @param types entity types (PER, ORG, LOC, MISC) of which some entity must be mentioned
 * @param from first publication date included; {@code to} last included
 * @param limit hits per page, 1 to 10,000
 * @param facets facet fields to count over the matching articles: entity, type, source, author,
 *     language, year
 * @param cursor null for the first page, else the {@link SearchHits#next} of the previous page of the
 *     same search (same text and filters; limit and facets may differ)
 */
public record SearchQuery(String text, List<String> entities, List<String> types, String source, String author,
    String language, LocalDate from, LocalDate to, int limit, List<String> facets, String cursor) {

  public static final List<String> FACETS = List.of("entity", "type", "source", "author", "language", "year");

  public SearchQuery {
    text = text == null ? "" : text;
    entities = entities == null ? List.of() : List.copyOf(entities);
    types = types == null ? List.of() : List.copyOf(types);
    facets = facets == null ? List.of() : List.copyOf(facets);
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be 1 to 10000: " + limit);
    }
    for (String f : facets) {
      if (!FACETS.contains(f)) {
        throw new IllegalArgumentException("unknown facet " + f + " (known: " + FACETS + ")");
      }
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("empty period: " + from + " to " + to);
    }
    if (cursor != null && cursor.isBlank()) {
      throw new IllegalArgumentException("blank cursor");
    }
    Objects.requireNonNull(text);
  }

  /** The first page of a search. */
  public SearchQuery(String text, List<String> entities, List<String> types, String source, String author,
      String language, LocalDate from, LocalDate to, int limit, List<String> facets) {
    this(text, entities, types, source, author, language, from, to, limit, facets, null);
  }

  /** A plain text search, ten hits, no facets. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, null, null, null, 10, null);
  }

  /** This search from the page {@code next} points to (null: the first). */
  public SearchQuery withCursor(String next) {
    return new SearchQuery(text, entities, types, source, author, language, from, to, limit, facets, next);
  }

  /**
   * What makes two searches the same for paging: the text and the filters, not the limit, facets
   * or cursor.
   */
  String identity() {
    String none = "\u0002"; // unlike any value, so that null differs from "null"
    return String.join("\u0000", text, String.join("\u0001", entities), String.join("\u0001", types),
        Objects.toString(source, none), Objects.toString(author, none), Objects.toString(language, none),
        Objects.toString(from, none), Objects.toString(to, none));
  }
}
