package org.lente.cluster;

import java.io.IOException;
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
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for tests, from the machine's PostgreSQL installation (Debian's package:
 * {@code initdb} and {@code pg_ctl} on the PATH or under {@code /usr/lib/postgresql/N/bin}): a new
 * cluster in a temporary folder, listening on 127.0.0.1 on a free port, trust authentication for the
 * user {@code test}, durability off (a test server). One server serves every test class of a test
 * run (one for each set of extra settings, {@link #PostgresServer(List)}), each test taking a database of its own ({@link #newDatabase()}): started by the first class
 * that needs it, stopped when the run ends by the PID in its {@code postmaster.pid} (a fast
 * shutdown, then a kill), and its folder deleted. As root, the cluster belongs to the
 * {@code postgres} user ({@code initdb} refuses root). Tests are skipped, saying why, when
 * PostgreSQL is not installed.
 *
 * <p>Use: {@code @RegisterExtension static final PostgresServer PG = new PostgresServer();}
 */
public final class PostgresServer implements BeforeAllCallback, AfterEachCallback {

  /** The user the tests connect as. */
  public static final String USER = "test";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static final String NOT_INSTALLED = "PostgreSQL is not installed (no initdb and pg_ctl on the PATH or "
      + "under /usr/lib/postgresql/*/bin): apt-get install postgresql";

  private Running server;

  /** Settings of the server this extension starts, on top of the test server's ({@link #PostgresServer(List)}). */
  private final List<String> settings;

  /** The test server, shared by every test class of the run that asks for it. */
  public PostgresServer() {
    this(List.of());
  }

  /**
   * A server started with {@code settings} besides the test server's, each "name=value" (passed to {@code postgres}
   * as {@code -c}): for a benchmark that needs a library preloaded ({@code shared_preload_libraries}, which only a
   * server's start can set) without changing the server the tests use. Classes asking for the same settings share
   * one server; other settings start another.
   *
   * @throws IllegalArgumentException when a setting is not a name, "=" and a value of letters, digits, '_', '.' or ','
   */
  public PostgresServer(List<String> settings) {
    for (String s : settings) {
      if (!s.matches("[a-z_.]+=[A-Za-z0-9_.,]+")) {
        throw new IllegalArgumentException("not a server setting name=value: " + s);
      }
    }
    this.settings = List.copyOf(settings);
  }

  /** The connections {@link #connections} opened for the test running, closed after it. */
  private final List<org.lente.store.PostgresConnections> opened =
      java.util.Collections.synchronizedList(new ArrayList<>());

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Optional<Path> bin = binaries();
    Assumptions.assumeTrue(bin.isPresent(), NOT_INSTALLED);
    server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(List.of(Running.class, settings), k -> new Running(bin.get(), settings), Running.class);
    server.start();
  }

  /**
   * Starts a server of its own outside JUnit (a benchmark's main: {@code bench/cluster-scaling}); {@link #stopAlone}
   * stops it, as does the JVM's exit.
   *
   * @throws IOException when PostgreSQL is not installed or does not start
   */
  public void startAlone() throws IOException, InterruptedException {
    Path bin = binaries().orElseThrow(() -> new IOException(NOT_INSTALLED));
    server = new Running(bin, settings);
    server.start();
  }

  /** Stops the server {@link #startAlone} started and deletes its folder. */
  public void stopAlone() throws IOException {
    server.close();
  }

  /** The server's PID. */
  public long pid() {
    return server.pid;
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return server.port;
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

  /**
   * A new database holding this Lente's schema, as {@code lente migrate} makes it; returns its JDBC
   * URL. Cloned from a template database migrated once per test run (a migration per test would
   * cost a second or two each).
   */
  public String newMigratedDatabase() throws SQLException, IOException {
    String template = server.template();
    String name = "lente_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, null);
        Statement st = c.createStatement()) {
      st.executeUpdate("CREATE DATABASE " + name + " TEMPLATE " + template);
    }
    return url(name);
  }

  /** A cluster file (kept in memory, as if read from {@code dir}) for a {@link #newMigratedDatabase}. */
  public ClusterFile newMigratedCluster(Path dir) throws SQLException, IOException {
    return new ClusterFile(dir.resolve("cluster.properties"), newMigratedDatabase(), USER, null);
  }

  /**
   * Connections to {@code cluster}'s database, as a process of the cluster opens them
   * ({@link org.lente.store.PostgresConnections#connect}), closed when the test ends: the stores built on them never
   * close them.
   *
   * @throws IOException as {@code connect} (an unreachable database, a schema that is not current)
   */
  public org.lente.store.PostgresConnections connections(ClusterFile cluster) throws IOException {
    org.lente.store.PostgresConnections c = org.lente.store.PostgresConnections.connect(cluster);
    opened.add(c);
    return c;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    List<org.lente.store.PostgresConnections> all;
    synchronized (opened) {
      all = List.copyOf(opened);
      opened.clear();
    }
    for (org.lente.store.PostgresConnections c : all) {
      c.close();
    }
  }

  /** The JDBC URL of database {@code name}. */
  public String url(String name) {
    return "jdbc:postgresql://127.0.0.1:" + server.port + "/" + name;
  }

  /**
   * Ends the sessions on database {@code url} other than the caller's, as {@code pg_terminate_backend} does (an
   * administrator, an idle timeout), and waits until they are gone; returns how many there were.
   */
  public int terminateSessions(String url) throws SQLException {
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, null);
        java.sql.PreparedStatement st = c.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, "
            + "10000)) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
      st.setString(1, name);
      try (java.sql.ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Ends session {@code pid} (its {@code pg_backend_pid()}), as {@link #terminateSessions} does, and waits until it is gone. */
  public void terminate(long pid) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, null);
        java.sql.PreparedStatement st = c.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
      st.setInt(1, Math.toIntExact(pid));
      try (java.sql.ResultSet rs = st.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new SQLException("session " + pid + " did not end in 10 s");
        }
      }
    }
  }

  /** A cluster file for database {@code url}, written in {@code dir}. */
  public Path clusterFile(Path dir, String url) throws IOException {
    return Files.writeString(dir.resolve("cluster.properties"), "postgres.url=" + url + "\npostgres.user=" + USER
        + "\n", StandardCharsets.UTF_8);
  }

  /** The server of a test run; JUnit closes it when the run ends. */
  /** The rows {@code sql} selects in the database at {@code url}, read as {@link #USER}: each its columns joined by "|". */
  public static java.util.List<String> rows(String url, String sql) throws SQLException {
    java.util.List<String> rows = new java.util.ArrayList<>();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, USER, null);
        java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** Runs {@code sql} in the database at {@code url}, as {@link #USER}. */
  public static void execute(String url, String sql) throws SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, USER, null);
        java.sql.Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Path bin;
    private final List<String> settings;
    private final boolean asPostgres = "root".equals(System.getProperty("user.name"));
    private Path home;
    private int port;
    private long pid;
    private String template;

    Running(Path bin, List<String> settings) {
      this.bin = bin;
      this.settings = settings;
    }

    /** Starts the server unless it runs. */
    synchronized void start() throws IOException, InterruptedException {
      if (pid != 0) {
        return;
      }
      home = Files.createTempDirectory("lente-pg");
      Path data = home.resolve("data");
      if (asPostgres) {
        run(List.of("chown", "postgres", home.toString()));
      }
      run(command(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "--no-sync",
          "-E", "UTF8", "--locale=C"));
      IOException last = null;
      for (int attempt = 0; attempt < 3 && pid == 0; attempt++) {
        port = ServerProcesses.freePort();
        try {
          run(command(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
              home.resolve("log").toString(), "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1"
                  + " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
                  + settings.stream().map(s -> " -c " + s).collect(java.util.stream.Collectors.joining()), "start"));
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

    /** The name of the migrated template database, made on first use. */
    synchronized String template() throws SQLException, IOException {
      if (template == null) {
        String name = "lente_template";
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(url + "postgres", USER, null);
            Statement st = c.createStatement()) {
          st.executeUpdate("CREATE DATABASE " + name);
        }
        PostgresSchema.migrate(new ClusterFile(home.resolve("cluster.properties"), url + name, USER, null));
        template = name;
      }
      return template;
    }

    @Override
    public void close() throws IOException {
      stop();
      ServerProcesses.deleteTree(home);
    }

    /** Stops the server by its PID: a fast shutdown (SIGINT), a kill after 20 s; idempotent. */
    private synchronized void stop() {
      if (pid == 0) {
        return;
      }
      long running = pid;
      ProcessHandle.of(running).ifPresent(p -> {
        try {
          new ProcessBuilder("kill", "-INT", Long.toString(running)).start().waitFor(10, TimeUnit.SECONDS);
          p.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
          p.destroyForcibly();
        }
      });
      pid = 0;
    }

    private List<String> command(String... args) {
      List<String> c = new ArrayList<>();
      if (asPostgres) {
        c.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      c.addAll(List.of(args));
      return c;
    }

    private String log() {
      try {
        return Files.readString(home.resolve("log"));
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
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
