package org.lente.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection by double submission: a random token in a cookie
 * ({@value #COOKIE}, HttpOnly, SameSite=Strict) that a write request must repeat in the form field
 * {@value #FIELD} or the header {@value #HEADER}. Another site can make a browser send the cookie
 * but cannot read it to repeat it. Requests with an API token ({@code Authorization: Bearer}) carry
 * no ambient credential and need no CSRF token. Thread-safe.
 */
public final class Csrf {

  public static final String COOKIE = "lente_csrf";
  public static final String FIELD = "csrf";
  public static final String HEADER = "X-CSRF-Token";

  private static final String ATTRIBUTE = "lente.csrf";
  private final SecureRandom random = new SecureRandom();

  /**
   * The token for this client, to embed in a form as hidden field {@value #FIELD}; sets the cookie
   * when the client has none yet. The same value for every call in one request.
   */
  public String token(Context ctx) {
    String token = ctx.attribute(ATTRIBUTE);
    if (token != null) {
      return token;
    }
    token = ctx.cookie(COOKIE);
    if (token == null || !wellFormed(token)) {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      ctx.cookie(new Cookie(COOKIE, token, "/", -1, "https".equals(ctx.scheme()), true, null, SameSite.STRICT));
    }
    ctx.attribute(ATTRIBUTE, token);
    return token;
  }

  /** Whether the request repeats its cookie's token in the form field or the header. */
  public boolean valid(Context ctx) {
    String cookie = ctx.cookie(COOKIE);
    if (cookie == null || !wellFormed(cookie)) {
      return false;
    }
    String sent = ctx.header(HEADER);
    if (sent == null && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) {
      sent = ctx.formParam(FIELD);
    }
    return sent != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean wellFormed(String token) {
    return token.length() == 32 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }
}
