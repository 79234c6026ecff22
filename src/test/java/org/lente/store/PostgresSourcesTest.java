package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Source;

/** The sources contract on a real PostgreSQL server, a new database per test; and what only several writers meet. */
class PostgresSourcesTest extends SourcesContract {

  @RegisterExtension static final PostgresServer PG = new PostgresServer();

  @TempDir
  Path dir;

  private ClusterFile cluster;

  @BeforeEach
  void database() throws Exception {
    cluster = PG.newMigratedCluster(dir);
  }

  @Override
  Sources open() throws Exception {
    return PostgresSources.on(PG.connections(cluster));
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
  }

  /**
   * Another server adds the same address while this one adds it (its insert not yet committed, so
   * this one's check does not see it): this one waits for it and is told the address is taken.
   */
  @Test
  void anAddressAddedByAnotherServerAtTheSameTimeIsRefused() throws Exception {
    try (Sources sources = open()) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> OtherTransaction.during(cluster, List.of(
          "INSERT INTO polled_sources (kind, address, title, every_seconds, added_at) VALUES ('feed', '" + FEED
              + "', 'theirs', 900, '" + T + "')"),
          () -> sources.add(Source.Kind.FEED, FEED, "mine", QUARTER, T)));

      assertTrue(e.getCause() instanceof IllegalArgumentException, e.getCause().toString());
      assertEquals("theirs", sources.byAddress(FEED).orElseThrow().title());
    }
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedSayingToMigrate() throws Exception {
    ClusterFile empty = new ClusterFile(dir.resolve("cluster.properties"), PG.newDatabase(), PostgresServer.USER, null);
    IOException e = assertThrows(IOException.class, () -> PostgresSources.on(PG.connections(empty)));
    assertTrue(e.getMessage().contains("lente migrate"), e.getMessage());
  }

  /** A state after a poll at {@code at}, due again {@code next} later. */
  private static Source.State polledAt(Instant at, Duration next) {
    return new Source.State(at, at.plus(next), Validators.NONE, 200, null, 0, null);
  }

  @Test
  void aDueSourceIsClaimedByOneWorkerWhileItsClaimLasts() throws Exception {
    try (PostgresSources a = PostgresSources.on(PG.connections(cluster)); PostgresSources b = PostgresSources.on(PG.connections(cluster))) {
      Source s = a.add(Source.Kind.FEED, FEED, null, QUARTER, T);

      assertEquals(Optional.of(s), a.claimDue("worker-a", Duration.ofMinutes(5)));
      assertEquals(Optional.empty(), b.claimDue("worker-b", Duration.ofMinutes(5)));
    }
  }

  @Test
  void anExpiredClaimIsTakenByAnotherWorkerAndTheFirstCannotRecordItsState() throws Exception {
    try (PostgresSources a = PostgresSources.on(PG.connections(cluster)); PostgresSources b = PostgresSources.on(PG.connections(cluster))) {
      Source s = a.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      a.claimDue("worker-a", Duration.ofSeconds(1));
      Thread.sleep(1_300);

      assertEquals(Optional.of(s), b.claimDue("worker-b", Duration.ofMinutes(5)));
      assertFalse(a.finishPoll(s.id(), "worker-a", polledAt(Instant.now(), QUARTER), List.of(FEED + "#1")));
      assertEquals(Source.State.NEW, a.get(s.id()).orElseThrow().state(), "the state is left to worker-b");
      assertEquals(Set.of(FEED + "#1"), a.handled(s.id(), List.of(FEED + "#1")), "what was handed on is marked");
      assertTrue(b.finishPoll(s.id(), "worker-b", polledAt(Instant.now(), QUARTER), List.of()));
    }
  }

  @Test
  void aFinishedPollEndsTheClaimAndTheSourceIsDueAgainAtItsNextPoll() throws Exception {
    try (PostgresSources a = PostgresSources.on(PG.connections(cluster)); PostgresSources b = PostgresSources.on(PG.connections(cluster))) {
      Source s = a.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      a.claimDue("worker-a", Duration.ofMinutes(5));
      assertTrue(a.finishPoll(s.id(), "worker-a", polledAt(Instant.now(), Duration.ofSeconds(1)), List.of()));

      assertEquals(Optional.empty(), b.claimDue("worker-b", Duration.ofMinutes(5)), "not due yet");
      Thread.sleep(1_300);
      assertEquals(s.id(), b.claimDue("worker-b", Duration.ofMinutes(5)).orElseThrow().id());
    }
  }

  @Test
  void aReleasedClaimLetsAnotherWorkerTakeTheSourceAtOnce() throws Exception {
    try (PostgresSources a = PostgresSources.on(PG.connections(cluster)); PostgresSources b = PostgresSources.on(PG.connections(cluster))) {
      Source s = a.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      a.claimDue("worker-a", Duration.ofMinutes(5));
      a.release(s.id(), "worker-a");

      assertEquals(Optional.of(s), b.claimDue("worker-b", Duration.ofMinutes(5)));
    }
  }

  /** The longest overdue first, then those never polled: a next poll written with nanoseconds is read as a time. */
  @Test
  void neverPolledSourcesComeFirstThenTheLongestOverdue() throws Exception {
    try (PostgresSources a = PostgresSources.on(PG.connections(cluster))) {
      Source late = a.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      Source later = a.add(Source.Kind.FEED, "https://notizie.example/b.xml", null, QUARTER, T);
      Source fresh = a.add(Source.Kind.FEED, "https://notizie.example/c.xml", null, QUARTER, T);
      a.recordPoll(later.id(), polledAt(Instant.parse("2026-01-01T10:00:00.123456789Z"), Duration.ZERO), 0);
      a.recordPoll(late.id(), polledAt(Instant.parse("2026-01-01T10:00:00.5Z"), Duration.ZERO), 0);

      List<Long> order = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        order.add(a.claimDue("worker-a", Duration.ofMinutes(5)).orElseThrow().id());
      }
      assertEquals(List.of(fresh.id(), later.id(), late.id()), order);
    }
  }

  /** Four workers claim at once, each on its own connections, until nothing is due: each source goes to one. */
  @Test
  void workersClaimingAtTheSameTimeEachGetOtherSources() throws Exception {
    try (Sources sources = open()) {
      for (int i = 0; i < 40; i++) {
        sources.add(Source.Kind.FEED, "https://notizie.example/" + i + ".xml", null, QUARTER, T);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> claimed = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        String holder = "worker-" + w;
        Callable<List<Long>> claimAll = () -> {
          List<Long> mine = new ArrayList<>();
          try (PostgresSources s = PostgresSources.on(PG.connections(cluster))) {
            // more than 40 claims by one worker can only be a source claimed twice: stop there, not loop forever
            for (Optional<Source> c = s.claimDue(holder, Duration.ofMinutes(5)); c.isPresent() && mine.size() <= 40;
                c = s.claimDue(holder, Duration.ofMinutes(5))) {
              mine.add(c.get().id());
            }
          }
          return mine;
        };
        claimed.add(pool.submit(claimAll));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : claimed) {
        all.addAll(f.get());
      }
      assertEquals(40, all.size(), "claimed " + all);
      assertEquals(40, Set.copyOf(all).size(), "a source claimed twice: " + all);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A next poll is read as the instant its text says, by the database's own reading of each offset, whatever the
   * session's time zone: as written by Lente (Z, with 0 to 9 decimals), with an offset, with none (UTC).
   */
  @Test
  void aNextPollsTextIsReadAsItsInstantInAnyTimeZone() throws Exception {
    try (Connection c = connect(); java.sql.Statement st = c.createStatement()) {
      st.execute("SET timezone = 'Pacific/Kiritimati'"); // +14:00, where a text read as local time is 14 h off
      List<String> texts = List.of("2026-03-08T10:00:00Z", "2026-03-08T10:00:00.5Z", "2026-03-08T10:00:00.123456Z",
          "2026-03-08T10:00:00.123456789Z", "2026-03-08T11:30:00+01:30", "2026-03-08T04:00:00-0600",
          "2026-02-28T23:59:59+00:00", "2024-02-29T12:00:00Z", "1969-12-31T23:59:59.999999Z");
      for (String t : texts) {
        assertEquals(List.of("t"), ArticleStoreContract.rows(c, "SELECT lente_instant('" + t + "') = '" + t + "'::timestamptz"), t);
      }
      assertEquals(List.of("t"), ArticleStoreContract.rows(c, "SELECT lente_instant('2026-03-08T10:00:00') = '2026-03-08T10:00:00Z'"
          + "::timestamptz"), "no offset is UTC, not the session's zone");
      assertEquals(List.of("null"), ArticleStoreContract.rows(c, "SELECT coalesce(lente_instant('next week')::text, 'null')"));
    }
  }

  /** Due or not by the instant, with sources whose next poll is written with offsets and in a far time zone. */
  @Test
  void aSourceIsDueByItsNextPollsInstantWhateverItsOffset() throws Exception {
    Instant now = Instant.now();
    try (PostgresSources a = PostgresSources.on(PG.connections(cluster)); Connection c = connect();
        java.sql.Statement st = c.createStatement()) {
      st.execute("ALTER DATABASE " + cluster.postgresUrl().substring(cluster.postgresUrl().lastIndexOf('/') + 1)
          + " SET timezone = 'Pacific/Kiritimati'");
      Source dueAtKiritimati = a.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      Source notDueInUtc = a.add(Source.Kind.FEED, "https://notizie.example/b.xml", null, QUARTER, T);
      Source dueLongAgo = a.add(Source.Kind.FEED, "https://notizie.example/c.xml", null, QUARTER, T);
      // an hour ago written at +14:00 (its wall clock 13 h ahead of UTC's), an hour ahead written in UTC
      st.executeUpdate("UPDATE polled_sources SET next_poll = '" + now.minus(Duration.ofHours(1))
          .atOffset(java.time.ZoneOffset.ofHours(14)) + "' WHERE id = " + dueAtKiritimati.id());
      st.executeUpdate("UPDATE polled_sources SET next_poll = '" + now.plus(Duration.ofHours(1)) + "' WHERE id = "
          + notDueInUtc.id());
      st.executeUpdate("UPDATE polled_sources SET next_poll = '" + now.minus(Duration.ofHours(2))
          .atOffset(java.time.ZoneOffset.ofHours(-10)) + "' WHERE id = " + dueLongAgo.id());
      try (PostgresSources b = PostgresSources.on(PG.connections(cluster))) { // its connections in the database's new zone
        assertEquals(dueLongAgo.id(), b.claimDue("worker-b", Duration.ofMinutes(5)).orElseThrow().id());
        assertEquals(dueAtKiritimati.id(), b.claimDue("worker-b", Duration.ofMinutes(5)).orElseThrow().id());
        assertEquals(Optional.empty(), b.claimDue("worker-b", Duration.ofMinutes(5)), "not due for an hour");
      }
    }
  }

  /** With thousands of sources, none due, the claim's look for a due source reads the index, not every source. */
  @Test
  void theLookForADueSourceReadsTheIndexNotEverySource() throws Exception {
    try (Connection c = connect(); java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO polled_sources (kind, address, every_seconds, added_at, next_poll) "
          + "SELECT 'feed', 'https://notizie.example/' || g || '.xml', 900, '" + T + "', "
          + "to_char(now() AT TIME ZONE 'UTC' + g * interval '1 minute', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
          + "FROM generate_series(1, 5000) g");
      st.execute("ANALYZE polled_sources");
      String plan = String.join("\n", ArticleStoreContract.rows(c, "EXPLAIN " + PostgresSources.DUE));
      assertTrue(plan.contains("Index Scan using polled_sources_due") && plan.contains("Index Cond: (due_at <="),
          plan);
    }
    try (PostgresSources a = PostgresSources.on(PG.connections(cluster))) {
      assertEquals(Optional.empty(), a.claimDue("worker-a", Duration.ofMinutes(5)), "none is due");
    }
  }
}
