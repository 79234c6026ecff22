package org.lente.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A JVM's CPU time by kind of thread, from Linux's {@code /proc/PID/task/TID/stat}: how much of an analysis worker's
 * quota its JIT compiler and its collector take beside the analysis itself ({@link ClusterBench};
 * docs/cluster-bench.md), and of the knowledge writer's beside its writing ({@link WriterRateBench};
 * docs/cluster-writer.md).
 * HotSpot names its native threads, so the kind is told by the thread's name (Linux keeps its first 15 characters).
 * Linux only; the counters tick at {@code USER_HZ} (100 per second on Linux's user ABI), so a reading is exact to 10 ms
 * per thread.
 */
final class ClusterBenchThreads {

  /** Nanoseconds per clock tick of /proc's {@code utime} and {@code stime} (USER_HZ, 100 on Linux). */
  static final long TICK_NANOS = 10_000_000L;

  private ClusterBenchThreads() {
  }

  /** What a thread of a HotSpot JVM does, told by its name. */
  enum Kind {
    /** The JIT compilers: {@code C1 CompilerThread0}, {@code C2 CompilerThread0}. */
    COMPILER("compiler"),
    /** The VM thread, where the serial collector collects (at a safepoint), and any collector thread. */
    GC("VM thread (serial GC)"),
    /** The launcher's threads, both named {@code java}: the one running {@code main} runs the worker's loop. */
    MAIN("main (the worker's loop)"),
    /** Every other thread, ended ones included (Kafka's client threads, the JVM's service threads). */
    OTHER("other");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The kind of the thread named {@code name} (as /proc gives it: at most 15 characters). */
    static Kind of(String name) {
      if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
        return COMPILER;
      }
      if (name.equals("VM Thread") || name.contains("GC")) {
        return GC;
      }
      return name.equals("java") ? MAIN : OTHER;
    }
  }

  /**
   * One line of {@code /proc/…/stat}: the thread's (or process's) name and its CPU ticks, user and system.
   *
   * @param name the name between the first {@code (} and the last {@code )} (it may hold spaces and parentheses)
   * @param ticks {@code utime + stime}, in {@link #TICK_NANOS} units
   */
  record Stat(String name, long ticks) {
    Stat {
      if (ticks < 0) {
        throw new IllegalArgumentException("bad stat: " + name + " used " + ticks + " ticks");
      }
    }

    /** Parses a stat line; an IOException naming it when it is not one. */
    static Stat parse(String line) throws IOException {
      int open = line.indexOf('(');
      int close = line.lastIndexOf(')');
      if (open < 0 || close < open) {
        throw new IOException("not a /proc stat line: " + line);
      }
      String[] f = line.substring(close + 1).strip().split(" ");
      if (f.length < 13) { // state, then 10 fields, then utime (14th of the line) and stime (15th)
        throw new IOException("not a /proc stat line: " + line);
      }
      try {
        return new Stat(line.substring(open + 1, close), Long.parseLong(f[11]) + Long.parseLong(f[12]));
      } catch (NumberFormatException e) {
        throw new IOException("not a /proc stat line: " + line, e);
      }
    }
  }

  /**
   * A process's CPU by {@link Kind} at one moment.
   *
   * @param millis when, in milliseconds since the epoch
   * @param nanos CPU nanoseconds so far of each kind, indexed by {@link Kind#ordinal()}; {@link Kind#OTHER} is the
   *     process's whole CPU (ended threads included) less the living threads of the other kinds
   */
  record Reading(long millis, long[] nanos) {
    Reading {
      if (nanos.length != Kind.values().length || java.util.Arrays.stream(nanos).anyMatch(x -> x < 0)) {
        throw new IllegalArgumentException("bad thread reading: " + java.util.Arrays.toString(nanos) + " at " + millis);
      }
      nanos = nanos.clone();
    }

    @Override
    public long[] nanos() {
      return nanos.clone();
    }

    /** The CPU seconds of {@code kind} from {@code before} to this. */
    double secondsSince(Reading before, Kind kind) {
      return (nanos[kind.ordinal()] - before.nanos[kind.ordinal()]) / 1e9;
    }
  }

  /** The stats of a process and of each of its living threads, summed by {@link Kind}. */
  static Reading of(Stat process, List<Stat> threads, long millis) {
    long[] nanos = new long[Kind.values().length];
    long named = 0;
    for (Stat t : threads) {
      Kind k = Kind.of(t.name());
      if (k != Kind.OTHER) {
        nanos[k.ordinal()] += t.ticks() * TICK_NANOS;
        named += t.ticks() * TICK_NANOS;
      }
    }
    // a thread's ticks are counted at the tick, the process's a little apart: never below 0
    nanos[Kind.OTHER.ordinal()] = Math.max(0, process.ticks() * TICK_NANOS - named);
    return new Reading(millis, nanos);
  }

  /**
   * Reads process {@code pid}'s threads now.
   *
   * @throws IOException when the process has ended or /proc cannot be read
   */
  static Reading read(long pid) throws IOException {
    long millis = System.currentTimeMillis();
    Path proc = Path.of("/proc", Long.toString(pid));
    List<Stat> threads = new java.util.ArrayList<>();
    try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          threads.add(Stat.parse(Files.readString(task.resolve("stat"), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException ended) { // a thread that ended between the listing and its reading
        }
      }
    }
    Stat process = Stat.parse(Files.readString(proc.resolve("stat"), StandardCharsets.UTF_8));
    return of(process, threads, millis);
  }
}
