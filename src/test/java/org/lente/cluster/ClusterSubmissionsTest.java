package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lente.Pipeline;
import org.lente.ingest.Page;
import org.lente.ingest.fetch.FetchException;
import org.lente.server.Submissions;

/** Which submission a dead letter gives up on, and what its reader is told (the servers' side: ClusterServeTest). */
class ClusterSubmissionsTest {

  /** A dead letter as workers wrote them before kinds and origins: the origin is read from the message. */
  private static String letter(String topic, Object message, boolean cut) {
    return KafkaMessages.write(new KafkaMessages.DeadLetter(topic, 0, 7, "k", 3, "java.io.IOException: rotto",
        KafkaMessages.write(message), cut, null, null, null, null));
  }

  /** A dead letter of a URL of submission {@code id} that the fetcher failed with {@code reason}. */
  private static String fetchLetter(String id, FetchException.Reason reason, Integer status) {
    return KafkaMessages.write(new KafkaMessages.DeadLetter(KafkaTopics.FETCH, 0, 7, "verona.example", 3,
        "org.lente.ingest.fetch.FetchException: rotto", "{\"url\":\"https://verona.example/a\"}", false,
        KafkaMessages.DeadLetter.Kind.FETCH, reason, status, ClusterSubmissions.ORIGIN + id));
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
  void aCutMessageOfAnOldLetterIsPassedOver() throws IOException {
    String json = letter(KafkaTopics.FETCH, new KafkaMessages.FetchTask("https://verona.example/a",
        ClusterSubmissions.ORIGIN + "00ff"), true);
    assertTrue(ClusterSubmissions.GaveUp.of(json).isEmpty());
  }

  @Test
  void aCutMessageKeepsTheSubmissionByTheLettersOrigin() throws IOException {
    String json = KafkaMessages.write(new KafkaMessages.DeadLetter(KafkaTopics.PAGES, 0, 7, "k", 3,
        "java.io.IOException: rotto", "{\"page\":{\"bytes\":\"PHA+SWwg", true, KafkaMessages.DeadLetter.Kind.ERROR,
        null, null, ClusterSubmissions.ORIGIN + "cafe"));
    assertEquals(Optional.of(new ClusterSubmissions.GaveUp("cafe", Submissions.NOT_ANALYSED,
        "java.io.IOException: rotto")), ClusterSubmissions.GaveUp.of(json));
  }

  @Test
  void aPrivateAddressIsToldAsTheEmbeddedModeTellsIt() throws IOException {
    assertEquals(Submissions.PRIVATE_ADDRESS, ClusterSubmissions.GaveUp.of(
        fetchLetter("0a", FetchException.Reason.PRIVATE_ADDRESS, null)).orElseThrow().reason());
  }

  @Test
  void robotsTxtIsToldAsTheEmbeddedModeTellsIt() throws IOException {
    assertEquals(Submissions.ROBOTS, ClusterSubmissions.GaveUp.of(
        fetchLetter("0b", FetchException.Reason.ROBOTS, null)).orElseThrow().reason());
  }

  @Test
  void anHttpStatusIsToldWithItsNumber() throws IOException {
    assertEquals(Submissions.NOT_FETCHED + " (HTTP 404)", ClusterSubmissions.GaveUp.of(
        fetchLetter("0c", FetchException.Reason.HTTP_STATUS, 404)).orElseThrow().reason());
  }

  @Test
  void aPageWithNoArticleTextIsNotAnArticle() throws IOException {
    String json = KafkaMessages.write(new KafkaMessages.DeadLetter(KafkaTopics.PAGES, 0, 7, "k", 1,
        Pipeline.NO_TEXT, null, false, KafkaMessages.DeadLetter.Kind.NOT_AN_ARTICLE, null, null,
        ClusterSubmissions.ORIGIN + "0d"));
    assertEquals(Submissions.NOT_AN_ARTICLE, ClusterSubmissions.GaveUp.of(json).orElseThrow().reason());
  }

  @Test
  void aFetchReasonOfALaterLenteIsReadAsAnyFetchFailure() throws IOException {
    String json = fetchLetter("0e", FetchException.Reason.ROBOTS, null).replace("\"ROBOTS\"", "\"QUANTUM\"");
    assertEquals(Submissions.NOT_FETCHED, ClusterSubmissions.GaveUp.of(json).orElseThrow().reason());
  }

  @Test
  void somethingThatIsNoDeadLetterIsAnError() {
    assertThrows(IOException.class, () -> ClusterSubmissions.GaveUp.of("[1, 2"));
  }
}
