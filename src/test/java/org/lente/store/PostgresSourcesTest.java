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
    return PostgresSources.connect(cluster);
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
    IOException e = assertThrows(IOException.class, () -> PostgresSources.connect(empty));
    assertTrue(e.getMessage().contains("lente migrate"), e.getMessage());
  }

  /** A state after a poll at {@code at}, due again {@code next} later. */
  private static Source.State polledAt(Instant at, Duration next) {
    return new Source.State(at, at.plus(next), Validators.NONE, 200, null, 0, null);
  }

  @Test
  void aDueSourceIsClaimedByOneWorkerWhileItsClaimLasts() throws Exception {
    try (PostgresSources a = PostgresSources.connect(cluster); PostgresSources b = PostgresSources.connect(cluster)) {
      Source s = a.add(Source.Kind.FEED, FEED, null, QUARTER, T);

      assertEquals(Optional.of(s), a.claimDue("worker-a", Duration.ofMinutes(5)));
      assertEquals(Optional.empty(), b.claimDue("worker-b", Duration.ofMinutes(5)));
    }
  }

  @Test
  void anExpiredClaimIsTakenByAnotherWorkerAndTheFirstCannotRecordItsState() throws Exception {
    try (PostgresSources a = PostgresSources.connect(cluster); PostgresSources b = PostgresSources.connect(cluster)) {
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
    try (PostgresSources a = PostgresSources.connect(cluster); PostgresSources b = PostgresSources.connect(cluster)) {
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
    try (PostgresSources a = PostgresSources.connect(cluster); PostgresSources b = PostgresSources.connect(cluster)) {
      Source s = a.add(Source.Kind.FEED, FEED, null, QUARTER, T);
      a.claimDue("worker-a", Duration.ofMinutes(5));
      a.release(s.id(), "worker-a");

      assertEquals(Optional.of(s), b.claimDue("worker-b", Duration.ofMinutes(5)));
    }
  }

  /** The longest overdue first, then those never polled: a next poll written with nanoseconds is read as a time. */
  @Test
  void neverPolledSourcesComeFirstThenTheLongestOverdue() throws Exception {
    try (PostgresSources a = PostgresSources.connect(cluster)) {
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
          try (PostgresSources s = PostgresSources.connect(cluster)) {
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
}
