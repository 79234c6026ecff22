package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lente.cli.UserCommandTest.addToken;
import static org.lente.cli.UserCommandTest.addUser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.server.LoginServer;
import org.lente.store.SqliteStore;

/** {@code lente token list|revoke} on a real SQLite file, with a real server on port 0 using the tokens. */
class TokenCommandTest {

  private static final String PASSWORD = "correct horse battery";

  @TempDir
  Path dir;

  private SqliteStore store;
  private LoginServer server;

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

  /** {@code lente token list --json}. */
  private JsonNode list() throws IOException {
    CliRun run = CliRun.of("token", "list", "--json", "--data", dir.toString());
    assertEquals(0, run.code(), run.err());
    return Json.MAPPER.readTree(run.out());
  }

  /** The id {@code lente token list} gives the token made {@code nth} (from 0). */
  private long id(int nth) throws IOException {
    return list().get(nth).get("id").asLong();
  }

  @Test
  void revokeEndsThatTokenOnly() throws Exception {
    addUser(dir, "admin", PASSWORD);
    String first = addToken(dir, "admin");
    String second = addToken(dir, "admin");
    assertEquals("admin", serve().whoByToken(first));
    CliRun run = CliRun.of("token", "revoke", "--data", dir.toString(), Long.toString(id(0)));
    assertEquals(0, run.code(), run.err());
    assertEquals("-", server.whoByToken(first));
    assertEquals("admin", server.whoByToken(second));
  }

  @Test
  void revokeOfAUserEndsAllTheirTokensOnly() throws Exception {
    addUser(dir, "admin", PASSWORD);
    addUser(dir, "bob", PASSWORD);
    String first = addToken(dir, "admin");
    String second = addToken(dir, "admin");
    String bobs = addToken(dir, "bob");
    CliRun run = CliRun.of("token", "revoke", "--data", dir.toString(), "--user", "admin");
    assertEquals(0, run.code(), run.err());
    assertEquals("-", serve().whoByToken(first));
    assertEquals("-", server.whoByToken(second));
    assertEquals("bob", server.whoByToken(bobs));
  }

  @Test
  void revokingAnUnknownTokenIsAUsageError() {
    assertEquals(1, CliRun.of("token", "revoke", "--data", dir.toString(), "42").code());
  }

  @Test
  void revokeNeedsAnIdOrAUserButNotBoth() {
    addUser(dir, "admin", PASSWORD);
    addToken(dir, "admin");
    assertEquals(1, CliRun.of("token", "revoke", "--data", dir.toString()).code());
    assertEquals(1, CliRun.of("token", "revoke", "--data", dir.toString(), "1", "--user", "admin").code());
  }

  @Test
  void listShowsEachTokensIdUserAndCreationAndLastUse() throws Exception {
    addUser(dir, "admin", PASSWORD);
    String used = addToken(dir, "admin");
    addToken(dir, "admin");
    assertEquals("admin", serve().whoByToken(used));
    JsonNode tokens = list();
    assertEquals(2, tokens.size(), tokens.toString());
    assertTrue(tokens.get(0).get("id").asLong() < tokens.get(1).get("id").asLong(), tokens.toString());
    for (JsonNode t : tokens) {
      assertEquals("admin", t.get("user").asText());
      java.time.Instant.parse(t.get("created").asText());
    }
    java.time.Instant.parse(tokens.get(0).get("lastUsed").asText());
    assertTrue(tokens.get(1).get("lastUsed").isNull(), tokens.toString());
  }

  @Test
  void listNeverShowsATokenOrItsHash() throws Exception {
    addUser(dir, "admin", PASSWORD);
    String token = addToken(dir, "admin");
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    for (String format : new String[] {"text", "--json"}) {
      CliRun run = format.equals("--json") ? CliRun.of("token", "list", "--data", dir.toString(), "--json")
          : CliRun.of("token", "list", "--data", dir.toString());
      assertEquals(0, run.code(), run.err());
      assertTrue(run.out().contains("admin"), run.out());
      assertFalse(run.out().contains(token) || run.out().contains(hash), run.out());
    }
  }
}
