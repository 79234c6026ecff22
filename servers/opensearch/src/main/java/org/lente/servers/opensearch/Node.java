package org.lente.servers.opensearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch node for Lente's cluster tests, in a JVM of its own: {@code Node BASE HTTP_PORT TRANSPORT_PORT}
 * keeps its data and logs under BASE, listens on 127.0.0.1 on the two ports given, prints {@code ready HTTP_PORT}
 * once the cluster is at least yellow, and stops when its standard input closes (so it does not outlive the test
 * JVM that started it, even when that one is killed) or on SIGTERM.
 */
public final class Node {

  private Node() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: Node BASE_DIR HTTP_PORT TRANSPORT_PORT");
      System.exit(2);
    }
    Path base = Path.of(args[0]);
    String http = Integer.toString(Integer.parseInt(args[1]));
    String transport = Integer.toString(Integer.parseInt(args[2]));
    Files.createDirectories(base);
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.setMaxHttpPort(65535);
    runner.onBuild((index, settings) -> settings
        .put("http.port", http)
        .put("transport.port", transport)
        .put("network.host", "127.0.0.1")
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("action.auto_create_index", false));
    runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1).clusterName("lente-test")
        .baseHttpPort(Integer.parseInt(http) - 1).disableESLogger());
    runner.ensureYellow();
    System.out.println("ready " + http);
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(runner)));
    while (System.in.read() != -1) {
      // the parent holds our stdin open while it wants us
    }
    close(runner);
    System.exit(0);
  }

  private static void close(OpenSearchRunner runner) {
    try {
      if (!runner.isClosed()) {
        runner.close();
      }
    } catch (IOException e) {
      System.err.println("closing the node: " + e);
    }
  }
}
