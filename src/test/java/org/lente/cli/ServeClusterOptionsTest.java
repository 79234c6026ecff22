package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code lente serve --cluster} and {@code lente token|user --cluster} refuse before reaching any server. */
class ServeClusterOptionsTest {

  @TempDir Path dir;

  private Path clusterFile(String extra) throws Exception {
    Path f = dir.resolve("cluster.properties");
    Files.writeString(f, "postgres.url=jdbc:postgresql://127.0.0.1:1/lente\npostgres.user=lente\n" + extra);
    return f;
  }

  @Test
  void serveRefusesADataFolderBesideACluster() throws Exception {
    CliRun run = CliRun.of("serve", "--cluster", clusterFile("").toString(), "--data", dir.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("--data does not apply with --cluster"), run.err());
  }

  @Test
  void serveNeedsOpenSearchAndKafkaInTheClusterFile() throws Exception {
    CliRun run = CliRun.of("serve", "--cluster", clusterFile("opensearch.url=http://127.0.0.1:1\n").toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("needs opensearch.url (searches) and kafka.bootstrap"), run.err());
  }

  @Test
  void aBadTrustedProxyIsRefusedByName() throws Exception {
    CliRun run = CliRun.of("serve", "--cluster", clusterFile("serve.trusted-proxies=10.0.0.0/8, lb.example\n")
        .toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("serve.trusted-proxies: not an IP address or CIDR block: lb.example"), run.err());
  }

  @Test
  void tokenCommandsTakeAFolderOrAClusterNotBoth() throws Exception {
    CliRun run = CliRun.of("token", "add", "--cluster", clusterFile("").toString(), "--data", dir.toString(), "ada");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("give --data or --cluster, not both"), run.err());
  }
}
