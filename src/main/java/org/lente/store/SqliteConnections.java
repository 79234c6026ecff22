package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL written once for both engines, on the embedded {@link Database} (the one each database holds,
 * {@link Database#sql}): reads on its read-only connections, writes
 * under its lock in {@code BEGIN IMMEDIATE} transactions (one writer at a time, in this process and
 * others).
 */
record SqliteConnections(Database db) implements SqlConnections {

  @Override
  public <T> T reading(String what, Database.Work<T> work) throws IOException {
    return db.read(what, c -> work.run());
  }

  @Override
  public <T> T read(String what, SqlWork<T> work) throws IOException {
    return db.read(what, work);
  }

  @Override
  public <T> T writeDerived(String what, SqlWork<T> work) throws IOException {
    return db.writeDerived(what, work);
  }

  @Override
  public <T> T locked(String what, Database.Work<T> work) throws IOException {
    return db.locked(what, work);
  }

  @Override
  public <T> T writing(String what, Database.Work<T> work) throws IOException {
    return db.locked(what, () -> db.inTransaction("BEGIN IMMEDIATE", work));
  }

  @Override
  public <T> T snapshot(String what, Database.Work<T> work) throws IOException {
    return db.locked(what, () -> db.inTransaction("BEGIN", work));
  }

  @Override
  public PreparedStatement statement(String sql) throws SQLException {
    return db.statement(sql);
  }

  @Override
  public String contains(String column) {
    return "instr(" + column + ", ?) > 0";
  }

  @Override
  public String equalsAnyCase(String column) {
    return column + " = ? COLLATE NOCASE";
  }

  @Override
  public String inIdList(String column) {
    return column + " IN (SELECT value FROM json_each(?))";
  }

  /** {@inheritDoc} A JSON array, "[1, 2, 3]", for {@code json_each}. */
  @Override
  public String idList(List<Long> ids) {
    return ids.toString();
  }

  /**
   * {@inheritDoc} The first column's JSON array read by {@code json_each}, each other column's value at the same
   * position by {@code ->>} (the parameters in a subquery of their own, so that they are numbered in the columns' order).
   */
  @Override
  public String numberRows(String alias, String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("no columns for rows " + alias);
    }
    StringBuilder select = new StringBuilder("(SELECT j.value AS ").append(columns[0]);
    StringBuilder params = new StringBuilder(" FROM (SELECT ? AS c0");
    for (int i = 1; i < columns.length; i++) {
      select.append(", p.c").append(i).append(" ->> j.key AS ").append(columns[i]);
      params.append(", ? AS c").append(i);
    }
    return select.append(params).append(") p, json_each(p.c0) j) AS ").append(alias).toString();
  }

  @Override
  public String joinedIdIn(String column) {
    return "+" + inIdList(column);
  }

  @Override
  public boolean insertsInWith() {
    return false;
  }

  @Override
  public String descNullsLast() {
    return "";
  }

  /**
   * {@inheritDoc} NOTE: always: with statistics SQLite may prefer skipping through the primary key
   * entity by entity, which reads every entity's days.
   */
  @Override
  public String byDayIndex() {
    return " INDEXED BY entity_days_day";
  }

  /** {@inheritDoc} A plain join: SQLite, without statistics, takes an equality on an indexed column to be selective. */
  @Override
  public String entityMentions() {
    return "entities e JOIN mentions m ON m.entity_id = e.id";
  }

  @Override
  public void planForValues(PreparedStatement st) {
    // no generic plan to avoid here: nothing to do
  }
}
