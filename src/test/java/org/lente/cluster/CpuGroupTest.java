package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link CpuGroup} on the machine's real cgroup v1 controllers (skipped, saying why, when they cannot be used: not
 * root, or cgroup v2 only), with busy shell loops as members; and {@link ClusterBench}'s partitioning of pages, its
 * busy window, and its crediting of articles and CPU to workers.
 */
class CpuGroupTest {

  private static final String NAME = "lente-test-" + ProcessHandle.current().pid() + "-";

  private static CpuGroup group(String name) throws IOException {
    String why = CpuGroup.unavailable();
    Assumptions.assumeTrue(why == null, why);
    return CpuGroup.create(NAME + name);
  }

  /** A shell spinning on one CPU, started inside {@code group}. */
  private static Process spin(CpuGroup group) throws IOException {
    return new ProcessBuilder("sh", "-c", group.enterAndExec(), "sh", "-c", "while :; do :; done").start();
  }

  private static void end(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
  }

  @Test
  void aBusyProcessUnderATenthOfACpuIsThrottledToATenth() throws Exception {
    try (CpuGroup g = group("quota")) {
      g.limit(0.1);
      g.weigh(16 * 1024); // on a loaded machine (a bench's weighed groups beside it) it still gets its tenth
      Process p = spin(g);
      try {
        Thread.sleep(300); // inside the group by now
        CpuGroup.Reading r0 = g.reading();
        Thread.sleep(3000);
        CpuGroup.Reading r1 = g.reading();
        double cpus = r1.cpusSince(r0);
        CpuGroup.Throttling t = r1.throttling().since(r0.throttling());
        assertTrue(cpus > 0 && cpus <= 0.13, "used " + cpus + " CPUs under a 0.1 quota");
        assertTrue(t.share() > 0.5, "throttled in " + t + " periods");
      } finally {
        end(p);
      }
    }
  }

  @Test
  void aTenthOverOneSecondPeriodsRunsInLongerSlicesAndStillTakesATenth() throws Exception {
    try (CpuGroup g = group("period")) {
      g.limit(0.1, 1_000_000);
      g.weigh(16 * 1024);
      Process p = spin(g);
      try {
        Thread.sleep(300);
        CpuGroup.Reading r0 = g.reading();
        Thread.sleep(4000);
        CpuGroup.Reading r1 = g.reading();
        double cpus = r1.cpusSince(r0);
        CpuGroup.Throttling t = r1.throttling().since(r0.throttling());
        assertTrue(cpus > 0.05 && cpus <= 0.13, "used " + cpus + " CPUs under a 0.1 quota over 1 s periods");
        // 4 s hold 3 to 5 one-second periods, where 100 ms periods would give about 40
        assertTrue(t.periods() >= 3 && t.periods() <= 6, "periods in 4 s: " + t);
      } finally {
        end(p);
      }
    }
  }

  @Test
  void aPeriodOutsideTheKernelsBoundsIsRefused() throws Exception {
    try (CpuGroup g = group("badperiod")) {
      assertThrows(IllegalArgumentException.class, () -> g.limit(0.1, 999));
      assertThrows(IllegalArgumentException.class, () -> g.limit(0.1, 1_000_001));
    }
  }

  @Test
  void usageCountsTheMembersCpuAndNotOthers() throws Exception {
    try (CpuGroup busy = group("busy"); CpuGroup idle = group("idle")) {
      Process p = spin(busy);
      Process q = new ProcessBuilder("sh", "-c", idle.enterAndExec(), "sleep", "5").start();
      try {
        Thread.sleep(1500);
        assertTrue(busy.usageNanos() > 50_000_000L, "a spinning member used " + busy.usageNanos() + " ns");
        assertTrue(idle.usageNanos() < 50_000_000L, "a sleeping member used " + idle.usageNanos() + " ns");
      } finally {
        end(p);
        end(q);
      }
    }
  }

  @Test
  void aGroupWithALivingMemberIsNotRemovedAndSaysWhoHoldsIt() throws Exception {
    CpuGroup g = group("held");
    Process p = new ProcessBuilder("sh", "-c", g.enterAndExec(), "sleep", "30").start();
    try {
      Thread.sleep(300);
      IOException e = assertThrows(IOException.class, g::close);
      assertTrue(e.getMessage().contains(Long.toString(p.pid())), e.getMessage());
    } finally {
      end(p);
      g.close();
    }
  }

