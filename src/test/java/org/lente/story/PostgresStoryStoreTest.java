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
    return PostgresStoryStore.connect(cluster);
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
