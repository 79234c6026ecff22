package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceProgress;

/**
 * What every {@link Sources} does, run against each implementation: {@link SqliteSourcesTest} (a
 * real SQLite file) and {@link PostgresSourcesTest} (a real PostgreSQL server).
 */
abstract class SourcesContract {

  static final String FEED = "https://notizie.example/feed.xml";
  static final Instant T = Instant.parse("2026-03-08T10:00:00Z");
  static final Duration QUARTER = Duration.ofMinutes(15);

  /** Opens the sources under test; a second call opens the same data again. */
  abstract Sources open() throws Exception;

  /** A plain connection to the same database, in auto-commit, for what the contract checks beside the sources. */
  abstract Connection connect() throws Exception;

  @Test
  void aPollIsReadBackWithTheArticlesAddedToTheCount() throws Exception {
    try (Sources sources = open()) {
      Source s = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      Source.State failing = new Source.State(T, T.plusSeconds(900), new Validators("\"v1\"", null), 503,
          "HTTP 503", 0, T);
      sources.recordPoll(s.id(), failing, 2);
      sources.recordPoll(s.id(), failing, 3);

      assertEquals(failing.withArticlesAdded(5), sources.get(s.id()).orElseThrow().state());
    }
  }

  @Test
  void aSourceIsReadBackAsAddedWithItsTitleStripped() throws Exception {
    try (Sources sources = open()) {
      Source added = sources.add(Source.Kind.SITEMAP, "https://notizie.example/sitemap.xml", "  Notizie  ",
          Duration.ofHours(1), T);

      Source expected = new Source(added.id(), Source.Kind.SITEMAP, "https://notizie.example/sitemap.xml", "Notizie",
          Duration.ofHours(1), T, Source.State.NEW);
      assertEquals(expected, added);
      assertEquals(Optional.of(expected), sources.get(added.id()));
      assertEquals(Optional.of(expected), sources.byAddress("https://notizie.example/sitemap.xml"));
    }
  }

  @Test
  void sourcesAreListedOldestFirst() throws Exception {
    try (Sources sources = open()) {
      Source first = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      Source second = sources.add(Source.Kind.PAGE, "https://notizie.example/", "Prima pagina", QUARTER, T);

      assertEquals(List.of(first, second), sources.all());
    }
  }

  @Test
  void aSecondSourceAtTheSameAddressIsRefusedNamingTheFirst() throws Exception {
    try (Sources sources = open()) {
      Source first = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T);

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> sources.add(Source.Kind.FEED, FEED, "again", QUARTER, T));
      assertTrue(e.getMessage().contains("(id " + first.id() + ")"), e.getMessage());
      assertEquals(List.of(first), sources.all());
    }
  }

  @Test
  void aPollOfASourceRemovedMeanwhileIsNotWritten() throws Exception {
    try (Sources sources = open()) {
      Source s = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      assertTrue(sources.remove(s.id()));

      assertFalse(sources.recordPoll(s.id(), Source.State.NEW, 1));
      assertFalse(sources.remove(s.id()));
      assertEquals(0, sources.all().size());
    }
  }

  @Test
  void idsAreNeverGivenAgain() throws Exception {
    try (Sources sources = open()) {
      Source first = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      sources.remove(first.id());

      assertTrue(sources.add(Source.Kind.FEED, FEED, null, QUARTER, T).id() > first.id());
    }
  }

  @Test
  void lessThanASecondBetweenPollsIsRefused() throws Exception {
    try (Sources sources = open()) {
      assertThrows(IllegalArgumentException.class,
          () -> sources.add(Source.Kind.FEED, FEED, null, Duration.ofMillis(500), T));
    }
  }

  @Test
  void aNegativeCountOfArticlesAddedIsRefused() throws Exception {
    try (Sources sources = open()) {
      long id = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T).id();

      assertThrows(IllegalArgumentException.class, () -> sources.recordPoll(id, Source.State.NEW, -1));
    }
  }

  @Test
  void handledUrlsSurviveReopeningAndNoOthersAreHandled() throws Exception {
    long id;
    try (Sources sources = open()) {
      id = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T).id();
      sources.markHandled(id, "https://notizie.example/a");
    }
    try (Sources sources = open()) {
      assertEquals(Set.of("https://notizie.example/a"),
          sources.handled(id, List.of("https://notizie.example/a", "https://notizie.example/b")));
    }
  }

  @Test
  void aRecordedPollKeepsTheSourcesMostRecentHandledUrlsOnly() throws Exception {
    try (Sources sources = open()) {
      long id = sources.add(Source.Kind.SITEMAP, FEED, null, QUARTER, T).id();
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO source_urls (source_id, url, handled_at) VALUES (?, ?, ?)")) {
          for (int i = 0; i <= Sources.MAX_HANDLED; i++) {
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
      String newest = "https://notizie.example/" + Sources.MAX_HANDLED;
      assertEquals(Set.of(newest), sources.handled(id, List.of(oldest, newest)));
      assertEquals(Sources.MAX_HANDLED, handledRows());
    }
  }

  @Test
  void aRemovedSourceTakesItsHandledUrlsAndMarksAfterItWriteNothing() throws Exception {
    try (Sources sources = open()) {
      long id = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T).id();
      sources.markHandled(id, "https://notizie.example/a");
      sources.remove(id);
      sources.markHandled(id, "https://notizie.example/b");

      assertEquals(0, handledRows());
    }
  }

  /**
   * The progress an article write records in its own transaction ({@link SqlSources#write}): the URL
   * handled and the article counted, once however often the same URL comes again.
   */
  @Test
  void progressWrittenWithAnArticleMarksItsUrlAndCountsTheArticle() throws Exception {
    try (Sources sources = open()) {
      long id = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T).id();
      try (Connection c = connect()) {
        SqlSources.write(c::prepareStatement, new SourceProgress(id, "https://notizie.example/a", null), true, T);
        SqlSources.write(c::prepareStatement, new SourceProgress(id, "https://notizie.example/a", null), false, T);
      }

      assertEquals(Set.of("https://notizie.example/a"), sources.handled(id, List.of("https://notizie.example/a")));
      assertEquals(1, sources.get(id).orElseThrow().state().articlesAdded());
      assertEquals(1, handledRows());
    }
  }

  /** A feed's last article carries the poll's state, written with the article and counting it. */
  @Test
  void progressCarryingThePollWritesItsState() throws Exception {
    try (Sources sources = open()) {
      long id = sources.add(Source.Kind.FEED, FEED, null, QUARTER, T).id();
      Source.State polled = new Source.State(T, T.plusSeconds(900), new Validators(null, "Sun, 08 Mar 2026 09:00:00 GMT"),
          200, null, 0, null);
      try (Connection c = connect()) {
        SqlSources.write(c::prepareStatement, new SourceProgress(id, "https://notizie.example/a", polled), true, T);
      }

      assertEquals(polled.withArticlesAdded(1), sources.get(id).orElseThrow().state());
    }
  }

  private int handledRows() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM source_urls")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
