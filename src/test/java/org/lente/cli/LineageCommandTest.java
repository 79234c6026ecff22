package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.Lente;
import org.lente.knowledge.KnowledgeBase;
import org.lente.story.Fixtures;

class LineageCommandTest {

  @TempDir
  Path dir;

  private long[] ingest() throws Exception {
    DataDir data = new DataDir();
    data.dir = dir;
    try (Lente lente = data.open()) {
      KnowledgeBase kb = lente.knowledge();
      long en = kb.add("https://news.example.com/airbus-qatar", Fixtures.english("2024-05-01T08:00:00Z")).id();
      long it = kb.add("https://notizie.example.it/airbus-qatar", Fixtures.italian("2024-05-01T10:00:00Z")).id();
      return new long[] {en, it};
    }
  }

  @Test
  void jsonListsTheTranslationWithItsDirection() throws Exception {
    long[] ids = ingest();
    CliRun run = CliRun.of("lineage", "--json", "--data", dir.toString(), String.valueOf(ids[1]));
    assertEquals(0, run.code(), run.err());
    JsonNode o = Json.MAPPER.readTree(run.out());
    assertEquals(ids[1], o.get("article").get("id").asLong());
    assertEquals(List.of(ids[0]), Json.MAPPER.convertValue(o.get("derivedFrom"), new TypeReference<List<Long>>() { }));
    JsonNode first = o.get("related").get(0);
    assertEquals(ids[0], first.get("id").asLong());
    assertEquals("en", first.get("language").asText());
    assertEquals("translation", first.get("relation").asText());
    assertEquals("original", first.get("direction").asText());
    assertTrue(first.get("score").asDouble() > 0.4);
    assertTrue(first.get("evidence").size() > 0);
    assertEquals("Example News", first.get("source").asText());
  }

  @Test
  void anArticleIsFoundByItsUrl() throws Exception {
    long[] ids = ingest();
    CliRun run = CliRun.of("lineage", "--data", dir.toString(), "https://news.example.com/airbus-qatar");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("== https://news.example.com/airbus-qatar (id " + ids[0] + ")"), run.out());
    assertTrue(run.out().contains("translation    copy"), run.out());
  }

  @Test
  void anUnknownArticleIsAClearErrorAndTheOthersArePrinted() throws Exception {
    long[] ids = ingest();
    CliRun run = CliRun.of("lineage", "--json", "--data", dir.toString(), "nowhere", String.valueOf(ids[0]));
    assertEquals(2, run.code());
    assertTrue(run.err().contains("no article nowhere"), run.err());
    assertEquals(1, run.out().strip().lines().count());
  }

  @Test
  void aLocalFileIsNamedByThePathItWasIngestedFrom() throws Exception {
    Path files = java.nio.file.Files.createDirectories(dir.resolve("files"));
    Path en = java.nio.file.Files.writeString(files.resolve("en-a380.txt"), "Airbus delivers its first A380\n\n"
        + "Singapore Airlines received the first Airbus A380 today in Toulouse, its chairman Chew Choon Seng said.\n");
    Path it = java.nio.file.Files.writeString(files.resolve("it-a380.txt"), "Airbus consegna il primo A380\n\n"
        + "Singapore Airlines ha ricevuto oggi a Tolosa il primo Airbus A380, ha detto il suo presidente Chew Choon Seng.\n");
    Path kb = dir.resolve("kb");
    CliRun ingest = CliRun.of("ingest", "--data", kb.toString(), files.toString());
    assertEquals(0, ingest.code(), ingest.err());
    CliRun run = CliRun.of("lineage", "--json", "--data", kb.toString(), it.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode o = Json.MAPPER.readTree(run.out());
    assertEquals(it.toString(), o.get("article").get("source").asText());
    JsonNode first = o.get("related").get(0);
    assertEquals("en", first.get("language").asText());
    assertEquals(en.toString(), first.get("source").asText());
  }
}
