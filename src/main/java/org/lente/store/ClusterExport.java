package org.lente.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;

/**
 * Copies an embedded knowledge base's database into a cluster's empty PostgreSQL database, ids
 * kept: every table of the cluster's schema (which has the embedded schema's tables and columns, see
 * {@link PostgresSchema}), read from one snapshot of the SQLite file and written in one PostgreSQL
 * transaction, so the copy is whole or nothing. A parent table is copied before the tables that refer to
 * it by a reference PostgreSQL checks (those of accounts and polled sources; it checks none among the
 * knowledge tables, which SQLite checked as they were written), and each identity sequence is moved past the
 * largest id copied. The search index is
 * not copied: it is derived from the store and rebuilt from it.
 */
public final class ClusterExport {

  /** Rows per batched insert. */
  private static final int BATCH = 1_000;

  /**
   * What was copied.
   *
   * @param rows the rows copied per table, in copy order
   */
  public record Result(Map<String, Long> rows) {
    public Result {
      rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** All rows copied. */
    public long total() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private ClusterExport() {}

  /**
   * Copies the knowledge base in {@code dir} into {@code cluster}'s database.
   *
   * @throws IOException when {@code dir} holds no knowledge base, the cluster's schema is not this
   *     Lente's (run {@code lente migrate}), its database already holds data, or a row cannot be
   *     written (the message names the table; nothing is kept)
   */
  public static Result export(Path dir, ClusterFile cluster) throws IOException {
    Path database = dir.resolve(SqliteStore.FILE);
    if (!Files.isRegularFile(database)) {
      throw new IOException("no knowledge base in " + dir.toAbsolutePath());
    }
    PostgresSchema.requireCurrent(cluster);
    SqliteStore.open(dir).close(); // the embedded schema at this Lente's version, as the cluster's
    try (Connection from = SqliteStore.readOnlyConnection(database);
        Connection to = DriverManager.getConnection(cluster.postgresUrl(), cluster.postgresUser(),
            cluster.postgresPassword())) {
      from.setAutoCommit(false); // one read transaction: one snapshot of every table
      to.setAutoCommit(false);
      try {
        List<String> tables = tablesParentsFirst(to);
        for (String t : tables) {
          if (!isEmpty(to, t)) {
            throw new IOException(cluster.postgresUrl() + " already holds data (table " + t + " has rows): export "
                + "goes to an empty database made by lente migrate");
          }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String t : tables) {
          rows.put(t, copy(from, to, t));
        }
        moveSequences(from, to);
        to.commit();
        return new Result(rows);
      } catch (IOException | SQLException | RuntimeException e) {
        to.rollback();
        throw e;
      } finally {
        from.rollback();
      }
    } catch (SQLException e) {
      throw new IOException("cannot export " + dir.toAbsolutePath() + " to " + cluster.postgresUrl() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The cluster schema's tables (not views, not Flyway's history), each after the tables it refers to by a
   * reference PostgreSQL checks.
   */
  private static List<String> tablesParentsFirst(Connection to) throws SQLException {
    Set<String> tables = new java.util.TreeSet<>();
    try (Statement st = to.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name FROM "
        + "information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    tables.remove(PostgresSchema.HISTORY);
    tables.removeAll(PostgresSchema.CLUSTER_ONLY);
    Map<String, Set<String>> parents = new HashMap<>();
    try (Statement st = to.createStatement(); ResultSet rs = st.executeQuery("SELECT c.conrelid::regclass::text, "
        + "c.confrelid::regclass::text FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = "
        + "'public'::regnamespace")) {
      while (rs.next()) {
        if (!rs.getString(1).equals(rs.getString(2))) {
          parents.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (order.size() < tables.size()) {
      boolean progress = false;
      for (String t : tables) {
        if (!placed.contains(t) && placed.containsAll(parents.getOrDefault(t, Set.of()))) {
          order.add(t);
          placed.add(t);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("the cluster schema's foreign keys form a cycle among " + tables);
      }
    }
    return order;
  }

  private static boolean isEmpty(Connection to, String table) throws SQLException {
    try (Statement st = to.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
      return !rs.next();
    }
  }

  /** Copies the columns {@code table} is written with (not the generated ones); returns the rows copied. */
  private static long copy(Connection from, Connection to, String table) throws SQLException, IOException {
    Map<String, Integer> columns = new LinkedHashMap<>(); // name -> SQL type, in column order
    try (PreparedStatement ps = to.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
        + "WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), sqlType(rs.getString(2)));
        }
      }
    }
    String names = String.join(", ", columns.keySet());
    List<Integer> types = List.copyOf(columns.values());
    long copied = 0;
    try (Statement read = from.createStatement();
        ResultSet rs = read.executeQuery("SELECT " + names + " FROM " + table);
        PreparedStatement write = to.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
      while (rs.next()) {
        for (int i = 0; i < types.size(); i++) {
          Object v = rs.getObject(i + 1);
          if (v == null) {
            write.setNull(i + 1, types.get(i));
          } else {
            write.setObject(i + 1, v, types.get(i));
          }
        }
        write.addBatch();
        if (++copied % BATCH == 0) {
          write.executeBatch();
        }
      }
      write.executeBatch();
    } catch (SQLException e) {
      SQLException next = e.getNextException();
      throw new IOException("cannot copy table " + table + ": " + (next != null ? next.getMessage() : e.getMessage()),
          e);
    }
    return copied;
  }

  private static int sqlType(String dataType) {
    return switch (dataType) {
      case "bigint" -> Types.BIGINT;
      case "integer" -> Types.INTEGER;
      case "double precision" -> Types.DOUBLE;
      case "text" -> Types.VARCHAR;
      default -> throw new IllegalStateException("a column type export does not know: " + dataType);
    };
  }

  /**
   * Moves each identity sequence past the largest id copied and past SQLite's own counter for the
   * table (an AUTOINCREMENT table such as {@code story_ids} remembers ids whose rows are deleted):
   * no id is handed out twice across the move.
   */
  private static void moveSequences(Connection from, Connection to) throws SQLException {
    Map<String, Long> counters = new HashMap<>();
    try (Statement st = from.createStatement(); ResultSet rs = st.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
      while (rs.next()) {
        counters.put(rs.getString(1), rs.getLong(2));
      }
    }
    Map<String, String> identities = new TreeMap<>();
    try (Statement st = to.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM "
        + "information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'")) {
      while (rs.next()) {
        identities.put(rs.getString(1), rs.getString(2));
      }
    }
    try (Statement st = to.createStatement()) {
      for (Map.Entry<String, String> e : identities.entrySet()) {
        st.execute("SELECT setval(pg_get_serial_sequence('" + e.getKey() + "', '" + e.getValue() + "'), "
            + "greatest((SELECT coalesce(max(" + e.getValue() + "), 0) FROM " + e.getKey() + "), "
            + counters.getOrDefault(e.getKey(), 0L) + ") + 1, false)");
      }
    }
  }
}
