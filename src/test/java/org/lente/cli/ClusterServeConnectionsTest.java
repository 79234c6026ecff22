package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.ClusterSubmissions;
import org.lente.cluster.PostgresServer;
import org.lente.index.LuceneIndex;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.Poller;
import org.lente.server.Server;

/**
 * Who closes the PostgreSQL connections of {@code lente serve --cluster}: the instance that opened them
 * ({@link ServeCommand#clusterServer}), not the stores built on them. A real PostgreSQL server; the index is a Lucene
 * index in a temporary folder and no Kafka broker listens (nothing here is submitted).
 */
class ClusterServeConnectionsTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir Path dir;

  private ServeCommand.ClusterServer instance(ClusterFile cluster) throws Exception {
    return ServeCommand.clusterServer(cluster, LuceneIndex.open(dir.resolve("index")),
        Server.Settings.defaults("127.0.0.1", 0), new Poller(new Fetcher(Fetcher.Options.defaults())));
  }

  private static ClusterFile cluster(Path dir, String url) throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    return new ClusterFile(dir.resolve("cluster.properties"), url, PostgresServer.USER, null, null,
        "127.0.0.1:" + closed);
  }

  private static int articlesStatus(Server server) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/api/v1/articles")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The sessions on {@code url}'s database other than the caller's. */
  private static int sessions(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = "
            + "current_database() AND pid <> pg_backend_pid()")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void closingTheSubmissionsLeavesTheStoresOnTheSameConnectionsWorking() throws Exception {
    ClusterFile cluster = cluster(dir, PG.newMigratedDatabase());
    try (ServeCommand.ClusterServer instance = instance(cluster)) {
      instance.server().start();
      assertEquals(200, articlesStatus(instance.server()));
      for (AutoCloseable part : instance.opened()) {
        if (part instanceof ClusterSubmissions submissions) {
          submissions.close();
        }
      }
      assertEquals(200, articlesStatus(instance.server()), "the article store lost its connections");
    }
  }

  @Test
  void closingTheInstanceEndsItsSessions() throws Exception {
    ClusterFile cluster = cluster(dir, PG.newMigratedDatabase());
    ServeCommand.ClusterServer instance = instance(cluster);
    instance.server().start();
    assertEquals(200, articlesStatus(instance.server()));
    instance.close();
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
    while (sessions(cluster.postgresUrl()) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50); // a closed session leaves pg_stat_activity as its backend exits
    }
    assertEquals(0, sessions(cluster.postgresUrl()));
  }
}
