package org.lente.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real {@code lente serve --port 0} in a child JVM; {@link #close} stops it with SIGTERM. */
final class ServeProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final int port;

  private ServeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts serving {@code data}, with {@code options} after the port and folder, and returns once the
   * server listens; fails when it does not start.
   */
  static ServeProcess start(Path data, String... options) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp",
        System.getProperty("java.class.path"), "org.lente.cli.Main", "serve", "--port", "0", "--data",
        data.toString()));
    command.addAll(List.of(options));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    StringBuilder said = new StringBuilder();
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), UTF_8));
    String line;
    while ((line = err.readLine()) != null) {
      said.append(line).append('\n');
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "serve-stderr"); // never blocks the child
        drain.setDaemon(true);
        drain.start();
        return new ServeProcess(p, Integer.parseInt(m.group(1)));
      }
    }
    p.destroyForcibly();
    throw new IOException("lente serve did not start:\n" + said);
  }

  /** GET {@code path} on the server. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws IOException {
    process.destroy(); // SIGTERM: the server closes the knowledge base and the access log
    try {
      if (process.waitFor(60, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    throw new IOException("lente serve did not stop within 60 s of SIGTERM");
  }
}
