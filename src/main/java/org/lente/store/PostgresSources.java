package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.lente.cluster.PostgresSchema;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceProgress;

/**
 * The cluster's {@link Sources}: tables {@code polled_sources} and {@code source_urls} of the shared
 * PostgreSQL database (created by {@code lente migrate}, see {@link PostgresSchema}), on the
 * {@link PostgresConnections} it is given ({@link #on}), which whoever opened them closes. Several processes may use the same database at once: each
 * change is one transaction, an address added by two at once is refused to the second, and a poll's
 * count is an increment.
 *
 * <p>The cluster's poll workers ({@code lente worker poll}) share the sources through claims (table
 * {@code source_claims}): {@link #claimDue} hands a due source to one worker until its claim expires,
 * {@link #finishPoll} records the poll and ends the claim in one transaction. Why no two workers poll a
 * source at once: a claim is taken by {@code INSERT … ON CONFLICT DO UPDATE … WHERE claimed_until < now},
 * which PostgreSQL evaluates on the latest committed claim row (whatever the statement's snapshot), so
 * of two workers only one gets a live claim; both claiming and finishing lock the source's row first
 * (a claim picks its candidate {@code FOR UPDATE SKIP LOCKED}, so workers pass over each other's
 * candidates), and a finished poll's new {@code next_poll} commits with the claim's end, so a source is
 * never seen due and unclaimed between the two. Claims expire by the database's clock, and a source is
 * due when the database's clock reaches the next poll its last poller wrote: a poller's clock ahead or
 * behind moves that source's polls by as much. Thread-safe.
 */
public final class PostgresSources extends SqlSources {

  /** Candidates a {@link #claimDue} tries at most, each found taken by another worker meanwhile. */
  private static final int CLAIM_ATTEMPTS = 16;

  /**
   * The first source due and not claimed by a live claim, locked: {@code due_at} (migration
   * {@code V15_1__source_due_at.sql}: the next poll as a time, {@code -infinity} when there is none) by its index
   * {@code polled_sources_due}, up to the statement's time (a stable function, so that the index bounds the scan:
   * with no source due, the scan reads nothing); the sources locked by other claims are passed over.
   */
  static final String DUE = "SELECT s.id FROM polled_sources s LEFT JOIN source_claims c ON c.source_id = s.id "
      + "WHERE s.due_at <= statement_timestamp() AND (c.source_id IS NULL OR c.claimed_until < clock_timestamp()) "
      + "ORDER BY s.due_at, s.id LIMIT 1 FOR UPDATE OF s SKIP LOCKED";

  private final PostgresConnections db;

  private PostgresSources(PostgresConnections db) {
    super(db);
    this.db = db;
  }

  /** The sources on {@code db}: open connections ({@link PostgresConnections#connect}) that the caller closes. */
  public static PostgresSources on(PostgresConnections db) {
    return new PostgresSources(Objects.requireNonNull(db, "db"));
  }

  /**
   * Claims for {@code holder}, until {@code claim} from now, one source that is due (never polled, or its
   * next poll has come) and that no live claim holds; the longest overdue first.
   *
   * @param holder who claims: unique to one worker process (a later process must not reuse it)
   * @param claim how long the claim lasts: longer than a poll takes, as another worker takes the source
   *     once it expires; at least a second
   * @return the source as claimed, or empty when none is due and free now
   */
  public Optional<Source> claimDue(String holder, Duration claim) throws IOException {
    Objects.requireNonNull(holder, "holder");
    if (claim.toMillis() < 1000) {
      throw new IllegalArgumentException("a claim must last at least a second: " + claim);
    }
    Optional<Long> id = db.writing("claim a due source for " + holder, () -> {
      PreparedStatement due = db.statement(DUE);
      PreparedStatement take = db.statement("INSERT INTO source_claims (source_id, holder, claimed_until) "
          + "VALUES (?, ?, clock_timestamp() + ? * interval '1 millisecond') "
          + "ON CONFLICT (source_id) DO UPDATE SET holder = EXCLUDED.holder, claimed_until = EXCLUDED.claimed_until "
          + "WHERE source_claims.claimed_until < clock_timestamp() RETURNING source_id");
      // A candidate may have been claimed by another worker after this statement's snapshot: the claim then
      // takes nothing, and the next look (a new snapshot) sees that claim and passes over it.
      for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        long candidate;
        try (ResultSet rs = due.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Long>empty();
          }
          candidate = rs.getLong(1);
        }
        take.setLong(1, candidate);
        take.setString(2, holder);
        take.setLong(3, claim.toMillis());
        try (ResultSet rs = take.executeQuery()) {
          if (rs.next()) {
            return Optional.of(candidate);
          }
        }
      }
      return Optional.<Long>empty();
    });
    return id.isEmpty() ? Optional.empty() : get(id.get()); // empty when removed meanwhile (its claim with it)
  }

  /**
   * Records the poll of source {@code id} that {@code holder} claimed, in one transaction: each of
   * {@code handedOn} marked handled (so that no poll hands it on again), and, when the claim is still
   * {@code holder}'s (expired or not, but not taken over by another worker), the poll's state and the end
   * of the claim. A claim taken over leaves the state to its new holder; the URLs are marked all the same,
   * as they were handed on.
   *
   * @param polled the source's state after the poll, as {@link #recordPoll} takes it
   * @return whether the claim was still {@code holder}'s (false too when the source was removed meanwhile)
   */
  public boolean finishPoll(long id, String holder, Source.State polled, Collection<String> handedOn)
      throws IOException {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(polled, "polled");
    Instant now = Instant.now();
    return db.writing("record the poll of source " + id + " by " + holder, () -> {
      // The source's row first, as claimDue locks it: a claim and a finish never wait for each other crosswise.
      PreparedStatement lock = db.statement("SELECT 1 FROM polled_sources WHERE id = ? FOR UPDATE");
      lock.setLong(1, id);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
      }
      PreparedStatement end = db.statement("DELETE FROM source_claims WHERE source_id = ? AND holder = ?");
      end.setLong(1, id);
      end.setString(2, holder);
      boolean mine = end.executeUpdate() == 1;
      for (String url : handedOn) {
        handle(db::statement, new SourceProgress(id, url, null), now);
      }
      if (mine) {
        record(db::statement, id, polled, 0);
      }
      return mine;
    });
  }

  /** Ends {@code holder}'s claim of source {@code id} without a poll recorded, so another worker may take it at once. */
  public void release(long id, String holder) throws IOException {
    Objects.requireNonNull(holder, "holder");
    db.writing("release the claim of source " + id + " by " + holder, () -> {
      PreparedStatement ps = db.statement("DELETE FROM source_claims WHERE source_id = ? AND holder = ?");
      ps.setLong(1, id);
      ps.setString(2, holder);
      return ps.executeUpdate();
    });
  }

  /** Does nothing: the connections are the caller's, who opened them ({@link #on}). */
  @Override
  public void close() {}
}
