package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;
import org.lente.cluster.StatementCounts;
import org.lente.story.PostgresStoryStore;
import org.lente.story.StoryStore;

/** The article store's contract on a real PostgreSQL server, a new migrated database per test. */
class PostgresArticleStoreTest extends ArticleStoreContract<PostgresArticleStore> {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir
  Path dir;

  private ClusterFile cluster;

  @BeforeEach
  @Override
  void openStore() throws Exception {
    cluster = PG.newMigratedCluster(dir);
    super.openStore();
  }

  @Override
  PostgresArticleStore open() throws IOException {
    return PostgresArticleStore.on(PG.connections(cluster));
  }

  /** The cluster's store closes nothing it was given: calls are refused once the connections' opener closed them. */
  @Test
  @Override
  void aClosedStoreRefusesCalls() throws IOException {
    PostgresConnections pg = PostgresConnections.connect(cluster);
    PostgresArticleStore one = PostgresArticleStore.on(pg);
    PostgresArticleStore other = PostgresArticleStore.on(pg);
    one.close();
    assertEquals(java.util.Optional.empty(), other.get(1), "closing a store closed the connections it shares");
    pg.close();
    assertThrows(IllegalStateException.class, () -> other.get(1));
  }

  @Override
  List<String> rows(String sql) throws Exception {
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      return rows(db, sql);
    }
  }

  @Test
  void anArticlesNamesAndEntitiesTakeOneStatementPerTableWhateverTheirNumber() throws Exception {
    StatementCounts counts = StatementCounts.on(cluster.postgresUrl(), "resolver_names", "entities", "kb_entities");
    org.lente.nlp.Analysis a = Fixtures.realistic(1);
    assertTrue(sightings(a).stream().map(NameSighting::name).distinct().count() > 10, "too few names to tell");
    store.put(URL, a, sightings(a), java.util.Map.of(), null);
    assertEquals(java.util.Map.of("entities", 1, "kb_entities", 1, "resolver_names", 1), counts.read());
  }

  @Test
  void anArticlesFoundRowsAndSightingsTakeOneStatementPerTableWhateverTheirNumber() throws Exception {
    StatementCounts counts = StatementCounts.on(cluster.postgresUrl(), "authors", "article_authors", "mentions",
        "quotes", "times", "resolver_sightings");
    org.lente.nlp.Analysis a = Fixtures.realistic(1); // 2 authors, 88 mentions, 8 quotes, 10 times
    store.put(URL, a, sightings(a), java.util.Map.of(), null);
    assertEquals(java.util.Map.of("authors", 1, "article_authors", 1, "mentions", 1, "quotes", 1, "times", 1,
        "resolver_sightings", 1), counts.read());
  }

  /**
   * A knowledge-base entity already stored is not written again when a later article names it (no new row version,
   * seen by its {@code xmin}): its counts are held ({@link ArticleStore#holdWrites}), written once a batch, and the
   * article only needs its id. (An author's row is written at each put anyway: its count is not held.)
   */
  @Test
  void aKnowledgeBaseEntityAlreadyStoredGetsNoNewRowVersionFromALaterArticle() throws Exception {
    String versions = "SELECT 'kb|' || name || '|' || xmin FROM kb_entities ORDER BY 1";
    store.holdWrites();
    org.lente.nlp.Analysis first = Fixtures.realistic(1);
    store.put(URL, first, sightings(first), java.util.Map.of(), null);
    store.writeHeld();
    List<String> before = rows(versions);
    org.lente.nlp.Analysis later = Fixtures.realistic(2);
    store.put("https://www.example.org/later", later, sightings(later), java.util.Map.of(), null);
    List<String> after = rows(versions);
    long named = later.entities().stream().map(e -> "kb|" + e.canonical() + "|").distinct()
        .filter(name -> before.stream().anyMatch(row -> row.startsWith(name))).count();
    assertTrue(named >= 3, "the later article names " + named + " stored entities: too few to tell");
    assertTrue(before.size() > 10, before.size() + " rows: too few to tell");
    List<String> rewritten = before.stream().filter(row -> !after.contains(row)).toList();
    assertEquals(List.of(), rewritten, "rows written again");
  }

  /**
   * An entity row and a name already stored, with the same knowledge-base entity and the same entity, are not written
   * again when a later article names them (no new row version, seen by its {@code xmin}), though the put still reads
   * their ids from its one statement per table.
   */
  @Test
  void anEntityRowAndANameAlreadyStoredAsGivenGetNoNewRowVersionFromALaterArticle() throws Exception {
    String versions = "SELECT 'e|' || type || '|' || canonical || '|' || kb_id, xmin::text FROM entities UNION ALL "
        + "SELECT 'n|' || name || '|' || entity, xmin::text FROM resolver_names";
    org.lente.nlp.Analysis first = Fixtures.realistic(1);
    store.put(URL, first, sightings(first), java.util.Map.of(), null);
    java.util.Map<String, String> before = versions(versions);
    org.lente.nlp.Analysis later = Fixtures.realistic(2);
    store.put("https://www.example.org/later", later, sightings(later), java.util.Map.of(), null);
    java.util.Map<String, String> after = versions(versions);
    List<String> kept = before.keySet().stream().filter(after::containsKey).sorted().toList();
    assertTrue(kept.stream().filter(k -> k.startsWith("e|")).count() >= 3
        && kept.stream().filter(k -> k.startsWith("n|")).count() >= 3, "rows named again as they were: " + kept
        + ": too few to tell");
    List<String> rewritten = kept.stream().filter(k -> !before.get(k).equals(after.get(k))).toList();
    assertEquals(List.of(), rewritten, "rows written again");
  }

  /** Each row's first column → its second, of {@code sql}'s rows. */
  private java.util.Map<String, String> versions(String sql) throws Exception {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /**
   * A knowledge-base entity added by another transaction while a put's statement waits on its row is neither added
   * nor read by that statement (which sees the table as it was when it began): the put fails saying so, rather than
   * storing the article without that entity's id. The cluster has one writer, fenced: this is the case it rules out.
   */
  @Test
  void aKnowledgeBaseEntityAddedByAnotherTransactionMeanwhileFailsThePutSayingSo() throws Exception {
    org.lente.nlp.Analysis a = Fixtures.realistic(1);
    java.util.concurrent.ExecutorService putter = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (Connection other = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      other.setAutoCommit(false);
      try (java.sql.PreparedStatement st = other.prepareStatement(
          "INSERT INTO kb_entities (name, type, articles, mentions) VALUES (?, 'PER', 0, 0)")) {
        st.setString(1, a.entities().get(0).canonical());
        st.executeUpdate();
      }
      java.util.concurrent.Future<?> put = putter.submit(() -> store.put(URL, a, sightings(a), java.util.Map.of(), null));
      long until = System.nanoTime() + 20_000_000_000L;
      while (!rows("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").equals(List.of("1"))) {
        assertTrue(System.nanoTime() < until && !put.isDone(), "the put's statement never waited on the other's row");
        Thread.sleep(20);
      }
      other.commit();
      java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> put.get(30, java.util.concurrent.TimeUnit.SECONDS));
      StringBuilder messages = new StringBuilder();
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        messages.append(t.getMessage()).append(" / ");
      }
      assertTrue(messages.toString().contains("kb_entities: "), messages.toString());
    } finally {
      putter.shutdownNow();
    }
  }

  /**
   * The rows found in three new articles held over a batch ({@link ArticleStore#holdWrites}) are written by
   * {@link ArticleStore#writeHeld} in one statement per table, where the puts one by one take one each.
   */
  @Test
  void aBatchsHeldFoundRowsTakeOneStatementPerTable() throws Exception {
    String[] tables = {"quotes", "times", "article_entities", "entity_days", "kb_entity_types", "entity_aliases",
        "resolver_sightings"};
    StatementCounts counts = StatementCounts.on(cluster.postgresUrl(), tables);
    store.holdWrites();
    for (int n = 1; n <= 3; n++) {
      org.lente.nlp.Analysis a = Fixtures.realistic(n);
      store.put("https://www.example.org/batch/" + n, a, sightings(a), java.util.Map.of(), null);
    }
    assertEquals(java.util.Map.of(), counts.read(), "rows not held");
    store.writeHeld();
    java.util.Map<String, Integer> once = new java.util.TreeMap<>();
    for (String t : tables) {
      once.put(t, 1);
    }
    assertEquals(once, counts.read());
  }

  /**
   * What the articles of a batch add to their knowledge-base entities' counts and to their sources' is written by one
   * statement each ({@link ArticleWrites#entityCounts}, {@link ArticleWrites#sourceCounts}), not one per entity or
   * source: four articles of three outlets.
   */
  @Test
  void aBatchsKnowledgeBaseAndSourceCountsTakeOneStatementEach() throws Exception {
    store.holdWrites();
    List<org.lente.nlp.Analysis> batch = List.of(Fixtures.realistic(1), Fixtures.realistic(2),
        Fixtures.plain("https://www.example.net/a", "Piove a Roma da tre giorni."),
        Fixtures.plain("https://www.example.com/b", "A Milano torna il sole."));
    for (org.lente.nlp.Analysis a : batch) {
      store.put(a.article().url(), a, sightings(a), java.util.Map.of(), null);
    }
    // counted from here: each put's own upsert of its source is an UPDATE statement too (ON CONFLICT DO UPDATE)
    StatementCounts counts = StatementCounts.updates(cluster.postgresUrl(), "kb_entities", "sources");
    store.writeHeld();
    assertTrue(Integer.parseInt(rows("SELECT count(*) FROM kb_entities WHERE articles > 0").get(0)) > 10,
        "too few entities to tell");
    assertEquals(List.of("3"), rows("SELECT count(*) FROM sources WHERE articles > 0"));
    assertEquals(java.util.Map.of("kb_entities update", 1, "sources update", 1), counts.read());
  }

  /**
   * While writes are held, an outlet's row in {@code sources} is written by the put of its first article and by one
   * that changes its site, not by those that would leave it as it is (the same site, or none).
   */
  @Test
  void aHeldBatchWritesAnOutletsSourceRowOnlyWhenAPutChangesIt() throws Exception {
    StatementCounts counts = StatementCounts.on(cluster.postgresUrl(), "sources");
    store.holdWrites();
    String[] sites = {"Cronaca di Lucca", null, "Cronaca di Lucca", "La Cronaca di Lucca"};
    for (int n = 0; n < sites.length; n++) {
      String url = "https://www.cronacalucca.example/" + n;
      Fixtures article = Fixtures.article(url, "Il ponte sul Serchio riapre dopo " + (n + 2) + " mesi di lavori.");
      store.put(url, (sites[n] == null ? article : article.site(sites[n])).published("2024-06-19").build());
    }
    store.writeHeld();
    assertEquals(java.util.Map.of("sources", 2), counts.read());
    assertEquals(List.of("cronacalucca.example|La Cronaca di Lucca|4"), rows("SELECT host, site, articles "
        + "FROM sources"));
  }

  /** A source row a rolled-back transaction added is written again by the next put of its outlet (after dropHeld). */
  @Test
  void aSourceRowOfATransactionThatRolledBackIsAddedAgain() throws Exception {
    try (PostgresConnections pg = PostgresConnections.connect(cluster)) {
      PostgresArticleStore held = PostgresArticleStore.on(pg);
      held.holdWrites();
      String url = "https://www.cronacalucca.example/ponte";
      org.lente.nlp.Analysis a = Fixtures.plain(url, "Il ponte sul Serchio riapre dopo due mesi di lavori.");
      assertThrows(IOException.class, () -> pg.transaction("a batch that rolls back", tx -> {
        held.put(url, a);
        throw new java.sql.SQLException("rolled back by the test");
      }));
      held.dropHeld();
      assertEquals(ArticleStore.Put.Outcome.STORED, held.put(url, a).outcome());
      held.writeHeld();
      assertEquals(List.of("cronacalucca.example|1"), rows("SELECT host, articles FROM sources"));
    }
  }

  // ---- a transaction of the caller's, which puts and story writes on the same connections join

  @Test
  void putsInACallersTransactionCommitTogetherAtItsEnd() throws Exception {
    try (PostgresConnections pg = PostgresConnections.connect(cluster)) {
      PostgresArticleStore shared = PostgresArticleStore.on(pg);
      List<String> during = pg.transaction("two puts", tx -> {
        shared.put(URL, Fixtures.realistic(1));
        shared.put(URL + "/2", Fixtures.realistic(2));
        try {
          return rows("SELECT count(*) FROM articles"); // another connection: nothing committed yet
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertEquals(List.of("0"), during);
      assertEquals(List.of("2"), rows("SELECT count(*) FROM articles"));
    }
  }

  @Test
  void aCallersTransactionThatThrowsRollsBackItsPutsAndTheirStories() throws Exception {
    IllegalStateException lost = new IllegalStateException("the lease is someone else's");
    try (PostgresConnections pg = PostgresConnections.connect(cluster)) {
      PostgresArticleStore shared = PostgresArticleStore.on(pg);
      StoryStore stories = PostgresStoryStore.on(pg);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> pg.transaction("a put", tx -> {
        ArticleStore.Put put = shared.put(URL, Fixtures.realistic(1));
        shared.markFailed(new ArticleFailure(put.id(), ArticleFailure.Stage.INDEX, "refused",
            java.time.Instant.parse("2026-12-05T08:00:00Z")));
        stories.putAnchors(put.id(), "it", List.of("n:2026"));
        throw lost;
      }));
      assertEquals(lost, e);
      assertEquals(List.of("0|0|0|0|0"), rows("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM "
          + "kb_entities), (SELECT count(*) FROM resolver_names), (SELECT count(*) FROM article_failures), "
          + "(SELECT count(*) FROM anchor_postings)"));
      assertEquals(ArticleStore.Put.Outcome.STORED, shared.put(URL, Fixtures.realistic(1)).outcome());
    }
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedSayingToMigrate() throws Exception {
    ClusterFile empty = new ClusterFile(dir.resolve("empty.properties"), PG.newDatabase(), PostgresServer.USER, null);
    IOException e = assertThrows(IOException.class, () -> PostgresArticleStore.on(PG.connections(empty)));
    assertTrue(e.getMessage().contains("lente migrate"), e.getMessage());
  }

  /**
   * On tables never analysed (a new cluster's first minutes, or tables growing faster than autovacuum visits them),
   * the statements that rebuild an entity's aggregates and find a moved name's entity rows read no table whole:
   * 5,000 articles, 3,000 entities of two entity rows each, 30,000 mentions.
   */
  @Test
  void anEntitysRebuildReadsItsRowsByIndexOnTablesNeverAnalysed() throws Exception {
    String[] tables = {"articles", "kb_entities", "entities", "resolver_names", "mentions"};
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        java.sql.Statement st = c.createStatement()) {
      for (String t : tables) {
        st.execute("ALTER TABLE " + t + " SET (autovacuum_enabled = false)");
      }
      st.execute("INSERT INTO articles (key, content_hash, version, stored_at, published, source, analysis) "
          + "SELECT 'k' || i, 'h' || i, 1, '2024-05-01', '2024-05-01T08:00:00Z', 'feed', repeat('a', 300) "
          + "FROM generate_series(1, 5000) i");
      st.execute("INSERT INTO kb_entities (name, type, articles, mentions) SELECT 'Nome ' || i, 'PERSON', 0, 0 "
          + "FROM generate_series(1, 3000) i");
      st.execute("INSERT INTO resolver_names (name, entity) SELECT 'P|nome ' || i, 'Nome ' || i "
          + "FROM generate_series(1, 3000) i");
      st.execute("INSERT INTO entities (type, canonical, language, canonical_words, kb_id) "
          + "SELECT t, 'Nome ' || i, 'it', 'nome ' || i, i FROM generate_series(1, 3000) i, "
          + "unnest(ARRAY['PERSON', 'ORGANIZATION']) t");
      st.execute("INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text, role, name_id) "
          + "SELECT 1 + i % 5000, 1 + i % 6000, i % 900, i % 900 + 4, 'Nome', CASE WHEN i % 3 = 0 THEN 'subject' END, "
          + "1 + (i % 6000) / 2 FROM generate_series(1, 30000) i");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_user_tables WHERE relname = ANY ('{"
          + String.join(",", tables) + "}') AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "a table was analysed");
      }
      List<String> statements;
      try (PostgresConnections pg = PostgresConnections.connect(cluster)) {
        statements = new java.util.ArrayList<>(ResolverTables.rebuildStatements(pg));
      }
      statements.add(ResolverTables.ENTITY_ROWS_OF_NAME);
      for (String sql : statements) {
        StringBuilder plan = new StringBuilder();
        try (java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN (COSTS OFF) " + sql)) {
          SqlConnections.bindEach(ps, sql, 1234);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              plan.append(rs.getString(1)).append('\n');
            }
          }
        }
        assertTrue(!plan.toString().contains("Seq Scan"), sql + "\n" + plan);
      }
    }
  }

  /**
   * On tables never analysed, a batch's statements adding to its knowledge-base entities' counts and to its sources'
   * ({@link ArticleWrites#entityCounts}, {@link ArticleWrites#sourceCounts}) read {@code kb_entities},
   * {@code kb_entity_types} and {@code sources} by their indexes, planned for the values bound and generically: 20,000
   * entities of two types each and 20,000 sources, a batch's 400 entities and 40 sources.
   */
  @Test
  void aBatchsCountsReadTheirRowsByIndexOnTablesNeverAnalysed() throws Exception {
    String[] tables = {"kb_entities", "kb_entity_types", "sources"};
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        java.sql.Statement st = c.createStatement(); PostgresConnections pg = PostgresConnections.connect(cluster)) {
      for (String t : tables) {
        st.execute("ALTER TABLE " + t + " SET (autovacuum_enabled = false)");
      }
      st.execute("INSERT INTO kb_entities (name, type, articles, mentions) SELECT 'Nome ' || i, 'PERSON', 1, 2 "
          + "FROM generate_series(1, 20000) i");
      st.execute("INSERT INTO kb_entity_types (entity_id, type, mentions) SELECT i, t, 1 FROM generate_series(1, 20000) i, "
          + "unnest(ARRAY['PERSON', 'ORGANIZATION']) t");
      st.execute("INSERT INTO sources (host, articles) SELECT 'sito' || i || '.it', 1 FROM generate_series(1, 20000) i");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_user_tables WHERE relname = ANY ('{"
          + String.join(",", tables) + "}') AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "a table was analysed");
      }
      java.util.Map<Long, FoundRows.Counts> entities = new java.util.LinkedHashMap<>();
      for (long id = 7; entities.size() < 400; id += 47) {
        entities.put(id, new FoundRows.Counts(1, 3));
      }
      java.util.Map<Long, Integer> sources = new java.util.LinkedHashMap<>();
      for (long id = 11; sources.size() < 40; id += 401) {
        sources.put(id, 2);
      }
      for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
        st.execute("SET plan_cache_mode = " + mode);
        String entitySql = ArticleWrites.entityCounts(pg);
        String entityPlan = plan(c, entitySql, ps -> ArticleWrites.bindEntityCounts(pg, ps, entities));
        assertTrue(entityPlan.contains(" on kb_entity_types") && !entityPlan.contains("Seq Scan"),
            mode + ": " + entitySql + "\n" + entityPlan);
        String sourceSql = ArticleWrites.sourceCounts(pg);
        String sourcePlan = plan(c, sourceSql, ps -> ArticleWrites.bindSourceCounts(pg, ps, sources));
        assertTrue(sourcePlan.contains(" on sources") && !sourcePlan.contains("Seq Scan"),
            mode + ": " + sourceSql + "\n" + sourcePlan);
      }
    }
  }

  /**
   * On a table never analysed, the puts' lookups read ahead ({@link ArticleLookups#LOOKUP}) read {@code articles} by its
   * key's and its hashes' indexes, planned for the values bound and generically, not by a walk of its primary key
   * filtered by the hash: 50,000 articles, 50 lookups of new keys and texts (the walk's cost, as planned, stays that
   * of 200 rows whatever the table's size, where the hashes' index's grows with it: a large table is where it is chosen).
   */
  @Test
  void aBatchsLookupsReadArticlesByKeyAndHashOnATableNeverAnalysed() throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        java.sql.Statement st = c.createStatement()) {
      st.execute("ALTER TABLE articles SET (autovacuum_enabled = false)");
      st.execute("INSERT INTO articles (key, content_hash, version, stored_at, source, analysis) SELECT "
          + "'https://www.example.org/' || i, md5(i::text), 1, '2026-12-07T12:00:00Z', 'www.example.org', '{}' "
          + "FROM generate_series(1, 50000) i");
      assertEquals(List.of("0"), rows("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'articles' "
          + "AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)"), "analysed");
      String sql = ArticleLookups.LOOKUP.replace(SqlConnections.ROWS, SqlConnections.valueRows(50, "(?, ?)"));
      for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
        st.execute("SET plan_cache_mode = " + mode);
        String plan = plan(c, sql, ps -> {
          for (int i = 0; i < 50; i++) {
            ps.setString(2 * i + 1, "https://www.example.org/new/" + i);
            ps.setString(2 * i + 2, "new text " + i);
          }
        });
        assertTrue(plan.contains("articles_content_hash") && !plan.contains("Seq Scan")
            && !plan.contains("Filter: (content_hash"), mode + ":\n" + plan);
      }
    }
  }

  /** Binds a prepared statement's parameters. */
  @FunctionalInterface
  private interface Binding {
    void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException;
  }

  /** {@code EXPLAIN (COSTS OFF)} of {@code sql} on {@code c}, its parameters bound by {@code binding}: the plan's lines. */
  private static String plan(Connection c, String sql, Binding binding) throws java.sql.SQLException {
    StringBuilder plan = new StringBuilder();
    try (java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN (COSTS OFF) " + sql)) {
      binding.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }
}
