package org.lente.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lente.extract.Article;
import org.lente.index.SearchHits;
import org.lente.index.SearchQuery;
import org.lente.knowledge.KnowledgeReader;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.server.Auth;
import org.lente.server.Ingests;
import org.lente.server.Routes;
import org.lente.store.ArticleFilter;
import org.lente.store.ArticleSummary;
import org.lente.store.ArticleView;
import org.lente.store.EntityProfile;
import org.lente.store.Page;
import org.lente.store.QuoteHit;
import org.lente.store.QuoteQuery;
import org.lente.story.LineageReport;
import org.lente.story.Story;
import org.lente.story.StoryReader;
import org.lente.story.StoryView;

/**
 * The JSON API under {@value #BASE}, as {@code openapi.json} (served at
 * {@code /api/v1/openapi.json}) documents it: articles and their lineage, stories, entities, quotes,
 * search, sources, authors and ingest. Listings page with opaque cursors: a page's {@code next} is the URL of the following
 * page, or null. Ids are the knowledge base's ({@code lente search --json} prints the same article
 * ids). Errors are the Server's problem+json. Handlers are thin: parse, call the knowledge base,
 * write JSON.
 */
public final class ApiRoutes implements Routes {

  public static final String BASE = "/api/v1";

  /** Items per page when the request does not say. */
  static final int DEFAULT_LIMIT = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KnowledgeReader kb;
  private final StoryReader stories;
  private final Ingests ingests;
  private final Auth auth;
  private final byte[] openApi;

