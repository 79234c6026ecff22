package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.SqliteStore;

/** The cluster's PostgreSQL schema, applied to a real PostgreSQL server. */
class PostgresSchemaTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir Path dir;

  /** The embedded schema version a cluster schema version matches: {@code 14.1} is 14 plus cluster-only tables. */
  static String embeddedPart(String clusterVersion) {
    return clusterVersion.replaceFirst("\\..*", "");
  }

  private ClusterFile cluster(String url) {
    return new ClusterFile(dir.resolve("cluster.properties"), url, PostgresServer.USER, null);
  }

  /** The embedded schema's version, as a store made now has it: the version the cluster's must match. */
  static String embeddedVersion(Path dir) throws Exception {
    SqliteStore.open(dir).close();
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
      rs.next();
      return Integer.toString(rs.getInt(1));
    }
  }

  @Test
  void anEmptyDatabaseIsBroughtToTheEmbeddedSchemasVersion() throws Exception {
    PostgresSchema.Result r = PostgresSchema.migrate(cluster(PG.newDatabase()));
    assertNull(r.before());
    assertEquals(embeddedVersion(dir), embeddedPart(r.after()));
    assertTrue(r.applied() > 0, r.toString());
  }

  @Test
  void aSecondMigrationChangesNothing() throws Exception {
    ClusterFile c = cluster(PG.newDatabase());
    String version = PostgresSchema.migrate(c).after();
    PostgresSchema.Result again = PostgresSchema.migrate(c);
    assertEquals(new PostgresSchema.Result(version, version, 0), again);
    assertEquals(embeddedVersion(dir), embeddedPart(version));
  }

  @Test
  void migrationsRunAtOnceApplyEachScriptOnce() throws Exception {
    ClusterFile c = cluster(PG.newDatabase());
    int applied = 0;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<PostgresSchema.Result>> tasks = List.of(() -> PostgresSchema.migrate(c),
          () -> PostgresSchema.migrate(c), () -> PostgresSchema.migrate(c));
      for (Future<PostgresSchema.Result> f : pool.invokeAll(tasks)) {
        applied += f.get().applied();
        assertEquals(embeddedVersion(dir), embeddedPart(f.get().after()));
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection conn = DriverManager.getConnection(c.postgresUrl(), PostgresServer.USER, null);
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + PostgresSchema.HISTORY + " WHERE success")) {
      rs.next();
      assertEquals(applied, rs.getInt(1), "the advisory lock lets one process apply each script, once");
    }
  }

  @Test
  void theSchemaHasTheEmbeddedSchemasTablesAndColumns() throws Exception {
    String url = PG.newDatabase();
    PostgresSchema.migrate(cluster(url));
    SqliteStore.open(dir).close();
    Map<String, Set<String>> embedded = new TreeMap<>();
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = conn.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
          + "AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = st.executeQuery("PRAGMA table_xinfo(" + t + ")")) {
          while (rs.next()) {
            embedded.computeIfAbsent(t, k -> new TreeSet<>()).add(rs.getString("name"));
          }
        }
      }
    }
    Map<String, Set<String>> cluster = new TreeMap<>();
    try (Connection conn = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
            + "WHERE table_schema = 'public' AND table_name <> '" + PostgresSchema.HISTORY + "'")) {
      while (rs.next()) {
        cluster.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
      }
    }
    assertTrue(cluster.keySet().containsAll(PostgresSchema.CLUSTER_ONLY),
        "the cluster-only tables exist: " + cluster.keySet());
    cluster.keySet().removeAll(PostgresSchema.CLUSTER_ONLY);
    PostgresSchema.CLUSTER_ONLY_COLUMNS.forEach((table, columns) -> {
      assertTrue(cluster.get(table).containsAll(columns), "the cluster-only columns of " + table + " exist");
      cluster.get(table).removeAll(columns);
    });
    assertEquals(embedded, cluster, "every embedded table and view, with the same columns");
  }

  /**
   * PostgreSQL checks none of the references among the knowledge tables that the embedded schema declares (V16_1:
   * the knowledge writer is their one writer and deletes no row referred to; each check was a lookup and a lock in
   * the parent table for every row written, docs/cluster-writer.md, session 30), and keeps those that delete in
   * cascade (a user's tokens and sessions, a polled source's claim and addresses).
   */
  @Test
  void onlyTheReferencesThatDeleteInCascadeAreChecked() throws Exception {
    String url = PG.newDatabase();
    PostgresSchema.migrate(cluster(url));
    EmbeddedReferences declared = EmbeddedReferences.of(dir);
    Set<String> cascading = new TreeSet<>();
    for (EmbeddedReferences.Reference r : declared.all()) {
      if (r.cascade()) {
        cascading.add(r.name());
      }
    }
    assertTrue(declared.all().size() > cascading.size() + 10, "the embedded schema's references: " + declared);
    Set<String> checked = new TreeSet<>();
    Set<String> notCascading = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT k.conrelid::regclass::text || '.' || a.attname, k.confdeltype "
            + "FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
            + "WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace")) {
      while (rs.next()) {
        checked.add(rs.getString(1));
        if (!"c".equals(rs.getString(2))) {
          notCascading.add(rs.getString(1));
        }
      }
    }
    assertEquals(Set.of(), notCascading, "references PostgreSQL checks that do not delete in cascade");
    assertTrue(checked.containsAll(cascading), "the cascading references of the embedded schema: " + checked);
    assertTrue(checked.contains("source_claims.source_id"), "the cluster-only claim of a polled source: " + checked);
  }

  /**
   * The values the knowledge writer writes again and again, large enough to be compressed (an article's analysis, a
   * story's JSON and centroid), are compressed with lz4, not the default pglz (V15_3; docs/cluster-writer.md, session
   * 20). Skipped where the server has no lz4, which the script leaves on pglz.
   */
  @Test
  void theWritersLargeValuesAreCompressedWithLz4() throws Exception {
    String url = PG.newDatabase();
    PostgresSchema.migrate(cluster(url));
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = c.createStatement()) {
      boolean lz4;
      try {
        st.executeUpdate("CREATE TEMP TABLE lz4_probe (v TEXT COMPRESSION lz4)");
        lz4 = true;
      } catch (java.sql.SQLException e) {
        lz4 = false;
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(lz4, "this PostgreSQL has no lz4");
      String json = "{\"timeline\":[" + "{\"published\":\"2024-05-01T10:00:00Z\",\"title\":\"a title\"},".repeat(400)
          + "{}]}";
      st.executeUpdate("INSERT INTO stories (id, title, updated_at, story, centroid) VALUES (1, 't', "
          + "'2024-05-01T10:00:00Z', '" + json + "', '" + json + "')");
      try (ResultSet rs = st.executeQuery("SELECT pg_column_compression(story), pg_column_compression(centroid), "
          + "story = '" + json + "' FROM stories WHERE id = 1")) {
        assertTrue(rs.next());
        assertEquals(List.of("lz4", "lz4", "t"), List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
      try (ResultSet rs = st.executeQuery("SELECT a.attrelid::regclass || '.' || a.attname FROM pg_attribute a "
          + "JOIN pg_class t ON t.oid = a.attrelid WHERE a.attcompression = 'l' "
          + "AND t.relnamespace = 'public'::regnamespace ORDER BY 1")) {
        List<String> columns = new ArrayList<>();
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
        assertEquals(List.of("article_versions.analysis", "articles.analysis", "stories.centroid", "stories.story"),
            columns);
      }
    }
  }

  @Test
  void aDatabaseWithANewerSchemaIsRefused() throws Exception {
    ClusterFile c = cluster(PG.newDatabase());
    String latest = PostgresSchema.migrate(c).after();
    try (Connection conn = DriverManager.getConnection(c.postgresUrl(), PostgresServer.USER, null);
        Statement st = conn.createStatement()) {
      st.executeUpdate("INSERT INTO " + PostgresSchema.HISTORY + " (installed_rank, version, description, type, "
          + "script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
          + "'V99__from_the_future.sql', 0, 'test', 0, true)");
    }
    PostgresSchema.SchemaException e = assertThrows(PostgresSchema.SchemaException.class,
        () -> PostgresSchema.migrate(c));
    assertTrue(e.getMessage().contains("version 99, newer than this Lente knows (" + latest + ")"),
        e.getMessage());
  }

  @Test
  void anUnreachableDatabaseIsAClearError() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    PostgresSchema.SchemaException e = assertThrows(PostgresSchema.SchemaException.class,
        () -> PostgresSchema.migrate(cluster("jdbc:postgresql://127.0.0.1:" + closed + "/lente")));
    assertTrue(e.getMessage().startsWith("jdbc:postgresql://127.0.0.1:" + closed + "/lente: "), e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
  }

  /**
   * What a database's schema is made of, each as PostgreSQL describes it, in order: columns (with type, nullability,
   * default and generation), indexes, constraints, triggers and functions; Flyway's history table left out.
   */
  private static List<String> schema(String url) throws Exception {
    List<String> parts = new ArrayList<>();
    String history = "'" + PostgresSchema.HISTORY + "'";
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        Statement st = c.createStatement()) {
      for (String sql : List.of("SELECT concat_ws(' ', table_name, column_name, data_type, is_nullable, "
              + "column_default, generation_expression) FROM information_schema.columns WHERE table_schema = 'public' "
              + "AND table_name <> " + history,
          "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> " + history,
          "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
              + "WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> " + history,
          "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
          "SELECT a.attrelid::regclass || ' ' || a.attname || ' compression ' || a.attcompression::text "
              + "FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid "
              + "WHERE a.attcompression <> '' AND t.relnamespace = 'public'::regnamespace",
          "SELECT pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace")) {
        try (ResultSet rs = st.executeQuery(sql)) {
          while (rs.next()) {
            parts.add(rs.getString(1));
          }
        }
      }
    }
    java.util.Collections.sort(parts);
    return parts;
  }

  /** The scripts of this Lente, as files named as on the classpath. */
  private static List<Path> scripts() throws Exception {
    Path folder = Path.of(PostgresSchema.class.getResource("/" + PostgresSchema.LOCATION.substring(
        "classpath:".length())).toURI());
    try (var files = java.nio.file.Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
  }

  @Test
  void aDatabaseMigratedBeforeV15IsUpgradedToTheSchemaOfAFreshOne() throws Exception {
    ClusterFile old = cluster(PG.newDatabase());
    org.flywaydb.core.Flyway.configure().configuration(PostgresSchema.flyway(old).getConfiguration()).target("14.5")
        .load().migrate(); // every script there was before V15
    PostgresSchema.Result r = PostgresSchema.migrate(old);
    assertEquals("14.5", r.before());
    String fresh = PG.newDatabase();
    assertEquals(PostgresSchema.migrate(cluster(fresh)).after(), r.after());
    assertEquals(schema(fresh), schema(old.postgresUrl()));
  }

  /**
   * Each cluster-only script (a point version) merged after the scripts numbered above it, as {@code V14_2} was
   * after {@code V14_5}: a database migrated without it is not current, takes it at the next migration, and ends
   * with the schema of a database migrated in number order. A script that a higher-numbered one builds on (its
   * migration fails without it, in that higher script) cannot have been merged after it, and is not tried.
   */
  @Test
  void aClusterOnlyScriptMergedLateIsAppliedAndTheSchemaEndsAsAFreshOne() throws Exception {
    String fresh = PG.newDatabase();
    PostgresSchema.migrate(cluster(fresh));
    List<String> expected = schema(fresh);
    List<Path> scripts = scripts();
    List<Path> late = scripts.stream().filter(f -> f.getFileName().toString().matches("V\\d+_\\d+__.*")).toList();
    assertTrue(late.size() >= 5, "the cluster-only scripts: " + late);
    List<String> builtOn = new ArrayList<>();
    for (Path script : late) {
      Path without = java.nio.file.Files.createTempDirectory(dir, "without");
      for (Path f : scripts) {
        if (!f.equals(script)) {
          java.nio.file.Files.copy(f, without.resolve(f.getFileName()));
        }
      }
      ClusterFile c = cluster(PG.newDatabase());
      try {
        org.flywaydb.core.Flyway.configure().configuration(PostgresSchema.flyway(c).getConfiguration())
            .locations("filesystem:" + without).load().migrate();
      } catch (org.flywaydb.core.api.FlywayException e) {
        String failed = laterScriptIn(e.getMessage(), scripts, script);
        assertTrue(failed != null, "without " + script.getFileName() + " a script numbered below it failed: "
            + e.getMessage());
        builtOn.add(script.getFileName() + " (by " + failed + ")");
        continue;
      }
      assertThrows(PostgresSchema.SchemaException.class, () -> PostgresSchema.requireCurrent(c),
          "a database without " + script.getFileName() + " is current");
      assertEquals(1, PostgresSchema.migrate(c).applied(), script.getFileName().toString());
      assertEquals(expected, schema(c.postgresUrl()), "with " + script.getFileName() + " applied last");
      PostgresSchema.requireCurrent(c);
    }
    assertTrue(late.size() - builtOn.size() >= 5, "scripts tried late: " + (late.size() - builtOn.size())
        + "; built on by higher ones: " + builtOn);
  }

  /**
   * The name of the script in {@code scripts} numbered above {@code left} that Flyway's {@code message} says failed,
   * or null when the failing script is not such a one.
   */
  private static String laterScriptIn(String message, List<Path> scripts, Path left) {
    for (Path f : scripts) {
      if (message != null && message.contains(f.getFileName().toString()) && version(f).compareTo(version(left)) > 0) {
        return f.getFileName().toString();
      }
    }
    return null;
  }

  /** A script's version as Flyway orders it: "V14_3__serve.sql" → 14.3 (before 14.10), "V15__x.sql" → 15. */
  private static org.flywaydb.core.api.MigrationVersion version(Path script) {
    return org.flywaydb.core.api.MigrationVersion.fromVersion(
        script.getFileName().toString().replaceFirst("^V([0-9_]+?)__.*$", "$1"));
  }
}
