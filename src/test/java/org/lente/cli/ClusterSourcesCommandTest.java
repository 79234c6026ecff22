package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.PostgresServer;

/** {@code lente sources … --cluster FILE} against a real PostgreSQL server, beside the same commands on {@code --data}. */
class ClusterSourcesCommandTest {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  /** A loopback feed (admitted with --allow-private; nothing is fetched when a source is added). */
  private static final String FEED = "http://127.0.0.1:9/notizie/feed.xml";

  @TempDir Path dir;

  private String cluster;
  private String data;

  @BeforeEach
  void stores() throws Exception {
    cluster = PG.clusterFile(dir, PG.newMigratedDatabase()).toString();
    data = dir.resolve("kb").toString();
  }

  @Test
  void aSourceAddedOnTheClusterIsListedThereAsOnADataFolder() throws Exception {
    CliRun added = CliRun.of("sources", "add", "--cluster", cluster, "--allow-private", FEED);
    assertEquals(0, added.code(), added.err());
    assertEquals(0, CliRun.of("sources", "add", "--data", data, "--allow-private", FEED).code());

    CliRun onCluster = CliRun.of("sources", "list", "--cluster", cluster);
    assertEquals(0, onCluster.code(), onCluster.err());
    assertTrue(onCluster.out().startsWith("1\tfeed\t" + FEED + "\t"), onCluster.out());
    assertEquals(CliRun.of("sources", "list", "--data", data).out(), onCluster.out());
  }

  @Test
  void aSourceRemovedOnTheClusterIsGoneThere() throws Exception {
    assertEquals(0, CliRun.of("sources", "add", "--cluster", cluster, "--allow-private", FEED).code());

    CliRun removed = CliRun.of("sources", "remove", "--cluster", cluster, FEED);
    assertEquals(0, removed.code(), removed.err());
    CliRun list = CliRun.of("sources", "list", "--cluster", cluster);
    assertEquals("", list.out());
    assertTrue(list.err().contains("no sources"), list.err());
  }

  @Test
  void aFileSourceIsRefusedOnTheClusterAsItsWorkersRunElsewhere() throws Exception {
    Path feed = Files.writeString(dir.resolve("feed.xml"), "<rss version=\"2.0\"><channel></channel></rss>");

    CliRun run = CliRun.of("sources", "add", "--cluster", cluster, feed.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("serve " + feed + " over http(s)"), run.err());
    assertEquals("", CliRun.of("sources", "list", "--cluster", cluster).out());
  }

  @Test
  void dataAndClusterTogetherAreRefused() {
    CliRun run = CliRun.of("sources", "list", "--cluster", cluster, "--data", data);
    assertEquals(1, run.code());
    assertTrue(run.err().contains("give --data or --cluster, not both"), run.err());
  }

  @Test
  void aBadClusterFileIsNamed() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.properties"), "postgres.url=" + PG.url("x") + "\npostgres.usr=test\n");
    CliRun run = CliRun.of("sources", "list", "--cluster", bad.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("unknown keys [postgres.usr]"), run.err());
  }
}
