package org.lente.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner's statistics of the tables the knowledge writer grows, kept in step with their size: a table of the
 * store's schema is analysed ({@code ANALYZE}) once it holds twice the rows it held at its last analysis, or
 * {@link #MIN_ROWS} when it was never analysed. PostgreSQL's autovacuum analyses a table after a tenth of its rows
 * changed, but visits a database once a minute: a new store, or one growing by thousands of rows a minute, is planned
 * meanwhile from default selectivities. By doubling, a table of {@code n} rows has been analysed about
 * {@code log2(n / MIN_ROWS)} times, each analysis bounded by PostgreSQL's sample (300 rows per unit of
 * {@code default_statistics_target}).
 */
final class GrownTables {

  /** The rows a table never analysed holds before its first analysis. */
  static final long MIN_ROWS = 1_000;

  /**
   * The store's tables grown past their bound, by name; from PostgreSQL's statistics of the tables (its live rows,
   * counted as transactions end, about a second late) and {@code pg_class.reltuples} (the rows at the last analysis or
   * vacuum, -1 when none).
   */
  static final String GROWN = "SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
      + "WHERE s.schemaname = current_schema() AND s.n_live_tup >= greatest(?, 2 * c.reltuples) ORDER BY s.relname";

  private GrownTables() {
  }

  /**
   * Analyses the tables of {@code c}'s schema that grew past their bound, in {@code c}'s transaction; returns their
   * names (none, most calls: the check is one read of PostgreSQL's statistics).
   */
  static List<String> analyse(Connection c) throws SQLException {
    List<String> grown = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(GROWN)) {
      st.setLong(1, MIN_ROWS);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          grown.add(rs.getString(1));
        }
      }
    }
    try (java.sql.Statement st = c.createStatement()) {
      for (String table : grown) {
        st.execute("ANALYZE \"" + table.replace("\"", "\"\"") + "\"");
      }
    }
    return grown;
  }
}
