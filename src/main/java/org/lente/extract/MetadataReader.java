package org.lente.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Reads an HTML page's metadata: JSON-LD first (it is the most deliberate), then Open Graph and
 * other {@code <meta>} tags, then the markup ({@code <time>}, {@code rel=author}, bylines), then the
 * URL. Works on the whole document, before boilerplate is removed.
 */
final class MetadataReader {

  /**
   * What the page says about itself; any field may be null, lists are never null. {@code url} is the
   * article's URL and {@code declaredUrl} the one the page declares, as {@link Article} has them.
   */
  record Meta(
      String url, String declaredUrl, String title, String description, List<String> authors, String site, String section,
      List<String> tags, String published, String modified, String dateSource, String language,
      String jsonLdBody) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Evaluator ITEMPROP_NAME = QueryParser.parse("[itemprop=name]");
  private static final Set<String> ARTICLE_TYPES = Set.of(
      "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
      "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
      "report", "scholarlyarticle", "techarticle", "posting", "webpage", "medicalwebpage");

  private final Document doc;
  private final String pageUrl;
  private final List<String> warnings;
  private JsonNode article; // the JSON-LD object describing the article, if any
  private final List<JsonNode> ldObjects = new ArrayList<>();
  // The page's elements that carry metadata, found in one pass over the document.
  private final Map<String, List<Element>> metas = new HashMap<>(); // by lower-cased name, property or itemprop
  private final Map<String, Element> itemprops = new HashMap<>();
  private final Map<String, String> httpEquivs = new HashMap<>();
  private final Map<String, Element> links = new HashMap<>();
  private final List<Element> ldScripts = new ArrayList<>();
  private final List<Element> tagLinks = new ArrayList<>();
  private final List<Element> authorElements = new ArrayList<>();
  private final List<Element> times = new ArrayList<>();
  private Element titleElement;

  private MetadataReader(Document doc, String pageUrl, List<String> warnings) {
    this.doc = doc;
    this.pageUrl = pageUrl;
    this.warnings = warnings;
    index();
  }

  private static final Set<String> AUTHOR_CLASSES = Set.of(
      "byline", "author", "author-name", "authorname", "byline__name", "byline-name", "autore", "firma",
      "article-author", "post-author", "entry-author");

  /** A class attribute that is just "byline", "author" or the like (checked without allocating for the rest). */
  private static boolean authorClass(Element e) {
    String cls = Attrs.get(e, "class").trim();
    if (cls.isEmpty() || cls.length() > 20) {
      return false;
    }
    return AUTHOR_CLASSES.contains(cls.strip().toLowerCase(Locale.ROOT));
  }

