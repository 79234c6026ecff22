package org.lente.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.lente.index.SearchHits;
import org.lente.knowledge.KnowledgeReader;
import org.lente.server.Auth;
import org.lente.server.Csrf;
import org.lente.server.Submissions;
import org.lente.server.Routes;
import org.lente.store.ArticleFilter;
import org.lente.store.ArticleSummary;
import org.lente.store.AuthorProfile;
import org.lente.store.EntityProfile;
import org.lente.store.Page;
import org.lente.store.QuoteHit;
import org.lente.store.QuoteQuery;
import org.lente.store.SourceProfile;
import org.lente.story.Story;
import org.lente.story.StoryReader;
import org.lente.story.StoryView;

/**
 * The HTML pages: home (latest stories, else latest articles), article (with its other versions and
 * story), story, entity, search and quote search, author, source, the Atom feeds,
 * the add-article form and login. Handlers parse their parameters, ask the knowledge base, and render
 * a template; unknown ids are {@link NotFoundResponse}s, bad parameters IllegalArgumentExceptions
 * (the server turns both into error pages, see {@link ErrorPages}).
 */
public final class WebRoutes implements Routes {

  /** Articles per listing page. */
  static final int PAGE_SIZE = 20;
  /** Entries per feed. */
  static final int FEED_SIZE = 50;

  private final KnowledgeReader kb;
  private final StoryReader stories;
  private final Submissions ingests;
  private final Auth auth;
  private final Csrf csrf;
  private final URI publicUrl;

  /** Pages whose absolute links name the address each request came in on. */
  public WebRoutes(KnowledgeReader kb, StoryReader stories, Submissions ingests, Auth auth, Csrf csrf) {
    this(kb, stories, ingests, auth, csrf, null);
  }

  /**
   * Pages whose absolute links (feeds, JSON-LD) start with {@code publicUrl}
   * ({@link org.lente.server.Server.Settings#publicUrl}); null: with the address the request came in on.
   */
  public WebRoutes(KnowledgeReader kb, StoryReader stories, Submissions ingests, Auth auth, Csrf csrf, URI publicUrl) {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.stories = Objects.requireNonNull(stories, "stories");
    this.ingests = Objects.requireNonNull(ingests, "ingests");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.csrf = Objects.requireNonNull(csrf, "csrf");
    this.publicUrl = publicUrl;
  }

  @Override
  public void addTo(JavalinConfig config) {
    config.staticFiles.add(sf -> {
      sf.hostedPath = "/static";
      sf.directory = "/org/lente/web/static";
      sf.location = Location.CLASSPATH;
    });
    config.routes.get("/", this::home);
    config.routes.get("/articles/{id}", this::article);
    config.routes.get("/stories/{id}", this::story);
    config.routes.get("/entities/{id}", this::entity);
    config.routes.get("/authors/{id}", this::author);
    config.routes.get("/sources/{id}", this::source);
    config.routes.get("/search", this::search);
    config.routes.get("/search.atom", this::searchFeed);
    config.routes.get("/quotes", this::quotes);
    config.routes.get("/add", this::addForm);
    config.routes.post("/add", this::add);
    config.routes.get("/add/{id}", this::submission);
    config.routes.get("/login", this::loginForm);
    config.routes.post("/login", this::login);
    config.routes.post("/logout", this::logout);
  }

  private void home(Context ctx) throws IOException {
    Map<String, Object> p = page(ctx);
    String cursor = ctx.queryParam("cursor");
    Page<Story> latestStories = stories.stories(null, 1, cursor, PAGE_SIZE);
    p.put("stories", latestStories);
    p.put("latest", latestStories.items().isEmpty() ? kb.articles(ArticleFilter.ALL, cursor, PAGE_SIZE)
        : new Page<ArticleSummary>(List.of(), null));
    p.put("trending", kb.trending(7, 15));
    p.put("status", kb.status());
    p.put("recent", ingests.recent(5).stream().map(WebRoutes::summary).toList());
    ctx.html(Templates.render("home.jte", p));
  }

  private void article(Context ctx) throws IOException {
    long id = id(ctx.pathParam("id"));
    var view = kb.articleView(id).orElseThrow(() -> new NotFoundResponse("no article " + id));
    Map<String, Object> p = page(ctx);
    p.put("p", ArticlePage.of(view, ((Chrome) p.get("c")).m(), base(ctx) + "/articles/" + id));
    p.put("lineage", LineagePanel.of(stories.storyOf(id).orElse(null), stories.related(id)));
    ctx.html(Templates.render("article.jte", p));
  }

