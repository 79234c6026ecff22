package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link ClusterBenchThreads}: a JVM's CPU by kind of thread from /proc, and {@link ClusterBench}'s wait for idle
 * compilers and its mean ± sd over repeats.
 */
class ClusterBenchThreadsTest {

  @Test
  void aStatLineGivesTheNameAndTheUserAndSystemTicksEvenWithSpacesAndParenthesesInTheName() throws IOException {
    ClusterBenchThreads.Stat s = ClusterBenchThreads.Stat.parse(
        "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 1077936192 120 0 0 0 31 7 0 0 20 0 40 0 1000 1 2 3");
    assertEquals("C2 CompilerThre", s.name());
    assertEquals(38, s.ticks());
    assertEquals("a (b) c", ClusterBenchThreads.Stat.parse("7 (a (b) c) R 1 2 3 4 5 6 7 8 9 10 2 3 0").name());
    assertThrows(IOException.class, () -> ClusterBenchThreads.Stat.parse("7 (java) R 1 2"));
  }

  @Test
  void threadsAreToldByTheirNamesAndTheRestOfTheProcessIsOther() {
    ClusterBenchThreads.Reading r = ClusterBenchThreads.of(new ClusterBenchThreads.Stat("java", 100), List.of(
        new ClusterBenchThreads.Stat("java", 1), new ClusterBenchThreads.Stat("java", 50),
        new ClusterBenchThreads.Stat("C1 CompilerThre", 10), new ClusterBenchThreads.Stat("C2 CompilerThre", 20),
        new ClusterBenchThreads.Stat("VM Thread", 5), new ClusterBenchThreads.Stat("kafka-coordinat", 4)), 0);
    long tick = ClusterBenchThreads.TICK_NANOS;
    assertEquals(30 * tick, r.nanos()[ClusterBenchThreads.Kind.COMPILER.ordinal()]);
    assertEquals(5 * tick, r.nanos()[ClusterBenchThreads.Kind.GC.ordinal()]);
    assertEquals(51 * tick, r.nanos()[ClusterBenchThreads.Kind.MAIN.ordinal()]);
    // the Kafka thread's 4 ticks and 10 of threads that ended (the process's whole 100 less the 86 named)
    assertEquals(14 * tick, r.nanos()[ClusterBenchThreads.Kind.OTHER.ordinal()]);
  }

  @Test
  void aLiveJvmsSpinningThreadIsCountedAsItsMainThread() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc here (Linux only)");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path src = Files.createTempFile("Spin", ".java");
    Files.writeString(src, "class Spin { public static void main(String[] a) { long s = 0; "
        + "for (long i = 0; i < Long.MAX_VALUE; i++) { s += i % 7; } System.out.println(s); } }");
    Process p = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC", src.toString()).start();
    try {
      Thread.sleep(4000); // compiled and running by now
      ClusterBenchThreads.Reading r0 = ClusterBenchThreads.read(p.pid());
      Thread.sleep(1500);
      ClusterBenchThreads.Reading r1 = ClusterBenchThreads.read(p.pid());
      double main = r1.secondsSince(r0, ClusterBenchThreads.Kind.MAIN);
      double rest = 0;
      for (ClusterBenchThreads.Kind k : ClusterBenchThreads.Kind.values()) {
        rest += k == ClusterBenchThreads.Kind.MAIN ? 0 : r1.secondsSince(r0, k);
      }
      assertTrue(main > 0.05, "the spinning main thread used " + main + " s");
      assertTrue(main > 2 * rest, "main " + main + " s against " + rest + " s in the other threads");
    } finally {
      p.destroyForcibly().waitFor();
      Files.delete(src);
    }
  }

  /** A history of readings one second apart, the compiler's ticks at each given. */
  private static List<ClusterBenchThreads.Reading> compiler(long... ticks) {
    List<ClusterBenchThreads.Reading> h = new ArrayList<>();
    for (int i = 0; i < ticks.length; i++) {
      h.add(new ClusterBenchThreads.Reading(i * 1000L, new long[] {ticks[i] * ClusterBenchThreads.TICK_NANOS, 0, 0,
          0}));
    }
    return h;
  }

  @Test
  void compilersAreIdleOnlyWhenEveryWorkersCompilerWasQuietOverTheWholeSpan() {
    long[] busyThenQuiet = new long[14];
    for (int i = 0; i < busyThenQuiet.length; i++) {
      busyThenQuiet[i] = Math.min(i, 3) * 20; // 0.2 CPUs for 3 s, then nothing
    }
    long[] quiet = new long[14];
    assertTrue(ClusterBench.compilersIdle(List.of(compiler(busyThenQuiet), compiler(quiet))));
    // the same, one second less: the busy seconds still fall within the last 10
    long[] shorter = java.util.Arrays.copyOf(busyThenQuiet, 13);
    assertFalse(ClusterBench.compilersIdle(List.of(compiler(shorter), compiler(quiet))));
    // under 10 s of readings: not yet known
    assertFalse(ClusterBench.compilersIdle(List.of(compiler(new long[5]))));
  }

  @Test
  void theMeanSdAndRangeOfRepeatsUseTheSampleSd() {
    assertEquals("2.00 ± 1.00 (1.00–3.00)", ClusterBench.meanSd(List.of(1.0, 2.0, 3.0), "%.2f"));
    assertEquals("5.0 ± 0.0 (5.0–5.0)", ClusterBench.meanSd(List.of(5.0), "%.1f"));
  }
}
