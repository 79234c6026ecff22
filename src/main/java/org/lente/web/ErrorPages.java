package org.lente.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.lente.server.ErrorPage;
import org.lente.server.Problem;

/**
 * The HTML error pages: a friendly page in the reader's language, with the site's frame. The server
 * sets the status before calling it; the problem's detail is shown only for client errors (4xx),
 * never for server errors.
 */
public final class ErrorPages implements ErrorPage {

  @Override
  public void render(Context ctx, Problem problem) {
    Chrome c = WebRoutes.chrome(ctx, null, null);
    Messages m = c.m();
    int status = problem.status();
    String title;
    String text;
    switch (status) {
      case 404 -> {
        title = m.t("error.404.title");
        text = m.t("error.404.text");
      }
      case 401, 403 -> {
        title = m.t("error.403.title");
        text = m.t("error.403.text");
      }
      default -> {
        if (status >= 500) {
          title = m.t("error.500.title");
          text = m.t("error.500.text");
        } else {
          title = m.t("error.400.title");
          text = problem.detail();
        }
      }
    }
    Map<String, Object> params = new HashMap<>();
    params.put("c", c);
    params.put("status", status);
    params.put("title", title);
    params.put("text", text);
    ctx.html(Templates.render("error.jte", params));
  }
}
