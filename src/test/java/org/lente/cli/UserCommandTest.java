package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.server.LoginServer;
import org.lente.server.Passwords;
import org.lente.store.SqliteStore;

/**
 * {@code lente user} and {@code lente token} on a real SQLite file; where a session or token is
 * used, a real server on port 0 runs over the same file meanwhile, as {@code lente serve} would.
 */
class UserCommandTest {

  private static final String PASSWORD = "correct horse battery";

  @TempDir
  Path dir;

  private SqliteStore store;
  private LoginServer server;

  static CliRun withStdin(String input, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return CliRun.of(args);
    } finally {
      System.setIn(saved);
    }
  }

  /** {@code lente user add NAME}, which must succeed. */
  static void addUser(Path dir, String name, String password) {
    CliRun run = withStdin(password + "\n", "user", "add", "--data", dir.toString(), name);
    assertEquals(0, run.code(), run.err());
  }

  /** {@code lente token add NAME}, which must succeed; the token it printed. */
  static String addToken(Path dir, String name) {
    CliRun run = CliRun.of("token", "add", "--data", dir.toString(), name);
    assertEquals(0, run.code(), run.err());
    return run.out().strip();
  }

  /** Starts a server over the test's folder, which the command line changes meanwhile. */
  private LoginServer serve() throws IOException {
    store = SqliteStore.open(dir);
    server = LoginServer.start(store);
    return server;
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aUserAddedFromStandardInputIsKeptAsAnArgon2idHash() throws Exception {
    CliRun run = withStdin("correct horse battery\n", "user", "add", "--data", dir.toString(), "admin");
    assertEquals(0, run.code(), run.err());
    try (SqliteStore store = SqliteStore.open(dir)) {
      String hash = store.user("admin").orElseThrow().passwordHash();
      assertTrue(hash.startsWith("$argon2id$v=19$"), hash);
      assertTrue(new Passwords().verify("correct horse battery".toCharArray(), hash));
    }
  }

  @Test
  void aShortPasswordIsAUsageError() {
    assertEquals(1, withStdin("short\n", "user", "add", "--data", dir.toString(), "admin").code());
  }

  @Test
  void aTokenIsPrintedOnceAndKeptHashed() throws Exception {
    withStdin("correct horse battery\n", "user", "add", "--data", dir.toString(), "admin");
    CliRun run = CliRun.of("token", "add", "--data", dir.toString(), "admin");
    assertEquals(0, run.code(), run.err());
    String token = run.out().strip();
    assertTrue(token.startsWith("lente_") && token.length() > 40, token);
    try (SqliteStore store = SqliteStore.open(dir)) {
      assertTrue(store.tokenUser(token, java.time.Instant.now()).isEmpty(), "the token itself is not stored");
    }
  }

  @Test
  void aTokenForAnUnknownUserIsAUsageError() {
    assertEquals(1, CliRun.of("token", "add", "--data", dir.toString(), "nobody").code());
  }

  @Test
  void addingAnExistingNameIsRefusedAndKeepsThePassword() throws Exception {
    addUser(dir, "admin", PASSWORD);
    CliRun run = withStdin("another password\n", "user", "add", "--data", dir.toString(), "admin");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("lente user passwd admin"), run.err());
    assertTrue(serve().logsIn("admin", PASSWORD));
    assertFalse(server.logsIn("admin", "another password"));
  }

  @Test
  void passwdSetsTheNewPassword() throws Exception {
    addUser(dir, "admin", PASSWORD);
    CliRun run = withStdin("a new password\n", "user", "passwd", "--data", dir.toString(), "admin");
    assertEquals(0, run.code(), run.err());
    assertTrue(serve().logsIn("admin", "a new password"));
    assertFalse(server.logsIn("admin", PASSWORD));
  }

  @Test
  void passwdEndsThatUsersSessionsOnly() throws Exception {
    addUser(dir, "admin", PASSWORD);
    addUser(dir, "bob", PASSWORD);
    String admin = serve().login("admin", PASSWORD);
    String bob = server.login("bob", PASSWORD);
    assertEquals("admin", server.whoBySession(admin));
    assertEquals(0, withStdin("a new password\n", "user", "passwd", "--data", dir.toString(), "admin").code());
    assertEquals("-", server.whoBySession(admin));
    assertEquals("bob", server.whoBySession(bob));
  }

  @Test
  void passwdKeepsTheUsersTokens() throws Exception {
    addUser(dir, "admin", PASSWORD);
    String token = addToken(dir, "admin");
    assertEquals(0, withStdin("a new password\n", "user", "passwd", "--data", dir.toString(), "admin").code());
    assertEquals("admin", serve().whoByToken(token));
  }

  @Test
  void passwdOfAnUnknownUserIsAUsageError() {
    assertEquals(1, withStdin("a new password\n", "user", "passwd", "--data", dir.toString(), "nobody").code());
  }

  @Test
  void removeEndsTheUsersSessionsAndTokens() throws Exception {
    addUser(dir, "admin", PASSWORD);
    String token = addToken(dir, "admin");
    String cookie = serve().login("admin", PASSWORD);
    assertEquals("admin", server.whoByToken(token));
    CliRun run = CliRun.of("user", "remove", "--data", dir.toString(), "admin");
    assertEquals(0, run.code(), run.err());
    assertEquals("-", server.whoBySession(cookie));
    assertEquals("-", server.whoByToken(token));
    assertFalse(server.logsIn("admin", PASSWORD));
  }

  @Test
  void removeOfAnUnknownUserIsAUsageError() {
    assertEquals(1, CliRun.of("user", "remove", "--data", dir.toString(), "nobody").code());
  }

  @Test
  void aRemovedNameAddedAgainDoesNotReviveItsTokenOrSession() throws Exception {
    addUser(dir, "admin", PASSWORD);
    String token = addToken(dir, "admin");
    String cookie = serve().login("admin", PASSWORD);
    assertEquals(0, CliRun.of("user", "remove", "--data", dir.toString(), "admin").code());
    addUser(dir, "admin", PASSWORD);
    assertEquals("-", server.whoByToken(token));
    assertEquals("-", server.whoBySession(cookie));
    assertEquals("admin", server.whoBySession(server.login("admin", PASSWORD)));
  }

  /** The case: the row deleted by hand in SQL (no foreign keys enforced), then the name added again. */
  @Test
  void aUserRowDeletedInSqlAndAddedAgainDoesNotReviveItsTokenOrSession() throws Exception {
    addUser(dir, "admin", PASSWORD);
    String token = addToken(dir, "admin");
    String cookie = serve().login("admin", PASSWORD);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = db.createStatement()) {
      assertEquals(1, st.executeUpdate("DELETE FROM users WHERE name = 'admin'"));
    }
    addUser(dir, "admin", PASSWORD);
    assertEquals("-", server.whoByToken(token));
    assertEquals("-", server.whoBySession(cookie));
  }

  @Test
  void aNameWithADirectionOverrideIsRefused() {
    CliRun run = withStdin(PASSWORD + "\n", "user", "add", "--data", dir.toString(), "ad\u202Emin");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("bad user name: 'ad?min'"), run.err());
  }

  @Test
  void aPasswordLongerThanTheLimitIsRefusedWithoutBeingHashed() {
    String huge = "x".repeat(5_000_000);
    CliRun run = withStdin(huge + "\n", "user", "add", "--data", dir.toString(), "admin");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("8 to 1024 characters, not 1025"), run.err());
  }
}
