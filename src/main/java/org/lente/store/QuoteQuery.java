package org.lente.store;

import java.time.LocalDate;

/**
 * Which quotes to find: by a speaker (a name as written or canonical, case-insensitive, matched as
 * whole words: "Blinken" finds "Antony Blinken"), about an entity (named in the quote's text or in
 * its sentence), in a period of publication dates. Null means any. {@code limit} ≥ 1.
 *
 * @param cursor null for the first quotes, else a {@link QuoteHit#position}: the quotes listed after
 *     that one
 */
public record QuoteQuery(String speaker, String about, LocalDate from, LocalDate to, int limit, String cursor) {

  public QuoteQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("empty period: " + from + " to " + to);
    }
    if (cursor != null && cursor.isBlank()) {
      throw new IllegalArgumentException("blank cursor");
    }
  }

  /** The first quotes. */
  public QuoteQuery(String speaker, String about, LocalDate from, LocalDate to, int limit) {
    this(speaker, about, from, to, limit, null);
  }

  /** The same query, {@code limit} quotes listed after {@code position} (null: from the first). */
  public QuoteQuery after(String position, int limit) {
    return new QuoteQuery(speaker, about, from, to, limit, position);
  }
}
