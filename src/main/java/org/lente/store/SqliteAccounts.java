package org.lente.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The embedded {@link Accounts}: tables {@code users}, {@code api_tokens} and {@code sessions} of the store's file. */
final class SqliteAccounts implements Accounts {

  private final Database db;

  SqliteAccounts(Database db) {
    this.db = db;
  }

  @Override
  public long addUser(String name, String passwordHash) throws IOException {
    if (name == null || name.isBlank() || name.length() > 100 || !name.equals(name.strip())
        || name.codePoints().anyMatch(SqliteAccounts::unprintable)) {
      throw new IllegalArgumentException("bad user name: '" + (name == null ? null : name.codePoints()
          .map(c -> unprintable(c) ? '?' : c).collect(StringBuilder::new, StringBuilder::appendCodePoint,
              StringBuilder::append)) + "' (1 to 100 printable characters, no space at either end)");
    }
    Objects.requireNonNull(passwordHash, "passwordHash");
    return db.locked("add user " + name, () -> db.inTransaction("BEGIN IMMEDIATE", () -> {
      if (userId(name).isPresent()) {
        throw new IllegalArgumentException("user " + name + " exists (change their password with lente user passwd "
            + name + ")");
      }
      PreparedStatement st = db.statement("INSERT INTO users (name, password, created_at) VALUES (?, ?, ?)");
      st.setString(1, name);
      st.setString(2, passwordHash);
      st.setString(3, Instant.now().toString());
      st.executeUpdate();
      return lastInsertId();
    }));
  }

  /** Control and format characters (line breaks, U+202E and the other direction marks) have no place in a name. */
  private static boolean unprintable(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  @Override
  public Optional<User> user(String name) throws IOException {
    return db.locked("read user " + name, () -> {
      PreparedStatement st = db.statement("SELECT id, password FROM users WHERE name = ?");
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(new User(rs.getLong(1), name, rs.getString(2))) : Optional.<User>empty();
      }
    });
  }

  /** {@inheritDoc} Both in one transaction: no session of the old password outlives the change. */
  @Override
  public int setPassword(String name, String passwordHash) throws IOException {
    Objects.requireNonNull(passwordHash, "passwordHash");
    return db.locked("set the password of " + name, () -> db.inTransaction("BEGIN IMMEDIATE", () -> {
      long id = existingUserId(name);
      PreparedStatement st = db.statement("UPDATE users SET password = ? WHERE id = ?");
      st.setString(1, passwordHash);
      st.setLong(2, id);
      st.executeUpdate();
      return deleteById("DELETE FROM sessions WHERE user_id = ?", id);
    }));
  }

  /**
   * {@inheritDoc} The user's tokens and sessions go in the same transaction, whether or not the
   * connection enforces the schema's ON DELETE CASCADE.
   */
  @Override
  public boolean removeUser(String name) throws IOException {
    return db.locked("remove user " + name, () -> db.inTransaction("BEGIN IMMEDIATE", () -> {
      Optional<Long> id = userId(name);
      if (id.isEmpty()) {
        return false;
      }
      deleteById("DELETE FROM sessions WHERE user_id = ?", id.get());
      deleteById("DELETE FROM api_tokens WHERE user_id = ?", id.get());
      deleteById("DELETE FROM users WHERE id = ?", id.get());
      return true;
    }));
  }

  @Override
  public long putToken(String tokenHash, String name) throws IOException {
    Objects.requireNonNull(tokenHash, "tokenHash");
    return db.locked("add a token for " + name, () -> db.inTransaction("BEGIN IMMEDIATE", () -> {
      long id = existingUserId(name);
      PreparedStatement st = db.statement("INSERT INTO api_tokens (hash, user_id, created_at) VALUES (?, ?, ?)");
      st.setString(1, tokenHash);
      st.setLong(2, id);
      st.setString(3, Instant.now().toString());
      st.executeUpdate();
      return lastInsertId();
    }));
  }

