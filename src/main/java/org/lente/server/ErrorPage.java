package org.lente.server;

import io.javalin.http.Context;
import org.lente.html.Escape;

/**
 * Renders an error for the HTML pages (every path outside {@code /api/}): the status is already set
 * on {@code ctx}; the page writes the body ({@code ctx.html(...)}). The web interface implements it
 * with its templates; {@link #PLAIN} is the fallback.
 */
@FunctionalInterface
public interface ErrorPage {

  void render(Context ctx, Problem problem) throws Exception;

  /** A minimal page: the title and the detail, escaped ({@link #plain}). */
  ErrorPage PLAIN = (ctx, problem) -> ctx.html(plain(problem));

  /** The minimal page of {@code problem}: its status, title and detail, escaped. */
  static String plain(Problem problem) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + Escape.html(problem.title())
        + "</title></head><body><h1>" + problem.status() + " " + Escape.html(problem.title()) + "</h1><p>"
        + Escape.html(problem.detail() == null ? "" : problem.detail()) + "</p></body></html>";
  }
}
