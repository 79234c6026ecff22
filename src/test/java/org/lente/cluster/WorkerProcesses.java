package org.lente.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Worker processes of a test: child JVMs running {@code lente worker ARGS} on the test's classpath, as
 * {@code bin/lente} runs them, each with its output (standard output and error) in a log file of its own. Closing
 * kills those still running (kill -9). Not thread-safe.
 */
final class WorkerProcesses implements AutoCloseable {

  private final Path dir;
  private final List<Process> started = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  /** Worker processes whose logs go to {@code dir}. */
  WorkerProcesses(Path dir) {
    this.dir = dir;
  }

  /** Starts {@code lente worker ARGS}; its output goes to {@code worker-N.log} in the folder. */
  Process start(String... args) throws IOException {
    Path log = dir.resolve("worker-" + started.size() + ".log");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.lente.cli.Main", "worker"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    started.add(p);
    logs.add(log);
    return p;
  }

  /** The processes started, in order. */
  List<Process> started() {
    return List.copyOf(started);
  }

  /** The output of process {@code p} so far. */
  String log(Process p) throws IOException {
    int i = started.indexOf(p);
    if (i < 0) {
      throw new IllegalArgumentException("not a process of these workers: " + p.pid());
    }
    return Files.readString(logs.get(i));
  }

  /** Every log so far, each under a line naming it: for a failure's message. */
  String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path log : logs) {
      all.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
    }
    return all.toString();
  }

  /** Kills (kill -9) the processes still running. */
  @Override
  public void close() {
    for (Process p : started) {
      p.destroyForcibly();
    }
  }
}
