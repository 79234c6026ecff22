package org.lente.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.lente.cluster.ClusterFile;
import org.lente.html.Escape;
import org.lente.nlp.Analysis;
import org.lente.store.StoredArticle;

/**
 * The clustered {@link SearchIndex}: an OpenSearch index reached over HTTP (the JDK's client and
 * Jackson; no OpenSearch jar enters Lente, whose Lucene is newer than OpenSearch's), searched as
 * {@link LuceneIndex} searches: the same fields ({@link IndexedArticle}), the same analysis per
 * language group (OpenSearch's {@code italian}, {@code english} and {@code standard} analyzers are
 * Lucene's {@code ItalianAnalyzer}, {@code EnglishAnalyzer} and {@code StandardAnalyzer}), the same
 * query (the one {@link LuceneIndex} parses from the text, with its bounds, written in the query DSL by
 * {@link OpenSearchQueries}), so the same BM25 scores, ties by article id; the same filters, facets (terms
 * aggregations: most frequent first, ties by value), snippets and cursors.
 *
 * <p>Searches go to an alias; the alias points at one concrete index, {@code ALIAS-N}. Writes go to the alias
 * too (never creating an index: {@code require_alias}), so that a process writing while another rebuilds writes
 * to the index searches see, before and after the swap. Writes are
 * bulk requests with external versions (the article's version): a 409 means the index already holds
 * that version or a newer one, which is done, not an error; so two writers of the same article
 * cannot put an older version over a newer one, and a put of an article's current version again
 * changes nothing. {@link #clear} starts a new concrete index, {@code ALIAS-(N+1)}, which the
 * following puts fill while searches still see the old one; {@link #commit} then swaps the alias in
 * one request and deletes the old index: a rebuild ({@code lente reindex}) is never half visible.
 *
 * <p>Changes become visible at {@link #commit} (the index refreshes only then) and are durable when
 * OpenSearch acknowledges them (its translog); puts are sent in bulks of {@value #BULK_ARTICLES}
 * articles or at commit. A delete is not versioned: a put of the same version within OpenSearch's
 * {@code index.gc_deletes} (60 s) after it is taken as stale. Thread-safe.
 */
public final class OpenSearchIndex implements SearchIndex {

  /** Articles sent per bulk request. */
  static final int BULK_ARTICLES = 500;

