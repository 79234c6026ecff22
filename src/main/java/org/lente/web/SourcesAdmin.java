package org.lente.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.ingest.source.Poller;
import org.lente.ingest.source.Source;
import org.lente.server.Auth;
import org.lente.server.Csrf;
import org.lente.server.Routes;
import org.lente.store.Sources;

/**
 * The Sources page for administrators (any logged-in user, who may add articles too): the polled
 * sources with their state and health, a form to add one and a button to remove each. Forms carry the
 * CSRF token, which the {@link org.lente.server.Server} checks on every POST. A source is admitted by
 * the server's {@link Poller} (its fetcher's address policy: a private host only when the server was
 * started with {@code --allow-private}); the server's polling loop picks it up within a second.
 */
public final class SourcesAdmin implements Routes {

  /** The page's path. */
  public static final String PATH = "/admin/sources";

  private final Sources sources;
  private final Poller poller;
  private final Auth auth;
  private final Csrf csrf;

  public SourcesAdmin(Sources sources, Poller poller, Auth auth, Csrf csrf) {
    this.sources = Objects.requireNonNull(sources, "sources");
    this.poller = Objects.requireNonNull(poller, "poller");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.csrf = Objects.requireNonNull(csrf, "csrf");
  }

  @Override
  public void addTo(JavalinConfig config) {
    config.routes.get(PATH, this::list);
    config.routes.post(PATH, this::add);
    config.routes.post(PATH + "/{id}/remove", this::remove);
  }

  /**
   * One row of the list, as the page shows it.
   *
   * @param status the last HTTP status, or empty
   */
  public record Row(long id, String kind, String address, String title, String lastPoll, String nextPoll,
      String status, long articlesAdded, String failingSince, String lastError) {

    static Row of(Source s) {
      Source.State st = s.state();
      return new Row(s.id(), s.kind().label(), s.address(), s.title() == null ? "" : s.title(), time(st.lastPoll()),
          time(st.nextPoll()), st.lastStatus() == null ? "" : "" + st.lastStatus(), st.articlesAdded(),
          time(st.failingSince()), st.lastError() == null ? "" : st.lastError());
    }

    private static String time(Instant t) {
      return t == null ? "" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
  }

  private void list(Context ctx) throws IOException {
    if (auth.user(ctx).isEmpty()) {
      ctx.redirect("/login?next=" + PATH, HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, null, "", "feed");
  }

  private void render(Context ctx, String error, String address, String kind) throws IOException {
    Map<String, Object> p = new HashMap<>();
    p.put("c", WebRoutes.chrome(ctx, auth, csrf));
    p.put("rows", sources.all().stream().map(Row::of).toList());
    p.put("kinds", List.of(Source.Kind.values()).stream().map(Source.Kind::label).toList());
    p.put("error", error);
    p.put("address", address);
    p.put("kind", kind);
    ctx.html(Templates.render("sources.jte", p));
  }

  private void add(Context ctx) throws IOException {
    auth.requireUser(ctx);
    String address = WebRoutes.orEmpty(ctx.formParam("address")).strip();
    String kind = WebRoutes.orEmpty(ctx.formParam("kind"));
    String error;
    try {
      Source.Kind k = Source.Kind.parse(kind);
      sources.add(k, poller.admit(k, address), WebRoutes.orEmpty(ctx.formParam("title")), Source.DEFAULT_EVERY, Instant.now());
      ctx.redirect(PATH, HttpStatus.SEE_OTHER);
      return;
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    render(ctx, WebRoutes.messages(ctx).t("sources.error", error), address, kind);
  }

  private void remove(Context ctx) throws IOException {
    auth.requireUser(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("no source " + ctx.pathParam("id"));
    }
    if (!sources.remove(id)) {
      throw new NotFoundResponse("no source " + id);
    }
    ctx.redirect(PATH, HttpStatus.SEE_OTHER);
  }
}
