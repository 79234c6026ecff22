package org.lente.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content of a Lente PostgreSQL database as text, table by table, such that two databases holding the same
 * facts dump alike whatever ids their sequences handed out: PostgreSQL does not give back the ids a rolled-back
 * transaction took, so after a writer's kill the same rows carry other ids than a single process gives them.
 *
 * <p>One mechanism for every table: a table that other rows point at has a <em>natural key</em>, an SQL expression
 * over its row ({@link #NATURAL_KEYS}: an article by its key, an entity by its type, canonical name and language, a
 * story by its articles' keys, ...); a column holding such a table's id ({@link #REFERENCES}, and ids inside JSON,
 * {@link #JSON_REFERENCES}) is dumped as the referenced row's natural key; a table's own surrogate {@code id} is
 * left out. A table with nothing but its id ({@code story_ids}) is so compared by its row count. A {@code bigint}
 * column named {@code id} or {@code *_id} that this class does not describe fails the dump, so that a new table
 * cannot slip into the comparison with raw ids.
 */
final class ContentDump {

  private ContentDump() {
  }

  /**
   * The natural key of each table that other rows point at, as an SQL expression over the table's row (unique per
   * row: checked).
   */
  static final Map<String, String> NATURAL_KEYS = Map.of(
      "articles", "key",
      "sources", "host",
      "authors", "name",
      "kb_entities", "name",
      "entities", "type || '|' || canonical || '|' || language",
      "resolver_names", "name",
      "stories", "(SELECT string_agg(a.key, ' ' ORDER BY a.key) FROM jsonb_array_elements_text(story::jsonb -> "
          + "'articles') AS x(id) JOIN articles a ON a.id = x.id::bigint)",
      "polled_sources", "address",
      "users", "name");

  /** The columns holding another table's id ({@code table.column} → the table whose id it is). */
  static final Map<String, String> REFERENCES = Map.ofEntries(
      Map.entry("articles.source_id", "sources"),
      Map.entry("article_versions.article_id", "articles"),
      Map.entry("article_authors.article_id", "articles"),
      Map.entry("article_authors.author_id", "authors"),
      Map.entry("author_articles.article_id", "articles"),
      Map.entry("author_articles.author_id", "authors"),
      Map.entry("author_sources.author_id", "authors"),
      Map.entry("author_sources.source_id", "sources"),
      Map.entry("entities.kb_id", "kb_entities"),
      Map.entry("resolver_sightings.name_id", "resolver_names"),
      Map.entry("kb_redirects.old_id", "kb_entities"),
      Map.entry("kb_redirects.new_id", "kb_entities"),
      Map.entry("mentions.article_id", "articles"),
      Map.entry("mentions.entity_id", "entities"),
      Map.entry("mentions.name_id", "resolver_names"),
      Map.entry("kb_entity_types.entity_id", "kb_entities"),
      Map.entry("article_entities.entity_id", "kb_entities"),
      Map.entry("article_entities.article_id", "articles"),
      Map.entry("entity_days.entity_id", "kb_entities"),
      Map.entry("entity_aliases.entity_id", "kb_entities"),
      Map.entry("entity_roles.entity_id", "kb_entities"),
      Map.entry("quotes.article_id", "articles"),
      Map.entry("times.article_id", "articles"),
      Map.entry("story_articles.article_id", "articles"),
      Map.entry("story_articles.story_id", "stories"),
      Map.entry("links.article_id", "articles"),
      Map.entry("links.related_id", "articles"),
      Map.entry("lsh_bands.article_id", "articles"),
      Map.entry("anchor_postings.article_id", "articles"),
      Map.entry("article_failures.article_id", "articles"),
      Map.entry("submissions.article_id", "articles"),
      Map.entry("api_tokens.user_id", "users"),
      Map.entry("sessions.user_id", "users"),
      Map.entry("source_claims.source_id", "polled_sources"),
      Map.entry("source_urls.source_id", "polled_sources"));

  /**
   * The ids inside JSON columns ({@code table.column} → JSON path → the table whose id it is; {@code *} stands for
   * every element of an array).
   */
  static final Map<String, Map<String, String>> JSON_REFERENCES = Map.of(
      "stories.story", Map.of("id", "stories", "articles/*", "articles", "timeline/*/article", "articles"));

  /**
   * The ids written into text inside JSON columns ({@code table.column} → JSON path of the text → where the id is in
   * it and whose id it is): lineage's evidence names the version a copy derives from by its address, and by its id
   * ("derives from article 176") only when that article is gone from the store, and a cluster whose writer was
   * killed mid-transaction numbers that article otherwise.
   */
  static final Map<String, Map<String, TextReference>> TEXT_REFERENCES = Map.of(
      "links.evidence", Map.of("*/note", new TextReference(Pattern.compile("\\barticle (\\d+)\\b"), "articles")));

  /** An id inside text: group 1 of {@code pattern} is an id of {@code table}. */
  record TextReference(Pattern pattern, String table) {
    TextReference {
      if (pattern.matcher("").groupCount() < 1) {
        throw new IllegalArgumentException("pattern " + pattern + " has no group for the id");
      }
    }
  }

  /**
   * The columns left out: wall-clock times written when a row is (the only values a second run in the same order
   * cannot repeat).
   */
  static final Map<String, Set<String>> WALL_CLOCK = Map.of(
      "articles", Set.of("stored_at"),
      "article_versions", Set.of("stored_at"),
      "stories", Set.of("updated_at"),
      "article_failures", Set.of("failed_at"),
      "users", Set.of("created_at"),
      "api_tokens", Set.of("created_at", "last_used_at"),
      "sessions", Set.of("created_at", "expires_at"),
      "polled_sources", Set.of("added_at"),
      "source_urls", Set.of("handled_at"));

  /** Tables not dumped: Flyway's history (install times), and the writer's lease and offsets (checked apart). */
  static final Set<String> NOT_COMPARED = Set.of("lente_schema_history", "writer_lease", "applied_offsets");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Every table of the database at {@code url} but {@link #NOT_COMPARED}, as its rows in a canonical order: each row
   * its columns' text joined by tabs ({@link #WALL_CLOCK} columns and its own surrogate {@code id} left out, ids of
   * other rows as those rows' natural keys), the rows sorted.
   *
   * @throws IllegalStateException when an id column is not described here, or a natural key is not unique
   */
  static Map<String, List<String>> dump(String url, String user) throws SQLException {
    return dump(url, user, true);
  }

  /**
   * As {@link #dump}, but with the ids as stored (for showing what the natural keys take away; two databases that
   * rolled back different transactions differ in it).
   */
  static Map<String, List<String>> dumpWithIds(String url, String user) throws SQLException {
    return dump(url, user, false);
  }

  private static Map<String, List<String>> dump(String url, String user, boolean natural) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, null)) {
      Map<String, List<String>> columns = columns(c, natural);
      Map<String, Map<Long, String>> keys = new HashMap<>();
      for (Map.Entry<String, String> k : NATURAL_KEYS.entrySet()) {
        if (natural && columns.containsKey(k.getKey())) {
          keys.put(k.getKey(), naturalKeys(c, k.getKey(), k.getValue()));
        }
      }
      Map<String, List<String>> dump = new TreeMap<>();
      for (Map.Entry<String, List<String>> t : columns.entrySet()) {
        dump.put(t.getKey(), rows(c, t.getKey(), t.getValue(), natural, keys));
      }
      return dump;
    }
  }

  /**
   * The compared columns of each compared table, in their order, the surrogate {@code id} left out; checks that
   * every other id column is described.
   */
  private static Map<String, List<String>> columns(Connection c, boolean natural) throws SQLException {
    Map<String, List<String>> columns = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
            + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            + "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, "
            + "c.ordinal_position")) {
      while (rs.next()) {
        String table = rs.getString(1);
        String column = rs.getString(2);
        List<String> compared = columns.computeIfAbsent(table, k -> new ArrayList<>());
        boolean id = natural && rs.getString(3).equals("bigint") && (column.equals("id") || column.endsWith("_id"));
        if (NOT_COMPARED.contains(table) || WALL_CLOCK.getOrDefault(table, Set.of()).contains(column)
            || id && column.equals("id")) {
          continue;
        }
        if (id && !REFERENCES.containsKey(table + "." + column)) {
          throw new IllegalStateException("column " + table + "." + column + " holds ids that ContentDump does not "
              + "describe: add it to REFERENCES");
        }
        compared.add(column);
      }
    }
    NOT_COMPARED.forEach(columns::remove);
    return columns;
  }

  /** Each row's natural key by its id. */
  private static Map<Long, String> naturalKeys(Connection c, String table, String key) throws SQLException {
    Map<Long, String> keys = new HashMap<>();
    Map<String, Long> seen = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, " + key + " FROM " + table)) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String k = rs.getString(2);
        Long other = seen.put(k, id);
        if (other != null) {
          throw new IllegalStateException("rows " + other + " and " + id + " of " + table + " share the natural key '"
              + k + "' (" + key + "): describe another in ContentDump.NATURAL_KEYS");
        }
        keys.put(id, k);
      }
    }
    return keys;
  }

  /** The rows of {@code table}, ids mapped through {@code keys} when {@code natural}. */
  private static List<String> rows(Connection c, String table, List<String> columns, boolean natural,
      Map<String, Map<Long, String>> keys) throws SQLException {
    List<String> rows = new ArrayList<>();
    if (columns.isEmpty()) { // nothing but a surrogate id: the rows count
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        return Collections.nCopies(rs.getInt(1), "");
      }
    }
    List<String> quoted = columns.stream().map(col -> '"' + col + '"').toList();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + String.join(", ", quoted) + " FROM " + table)) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
          String name = table + "." + columns.get(i);
          String value = rs.getString(i + 1);
          boolean mapped = natural && value != null;
          if (mapped && REFERENCES.containsKey(name)) {
            value = keyOf(keys, REFERENCES.get(name), Long.parseLong(value));
          } else if (mapped && (JSON_REFERENCES.containsKey(name) || TEXT_REFERENCES.containsKey(name))) {
            value = naturalJson(value, JSON_REFERENCES.getOrDefault(name, Map.of()),
                TEXT_REFERENCES.getOrDefault(name, Map.of()), keys);
          }
          row.append(i > 0 ? "\t" : "").append(value);
        }
        rows.add(row.toString());
      }
    }
    Collections.sort(rows);
    return rows;
  }

  /** The natural key of row {@code id} of {@code table}, or a mark naming the id when no such row exists. */
  private static String keyOf(Map<String, Map<Long, String>> keys, String table, long id) {
    Map<Long, String> of = keys.get(table);
    if (of == null) {
      throw new IllegalStateException("ids of " + table + " referenced, but it has no natural key in ContentDump");
    }
    String key = of.get(id);
    return key == null ? "<no " + table + " row " + id + ">" : "<" + key + ">";
  }

  /**
   * {@code json} with the ids at {@code paths}, and those inside the texts at {@code texts}, replaced by their rows'
   * natural keys.
   */
  private static String naturalJson(String json, Map<String, String> paths, Map<String, TextReference> texts,
      Map<String, Map<Long, String>> keys) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json; // not JSON: compared as it is
    }
    for (Map.Entry<String, String> p : new TreeMap<>(paths).entrySet()) {
      replace(root, List.of(p.getKey().split("/")),
          leaf -> leaf.isIntegralNumber() ? TextNode.valueOf(keyOf(keys, p.getValue(), leaf.asLong())) : leaf);
    }
    for (Map.Entry<String, TextReference> t : new TreeMap<>(texts).entrySet()) {
      TextReference ref = t.getValue();
      replace(root, List.of(t.getKey().split("/")), leaf -> !leaf.isTextual() ? leaf
          : TextNode.valueOf(ref.pattern().matcher(leaf.asText()).replaceAll(m -> Matcher.quoteReplacement(
              m.group().substring(0, m.start(1) - m.start()) + keyOf(keys, ref.table(), Long.parseLong(m.group(1)))
                  + m.group().substring(m.end(1) - m.start())))));
    }
    return root.toString();
  }

  /** Replaces the values at {@code path} under {@code node} ({@code *}: every element of an array) by {@code leaf}. */
  private static void replace(JsonNode node, List<String> path, UnaryOperator<JsonNode> leaf) {
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.equals("*") && node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (rest.isEmpty()) {
          array.set(i, leaf.apply(array.get(i)));
        } else {
          replace(array.get(i), rest, leaf);
        }
      }
    } else if (node instanceof ObjectNode object && object.has(step)) {
      if (rest.isEmpty()) {
        object.set(step, leaf.apply(object.get(step)));
      } else {
        replace(object.get(step), rest, leaf);
      }
    }
  }
}
