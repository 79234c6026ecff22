package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lente.ingest.Page;
import org.lente.server.Submissions;

/** Which submission a dead letter gives up on, and what its reader is told (the servers' side: ClusterServeTest). */
class ClusterSubmissionsTest {

  private static String letter(String topic, Object message, boolean cut) {
    return KafkaMessages.write(new KafkaMessages.DeadLetter(topic, 0, 7, "k", 3, "java.io.IOException: rotto",
        KafkaMessages.write(message), cut));
  }

  private static final Page PASTED = Page.of("pasted", "<p>Il ponte riapre.</p>".getBytes(StandardCharsets.UTF_8));

  @Test
  void aUrlGivenUpByTheFetchWorkersWasNotFetched() throws IOException {
    String json = letter(KafkaTopics.FETCH, new KafkaMessages.FetchTask("https://verona.example/a",
        ClusterSubmissions.ORIGIN + "00ff"), false);
    assertEquals(Optional.of(new ClusterSubmissions.GaveUp("00ff", Submissions.NOT_FETCHED,
        "java.io.IOException: rotto")), ClusterSubmissions.GaveUp.of(json));
  }

  @Test
  void aPageGivenUpByTheAnalysisWorkersWasNotAnalysed() throws IOException {
    String json = letter(KafkaTopics.PAGES, new KafkaMessages.FetchedPage(PASTED, ClusterSubmissions.ORIGIN + "ab12"),
        false);
    assertEquals(Submissions.NOT_ANALYSED, ClusterSubmissions.GaveUp.of(json).orElseThrow().reason());
    assertEquals("ab12", ClusterSubmissions.GaveUp.of(json).orElseThrow().id());
  }

  @Test
  void aUrlOfAPolledSourceIsNoSubmission() throws IOException {
    String json = letter(KafkaTopics.FETCH, new KafkaMessages.FetchTask("https://verona.example/a",
        "https://verona.example/feed.xml"), false);
    assertTrue(ClusterSubmissions.GaveUp.of(json).isEmpty());
  }

  @Test
  void aCutMessageIsPassedOver() throws IOException {
    String json = letter(KafkaTopics.FETCH, new KafkaMessages.FetchTask("https://verona.example/a",
        ClusterSubmissions.ORIGIN + "00ff"), true);
    assertTrue(ClusterSubmissions.GaveUp.of(json).isEmpty());
  }

  @Test
  void somethingThatIsNoDeadLetterIsAnError() {
    assertThrows(IOException.class, () -> ClusterSubmissions.GaveUp.of("[1, 2"));
  }
}
