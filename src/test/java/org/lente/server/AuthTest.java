package org.lente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.Accounts;
import org.lente.store.SqliteStore;

/** Login sessions kept in the store's database: real servers on port 0 over a real SQLite file. */
class AuthTest {

  private static final String PASSWORD = "correct horse battery";

  @TempDir
  Path dir;

  private SqliteStore store;
  private LoginServer server;

  @BeforeEach
  void start() throws IOException {
    open();
    server.auth().addUser("admin", PASSWORD.toCharArray());
  }

  /** Opens the store in {@link #dir} and a server over it, as {@code lente serve} does. */
  private void open() throws IOException {
    store = SqliteStore.open(dir);
    server = LoginServer.start(store);
  }

  @AfterEach
  void stop() throws IOException {
    close();
  }

  private void close() throws IOException {
    server.close();
    store.close();
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    return server.get(path, cookie);
  }

  /** Logs in as admin and returns the session cookie ("name=value"). */
  private String login() throws Exception {
    return server.login("admin", PASSWORD);
  }

  @Test
  void aSessionOutlivesARestartOfTheServer() throws Exception {
    String cookie = login();
    assertEquals("admin", get("/test/me", cookie).body());
    close();
    open(); // a new store, Auth and server (on a new port): nothing kept in memory
    assertEquals("admin", get("/test/me", cookie).body());
  }

  @Test
  void logoutEndsTheSessionForEveryServerOfTheDatabase() throws Exception {
    String cookie = login();
    get("/test/logout", cookie);
    assertEquals("-", get("/test/me", cookie).body());
    close();
    open();
    assertEquals("-", get("/test/me", cookie).body());
  }

  @Test
  void aWrongPasswordStartsNoSession() throws Exception {
    HttpResponse<String> r = get("/test/login?user=admin&password=wrong+password", null);
    assertEquals("false", r.body());
    assertFalse(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Auth.SESSION_COOKIE + "=")));
  }

  @Test
  void theDatabaseKeepsOnlyTheHashOfTheSessionId() throws Exception {
    String id = login().substring(Auth.SESSION_COOKIE.length() + 1);
    close();
    String text = new String(Files.readAllBytes(dir.resolve(SqliteStore.FILE)), StandardCharsets.ISO_8859_1);
    Path wal = dir.resolve(SqliteStore.FILE + "-wal");
    if (Files.exists(wal)) {
      text += new String(Files.readAllBytes(wal), StandardCharsets.ISO_8859_1);
    }
    assertFalse(text.contains(id), "the session id itself is not stored");
    assertTrue(text.contains(Auth.sha256(id)), "its SHA-256 is");
    open();
  }

  @Test
  void anEndedSessionIsRefusedAndPruned() throws Exception {
    Instant now = Instant.now();
    Accounts.User admin = store.user("admin").orElseThrow();
    store.putSession("ended", admin, now.minusSeconds(1));
    store.putSession("live", admin, now.plus(Duration.ofHours(1)));
    assertEquals(Optional.empty(), store.sessionUser("ended", now));
    assertEquals(Optional.of("admin"), store.sessionUser("live", now));
    assertEquals(1, store.pruneSessions(now, 10));
    assertEquals(Optional.of("admin"), store.sessionUser("live", now));
  }

  @Test
  void pruningKeepsTheSessionsThatEndLast() throws Exception {
    Instant now = Instant.now();
    Accounts.User admin = store.user("admin").orElseThrow();
    for (int i = 1; i <= 5; i++) {
      store.putSession("s" + i, admin, now.plus(Duration.ofMinutes(i)));
    }
    assertEquals(3, store.pruneSessions(now, 2));
    for (int i = 1; i <= 5; i++) {
      assertEquals(i > 3, store.sessionUser("s" + i, now).isPresent(), "s" + i);
    }
  }
}
