package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link CpuGroup} on the machine's real cgroup v1 controllers (skipped, saying why, when they cannot be used: not
 * root, or cgroup v2 only), with busy shell loops as members; and {@link ClusterBench}'s partitioning of pages.
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
      Process p = spin(g);
      try {
        Thread.sleep(300); // inside the group by now
        long cpu0 = g.usageNanos();
        CpuGroup.Throttling t0 = g.throttling();
        long wall0 = System.nanoTime();
        Thread.sleep(3000);
        double cpu = (g.usageNanos() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        CpuGroup.Throttling t = g.throttling().since(t0);
        assertTrue(cpu <= 0.1 * wall * 1.3, "used " + cpu + " CPU s in " + wall + " s under a 0.1 quota");
        assertTrue(t.share() > 0.5, "throttled in " + t + " periods");
      } finally {
        end(p);
      }
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
}
