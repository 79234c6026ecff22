package org.lente.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lente.store.SqliteStore;

/**
 * The references between tables that the embedded schema declares ({@code REFERENCES} in its scripts, as SQLite's
 * {@code pragma_foreign_key_list} reads them from a store made now): the one place the cluster's tests take them
 * from, since PostgreSQL no longer checks those among the knowledge tables (V16_1).
 */
record EmbeddedReferences(List<Reference> all) {

  /**
   * A column that refers to a row of another table.
   *
   * @param cascade whether deleting the row referred to deletes the referring rows ({@code ON DELETE CASCADE})
   */
  record Reference(String table, String column, String parent, String parentColumn, boolean cascade) {
    Reference {
      java.util.Objects.requireNonNull(table, "table");
      java.util.Objects.requireNonNull(column, "column");
      java.util.Objects.requireNonNull(parent, "parent");
      java.util.Objects.requireNonNull(parentColumn, "parentColumn");
    }

    /** "table.column", as a catalog names it. */
    String name() {
      return table + "." + column;
    }
  }

  EmbeddedReferences {
    all = List.copyOf(all);
  }

  /**
   * The references of a store made now in {@code dir} (an empty folder). A reference naming no parent column refers
   * to the parent's key, which is {@code id} in every table of the embedded schema; each reference is one column (the
   * schema has no composite ones: {@code seq} above 0 would say so, and fails here).
   */
  static EmbeddedReferences of(Path dir) throws IOException, SQLException {
    SqliteStore.open(dir).close();
    List<Reference> all = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT m.name, p.\"from\", p.\"table\", p.\"to\", p.on_delete, p.seq "
            + "FROM sqlite_master m, pragma_foreign_key_list(m.name) p WHERE m.type = 'table' ORDER BY 1, 2")) {
      while (rs.next()) {
        if (rs.getInt(6) != 0) {
          throw new IllegalStateException("a reference of " + rs.getString(1) + " has more than one column");
        }
        all.add(new Reference(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4) == null ? "id" : rs.getString(4), "CASCADE".equals(rs.getString(5))));
      }
    }
    return new EmbeddedReferences(all);
  }

  /**
   * The rows of PostgreSQL's database {@code url} whose reference (one of {@link #all}) names no row, by reference;
   * the references with none left out.
   */
  Map<String, Long> orphans(String url) throws SQLException {
    Map<String, Long> orphans = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = c.createStatement()) {
      for (Reference r : all) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + r.table() + " c WHERE c." + r.column()
            + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + r.parent() + " p WHERE p." + r.parentColumn() + " = c."
            + r.column() + ")")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            orphans.put(r.name() + " -> " + r.parent(), rs.getLong(1));
          }
        }
      }
    }
    return orphans;
  }
}
