package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How SQL written once for both engines runs on one engine: the article store's ({@link ArticleWrites},
 * {@link SqlReads}, {@link ResolverTables}), the accounts' ({@link SqlAccounts}), the sources'
 * ({@link SqlSources}) and, in another package, the story tables' ({@link #read}, {@link #writeDerived}): which connection a piece of work uses, how a transaction begins and ends, and the
 * few fragments where SQLite and PostgreSQL read SQL differently. Everything else is written once,
 * in the SQL both engines accept ({@code INSERT … ON CONFLICT … RETURNING}, {@code IS DISTINCT FROM},
 * {@code CASE} instead of SQLite's two-argument {@code max}, one {@code ?} per parameter).
 * Implementations are {@link SqliteConnections} and {@link PostgresConnections}; thread-safe.
 */
public sealed interface SqlConnections permits SqliteConnections, PostgresConnections {

  /**
   * Runs a read that does not wait for writes (a connection of its own); {@link #statement} prepares
   * on that connection meanwhile. An SQLException becomes an IOException saying what could not be done.
   */
  <T> T reading(String what, Database.Work<T> work) throws IOException;

  /**
   * Runs {@code work} on the write connection, one at a time, each statement committed as it runs:
   * a read that must see this process's latest writes, or one statement that writes.
   */
  <T> T locked(String what, Database.Work<T> work) throws IOException;

  /** Runs {@code work} on the write connection in one transaction: committed, or rolled back when it throws. */
  <T> T writing(String what, Database.Work<T> work) throws IOException;

  /**
   * Runs {@code work} as {@link #reading} does, handing it the read's connection: for SQL that
   * prepares its own statements, in another package (the story tables). The connection is this
   * object's: the work neither commits, nor rolls back, nor closes it.
   */
  <T> T read(String what, SqlWork<T> work) throws IOException;

  /**
   * Runs {@code work} in one write transaction as {@link #writing} does, handing it the write
   * connection: for tables derived from the articles (stories, lineage), in another package. The
   * embedded engine commits it without waiting for the disk ({@link Database#writeDerived}).
   */
  <T> T writeDerived(String what, SqlWork<T> work) throws IOException;

  /** Runs reads in one transaction, so that they all see one snapshot of the data. */
  <T> T snapshot(String what, Database.Work<T> work) throws IOException;

  /**
   * A prepared statement for {@code sql} on the connection of the work running on this thread,
   * prepared once per connection and kept: callers do not close it.
   */
  PreparedStatement statement(String sql) throws SQLException;

  /** The one number {@code sql} selects. */
  default long count(String sql) throws SQLException {
    try (ResultSet rs = statement(sql).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A condition true when text {@code column} contains the text of its one {@code ?}. */
  String contains(String column);

  /** A condition true when {@code column} equals its one {@code ?} in any case (ASCII letters), by an index. */
  String equalsAnyCase(String column);

  /** A condition true when id {@code column} is one of the ids its one {@code ?} binds ({@link #idList}). */
  String inIdList(String column);

  /** {@code ids} as the one parameter of {@link #inIdList}. */
  String idList(List<Long> ids);

  /**
   * What follows {@code FROM} to read rows of whole numbers as table {@code alias} with {@code columns}: one parameter
   * a column, in the columns' order, each bound to {@link #idList} of that column's values, the lists of one length
   * (row i holds the i-th value of each). One statement for any number of rows, its SQL the same whatever their number.
   * A statement joining them to a table by its id restricts the table by {@link #joinedIdIn} too.
   */
  String numberRows(String alias, String... columns);

  /**
   * A condition true when id {@code column}, of a table joined by it to {@link #numberRows}, is one of the ids its one
   * {@code ?} binds ({@link #idList} of the rows' ids): on PostgreSQL, an {@code = ANY}, by which the table is read by
   * its index whatever statistics the planner has (joined to the rows alone, on a table never analysed, the plan
   * hashes the rows and reads the table whole); on SQLite, an {@code IN} checked on the rows the join reads (its
   * {@code +} keeps it from leading the join: SQLite read the rows once for each id, quadratic in their number).
   */
  String joinedIdIn(String column);

  /** What follows {@code DESC} in an ORDER BY so that nulls come last, as SQLite has them by default. */
  String descNullsLast();

  /** What follows {@code FROM entity_days d} to read it by its day index ({@code entity_days_day}). */
  String byDayIndex();

  /**
   * What follows {@code FROM} to read the entity rows {@code e} of one knowledge-base entity (the statement's
   * {@code WHERE e.kb_id = ?}) with each row's mentions {@code m} (the columns of {@code mentions}): read by
   * {@code entities_kb}, then {@code mentions_entity} for each entity row, whatever statistics the planner has. A plain
   * join of the two tables is planned by PostgreSQL, on tables never analysed (a new store, or one growing faster than
   * autovacuum visits it), as a hash join reading all the mentions: its default selectivities make the entity rows of
   * one id look like one in two hundred of them, each with one in two hundred of the mentions.
   */
  String entityMentions();

  /**
   * Makes {@code st} (prepared on one of these connections) planned at each execution for the values bound to it: for
   * lookups whose best plan depends on those values (how many rows an {@code IN} list's terms or bands hold). PostgreSQL
   * otherwise switches a statement prepared on the server to a generic plan, made without the values, after five
   * executions. On SQLite it does nothing.
   */
  void planForValues(PreparedStatement st) throws SQLException;

  /**
   * Whether a {@code WITH} clause may hold an {@code INSERT} (PostgreSQL), so that {@link #addMissing} adds rows and
   * reads back the ids of all in one statement; SQLite takes two.
   */
  boolean insertsInWith();

  /**
   * Adds to {@code table} the rows of {@code items} whose key it does not hold yet (the key: the first of
   * {@code columns}, a unique column), in the items' order, writing nothing to the rows it holds, and gives
   * {@code returned} the (id, key) of every item's row, new or not, in no promised order. Unlike an
   * {@code ON CONFLICT DO UPDATE} there only for {@code RETURNING}, a row already there gets no new version (no dead
   * tuple, WAL or index entry). {@code row} is one item's {@code VALUES} row for {@code columns} (literals allowed),
   * bound by {@code bind}; each key once a call. On PostgreSQL one statement per {@link #MAX_ROWS} items: its
   * {@code WITH} inserts with {@code ON CONFLICT DO NOTHING RETURNING} (the new rows) and looks each item's key up in
   * the table (the rows there before: every part of the statement sees the table as it was when the statement began,
   * so the two parts do not overlap).
   *
   * @throws SQLException when some key's row is neither added nor found: added by another transaction after the
   *     statement began (the cluster has one writer, fenced, so this is not expected)
   */
  default <T> void addMissing(String table, String columns, String row, List<T> items, RowBinder<T> bind,
      Returned returned) throws SQLException {
    String key = columns.split(",", 2)[0].strip();
    String values = "WITH v (" + columns + ") AS (VALUES " + ROWS + ")";
    // each item's row looked up by the key's index (a subquery per item; a null id for an item not there): as a join,
    // PostgreSQL's plan read the whole table for each statement (a hash join, planned when the table was small)
    String there = " SELECT (SELECT t.id FROM " + table + " t WHERE t." + key + " = v." + key + "), v." + key
        + " FROM v";
    int[] read = {0};
    Returned counted = found(returned, read);
    if (insertsInWith()) {
      rows(this::statement, values + ", ins AS (INSERT INTO " + table + " (" + columns + ") SELECT * FROM v ON CONFLICT ("
          + key + ") DO NOTHING RETURNING id, " + key + ") SELECT id, " + key + " FROM ins UNION ALL" + there, row,
          items, bind, counted);
    } else {
      rows(this::statement, "INSERT INTO " + table + " (" + columns + ") VALUES " + ROWS + " ON CONFLICT (" + key
          + ") DO NOTHING", row, items, bind);
      rows(this::statement, values + there, row, items, bind, counted);
    }
    checkFound(table, read[0], items.size());
  }

  /**
   * Adds to {@code table} the rows of {@code items} whose key it does not hold yet, sets column {@code changed} of the
   * rows it holds where the item's value differs, and writes nothing to the others; gives {@code returned} each item's
   * row id and its values of {@code returning} (columns of {@code columns}), in no promised order. The key: the first
   * {@code keys} of {@code columns}, a unique index; each key once a call. {@code row} is one item's {@code VALUES}
   * row for {@code columns}, bound by {@code bind}. Unlike an {@code ON CONFLICT DO UPDATE} that sets the column in
   * every row only to have {@code RETURNING} give all their ids, a row left as it was gets no new version (no dead
   * tuple, WAL of a new row or index entry; PostgreSQL still locks it). One statement per {@link #MAX_ROWS} items on
   * either engine: on PostgreSQL a {@code WITH} upserts with the condition {@code IS DISTINCT FROM} (its
   * {@code RETURNING} gives the new and changed rows only) and each item's id is looked up by the key's index in the
   * table as it was when the statement began, or, for a new row, in what the upsert returned; SQLite, in process,
   * upserts every row and returns them all.
   *
   * @throws SQLException when some item's row is neither added nor found: added by another transaction after the
   *     statement began (the cluster has one writer, fenced, so this is not expected)
   */
  default <T> void upsertChanged(String table, String columns, int keys, String changed, String returning, String row,
      List<T> items, RowBinder<T> bind, Returned returned) throws SQLException {
    List<String> names = Arrays.stream(columns.split(",")).map(String::strip).toList();
    if (keys < 1 || keys >= names.size() || !names.contains(changed) || names.subList(0, keys).contains(changed)) {
      throw new IllegalArgumentException("bad upsert of " + table + ": keys=" + keys + ", changed=" + changed
          + ", columns=" + columns);
    }
    List<String> key = names.subList(0, keys);
    String keyList = String.join(", ", key);
    String set = " ON CONFLICT (" + keyList + ") DO UPDATE SET " + changed + " = excluded." + changed;
    int[] read = {0};
    Returned counted = found(returned, read);
    if (insertsInWith()) {
      String values = "WITH v (" + columns + ") AS (VALUES " + ROWS + "), w AS (INSERT INTO " + table + " (" + columns
          + ") SELECT * FROM v" + set + " WHERE " + table + "." + changed + " IS DISTINCT FROM excluded." + changed
          + " RETURNING id, " + keyList + ")";
      // the row there before by the key's index (a subquery per item: as a join PostgreSQL's plan read the whole table
      // when planned on a small one, see addMissing), else the new row's id from the upsert; COALESCE reads the upsert's
      // rows only for the new keys
      String there = "(SELECT t.id FROM " + table + " t WHERE " + match("t", key) + ")";
      String added = "(SELECT w.id FROM w WHERE " + match("w", key) + ")";
      String rest = Arrays.stream(returning.split(",")).map(c -> "v." + c.strip())
          .collect(Collectors.joining(", "));
      rows(this::statement, values + " SELECT COALESCE(" + there + ", " + added + "), " + rest + " FROM v", row, items,
          bind, counted);
    } else {
      rows(this::statement, "INSERT INTO " + table + " (" + columns + ") VALUES " + ROWS + set + " RETURNING id, "
          + returning, row, items, bind, counted);
    }
    checkFound(table, read[0], items.size());
  }

  /** {@code returned} given only the rows whose first column (an id) is not null, counted in {@code read[0]}. */
  private static Returned found(Returned returned, int[] read) {
    return rs -> {
      rs.getLong(1);
      if (!rs.wasNull()) {
        read[0]++;
        returned.read(rs);
      }
    };
  }

  /**
   * @throws SQLException when fewer than {@code keys} rows of {@code table} were added or found ({@code read}): one
   *     added by another transaction after the statement began
   */
  static void checkFound(String table, int read, int keys) throws SQLException {
    if (read != keys) {
      throw new SQLException(table + ": " + read + " rows added or found for " + keys
          + " keys; a row added by another transaction meanwhile?");
    }
  }

  /** {@code alias}'s {@code key} columns equal to {@code v}'s, joined by {@code AND}. */
  private static String match(String alias, List<String> key) {
    return key.stream().map(k -> alias + "." + k + " = v." + k).collect(Collectors.joining(" AND "));
  }

  /** Prepares (and caches) a statement on the connection of the work running: {@link #statement}, for code that has no {@code SqlConnections}. */
  @FunctionalInterface
  interface Statements {

    /** A statement for {@code sql}, prepared once per connection and kept by the store: do not close it. */
    PreparedStatement prepare(String sql) throws SQLException;
  }

  /** The most rows one multi-row statement writes ({@link #rows}): its parameters stay far under SQLite's bound (32,766). */
  int MAX_ROWS = 100;

  /** Where {@link #rows} puts the rows of its multi-row statement. */
  String ROWS = "{rows}";

  /** Binds one item's row of a multi-row statement from parameter {@code p} on; returns the next parameter's index. */
  @FunctionalInterface
  interface RowBinder<T> {
    int bind(PreparedStatement st, int p, T item) throws SQLException;
  }

  /** Reads the row a multi-row statement's {@code RETURNING} gives, at the result's current row. */
  @FunctionalInterface
  interface Returned {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql} with {@link #ROWS} replaced by one {@code row} per item (comma-separated), one statement per
   * {@link #MAX_ROWS} items in their order, each item bound by {@code bind}; nothing when there are none. The
   * statements are prepared by {@code statements} (and kept by it). When {@code returned} is not null, it reads each
   * row the statements return ({@code RETURNING}; in no promised order), else they run as updates, and when there are
   * two or more whole statements of {@link #MAX_ROWS} items, those run as one JDBC batch of the one statement
   * ({@code addBatch}, {@code executeBatch}), before the rest: PostgreSQL's driver sends a batch's executions without
   * waiting for each answer (one round trip for all, where each statement run alone waits for its own), in the same
   * order and transaction. The items of one
   * call must not make one statement update one row twice (PostgreSQL refuses an {@code ON CONFLICT DO UPDATE} that
   * would): callers of such statements give each key once.
   */
  static <T> void rows(Statements statements, String sql, String row, List<T> items, RowBinder<T> bind,
      Returned returned) throws SQLException {
    if (!sql.contains(ROWS)) {
      throw new IllegalArgumentException("no " + ROWS + " in: " + sql);
    }
    int whole = items.size() / MAX_ROWS;
    int rest = 0; // the first item not sent in the batch
    if (returned == null && whole > 1) { // the whole chunks: one statement's batch, sent together (see the Javadoc)
      PreparedStatement st = statements.prepare(sql.replace(ROWS, valueRows(MAX_ROWS, row)));
      try {
        for (int from = 0; from < whole * MAX_ROWS; from += MAX_ROWS) {
          int p = 1;
          for (T item : items.subList(from, from + MAX_ROWS)) {
            p = bind.bind(st, p, item);
          }
          st.addBatch();
        }
        st.executeBatch();
      } finally {
        st.clearBatch(); // a kept statement: nothing of a failed batch left for its next use
      }
      rest = whole * MAX_ROWS;
    }
    for (int from = rest; from < items.size(); from += MAX_ROWS) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + MAX_ROWS));
      PreparedStatement st = statements.prepare(sql.replace(ROWS, valueRows(chunk.size(), row)));
      int p = 1;
      for (T item : chunk) {
        p = bind.bind(st, p, item);
      }
      if (returned == null) {
        st.executeUpdate();
      } else {
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            returned.read(rs);
          }
        }
      }
    }
  }

  /** As {@link #rows(Statements, String, String, List, RowBinder, Returned)}, for statements that return nothing. */
  static <T> void rows(Statements statements, String sql, String row, List<T> items, RowBinder<T> bind)
      throws SQLException {
    rows(statements, sql, row, items, bind, null);
  }

  /**
   * The rows of a multi-row {@code VALUES} list: {@code row} ("(?, ?)", say) {@code rows} times, comma-separated. One
   * statement for many rows is one round trip to the server, where a statement per row is one each.
   */
  static String valueRows(int rows, String row) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1: " + rows);
    }
    return String.join(", ", java.util.Collections.nCopies(rows, row));
  }

  /** Binds {@code value} to every parameter of {@code st}, whose SQL is {@code sql} (with no {@code ?} in a literal). */
  static void bindEach(PreparedStatement st, String sql, long value) throws SQLException {
    int n = (int) sql.chars().filter(c -> c == '?').count();
    for (int i = 1; i <= n; i++) {
      st.setLong(i, value);
    }
  }
}