  /** The alias {@link #connect} uses. */
  public static final String ALIAS = "lente";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,200}");
  /** Marks of the highlighted words: noncharacters, which a stored text never needs (removed from it). */
  private static final String HIT_START = "\uFDD0";
  private static final String HIT_END = "\uFDD1";
  private static final Pattern MARKS = Pattern.compile("[\uFDD0\uFDD1]");
  private static final Map<String, String> ANALYZERS = Map.of("it", "italian", "en", "english", "std", "standard");
  private static final List<String> KEYWORDS = List.of("entity", "type", "source", "author", "language", "year");

  private final HttpClient http;
  private final URI base;
  private final String alias;
  private final Map<String, Analyzer> groupAnalyzers = LuceneIndex.groupAnalyzers();
  private final Duration budget;
  private final Object lock = new Object();
  private final List<String> pending = new ArrayList<>(); // bulk lines, two per article or one per delete
  private String live; // the index the alias pointed to when last read here
  private String rebuilding; // the index a clear started, which takes the writes until commit; null: none

  private OpenSearchIndex(HttpClient http, URI base, String alias, Duration budget) {
    this.http = http;
    this.base = base;
    this.alias = alias;
    this.budget = budget;
  }

  /** The index of the cluster's OpenSearch ({@code opensearch.url}), under the alias {@value #ALIAS}. */
  public static OpenSearchIndex connect(ClusterFile cluster) throws IOException {
    if (cluster.opensearchUrl() == null) {
      throw new IllegalArgumentException("the cluster file " + cluster.file() + " has no opensearch.url");
    }
    return open(cluster.opensearchUrl(), ALIAS, LuceneIndex.SEARCH_BUDGET);
  }

  /**
   * Opens the index under {@code alias} at the OpenSearch node {@code url}, creating an empty one (and
   * the alias) when there is none. Two processes opening a new alias at once get the same index.
   *
   * @param alias lower-case letters, digits, {@code -} and {@code _}
   * @param budget how long one search may take (OpenSearch's search timeout)
   * @throws IOException when the node cannot be reached or refuses, with its URL and answer
   */
  public static OpenSearchIndex open(URI url, String alias, Duration budget) throws IOException {
    Objects.requireNonNull(url, "url");
    if (alias == null || !NAME.matcher(alias).matches()) {
      throw new IllegalArgumentException("bad index alias (lower-case letters, digits, - and _): " + alias);
    }
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("the search budget must be positive: " + budget);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI base = URI.create(url.toString().endsWith("/") ? url.toString() : url + "/");
    OpenSearchIndex index = new OpenSearchIndex(http, base, alias, budget);
    index.live = index.liveIndex();
    return index;
  }

  // ---- the index's life: alias, concrete indices

  /** The index the alias points to, after creating the first one when there is none. */
  private String liveIndex() throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      Response r = send("GET", "_alias/" + alias, null);
      if (r.status == 200) {
        var names = r.json().fieldNames();
        if (names.hasNext()) {
          return names.next();
        }
      } else if (r.status != 404) {
        throw r.failure("reading the alias " + alias);
      }
      ObjectNode body = settings();
      body.putObject("aliases").putObject(alias);
      Response created = send("PUT", alias + "-1", body.toString());
      if (created.status == 200) {
        return alias + "-1";
      }
      if (!created.body.contains("resource_already_exists_exception")) {
        throw created.failure("creating the index " + alias + "-1");
      }
      // another process made it at the same moment: read the alias again
    }
    throw new IOException("the alias " + alias + " at " + base + " keeps changing");
  }

  /** The settings and mappings of a new index. */
  private static ObjectNode settings() {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", 1); // one shard: collection statistics, so scores, as in one Lucene index
    index.put("number_of_replicas", 0);
    index.put("refresh_interval", "-1"); // visible at commit only
    index.put("max_result_window", 10_001);
    index.set("analysis", OpenSearchQueries.analysis());
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode fields = mappings.putObject("properties");
    fields.putObject("id").put("type", "long");
    fields.putObject("version").put("type", "long").put("index", false);
    fields.putObject("group").put("type", "keyword");
    fields.putObject("day").put("type", "long");
    for (String keyword : KEYWORDS) {
      fields.putObject(keyword).put("type", "keyword");
    }
    for (String group : IndexedArticle.GROUPS) {
      // no position gap between a title and its subtitle, as in Lucene, so a phrase may span them there too
      fields.putObject("title_" + group).put("type", "text").put("analyzer", ANALYZERS.get(group))
          .put("position_increment_gap", 0);
      fields.putObject("body_" + group).put("type", "text").put("analyzer", ANALYZERS.get(group))
          .put("position_increment_gap", 0).put("index_options", "offsets"); // offsets: as LuceneIndex's body
    }
    fields.putObject("hit").put("type", "object").put("enabled", false); // kept for the hit, not searched
    return body;
  }

  @Override
  public void put(StoredArticle article) throws IOException {
    Objects.requireNonNull(article, "article");
    List<String> lines = indexAction(article);
    synchronized (lock) {
      pending.addAll(lines);
      if (pending.size() >= 2 * BULK_ARTICLES) {
        flush();
      }
    }
  }

  @Override
  public void delete(long id) throws IOException {
    ObjectNode action = JSON.createObjectNode();
    action.putObject("delete").put("_id", Long.toString(id));
    synchronized (lock) {
      pending.add(action.toString());
    }
  }

  /** Sends what is pending, refreshes, and points the alias at the index a {@link #clear} started. */
  @Override
  public void commit() throws IOException {
    synchronized (lock) {
      flush();
      String target = writeTarget();
      Response refreshed = send("POST", target + "/_refresh", null);
      if (refreshed.status != 200) {
        throw refreshed.failure("refreshing " + target);
      }
      if (rebuilding != null) {
        ObjectNode swap = JSON.createObjectNode();
        ArrayNode actions = swap.putArray("actions");
        actions.addObject().putObject("remove").put("index", live).put("alias", alias);
        actions.addObject().putObject("add").put("index", rebuilding).put("alias", alias);
        Response swapped = send("POST", "_aliases", swap.toString());
        if (swapped.status != 200) {
          throw swapped.failure("pointing " + alias + " at " + rebuilding);
        }
        String old = live;
        live = rebuilding;
        rebuilding = null;
        Response deleted = send("DELETE", old, null);
        if (deleted.status != 200 && deleted.status != 404) {
          throw deleted.failure("deleting the old index " + old);
        }
      }
    }
  }

  /**
   * Starts an empty index, {@code ALIAS-(N+1)} after the one the alias points to now, that takes the following
   * writes of this object; searches (and other processes' writes) see the old one until {@link #commit}. Writes
   * not yet committed are dropped with the old index. One rebuild at a time: two processes clearing at once
   * would start the same index.
   */
  @Override
  public void clear() throws IOException {
    synchronized (lock) {
      pending.clear();
      String next;
      if (rebuilding != null) { // a clear not committed yet: start again
        next = rebuilding;
      } else {
        live = liveIndex(); // another process may have rebuilt since this one read it
        next = alias + "-" + (generation(live) + 1);
      }
      Response gone = send("DELETE", next, null); // left by a clear that never committed
      if (gone.status != 200 && gone.status != 404) {
        throw gone.failure("deleting " + next);
      }
      Response created = send("PUT", next, settings().toString());
      if (created.status != 200) {
        throw created.failure("creating the index " + next);
      }
      rebuilding = next;
    }
  }

  /** Where writes go: the index a {@link #clear} started, else the alias. */
  private String writeTarget() {
    return rebuilding != null ? rebuilding : alias;
  }

  private long generation(String index) throws IOException {
    try {
      return Long.parseLong(index.substring(alias.length() + 1));
    } catch (RuntimeException e) {
      throw new IOException("the alias " + alias + " points at " + index + ", not at an index named " + alias
          + "-N: made by something else than Lente?");
    }
  }

  /**
   * Sends the pending writes to the target index; a version conflict (409) is an older version, done. The
   * pending writes are dropped whatever the outcome, so that memory stays bounded while OpenSearch refuses:
   * the store stays the truth, and what failed is found again by comparing {@link #versions} with it.
   *
   * @throws IOException when OpenSearch cannot be reached, or refuses the request or some of the articles
   *     (naming the first and how many)
   */
  private void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    List<String> lines = List.copyOf(pending);
    pending.clear();
    Map<Long, String> refused = bulk(lines);
    if (!refused.isEmpty()) {
      var first = refused.entrySet().iterator().next();
      throw new IOException(refused.size() + " articles were refused by " + base + writeTarget() + ", first "
          + first.getKey() + ": " + first.getValue());
    }
  }

  /**
   * Sends {@code articles} in bulk requests now, with what is pending before them, and returns those OpenSearch
   * refused, id → its error (in the order sent); a version conflict (409) is an older version, done. An article
   * whose document cannot be made is refused with the reason. Visible at {@link #commit}.
   *
   * @throws IOException when OpenSearch cannot be reached, or refuses a whole request
   */
  public Map<Long, String> write(List<StoredArticle> articles) throws IOException {
    Map<Long, String> refused = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (StoredArticle article : articles) {
      try {
        lines.addAll(indexAction(article));
      } catch (RuntimeException e) {
        refused.put(article.id(), "no document can be made: " + e);
      }
    }
    synchronized (lock) {
      flush();
      for (int from = 0; from < lines.size(); from += 2 * BULK_ARTICLES) {
        refused.putAll(bulk(lines.subList(from, Math.min(lines.size(), from + 2 * BULK_ARTICLES))));
      }
    }
    return refused;
  }

  /** The two bulk lines that put {@code article} with its version as an external one. */
  private static List<String> indexAction(StoredArticle article) {
    IndexedArticle a = IndexedArticle.of(article);
    ObjectNode action = JSON.createObjectNode();
    action.putObject("index").put("_id", Long.toString(a.id())).put("version", a.version())
        .put("version_type", "external");
    return List.of(action.toString(), document(a).toString());
  }

  /**
   * Sends one bulk request of {@code lines} to the {@link #writeTarget}; returns the items refused, id → error,
   * a 409 (an older version) and a 404 (a delete of what is gone) being done.
   */
  private Map<Long, String> bulk(List<String> lines) throws IOException {
    StringBuilder body = new StringBuilder();
    for (String line : lines) {
      body.append(line).append('\n');
    }
    String target = writeTarget();
    Response r = send("POST", target + "/_bulk?require_alias=" + (rebuilding == null)
        + "&filter_path=errors,items.*.status,items.*._id,items.*.error", body.toString());
    if (r.status != 200) {
      throw r.failure("writing a bulk of " + lines.size() + " lines");
    }
    JsonNode answer = r.json();
    Map<Long, String> refused = new LinkedHashMap<>();
    if (answer.path("errors").asBoolean()) {
      for (JsonNode item : answer.path("items")) {
        JsonNode result = item.elements().next();
        int status = result.path("status").asInt();
        boolean delete = item.has("delete");
        if (status >= 300 && status != 409 && !(delete && status == 404)) {
          refused.put(result.path("_id").asLong(), status + " " + result.path("error"));
        }
      }
    }
    return refused;
  }

  private static ObjectNode document(IndexedArticle a) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("id", a.id());
    doc.put("version", a.version());
    doc.put("group", a.group());
    ArrayNode headings = doc.putArray("title_" + a.group());
    a.headings().forEach(headings::add);
    doc.put("body_" + a.group(), MARKS.matcher(a.body()).replaceAll(""));
    putKeyword(doc, "source", a.source());
    putKeyword(doc, "language", a.language());
    doc.set("author", JSON.valueToTree(a.authors()));
    doc.set("entity", JSON.valueToTree(a.entities()));
    doc.set("type", JSON.valueToTree(a.types()));
    if (a.day() != null) {
      doc.put("day", a.day().toEpochDay());
      doc.put("year", Integer.toString(a.day().getYear()));
    }
    ObjectNode hit = doc.putObject("hit");
    hit.put("title", a.title());
    hit.put("source", a.source());
    hit.put("url", a.url());
    hit.put("published", a.published());
    hit.put("language", a.language());
    // the start of the body, enough for a snippet of a search without text (leadSnippet reads no further)
    hit.put("lead", LuceneIndex.prefix(a.body().strip(), 2 * LuceneIndex.SNIPPET_CHARS));
    return doc;
  }

  private static void putKeyword(ObjectNode doc, String field, String value) {
    if (value != null) {
      doc.put(field, value);
    }
  }

  // ---- searching

  /**
   * Searches as {@link LuceneIndex#search} does: the same text syntax and bounds, filters, order, paging
   * and facets. Scores are OpenSearch's (BM25 as Lucene's).
   *
   * @throws IllegalArgumentException as {@link LuceneIndex#search} does
   * @throws IOException when OpenSearch cannot be reached or refuses the search
   */
  @Override
  public SearchHits search(SearchQuery query) throws IOException {
    Objects.requireNonNull(query, "query");
    SearchCursor after = SearchCursor.decode(query.cursor(), query);
    boolean byText = !query.text().isBlank();
    ObjectNode request = JSON.createObjectNode();
    request.put("size", query.limit() + 1); // one more than the page, to know whether there is a next one
    request.put("track_total_hits", true);
    request.put("timeout", Math.max(1, budget.toMillis()) + "ms");
    request.putArray("_source").add("id").add("hit");
    ObjectNode bool = request.putObject("query").putObject("bool");
    if (byText) {
      bool.set("must", OpenSearchQueries.of(LuceneIndex.parse(query.text(), groupAnalyzers)));
    }
    filters(bool.putArray("filter"), query);
    ArrayNode sort = request.putArray("sort");
    if (byText) {
      sort.add("_score");
    } else {
      // undated last: the missing value is the one LuceneIndex sorts them by, so cursors mean the same
      sort.addObject().putObject("day").put("order", "desc").put("missing", Long.MIN_VALUE);
    }
    sort.addObject().putObject("id").put("order", "asc");
    if (after != null) {
      ArrayNode position = request.putArray("search_after");
      if (byText) {
        if (after.key() != (int) after.key()) {
          throw new IllegalArgumentException("bad cursor: " + query.cursor());
        }
        position.add(Float.intBitsToFloat((int) after.key()));
      } else {
        position.add(after.key());
      }
      position.add(after.id());
    }
    if (byText) {
      highlight(request.putObject("highlight"));
    }
    if (!query.facets().isEmpty()) {
      ObjectNode aggs = request.putObject("aggs");
      for (String facet : query.facets()) {
        aggs.putObject(facet).putObject("terms").put("field", facet).put("size", LuceneIndex.FACET_VALUES);
      }
    }
    Response r = send("POST", alias + "/_search", request.toString());
    if (r.status != 200) {
      throw r.failure("searching " + LuceneIndex.quoted(query.text()));
    }
    JsonNode answer = r.json();
    if (answer.path("timed_out").asBoolean()) {
      throw new IllegalArgumentException("the search " + LuceneIndex.quoted(query.text()) + " took longer than "
          + budget.toMillis() + " ms, the most one search may take: try fewer words, or plainer ones");
    }
    JsonNode found = answer.path("hits").path("hits");
    List<SearchHits.Hit> hits = new ArrayList<>();
    String next = null;
    for (int i = 0; i < found.size() && i < query.limit(); i++) {
      hits.add(hit(found.get(i), byText));
    }
    if (found.size() > query.limit()) {
      JsonNode last = found.get(query.limit() - 1).path("sort");
      long key = byText ? Float.floatToIntBits(last.get(0).floatValue()) : last.get(0).asLong();
      next = new SearchCursor(SearchCursor.fingerprint(query), key, last.get(1).asLong()).encode();
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    for (String facet : query.facets()) {
      Map<String, Long> values = new LinkedHashMap<>();
      for (JsonNode bucket : answer.path("aggregations").path(facet).path("buckets")) {
        values.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
      }
      facets.put(facet, java.util.Collections.unmodifiableMap(values));
    }
    return new SearchHits(answer.path("hits").path("total").path("value").asLong(), hits, facets, next);
  }

  private static void filters(ArrayNode filter, SearchQuery q) {
    for (String entity : q.entities()) {
      filter.addObject().putObject("term").put("entity", entity);
    }
    if (!q.types().isEmpty()) {
      ArrayNode types = filter.addObject().putObject("terms").putArray("type");
      q.types().forEach(t -> types.add(t.strip().toUpperCase(Locale.ROOT)));
    }
    term(filter, "source", q.source());
    term(filter, "author", q.author());
    term(filter, "language", Analysis.languageCode(q.language()));
    if (q.from() != null || q.to() != null) {
      ObjectNode range = filter.addObject().putObject("range").putObject("day");
      if (q.from() != null) {
        range.put("gte", q.from().toEpochDay());
      }
      if (q.to() != null) {
        range.put("lte", q.to().toEpochDay());
      }
    }
  }

  private static void term(ArrayNode filter, String field, String value) {
    if (value != null && !value.isBlank()) {
      filter.addObject().putObject("term").put(field, value);
    }
  }

  /**
   * One best passage of the body, about {@link LuceneIndex#SNIPPET_CHARS} long. Over the whole body (its offsets are
   * in the postings), where LuceneIndex highlights its stored first {@link LuceneIndex#STORED_BODY_CHARS} characters.
   */
  private static void highlight(ObjectNode highlight) {
    highlight.put("type", "unified");
    highlight.putArray("pre_tags").add(HIT_START);
    highlight.putArray("post_tags").add(HIT_END);
    highlight.put("number_of_fragments", 1);
    highlight.put("fragment_size", LuceneIndex.SNIPPET_CHARS);
    highlight.put("no_match_size", LuceneIndex.SNIPPET_CHARS);
    ObjectNode fields = highlight.putObject("fields");
    for (String group : IndexedArticle.GROUPS) {
      fields.putObject("body_" + group);
    }
  }

  private static SearchHits.Hit hit(JsonNode found, boolean byText) {
    JsonNode source = found.path("_source");
    JsonNode hit = source.path("hit");
    String snippet = null;
    JsonNode highlights = found.path("highlight");
    for (String group : IndexedArticle.GROUPS) {
      JsonNode fragments = highlights.path("body_" + group);
      if (fragments.size() > 0) {
        snippet = Escape.html(fragments.get(0).asText()).replace(HIT_START, "<b>").replace(HIT_END, "</b>");
        break;
      }
    }
    if (snippet == null) {
      snippet = LuceneIndex.leadSnippet(text(hit, "lead"));
    }
    float score = byText ? found.path("sort").get(0).floatValue() : 0f;
    return new SearchHits.Hit(source.path("id").asLong(), text(hit, "title"), text(hit, "source"), text(hit, "url"),
        text(hit, "published"), text(hit, "language"), score, snippet == null ? "" : snippet);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** id → version of every article the alias's index holds (committed ones). */
  @Override
  public Map<Long, Integer> versions() throws IOException {
    return versions(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** id → version of the articles with ids {@code from} to {@code to} (both included) the alias's index holds. */
  public Map<Long, Integer> versions(long from, long to) throws IOException {
    Map<Long, Integer> versions = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode request = JSON.createObjectNode();
      request.put("size", 10_000);
      request.putObject("query").putObject("range").putObject("id").put("gte", from).put("lte", to);
      request.putArray("_source").add("id").add("version");
      request.putArray("sort").addObject().putObject("id").put("order", "asc");
      if (after != null) {
        request.set("search_after", after);
      }
      Response r = send("POST", alias + "/_search", request.toString());
      if (r.status != 200) {
        throw r.failure("listing the versions");
      }
      JsonNode hits = r.json().path("hits").path("hits");
      for (JsonNode hit : hits) {
        versions.put(hit.path("_source").path("id").asLong(), hit.path("_source").path("version").asInt());
      }
      if (hits.size() < 10_000) {
        return versions;
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
  }

  /** Sends what is pending (not a commit: what was not committed stays invisible until the next one). */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      flush();
    }
  }

  // ---- HTTP

  /** An answer of OpenSearch. */
  private record Response(String what, int status, String body) {

    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    IOException failure(String doing) {
      return new IOException(doing + ": " + what + " answered " + status + ": "
          + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
    }
  }

  private Response send(String method, String path, String json) throws IOException {
    URI uri = base.resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
    }
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(method + " " + uri, r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + method + " " + uri, e);
    } catch (IOException e) {
      throw new IOException("OpenSearch at " + base + " cannot be reached (" + method + " " + uri + "): " + e, e);
    }
  }
}
