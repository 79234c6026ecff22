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

/**
 * {@link Accounts} over SQL tables {@code users}, {@code api_tokens} and {@code sessions}: the
 * embedded {@link SqliteAccounts} and the cluster's {@link PostgresAccounts}. The SQL is written once
 * for both engines (ids come back by {@code RETURNING}; the sessions kept by a prune are picked with
 * {@code NOT IN (… LIMIT ?)}, not SQLite's {@code LIMIT -1 OFFSET ?}); a subclass gives how a read
 * and a write transaction run on its connections (its {@link SqlConnections}), and one fragment
 * ({@link #lockingUser}). Thread-safe.
 */
public abstract sealed class SqlAccounts implements Accounts permits SqliteAccounts, PostgresAccounts {

  private final SqlConnections db;

  SqlAccounts(SqlConnections db) {
    this.db = db;
  }

  /**
   * What ends a {@code SELECT … FROM users}, so that a session recorded for a user waits for a change
   * of that user's row (a new password, a removal) being written at the same time, and then sees it:
   * empty where one writer at a time is the rule (SQLite), {@code FOR SHARE} where writers run side by
   * side (PostgreSQL's READ COMMITTED would otherwise read the row as it was before the change).
   */
  abstract String lockingUser();

  @Override
  public long addUser(String name, String passwordHash) throws IOException {
    if (name == null || name.isBlank() || name.length() > 100 || !name.equals(name.strip())
        || name.codePoints().anyMatch(SqlAccounts::unprintable)) {
      throw new IllegalArgumentException("bad user name: '" + (name == null ? null : name.codePoints()
          .map(c -> unprintable(c) ? '?' : c).collect(StringBuilder::new, StringBuilder::appendCodePoint,
              StringBuilder::append)) + "' (1 to 100 printable characters, no space at either end)");
    }
    Objects.requireNonNull(passwordHash, "passwordHash");
    // ON CONFLICT DO NOTHING: a name taken meanwhile by another writer returns no row, as one taken before.
    Optional<Long> id = db.writing("add user " + name, () -> returnedId(db.statement(
        "INSERT INTO users (name, password, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id"),
        name, passwordHash, Instant.now().toString()));
    return id.orElseThrow(() -> new IllegalArgumentException("user " + name
        + " exists (change their password with lente user passwd " + name + ")"));
  }

  /** Control and format characters (line breaks, U+202E and the other direction marks) have no place in a name. */
  private static boolean unprintable(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  @Override
  public Optional<User> user(String name) throws IOException {
    return db.reading("read user " + name, () -> {
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
    return db.writing("set the password of " + name, () -> {
      long id = returnedId(db.statement("UPDATE users SET password = ? WHERE name = ? RETURNING id"), passwordHash, name)
          .orElseThrow(() -> noUser(name));
      return deleteById("DELETE FROM sessions WHERE user_id = ?", id);
    });
  }

  /**
   * {@inheritDoc} The user's tokens and sessions go in the same transaction, whether or not the
   * connection enforces the schema's ON DELETE CASCADE.
   */
  @Override
  public boolean removeUser(String name) throws IOException {
    return db.writing("remove user " + name, () -> {
      Optional<Long> id = userId(name);
      if (id.isEmpty()) {
        return false;
      }
      deleteById("DELETE FROM sessions WHERE user_id = ?", id.get());
      deleteById("DELETE FROM api_tokens WHERE user_id = ?", id.get());
      deleteById("DELETE FROM users WHERE id = ?", id.get());
      return true;
    });
  }

  /** {@inheritDoc} One statement: a user removed at the same time gets no token. */
  @Override
  public long putToken(String tokenHash, String name) throws IOException {
    Objects.requireNonNull(tokenHash, "tokenHash");
    return db.writing("add a token for " + name, () -> returnedId(db.statement("INSERT INTO api_tokens (hash, user_id, "
        + "created_at) SELECT ?, id, ? FROM users WHERE name = ? RETURNING id"), tokenHash, Instant.now().toString(),
        name).orElseThrow(() -> noUser(name)));
  }

  /**
   * {@inheritDoc} The check is a read; only a last use to record is a write, at most once per
   * {@link #LAST_USE_STEP} and token.
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
      db.writing("record the use of token " + found.get().id(), () -> {
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
    return db.writing("revoke token " + id, () -> deleteById("DELETE FROM api_tokens WHERE id = ?", id) > 0);
  }

  @Override
  public int revokeTokens(String name) throws IOException {
    return db.writing("revoke the tokens of " + name, () -> deleteById("DELETE FROM api_tokens WHERE user_id = ?",
        userId(name).orElseThrow(() -> noUser(name))));
  }

  @Override
  public boolean putSession(String idHash, User user, Instant expires) throws IOException {
    Objects.requireNonNull(idHash, "idHash");
    Objects.requireNonNull(expires, "expires");
    return db.writing("start a session for " + user.name(), () -> {
      PreparedStatement st = db.statement("INSERT INTO sessions (hash, user_id, expires_at, created_at) "
          + "SELECT ?, id, ?, ? FROM users WHERE id = ? AND password = ?" + lockingUser());
      st.setString(1, idHash);
      st.setLong(2, expires.toEpochMilli());
      st.setString(3, Instant.now().toString());
      st.setLong(4, user.id());
      st.setString(5, user.passwordHash());
      return st.executeUpdate() == 1;
    });
  }

  /** {@inheritDoc} A read: checking a session does not wait for a write. */
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

  @Override
  public void deleteSession(String idHash) throws IOException {
    db.writing("end a session", () -> {
      PreparedStatement st = db.statement("DELETE FROM sessions WHERE hash = ?");
      st.setString(1, idHash);
      return st.executeUpdate();
    });
  }

  @Override
  public int pruneSessions(Instant now, int keep) throws IOException {
    if (keep < 0) {
      throw new IllegalArgumentException("keep must not be negative: " + keep);
    }
    return db.writing("prune sessions", () -> {
      PreparedStatement ended = db.statement("DELETE FROM sessions WHERE expires_at <= ?");
      ended.setLong(1, now.toEpochMilli());
      int gone = ended.executeUpdate();
      PreparedStatement surplus = db.statement("DELETE FROM sessions WHERE hash NOT IN (SELECT hash FROM sessions "
          + "ORDER BY expires_at DESC, hash LIMIT ?)");
      surplus.setInt(1, keep);
      return gone + surplus.executeUpdate();
    });
  }

  /** Column {@code column} of the current row as a long, or null for NULL. */
  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** The id of user {@code name}, or empty. Called within a read or a write. */
  private Optional<Long> userId(String name) throws SQLException {
    PreparedStatement st = db.statement("SELECT id FROM users WHERE name = ?");
    st.setString(1, name);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  private static IllegalArgumentException noUser(String name) {
    return new IllegalArgumentException("no user " + name + " (add one with lente user add " + name + ")");
  }

  /**
   * Runs {@code st}, a statement ending in {@code RETURNING id}, with string parameters {@code args};
   * the id of its one row, or empty when it touched none. Called within a write.
   */
  private static Optional<Long> returnedId(PreparedStatement st, String... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      st.setString(i + 1, args[i]);
    }
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  /** Runs {@code sql}, a DELETE with one parameter, the id {@code id}; how many rows went. Called within a write. */
  private int deleteById(String sql, long id) throws SQLException {
    PreparedStatement st = db.statement(sql);
    st.setLong(1, id);
    return st.executeUpdate();
  }
}