  private void story(Context ctx) throws IOException {
    long id = id(ctx.pathParam("id"));
    StoryView v = stories.story(id).orElseThrow(() -> new NotFoundResponse("no story " + id));
    Map<String, Object> p = page(ctx);
    p.put("v", v);
    ctx.html(Templates.render("story.jte", p));
  }

  private void entity(Context ctx) throws IOException {
    String raw = ctx.pathParam("id");
    if (raw.endsWith(".atom")) {
      entityFeed(ctx, id(raw.substring(0, raw.length() - ".atom".length())));
      return;
    }
    long id = id(raw);
    Map<String, Object> p = page(ctx);
    Messages m = ((Chrome) p.get("c")).m();
    EntityProfile stored = kb.entity(id).orElseThrow(() -> new NotFoundResponse("no entity " + id));
    EntityProfile e = stored.withName(kb.localName(stored.name(), m.language())); // in the reader's language
    String cursor = ctx.queryParam("cursor");
    Page<ArticleSummary> articles = kb.articles(ArticleFilter.ALL.withEntity(e.id()), cursor, PAGE_SIZE);
    List<QuoteHit> quotes = new ArrayList<>(e.quotesBy());
    quotes.addAll(e.quotesAbout());
    Map<String, Long> ids = speakerIds(quotes);
    ids.put(stored.name(), e.id());
    ids.put(e.name(), e.id());
    SafeHtml chart = MentionsChart.svg(e.mentionsPerDay(), m.t("entity.chart.title", e.name()), "chart", m);
    p.put("p", new EntityPage(e, chart, e.mentionsPerDay().getOrDefault("undated", 0L), articles, cursor, ids));
    ctx.html(Templates.render("entity.jte", p));
  }

  private void author(Context ctx) throws IOException {
    long id = id(ctx.pathParam("id"));
    AuthorProfile a = kb.author(id).orElseThrow(() -> new NotFoundResponse("no author " + id));
    listing(ctx, "author.jte", "a", a, ArticleFilter.ALL.withAuthor(id));
  }

  private void source(Context ctx) throws IOException {
    long id = id(ctx.pathParam("id"));
    SourceProfile s = kb.source(id).orElseThrow(() -> new NotFoundResponse("no source " + id));
    listing(ctx, "source.jte", "s", s, ArticleFilter.ALL.withSource(id));
  }

  /** A page about {@code subject} (as template parameter {@code name}) with a page of its articles. */
  private void listing(Context ctx, String template, String name, Object subject, ArticleFilter filter)
      throws IOException {
    String cursor = ctx.queryParam("cursor");
    Map<String, Object> p = page(ctx);
    p.put(name, subject);
    p.put("articles", kb.articles(filter, cursor, PAGE_SIZE));
    p.put("cursor", cursor);
    ctx.html(Templates.render(template, p));
  }

  /**
   * A page of a search: the first, or the one its {@code cursor} points to. The first page shows why
   * a search cannot run, with status 400; a later one is reached by its link from a page whose search ran, so there
   * a failure means a bad or changed cursor, and is a 400.
   */
  private void search(Context ctx) throws IOException {
    SearchForm form = SearchForm.parse(ctx.queryParamMap());
    String cursor = ctx.queryParam("cursor");
    Map<String, Object> p = page(ctx, form.q());
    SearchPage page;
    if (form.empty()) {
      page = SearchPage.blank(form);
    } else if (cursor != null) {
      page = SearchPage.of(form, cursor, kb.search(form.query(PAGE_SIZE).withCursor(cursor)));
    } else {
      try {
        page = SearchPage.of(form, null, kb.search(form.query(PAGE_SIZE)));
      } catch (IllegalArgumentException e) {
        ctx.status(HttpStatus.BAD_REQUEST);
        page = SearchPage.failed(form, e.getMessage());
      }
    }
    p.put("p", page);
    ctx.html(Templates.render("search.jte", p));
  }

  private void searchFeed(Context ctx) throws IOException {
    SearchForm form = SearchForm.parse(ctx.queryParamMap());
    SearchHits hits = kb.search(form.query(FEED_SIZE));
    String base = base(ctx);
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (SearchHits.Hit h : hits.hits()) {
      String page = base + "/articles/" + h.id();
      entries.add(new AtomFeed.Entry(page, h.title(), page, h.url(), h.published(), List.of(),
          Jsoup.parse(h.snippet()).text()));
    }
    String title = "Lente: " + (form.empty() ? "*" : form.describe());
    feed(ctx, new AtomFeed(base + form.href("/search"), title, base + form.href("/search.atom"),
        base + form.href("/search"), entries));
  }

