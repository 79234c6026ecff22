package org.lente.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lente.nlp.ner.Entity;

/**
 * The entity resolver's state in the store's tables ({@code V10__resolver_names.sql}): names, their
 * sightings and the entity each belongs to, and the moves of names between entities, with the
 * mentions and aggregates that follow them. Every method runs inside the caller's transaction, under
 * the store's lock. The SQL is the same on SQLite and PostgreSQL ({@link SqlConnections}).
 */
final class ResolverTables {

  /** How many redirects are followed at most from a merged entity (a merge of a merge ...). */
  static final int MAX_REDIRECTS = 16;

  private final SqlConnections sql;
  private final SqlConnections.Statements statements;
  private final List<String> rebuildSql;

  ResolverTables(SqlConnections sql) {
    this.sql = sql;
    this.statements = sql::statement;
    this.rebuildSql = rebuildStatements(sql);
  }

  /**
   * Records {@code sightings} (one per entity of {@code analysis}, null for an entity without a
   * name), each name now belonging to the entity its analysis entity was resolved to; returns the
   * names' ids in the same order (null where the sighting is null). The names are written at once (their ids are
   * needed); what the sightings add to {@code resolver_sightings} goes to {@code rows}, written with them
   * ({@link #addSightings}): nothing the put or lineage decides reads it back.
   *
   * @throws IllegalArgumentException when the two lists differ in length
   */
  List<Long> record(List<NameSighting> sightings, List<Entity> entities, FoundRows rows) throws SQLException {
    if (sightings.isEmpty()) {
      return java.util.Collections.nCopies(entities.size(), null);
    }
    if (sightings.size() != entities.size()) {
      throw new IllegalArgumentException(
          "sightings for " + sightings.size() + " entities, but the analysis has " + entities.size());
    }
    Map<String, String> entityOf = new LinkedHashMap<>(); // each name once, with the entity its first sighting gives
    for (int i = 0; i < sightings.size(); i++) {
      if (sightings.get(i) != null) {
        entityOf.putIfAbsent(sightings.get(i).name(), entities.get(i).canonical());
      }
    }
    Map<String, Long> ids = upsertNames(entityOf);
    List<Long> out = new ArrayList<>(sightings.size());
    for (NameSighting s : sightings) {
      if (s == null) {
        out.add(null);
        continue;
      }
      long id = ids.get(s.name());
      out.add(id);
      rows.sighting(id, s.written(), s.type().name(), s.language(), s.seen());
    }
    return out;
  }

