package org.lente.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A put's first lookup ({@link ArticleWrites}): the article of its key and the first article of its text, for many
 * puts in one statement. While the store holds its writes ({@link ArticleStore#holdWrites}: the cluster's writer, the
 * store's one writer), the answers of the articles prepared after the one put ({@link ArticleWrites#prepare}) are read
 * with its own and kept for their puts, at most {@link #AHEAD} in one statement; an answer is used only while no put
 * since it was read wrote an article of its key or of its text (old or new), which are the only writes that change it:
 * else all are read again. So each put decides from what the store holds at its turn, as with a lookup of its own.
 * Not thread-safe: used under the write connection's lock.
 */
final class ArticleLookups {

  /** The lookups read in one statement at most: the put's and those of the articles prepared after it. */
  static final int AHEAD = SqlConnections.MAX_ROWS;

  /** What a put looks up: its key, and the {@link ContentHash} of its text. */
  record Asked(String key, String hash) {
    Asked {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(hash, "hash");
    }
  }

  /**
   * What the store holds of an {@link Asked}: the article of its key ({@code keyId} 0 when none; else the hash of its
   * latest text and its version), and the first article (least id) whose latest text has the hash ({@code textId} 0
   * when none; else its version).
   */
  record Known(long keyId, String keyHash, int keyVersion, long textId, int textVersion) { }

  /**
   * Each asked key and hash's answer: the article of the key by its unique index, the first of the text by the hashes'
   * index, a subquery per column (on both engines; as a join, PostgreSQL plans a table never analysed as a read of all
   * of it). The first of a text is the least {@code id + 0}, not {@code ORDER BY id LIMIT 1}: PostgreSQL planned that,
   * as a subquery of each asked row on a table never analysed, as a walk of the primary key filtered by the hash,
   * which reads every article for a new text (4,499 tuples an article at 5,000 in {@code bench/writer-rate}); an
   * expression of the id, which no index holds, leaves the hashes' index the only one to read.
   */
  static final String LOOKUP = "WITH v (k, h) AS (VALUES " + SqlConnections.ROWS + ") SELECT v.k, v.h, "
      + "(SELECT a.id FROM articles a WHERE a.key = v.k), (SELECT a.content_hash FROM articles a WHERE a.key = v.k), "
      + "(SELECT a.version FROM articles a WHERE a.key = v.k), "
      + "(SELECT min(a.id + 0) FROM articles a WHERE a.content_hash = v.h), "
      + "(SELECT a.version FROM articles a WHERE a.id = (SELECT min(b.id + 0) FROM articles b WHERE b.content_hash = v.h)) "
      + "FROM v";

  /** The answers read ahead, not yet used. */
  private final Map<Asked, Known> ahead = new HashMap<>();
  /** The keys and the hashes (old and new) of the articles written since {@link #ahead} was read. */
  private final Set<String> keysWritten = new HashSet<>();
  private final Set<String> hashesWritten = new HashSet<>();

  /**
   * The answer to {@code asked}: read ahead, or read now in one statement with those of {@code after} (the lookups of
   * the puts expected next, in their order; those past {@link #AHEAD} - 1 are left), which are kept.
   */
  Known known(SqlConnections.Statements statements, Asked asked, List<Asked> after) throws SQLException {
    Known known = ahead.remove(asked);
    if (known != null && !keysWritten.contains(asked.key()) && !hashesWritten.contains(asked.hash())) {
      return known;
    }
    forget();
    Set<Asked> all = new LinkedHashSet<>();
    all.add(asked);
    for (Asked a : after) {
      if (all.size() == AHEAD) {
        break;
      }
      all.add(a);
    }
    Map<Asked, Known> read = read(statements, List.copyOf(all));
    known = read.remove(asked);
    ahead.putAll(read);
    return known;
  }

  /** The answers to {@code asked} (distinct), read in one statement per {@link SqlConnections#MAX_ROWS}. */
  static Map<Asked, Known> read(SqlConnections.Statements statements, List<Asked> asked) throws SQLException {
    Map<Asked, Known> out = new HashMap<>();
    SqlConnections.rows(statements, LOOKUP, "(?, ?)", asked, (st, p, a) -> {
      st.setString(p, a.key());
      st.setString(p + 1, a.hash());
      return p + 2;
    }, rs -> out.put(new Asked(rs.getString(1), rs.getString(2)),
        new Known(rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getInt(7))));
    if (out.size() != asked.size()) {
      throw new SQLException("articles: " + out.size() + " answers to " + asked.size() + " lookups");
    }
    return out;
  }

  /**
   * Notes that article {@code key} was written with text {@code hash}, its text before {@code oldHash} (null for a new
   * article): the answers read ahead that name either are read again.
   */
  void written(String key, String oldHash, String hash) {
    if (!ahead.isEmpty()) {
      keysWritten.add(key);
      hashesWritten.add(hash);
      if (oldHash != null) {
        hashesWritten.add(oldHash);
      }
    }
  }

  /** Drops the answers read ahead: the transaction that read them rolled back, or they are to be read again. */
  void forget() {
    ahead.clear();
    keysWritten.clear();
    hashesWritten.clear();
  }
}