  private void entityFeed(Context ctx, long id) throws IOException {
    EntityProfile e = kb.entity(id).orElseThrow(() -> new NotFoundResponse("no entity " + id));
    String base = base(ctx);
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (ArticleSummary a : kb.articles(ArticleFilter.ALL.withEntity(id), null, FEED_SIZE).items()) {
      String page = base + "/articles/" + a.id();
      entries.add(new AtomFeed.Entry(page, a.title(), page, a.url(), a.published(),
          a.authors().stream().map(r -> r.name()).toList(), a.snippet()));
    }
    String self = base + "/entities/" + id;
    feed(ctx, new AtomFeed(self, "Lente: " + e.name(), self + ".atom", self, entries));
  }

  private static void feed(Context ctx, AtomFeed feed) {
    ctx.contentType(AtomFeed.CONTENT_TYPE).result(feed.xml(Instant.now()));
  }

  /**
   * A page of a quote search: the first, or the quotes after its {@code cursor} (a bad one is a 400);
   * an empty form lists the latest quotes, newest first.
   */
  private void quotes(Context ctx) throws IOException {
    QuoteForm form = QuoteForm.parse(ctx.queryParamMap());
    String cursor = ctx.queryParam("cursor");
    Page<QuoteHit> quotes = quotePage(form.query().after(cursor, QuoteForm.LIMIT));
    Map<String, Object> p = page(ctx);
    p.put("f", form);
    p.put("cursor", cursor);
    p.put("quotes", quotes);
    p.put("ids", speakerIds(quotes.items()));
    ctx.html(Templates.render("quotes.jte", p));
  }

  /** {@code query}'s quotes, with the position of the last as the next cursor when more follow. */
  private Page<QuoteHit> quotePage(QuoteQuery query) throws IOException {
    List<QuoteHit> hits = kb.quotes(query.after(query.cursor(), query.limit() + 1));
    if (hits.size() <= query.limit()) {
      return new Page<>(hits, null);
    }
    List<QuoteHit> page = hits.subList(0, query.limit());
    return new Page<>(page, page.getLast().position());
  }

  private void addForm(Context ctx) {
    if (auth.user(ctx).isEmpty()) {
      ctx.redirect("/login?next=/add", HttpStatus.SEE_OTHER);
      return;
    }
    renderAdd(ctx, null, "", "", "", "");
  }

  private void renderAdd(Context ctx, String error, String url, String title, String text, String html) {
    Map<String, Object> p = page(ctx);
    p.put("error", error);
    p.put("url", url);
    p.put("title", title);
    p.put("text", text);
    p.put("html", html);
    ctx.html(Templates.render("add.jte", p));
  }

