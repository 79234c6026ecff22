package org.lente.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.index.SearchHits;
import org.lente.index.SearchQuery;
import org.lente.knowledge.KnowledgeReader;
import org.lente.server.Auth;
import org.lente.server.Submissions;
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

/**
 * The JSON API under {@value #BASE}, as {@code openapi.json} (served at
 * {@code /api/v1/openapi.json}) documents it: articles and their lineage, stories, entities, quotes,
 * search, sources, authors and ingest. Listings page with opaque cursors: a page's {@code next} is the URL of the following
 * page, or null. Ids are the knowledge base's ({@code lente search --json} prints the same article
 * ids). Errors are the Server's problem+json. Handlers are thin: parse, call the knowledge base,
 * write JSON (the records of {@link ApiJson} and the stored records they name).
 */
public final class ApiRoutes implements Routes {

  public static final String BASE = "/api/v1";

  /** Items per page when the request does not say. */
  static final int DEFAULT_LIMIT = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KnowledgeReader kb;
  private final StoryReader stories;
  private final Submissions ingests;
  private final Auth auth;
  private final byte[] openApi;

  public ApiRoutes(KnowledgeReader kb, StoryReader stories, Submissions ingests, Auth auth) throws IOException {
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
    page(ctx, kb.articles(filter, ctx.queryParam("cursor"), limit(ctx)));
  }

  private void article(Context ctx) throws IOException {
    long id = pathId(ctx);
    ArticleView view = kb.articleView(id).orElseThrow(() -> new NotFoundResponse("no article " + id));
    write(ctx, ApiJson.ArticleBody.of(view));
  }

  /** As {@code lente lineage --json} ({@link LineageReport}): the article, its story, its related articles best first. */
  private void lineage(Context ctx) throws IOException {
    long id = pathId(ctx);
    write(ctx, stories.lineage(id).orElseThrow(() -> new NotFoundResponse("no article " + id)));
  }

  private void stories(Context ctx) throws IOException {
    int minArticles = intParam(ctx, "minArticles", 1, 1, 1000);
    Page<Story> page = stories.stories(language(ctx), minArticles, ctx.queryParam("cursor"), limit(ctx));
    write(ctx, new ApiJson.Paged<>(page.items().stream().map(ApiJson.StorySummary::of).toList(), next(ctx, page)));
  }

  private void story(Context ctx) throws IOException {
    long id = pathId(ctx);
    write(ctx, ApiJson.StoryBody.of(stories.story(id).orElseThrow(() -> new NotFoundResponse("no story " + id))));
  }

  private void entities(Context ctx) throws IOException {
    page(ctx, kb.entities(ctx.queryParam("cursor"), limit(ctx)));
  }

  private void trending(Context ctx) throws IOException {
    int days = intParam(ctx, "days", 7, 1, 3660);
    write(ctx, new ApiJson.Trending(days, kb.trending(days, limit(ctx))));
  }

  private void entity(Context ctx) throws IOException {
    long id = pathId(ctx);
    EntityProfile p = kb.entity(id).orElseThrow(() -> new NotFoundResponse("no entity " + id));
    write(ctx, ApiJson.EntityBody.of(p, BASE + "/entities/" + id + "/articles"));
  }

  private void entityArticles(Context ctx) throws IOException {
    long id = pathId(ctx);
    ArticleFilter filter = new ArticleFilter(optionalId(ctx, "source"), optionalId(ctx, "author"), id, language(ctx),
        date(ctx, "from"), date(ctx, "to"));
    Page<ArticleSummary> page = kb.articles(filter, ctx.queryParam("cursor"), limit(ctx));
    if (page.items().isEmpty() && kb.entity(id).isEmpty()) { // the profile only when the page cannot tell
      throw new NotFoundResponse("no entity " + id);
    }
    page(ctx, page);
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
    Page<QuoteHit> page = quotePage(ctx, q);
    write(ctx, new ApiJson.EntityQuotes(id, role, page.items(), next(ctx, page)));
  }

  private void quotes(Context ctx) throws IOException {
    String speaker = blankToNull(ctx.queryParam("speaker"));
    String about = blankToNull(ctx.queryParam("about"));
    page(ctx, quotePage(ctx, new QuoteQuery(speaker, about, date(ctx, "from"), date(ctx, "to"), limit(ctx))));
  }

