package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  private static final String ARTICLE = """
      Il mercato coperto chiude per restauro

      Marco Neri

      Il mercato coperto di via Roma chiuderà lunedì per un restauro, ha annunciato il sindaco Paolo Ferri.

      “I lavori dureranno otto mesi”, ha detto Ferri ai commercianti. Secondo la Camera di Commercio, i negozi perderanno poco.
      """;

  @TempDir Path dir;

  @Test
  void jsonHasTheAnalysisFieldsWithOffsetsIntoTheText() throws IOException {
    Path in = Files.writeString(dir.resolve("mercato.txt"), ARTICLE);

    CliRun run = CliRun.of("analyze", "--json", "--date", "2024-06-19", in.toString());

    assertEquals(0, run.code(), run.err());
    JsonNode o = new ObjectMapper().readTree(run.out());
    List<String> fields = new ArrayList<>();
    o.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("article", "language", "anchor", "sentences", "entities", "quotes", "times", "warnings"), fields);
    String text = o.get("article").get("text").asText();
    for (JsonNode e : o.get("entities")) {
      assertEquals(e.get("text").asText(), text.substring(e.get("start").asInt(), e.get("end").asInt()));
    }
    JsonNode quote = o.get("quotes").get(1);
    assertEquals("I lavori dureranno otto mesi", quote.get("text").asText());
    assertEquals("direct", quote.get("kind").asText());
    assertEquals("Paolo Ferri", quote.get("speakerCanonical").asText());
    assertEquals("dire", quote.get("cue").asText());
    assertTrue(o.get("times").toString().contains("\"value\":\"2024-06-24\""), o.get("times").toString());
  }

  @Test
  void theReadableReportListsEntitiesQuotesAndTimes() throws IOException {
    Path in = Files.writeString(dir.resolve("mercato.txt"), ARTICLE);

    CliRun run = CliRun.of("analyze", "--date", "2024-06-19", in.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("PER  Paolo Ferri (sindaco)"), run.out());
    assertTrue(run.out().contains("“I lavori dureranno otto mesi” — Paolo Ferri [Ferri] (dire)"), run.out());
    assertTrue(run.out().contains("lunedì → 2024-06-24"), run.out());
  }

  @Test
  void aDateThatIsNotIsoIsAUsageError() throws IOException {
    Path in = Files.writeString(dir.resolve("mercato.txt"), ARTICLE);

    CliRun run = CliRun.of("analyze", "--date", "19/06/2024", in.toString());

    assertEquals(1, run.code());
    assertTrue(run.err().contains("--date is not an ISO-8601 date"), run.err());
  }

  @Test
  void jsonTellsWhereAFilledInDateCameFrom() throws IOException {
    Path day = Files.createDirectories(dir.resolve("2024-06-17"));
    Path in = Files.writeString(day.resolve("mercato.txt"), ARTICLE);

    CliRun run = CliRun.of("analyze", "--json", in.toString());

    assertEquals(0, run.code(), run.err());
    JsonNode article = new ObjectMapper().readTree(run.out()).get("article");
    assertEquals("2024-06-17", article.get("published").asText());
    assertEquals("path", article.get("dateSource").asText());
  }
}
