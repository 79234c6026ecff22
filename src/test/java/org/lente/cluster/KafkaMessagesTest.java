package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.lente.nlp.Analysis;
import org.lente.store.AnalysisJson;
import org.lente.store.StoredJson;
import org.lente.story.Texts;

/** The messages of the cluster's topics as JSON: the analysed article's inlined analysis read back. */
class KafkaMessagesTest {

  private static final Analysis ANALYSIS = Texts.analysis("ponte-1", "giornale.example", "it", "2026-09-01T08:00:00Z",
      "Il ponte", "Il sindaco Mario Rossi ha inaugurato il ponte sul fiume. \"È un giorno di festa\", ha detto.",
      "Mario Rossi=Mario Rossi/PER");

  @Test
  void anAnalysedArticlesAnalysisIsReadAsTheTextItsWriterInlined() throws IOException {
    String inlined = StoredJson.MAPPER.writerWithDefaultPrettyPrinter() // spaces and line breaks between the tokens
        .writeValueAsString(StoredJson.MAPPER.readTree(AnalysisJson.write(ANALYSIS)));
    String message = "{\"key\": \"ponte-1\", \"contentHash\": \"h\", \"analysis\": " + inlined
        + " , \"origin\": \"feed\"}";

    KafkaMessages.AnalysedArticle a = KafkaMessages.read(message, KafkaMessages.AnalysedArticle.class);

    assertEquals(inlined, a.analysis(), "its own characters, spaces and line breaks included, not written again");
  }

  @Test
  void anAnalysedArticleReadBackHoldsTheAnalysisAsAnalysisJsonWroteIt() throws IOException {
    String message = KafkaMessages.write(KafkaMessages.AnalysedArticle.of("ponte-1", ANALYSIS, "feed"));

    KafkaMessages.AnalysedArticle a = KafkaMessages.read(message, KafkaMessages.AnalysedArticle.class);

    assertEquals(AnalysisJson.write(ANALYSIS), a.analysis());
    assertEquals(ANALYSIS, a.read());
    assertEquals("feed", a.origin());
  }

  @Test
  void anAnalysisThatIsNoObjectIsReadAsTheValueWrittenAgain() throws IOException {
    KafkaMessages.AnalysedArticle a = KafkaMessages.read(
        "{\"key\": \"k\", \"contentHash\": \"h\", \"analysis\":  [1,  2.50, \"x\"]}", KafkaMessages.AnalysedArticle.class);
    KafkaMessages.AnalysedArticle n = KafkaMessages.read(
        "{\"key\": \"k\", \"contentHash\": \"h\", \"analysis\": 7}", KafkaMessages.AnalysedArticle.class);

    assertEquals("[1,  2.50, \"x\"]", a.analysis(), "an array is cut as written too");
    assertEquals("7", n.analysis());
  }

  @Test
  void aMessageCutInsideItsAnalysisIsRefusedWithAnIOException() {
    String message = KafkaMessages.write(KafkaMessages.AnalysedArticle.of("ponte-1", ANALYSIS, null));

    assertThrows(IOException.class, () -> KafkaMessages.read(message.substring(0, message.length() / 2),
        KafkaMessages.AnalysedArticle.class));
  }
}