  private void add(Context ctx) throws IOException {
    String user = auth.requireUser(ctx);
    String url = orEmpty(ctx.formParam("url"));
    String html = orEmpty(ctx.formParam("html"));
    String text = orEmpty(ctx.formParam("text"));
    String title = orEmpty(ctx.formParam("title"));
    int given = (html.isBlank() && !url.isBlank() ? 1 : 0) + (html.isBlank() ? 0 : 1) + (text.isBlank() ? 0 : 1);
    if (given != 1) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderAdd(ctx, messages(ctx).t("add.oneOf"), url, title, text, html);
      return;
    }
    Submissions.Request request;
    try {
      request = !text.isBlank() ? Submissions.Request.text(text, title.isBlank() ? null : title)
          : !html.isBlank() ? Submissions.Request.html(html, url.isBlank() ? null : url)
          : Submissions.Request.url(url.strip());
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderAdd(ctx, messages(ctx).t("add.error", e.getMessage()), url, title, text, html);
      return;
    }
    Submissions.Submission s;
    try {
      s = ingests.submit(request, user);
    } catch (IllegalStateException full) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
      renderAdd(ctx, messages(ctx).t("add.error", full.getMessage()), url, title, text, html);
      return;
    }
    ctx.redirect("/add/" + Chrome.enc(s.id()), HttpStatus.SEE_OTHER);
  }

  private void submission(Context ctx) throws IOException {
    Submissions.Submission s = ingests.get(ctx.pathParam("id"))
        .orElseThrow(() -> new NotFoundResponse("no submission " + ctx.pathParam("id")));
    if (s.articleId() != null) {
      ctx.redirect("/articles/" + s.articleId(), HttpStatus.SEE_OTHER);
      return;
    }
    HomeSubmission h = summary(s);
    Map<String, Object> p = page(ctx);
    p.put("s", h);
    p.put("waiting", h.state().equals("queued") || h.state().equals("analysing"));
    ctx.html(Templates.render("submission.jte", p));
  }

  private static HomeSubmission summary(Submissions.Submission s) {
    return new HomeSubmission(s.input(), s.state().name().toLowerCase(java.util.Locale.ROOT), s.articleId(), s.error());
  }

  private void loginForm(Context ctx) {
    renderLogin(ctx, localPath(ctx.queryParam("next")), false);
  }

  private void renderLogin(Context ctx, String next, boolean failed) {
    Map<String, Object> p = page(ctx);
    p.put("next", next);
    p.put("failed", failed);
    p.put("needed", next.startsWith("/add"));
    ctx.html(Templates.render("login.jte", p));
  }

  private void login(Context ctx) throws IOException {
    String next = localPath(ctx.formParam("next"));
    if (auth.login(ctx, orEmpty(ctx.formParam("user")), orEmpty(ctx.formParam("password")))) {
      ctx.redirect(next, HttpStatus.SEE_OTHER);
    } else {
      ctx.status(HttpStatus.UNAUTHORIZED);
      renderLogin(ctx, next, true);
    }
  }

  private void logout(Context ctx) throws IOException {
    auth.logout(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /** A path on this site to go to after logging in; anything else (other sites, "//host") is "/". */
  static String localPath(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
        || next.chars().anyMatch(ch -> ch < 0x20) || next.length() > 500) {
      return "/";
    }
    return next;
  }

  /** The entity ids of the quotes' speakers that are knowledge-base entities. */
  private Map<String, Long> speakerIds(List<QuoteHit> quotes) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (QuoteHit q : quotes) {
      if (q.speakerCanonical() != null) {
        names.add(q.speakerCanonical());
      }
    }
    Map<String, Long> ids = new HashMap<>();
    for (String n : names) {
      kb.entityId(n).ifPresent(id -> ids.put(n, id));
    }
    return ids;
  }

  private Map<String, Object> page(Context ctx) {
    return page(ctx, null);
  }

  private Map<String, Object> page(Context ctx, String query) {
    Map<String, Object> p = new HashMap<>();
    p.put("c", chrome(ctx, auth, csrf, query));
    return p;
  }

  static Chrome chrome(Context ctx, Auth auth, Csrf csrf) {
    return chrome(ctx, auth, csrf, null);
  }

  /**
   * The frame of a page: its language (a valid {@code ?lang=} is kept in a cookie for a year), the
   * user, the form token, and the address without {@code lang}.
   */
  static Chrome chrome(Context ctx, Auth auth, Csrf csrf, String query) {
    String param = Lang.known(ctx.queryParam("lang"));
    if (param != null) {
      Cookie cookie = new Cookie(Lang.COOKIE, param);
      cookie.setPath("/");
      cookie.setMaxAge(365 * 24 * 3600);
      cookie.setHttpOnly(true);
      cookie.setSameSite(SameSite.LAX);
      ctx.cookie(cookie);
    }
    String lang = Lang.choose(param, ctx.cookie(Lang.COOKIE), ctx.header("Accept-Language"));
    String user = auth == null ? null : auth.user(ctx).orElse(null);
    String token = csrf == null ? "" : csrf.token(ctx);
    return new Chrome(Messages.of(lang), pathWithoutLang(ctx), user, token, query);
  }

  static Messages messages(Context ctx) {
    return Messages.of(Lang.choose(ctx.queryParam("lang"), ctx.cookie(Lang.COOKIE), ctx.header("Accept-Language")));
  }

  private static String pathWithoutLang(Context ctx) {
    List<String> parts = new ArrayList<>();
    ctx.queryParamMap().forEach((k, vs) -> {
      if (!k.equals("lang")) {
        vs.forEach(v -> parts.add(Chrome.enc(k) + "=" + Chrome.enc(v)));
      }
    });
    return ctx.path() + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
  }

  /**
   * The site's address, for the absolute links of feeds and JSON-LD: the configured public URL, else
   * the local address and port the request's connection came in on. Never the Host header, which
   * any client can set to another site's name.
   */
  private String base(Context ctx) {
    if (publicUrl != null) {
      return publicUrl.toString();
    }
    String address = ctx.req().getLocalAddr();
    String host = address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    String scheme = "https".equalsIgnoreCase(ctx.scheme()) ? "https" : "http";
    return scheme + "://" + host + ":" + ctx.req().getLocalPort();
  }

  private static long id(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // not a number: no such page
    }
    throw new NotFoundResponse("no such id: " + raw);
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
