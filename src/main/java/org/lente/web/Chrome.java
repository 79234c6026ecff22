package org.lente.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What every page's frame needs: the interface language, who is logged in, the form token, and
 * where the page is (for the language links).
 *
 * @param path the request path and query without {@code lang}, e.g. {@code /search?q=roma}
 * @param user the logged-in user, or null
 * @param csrf the token for the forms' hidden {@code csrf} field
 * @param query the text of the search box, or ""
 */
public record Chrome(Messages m, String path, String user, String csrf, String query) {

  public Chrome {
    Objects.requireNonNull(m, "messages");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(csrf, "csrf");
    query = query == null ? "" : query;
  }

  public String lang() {
    return m.language();
  }

  /** This page in {@code language}: the same path with {@code lang} set (which keeps it in a cookie). */
  public String inLanguage(String language) {
    return path + (path.contains("?") ? "&" : "?") + "lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8);
  }

  public java.util.List<String> otherLanguages() {
    return Lang.others(lang());
  }

  public boolean loggedIn() {
    return user != null;
  }

  /** {@code s} encoded for a query parameter value. */
  public static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
