package org.lente.cluster;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.lente.server.WriteLimit;
import org.lente.store.PostgresConnections;

/**
 * The cluster's {@link WriteLimit}: a token bucket per client address in table {@code rate_limits}, shared by
 * every instance of {@code lente serve --cluster}. A take is one statement ({@code INSERT … ON CONFLICT DO
 * UPDATE}): PostgreSQL locks the client's row for it, so takes from several instances at once each see the
 * bucket the one before left; the time is the database's, the same for every instance. A row untouched for
 * {@link #PRUNE_AFTER} is a full bucket (no different from none) and is deleted, at most once a minute per
 * instance. Thread-safe.
 */
public final class PostgresRateLimit implements WriteLimit {

  /** How long an untouched row is kept: past a minute it is a full bucket, so any longer time is the same. */
  static final Duration PRUNE_AFTER = Duration.ofMinutes(10);

  /** The bucket after this take: refilled since its last take, at most full. */
  private static final String REFILLED = "LEAST(CAST(? AS DOUBLE PRECISION), rate_limits.tokens "
      + "+ GREATEST(0, EXTRACT(EPOCH FROM now() - rate_limits.at)) * CAST(? AS DOUBLE PRECISION))";

  private static final String TAKE = "INSERT INTO rate_limits (client, tokens, at, allowed) VALUES (?, ?, now(), TRUE) "
      + "ON CONFLICT (client) DO UPDATE SET tokens = CASE WHEN " + REFILLED + " >= 1 THEN " + REFILLED + " - 1 ELSE "
      + REFILLED + " END, at = now(), allowed = " + REFILLED + " >= 1 RETURNING tokens, allowed";

  private final PostgresConnections db;
  private final int perMinute;
  private final Every prune = new Every(Duration.ofMinutes(1));

  /** Buckets of {@code perMinute} requests on {@code db}, which the caller closes. */
  public PostgresRateLimit(PostgresConnections db, int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
    }
    this.db = java.util.Objects.requireNonNull(db, "db");
    this.perMinute = perMinute;
  }

  @Override
  public long take(String client) throws IOException {
    pruneNowAndThen();
    return db.writeDerived("take a request from the rate limit of " + client, c -> {
      PreparedStatement st = db.statement(TAKE);
      st.setString(1, client);
      st.setDouble(2, perMinute - 1);
      for (int i = 0; i < 4; i++) {
        st.setDouble(3 + 2 * i, perMinute);
        st.setDouble(4 + 2 * i, perMinute / 60.0);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        if (rs.getBoolean(2)) {
          return 0L;
        }
        return Math.max(1, (long) Math.ceil((1 - rs.getDouble(1)) / (perMinute / 60.0)));
      }
    });
  }

  /** Deletes the rows untouched for {@link #PRUNE_AFTER}, when this instance has not for a minute. */
  private void pruneNowAndThen() throws IOException {
    if (!prune.due()) {
      return;
    }
    db.writeDerived("prune the rate limits", c -> {
      PreparedStatement st = db.statement("DELETE FROM rate_limits WHERE at < now() - CAST(? AS INTERVAL)");
      st.setString(1, PRUNE_AFTER.toSeconds() + " seconds");
      return st.executeUpdate();
    });
  }
}