  /**
   * {@inheritDoc} The check runs on a read connection; only a last use to record takes the write
   * lock, at most once per {@link #LAST_USE_STEP} and token.
   */
  @Override
  public Optional<String> tokenUser(String tokenHash, Instant now) throws IOException {
    Objects.requireNonNull(now, "now");
    record Found(long id, String user, boolean stale) {}
    long staleBefore = now.minus(LAST_USE_STEP).toEpochMilli();
    Optional<Found> found = db.reading("check a token", () -> {
      PreparedStatement st = db.statement("SELECT t.id, u.name, t.last_used_at FROM api_tokens t "
          + "JOIN users u ON u.id = t.user_id WHERE t.hash = ?");
      st.setString(1, tokenHash);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.<Found>empty();
        }
        Long lastUsed = nullableLong(rs, 3);
        return Optional.of(new Found(rs.getLong(1), rs.getString(2), lastUsed == null || lastUsed <= staleBefore));
      }
    });
    if (found.isPresent() && found.get().stale()) {
      db.locked("record the use of token " + found.get().id(), () -> {
        PreparedStatement st = db.statement("UPDATE api_tokens SET last_used_at = ? WHERE id = ? "
            + "AND (last_used_at IS NULL OR last_used_at <= ?)");
        st.setLong(1, now.toEpochMilli());
        st.setLong(2, found.get().id());
        st.setLong(3, staleBefore);
        return st.executeUpdate();
      });
    }
    return found.map(Found::user);
  }

  @Override
  public List<Token> tokens() throws IOException {
    return db.reading("list the tokens", () -> {
      List<Token> tokens = new ArrayList<>();
      PreparedStatement st = db.statement("SELECT t.id, u.name, t.created_at, t.last_used_at FROM api_tokens t "
          + "JOIN users u ON u.id = t.user_id ORDER BY t.id");
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Long lastUsed = nullableLong(rs, 4);
          tokens.add(new Token(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
              lastUsed == null ? null : Instant.ofEpochMilli(lastUsed)));
        }
      }
      return tokens;
    });
  }

  @Override
  public boolean revokeToken(long id) throws IOException {
    return db.locked("revoke token " + id, () -> deleteById("DELETE FROM api_tokens WHERE id = ?", id) > 0);
  }

  @Override
  public int revokeTokens(String name) throws IOException {
    return db.locked("revoke the tokens of " + name, () -> db.inTransaction("BEGIN IMMEDIATE",
        () -> deleteById("DELETE FROM api_tokens WHERE user_id = ?", existingUserId(name))));
  }

  @Override
  public boolean putSession(String idHash, User user, Instant expires) throws IOException {
    Objects.requireNonNull(idHash, "idHash");
    Objects.requireNonNull(expires, "expires");
    return db.locked("start a session for " + user.name(), () -> {
      PreparedStatement st = db.statement("INSERT INTO sessions (hash, user_id, expires_at, created_at) "
          + "SELECT ?, id, ?, ? FROM users WHERE id = ? AND password = ?");
      st.setString(1, idHash);
      st.setLong(2, expires.toEpochMilli());
      st.setString(3, Instant.now().toString());
      st.setLong(4, user.id());
      st.setString(5, user.passwordHash());
      return st.executeUpdate() == 1;
    });
  }

  /** {@inheritDoc} On a read connection: checking a session does not wait for a write. */
  @Override
  public Optional<String> sessionUser(String idHash, Instant now) throws IOException {
    return db.reading("check a session", () -> {
      PreparedStatement st = db.statement("SELECT u.name FROM sessions s JOIN users u ON u.id = s.user_id "
          + "WHERE s.hash = ? AND s.expires_at > ?");
      st.setString(1, idHash);
      st.setLong(2, now.toEpochMilli());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
      }
    });
  }

  /** Column {@code column} of the current row as a long, or null for NULL. */
  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** The id of user {@code name}, or empty. Called under the lock. */
  private Optional<Long> userId(String name) throws SQLException {
    PreparedStatement st = db.statement("SELECT id FROM users WHERE name = ?");
    st.setString(1, name);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  /** The id of user {@code name}; IllegalArgumentException when there is none. Called under the lock. */
  private long existingUserId(String name) throws SQLException {
    return userId(name).orElseThrow(() -> new IllegalArgumentException("no user " + name
        + " (add one with lente user add " + name + ")"));
  }

  /** Runs {@code sql}, a DELETE with one parameter, the id {@code id}; how many rows went. Called under the lock. */
  private int deleteById(String sql, long id) throws SQLException {
    PreparedStatement st = db.statement(sql);
    st.setLong(1, id);
    return st.executeUpdate();
  }

  /** The rowid of the last row inserted on the write connection. Called under the lock. */
  private long lastInsertId() throws SQLException {
    try (ResultSet rs = db.statement("SELECT last_insert_rowid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void deleteSession(String idHash) throws IOException {
    db.locked("end a session", () -> {
      PreparedStatement st = db.statement("DELETE FROM sessions WHERE hash = ?");
      st.setString(1, idHash);
      st.executeUpdate();
      return null;
    });
  }

  @Override
  public int pruneSessions(Instant now, int keep) throws IOException {
    if (keep < 0) {
      throw new IllegalArgumentException("keep must not be negative: " + keep);
    }
    return db.locked("prune sessions", () -> {
      PreparedStatement ended = db.statement("DELETE FROM sessions WHERE expires_at <= ?");
      ended.setLong(1, now.toEpochMilli());
      int gone = ended.executeUpdate();
      PreparedStatement surplus = db.statement("DELETE FROM sessions WHERE hash IN (SELECT hash FROM sessions "
          + "ORDER BY expires_at DESC, hash LIMIT -1 OFFSET ?)");
      surplus.setInt(1, keep);
      return gone + surplus.executeUpdate();
    });
  }
}
