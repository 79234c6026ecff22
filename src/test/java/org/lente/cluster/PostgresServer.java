package org.lente.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for a test class, from the machine's PostgreSQL installation (Debian's
 * package: {@code initdb} and {@code pg_ctl} on the PATH or under {@code /usr/lib/postgresql/N/bin}):
 * a new cluster in a temporary folder, listening on 127.0.0.1 on a free port, trust authentication
 * for the user {@code test}, durability off (a test server). Stopped after the class, by the PID in
 * its {@code postmaster.pid}, and its folder deleted. As root, the cluster belongs to the
 * {@code postgres} user ({@code initdb} refuses root). Tests are skipped, saying why, when PostgreSQL
 * is not installed.
 *
 * <p>Use: {@code @RegisterExtension static final PostgresServer PG = new PostgresServer();} then
 * {@link #newDatabase()} for an empty database of one's own.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

  /** The user the tests connect as. */
  public static final String USER = "test";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private Path home;
  private Path bin;
  private int port;
  private long pid;
  private boolean asPostgres;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Optional<Path> found = binaries();
    Assumptions.assumeTrue(found.isPresent(), "PostgreSQL is not installed (no initdb and pg_ctl on the PATH or "
        + "under /usr/lib/postgresql/*/bin): apt-get install postgresql");
    bin = found.get();
    asPostgres = "root".equals(System.getProperty("user.name"));
    home = Files.createTempDirectory("lente-pg");
    Path data = home.resolve("data");
    if (asPostgres) {
      run(List.of("chown", "postgres", home.toString()));
    }
    run(command(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "--no-sync",
        "-E", "UTF8", "--locale=C"));
    IOException last = null;
    for (int attempt = 0; attempt < 3 && pid == 0; attempt++) {
      port = freePort();
      try {
        run(command(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
            home.resolve("log").toString(), "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c full_page_writes=off -c synchronous_commit=off", "start"));
        pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
      } catch (IOException e) { // the port was taken between the check and the start
        last = e;
      }
    }
    if (pid == 0) {
      throw new IOException("PostgreSQL did not start; its log: " + log(), last);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
    if (home != null) {
      try (Stream<Path> walk = Files.walk(home)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Stops the server by its PID (a fast shutdown, then a kill after 20 s); idempotent. */
  private synchronized void stop() {
    if (pid == 0) {
      return;
    }
    ProcessHandle.of(pid).ifPresent(p -> {
      try {
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
        p.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    });
    pid = 0;
  }

  /** The server's PID. */
  public long pid() {
    return pid;
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** A new empty database; returns its JDBC URL. */
  public String newDatabase() throws SQLException {
    String name = "lente_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, null);
        Statement st = c.createStatement()) {
      st.executeUpdate("CREATE DATABASE " + name);
    }
    return url(name);
  }

  /** The JDBC URL of database {@code name}. */
  public String url(String name) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  /** A cluster file for database {@code url}, written in {@code dir}. */
  public Path clusterFile(Path dir, String url) throws IOException {
    return Files.writeString(dir.resolve("cluster.properties"), "postgres.url=" + url + "\npostgres.user=" + USER
        + "\n", StandardCharsets.UTF_8);
  }

  private List<String> command(String... args) {
    List<String> c = new ArrayList<>();
    if (asPostgres) {
      c.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    c.addAll(List.of(args));
    return c;
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("lente-pg", ".out");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command + " did not finish in 90 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(command + " exited with " + p.exitValue() + ": " + Files.readString(out));
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private String log() {
    try {
      return Files.readString(home.resolve("log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The folder holding initdb and pg_ctl: the PATH's, else the newest under /usr/lib/postgresql. */
  private static Optional<Path> binaries() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path d = Path.of(dir);
      if (Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl"))) {
        return Optional.of(d);
      }
    }
    Path lib = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(lib)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing((Path b) -> b.getParent().getFileName().toString().length())
          .thenComparing(Path::toString));
    }
  }
}
