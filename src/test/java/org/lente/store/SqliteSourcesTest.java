package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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

  @Test
  void handledUrlsSurviveReopeningAndNoOthersAreHandled() throws Exception {
    long id;
    try (SqliteSources sources = SqliteSources.open(dir)) {
      id = sources.add(Source.Kind.FEED, FEED, null, Duration.ofMinutes(15), T).id();
      sources.markHandled(id, "https://notizie.example/a");
    }
    try (SqliteSources sources = SqliteSources.open(dir)) {
      assertEquals(Set.of("https://notizie.example/a"),
          sources.handled(id, List.of("https://notizie.example/a", "https://notizie.example/b")));
    }
  }

  @Test
  void aRecordedPollKeepsTheSourcesMostRecentHandledUrlsOnly() throws Exception {
    try (SqliteSources sources = SqliteSources.open(dir)) {
      long id = sources.add(Source.Kind.SITEMAP, FEED, null, Duration.ofMinutes(15), T).id();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE))) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO source_urls (source_id, url, handled_at) VALUES (?, ?, ?)")) {
          for (int i = 0; i <= SqliteSources.MAX_HANDLED; i++) {
            ps.setLong(1, id);
            ps.setString(2, "https://notizie.example/" + i);
            ps.setString(3, T.toString());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
      }
      sources.recordPoll(id, Source.State.NEW, 0);

      String oldest = "https://notizie.example/0";
      String newest = "https://notizie.example/" + SqliteSources.MAX_HANDLED;
      assertEquals(Set.of(newest), sources.handled(id, List.of(oldest, newest)));
      assertEquals(SqliteSources.MAX_HANDLED, handledRows());
    }
  }

  @Test
  void aRemovedSourceTakesItsHandledUrlsAndMarksAfterItWriteNothing() throws Exception {
    try (SqliteSources sources = SqliteSources.open(dir)) {
      long id = sources.add(Source.Kind.FEED, FEED, null, Duration.ofMinutes(15), T).id();
      sources.markHandled(id, "https://notizie.example/a");
      sources.remove(id);
      sources.markHandled(id, "https://notizie.example/b");

      assertEquals(0, handledRows());
    }
  }

  private int handledRows() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM source_urls")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
