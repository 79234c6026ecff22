package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.server.Passwords;
import org.lente.store.SqliteStore;

class UserCommandTest {

  @TempDir
  Path dir;

  private CliRun withStdin(String input, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return CliRun.of(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void aUserAddedFromStandardInputIsKeptAsAnArgon2idHash() throws Exception {
    CliRun run = withStdin("correct horse battery\n", "user", "add", "--data", dir.toString(), "admin");
    assertEquals(0, run.code(), run.err());
    try (SqliteStore store = SqliteStore.open(dir)) {
      String hash = store.passwordHash("admin").orElseThrow();
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
      assertTrue(store.tokenUser(token).isEmpty(), "the token itself is not stored");
    }
  }

  @Test
  void aTokenForAnUnknownUserIsAUsageError() {
    assertEquals(1, CliRun.of("token", "add", "--data", dir.toString(), "nobody").code());
  }
}