  @Test
  void releaseAlsoMovesTheChildrenAMemberForksWhileItIsMoved() throws Exception {
    CpuGroup g = group("forking");
    // a parent forking a child every 5 ms, as PostgreSQL's postmaster starts backends and autovacuum workers
    Process p = new ProcessBuilder("sh", "-c", g.enterAndExec(), "sh", "-c",
        "while :; do sleep 2 & sleep 0.005; done").start();
    try {
      Thread.sleep(500);
      g.release();
      g.close(); // fails naming the members left in the group
    } finally {
      end(p);
    }
  }

  @Test
  void pagesAreSpreadSoPartitionsHoldEqualCountsAndNearlyEqualBytes() {
    long[] sizes = {100, 900, 800, 200, 600, 500, 300, 400, 700};
    int[] to = ClusterBench.balance(sizes, 3);
    long[] count = new long[3];
    long[] bytes = new long[3];
    for (int i = 0; i < sizes.length; i++) {
      count[to[i]]++;
      bytes[to[i]] += sizes[i];
    }
    assertArrayEquals(new long[] {3, 3, 3}, count, "pages per partition");
    assertArrayEquals(new long[] {1600, 1500, 1400}, bytes, "bytes per partition: 900+400+300, 800+500+200, "
        + "700+600+100");
  }

  @Test
  void warmUpGivesEveryWorkerItsOwnCountOnItsOwnPartitions() {
    // 3 workers of 2, 2 and 1 partitions (unequal shares, to check the count does not follow the share), 3 each
    int[] to = ClusterBench.dealWarmup(java.util.List.of(java.util.List.of(0, 3), java.util.List.of(1, 4),
        java.util.List.of(2)), 3);
    assertArrayEquals(new int[] {0, 3, 0, 1, 4, 1, 2, 2, 2}, to);
  }

  @Test
  void theBusyWindowRunsFromTheLastWorkersFirstArticleToTheFirstWorkersLast() {
    // worker 1 begins last (1500) and worker 0 runs out first (4000); worker 1's 9000 is its tail alone
    ClusterBench.Busy b = ClusterBench.Busy.of(List.of(List.of(1000L, 2000L, 3000L, 4000L),
        List.of(1500L, 2500L, 9000L)));
    assertEquals(new ClusterBench.Busy(1500, 4000, 4), b, "2000, 3000, 4000 and 2500 in (1500, 4000]");
  }

  @Test
  void aWorkerWithFewerThanTwoArticlesLeavesNoBusyWindow() {
    assertNull(ClusterBench.Busy.of(List.of(List.of(1000L, 2000L, 3000L), List.of(1500L))));
  }

  @Test
  void efficiencyComesFromTheBusyWindowNotFromTheIdleTail() {
    // one worker: 10 articles in 10 s (1/s); two: 10 articles in 5 s while both were busy (2/s), then one alone
    // with the other 10 until 20 s (over the whole run 1/s, an efficiency of 0.5)
    ClusterBench.Run one = run(1, 10, new ClusterBench.Busy(0, 10_000, 10));
    ClusterBench.Run two = run(2, 20, new ClusterBench.Busy(0, 5_000, 10));
    assertEquals(1.0, two.efficiency(one), 1e-9);
  }

  private static ClusterBench.Run run(int n, double wall, ClusterBench.Busy busy) {
    return run(n, wall, busy, List.of());
  }

  private static ClusterBench.Run run(int n, double wall, ClusterBench.Busy busy, List<ClusterBench.Done> done) {
    return run(n, wall, busy, done, Double.NaN, 0);
  }

  private static ClusterBench.Run run(int n, double wall, ClusterBench.Busy busy, List<ClusterBench.Done> done,
      double canaryMs, int canaryPasses) {
    List<ClusterBench.WorkerPart> parts = java.util.Collections.nCopies(n, new ClusterBench.WorkerPart(24 / n, 10, 1,
        wall, wall * 0.1, 0.1, new CpuGroup.Throttling(10, 9, 0), 10, null, 0));
    return new ClusterBench.Run(n, 0.1, 10 * n, wall, busy, parts, done, 1, 1, 1, 1, 1, new double[] {1, 1}, false,
        canaryMs, canaryPasses);
  }

