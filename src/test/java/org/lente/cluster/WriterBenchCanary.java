package org.lente.cluster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine's speed beside the writer's bench ({@link WriterRateBench}; docs/cluster-writer.md): a thread of the
 * bench's JVM that does one fixed pass of work every {@link #PAUSE_MILLIS} and records each pass's CPU time as a
 * {@link ClusterBenchCanary.Pass}. A pass puts strings made by concatenation into a hash map and looks them up (the
 * kind of work the writer's thread does most: short strings allocated, hashed and compared), about 10 ms of CPU, so
 * the canary takes some 10 % of a core.
 *
 * <p>Its work never changes, so its CPU milliseconds a pass change only with how fast the machine runs a CPU-second
 * then: two runs of the writer are compared at one machine speed by the ratio of their canaries' medians. Not
 * thread-safe beyond what its methods say: one owner starts and closes it.
 */
final class WriterBenchCanary implements AutoCloseable {

  /** The pause after each pass. */
  static final long PAUSE_MILLIS = 100;
  private static final int KEYS = 20_000;
  private static final int ROUNDS = 4;

  private final List<ClusterBenchCanary.Pass> passes = new ArrayList<>();
  private final Thread thread;
  /** What the passes computed, kept so that the compiler cannot drop their work. */
  private volatile long sink;

  /** Starts the canary's thread (a daemon). */
  WriterBenchCanary() {
    thread = Thread.ofPlatform().daemon().name("writer-bench-canary").start(this::run);
  }

  private void run() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "anchor-" + (i * 7919L % 100_003);
    }
    while (!Thread.currentThread().isInterrupted()) {
      long cpu = threads.getCurrentThreadCpuTime();
      Map<String, Integer> counts = new HashMap<>();
      for (int r = 0; r < ROUNDS; r++) {
        for (String k : keys) {
          counts.merge(k + r, 1, Integer::sum);
        }
      }
      long found = 0;
      for (String k : keys) {
        found += counts.getOrDefault(k + "0", 0);
      }
      sink += found;
      long used = threads.getCurrentThreadCpuTime() - cpu;
      synchronized (passes) {
        passes.add(new ClusterBenchCanary.Pass(System.currentTimeMillis(), Math.max(0, used)));
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * The median CPU milliseconds of the passes that ended in {@code (fromMillis, toMillis]} (wall clock, milliseconds
   * since the epoch) and their count: NaN and 0 when none did ({@link ClusterBenchCanary.Pass#medianMs}).
   */
  double[] medianMs(long fromMillis, long toMillis) {
    synchronized (passes) {
      return ClusterBenchCanary.Pass.medianMs(List.copyOf(passes), fromMillis, toMillis);
    }
  }

  /** Stops the thread and waits for it. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
  }
}
