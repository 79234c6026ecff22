package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts contract on a real SQLite file, and the migration of the embedded schema's accounts. */
class SqliteAccountsTest extends AccountsContract<SqliteStore> {

  @TempDir
  Path dir;

  @Override
  SqliteStore open() throws Exception {
    return SqliteStore.open(dir);
  }

  /** Users, tokens and sessions of the schema before V8 (kept by name) keep working after it. */
  @Test
  void migratingKeepsUsersTokensAndSessionsAndDropsThoseOfGoneUsers() throws Exception {
    long expires = Instant.now().plus(Duration.ofHours(1)).toEpochMilli();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        Statement st = db.createStatement()) {
      st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, "
          + "applied_at TEXT NOT NULL)");
      List<String> before = Migrations.SCRIPTS.subList(0, Migrations.SCRIPTS.indexOf("V8__accounts.sql"));
      for (int i = 0; i < before.size(); i++) {
        try (InputStream in = Migrations.class.getResourceAsStream(before.get(i))) {
          st.executeUpdate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        st.executeUpdate("INSERT INTO schema_version VALUES (" + (i + 1) + ", '" + before.get(i) + "', 'then')");
      }
      st.executeUpdate("INSERT INTO users (name, password, created_at) VALUES ('anna', '" + HASH + "', "
          + "'2026-11-01T00:00:00Z'), ('bob', '" + HASH + "', '2026-11-02T00:00:00Z')");
      st.executeUpdate("INSERT INTO api_tokens (hash, user_name, created_at) VALUES ('t-anna', 'anna', "
          + "'2026-11-03T00:00:00Z'), ('t-gone', 'gone', '2026-11-04T00:00:00Z'), ('t-bob', 'bob', "
          + "'2026-11-05T00:00:00Z')");
      st.executeUpdate("INSERT INTO sessions (hash, user_name, expires_at, created_at) VALUES ('s-anna', 'anna', "
          + expires + ", 'now'), ('s-gone', 'gone', " + expires + ", 'now')");
    }
    try (SqliteStore store = SqliteStore.open(dir)) {
      Instant now = Instant.now();
      assertEquals(HASH, store.user("anna").orElseThrow().passwordHash());
      assertEquals(Optional.of("anna"), store.tokenUser("t-anna", now));
      assertEquals(Optional.of("bob"), store.tokenUser("t-bob", now));
      assertEquals(Optional.of("anna"), store.sessionUser("s-anna", now));
      assertEquals(List.of("anna", "bob"), store.tokens().stream().map(Accounts.Token::user).toList());
      assertEquals(Instant.parse("2026-11-03T00:00:00Z"), store.tokens().get(0).created());
      store.addUser("gone", HASH);
      assertEquals(Optional.empty(), store.tokenUser("t-gone", now));
      assertEquals(Optional.empty(), store.sessionUser("s-gone", now));
    }
  }
}
