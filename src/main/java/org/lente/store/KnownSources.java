package org.lente.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code sources} rows as the store's one writer last wrote them, while it holds its writes
 * ({@link ArticleStore#holdWrites}: the cluster's writer), by host: its id and site. A put of an article of a known host
 * whose site is none or the one stored would upsert the row to the values it has ({@code site = coalesce(new site,
 * stored site)}), so it takes the id from here and sends nothing; any other writes the row and notes it. Only that
 * writer writes {@code sources}; after a rollback the rows are {@link #forget forgotten} (a new host's row may be gone).
 * At most {@link #MAX} hosts are kept (all forgotten past it). Not thread-safe: used under the write connection's lock.
 */
final class KnownSources {

  /** The most hosts kept. */
  static final int MAX = 100_000;

  /** A source's id and site (null when none) as stored. */
  private record Row(long id, String site) { }

  private final Map<String, Row> rows = new HashMap<>();

  /**
   * The id of {@code host}'s row when a put of an article of that host with {@code site} (null: none) would leave it as
   * it is; else null (a host not known, or a new site).
   */
  Long unchanged(String host, String site) {
    Row row = rows.get(Objects.requireNonNull(host, "host"));
    return row != null && (site == null || site.equals(row.site())) ? row.id() : null;
  }

  /** Notes that {@code host}'s row, id {@code id}, holds {@code site} (null: none) as written. */
  void written(String host, long id, String site) {
    if (rows.size() >= MAX && !rows.containsKey(host)) {
      rows.clear();
    }
    rows.put(Objects.requireNonNull(host, "host"), new Row(id, site));
  }

  /** Forgets every row: the transaction that wrote some rolled back. */
  void forget() {
    rows.clear();
  }
}