  private void index() {
    // a traversal, not getAllElements(): no list of every element to build
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof Element e) {
        index(e);
      }
    }, doc);
  }

  private void index(Element e) {
    switch (e.normalName()) {
      case "meta" -> {
        String content = e.attr("content");
        if (content.isBlank()) {
          break;
        }
        String key = e.hasAttr("property") ? e.attr("property") : e.hasAttr("name") ? e.attr("name") : e.attr("itemprop");
        if (!key.isEmpty()) {
          metas.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
        }
        if (e.hasAttr("http-equiv")) {
          httpEquivs.putIfAbsent(e.attr("http-equiv").toLowerCase(Locale.ROOT), content);
        }
      }
      case "link" -> {
        if (e.hasAttr("href")) {
          links.putIfAbsent(e.attr("rel").toLowerCase(Locale.ROOT), e);
        }
      }
      case "title" -> {
        if (titleElement == null) {
          titleElement = e;
        }
      }
      case "script" -> {
        if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
          ldScripts.add(e);
        }
      }
      case "time" -> {
        if (e.hasAttr("datetime")) {
          times.add(e);
        }
      }
      default -> { }
    }
    if (e.attributesSize() == 0) {
      return;
    }
    String itemprop = Attrs.get(e, "itemprop");
    if (!itemprop.isEmpty()) {
      itemprops.putIfAbsent(itemprop, e);
    }
    String rel = Attrs.get(e, "rel");
    if (e.nameIs("a") && rel.contains("tag")) {
      tagLinks.add(e);
    }
    if (authorElements.size() < 8 && (rel.equals("author") || itemprop.equals("author") || authorClass(e))) {
      authorElements.add(e);
    }
  }

  static Meta read(Document doc, String pageUrl, List<String> warnings) {
    return new MetadataReader(doc, pageUrl, warnings).read();
  }

  private Meta read() {
    readJsonLd();
    String declared = absolute(first(text(article, "url"), mainEntityId(), link("canonical"), meta("og:url")));
    String url = declared;
    if (declared == null) {
      url = pageUrl;
    } else if (pageUrl != null && !Sites.same(declared, pageUrl)) {
      url = pageUrl;
      warnings.add("the page declares its URL as " + declared + ", on another site than " + pageUrl
          + " where it was read: kept as its declared URL only");
    }
    String title = first(text(article, "headline"), meta("og:title"), meta("twitter:title"), titleTag());
    String description = first(text(article, "description"), meta("og:description"), meta("description"),
        meta("twitter:description"));
    String site = first(siteName(meta("og:site_name")), siteName(publisherName()), siteName(meta("application-name")),
        host(url));
    String section = first(sectionOf(article), meta("article:section"), meta("section"), meta("parsely-section"),
        meta("sailthru.section"));

    String published = null;
    String dateSource = null;
    String ld = Dates.parse(text(article, "datePublished"));
    if (ld == null) {
      ld = Dates.parse(text(article, "dateCreated"));
    }
    if (ld != null) {
      published = ld;
      dateSource = "json-ld";
    } else {
      String m = Dates.parse(first(meta("article:published_time"), meta("og:published_time"),
          meta("published_time"), meta("pubdate"), meta("publishdate"), meta("publish-date"),
          meta("article.published"), meta("datePublished"), itemprop("datePublished"), meta("dc.date"),
          meta("dc.date.issued"), meta("dcterms.created"), meta("date"), meta("sailthru.date"),
          meta("parsely-pub-date"), meta("cxenseparse:recs:publishtime"), meta("article:published")));
      if (m != null) {
        published = m;
        dateSource = "meta";
      } else {
        String t = timeElement();
        if (t != null) {
          published = t;
          dateSource = "time-element";
        } else if ((t = Dates.fromPath(url)) != null || (t = Dates.fromPath(pageUrl)) != null) {
          published = t;
          dateSource = "url";
        }
      }
    }
    String modified = Dates.parse(first(text(article, "dateModified"), meta("article:modified_time"),
        meta("og:updated_time"), meta("modified_time"), meta("dateModified"), itemprop("dateModified"),
        meta("dc.date.modified"), meta("last-modified")));

    Element html = doc.firstElementChild();
    String language = Languages.normalize(first(html == null ? null : html.attr("lang"), text(article, "inLanguage"), httpEquiv("content-language"),
        meta("og:locale"), meta("language"), meta("dc.language")));

    List<String> authors = authors();
    List<String> tags = tags();
    String body = text(article, "articleBody");
    return new Meta(url, declared, clean(title), clean(description), authors, clean(site), clean(section), tags,
        published, modified, dateSource, language, body);
  }

  // ---- JSON-LD

  private void readJsonLd() {
    for (Element script : ldScripts) {
      String json = script.data().strip();
      if (json.isEmpty()) {
        continue;
      }
      if (json.length() > 2_000_000) {
        warnings.add("JSON-LD block of " + json.length() + " characters skipped");
        continue;
      }
      try {
        collect(JSON.readTree(json), 0);
      } catch (JsonProcessingException e) {
        // Pages often carry JSON-LD with raw newlines or trailing commas; one bad block is not fatal.
        String repaired = json.replaceAll("[\\r\\n\\t]+", " ").replaceAll(",\\s*([}\\]])", "$1");
        try {
          collect(JSON.readTree(repaired), 0);
        } catch (JsonProcessingException again) {
          warnings.add("unreadable JSON-LD block skipped: " + firstLine(again.getOriginalMessage()));
        }
      }
    }
    JsonNode best = null;
    int bestRank = Integer.MAX_VALUE;
    for (JsonNode node : ldObjects) {
      for (String type : types(node)) {
        int rank = type.equals("webpage") || type.equals("medicalwebpage") ? 2 : 1;
        if (ARTICLE_TYPES.contains(type) && (rank < bestRank || rank == bestRank && best != null
            && !best.has("articleBody") && node.has("articleBody"))) {
          best = node;
          bestRank = rank;
        }
      }
    }
    article = best;
  }

  private void collect(JsonNode node, int depth) {
    if (node == null || depth > 6) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        collect(n, depth + 1);
      }
    } else if (node.isObject()) {
      if (node.has("@type")) {
        ldObjects.add(node);
      }
      collect(node.get("@graph"), depth + 1);
      JsonNode main = node.get("mainEntity");
      if (main != null && main.isObject()) {
        collect(main, depth + 1);
      }
    }
  }

  private static List<String> types(JsonNode node) {
    List<String> out = new ArrayList<>();
    JsonNode t = node.get("@type");
    if (t == null) {
      return out;
    }
    if (t.isArray()) {
      t.forEach(x -> out.add(x.asText().toLowerCase(Locale.ROOT)));
    } else {
      out.add(t.asText().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** A string property, or the first string of an array property; null when absent. */
  private static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      v = v.size() > 0 ? v.get(0) : null;
    }
    if (v != null && v.isObject()) {
      v = v.has("@value") ? v.get("@value") : v.get("name");
    }
    return v == null || !v.isValueNode() ? null : blankToNull(v.asText());
  }

  private String mainEntityId() {
    if (article == null) {
      return null;
    }
    JsonNode m = article.get("mainEntityOfPage");
    if (m == null) {
      return null;
    }
    if (m.isTextual()) {
      return m.asText();
    }
    return m.isObject() ? first(text(m, "@id"), text(m, "url")) : null;
  }

  private String publisherName() {
    JsonNode p = article == null ? null : article.get("publisher");
    if (p != null && p.isArray() && p.size() > 0) {
      p = p.get(0);
    }
    return p != null && p.isObject() ? text(p, "name") : null;
  }

  private static String sectionOf(JsonNode node) {
    return text(node, "articleSection");
  }

  private List<String> authors() {
    List<String> bylines = new ArrayList<>();
    if (article != null) {
      JsonNode a = article.get("author");
      if (a == null) {
        a = article.get("creator");
      }
      if (a != null) {
        for (JsonNode one : a.isArray() ? a : List.of(a)) {
          if (one.isTextual()) {
            bylines.add(one.asText());
          } else if (one.isObject() && !types(one).contains("organization")) {
            String name = text(one, "name");
            if (name != null) {
              bylines.add(name);
            }
          }
        }
      }
    }
    if (bylines.isEmpty()) {
      for (String name : List.of("author", "article:author", "dc.creator", "byl", "parsely-author",
          "sailthru.author", "cxenseparse:author")) {
        for (Element m : metas(name)) {
          String content = m.attr("content");
          if (!content.startsWith("http")) {
            bylines.add(content);
          }
        }
      }
    }
    if (bylines.isEmpty()) {
      for (Element author : authorElements) {
        Element name = author.selectFirst(ITEMPROP_NAME);
        Element e = name != null ? name : author;
        if (e.nameIs("meta")) {
          continue;
        }
        String t = e.text();
        if (!t.isBlank() && t.length() < 200) {
          bylines.add(t);
        }
        if (bylines.size() >= 4) {
          break;
        }
      }
    }
    return Bylines.names(bylines);
  }

  private List<String> tags() {
    Set<String> out = new LinkedHashSet<>();
    for (Element m : metas("article:tag")) {
      addTags(out, m.attr("content"), false);
    }
    if (article != null && out.isEmpty()) {
      JsonNode k = article.get("keywords");
      if (k != null && k.isArray()) {
        k.forEach(x -> addTags(out, x.asText(), false));
      } else if (k != null && k.isTextual()) {
        addTags(out, k.asText(), true);
      }
    }
    if (out.isEmpty()) {
      for (String name : List.of("news_keywords", "keywords", "parsely-tags", "sailthru.tags")) {
        for (Element m : metas(name)) {
          addTags(out, m.attr("content"), true);
        }
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    if (out.isEmpty()) {
      for (Element a : tagLinks) {
        addTags(out, a.text(), false);
      }
    }
    return List.copyOf(out).subList(0, Math.min(out.size(), 50));
  }

  private static void addTags(Set<String> out, String raw, boolean split) {
    if (raw == null) {
      return;
    }
    for (String t : split ? raw.split("[,;]") : new String[] {raw}) {
      String tag = t.strip();
      if (!tag.isEmpty() && tag.length() <= 80 && !tag.contains(":") ) {
        out.add(tag);
      }
    }
  }

  // ---- markup

  private List<Element> metas(String name) {
    return metas.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  private String meta(String name) {
    List<Element> m = metas(name);
    return m.isEmpty() ? null : blankToNull(m.get(0).attr("content"));
  }

  private String itemprop(String name) {
    Element e = itemprops.get(name);
    if (e == null) {
      return null;
    }
    return first(blankToNull(e.attr("content")), blankToNull(e.attr("datetime")), blankToNull(e.text()));
  }

  private String httpEquiv(String name) {
    return blankToNull(httpEquivs.get(name));
  }

  private String link(String rel) {
    Element e = links.get(rel);
    return e == null ? null : blankToNull(e.attr("href"));
  }

  private String titleTag() {
    return titleElement == null ? null : blankToNull(titleElement.text());
  }

  private String timeElement() {
    if (times.isEmpty()) {
      return null;
    }
    Element t = times.stream()
        .filter(e -> e.hasAttr("pubdate") || e.attr("itemprop").equals("datePublished"))
        .findFirst().orElse(times.get(0));
    String d = Dates.parse(t.attr("datetime"));
    return d != null ? d : Dates.parse(t.text());
  }

  private String absolute(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = URI.create(url.strip().replace(" ", "%20"));
      if (u.isAbsolute()) {
        return u.toString();
      }
      return pageUrl == null ? null : URI.create(pageUrl).resolve(u).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = URI.create(url).getHost();
      return h == null ? null : h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The longest site name kept: a longer og:site_name, publisher or application name is no name (the
   * host stands for the site), and the site becomes an exact filter and facet of the search index.
   */
  static final int MAX_SITE_CHARS = 200;

  /** {@code name}, or null when it is longer than {@link #MAX_SITE_CHARS}. */
  private static String siteName(String name) {
    return name == null || name.strip().length() > MAX_SITE_CHARS ? null : name;
  }

  static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Collapses whitespace and decodes entities that were escaped twice (&amp;amp; in meta content). */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    if (t.contains("&")) {
      t = org.jsoup.parser.Parser.unescapeEntities(t, false);
    }
    return t.isEmpty() ? null : t;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