  @Test
  void aSlowerMachineInTheWindowRaisesTheEfficiencyAtTheFirstRunsSpeedByTheCanarysRatio() {
    // the same articles at 1/s with two workers as with one (0.5), while the canary's pass cost 120 ms against 100:
    // at the first run's speed each quota-second would have done 1.2 times the work (0.6)
    List<ClusterBench.Done> oneDone = List.of(new ClusterBench.Done(0, 0, 1000), new ClusterBench.Done(1, 0, 2000),
        new ClusterBench.Done(2, 0, 3000));
    ClusterBench.Run one = run(1, 3, new ClusterBench.Busy(1000, 3000, 2), oneDone, 100, 5);
    List<ClusterBench.Done> twoDone = List.of(new ClusterBench.Done(0, 0, 1000), new ClusterBench.Done(1, 0, 2000),
        new ClusterBench.Done(3, 1, 1000), new ClusterBench.Done(2, 1, 2000));
    ClusterBench.Run two = new ClusterBench.Run(2, 0.1, 4, 2, new ClusterBench.Busy(1000, 3000, 2),
        java.util.Collections.nCopies(2, new ClusterBench.WorkerPart(12, 2, 1, 2, 0.2, 0.1,
            new CpuGroup.Throttling(10, 9, 0), 1, null, 0)), twoDone, 1, 1, 1, 1, 1, new double[] {1, 1}, false, 120, 4);
    assertEquals(0.5, two.efficiency(one), 1e-9, "2 articles in 2 s at n = 2 as at n = 1");
    assertEquals(0.5, two.sameWorkEfficiency(one), 1e-9, "articles of the same cost at n = 1");
    assertEquals(1.2, two.slowdown(one), 1e-9);
    assertEquals(0.6, two.atFirstSpeed(one), 1e-9);
    assertTrue(Double.isNaN(run(1, 3, new ClusterBench.Busy(1000, 3000, 2), oneDone).slowdown(one)),
        "no canary pass in the window: no slowdown");
  }

  @Test
  void aRunsCanaryFiguresMustAgreeOnWhetherAnyPassWasSeen() {
    assertThrows(IllegalArgumentException.class, () -> run(1, 3, new ClusterBench.Busy(1000, 3000, 2), List.of(),
        100, 0));
    assertThrows(IllegalArgumentException.class, () -> run(1, 3, new ClusterBench.Busy(1000, 3000, 2), List.of(),
        Double.NaN, 3));
  }

