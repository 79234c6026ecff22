package org.lente.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The fence of a single writer on the cluster's PostgreSQL store (table {@code writer_lease}): a row per role with
 * its holder, an epoch and an expiry. {@link #acquire} takes the role when its lease has expired (or is the
 * caller's own) and bumps the epoch; every transaction of the holder then calls {@link #check} before it commits,
 * an {@code UPDATE … WHERE epoch = :mine} that also renews the lease. A writer that lost the role (it stalled past
 * its expiry and a standby took over) finds no row of its epoch and its transaction is refused, so it cannot commit
 * over the new writer's work.
 *
 * <p>Why it holds under concurrency: {@code check}'s UPDATE locks the row until the caller's transaction ends; a
 * takeover's UPDATE of the same row waits for it. Either the old writer's transaction commits first (and is valid,
 * its epoch still current), or the takeover commits first and PostgreSQL re-reads the row for the old writer's
 * UPDATE, which then matches nothing (READ COMMITTED and stricter alike).
 *
 * <p>Immutable and thread-safe; it holds no connection.
 */
public final class WriterLease {

  /** The writer lost its role: another holder took over with a newer epoch, or the row is gone. */
  public static final class LostException extends SQLException {
    private final String name;
    private final long epoch;

    LostException(String name, long epoch, String now) {
      super("the lease " + name + " of epoch " + epoch + " is lost: " + now);
      this.name = name;
      this.epoch = epoch;
    }

    /** The role. */
    public String name() {
      return name;
    }

    /** The epoch the caller held. */
    public long epoch() {
      return epoch;
    }
  }

  private final String name;
  private final String holder;
  private final long epoch;
  private final Duration ttl;

  private WriterLease(String name, String holder, long epoch, Duration ttl) {
    this.name = name;
    this.holder = holder;
    this.epoch = epoch;
    this.ttl = ttl;
  }

  /**
   * Takes the role {@code name} for {@code holder} when nobody holds it, its lease has expired, or {@code holder}
   * already holds it; bumps the epoch either way. Commits on {@code c} when it is in auto-commit mode, else in the
   * caller's transaction.
   *
   * @param ttl how long the lease lasts without a {@link #check}; positive
   * @return the lease, or empty when another holder's lease is still running
   */
  public static Optional<WriterLease> acquire(Connection c, String name, String holder, Duration ttl)
      throws SQLException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    try (PreparedStatement st = c.prepareStatement("INSERT INTO writer_lease (name, holder, epoch, expires_at) "
        + "VALUES (?, ?, 1, clock_timestamp() + ? * interval '1 millisecond') ON CONFLICT (name) DO UPDATE "
        + "SET holder = EXCLUDED.holder, epoch = writer_lease.epoch + 1, expires_at = EXCLUDED.expires_at "
        + "WHERE writer_lease.expires_at < clock_timestamp() OR writer_lease.holder = EXCLUDED.holder "
        + "RETURNING epoch")) {
      st.setString(1, name);
      st.setString(2, holder);
      st.setLong(3, ttl.toMillis());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(new WriterLease(name, holder, rs.getLong(1), ttl)) : Optional.empty();
      }
    }
  }

  /**
   * Checks, in the caller's transaction on {@code tx}, that this lease is still the current one, and renews it;
   * call it in every transaction of the writer, before its commit. The row stays locked until that transaction
   * ends, so no takeover can slip in before the commit.
   *
   * @throws LostException when a newer epoch took over (the caller must roll back and stop writing)
   */
  public void check(Connection tx) throws SQLException {
    try (PreparedStatement st = tx.prepareStatement("UPDATE writer_lease SET expires_at = clock_timestamp() "
        + "+ ? * interval '1 millisecond' WHERE name = ? AND epoch = ?")) {
      st.setLong(1, ttl.toMillis());
      st.setString(2, name);
      st.setLong(3, epoch);
      if (st.executeUpdate() == 0) {
        throw new LostException(name, epoch, current(tx));
      }
    }
  }

  /** Ends this lease now, so a standby takes over at once; does nothing when it is already lost. */
  public void release(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("UPDATE writer_lease SET expires_at = '-infinity' "
        + "WHERE name = ? AND epoch = ?")) {
      st.setString(1, name);
      st.setLong(2, epoch);
      st.executeUpdate();
    }
  }

  /** The role. */
  public String name() {
    return name;
  }

  /** Who holds it. */
  public String holder() {
    return holder;
  }

  /** The epoch taken: greater than every earlier holder's. */
  public long epoch() {
    return epoch;
  }

  private String current(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT holder, epoch FROM writer_lease WHERE name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? "now held by " + rs.getString(1) + " with epoch " + rs.getLong(2) : "no such lease";
      }
    }
  }

  @Override
  public String toString() {
    return "WriterLease[" + name + ", " + holder + ", epoch " + epoch + ", ttl " + ttl + "]";
  }
}
