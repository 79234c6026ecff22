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
 * @param facets facet fields to count over the matching articles: entity, type, source, author,
 *     language, year
 */
public record SearchQuery(String text, List<String> entities, List<String> types, String source, String author,
    String language, LocalDate from, LocalDate to, int limit, List<String> facets) {

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
    Objects.requireNonNull(text);
  }

  /** A plain text search, ten hits, no facets. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, null, null, null, 10, null);
  }
}
