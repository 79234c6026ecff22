package org.lente.store;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The server's users, API tokens and login sessions, kept with the knowledge base. Only hashes are
 * kept: a password's Argon2id string, a token's or session id's SHA-256; hashing is the caller's
 * ({@code org.lente.server.Auth}).
 */
public interface Accounts {

  /** Adds user {@code name}, or replaces their password hash. */
  void putUser(String name, String passwordHash) throws IOException;

  /** The password hash of user {@code name}, or empty when there is no such user. */
  Optional<String> passwordHash(String name) throws IOException;

  /** Records an API token by its hash, for user {@code name} (who must exist). */
  void putToken(String tokenHash, String name) throws IOException;

  /** The user an API token belongs to, by the token's hash. */
  Optional<String> tokenUser(String tokenHash) throws IOException;

  /** Records a login session by its id's hash, for user {@code name} (who must exist), until {@code expires}. */
  void putSession(String idHash, String name, Instant expires) throws IOException;

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
