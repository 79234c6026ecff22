package org.lente.server;

import io.javalin.http.Context;

/**
 * Renders an error for the HTML pages (every path outside {@code /api/}): the status is already set
 * on {@code ctx}; the page writes the body ({@code ctx.html(...)}). The web interface implements it
 * with its templates; {@link #PLAIN} is the fallback.
 */
@FunctionalInterface
public interface ErrorPage {

  void render(Context ctx, Problem problem) throws Exception;

  /** A minimal page: the title and the detail, escaped. */
  ErrorPage PLAIN = (ctx, problem) -> ctx.html("<!doctype html><html><head><meta charset=\"utf-8\"><title>"
      + Html.escape(problem.title()) + "</title></head><body><h1>" + problem.status() + " "
      + Html.escape(problem.title()) + "</h1><p>" + Html.escape(problem.detail() == null ? "" : problem.detail())
      + "</p></body></html>");
}
