package org.lente.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Kafka offsets a writer has applied to the cluster's PostgreSQL store (table {@code applied_offsets}): per topic
 * and partition, the offset of the next record to apply. The writer {@link #read}s them on start and seeks there, and
 * {@link #record}s each new one in the same transaction as what the record changed, so data and offset commit or roll
 * back together and a redelivered record (an offset below the stored one) is skipped. Stateless and thread-safe.
 */
public final class AppliedOffsets {

  private AppliedOffsets() {}

  /** The next offset to apply per partition of {@code topic}; partitions never applied are absent. */
  public static Map<Integer, Long> read(Connection c, String topic) throws SQLException {
    Objects.requireNonNull(topic, "topic");
    Map<Integer, Long> next = new TreeMap<>();
    try (PreparedStatement st = c.prepareStatement("SELECT part, next_offset FROM applied_offsets WHERE topic = ?")) {
      st.setString(1, topic);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          next.put(rs.getInt(1), rs.getLong(2));
        }
      }
    }
    return next;
  }

  /**
   * Records, in the caller's transaction on {@code tx}, that the records of {@code topic}'s {@code partition} before
   * {@code nextOffset} are applied.
   *
   * @throws IllegalStateException when the stored offset is already past {@code nextOffset}: the record was applied
   *     before (the caller should have skipped it), and the transaction must not commit
   */
  public static void record(Connection tx, String topic, int partition, long nextOffset) throws SQLException {
    Objects.requireNonNull(topic, "topic");
    if (partition < 0 || nextOffset < 0) {
      throw new IllegalArgumentException("bad position: partition=" + partition + ", nextOffset=" + nextOffset);
    }
    try (PreparedStatement st = tx.prepareStatement("INSERT INTO applied_offsets (topic, part, next_offset) "
        + "VALUES (?, ?, ?) ON CONFLICT (topic, part) DO UPDATE SET next_offset = EXCLUDED.next_offset "
        + "WHERE applied_offsets.next_offset <= EXCLUDED.next_offset")) {
      st.setString(1, topic);
      st.setInt(2, partition);
      st.setLong(3, nextOffset);
      if (st.executeUpdate() == 0) {
        throw new IllegalStateException("offset " + nextOffset + " of " + topic + "/" + partition
            + " goes back: the stored one is past it (" + read(tx, topic).get(partition) + ")");
      }
    }
  }
}
