package org.lente.ingest.source;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). */
final class JsonFeeds {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

  private JsonFeeds() {}

  static Feed parse(byte[] bytes, URI baseUri, List<Loss> losses, List<String> warnings) throws SourceFormatException {
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      var at = e.getLocation();
      throw new SourceFormatException("not a JSON Feed: the JSON is malformed: " + e.getOriginalMessage(),
          at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), e);
    } catch (CharConversionException e) {
      // Jackson guesses UTF-16 or UTF-32 from NUL bytes at the start, then meets bytes that are no character
      throw new SourceFormatException("not a JSON Feed: the bytes are not text in the encoding they look like: "
          + e.getMessage(), -1, -1, e);
    } catch (IOException e) {
      throw new AssertionError("in-memory input does not fail", e);
    }
    if (root == null || !root.isObject()) {
      throw new SourceFormatException("not a JSON Feed: the JSON is not an object");
    }
    String version = text(root, "version");
    if (version == null || !version.startsWith(VERSION_PREFIX)) {
      throw new SourceFormatException("not a JSON Feed: \"version\" is " + (version == null ? "missing"
          : "\"" + version + "\"") + ", expected " + VERSION_PREFIX + "1 or 1.1");
    }
    URI base = Links.base(baseUri, text(root, "feed_url"));
    Feeds.Parsed feed = new Feeds.Parsed(base, losses, warnings);
    feed.title = Feeds.plain(text(root, "title"));
    feed.link = Links.resolve(base, text(root, "home_page_url"));
    JsonNode items = root.path("items");
    if (!items.isArray()) {
      warnings.add("the feed has no \"items\" array");
      return feed.build();
    }
    int notObjects = 0;
    for (JsonNode item : items) {
      if (!item.isObject()) {
        notObjects++;
        continue;
      }
      String url = Feeds.first(Links.resolve(base, text(item, "url")), Links.resolve(base, text(item, "external_url")),
          Links.resolve(null, text(item, "id")));
      String published = Feeds.first(text(item, "date_published"), text(item, "date_modified"));
      String summary = Feeds.first(text(item, "summary"), text(item, "content_html"), text(item, "content_text"));
      List<String> authors = new ArrayList<>();
      for (JsonNode author : item.path("authors")) {
        Feeds.author(text(author, "name"), authors);
      }
      Feeds.author(text(item.path("author"), "name"), authors);
      feed.add(url, Feeds.plain(text(item, "title")), published, summary, authors);
    }
    if (notObjects > 0) {
      losses.add(new Loss(notObjects, notObjects + " item(s) that are not JSON objects skipped"));
    }
    return feed.build();
  }

  /** A string field, or null when absent or not a string. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
