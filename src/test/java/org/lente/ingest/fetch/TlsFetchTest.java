package org.lente.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS against a real TLS server on loopback, with a certificate made for the test by the JDK's
 * keytool: fetched when the certificate is trusted and names the host; refused, with a clear
 * reason, when it is not trusted or names another host.
 */
class TlsFetchTest {

  private static final char[] PASSWORD = "lente-test".toCharArray();
  private static final Fetcher.Options LOCAL = Fetcher.Options.defaults()
      .withAllowPrivate(true)
      .withObeyRobots(false)
      .withPoliteness(2, Duration.ZERO)
      .withRetries(0, Duration.ZERO, Duration.ZERO)
      .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20));

  @TempDir static Path dir;
  private static HttpsServer server;
  private static KeyStore keys;

  @BeforeAll
  static void start() throws Exception {
    Path store = dir.resolve("localhost.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed: " + out);
    keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(km.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext("/news", exchange -> {
      byte[] body = "<html><head><title>Sicuro</title></head><body><p>Una notizia su TLS.</p></body></html>"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A Fetcher that trusts only the test's certificate, and resolves every host to loopback. */
  private static Fetcher trusting() throws Exception {
    TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tm.getTrustManagers(), null);
    return new Fetcher(LOCAL, host -> List.of(InetAddress.getLoopbackAddress()), Fetcher.AddressPolicy.ANY,
        context);
  }

  private static URI uri(String host) {
    return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/news");
  }

  @Test
  void fetchesOverTlsWhenTheCertificateIsTrustedAndNamesTheHost() throws Exception {
    Response response = trusting().fetch(uri("localhost"));
    assertEquals(200, response.status());
    assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("Una notizia su TLS."));
  }

  @Test
  void refusesACertificateNobodyTrusts() {
    Fetcher fetcher = new Fetcher(LOCAL, host -> List.of(InetAddress.getLoopbackAddress()),
        Fetcher.AddressPolicy.ANY);
    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("localhost")));
    assertEquals(FetchException.Reason.TLS, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
  }

  @Test
  void refusesACertificateForAnotherHost() throws Exception {
    FetchException e = assertThrows(FetchException.class, () -> trusting().fetch(uri("news.example")));
    assertEquals(FetchException.Reason.TLS, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
  }
}
