package org.lente.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many INSERT (or UPDATE) statements reach some tables of a test database: a statement-level trigger on each counts
 * them into a table of its own, whatever connection runs them. A statement writing a hundred rows counts once, so that
 * a test can tell one multi-row statement (one round trip) from one statement per row.
 */
public final class StatementCounts {

  private final String url;

  private StatementCounts(String url) {
    this.url = url;
  }

  /** Starts counting the INSERT statements on {@code tables} of the database at {@code url} (as the test user). */
  public static StatementCounts on(String url, String... tables) throws SQLException {
    return counting(url, "INSERT", tables);
  }

  /**
   * Starts counting the UPDATE statements on {@code tables}, read as "table update" ({@link #read}), alongside any
   * INSERT counts of {@link #on} on the same database.
   */
  public static StatementCounts updates(String url, String... tables) throws SQLException {
    return counting(url, "UPDATE", tables);
  }

  private static StatementCounts counting(String url, String event, String... tables) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS test_statement_counts (tbl TEXT PRIMARY KEY, n INT NOT NULL)");
      st.execute("CREATE OR REPLACE FUNCTION test_count_statement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
          + "INSERT INTO test_statement_counts VALUES (CASE TG_OP WHEN 'INSERT' THEN TG_TABLE_NAME "
          + "ELSE TG_TABLE_NAME || ' ' || lower(TG_OP) END, 1) ON CONFLICT (tbl) DO UPDATE "
          + "SET n = test_statement_counts.n + 1; RETURN NULL; END $$");
      for (String table : tables) {
        if (!table.matches("[a-z_]+")) {
          throw new IllegalArgumentException("bad table name: " + table);
        }
        st.execute("CREATE TRIGGER test_count_" + event.toLowerCase(java.util.Locale.ROOT) + "_" + table + " AFTER "
            + event + " ON " + table + " FOR EACH STATEMENT EXECUTE FUNCTION test_count_statement()");
      }
    }
    return new StatementCounts(url);
  }

  /**
   * Table → INSERT statements run on it since {@link #on} (committed ones), "table update" → UPDATE statements since
   * {@link #updates}; tables without any left out.
   */
  public Map<String, Integer> read() throws SQLException {
    Map<String, Integer> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT tbl, n FROM test_statement_counts")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }
}