  @Test
  void theCanarysPassesAreReadPastItsWarmUpMarkerAndAHalfWrittenLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("canary.tsv");
    Files.writeString(out, ClusterBenchCanary.WARM + "\n1000\t50000000\n2000\t70000000\n3000\t60000000\n"
        + "4000\t90000000\n50");
    List<ClusterBenchCanary.Pass> passes = ClusterBenchCanary.Pass.read(out);
    assertEquals(4, passes.size());
    // (1000, 4000]: 70, 60, 90 ms: the median 70; (1000, 3000]: 70 and 60, the mean of the two middle ones
    assertArrayEquals(new double[] {70, 3}, ClusterBenchCanary.Pass.medianMs(passes, 1000, 4000), 1e-9);
    assertArrayEquals(new double[] {65, 2}, ClusterBenchCanary.Pass.medianMs(passes, 1000, 3000), 1e-9);
    double[] none = ClusterBenchCanary.Pass.medianMs(passes, 4000, 9000);
    assertTrue(Double.isNaN(none[0]) && none[1] == 0, "no pass in the window");
  }

  @Test
  void anArticlesCostIsTheTimeSinceItsWorkersPreviousOneAtItsCpus() {
    // one worker at 0.1 CPU: articles 7, 3, 5 done at 1 s, 2 s and 5 s: 3 took 0.1 CPU s, 5 took 0.3; 7 is unknown
    ClusterBench.Run r = run(1, 5, new ClusterBench.Busy(1000, 5000, 2), List.of(new ClusterBench.Done(3, 0, 2000),
        new ClusterBench.Done(7, 0, 1000), new ClusterBench.Done(5, 0, 5000)));
    Map<Integer, Double> costs = r.costs();
    assertEquals(java.util.Set.of(3, 5), costs.keySet());
    assertEquals(0.1, costs.get(3), 1e-9);
    assertEquals(0.3, costs.get(5), 1e-9);
  }

  @Test
  void theSameWorkEfficiencyCountsEachArticleByItsCostInTheFirstRun() {
    // at n = 1 (0.5 articles/s while busy), articles 1 (0.1 CPU s) and 2 (0.3) after 0; at n = 2 (1 article/s while
    // both were busy) the window held only article 2, the dearer: efficiency 1.0 counting articles, 1.5 counting work
    ClusterBench.Run one = run(1, 5, new ClusterBench.Busy(1000, 5000, 2), List.of(new ClusterBench.Done(0, 0, 1000),
        new ClusterBench.Done(1, 0, 2000), new ClusterBench.Done(2, 0, 5000)));
    ClusterBench.Run two = run(2, 5, new ClusterBench.Busy(1000, 2000, 1), List.of(new ClusterBench.Done(0, 0, 1000),
        new ClusterBench.Done(1, 1, 900), new ClusterBench.Done(2, 1, 2000)));
    assertEquals(1.0, two.efficiency(one), 1e-9);
    assertEquals(1.5, two.sameWorkEfficiency(one), 1e-9);
  }

  @Test
  void aRunOfMoreWorkersIsSentTheMeasuredTextsAgainUntilEachHasItsCountOnAverage() {
    assertEquals(1, ClusterBench.passes(1, 384, 96));
    assertEquals(1, ClusterBench.passes(4, 384, 96), "4 workers share 384 articles, 96 each");
    assertEquals(2, ClusterBench.passes(8, 384, 96), "8 workers need 768");
    assertEquals(3, ClusterBench.passes(8, 100, 30), "240 of 100 texts: three passes");
    assertEquals(1, ClusterBench.passes(8, 384, 0), "0: once, whatever n");
    assertThrows(IllegalArgumentException.class, () -> ClusterBench.passes(0, 384, 96));
  }

  @Test
  void aLaterPassSendsEachTextAsANewArticleToItsPartitionWithItsMeasuredIndex(
      @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    List<Path> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      texts.add(Files.writeString(dir.resolve("t" + i + ".txt"), "Un articolo di prova numero " + i + ". ".repeat(i + 1)));
    }
    var first = ClusterBench.pages(dir, texts, null, true);
    var again = ClusterBench.pages(dir, texts, java.util.Collections.nCopies(texts.size(), "pass1/"), true);
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(first.get(i).partition(), again.get(i).partition(), "the same partition, so the same worker");
      assertNotEquals(first.get(i).key(), again.get(i).key(), "another article");
      assertEquals(ClusterBench.Measured.parse(KafkaMessages.read(first.get(i).value(),
          KafkaMessages.FetchedPage.class).origin()), ClusterBench.Measured.parse(KafkaMessages.read(
          again.get(i).value(), KafkaMessages.FetchedPage.class).origin()), "the same measured text");
    }
  }

  @Test
  void aMeasuredPagesOriginNamesItsPartitionAndArticle() throws IOException {
    ClusterBench.Measured m = new ClusterBench.Measured(17, 130);
    assertEquals(m, ClusterBench.Measured.parse(m.origin()));
    assertThrows(IOException.class, () -> ClusterBench.Measured.parse("bench warm-up"));
    assertThrows(IOException.class, () -> ClusterBench.Measured.parse(null));
  }

  @Test
  void aWorkersCpusInAWindowComeFromTheReadingsAroundIt() {
    // a reading every 100 ms; 10 ms of CPU per 100 ms until 300, then 50 ms per 100 ms
    List<CpuGroup.Reading> rs = new java.util.ArrayList<>();
    long[] usedMs = {0, 10, 20, 30, 80, 130};
    for (int i = 0; i < usedMs.length; i++) {
      rs.add(new CpuGroup.Reading(i * 100L, usedMs[i] * 1_000_000, new CpuGroup.Throttling(i, i, 0)));
    }
    CpuGroup.Reading[] around = ClusterBench.WorkerPart.around(rs, 150, 250);
    assertEquals(100, around[0].millis());
    assertEquals(300, around[1].millis());
    assertEquals(0.1, around[1].cpusSince(around[0]), 1e-9);
    assertEquals(0.5, ClusterBench.WorkerPart.around(rs, 300, 500)[1].cpusSince(ClusterBench.WorkerPart.around(rs,
        300, 500)[0]), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> ClusterBench.WorkerPart.around(rs, 200, 600));
  }

  @Test
  void eachPartitionIsCreditedToTheWorkerWhoseProcessHoldsIt() throws IOException {
    Map<String, List<TopicPartition>> members = Map.of(
        "g-12", List.of(new TopicPartition(KafkaTopics.PAGES, 0), new TopicPartition(KafkaTopics.PAGES, 2)),
        "g-123", List.of(new TopicPartition(KafkaTopics.PAGES, 1)));
    int[] owner = ClusterBench.owners(members, List.of(123L, 12L));
    assertArrayEquals(new int[] {1, 0, 1, -1}, java.util.Arrays.copyOf(owner, 4));
    IOException e = assertThrows(IOException.class, () -> ClusterBench.owners(members, List.of(123L)));
    assertTrue(e.getMessage().contains("g-12 "), e.getMessage());
  }

  @Test
  void theSpreadOfArticlesCostsNamesTheCostliestTenthsShare() {
    Map<Integer, Double> costs = new java.util.HashMap<>();
    for (int a = 0; a < 19; a++) {
      costs.put(a, 0.05);
    }
    costs.put(19, 1.05); // one article in 20 takes half the CPU
    assertEquals("20 articles: median 50 ms, mean 100 ms, largest 1050 ms; the costliest 2 took 55% of the CPU",
        ClusterBench.spread(costs));
  }
}
