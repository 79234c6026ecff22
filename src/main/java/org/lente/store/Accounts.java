package org.lente.store;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's users, API tokens and login sessions, kept with the knowledge base. Only hashes are
 * kept: a password's Argon2id string, a token's or session id's SHA-256; hashing is the caller's
 * ({@code org.lente.server.Auth}).
 *
 * <p>Each user has an id that is never given again, and tokens and sessions belong to that id: a
 * user removed and a name added again is a new user, whom no earlier token or session fits.
 */
public interface Accounts {

  /** How often a token's last use is recorded at most: a busy client costs one write a minute. */
  Duration LAST_USE_STEP = Duration.ofMinutes(1);

  /** A user: {@code id} is never given to another user, even after this one is removed. */
  record User(long id, String name, String passwordHash) {

    public User {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(passwordHash, "passwordHash");
      if (id <= 0) {
        throw new IllegalArgumentException("bad user id: " + id);
      }
    }
  }

  /** An API token, without its secret: when it was made and last used ({@code lastUsed} null when never). */
  record Token(long id, String user, Instant created, Instant lastUsed) {

    public Token {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(created, "created");
      if (id <= 0) {
        throw new IllegalArgumentException("bad token id: " + id);
      }
    }
  }

  /**
   * Adds user {@code name} and returns their new id.
   *
   * @throws IllegalArgumentException when the name is taken or not a name (blank, over 100
   *     characters, or with spaces around it)
   */
  long addUser(String name, String passwordHash) throws IOException;

  /** User {@code name}, or empty when there is none. */
  Optional<User> user(String name) throws IOException;

  /**
   * Sets the password hash of user {@code name} and ends their sessions, at once; their API tokens
   * stay. Returns how many sessions ended.
   *
   * @throws IllegalArgumentException when there is no user {@code name}
   */
  int setPassword(String name, String passwordHash) throws IOException;

  /** Removes user {@code name} with their tokens and sessions, at once; false when there is no such user. */
  boolean removeUser(String name) throws IOException;

  /**
   * Records an API token by its hash, for user {@code name}, and returns the token's id.
   *
   * @throws IllegalArgumentException when there is no user {@code name}
   */
  long putToken(String tokenHash, String name) throws IOException;

  /**
   * The user an API token belongs to, by the token's hash; empty when there is no such token. Records
   * {@code now} as the token's last use when the recorded one is {@link #LAST_USE_STEP} older or more.
   */
  Optional<String> tokenUser(String tokenHash, Instant now) throws IOException;

  /** Every API token, oldest first. */
  List<Token> tokens() throws IOException;

  /** Revokes the API token {@code id}; false when there is none. */
  boolean revokeToken(long id) throws IOException;

  /**
   * Revokes every API token of user {@code name} and returns how many there were.
   *
   * @throws IllegalArgumentException when there is no user {@code name}
   */
  int revokeTokens(String name) throws IOException;

  /**
   * Records a login session by its id's hash, for {@code user}, until {@code expires}; false, and
   * nothing recorded, when the user is gone or their password is no longer {@code user.passwordHash()}
   * (changed since it was checked).
   */
  boolean putSession(String idHash, User user, Instant expires) throws IOException;

  /**
   * The user of a session, by its id's hash: empty when there is no such session, it has ended by
   * {@code now}, or its user is gone.
   */
  Optional<String> sessionUser(String idHash, Instant now) throws IOException;

  /** Ends a session; nothing when there is none. */
  void deleteSession(String idHash) throws IOException;

  /**
   * Drops the sessions ended by {@code now}, then, while more than {@code keep} remain, those that end
   * soonest; returns how many went.
   */
  int pruneSessions(Instant now, int keep) throws IOException;
}