  /**
   * Sets each name of {@code entityOf} (name → entity, the names distinct) to belong to its entity, adding the names
   * that are new, in their order; returns name → id. One statement per {@link SqlConnections#MAX_ROWS} names
   * ({@link SqlConnections#upsertChanged}: a name whose entity is unchanged is not written).
   */
  private Map<String, Long> upsertNames(Map<String, String> entityOf) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    sql.upsertChanged("resolver_names", "name, entity", 1, "entity", "name", "(?, ?)",
        List.copyOf(entityOf.entrySet()), (st, p, e) -> {
          st.setString(p, e.getKey());
          st.setString(p + 1, e.getValue());
          return p + 2;
        }, rs -> ids.put(rs.getString(2), rs.getLong(1)));
    return ids;
  }

  /**
   * Adds to the counts of sightings, each key once: one statement per {@link SqlConnections#MAX_ROWS} keys.
   */
  void addSightings(Map<FoundRows.Sighting, Integer> seen) throws SQLException {
    SqlConnections.rows(statements, "INSERT INTO resolver_sightings (name_id, written, type, language, seen) VALUES "
        + SqlConnections.ROWS + " ON CONFLICT (name_id, written, type, language) "
        + "DO UPDATE SET seen = resolver_sightings.seen + excluded.seen", "(?, ?, ?, ?, ?)",
        List.copyOf(seen.entrySet()), (st, p, e) -> {
          st.setLong(p, e.getKey().nameId());
          st.setString(p + 1, e.getKey().written());
          st.setString(p + 2, e.getKey().type());
          st.setString(p + 3, e.getKey().language());
          st.setInt(p + 4, e.getValue());
          return p + 5;
        });
  }

  /**
   * Adds names with their sightings, each belonging to the entity {@code entities} gives it (names
   * it lacks belong to an entity of their own written form): an import of an older state.
   */
  void importNames(List<NameSighting> sightings, Map<String, String> entities) throws SQLException {
    PreparedStatement name = statements.prepare("INSERT INTO resolver_names (name, entity) VALUES (?, ?) "
        + "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id");
    FoundRows seen = new FoundRows();
    for (NameSighting s : sightings) {
      name.setString(1, s.name());
      name.setString(2, entities.getOrDefault(s.name(), s.written()));
      long id;
      try (ResultSet rs = name.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      seen.sighting(id, s.written(), s.type().name(), s.language(), s.seen());
    }
    addSightings(seen.sightings);
  }

  /** Every sighting recorded. */
  List<NameSighting> sightings() throws SQLException {
    PreparedStatement st = statements.prepare("SELECT n.name, s.written, s.type, s.language, s.seen "
        + "FROM resolver_sightings s JOIN resolver_names n ON n.id = s.name_id ORDER BY n.name, s.written, s.type, s.language");
    List<NameSighting> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(new NameSighting(rs.getString(1), rs.getString(2), Entity.Type.valueOf(rs.getString(3)),
            rs.getString(4), rs.getInt(5)));
      }
    }
    return out;
  }

  /**
   * The name each of these entities goes by in articles of {@code language}, where that is not the
   * entity's own name: the way those articles wrote it most often (on a tie, the first in string
   * order), among ways of four letters or more not written in capitals ("Stati Uniti" for "United
   * States", not "USA" nor "Usa"). Entities that articles of the language also write by their own
   * name, or never wrote, are left out.
   */
  Map<String, String> localNames(java.util.Collection<String> entities, String language) throws SQLException {
    Map<String, String> out = new HashMap<>();
    if (language == null || language.isEmpty()) {
      return out;
    }
    PreparedStatement st = statements.prepare("SELECT s.written, sum(s.seen) AS n FROM resolver_names r "
        + "JOIN resolver_sightings s ON s.name_id = r.id WHERE r.entity = ? AND s.language = ? "
        + "GROUP BY s.written ORDER BY n DESC, s.written");
    for (String entity : new LinkedHashSet<>(entities)) {
      st.setString(1, entity);
      st.setString(2, language);
      String best = null;
      boolean own = false;
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String written = rs.getString(1);
          own |= written.equals(entity);
          if (best == null && written.codePoints().filter(Character::isLetter).count() >= 4
              && !written.equals(written.toUpperCase(java.util.Locale.ROOT))) {
            best = written;
          }
        }
      }
      if (best != null && !own) {
        out.put(entity, best);
      }
    }
    return out;
  }

  /** Every name with the name of its entity. */
  Map<String, String> entities() throws SQLException {
    PreparedStatement st = statements.prepare("SELECT name, entity FROM resolver_names");
    Map<String, String> out = new TreeMap<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /**
   * Moves names to other entities ({@code moved}: name → the new entity's name), and their mentions
   * with them. When all the names of an entity move to one other, the whole entity follows, its
   * mentions of before version 10 too: renamed when no entity has the new name yet (its id stays),
   * else merged into that one. Otherwise each moved name's mentions move. An entity left without
   * articles redirects to the one its names went to. Quotes' speakers follow. The names are taken in
   * key order whatever the map's own order, so that when two entities go to one new name, which is
   * renamed and which redirects depends on the names alone (not on a map's order, which changes from
   * JVM to JVM for {@code Map.copyOf}).
   */
  void move(Map<String, String> moved) throws SQLException {
    PreparedStatement find = statements.prepare("SELECT id, entity FROM resolver_names WHERE name = ?");
    PreparedStatement set = statements.prepare("UPDATE resolver_names SET entity = ? WHERE id = ?");
    Map<String, Map<String, List<Long>>> byOld = new LinkedHashMap<>();
    for (Map.Entry<String, String> m : new TreeMap<>(moved).entrySet()) {
      find.setString(1, m.getKey());
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next() || rs.getString(2).equals(m.getValue())) {
          continue;
        }
        byOld.computeIfAbsent(rs.getString(2), x -> new LinkedHashMap<>())
            .computeIfAbsent(m.getValue(), x -> new ArrayList<>()).add(rs.getLong(1));
      }
    }
    PreparedStatement count = statements.prepare("SELECT count(*) FROM resolver_names WHERE entity = ?");
    for (Map.Entry<String, Map<String, List<Long>>> e : byOld.entrySet()) {
      String old = e.getKey();
      Map<String, List<Long>> targets = e.getValue();
      count.setString(1, old);
      int names;
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        names = rs.getInt(1);
      }
      for (Map.Entry<String, List<Long>> t : targets.entrySet()) {
        for (long id : t.getValue()) {
          set.setString(1, t.getKey());
          set.setLong(2, id);
          set.executeUpdate();
        }
      }
      Long oldKb = kbId(old);
      if (targets.size() == 1 && targets.values().iterator().next().size() == names) {
        String target = targets.keySet().iterator().next();
        if (oldKb != null) {
          moveEntity(oldKb, old, target);
        }
        continue;
      }
      Set<Long> touched = new LinkedHashSet<>();
      for (Map.Entry<String, List<Long>> t : targets.entrySet()) {
        for (long id : t.getValue()) {
          touched.addAll(moveMentions(id, t.getKey(), old));
        }
      }
      for (long kb : touched) {
        rebuild(kb);
      }
      if (oldKb != null && targets.size() == 1 && articles(oldKb) == 0) {
        Long newKb = kbId(targets.keySet().iterator().next());
        if (newKb != null) {
          redirect(oldKb, newKb);
        }
      }
    }
  }

  /** Entity {@code oldKb}, named {@code old}, becomes {@code target}: renamed, or merged into the entity of that name. */
  private void moveEntity(long oldKb, String old, String target) throws SQLException {
    Long newKb = kbId(target);
    if (newKb == null) {
      PreparedStatement rename = statements.prepare("UPDATE kb_entities SET name = ? WHERE id = ?");
      rename.setString(1, target);
      rename.setLong(2, oldKb);
      rename.executeUpdate();
    } else if (newKb != oldKb) {
      PreparedStatement relink = statements.prepare("UPDATE entities SET kb_id = ? WHERE kb_id = ?");
      relink.setLong(1, newKb);
      relink.setLong(2, oldKb);
      relink.executeUpdate();
      rebuild(newKb);
      rebuild(oldKb);
      redirect(oldKb, newKb);
    }
    PreparedStatement speakers = statements.prepare("UPDATE quotes SET speaker_canonical = ? WHERE speaker_canonical = ?");
    speakers.setString(1, target);
    speakers.setString(2, old);
    speakers.executeUpdate();
  }

  /**
   * The entity rows (id, type, language, knowledge-base id) that the mentions of one name (the {@code ?}) belong to, by
   * id: the mentions read by {@code mentions_name}, each row by its primary key (a subquery per column, which neither
   * engine turns into a join: PostgreSQL planned the join, on tables never analysed, as a read of all the entities).
   */
  static final String ENTITY_ROWS_OF_NAME = "SELECT d.entity_id, (SELECT e.type FROM entities e WHERE e.id = d.entity_id), "
      + "(SELECT e.language FROM entities e WHERE e.id = d.entity_id), "
      + "(SELECT e.kb_id FROM entities e WHERE e.id = d.entity_id) "
      + "FROM (SELECT DISTINCT m.entity_id FROM mentions m WHERE m.name_id = ?) d ORDER BY d.entity_id";

  /**
   * Moves the mentions of name {@code nameId} to entity rows named {@code target} (of their type and
   * language); returns the knowledge-base entities whose mentions changed.
   */
  private Set<Long> moveMentions(long nameId, String target, String old) throws SQLException {
    PreparedStatement rows = statements.prepare(ENTITY_ROWS_OF_NAME);
    rows.setLong(1, nameId);
    List<Object[]> found = new ArrayList<>();
    try (ResultSet rs = rows.executeQuery()) {
      while (rs.next()) {
        found.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4)});
      }
    }
    Set<Long> touched = new LinkedHashSet<>();
    PreparedStatement repoint = statements.prepare("UPDATE mentions SET entity_id = ? WHERE name_id = ? AND entity_id = ?");
    for (Object[] f : found) {
      EntityRow row = entityRow((String) f[1], target, (String) f[2]);
      repoint.setLong(1, row.id());
      repoint.setLong(2, nameId);
      repoint.setLong(3, (Long) f[0]);
      repoint.executeUpdate();
      if (f[3] != null) {
        touched.add(((Number) f[3]).longValue());
      }
      touched.add(row.kb());
    }
    PreparedStatement speakers = statements.prepare("UPDATE quotes SET speaker_canonical = ? WHERE speaker_canonical = ? "
        + "AND article_id IN (SELECT article_id FROM mentions WHERE name_id = ?)");
    speakers.setString(1, target);
    speakers.setString(2, old);
    speakers.setLong(3, nameId);
    speakers.executeUpdate();
    return touched;
  }

  /** An entity row's type and canonical name (its language is the article's). */
  record EntityKey(String type, String canonical) {
    EntityKey {
      java.util.Objects.requireNonNull(type, "type");
      java.util.Objects.requireNonNull(canonical, "canonical");
    }
  }

  /** An entity row's id and the id of the knowledge-base entity it is linked to ({@code entities.kb_id}). */
  record EntityRow(long id, long kb) { }

  /** The entity row (type, canonical name, language), added when missing, linked to the knowledge-base entity of that name. */
  EntityRow entityRow(String type, String canonical, String language) throws SQLException {
    EntityKey key = new EntityKey(type, canonical);
    return entityRows(List.of(key), language).get(key);
  }

  /**
   * The entity rows of {@code keys} in {@code language}, added when missing (in the order of the keys), each linked to
   * the knowledge-base entity of its canonical name (added when missing with the type of the first key that names it):
   * its id and that entity's, as stored once the statements ran. Neither table gets a new version of a row left as it
   * was: an entity already there is not written, nor a row whose knowledge-base entity is unchanged. On PostgreSQL
   * one statement per {@link SqlConnections#MAX_ROWS} distinct keys ({@link #ENTITY_ROWS}: one answered round trip);
   * on SQLite, in process, the knowledge-base entities' ({@link SqlConnections#addMissing}), then the entity rows'
   * ({@link SqlConnections#upsertChanged}).
   *
   * @throws SQLException when some key's row is neither added nor found: added by another transaction after the
   *     statement began (the cluster has one writer, fenced, so this is not expected)
   */
  Map<EntityKey, EntityRow> entityRows(java.util.Collection<EntityKey> keys, String language) throws SQLException {
    List<EntityKey> all = List.copyOf(new LinkedHashSet<>(keys));
    Map<EntityKey, EntityRow> ids = new HashMap<>();
    SqlConnections.Returned read = rs -> ids.put(new EntityKey(rs.getString(2), rs.getString(3)),
        new EntityRow(rs.getLong(1), rs.getLong(4)));
    if (sql.insertsInWith()) {
      List<Map.Entry<Integer, EntityKey>> numbered = new ArrayList<>(all.size());
      Set<String> names = new java.util.HashSet<>();
      for (EntityKey k : all) {
        numbered.add(Map.entry(numbered.size(), k));
        names.add(k.canonical());
      }
      Set<String> namesFound = new java.util.HashSet<>();
      SqlConnections.rows(statements, ENTITY_ROWS, "(?, ?, ?, ?, ?)", numbered, (st, p, e) -> {
        st.setInt(p, e.getKey());
        st.setString(p + 1, e.getValue().type());
        st.setString(p + 2, e.getValue().canonical());
        st.setString(p + 3, language);
        st.setString(p + 4, Words.of(e.getValue().canonical()));
        return p + 5;
      }, rs -> {
        rs.getLong(4);
        if (!rs.wasNull()) {
          namesFound.add(rs.getString(3));
          rs.getLong(1);
          if (!rs.wasNull()) {
            read.read(rs);
          }
        }
      });
      SqlConnections.checkFound("kb_entities", namesFound.size(), names.size());
      SqlConnections.checkFound("entities", ids.size(), all.size());
      return ids;
    }
    Map<String, String> typeOf = new LinkedHashMap<>(); // each name once: one row may not be upserted twice
    for (EntityKey k : all) {
      typeOf.putIfAbsent(k.canonical(), k.type());
    }
    Map<String, Long> kbIds = new HashMap<>();
    sql.addMissing("kb_entities", "name, type, articles, mentions", "(?, ?, 0, 0)", List.copyOf(typeOf.entrySet()),
        (st, p, e) -> {
          st.setString(p, e.getKey());
          st.setString(p + 1, e.getValue());
          return p + 2;
        }, rs -> kbIds.put(rs.getString(2), rs.getLong(1)));
    sql.upsertChanged("entities", "type, canonical, language, canonical_words, kb_id", 3, "kb_id",
        "type, canonical, kb_id", "(?, ?, ?, ?, ?)", all, (st, p, k) -> {
          st.setString(p, k.type());
          st.setString(p + 1, k.canonical());
          st.setString(p + 2, language);
          st.setString(p + 3, Words.of(k.canonical()));
          st.setLong(p + 4, kbIds.get(k.canonical()));
          return p + 5;
        }, read);
    return ids;
  }

  /**
   * {@link #entityRows} on PostgreSQL as one statement for up to {@link SqlConnections#MAX_ROWS} keys, rows
   * {@code (n, type, canonical, language, canonical_words)} numbered in the keys' order: what
   * {@link SqlConnections#addMissing} does for {@code kb_entities} (each canonical name once, with the type of its
   * first key, added in the names' order, {@code ON CONFLICT DO NOTHING}) and {@link SqlConnections#upsertChanged}
   * for {@code entities} (added in the keys' order, {@code kb_id} set only where it differs), the second reading the
   * first's ids from its {@code RETURNING} or, for an entity there before, by the names' index. Every part sees the
   * tables as they were when the statement began, so a row is looked up there, else in what its insert returned. It
   * returns (id, type, canonical, kb_id) of every key; both ids null for a key whose knowledge-base entity was neither
   * added nor found (not expected: one writer).
   */
  private static final String ENTITY_ROWS = "WITH v (n, type, canonical, language, canonical_words) AS (VALUES "
      + SqlConnections.ROWS + "), "
      + "k AS (SELECT DISTINCT ON (canonical) n, canonical, type FROM v ORDER BY canonical, n), "
      + "ki AS (INSERT INTO kb_entities (name, type, articles, mentions) SELECT canonical, type, 0, 0 FROM k ORDER BY n "
      + "ON CONFLICT (name) DO NOTHING RETURNING id, name), "
      + "r AS (SELECT v.*, COALESCE((SELECT t.id FROM kb_entities t WHERE t.name = v.canonical), "
      + "(SELECT ki.id FROM ki WHERE ki.name = v.canonical)) AS kb_id FROM v), "
      + "w AS (INSERT INTO entities (type, canonical, language, canonical_words, kb_id) "
      + "SELECT type, canonical, language, canonical_words, kb_id FROM r WHERE kb_id IS NOT NULL ORDER BY n "
      + "ON CONFLICT (type, canonical, language) DO UPDATE SET kb_id = excluded.kb_id "
      + "WHERE entities.kb_id IS DISTINCT FROM excluded.kb_id RETURNING id, type, canonical, language) "
      + "SELECT COALESCE((SELECT t.id FROM entities t WHERE t.type = r.type AND t.canonical = r.canonical "
      + "AND t.language = r.language), (SELECT w.id FROM w WHERE w.type = r.type AND w.canonical = r.canonical "
      + "AND w.language = r.language)), r.type, r.canonical, r.kb_id FROM r";

  private Long kbId(String name) throws SQLException {
    PreparedStatement st = statements.prepare("SELECT id FROM kb_entities WHERE name = ?");
    st.setString(1, name);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private long articles(long kb) throws SQLException {
    PreparedStatement st = statements.prepare("SELECT articles FROM kb_entities WHERE id = ?");
    st.setLong(1, kb);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private void redirect(long oldKb, long newKb) throws SQLException {
    PreparedStatement st = statements.prepare("INSERT INTO kb_redirects (old_id, new_id) VALUES (?, ?) "
        + "ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id");
    st.setLong(1, oldKb);
    st.setLong(2, newKb);
    st.executeUpdate();
  }

  /** The entity that entity {@code id} (without articles) was merged into, if any. */
  Long redirected(long id) throws SQLException {
    PreparedStatement st = statements.prepare("SELECT new_id FROM kb_redirects WHERE old_id = ?");
    st.setLong(1, id);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  /**
   * The statements that recompute the aggregate tables of schema version 2 for one knowledge-base entity from its
   * mentions (each {@code ?} is its id), on {@code sql}'s engine: the mentions read by the entity rows' index, then
   * by their entity row's ({@link SqlConnections#entityMentions}), the day of a mention's article by its primary key.
   */
  static List<String> rebuildStatements(SqlConnections sql) {
    String mentions = sql.entityMentions();
    // a subquery, not a join: PostgreSQL joined the articles, on tables never analysed, by reading them all
    String day = "(SELECT a.day FROM articles a WHERE a.id = m.article_id)";
    return List.of(
        "DELETE FROM article_entities WHERE entity_id = ?",
        "DELETE FROM entity_days WHERE entity_id = ?",
        "DELETE FROM kb_entity_types WHERE entity_id = ?",
        "DELETE FROM entity_aliases WHERE entity_id = ?",
        "DELETE FROM entity_roles WHERE entity_id = ?",
        "INSERT INTO article_entities (entity_id, day, article_id, mentions) SELECT ?, " + day + ", m.article_id, "
            + "count(*) FROM " + mentions + " WHERE e.kb_id = ? GROUP BY m.article_id",
        "INSERT INTO entity_days (entity_id, day, articles, mentions) SELECT ?, day, count(*), sum(mentions) "
            + "FROM article_entities WHERE entity_id = ? GROUP BY day",
        "INSERT INTO kb_entity_types (entity_id, type, mentions) SELECT ?, e.type, count(*) FROM " + mentions
            + " WHERE e.kb_id = ? GROUP BY e.type",
        "INSERT INTO entity_aliases (entity_id, alias, mentions) SELECT ?, m.text, count(*) FROM " + mentions
            + " WHERE e.kb_id = ? GROUP BY m.text",
        "INSERT INTO entity_roles (entity_id, role, mentions, first_day, last_day) SELECT ?, m.role, count(*), "
            + "min(nullif(" + day + ", '')), max(nullif(" + day + ", '')) FROM " + mentions + " "
            + "WHERE e.kb_id = ? AND m.role IS NOT NULL GROUP BY m.role",
        "UPDATE kb_entities SET articles = (SELECT coalesce(sum(articles), 0) FROM entity_days WHERE entity_id = ?), "
            + "mentions = (SELECT coalesce(sum(mentions), 0) FROM entity_days WHERE entity_id = ?), "
            + "type = coalesce((SELECT type FROM kb_entity_types WHERE entity_id = ? ORDER BY mentions DESC, type "
            + "LIMIT 1), type) WHERE id = ?");
  }

  private void rebuild(long kb) throws SQLException {
    for (String sql : rebuildSql) {
      PreparedStatement st = statements.prepare(sql);
      SqlConnections.bindEach(st, sql, kb);
      st.executeUpdate();
    }
  }

  /** How the articles' mentions and the resolver's names agree. */
  ResolverCheck check() throws SQLException {
    return new ResolverCheck(
        count("SELECT count(*) FROM mentions WHERE name_id IS NULL"),
        count("SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
            + "JOIN resolver_names n ON n.id = m.name_id LEFT JOIN kb_entities k ON k.id = e.kb_id "
            + "WHERE k.name IS DISTINCT FROM n.entity"),
        count("SELECT count(*) FROM resolver_names n WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.name_id = n.id)"),
        count("SELECT coalesce(sum(seen), 0) FROM resolver_sightings"),
        count("SELECT count(*) FROM mentions WHERE name_id IS NOT NULL"));
  }

  private long count(String sql) throws SQLException {
    try (ResultSet rs = statements.prepare(sql).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
