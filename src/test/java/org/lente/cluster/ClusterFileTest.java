package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a cluster file. */
class ClusterFileTest {

  @TempDir Path dir;

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("cluster.properties"), text);
  }

  @Test
  void thePasswordMayComeFromItsOwnFileBesideTheClusterFile() throws Exception {
    Files.writeString(dir.resolve("pg.secret"), "s3cret\n");
    ClusterFile c = ClusterFile.read(write("postgres.url=jdbc:postgresql://db:5432/lente\npostgres.user=lente\n"
        + "postgres.password-file=pg.secret\n"));
    assertEquals("s3cret", c.postgresPassword());
    assertEquals("lente", c.postgresUser());
  }

  @Test
  void thePasswordIsNeverShown() throws Exception {
    ClusterFile c = ClusterFile.read(write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\n"
        + "postgres.password=s3cret\n"));
    assertFalse(c.toString().contains("s3cret"), c.toString());
  }

  @Test
  void anUnknownKeyIsRefusedByName() throws Exception {
    ClusterFileException e = assertThrows(ClusterFileException.class, () -> ClusterFile.read(
        write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\npostgress.password=x\n")));
    assertTrue(e.getMessage().contains("unknown keys [postgress.password]"), e.getMessage());
  }

  @Test
  void aUrlOfAnotherDatabaseIsRefused() throws Exception {
    ClusterFileException e = assertThrows(ClusterFileException.class, () -> ClusterFile.read(
        write("postgres.url=jdbc:mysql://db/lente\npostgres.user=lente\n")));
    assertTrue(e.getMessage().contains("postgres.url must be a jdbc:postgresql:// URL"), e.getMessage());
  }

  @Test
  void kafkasBrokersAreReadAsGiven() throws Exception {
    ClusterFile c = ClusterFile.read(write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\n"
        + "kafka.bootstrap=k1.internal:9092, k2.internal:9092\n"));
    assertEquals("k1.internal:9092, k2.internal:9092", c.requireKafka());
  }

  @Test
  void aBrokerWithoutAPortIsRefused() throws Exception {
    ClusterFileException e = assertThrows(ClusterFileException.class, () -> ClusterFile.read(
        write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\nkafka.bootstrap=k1:9092,k2\n")));
    assertTrue(e.getMessage().contains("kafka.bootstrap must be host:port[,host:port…], not k1:9092,k2"),
        e.getMessage());
  }

  @Test
  void withoutKafkaWhatNeedsItSaysWhichKeyIsMissing() throws Exception {
    ClusterFile c = ClusterFile.read(write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\n"));
    ClusterFileException e = assertThrows(ClusterFileException.class, c::requireKafka);
    assertTrue(e.getMessage().contains("kafka.bootstrap is missing"), e.getMessage());
  }

  @Test
  void aMisspeltKafkaKeyIsRefusedByName() throws Exception {
    ClusterFileException e = assertThrows(ClusterFileException.class, () -> ClusterFile.read(
        write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\nkafka.bootstraps=k1:9092\n")));
    assertTrue(e.getMessage().contains("unknown keys [kafka.bootstraps]"), e.getMessage());
  }

  @Test
  void aMissingFileSaysSo() {
    ClusterFileException e = assertThrows(ClusterFileException.class,
        () -> ClusterFile.read(dir.resolve("absent.properties")));
    assertTrue(e.getMessage().endsWith("absent.properties: no such file"), e.getMessage());
  }

  @Test
  void theOpenSearchUrlIsRead() throws Exception {
    ClusterFile c = ClusterFile.read(write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\n"
        + "opensearch.url=http://search.internal:9200\n"));
    assertEquals(java.net.URI.create("http://search.internal:9200"), c.opensearchUrl());
  }

  @Test
  void theOpenSearchUrlIsOptional() throws Exception {
    ClusterFile c = ClusterFile.read(write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\n"));
    assertEquals(null, c.opensearchUrl());
  }

  @Test
  void anOpenSearchUrlThatIsNotHttpIsRefusedNamingTheKey() throws Exception {
    ClusterFileException e = assertThrows(ClusterFileException.class, () -> ClusterFile.read(
        write("postgres.url=jdbc:postgresql://db/lente\npostgres.user=lente\nopensearch.url=search:9200\n")));
    assertTrue(e.getMessage().contains("opensearch.url must be an http(s)://host:port URL"), e.getMessage());
  }
}
