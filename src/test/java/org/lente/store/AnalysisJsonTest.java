package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;

class AnalysisJsonTest {

  @Test
  void readGivesBackWhatWasWritten() throws IOException {
    Analysis analysis = Fixtures.article("https://example.org/a",
            "«Nessuna cooperazione», ha detto Antony Blinken. Lui lo ha detto martedì.",
            "Putin ha incontrato Kim Jong Un a Pyongyang.")
        .published("2024-06-19T10:00:00+02:00").site("Esempio").author("Anna Rossi")
        .entity("Antony Blinken", Entity.Type.PER, "Antony Blinken")
        .entity("Putin", Entity.Type.PER, "Vladimir Putin")
        .entity("Pyongyang", Entity.Type.LOC, "Pyongyang")
        .quote("Nessuna cooperazione", "Antony Blinken", "Antony Blinken", "dire")
        .time("martedì", Timex.Type.DATE, "2024-06-18")
        .build();
    Analysis read = AnalysisJson.read(AnalysisJson.write(analysis));
    assertEquals(analysis, read);
  }

  @Test
  void nullsAndEmptyListsSurvive() throws IOException {
    Article article = new Article("-", null, null, null, List.of(), null, null, List.of(), null, null, null, null,
        List.of(new Block(Block.Type.QUOTE, "«Sì»"), new Block(Block.Type.CAPTION, "foto")), null,
        List.of("no title"));
    Analysis analysis = new Analysis(article, null, null, List.of(), List.of(),
        List.of(new Quote("Sì", Quote.Kind.DIRECT, null, -1, null, null, 1, 3)), List.of(), List.of("language unknown"));
    assertEquals(analysis, AnalysisJson.read(AnalysisJson.write(analysis)));
  }

  @Test
  void theUrlAPageDeclaresIsKept() throws IOException {
    Article article = new Article("https://copie.example.net/a", "https://copie.example.net/a", null, null, List.of(),
        null, null, List.of(), null, null, null, null, List.of(new Block(Block.Type.PARAGRAPH, "Testo.")), null,
        List.of(), "https://www.repubblica.it/a");
    Analysis analysis = new Analysis(article, null, null, List.of(), List.of(), List.of(), List.of(), List.of());
    assertEquals("https://www.repubblica.it/a", AnalysisJson.read(AnalysisJson.write(analysis)).article().declaredUrl());
  }

  @Test
  void articleTextIsNotWrittenTwice() throws IOException {
    String json = AnalysisJson.write(Fixtures.plain("https://example.org/a", "Un testo."));
    assertFalse(new ObjectMapper().readTree(json).get("article").has("text"), json);
  }

  @Test
  void malformedJsonIsAnIoException() {
    assertThrows(IOException.class, () -> AnalysisJson.read("{\"article\": 3}"));
  }
}
