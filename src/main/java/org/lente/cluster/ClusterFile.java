package org.lente.cluster;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.server.TrustedProxies;

/**
 * What a cluster file says: where the cluster's shared services are. A Java properties file
 * (UTF-8) with these keys:
 * <ul>
 *   <li>{@code postgres.url}: the JDBC URL of the shared store, {@code jdbc:postgresql://host:port/db};
 *   <li>{@code postgres.user}: its user;
 *   <li>{@code postgres.password}, or {@code postgres.password-file} (a file holding only the
 *       password, so the cluster file can be shared without it), or neither (trust or peer
 *       authentication);
 *   <li>{@code opensearch.url}: the shared search index's OpenSearch node, {@code http(s)://host:port}
 *       (optional: only the services that search or index need it);
 *   <li>{@code kafka.bootstrap}: the Kafka brokers the workers reach first, {@code host:port[,host:port…]};
 *       optional (only {@code lente worker} needs it);
 *   <li>{@code serve.trusted-proxies}: the load balancers in front of {@code lente serve --cluster}, addresses and
 *       CIDR blocks separated by commas ({@code 10.0.0.0/8, fd00::/8}), whose {@code X-Forwarded-For} header gives
 *       the client's address; optional (none: the client is the connection's peer).
 * </ul>
 * An unknown key is an error (a misspelt key would otherwise be ignored silently).
 *
 * @param file the file read, for messages
 * @param postgresUrl never null, starts with {@code jdbc:postgresql://}
 * @param postgresUser never null, not blank
 * @param postgresPassword null when none is given
 * @param opensearchUrl null when none is given, else an http or https URL with a host and no query
 * @param kafkaBootstrap null when none is given, else one or more {@code host:port} joined by commas
 * @param trustedProxies never null, {@link TrustedProxies#NONE} when none is given
 */
public record ClusterFile(Path file, String postgresUrl, String postgresUser, String postgresPassword,
    URI opensearchUrl, String kafkaBootstrap, TrustedProxies trustedProxies) {

  /** The keys a cluster file may hold. */
  public static final Set<String> KEYS = Set.of("postgres.url", "postgres.user", "postgres.password",
      "postgres.password-file", "opensearch.url", "kafka.bootstrap", "serve.trusted-proxies");

  /** One of {@code kafka.bootstrap}'s servers; group 1 is the port. */
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s,]+:(\\d{1,5})");

  public ClusterFile {
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    if (postgresUrl == null || !postgresUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("postgres.url must be a jdbc:postgresql:// URL, not " + postgresUrl);
    }
    if (postgresUser == null || postgresUser.isBlank()) {
      throw new IllegalArgumentException("postgres.user is missing");
    }
    if (opensearchUrl != null && (!("http".equals(opensearchUrl.getScheme())
        || "https".equals(opensearchUrl.getScheme())) || opensearchUrl.getHost() == null
        || opensearchUrl.getRawQuery() != null || opensearchUrl.getRawFragment() != null)) {
      throw new IllegalArgumentException("opensearch.url must be an http(s)://host:port URL, not " + opensearchUrl);
    }
    if (kafkaBootstrap != null) {
      for (String server : kafkaBootstrap.split(",", -1)) {
        Matcher m = HOST_PORT.matcher(server.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535) {
          throw new IllegalArgumentException("kafka.bootstrap must be host:port[,host:port…], not " + kafkaBootstrap);
        }
      }
    }
  }

  /** A cluster file that trusts no proxy. */
  public ClusterFile(Path file, String postgresUrl, String postgresUser, String postgresPassword, URI opensearchUrl,
      String kafkaBootstrap) {
    this(file, postgresUrl, postgresUser, postgresPassword, opensearchUrl, kafkaBootstrap, TrustedProxies.NONE);
  }

  /** A cluster file with PostgreSQL only (neither OpenSearch nor Kafka). */
  public ClusterFile(Path file, String postgresUrl, String postgresUser, String postgresPassword) {
    this(file, postgresUrl, postgresUser, postgresPassword, null, null);
  }

  /**
   * The Kafka brokers to reach first, for what needs Kafka.
   *
   * @throws ClusterFileException naming the file when it gives no {@code kafka.bootstrap}
   */
  public String requireKafka() throws ClusterFileException {
    if (kafkaBootstrap == null) {
      throw new ClusterFileException(file, "kafka.bootstrap is missing (the workers need the Kafka brokers, "
          + "host:port[,host:port…])");
    }
    return kafkaBootstrap;
  }

  /**
   * Reads {@code file}.
   *
   * @throws ClusterFileException naming the file and the key when a key is missing, unknown or bad,
   *     or the file (or its password file) cannot be read
   */
  public static ClusterFile read(Path file) throws ClusterFileException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      throw new ClusterFileException(file, "no such file");
    } catch (IOException | IllegalArgumentException e) {
      throw new ClusterFileException(file, "cannot be read: " + e.getMessage());
    }
    Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new ClusterFileException(file, "unknown keys " + unknown + " (known: " + new TreeSet<>(KEYS) + ")");
    }
    String password = p.getProperty("postgres.password");
    String passwordFile = p.getProperty("postgres.password-file");
    if (password != null && passwordFile != null) {
      throw new ClusterFileException(file, "give postgres.password or postgres.password-file, not both");
    }
    if (passwordFile != null) {
      Path pf = file.toAbsolutePath().getParent().resolve(passwordFile.strip());
      try {
        password = Files.readString(pf, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ClusterFileException(file, "postgres.password-file " + pf + " cannot be read: " + e);
      }
    }
    try {
      String opensearch = strip(p.getProperty("opensearch.url"));
      return new ClusterFile(file, strip(p.getProperty("postgres.url")), strip(p.getProperty("postgres.user")),
          password, opensearch == null ? null : new URI(opensearch), strip(p.getProperty("kafka.bootstrap")),
          trustedProxies(p.getProperty("serve.trusted-proxies")));
    } catch (URISyntaxException e) {
      throw new ClusterFileException(file, "opensearch.url is not a URL: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ClusterFileException(file, e.getMessage());
    }
  }

  private static TrustedProxies trustedProxies(String text) {
    try {
      return TrustedProxies.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("serve.trusted-proxies: " + e.getMessage(), e);
    }
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  @Override
  public String toString() { // never the password
    return "ClusterFile[" + file + ", " + postgresUrl + ", user " + postgresUser
        + (opensearchUrl == null ? "" : ", " + opensearchUrl)
        + (kafkaBootstrap == null ? "" : ", kafka " + kafkaBootstrap)
        + (trustedProxies.blocks().isEmpty() ? "" : ", trusting " + trustedProxies) + "]";
  }
}
