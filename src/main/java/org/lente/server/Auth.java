package org.lente.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.lente.store.Accounts;

/**
 * Who is making a request: a user logged in through a session cookie ({@value #SESSION_COOKIE}), or
 * the owner of an API token sent as {@code Authorization: Bearer <token>}. Users and tokens are kept
 * in the knowledge base ({@link Accounts}): passwords as Argon2id ({@link Passwords}), tokens as
 * SHA-256 (they are 256 random bits, so a fast hash is enough and checking one costs nothing).
 * Sessions are kept there too, by the SHA-256 of their id, with their end: a restart logs no one
 * out, and a copy of the database holds no usable session id. Sessions and tokens belong to a
 * user's id, which is never given again: a new password ends the user's sessions, removing the user
 * ends their sessions and tokens, and a name added again starts with neither. Thread-safe.
 */
public final class Auth {

  /** The session cookie. */
  public static final String SESSION_COOKIE = "lente_session";

  /** How long a session lasts after login. */
  public static final Duration SESSION_LENGTH = Duration.ofHours(12);

  /** The longest password taken: beyond it a login fails at once and a new password is refused. */
  public static final int MAX_PASSWORD = 1024;

  /** The most sessions kept at once; those that end soonest go first. */
  static final int MAX_SESSIONS = 10_000;

  private static final String USER_ATTRIBUTE = "lente.user";
  private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

  /** The name under which a local command's submissions are recorded. */
  public static final String LOCAL_USER = "local command";

  private final Accounts accounts;
  private final byte[] localSecret;
  private final Passwords passwords;
  private final SecureRandom random = new SecureRandom();
  /** A hash to verify against when the user does not exist, so that timing does not tell. */
  private final String decoy;

  public Auth(Accounts accounts, Passwords passwords) {
    this(accounts, passwords, null);
  }

  /**
   * @param localSecret the secret of {@link ServerFile}, accepted as a bearer token only on
   *     connections from loopback (see {@link #local}), or null for none
   */
  public Auth(Accounts accounts, Passwords passwords, String localSecret) {
    if (localSecret != null && localSecret.length() < 32) {
      throw new IllegalArgumentException("local secret too short: " + localSecret.length() + " characters");
    }
    this.localSecret = localSecret == null ? null : localSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.decoy = passwords.hash("decoy password".toCharArray());
  }

  /**
   * Adds user {@code name} with {@code password}.
   *
   * @throws IllegalArgumentException when the name is taken or bad, or the password too short
   */
  public void addUser(String name, char[] password) throws IOException {
    accounts.addUser(name, hash(password));
  }

  /**
   * Sets a new password for user {@code name} and ends their sessions (they log in again with the
   * new one); their API tokens stay. Returns how many sessions ended.
   *
   * @throws IllegalArgumentException when there is no such user or the password is too short
   */
  public int setPassword(String name, char[] password) throws IOException {
    return accounts.setPassword(name, hash(password));
  }

  private String hash(char[] password) {
    if (password.length < 8 || password.length > MAX_PASSWORD) {
      throw new IllegalArgumentException("a password needs 8 to " + MAX_PASSWORD + " characters, not "
          + password.length);
    }
    return passwords.hash(password);
  }

  /**
   * Makes a new API token for user {@code name} and returns it: it is shown once and kept only hashed.
   *
   * @throws IllegalArgumentException when there is no such user
   */
  public String newToken(String name) throws IOException {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = "lente_" + TOKEN_TEXT.encodeToString(bytes);
    accounts.putToken(sha256(token), name);
    return token;
  }

  /** The user making this request, by API token or session; empty for an anonymous request. */
  public Optional<String> user(Context ctx) {
    Optional<String> known = ctx.attribute(USER_ATTRIBUTE);
    if (known != null) {
      return known;
    }
    Optional<String> user = Optional.empty();
    String authorization = ctx.header("Authorization");
    if (local(ctx)) {
      user = Optional.of(LOCAL_USER);
    } else if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      try {
        user = accounts.tokenUser(sha256(authorization.substring(7).strip()), Instant.now());
      } catch (IOException e) {
        throw new IllegalStateException("cannot check the API token: " + e.getMessage(), e);
      }
    } else {
      String id = ctx.cookie(SESSION_COOKIE);
      if (id != null) {
        try {
          user = accounts.sessionUser(sha256(id), Instant.now());
        } catch (IOException e) {
          throw new IllegalStateException("cannot check the session: " + e.getMessage(), e);
        }
      }
    }
    ctx.attribute(USER_ATTRIBUTE, user);
    return user;
  }

  /**
   * Whether the request comes from a command of this machine's user: it carries the local secret as
   * its bearer token and came in on a loopback connection. The secret from anywhere else is worth
   * nothing (an unknown token). Compared in constant time.
   */
  public boolean local(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (localSecret == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String remote = ctx.req().getRemoteAddr();
    boolean loopback;
    try {
      loopback = remote != null && java.net.InetAddress.getByName(remote).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      loopback = false;
    }
    return loopback && java.security.MessageDigest.isEqual(localSecret,
        authorization.substring(7).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Whether the request carries an {@code Authorization: Bearer} header (valid or not). */
  static boolean hasBearer(Context ctx) {
    String authorization = ctx.header("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * The user making this request.
   *
   * @throws UnauthorizedResponse (401) for an anonymous request
   */
  public String requireUser(Context ctx) {
    return user(ctx).orElseThrow(() -> new UnauthorizedResponse(
        "this needs a logged-in user or an API token (Authorization: Bearer …)"));
  }

  /**
   * Checks {@code name} and {@code password}; when they match, starts a session and sets its cookie
   * (HttpOnly, SameSite=Lax, Secure on https). Takes the time of one Argon2id hash either way.
   */
  public boolean login(Context ctx, String name, String password) throws IOException {
    if (name == null || password == null || password.length() > MAX_PASSWORD || name.length() > 100) {
      return false;
    }
    Optional<Accounts.User> user = accounts.user(name);
    boolean ok = passwords.verify(password.toCharArray(), user.map(Accounts.User::passwordHash).orElse(decoy))
        && user.isPresent();
    if (!ok) {
      return false;
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = TOKEN_TEXT.encodeToString(bytes);
    Instant now = Instant.now();
    accounts.pruneSessions(now, MAX_SESSIONS - 1);
    if (!accounts.putSession(sha256(id), user.get(), now.plus(SESSION_LENGTH))) {
      return false; // the user was removed or given a new password since the check above
    }
    Cookie cookie = new Cookie(SESSION_COOKIE, id, "/", (int) SESSION_LENGTH.toSeconds(), "https".equals(ctx.scheme()),
        true, null, SameSite.LAX);
    ctx.cookie(cookie);
    ctx.attribute(USER_ATTRIBUTE, Optional.of(name));
    return true;
  }

  /** Ends the request's session, if any, and clears its cookie. */
  public void logout(Context ctx) throws IOException {
    String id = ctx.cookie(SESSION_COOKIE);
    if (id != null) {
      accounts.deleteSession(sha256(id));
    }
    ctx.removeCookie(SESSION_COOKIE, "/");
    ctx.attribute(USER_ATTRIBUTE, Optional.empty());
  }

  /** SHA-256 of {@code text} (UTF-8), in hex. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
