package org.lente.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the test servers started as child processes ({@link PostgresServer}, {@link KafkaServer}, {@link OpenSearchServer}) share. */
final class ServerProcesses {

  private ServerProcesses() {}

  /** A port free on the loopback address now (another process may take it before it is used). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Deletes {@code home} and everything in it; nothing when it is null. */
  static void deleteTree(Path home) throws IOException {
    if (home == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(home)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
