package org.lente.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.extract.BlockModel;

class ExtractionModelTrainingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aBlockMostlyInTheGoldTextIsArticleText() {
    String gold = "The ferry will run every hour in summer, the operator said on Friday.";

    assertTrue(ExtractionModelTraining.shingleLabel(gold, "The ferry will run every hour in summer, the operator said."));
    assertFalse(ExtractionModelTraining.shingleLabel(gold, "Sign up for our weekly newsletter about the harbour"));
  }

  @Test
  void aBlockHoldingAWithoutSnippetIsNotTextAndOneWithNeitherIsNoExample() throws IOException {
    JsonNode gold = JSON.readTree("{\"with\": [\"the operator said\"], \"without\": [\"Most read\"]}");

    assertEquals(Boolean.TRUE, ExtractionModelTraining.snippetLabel(gold, "Ferries run hourly, the operator  said."));
    assertEquals(Boolean.FALSE, ExtractionModelTraining.snippetLabel(gold, "Most read this week"));
    assertNull(ExtractionModelTraining.snippetLabel(gold, "A block that neither list mentions at all."));
  }

  @Test
  void aPageKeepsItsFoldWhateverElseIsInTheSet() {
    assertEquals(ExtractionModelTraining.fold("page-one.html.gz", 5), ExtractionModelTraining.fold("page-one.html.gz", 5));
    assertTrue(ExtractionModelTraining.fold("page-two.html.gz", 5) < 5);
  }

  @Test
  void trainingOnBothSetsWritesAModelAndEachFoldsPredictions(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data");
    Path sh = Files.createDirectories(data.resolve("extraction/scrapinghub/html"));
    Path tr = Files.createDirectories(data.resolve("extraction/trafilatura/html"));
    StringBuilder truth = new StringBuilder("{");
    StringBuilder eval = new StringBuilder("{");
    for (int i = 0; i < 6; i++) {
      String body = "<p>Harbour story " + i + ": the ferry will run every hour this summer, the operator said on"
          + " Friday, after a season in which passengers waited up to three hours at the northern pier.</p>"
          + "<p>Tickets will cost the same as last year, and children under five will travel free of charge.</p>";
      String page = "<html><body><article><h1>Ferry " + i + "</h1>" + body
          + "<p><a href=/a>Most read</a> <a href=/b>Weather</a></p></article></body></html>";
      gzip(sh.resolve("p" + i + ".html.gz"), page);
      gzip(tr.resolve("t" + i + ".html.gz"), page);
      truth.append(i > 0 ? "," : "").append("\"p").append(i).append("\": {\"articleBody\": \"")
          .append(body.replaceAll("<[^>]+>", " ").strip()).append("\", \"url\": \"https://example.org/").append(i)
          .append("\"}");
      eval.append(i > 0 ? "," : "").append("\"https://example.org/t").append(i).append("\": {\"file\": \"t").append(i)
          .append(".html\", \"with\": [\"children under five\"], \"without\": [\"Most read\"]}");
    }
    Files.writeString(sh.getParent().resolve("ground-truth.json"), truth.append("}"));
    Files.writeString(tr.getParent().resolve("evaldata.json"), eval.append("}"));
    Path model = dir.resolve("model.tsv");
    Path out = dir.resolve("out");

    ExtractionModelTraining.main(new String[] {data.toString(), model.toString(), out.toString(), "2"});

    assertEquals(BlockModel.FEATURES.size(), BlockModel.parse(Files.readAllLines(model)).weights().length);
    assertEquals(6, JSON.readTree(out.resolve("oof.scrapinghub.json").toFile()).size());
    assertEquals(6, JSON.readTree(out.resolve("oof.trafilatura.json").toFile()).size());
  }

  private static void gzip(Path file, String text) throws IOException {
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