  /**
   * One page of {@code query}'s quotes: the page starts after the request's {@code cursor} (the position of
   * the previous page's last quote); its cursor is its last quote's position, or null on the last page.
   */
  private Page<QuoteHit> quotePage(Context ctx, QuoteQuery query) throws IOException {
    List<QuoteHit> hits = kb.quotes(query.after(ctx.queryParam("cursor"), query.limit() + 1));
    List<QuoteHit> page = hits.subList(0, Math.min(hits.size(), query.limit()));
    return new Page<>(page, hits.size() > query.limit() ? page.getLast().position() : null);
  }

  private void search(Context ctx) throws IOException {
    boolean facets = "true".equals(ctx.queryParam("facets"));
    SearchQuery q = new SearchQuery(ctx.queryParam("q"), ctx.queryParams("entity"), ctx.queryParams("type"),
        blankToNull(ctx.queryParam("source")), blankToNull(ctx.queryParam("author")), language(ctx), date(ctx, "from"),
        date(ctx, "to"), limit(ctx), facets ? SearchQuery.FACETS : List.of(), ctx.queryParam("cursor"));
    SearchHits hits = kb.search(q);
    Map<String, List<ApiJson.FacetValue>> facetValues = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Long>> facet : hits.facets().entrySet()) {
      List<ApiJson.FacetValue> values = new ArrayList<>();
      for (Map.Entry<String, Long> v : facet.getValue().entrySet()) {
        values.add(new ApiJson.FacetValue(v.getKey(), v.getValue(), facetId(facet.getKey(), v.getKey())));
      }
      facetValues.put(facet.getKey(), values);
    }
    write(ctx, new ApiJson.SearchResult(hits.total(), hits.next() == null ? null : nextUrl(ctx, hits.next()),
        hits.hits(), facetValues));
  }

  /** The knowledge-base id of facet {@code field}'s {@code value} (an entity, source or author), or null. */
  private Long facetId(String field, String value) throws IOException {
    return switch (field) {
      case "entity" -> kb.entityId(value).orElse(null);
      case "source" -> kb.sourceId(value).orElse(null);
      case "author" -> kb.authorId(value).orElse(null);
      default -> null;
    };
  }

  private void sources(Context ctx) throws IOException {
    page(ctx, kb.sources(ctx.queryParam("cursor"), limit(ctx)));
  }

  private void source(Context ctx) throws IOException {
    long id = pathId(ctx);
    write(ctx, kb.source(id).orElseThrow(() -> new NotFoundResponse("no source " + id)));
  }

  private void authors(Context ctx) throws IOException {
    page(ctx, kb.authors(ctx.queryParam("cursor"), limit(ctx)));
  }

  private void author(Context ctx) throws IOException {
    long id = pathId(ctx);
    write(ctx, kb.author(id).orElseThrow(() -> new NotFoundResponse("no author " + id)));
  }

  private void ingestStatus(Context ctx) throws IOException {
    write(ctx, ApiJson.Status.of(kb.status(),
        ingests.recent(limit(ctx)).stream().map(ApiJson.Submission::of).toList()));
  }

  private void submission(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    write(ctx, ApiJson.Submission.of(ingests.get(id).orElseThrow(() -> new NotFoundResponse("no submission " + id))));
  }

  /** POST: JSON {@code {"url"}}, {@code {"html", "url"?}} or {@code {"text", "title"?}}, or the same as a form. */
  private void ingest(Context ctx) throws IOException {
    String user = auth.requireUser(ctx);
    Submissions.Request request;
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
      request = new Submissions.Request(text(body, "url"), text(body, "html"), text(body, "text"), text(body, "title"));
    } else if (ctx.isFormUrlencoded() || ctx.isMultipartFormData()) {
      request = new Submissions.Request(blankToNull(ctx.formParam("url")), blankToNull(ctx.formParam("html")),
          blankToNull(ctx.formParam("text")), blankToNull(ctx.formParam("title")));
    } else {
      throw new UnsupportedMediaTypeResponse("send application/json or a form, not " + ctx.contentType());
    }
    Submissions.Submission s;
    try {
      s = ingests.submit(request, user);
    } catch (IllegalStateException full) {
      throw new ServiceUnavailableResponse(full.getMessage());
    }
    ctx.status(202).header("Location", BASE + "/ingest/" + s.id());
    write(ctx, ApiJson.Submission.of(s));
  }

  // ---- parameters and writing ----

  /** Writes {@code page} as {@code {items, next}}, its items as they are, its cursor as the next page's URL. */
  private static void page(Context ctx, Page<?> page) {
    write(ctx, new ApiJson.Paged<>(page.items(), next(ctx, page)));
  }

  /** The URL of the page after {@code page}, or null when it is the last. */
  private static String next(Context ctx, Page<?> page) {
    return page.next() == null ? null : nextUrl(ctx, page.next());
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
