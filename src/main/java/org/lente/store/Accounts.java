package org.lente.store;

import java.io.IOException;
import java.util.Optional;

/**
 * The server's users and API tokens, kept with the knowledge base. Only hashes are kept: a
 * password's Argon2id string, a token's SHA-256; hashing is the caller's ({@code org.lente.server.Auth}).
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
}
