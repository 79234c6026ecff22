package org.lente.story;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;
import org.lente.cluster.StatementCounts;

/** The story store contract on a real PostgreSQL server, a new database per test. */
class PostgresStoryStoreTest extends StoryStoreContract {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir
  Path dir;

  private ClusterFile cluster;

  @BeforeEach
  void database() throws Exception {
    cluster = PG.newMigratedCluster(dir);
  }

  @Override
  SqlStoryStore open() throws Exception {
    return PostgresStoryStore.on(PG.connections(cluster));
  }

  @org.junit.jupiter.api.Test
  void anArticlesAnchorsTakeOneStatementPerTableWhateverTheirNumber() throws Exception {
    long[] ids = articles(1);
    StatementCounts counts = StatementCounts.on(cluster.postgresUrl(), "anchor_postings", "anchor_terms");
    java.util.List<String> terms = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "#:" + (1000 + i)).toList();
    try (SqlStoryStore s = open()) {
      s.putAnchors(ids[0], "it", terms);
      org.junit.jupiter.api.Assertions.assertEquals(40, s.anchorPostings(terms, "en", 10).size());
    }
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("anchor_postings", 1, "anchor_terms", 1),
        counts.read());
  }

  @org.junit.jupiter.api.Test
  void anArticlesTermsBandsAndLinksTakeOneStatementPerTableWhateverTheirNumber() throws Exception {
    long[] ids = articles(4);
    StatementCounts counts = StatementCounts.on(cluster.postgresUrl(), "story_terms", "lsh_bands", "links");
    java.util.List<String> terms = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "k:termine" + i).toList();
    java.util.List<Link> links = java.util.stream.LongStream.of(ids[1], ids[2], ids[3]).mapToObj(other -> new Link(
        ids[0], other, Link.Relation.SAME_STORY, Direction.UNKNOWN, 0.5, java.util.List.of())).toList();
    Story story = new Story(1, "Storia", null, null, java.util.List.of(ids[0]), java.util.List.of("site.example"),
        java.util.List.of("it"), java.util.List.of(), java.util.List.of(), java.util.List.of());
    try (SqlStoryStore s = open()) {
      s.putArticle(ids[0], new Stories.Saved(story, java.util.Map.of("k:termine0", 1.0), java.util.Map.of()), terms,
          0, links, "it", java.util.stream.LongStream.range(0, MinHash.BANDS).toArray());
    }
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("story_terms", 1, "lsh_bands", 1, "links", 1),
        counts.read());
  }

  /** The rows of ten articles held over a batch take one statement per table, where their puts take one each. */
  @org.junit.jupiter.api.Test
  void aBatchsRowsTakeOneStatementPerTableWhateverItsArticles() throws Exception {
    long[] ids = articles(10);
    String[] tables = {"stories", "story_articles", "story_terms", "links", "lsh_bands", "anchor_postings",
        "anchor_terms"};
    StatementCounts counts = StatementCounts.on(cluster.postgresUrl(), tables);
    StoryRows rows = new StoryRows();
    for (int i = 0; i < ids.length; i++) {
      Story story = new Story(1 + i % 3, "Storia", null, null, java.util.List.of(ids[i]),
          java.util.List.of("site.example"), java.util.List.of("it"), java.util.List.of(), java.util.List.of(),
          java.util.List.of());
      java.util.List<Link> links = i == 0 ? java.util.List.of() : java.util.List.of(new Link(ids[i], ids[i - 1],
          Link.Relation.SAME_STORY, Direction.UNKNOWN, 0.5, java.util.List.of()));
      rows.article(ids[i], new Stories.Saved(story, java.util.Map.of("k:termine" + i, 1.0), java.util.Map.of()),
          java.util.List.of("k:termine" + i, "k:comune"), 0.5, links, "it", new long[] {i, 100 + i});
      rows.anchors(ids[i], "it", java.util.List.of("n:nome" + i, "n:comune"));
    }
    try (SqlStoryStore s = open()) {
      s.putRows(rows);
      org.junit.jupiter.api.Assertions.assertEquals(ids.length, s.countedArticles());
    }
    java.util.Map<String, Integer> once = new java.util.HashMap<>();
    for (String t : tables) {
      once.put(t, 1);
    }
    org.junit.jupiter.api.Assertions.assertEquals(once, counts.read());
  }

  /**
   * 100 Italian articles and 2 English ones holding a term: the lookup for an Italian article reads the 2 English
   * postings, not the 102 of the term (no scan node gives more rows, none drops rows by a filter).
   */
  @org.junit.jupiter.api.Test
  void anchorPostingsReadOnlyThePostingsOfOtherLanguages() throws Exception {
    long[] ids = articles(102);
    java.util.List<String> terms = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "n:nome" + i).toList();
    try (SqlStoryStore s = open()) {
      for (int i = 0; i < ids.length; i++) {
        s.putAnchors(ids[i], i < 100 ? "it" : "en", i < 100 ? terms : terms.subList(0, 1));
      }
    }
    StringBuilder plan = new StringBuilder();
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("ANALYZE anchor_postings");
      }
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
          + SqlStoryStore.postingsQuery(1, true))) {
        ps.setString(1, "n:nome0");
        ps.setString(2, "it");
        ps.setString(3, "n:nome0");
        ps.setString(4, "it");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
    }
    java.util.regex.Matcher rows = java.util.regex.Pattern.compile("Scan.*actual rows=(\\d+)").matcher(plan);
    int scans = 0;
    while (rows.find()) {
      scans++;
      org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(rows.group(1)) <= 2, plan.toString());
    }
    org.junit.jupiter.api.Assertions.assertTrue(scans > 0, plan.toString());
    org.junit.jupiter.api.Assertions.assertFalse(plan.toString().contains("Rows Removed"), plan.toString());
  }

  /**
   * Three hundred bands of an article (three whole statements of {@code SqlConnections.MAX_ROWS} rows) take the round
   * trips of a hundred (one statement): the three statements are sent as one batch, without waiting for each answer;
   * they are still three statements, and every band is stored.
   */
  @org.junit.jupiter.api.Test
  void wholeStatementsOfOneTableAreSentInOneRoundTrip() throws Exception {
    long[] ids = articles(2);
    StatementCounts counts = StatementCounts.on(cluster.postgresUrl(), "lsh_bands");
    long[] many = java.util.stream.LongStream.range(0, 3L * org.lente.store.SqlConnections.MAX_ROWS).toArray();
    long[] few = java.util.stream.LongStream.range(0, org.lente.store.SqlConnections.MAX_ROWS).map(b -> 10_000 + b)
        .toArray();
    try (SqlStoryStore s = open()) {
      s.putBands(ids[1], "it", new long[] {-1}); // the connection and transaction's first statements made
      int ofFew = roundTrips(() -> s.putBands(ids[1], "it", few));
      int ofMany = roundTrips(() -> s.putBands(ids[0], "it", many));
      org.junit.jupiter.api.Assertions.assertEquals(ofFew, ofMany);
      org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of(ids[0], many.length),
          s.bandCandidates("it", many, 10));
    }
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("lsh_bands", 1 + 1 + 3), counts.read());
  }

  /**
   * The band lookups of fifty articles asked together, over 3,000 articles of 32 bands each, read the primary key's
   * index for each article's bands: no sequential scan of {@code lsh_bands} (a join of all the bands with the table was
   * planned as one), and no more rows read than the bands found.
   */
  @org.junit.jupiter.api.Test
  void bandCandidatesAskedTogetherReadTheIndex() throws Exception {
    long[] ids = articles(3_000);
    int bands = MinHash.BANDS;
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO lsh_bands (band_key, article_id, language) "
          + "SELECT a * 1000 + b, a, 'it' FROM unnest(?::bigint[]) AS a, generate_series(1, ?) AS b")) {
        ps.setArray(1, c.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray()));
        ps.setInt(2, bands);
        ps.executeUpdate();
      }
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("ANALYZE lsh_bands");
      }
      String[] languages = new String[50];
      String[] keys = new String[50];
      for (int q = 0; q < 50; q++) { // each query half the bands of one article, half none stored
        languages[q] = "it";
        long article = ids[q * 60];
        long other = -100L * q; // negative: no stored band
        keys[q] = "{" + java.util.stream.IntStream.rangeClosed(1, bands)
            .mapToObj(b -> Long.toString(b % 2 == 0 ? article * 1000 + b : other - b))
            .collect(java.util.stream.Collectors.joining(",")) + "}";
      }
      StringBuilder plan = new StringBuilder();
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
          + PostgresStoryStore.BANDS_OF_EACH)) {
        ps.setArray(1, c.createArrayOf("text", languages));
        ps.setArray(2, c.createArrayOf("text", keys));
        ps.setInt(3, 10);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
      String text = plan.toString();
      org.junit.jupiter.api.Assertions.assertFalse(text.contains("Seq Scan on lsh_bands"), text);
      java.util.regex.Matcher scans = java.util.regex.Pattern.compile("on lsh_bands b \\(actual rows=(\\d+) loops=(\\d+)\\)")
          .matcher(text);
      int read = 0;
      while (scans.find()) {
        read += Integer.parseInt(scans.group(1)) * Integer.parseInt(scans.group(2));
      }
      org.junit.jupiter.api.Assertions.assertEquals(50 * bands / 2, read, text); // the bands found, each read once
      org.junit.jupiter.api.Assertions.assertTrue(text.contains("Index Only Scan using lsh_bands_pkey")
          || text.contains("Index Scan using lsh_bands_pkey") || text.contains("Bitmap Index Scan on lsh_bands_pkey"),
          text);
    }
  }

  /**
   * Each index of the bands and the anchor postings that is no unique key (those the writes' {@code ON CONFLICT}
   * needs) is read by one of lineage's lookups of the two tables, none of which reads a table whole: over 500 articles'
   * rows, on tables never analysed. An index no lookup reads is one more entry written at each band and posting
   * stored (schema V16 dropped the two by article).
   */
  @org.junit.jupiter.api.Test
  void eachIndexOfTheBandsAndPostingsButTheirKeysIsReadByALookup() throws Exception {
    long[] ids = articles(500);
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null)) {
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("ALTER TABLE lsh_bands SET (autovacuum_enabled = false)");
        st.execute("ALTER TABLE anchor_postings SET (autovacuum_enabled = false)");
      }
      java.sql.Array articles = c.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray());
      try (PreparedStatement bands = c.prepareStatement("INSERT INTO lsh_bands (band_key, article_id, language) "
          + "SELECT a * 1000 + b, a, 'it' FROM unnest(?::bigint[]) AS a, generate_series(1, 32) AS b");
          PreparedStatement postings = c.prepareStatement("INSERT INTO anchor_postings (term, article_id, language) "
              + "SELECT 'n:t' || (a % 50) || '.' || t, a, CASE WHEN a % 10 = 0 THEN 'en' ELSE 'it' END "
              + "FROM unnest(?::bigint[]) AS a, generate_series(1, 20) AS t")) {
        bands.setArray(1, articles);
        bands.executeUpdate();
        postings.setArray(1, articles);
        postings.executeUpdate();
      }
      StringBuilder plans = new StringBuilder();
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN (COSTS OFF) " + PostgresStoryStore.BANDS_OF_EACH)) {
        ps.setArray(1, c.createArrayOf("text", new String[] {"it", "it"}));
        ps.setArray(2, c.createArrayOf("text", new String[] {"{" + (ids[0] * 1000 + 1) + "," + (ids[0] * 1000 + 2) + "}",
            "{" + (ids[7] * 1000 + 3) + "}"}));
        ps.setInt(3, 10);
        plans.append(plan(ps));
      }
      for (boolean otherLanguages : new boolean[] {false, true}) {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (COSTS OFF) "
            + SqlStoryStore.postingsQuery(2, otherLanguages))) {
          int p = 1;
          for (int part = 0; part < (otherLanguages ? 2 : 1); part++) {
            ps.setString(p++, "n:t3.4");
            ps.setString(p++, "n:t9.1");
            if (otherLanguages) {
              ps.setString(p++, "it");
            }
          }
          plans.append(plan(ps));
        }
      }
      String text = plans.toString();
      org.junit.jupiter.api.Assertions.assertFalse(text.contains("Seq Scan"), text);
      java.util.Set<String> read = new java.util.TreeSet<>();
      java.util.regex.Matcher used = java.util.regex.Pattern.compile("(?:Scan using|Index Scan on) (\\w+)").matcher(text);
      while (used.find()) {
        read.add(used.group(1));
      }
      java.util.Set<String> indexes = new java.util.TreeSet<>();
      try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT i.relname FROM pg_index x "
          + "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid IN ('lsh_bands'::regclass, "
          + "'anchor_postings'::regclass) AND NOT x.indisunique")) {
        while (rs.next()) {
          indexes.add(rs.getString(1));
        }
      }
      org.junit.jupiter.api.Assertions.assertFalse(read.isEmpty(), text);
      indexes.removeAll(read);
      org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), indexes, "indexes no lookup reads; plans:\n"
          + text);
    }
  }

  /** The lines of the plan {@code explain} (an {@code EXPLAIN}, its values bound) gives. */
  private static String plan(PreparedStatement explain) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rs = explain.executeQuery()) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  /** What {@link #roundTrips} runs. */
  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  /** The round trips {@code work} makes to the server: the driver's Sync messages (each waits for the answers before it). */
  private static int roundTrips(Work work) throws Exception {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    java.util.concurrent.atomic.AtomicInteger syncs = new java.util.concurrent.atomic.AtomicInteger();
    java.util.logging.Handler count = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        if (" FE=> Sync".equals(r.getMessage())) {
          syncs.incrementAndGet();
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    java.util.logging.Level was = log.getLevel();
    count.setLevel(java.util.logging.Level.FINEST);
    log.setLevel(java.util.logging.Level.FINEST);
    log.addHandler(count);
    try {
      work.run();
    } finally {
      log.removeHandler(count);
      log.setLevel(was);
    }
    return syncs.get();
  }

  /** Articles as rows (the cluster's article store is not built yet): what the story tables refer to. */
  @Override
  long[] articles(int n) throws Exception {
    long[] ids = new long[n];
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        PreparedStatement ps = c.prepareStatement("INSERT INTO articles (key, content_hash, version, stored_at, "
            + "source, analysis) VALUES (?, 'h', 1, '2024-05-01T08:00:00Z', ?, '{}') RETURNING id")) {
      for (int i = 0; i < n; i++) {
        ps.setString(1, "k" + i);
        ps.setString(2, "site.example/" + i);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids[i] = rs.getLong(1);
        }
      }
    }
    return ids;
  }
}
