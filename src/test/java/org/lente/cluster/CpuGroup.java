package org.lente.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A control group of cgroup v1's {@code cpu} and {@code cpuacct} controllers (mounted at {@code /sys/fs/cgroup/cpu}
 * and {@code /sys/fs/cgroup/cpuacct}, separately or together): a CPU quota for the processes in it, and the CPU time
 * they used. Processes forked by a member are members too (a PostgreSQL server's backends). Creating one needs root.
 *
 * <p>Used by {@link ClusterBench} to give each analysis worker a fraction of a CPU and to measure every process's
 * CPU time, the workers' and the servers'. Not thread-safe.
 */
final class CpuGroup implements AutoCloseable {

  static final Path CPU = Path.of("/sys/fs/cgroup/cpu");
  static final Path CPUACCT = Path.of("/sys/fs/cgroup/cpuacct");
  /** The most passes {@link #release} makes over a group whose members keep forking into it. */
  static final int RELEASE_PASSES = 100;

  /**
   * The throttling a group's quota caused so far ({@code cpu.stat}).
   *
   * @param periods enforcement periods in which a member was runnable
   * @param throttled periods in which the group used its whole quota and waited
   * @param throttledNanos how long it waited, in all
   */
  record Throttling(long periods, long throttled, long throttledNanos) {
    Throttling {
      if (periods < 0 || throttled < 0 || throttled > periods || throttledNanos < 0) {
        throw new IllegalArgumentException("bad throttling: periods=" + periods + ", throttled=" + throttled
            + ", throttledNanos=" + throttledNanos);
      }
    }

    /** What happened from {@code before} to this. */
    Throttling since(Throttling before) {
      return new Throttling(periods - before.periods, throttled - before.throttled,
          throttledNanos - before.throttledNanos);
    }

    /** The share of the periods that were throttled; 0 without periods. */
    double share() {
      return periods == 0 ? 0 : (double) throttled / periods;
    }
  }

  /**
   * A group's counters read at one moment.
   *
   * @param millis when, in milliseconds since the epoch (the clock of Kafka's record timestamps)
   * @param usageNanos {@link #usageNanos()} then
   * @param throttling {@link #throttling()} then
   */
  record Reading(long millis, long usageNanos, Throttling throttling) {
    Reading {
      if (usageNanos < 0) {
        throw new IllegalArgumentException("bad reading: usageNanos=" + usageNanos + " at " + millis);
      }
      java.util.Objects.requireNonNull(throttling, "throttling");
    }

    /** The CPU seconds used from {@code before} to this, per wall second between the two readings. */
    double cpusSince(Reading before) {
      if (millis <= before.millis) {
        throw new IllegalArgumentException("readings out of order: " + before.millis + " then " + millis);
      }
      return (usageNanos - before.usageNanos) / 1e6 / (millis - before.millis);
    }
  }

  private final Path cpu;
  private final Path cpuacct;

  private CpuGroup(Path cpu, Path cpuacct) {
    this.cpu = cpu;
    this.cpuacct = cpuacct;
  }

  /** Null when groups can be made here, else why not. */
  static String unavailable() {
    if (!Files.isWritable(CPU.resolve("cgroup.procs")) || !Files.isRegularFile(CPU.resolve("cpu.cfs_quota_us"))) {
      return "no writable cgroup v1 cpu controller at " + CPU + " (run as root on a machine with cgroup v1 mounted)";
    }
    if (!Files.isRegularFile(CPUACCT.resolve("cpuacct.usage"))) {
      return "no cgroup v1 cpuacct controller at " + CPUACCT;
    }
    return null;
  }

  /**
   * Makes the group {@code name} (a new folder in each controller), without a quota.
   *
   * @throws IOException when it exists already or cannot be made (see {@link #unavailable})
   */
  static CpuGroup create(String name) throws IOException {
    if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException("bad cgroup name: " + name);
    }
    Path cpu = Files.createDirectory(CPU.resolve(name));
    Path cpuacct = CPUACCT.resolve(name);
    if (!Files.isRegularFile(cpuacct.resolve("cpuacct.usage"))) { // separate mounts; together, one folder serves both
      Files.createDirectory(cpuacct);
    }
    return new CpuGroup(cpu, cpuacct);
  }

  /** Limits the members to {@code cpus} CPUs in all (0.1: 10 ms of each 100 ms period); 0 or less: no limit. */
  void limit(double cpus) throws IOException {
    long period = Long.parseLong(read(cpu.resolve("cpu.cfs_period_us")));
    long quota = cpus <= 0 ? -1 : Math.max(1000, Math.round(cpus * period));
    Files.writeString(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
  }

  /**
   * Limits the members to {@code cpus} CPUs in all, enforced over periods of {@code periodMicros} (1,000 to
   * 1,000,000: the kernel's bounds): 0.1 CPU over 1 s periods lets a member run 100 ms and then waits 900 ms, over the
   * default 100 ms periods 10 ms and 90 ms. The share is the same; longer periods switch the CPU between groups less
   * often.
   *
   * @throws IllegalArgumentException when {@code periodMicros} is out of the kernel's bounds
   */
  void limit(double cpus, long periodMicros) throws IOException {
    if (periodMicros < 1000 || periodMicros > 1_000_000) {
      throw new IllegalArgumentException("a CFS period is 1000 to 1000000 microseconds: " + periodMicros);
    }
    Files.writeString(cpu.resolve("cpu.cfs_quota_us"), "-1"); // a quota above the new period would be refused
    Files.writeString(cpu.resolve("cpu.cfs_period_us"), Long.toString(periodMicros));
    limit(cpus);
  }

  /**
   * Sets the group's weight against its siblings when CPUs are short ({@code cpu.shares}; a process outside any group
   * weighs 1024): a quota caps a group, a weight lets it reach its cap on a busy machine.
   */
  void weigh(int shares) throws IOException {
    if (shares < 2 || shares > 262_144) {
      throw new IllegalArgumentException("cpu.shares must be 2 to 262144: " + shares);
    }
    Files.writeString(cpu.resolve("cpu.shares"), Integer.toString(shares));
  }

  /** Moves process {@code pid} (all its threads) into the group; its later children are born there. */
  void add(long pid) throws IOException {
    for (Path dir : dirs()) {
      Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
    }
  }

  /** Moves process {@code pid} and all its descendants now living into the group. */
  void addTree(long pid) throws IOException {
    add(pid);
    for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
      try {
        add(child.pid());
      } catch (IOException exited) { // a child that ended meanwhile
        if (child.isAlive()) {
          throw exited;
        }
      }
    }
  }

  /**
   * A shell command's prefix that moves the shell into this group and then runs the command given after it as
   * {@code "$0" "$@"} in its place: {@code sh -c PREFIX command args…}. The command starts inside the group.
   */
  String enterAndExec() {
    StringBuilder s = new StringBuilder();
    for (Path dir : dirs()) {
      s.append("echo $$ > '").append(dir.resolve("cgroup.procs")).append("' && ");
    }
    return s.append("exec \"$0\" \"$@\"").toString();
  }

  /** The CPU time the members used since the group was made, living and ended ones, in nanoseconds. */
  long usageNanos() throws IOException {
    return Long.parseLong(read(cpuacct.resolve("cpuacct.usage")));
  }

  /** The throttling of the group's quota so far. */
  Throttling throttling() throws IOException {
    long periods = 0;
    long throttled = 0;
    long nanos = 0;
    for (String line : Files.readAllLines(cpu.resolve("cpu.stat"), StandardCharsets.US_ASCII)) {
      String[] kv = line.split(" ");
      switch (kv[0]) {
        case "nr_periods" -> periods = Long.parseLong(kv[1]);
        case "nr_throttled" -> throttled = Long.parseLong(kv[1]);
        case "throttled_time" -> nanos = Long.parseLong(kv[1]);
        default -> { }
      }
    }
    return new Throttling(periods, throttled, nanos);
  }

  /**
   * Moves the group's members back to the root group (whose CPU is not counted): a process that outlives the group.
   * A member that forks while it is moved (PostgreSQL's postmaster starting a backend or an autovacuum worker) puts
   * its child in the group after the listing was read, so this moves members until a listing of every hierarchy is
   * empty, for at most {@link #RELEASE_PASSES} passes; what is left then makes {@link #close} fail naming it.
   */
  void release() throws IOException {
    for (int pass = 0; pass < RELEASE_PASSES; pass++) {
      boolean moved = false;
      for (Path dir : dirs()) {
        for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"), StandardCharsets.US_ASCII)) {
          moved = true;
          try {
            Files.writeString(dir.getParent().resolve("cgroup.procs"), pid.strip());
          } catch (IOException exited) { // a member that ended meanwhile
            if (ProcessHandle.of(Long.parseLong(pid.strip())).isPresent()) {
              throw exited;
            }
          }
        }
      }
      if (!moved) {
        return;
      }
    }
  }

  /** The CPU time and the throttling so far, with the time of reading. */
  Reading reading() throws IOException {
    long millis = System.currentTimeMillis();
    return new Reading(millis, usageNanos(), throttling());
  }

  /** Removes the group; its members must have ended (a living member keeps it, and this fails naming it). */
  @Override
  public void close() throws IOException {
    for (Path dir : dirs()) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        throw new IOException("cannot remove " + dir + " (still holding " + read(dir.resolve("cgroup.procs"))
            .replace('\n', ' ').strip() + "): " + e.getMessage(), e);
      }
    }
  }

  private Set<Path> dirs() {
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(cpu);
    dirs.add(cpuacct);
    return dirs;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII).strip();
  }
}
