package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lente worker}'s refusals, before any broker is reached (the workers at work: cluster/Kafka*Test). */
class WorkerCommandTest {

  @TempDir Path dir;

  private Path cluster(String extra) throws Exception {
    return Files.writeString(dir.resolve("cluster.properties"), "postgres.url=jdbc:postgresql://db/lente\n"
        + "postgres.user=lente\n" + extra);
  }

  @Test
  void aWorkerWithoutKafkaInTheClusterFileSaysWhichKeyIsMissing() throws Exception {
    CliRun run = CliRun.of("worker", "analyse", "--cluster", cluster("").toString());
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("kafka.bootstrap is missing"), run.err());
  }

  @Test
  void aUrlThatCannotBeFetchedIsRefusedBeforeAnythingIsSent() throws Exception {
    CliRun run = CliRun.of("worker", "submit", "--cluster", cluster("kafka.bootstrap=127.0.0.1:1\n").toString(),
        "https://example.org/a", "ftp://example.org/b");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("not an http(s) URL with a host: ftp://example.org/b"), run.err());
  }

  @Test
  void anIndexWorkerWithoutOpenSearchRefusesToStart() throws Exception {
    CliRun run = CliRun.of("worker", "index", "--cluster", cluster("").toString());
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("has no opensearch.url"), run.err());
  }

  @Test
  void aPollWorkerWithoutKafkaInTheClusterFileSaysWhichKeyIsMissing() throws Exception {
    CliRun run = CliRun.of("worker", "poll", "--cluster", cluster("").toString());
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("kafka.bootstrap is missing"), run.err());
  }

  @Test
  void anIndexWorkerRefusesABatchOutOfBounds() throws Exception {
    CliRun run = CliRun.of("worker", "index", "--cluster", cluster("").toString(), "--batch", "0");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("--batch must be 1 to 10000: 0"), run.err());
  }

  @Test
  void theKnowledgeWritersBatchOutsideItsBoundsIsRefused() throws Exception {
    CliRun run = CliRun.of("worker", "write", "--batch", "0", "--cluster",
        cluster("kafka.bootstrap=127.0.0.1:1\nopensearch.url=http://127.0.0.1:1\n").toString());
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("--batch must be 1 to 1000: 0"), run.err());
  }
}
