package org.lente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