  public ApiRoutes(KnowledgeReader kb, StoryReader stories, Ingests ingests, Auth auth) throws IOException {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.stories = Objects.requireNonNull(stories, "stories");
    this.ingests = Objects.requireNonNull(ingests, "ingests");
    this.auth = Objects.requireNonNull(auth, "auth");
    try (InputStream in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IOException("openapi.json missing from the classpath (org/lente/api/openapi.json)");
      }
      this.openApi = in.readAllBytes();
    }
  }

  @Override
  public void addTo(JavalinConfig config) {
    var r = config.routes;
    r.get(BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    r.get(BASE + "/articles", this::articles);
    r.get(BASE + "/articles/{id}", this::article);
    r.get(BASE + "/articles/{id}/lineage", this::lineage);
    r.get(BASE + "/stories", this::stories);
    r.get(BASE + "/stories/{id}", this::story);
    r.get(BASE + "/entities", this::entities);
    r.get(BASE + "/entities/trending", this::trending);
    r.get(BASE + "/entities/{id}", this::entity);
    r.get(BASE + "/entities/{id}/articles", this::entityArticles);
    r.get(BASE + "/entities/{id}/quotes", this::entityQuotes);
    r.get(BASE + "/quotes", this::quotes);
    r.get(BASE + "/search", this::search);
    r.get(BASE + "/sources", this::sources);
    r.get(BASE + "/sources/{id}", this::source);
    r.get(BASE + "/authors", this::authors);
    r.get(BASE + "/authors/{id}", this::author);
    r.get(BASE + "/ingest", this::ingestStatus);
    r.get(BASE + "/ingest/{id}", this::submission);
    r.post(BASE + "/ingest", this::ingest);
  }

  // ---- handlers ----

  private void articles(Context ctx) throws IOException {
    ArticleFilter filter = new ArticleFilter(optionalId(ctx, "source"), optionalId(ctx, "author"),
        optionalId(ctx, "entity"), language(ctx), date(ctx, "from"), date(ctx, "to"));
    page(ctx, kb.articles(filter, ctx.queryParam("cursor"), limit(ctx)), ApiRoutes::summary);
  }

  private void article(Context ctx) throws IOException {
    long id = pathId(ctx);
    ArticleView view = kb.articleView(id).orElseThrow(() -> new NotFoundResponse("no article " + id));
    write(ctx, articleJson(view));
  }

  /** As {@code lente lineage --json} ({@link LineageReport}): the article, its story, its related articles best first. */
  private void lineage(Context ctx) throws IOException {
    long id = pathId(ctx);
    write(ctx, JSON.valueToTree(stories.lineage(id).orElseThrow(() -> new NotFoundResponse("no article " + id))));
  }

  private void stories(Context ctx) throws IOException {
    int minArticles = intParam(ctx, "minArticles", 1, 1, 1000);
    page(ctx, stories.stories(language(ctx), minArticles, ctx.queryParam("cursor"), limit(ctx)), ApiRoutes::storyItem);
  }

  private void story(Context ctx) throws IOException {
    long id = pathId(ctx);
    StoryView v = stories.story(id).orElseThrow(() -> new NotFoundResponse("no story " + id));
    ObjectNode o = storyItem(v.story());
    ArrayNode articles = o.putArray("articleList");
    v.articles().forEach(a -> articles.add(summary(a)));
    ArrayNode entities = o.putArray("keyEntities");
    v.keyEntities().forEach(e -> putId(entities.addObject().put("name", e.name()), "id", e.id()));
    ArrayNode quotes = o.putArray("quotes");
    v.story().quotes().forEach(quotes::add);
    ObjectNode timeline = o.putObject("timeline");
    ObjectNode perDay = timeline.putObject("articlesPerDay");
    v.articlesPerDay().forEach(perDay::put);
    ObjectNode referred = timeline.putObject("datesReferred");
    v.datesReferred().forEach(referred::put);
    write(ctx, o);
  }

  static ObjectNode storyItem(Story s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", s.id()).put("title", s.title()).put("first", s.first()).put("last", s.last())
        .put("articles", s.articles().size());
    ArrayNode sources = o.putArray("sources");
    s.sources().stream().filter(x -> !x.isBlank()).forEach(sources::add); // "" is a local file's: no source
    ArrayNode languages = o.putArray("languages");
    s.languages().forEach(languages::add);
    return o;
  }

  private void entities(Context ctx) throws IOException {
    page(ctx, kb.entities(ctx.queryParam("cursor"), limit(ctx)), e -> e);
  }

  private void trending(Context ctx) throws IOException {
    int days = intParam(ctx, "days", 7, 1, 3660);
    ObjectNode o = JSON.createObjectNode();
    o.put("days", days);
    ArrayNode items = o.putArray("items");
    kb.trending(days, limit(ctx)).forEach(items::addPOJO);
    write(ctx, o);
  }

  private void entity(Context ctx) throws IOException {
    long id = pathId(ctx);
    EntityProfile p = kb.entity(id).orElseThrow(() -> new NotFoundResponse("no entity " + id));
    ObjectNode o = JSON.createObjectNode();
    o.put("id", p.id()).put("name", p.name()).put("type", p.type()).put("articles", p.articles());
    ArrayNode aliases = o.putArray("aliases");
    p.aliases().forEach(a -> aliases.addObject().put("name", a.name()).put("count", a.count()));
    ArrayNode roles = o.putArray("roles");
    p.roles().forEach(x -> roles.addObject().put("role", x.role()).put("count", x.count()).put("first", x.first())
        .put("last", x.last()));
    ObjectNode perDay = o.putObject("mentionsPerDay");
    p.mentionsPerDay().forEach(perDay::put);
    o.set("quotesBy", quoteList(p.quotesBy()));
    o.set("quotesAbout", quoteList(p.quotesAbout()));
    ArrayNode together = o.putArray("cooccurring");
    p.cooccurring().forEach(together::addPOJO);
    o.put("articlesUrl", BASE + "/entities/" + id + "/articles");
    write(ctx, o);
  }

  private void entityArticles(Context ctx) throws IOException {
    long id = pathId(ctx);
    ArticleFilter filter = new ArticleFilter(optionalId(ctx, "source"), optionalId(ctx, "author"), id, language(ctx),
        date(ctx, "from"), date(ctx, "to"));
    Page<ArticleSummary> page = kb.articles(filter, ctx.queryParam("cursor"), limit(ctx));
    if (page.items().isEmpty() && kb.entity(id).isEmpty()) { // the profile only when the page cannot tell
      throw new NotFoundResponse("no entity " + id);
    }
    page(ctx, page, ApiRoutes::summary);
  }

  private void entityQuotes(Context ctx) throws IOException {
    long id = pathId(ctx);
    EntityProfile p = kb.entity(id).orElseThrow(() -> new NotFoundResponse("no entity " + id));
    String role = ctx.queryParam("role") == null ? "by" : ctx.queryParam("role");
    QuoteQuery q = switch (role) {
      case "by" -> new QuoteQuery(p.name(), null, date(ctx, "from"), date(ctx, "to"), limit(ctx));
      case "about" -> new QuoteQuery(null, p.name(), date(ctx, "from"), date(ctx, "to"), limit(ctx));
      default -> throw new BadRequestResponse("role must be by or about: " + role);
    };
    ObjectNode o = JSON.createObjectNode();
    o.put("entity", id).put("role", role);
    quotePage(ctx, q, o);
  }

  private void quotes(Context ctx) throws IOException {
    String speaker = blankToNull(ctx.queryParam("speaker"));
    String about = blankToNull(ctx.queryParam("about"));
    quotePage(ctx, new QuoteQuery(speaker, about, date(ctx, "from"), date(ctx, "to"), limit(ctx)),
        JSON.createObjectNode());
  }

  /**
   * One page of {@code query}'s quotes into {@code o} as {@code items} and {@code next}: the page
   * starts after the request's {@code cursor} (the position of the previous page's last quote).
   */
  private void quotePage(Context ctx, QuoteQuery query, ObjectNode o) throws IOException {
    List<QuoteHit> hits = kb.quotes(query.after(ctx.queryParam("cursor"), query.limit() + 1));
    List<QuoteHit> page = hits.subList(0, Math.min(hits.size(), query.limit()));
    o.set("items", quoteList(page));
    o.put("next", hits.size() > query.limit() ? nextUrl(ctx, page.getLast().position()) : null);
    write(ctx, o);
  }

  private void search(Context ctx) throws IOException {
    boolean facets = "true".equals(ctx.queryParam("facets"));
    SearchQuery q = new SearchQuery(ctx.queryParam("q"), ctx.queryParams("entity"), ctx.queryParams("type"),
        blankToNull(ctx.queryParam("source")), blankToNull(ctx.queryParam("author")), language(ctx), date(ctx, "from"),
        date(ctx, "to"), limit(ctx), facets ? SearchQuery.FACETS : List.of(), ctx.queryParam("cursor"));
    SearchHits hits = kb.search(q);
    ObjectNode o = JSON.createObjectNode();
    o.put("total", hits.total());
    o.put("next", hits.next() == null ? null : nextUrl(ctx, hits.next()));
    ArrayNode items = o.putArray("hits");
    hits.hits().forEach(items::addPOJO); // the SearchHits.Hit record, as `lente search --json` prints it
    ObjectNode f = o.putObject("facets");
    for (Map.Entry<String, Map<String, Long>> facet : hits.facets().entrySet()) {
      ArrayNode values = f.putArray(facet.getKey());
      for (Map.Entry<String, Long> v : facet.getValue().entrySet()) {
        ObjectNode value = values.addObject().put("value", v.getKey()).put("count", v.getValue());
        Long id = switch (facet.getKey()) {
          case "entity" -> kb.entityId(v.getKey()).orElse(null);
          case "source" -> kb.sourceId(v.getKey()).orElse(null);
          case "author" -> kb.authorId(v.getKey()).orElse(null);
          default -> null;
        };
        if (id != null) {
          value.put("id", id);
        }
      }
    }
    write(ctx, o);
  }

  private void sources(Context ctx) throws IOException {
    page(ctx, kb.sources(ctx.queryParam("cursor"), limit(ctx)), s -> s);
  }

  private void source(Context ctx) throws IOException {
    long id = pathId(ctx);
    write(ctx, kb.source(id).orElseThrow(() -> new NotFoundResponse("no source " + id)));
  }

  private void authors(Context ctx) throws IOException {
    page(ctx, kb.authors(ctx.queryParam("cursor"), limit(ctx)), a -> a);
  }

  private void author(Context ctx) throws IOException {
    long id = pathId(ctx);
    write(ctx, kb.author(id).orElseThrow(() -> new NotFoundResponse("no author " + id)));
  }

  private void ingestStatus(Context ctx) throws IOException {
    var s = kb.status();
    ObjectNode o = JSON.createObjectNode();
    o.put("articles", s.articles()).put("entities", s.entities()).put("quotes", s.quotes()).put("sources", s.sources())
        .put("authors", s.authors()).put("lastStored", s.lastStored() == null ? null : s.lastStored().toString());
    ArrayNode recent = o.putArray("recent");
    ingests.recent(limit(ctx)).forEach(x -> recent.add(submission(x)));
    write(ctx, o);
  }

  private void submission(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    write(ctx, submission(ingests.get(id).orElseThrow(() -> new NotFoundResponse("no submission " + id))));
  }

  /** POST: JSON {@code {"url"}}, {@code {"html", "url"?}} or {@code {"text", "title"?}}, or the same as a form. */
  private void ingest(Context ctx) throws IOException {
    String user = auth.requireUser(ctx);
    Ingests.Request request;
    if (ctx.isJson()) {
      JsonNode body;
      try {
        body = JSON.readTree(ctx.body());
      } catch (JsonProcessingException e) {
        throw new BadRequestResponse("the body is not valid JSON: " + e.getOriginalMessage());
      }
      if (body == null || !body.isObject()) {
        throw new BadRequestResponse("the body must be a JSON object with url, html or text");
      }
      request = new Ingests.Request(text(body, "url"), text(body, "html"), text(body, "text"), text(body, "title"));
    } else if (ctx.isFormUrlencoded() || ctx.isMultipartFormData()) {
      request = new Ingests.Request(blankToNull(ctx.formParam("url")), blankToNull(ctx.formParam("html")),
          blankToNull(ctx.formParam("text")), blankToNull(ctx.formParam("title")));
    } else {
      throw new UnsupportedMediaTypeResponse("send application/json or a form, not " + ctx.contentType());
    }
    Ingests.Submission s;
    try {
      s = ingests.submit(request, user);
    } catch (IllegalStateException full) {
      throw new ServiceUnavailableResponse(full.getMessage());
    }
    ctx.status(202).header("Location", BASE + "/ingest/" + s.id());
    write(ctx, submission(s));
  }

  // ---- JSON shapes ----

  static ObjectNode summary(ArticleSummary a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id()).put("title", a.title()).put("url", a.url()).put("published", a.published())
        .put("language", a.language());
    o.putPOJO("source", a.source());
    ArrayNode authors = o.putArray("authors");
    a.authors().forEach(authors::addPOJO);
    o.put("snippet", a.snippet());
    return o;
  }

  static ArrayNode quoteList(List<QuoteHit> quotes) {
    ArrayNode list = JSON.createArrayNode();
    for (QuoteHit q : quotes) {
      list.addObject().put("articleId", q.articleId()).put("title", q.title()).put("url", q.url())
          .put("published", q.published()).put("text", q.text()).put("kind", q.kind().toLowerCase(Locale.ROOT))
          .put("speaker", q.speaker()).put("speakerCanonical", q.speakerCanonical()).put("cue", q.cue());
    }
    return list;
  }

  static ObjectNode submission(Ingests.Submission s) {
    ObjectNode o = JSON.createObjectNode().put("id", s.id()).put("input", s.input())
        .put("state", s.state().name().toLowerCase(Locale.ROOT));
    if (s.articleId() == null) {
      o.putNull("articleId");
    } else {
      o.put("articleId", s.articleId());
    }
    o.put("error", s.error()).put("at", s.at().toString()).put("statusUrl", BASE + "/ingest/" + s.id());
    return o;
  }

  /** An article with everything found in it, each entity and speaker with its entity id when known. */
  static ObjectNode articleJson(ArticleView view) {
    Analysis a = view.article().analysis();
    Article x = a.article();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", view.article().id()).put("version", view.article().version())
        .put("storedAt", view.article().storedAt().toString()).put("title", x.title()).put("subtitle", x.subtitle())
        .put("url", x.url()).put("published", x.published()).put("language", a.textLanguage()).put("section", x.section());
    o.putPOJO("source", view.source());
    ArrayNode authors = o.putArray("authors");
    view.authors().forEach(authors::addPOJO);
    o.put("authorBio", view.authorBio()).put("text", x.text());
    ArrayNode entities = o.putArray("entities");
    for (Entity e : a.entities()) {
      ObjectNode n = entities.addObject().put("text", e.text()).put("type", e.type().name()).put("start", e.start())
          .put("end", e.end()).put("canonical", e.canonical()).put("role", e.role());
      putId(n, "entityId", view.entityIds().get(e.canonical()));
    }
    ArrayNode quotes = o.putArray("quotes");
    for (Quote q : a.quotes()) {
      ObjectNode n = quotes.addObject().put("text", q.text()).put("kind", q.kind().name().toLowerCase(Locale.ROOT))
          .put("speaker", q.speaker()).put("speakerCanonical", q.speakerCanonical()).put("cue", q.cue())
          .put("start", q.start()).put("end", q.end());
      putId(n, "speakerEntityId", q.speakerCanonical() == null ? null : view.entityIds().get(q.speakerCanonical()));
    }
    a.times().forEach(o.putArray("times")::addPOJO); // Timex records, as `lente analyze --json` prints them
    return o;
  }

  private static void putId(ObjectNode n, String field, Long id) {
    if (id == null) {
      n.putNull(field);
    } else {
      n.put(field, id);
    }
  }

  // ---- parameters and writing ----

  private static <T> void page(Context ctx, Page<T> page, java.util.function.Function<T, ?> shape) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode items = o.putArray("items");
    page.items().forEach(x -> items.addPOJO(shape.apply(x))); // a JsonNode, or a record written as is
    o.put("next", page.next() == null ? null : nextUrl(ctx, page.next()));
    write(ctx, o);
  }

  /** This request's path and query with {@code cursor} set to {@code next}. */
  static String nextUrl(Context ctx, String next) {
    StringBuilder url = new StringBuilder(ctx.path()).append('?');
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      if (p.getKey().equals("cursor")) {
        continue;
      }
      for (String v : p.getValue()) {
        url.append(enc(p.getKey())).append('=').append(enc(v)).append('&');
      }
    }
    return url.append("cursor=").append(enc(next)).toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void write(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static long pathId(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new BadRequestResponse("an id is a positive number: " + raw);
  }

  private static Long optionalId(Context ctx, String name) {
    String raw = blankToNull(ctx.queryParam(name));
    if (raw == null) {
      return null;
    }
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new BadRequestResponse(name + " is an id, a positive number: " + raw);
  }

  private static int limit(Context ctx) {
    return intParam(ctx, "limit", DEFAULT_LIMIT, 1, 100);
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = blankToNull(ctx.queryParam(name));
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new BadRequestResponse(name + " must be a number from " + min + " to " + max + ": " + raw);
  }

  private static LocalDate date(Context ctx, String name) {
    String raw = blankToNull(ctx.queryParam(name));
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw new BadRequestResponse(name + " must be a date like 2024-06-19: " + raw);
    }
  }

  private static String language(Context ctx) {
    String raw = blankToNull(ctx.queryParam("lang"));
    if (raw != null && !raw.matches("[a-z]{2,3}")) {
      throw new BadRequestResponse("lang is an ISO 639-1 code like it or en: " + raw);
    }
    return raw;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new BadRequestResponse(field + " must be a string");
    }
    return blankToNull(n.asText());
  }
}
