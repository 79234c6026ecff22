package org.lente.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection. A write request must repeat, in the form field
 * {@value #FIELD} or the header {@value #HEADER}, a token that only this server can make: an
 * HMAC, under a key drawn when the Csrf is made, of a random value kept in a cookie ({@value #COOKIE},
 * HttpOnly, SameSite=Strict) and of the client's session id ({@value Auth#SESSION_COOKIE}), if any.
 * Another site can make a browser send the cookies but can neither read nor compute the token, not
 * even when it can plant a cookie of its own; and a token is good only for the session it was made
 * in. Forms made before a restart of the server (a new key) are refused once.
 *
 * <p>The form field is read only from an {@code application/x-www-form-urlencoded} body, never
 * from a multipart one. Requests with an API token ({@code Authorization: Bearer}) carry no ambient
 * credential and need no CSRF token. {@link #sameOrigin} checks the Origin header too. Thread-safe.
 */
public final class Csrf {

  public static final String COOKIE = "lente_csrf";
  public static final String FIELD = "csrf";
  public static final String HEADER = "X-CSRF-Token";

  private static final String ATTRIBUTE = "lente.csrf";
  private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;

  /** Tokens under a key drawn now: good for this server until it stops. */
  public Csrf() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  /**
   * Tokens under {@code secret} (UTF-8): servers made with the same secret accept each other's
   * tokens, as the instances of a cluster behind one load balancer must.
   *
   * @throws IllegalArgumentException when the secret has fewer than 32 characters
   */
  public Csrf(String secret) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalArgumentException("a CSRF secret needs at least 32 characters, not "
          + (secret == null ? "none" : secret.length()));
    }
    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /**
   * The token for this client, to embed in a form as hidden field {@value #FIELD}; sets the cookie
   * when the client has none yet. The same value for every call in one request.
   */
  public String token(Context ctx) {
    String token = ctx.attribute(ATTRIBUTE);
    if (token != null) {
      return token;
    }
    String nonce = ctx.cookie(COOKIE);
    if (nonce == null || !wellFormed(nonce)) {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      nonce = TEXT.encodeToString(bytes);
      ctx.cookie(new Cookie(COOKIE, nonce, "/", -1, "https".equals(ctx.scheme()), true, null, SameSite.STRICT));
    }
    token = sign(nonce, ctx.cookie(Auth.SESSION_COOKIE));
    ctx.attribute(ATTRIBUTE, token);
    return token;
  }

  /** Whether the request repeats the token of its cookie and session in the form field or the header. */
  public boolean valid(Context ctx) {
    String nonce = ctx.cookie(COOKIE);
    if (nonce == null || !wellFormed(nonce)) {
      return false;
    }
    String sent = ctx.header(HEADER);
    if (sent == null && ctx.isFormUrlencoded()) {
      sent = ctx.formParam(FIELD);
    }
    return sent != null && MessageDigest.isEqual(sign(nonce, ctx.cookie(Auth.SESSION_COOKIE))
        .getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether the request's Origin header, when it has one, names this site: {@code publicUrl}'s
   * scheme, host and port when one is configured, else the Host the request was sent to. A
   * browser sends Origin with every cross-site write; "null" (a sandboxed or privacy-sensitive
   * context) is refused. A request without Origin (an older browser, a script) passes, and still
   * needs its token.
   */
  public static boolean sameOrigin(Context ctx, URI publicUrl) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return true;
    }
    URI sent;
    try {
      sent = new URI(origin.strip());
    } catch (URISyntaxException e) {
      return false;
    }
    if (sent.getScheme() == null || sent.getHost() == null) {
      return false; // "null" and other opaque origins
    }
    if (publicUrl != null) {
      return sent.getScheme().equalsIgnoreCase(publicUrl.getScheme())
          && sent.getHost().equalsIgnoreCase(publicUrl.getHost()) && port(sent) == port(publicUrl);
    }
    String host = ctx.header("Host");
    if (host == null) {
      return false;
    }
    host = host.strip().toLowerCase(Locale.ROOT);
    String defaultPort = ":" + defaultPort(sent);
    if (host.endsWith(defaultPort)) {
      host = host.substring(0, host.length() - defaultPort.length());
    }
    return authority(sent).equals(host);
  }

  /** {@code uri}'s host and port as a Host header names them: the port only when not the scheme's default. */
  private static String authority(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return uri.getPort() == -1 || uri.getPort() == defaultPort(uri) ? host : host + ":" + uri.getPort();
  }

  private static int port(URI uri) {
    return uri.getPort() == -1 ? defaultPort(uri) : uri.getPort();
  }

  private static int defaultPort(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The token of cookie value {@code nonce} in session {@code session} (null: none). */
  private String sign(String nonce, String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(nonce.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      if (session != null) {
        mac.update(session.getBytes(StandardCharsets.UTF_8));
      }
      return TEXT.encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new AssertionError("every JDK has HmacSHA256", e);
    }
  }

  private static boolean wellFormed(String token) {
    return token.length() == 32 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }
}
