package org.lente.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.lente.store.PrivateFiles;

/**
 * {@value #NAME} in a data folder: how a command of the same user on the same machine reaches the
 * {@code lente serve} that holds the folder. It names the server's loopback address and port, its
 * process id and a random secret that the server accepts, as {@code Authorization: Bearer}, only on
 * connections from loopback ({@link Auth#local}). The file is written with mode 0600 (only its owner
 * may read the secret) and removed when the server stops; one left by a server that died is stale:
 * {@link #find} ignores it when no process has its id.
 *
 * @param host the loopback address to connect to (127.0.0.1 or ::1)
 * @param port the server's port, 1 to 65535
 * @param pid the server's process id
 * @param secret the local secret, at least 32 characters
 */
public record ServerFile(String host, int port, long pid, String secret) {

  /** The file's name in the data folder. */
  public static final String NAME = "server.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  public ServerFile {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(secret, "secret");
    if (!loopback(host)) {
      throw new IllegalArgumentException("not a loopback address: " + host);
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("bad port: " + port);
    }
    if (pid < 1) {
      throw new IllegalArgumentException("bad pid: " + pid);
    }
    if (secret.length() < 32) {
      throw new IllegalArgumentException("secret too short: " + secret.length() + " characters");
    }
  }

  /** A new random secret: 32 bytes, base64url. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The file for this process serving on {@code listenHost}:{@code port} with {@code secret}; empty
   * when the server listens on a specific address that is not loopback, to which no local command
   * connects from loopback.
   */
  public static Optional<ServerFile> forThisProcess(String listenHost, int port, String secret) {
    String host;
    if (wildcard(listenHost) || listenHost.equals("localhost")) {
      host = "127.0.0.1";
    } else if (loopback(listenHost)) {
      host = listenHost;
    } else {
      return Optional.empty();
    }
    return Optional.of(new ServerFile(host, port, ProcessHandle.current().pid(), secret));
  }

  /** The server's base URL, {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * Writes this file into {@code dir} with mode 0600, replacing any there (a stale one), atomically;
   * on failure (a full disk) nothing is left behind.
   */
  public void write(Path dir) throws IOException {
    Path tmp = dir.resolve(NAME + ".tmp");
    Files.deleteIfExists(tmp);
    PrivateFiles.createFile(tmp);
    try {
      Files.writeString(tmp, JSON.writeValueAsString(this)); // the record's components, in order
      Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Removes {@code dir}'s file when it is still this one (another server may have replaced it). */
  public void remove(Path dir) throws IOException {
    if (read(dir).filter(this::equals).isPresent()) {
      Files.deleteIfExists(dir.resolve(NAME));
    }
  }

  /**
   * The file in {@code dir} when the process it names is alive; empty when there is none, it is stale
   * (no process has its id) or it cannot be read as one.
   */
  public static Optional<ServerFile> find(Path dir) {
    return read(dir).filter(f -> ProcessHandle.of(f.pid()).map(ProcessHandle::isAlive).orElse(false));
  }

  private static Optional<ServerFile> read(Path dir) {
    try {
      JsonNode o = JSON.readTree(Files.readString(dir.resolve(NAME)));
      if (o == null || !o.path("host").isTextual() || !o.path("port").isInt() || !o.path("pid").canConvertToLong()
          || !o.path("secret").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new ServerFile(o.get("host").asText(), o.get("port").asInt(), o.get("pid").asLong(),
          o.get("secret").asText()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // a half-written or foreign file: treated as none
    }
  }

  private static boolean wildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** Whether {@code host} is a loopback address literal (a name is not looked up). */
  private static boolean loopback(String host) {
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
