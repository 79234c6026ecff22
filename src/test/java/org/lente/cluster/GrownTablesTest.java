package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer's analyses of the tables it grows, on a real PostgreSQL server, a new migrated database per test. */
class GrownTablesTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  private String url;

  @BeforeEach
  void database() throws Exception {
    url = PG.newMigratedDatabase();
    try (Connection c = connect(); java.sql.Statement st = c.createStatement()) {
      st.execute("ALTER TABLE authors SET (autovacuum_enabled = false)"); // only GrownTables analyses it
    }
  }

  @Test
  void aTableNeverAnalysedIsAnalysedOnceItHoldsTheMinimum() throws Exception {
    authors(0, GrownTables.MIN_ROWS - 1);
    assertEquals(List.of(), analysed());
    authors(GrownTables.MIN_ROWS - 1, GrownTables.MIN_ROWS);
    assertEquals(List.of("authors"), analysed());
    assertEquals(1, analyses());
  }

  @Test
  void anAnalysedTableIsAnalysedAgainWhenItHoldsTwiceItsRowsThen() throws Exception {
    long first = 3 * GrownTables.MIN_ROWS;
    authors(0, first);
    assertEquals(List.of("authors"), analysed());
    authors(first, 2 * first - 1);
    assertEquals(List.of(), analysed());
    authors(2 * first - 1, 2 * first);
    assertEquals(List.of("authors"), analysed());
    assertEquals(2, analyses());
  }

  /** Runs {@link GrownTables#analyse} in a transaction of its own, as the writer does after a batch. */
  private List<String> analysed() throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      List<String> out = GrownTables.analyse(c);
      c.commit();
      return out;
    }
  }

  /** The analyses of {@code authors} PostgreSQL counted. */
  private long analyses() throws Exception {
    return statistic("analyze_count");
  }

  /**
   * Adds authors {@code from} (inclusive) to {@code to} (exclusive) in a connection of their own, and waits (ten seconds
   * at most) until PostgreSQL's statistics count them: a session reports its counts when it ends.
   */
  private void authors(long from, long to) throws Exception {
    try (Connection c = connect();
        PreparedStatement st = c.prepareStatement("INSERT INTO authors (name) SELECT 'Autore ' || i "
            + "FROM generate_series(?::bigint, ?::bigint) i")) {
      st.setLong(1, from);
      st.setLong(2, to - 1);
      st.executeUpdate();
    }
    long until = System.nanoTime() + 10_000_000_000L;
    while (statistic("n_live_tup") != to) {
      if (System.nanoTime() > until) {
        throw new AssertionError("PostgreSQL's statistics count " + statistic("n_live_tup") + " authors, not " + to);
      }
      Thread.sleep(50);
    }
  }

  private long statistic(String column) throws SQLException {
    try (Connection c = connect(); java.sql.Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + column + " FROM pg_stat_user_tables WHERE relname = 'authors'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, PostgresServer.USER, null);
  }
}
