package org.lente.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSearch node for tests: OpenSearch 3.8 from Maven Central, in a JVM of its own (it brings
 * Lucene 10.5, Lente uses 10.6: the two never share a classpath), listening on 127.0.0.1 on free
 * ports, its data in a temporary folder. One node serves every test class of a test run, each test
 * taking indices of its own ({@link #newIndexName()}): started by the first class that needs it,
 * stopped when the run ends by its PID (SIGTERM, a kill after 20 s), its folder deleted. The node
 * also stops by itself when its standard input closes, so a killed test JVM does not leave it behind.
 *
 * <p>The node's classpath is {@code servers/opensearch/pom.xml}, built into {@code
 * target/opensearch-node} ({@code classes/} and {@code lib/}) by {@code ./mvnw -f
 * servers/opensearch/pom.xml package} on first use; {@code .ci/run} builds it before the tests.
 * Tests are skipped, saying why, when that build fails (Maven Central out of reach); a node that does
 * not become ready fails them with its output.
 *
 * <p>Use: {@code @RegisterExtension static final OpenSearchServer OS = new OpenSearchServer();}
 */
public final class OpenSearchServer implements BeforeAllCallback {

  /** How long the node may take to become ready: some 7 s on an idle machine, much more beside a build. */
  private static final long START_SECONDS = 180;

  private static final AtomicInteger INDICES = new AtomicInteger();
  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  private Running node;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path project = Path.of("").toAbsolutePath();
    String missing = Running.build(project);
    Assumptions.assumeTrue(missing == null, missing);
    node = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, k -> new Running(project), Running.class);
    node.start();
  }

  /**
   * Starts a node of its own outside JUnit (a benchmark's main: {@code bench/cluster-scaling}), building its classpath
   * when needed; {@link #stopAlone} stops it, as does the JVM's exit.
   *
   * @throws IOException when the node cannot be built or does not become ready
   */
  public void startAlone() throws IOException, InterruptedException {
    Path project = Path.of("").toAbsolutePath();
    String missing = Running.build(project);
    if (missing != null) {
      throw new IOException(missing);
    }
    node = new Running(project);
    node.start();
  }

  /** Stops the node {@link #startAlone} started and deletes its folder. */
  public void stopAlone() throws IOException {
    node.close();
  }

  /** The node's HTTP address, {@code http://127.0.0.1:PORT}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + node.httpPort);
  }

  /** The node's PID. */
  public long pid() {
    return node.process.pid();
  }

  /** A name no other test of this run uses, for an index or alias. */
  public String newIndexName() {
    return "lente-test-" + INDICES.incrementAndGet();
  }

  /** Deletes the indices {@code alias-*} (and so the alias). */
  public void deleteIndices(String alias) throws IOException, InterruptedException {
    request("DELETE", alias + "-*");
  }

  /** The names of the indices {@code alias} points at, sorted. */
  public List<String> indicesOf(String alias) throws IOException, InterruptedException {
    String body = request("GET", "_alias/" + alias);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).properties().stream()
        .map(java.util.Map.Entry::getKey).sorted().toList();
  }

  private String request(String method, String path) throws IOException, InterruptedException {
    var r = HTTP.send(java.net.http.HttpRequest.newBuilder(url().resolve("/" + path))
        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** The node of a test run; JUnit closes it when the run ends. */
  private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Path project;
    private Path home;
    private Process process;
    private int httpPort;
    private final StringBuffer output = new StringBuffer();

    Running(Path project) {
      this.project = project;
    }

    /**
     * Builds the node's classpath unless it is there and newer than its pom and sources; returns null, or
     * why it cannot be built. Synchronized on the class: test classes may run in parallel.
     */
    static synchronized String build(Path project) throws IOException, InterruptedException {
      Path pom = project.resolve("servers/opensearch/pom.xml");
      Path built = project.resolve("target/opensearch-node/lib");
      Path main = project.resolve("target/opensearch-node/classes/org/lente/servers/opensearch/Node.class");
      if (!Files.isRegularFile(pom)) {
        return "no " + pom + ": run the tests from the project folder";
      }
      if (Files.isDirectory(built) && Files.isRegularFile(main) && newest(project.resolve("servers/opensearch"))
          <= Files.getLastModifiedTime(main).toMillis()) {
        return null;
      }
      Path log = Files.createTempFile("lente-opensearch-build", ".log");
      try {
        List<String> command = List.of(project.resolve("mvnw").toString(), "-q", "-B", "-f", pom.toString(),
            "package");
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          return "building the OpenSearch node (" + String.join(" ", command) + ") took over 15 minutes";
        }
        if (p.exitValue() != 0) {
          return "the OpenSearch node could not be built (" + String.join(" ", command) + ", exit " + p.exitValue()
              + "; is Maven Central reachable?): " + tail(Files.readString(log));
        }
        return null;
      } finally {
        Files.deleteIfExists(log);
      }
    }

    /** Starts the node unless it runs. */
    synchronized void start() throws IOException, InterruptedException {
      if (process != null) {
        return;
      }
      home = Files.createTempDirectory("lente-os");
      httpPort = ServerProcesses.freePort();
      int transportPort = ServerProcesses.freePort();
      Path nodeDir = project.resolve("target/opensearch-node");
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(javaBin, "-Xms256m", "-Xmx1g", "-XX:+UseSerialGC",
          "-Djava.io.tmpdir=" + home, "-cp", nodeDir.resolve("classes") + java.io.File.pathSeparator
              + nodeDir.resolve("lib") + "/*",
          "org.lente.servers.opensearch.Node", home.resolve("node").toString(), Integer.toString(httpPort),
          Integer.toString(transportPort)));
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
      CompletableFuture<Boolean> ready = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            if (output.length() < 200_000) {
              output.append(line).append('\n');
            }
            if (line.equals("ready " + httpPort)) {
              ready.complete(true);
            }
          }
        } catch (IOException e) {
          output.append(e).append('\n');
        }
        ready.complete(false);
      }, "opensearch-node-output");
      reader.setDaemon(true);
      reader.start();
      boolean up;
      try {
        up = ready.get(START_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        up = false;
      }
      if (!up) {
        stop();
        throw new IOException("the OpenSearch node did not become ready in " + START_SECONDS + " s ("
            + String.join(" ", command) + "); its output: " + tail(output.toString()));
      }
    }

    @Override
    public void close() throws IOException {
      stop();
      ServerProcesses.deleteTree(home);
    }

    /** Stops the node by its PID: SIGTERM, a kill after 20 s; idempotent. */
    private synchronized void stop() {
      if (process == null || !process.isAlive()) {
        return;
      }
      ProcessHandle node = process.toHandle();
      try (OutputStream in = process.getOutputStream()) {
        node.destroy();
        node.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        node.destroyForcibly();
      }
    }
  }

  private static long newest(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      long newest = 0;
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
      }
      return newest;
    }
  }

  private static String tail(String text) {
    return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
  }
}
