package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Source;

/** The polled sources in a real SQLite file. */
class SqliteSourcesTest {

  private static final String FEED = "https://notizie.example/feed.xml";
  private static final Instant T = Instant.parse("2026-03-08T10:00:00Z");

  @TempDir Path dir;

  @Test
  void aPollIsReadBackWithTheArticlesAddedToTheCount() throws Exception {
    try (SqliteSources sources = SqliteSources.open(dir)) {
      Source s = sources.add(Source.Kind.FEED, FEED, null, Duration.ofMinutes(15), T);
      Source.State failing = new Source.State(T, T.plusSeconds(900), new Validators("\"v1\"", null), 503,
          "HTTP 503", 0, T);
      sources.recordPoll(s.id(), failing, 2);
      sources.recordPoll(s.id(), failing, 3);

      assertEquals(failing.withArticlesAdded(5), sources.get(s.id()).orElseThrow().state());
    }
  }

  @Test
  void aPollOfASourceRemovedMeanwhileIsNotWritten() throws Exception {
    try (SqliteSources sources = SqliteSources.open(dir)) {
      Source s = sources.add(Source.Kind.FEED, FEED, null, Duration.ofMinutes(15), T);
      sources.remove(s.id());

      assertFalse(sources.recordPoll(s.id(), Source.State.NEW, 1));
      assertEquals(0, sources.all().size());
    }
  }

  @Test
  void idsAreNeverGivenAgain() throws Exception {
    try (SqliteSources sources = SqliteSources.open(dir)) {
      Source first = sources.add(Source.Kind.FEED, FEED, null, Duration.ofMinutes(15), T);
      sources.remove(first.id());

      assertEquals(first.id() + 1, sources.add(Source.Kind.FEED, FEED, null, Duration.ofMinutes(15), T).id());
    }
  }

  @Test
  void lessThanASecondBetweenPollsIsRefused() throws Exception {
    try (SqliteSources sources = SqliteSources.open(dir)) {
      assertThrows(IllegalArgumentException.class,
          () -> sources.add(Source.Kind.FEED, FEED, null, Duration.ofMillis(500), T));
    }
  }
}
