package org.lente.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.lente.ingest.Page;
import org.lente.ingest.fetch.FetchException;
import org.lente.nlp.Analysis;
import org.lente.store.AnalysisJson;
import org.lente.store.ContentHash;
import org.lente.store.StoredJson;

/**
 * The values on the cluster's topics ({@link KafkaTopics}): records written as JSON objects by Jackson, their
 * components as fields, null fields left out, unknown fields and enum constants ignored when read (a field or
 * constant added later does not make older messages unreadable). Thread-safe.
 */
public final class KafkaMessages {

  private static final ObjectMapper MAPPER = StoredJson.builder()
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
      .build();

  private KafkaMessages() {}

  /**
   * A URL to fetch, on {@value KafkaTopics#FETCH}.
   *
   * @param url an absolute http(s) URL with a host
   * @param origin where the URL came from (a feed, a sitemap, a person), kept with the page; null for none
   */
  public record FetchTask(String url, String origin) {
    public FetchTask {
      Objects.requireNonNull(url, "url");
      URI u;
      try {
        u = new URI(url);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("bad URL to fetch: " + url, e);
      }
      if (u.getScheme() == null || !u.getScheme().matches("(?i)https?") || u.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL with a host: " + url);
      }
    }

    /** The message key: the URL's host, lower-cased. */
    public String key() {
      return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A fetched page, on {@value KafkaTopics#PAGES}.
   *
   * @param page as fetched: its bytes, content type, final URL and warnings
   * @param origin the {@link FetchTask#origin()}, or null
   */
  public record FetchedPage(Page page, String origin) {
    public FetchedPage {
      Objects.requireNonNull(page, "page");
    }

    /** The message key: the URL the page came from (its source when it has none). */
    public String key() {
      return page.url() == null ? page.source() : page.url();
    }
  }

  /**
   * An analysed article, on {@value KafkaTopics#ANALYSED}: what the knowledge writer stores.
   *
   * @param key the article key ({@link org.lente.Pipeline#key}), also the message key
   * @param contentHash {@link ContentHash} of the article's text: with the key, what tells a redelivered message
   *     (same key, same hash) from a new version of the article (same key, another hash)
   * @param analysis the {@link Analysis} as {@link AnalysisJson} writes it, inlined as a JSON object
   * @param origin the {@link FetchTask#origin()}, or null
   */
  public record AnalysedArticle(String key, String contentHash, @JsonRawValue @JsonDeserialize(using = Raw.class)
      String analysis, String origin) {
    public AnalysedArticle {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(contentHash, "contentHash");
      Objects.requireNonNull(analysis, "analysis");
    }

    /** The message of {@code analysis} under {@code key}. */
    public static AnalysedArticle of(String key, Analysis analysis, String origin) {
      return new AnalysedArticle(key, ContentHash.of(analysis.article().text()), AnalysisJson.write(analysis), origin);
    }

    /** The analysis read back. */
    public Analysis read() throws IOException {
      return AnalysisJson.read(analysis);
    }
  }

  /**
   * A record a worker gave up on, on {@value KafkaTopics#DEAD}.
   *
   * @param topic where the record was read
   * @param partition its partition there
   * @param offset its offset there
   * @param key its key, or null
   * @param attempts how many times it was tried
   * @param error why it failed: the last exception's class and message (for the operator)
   * @param value the record's value, cut to fit a dead letter, or null
   * @param cut whether {@code value} was cut
   * @param kind what kind of failure it was; null in letters written before kinds were (read as {@link Kind#ERROR})
   * @param fetchReason the fetcher's reason when {@code kind} is {@link Kind#FETCH}, else null
   * @param status the HTTP status when {@code fetchReason} is {@link FetchException.Reason#HTTP_STATUS}, else null
   * @param origin the record's {@code origin} field ({@link FetchTask#origin()}, {@link FetchedPage#origin()}),
   *     kept whole whatever is cut of {@code value}; null when it has none
   */
  public record DeadLetter(String topic, int partition, long offset, String key, int attempts, String error,
      String value, boolean cut, Kind kind, FetchException.Reason fetchReason, Integer status, String origin) {
    public DeadLetter {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(error, "error");
      if (fetchReason != null && kind != Kind.FETCH) {
        throw new IllegalArgumentException("a fetch reason in a dead letter of kind " + kind + ": " + fetchReason);
      }
    }

    /** What kind of failure made a record a dead letter. */
    public enum Kind {
      /** The step failed {@link KafkaWorker#ATTEMPTS} times with any other error. */
      ERROR,
      /** The fetcher refused or failed the URL ({@link FetchException}); its reason is in the letter. */
      FETCH,
      /** The page holds no article text ({@link org.lente.Pipeline#NO_TEXT}); sent at once, only for submissions. */
      NOT_AN_ARTICLE,
      /** The step's output was over its topic's limit. */
      TOO_LARGE
    }

    /** The {@link #kind()}, {@link Kind#ERROR} for a letter that names none. */
    public Kind kindOrError() {
      return kind == null ? Kind.ERROR : kind;
    }
  }

  /**
   * The top-level {@code origin} string of the JSON object {@code json}, read without building the rest (a page may
   * be megabytes); null when it has none or {@code json} is no JSON object.
   */
  public static String origin(String json) {
    if (json == null) {
      return null;
    }
    try (JsonParser p = MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("origin")) {
          return t == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) { // not JSON, or cut before its origin: none to tell
      return null;
    }
  }

  /** {@code message} as JSON. */
  public static String write(Object message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) { // records of strings, numbers, bytes and lists always serialize
      throw new UncheckedIOException("cannot write " + message.getClass().getSimpleName(), e);
    }
  }

  /** The message of type {@code type} that {@code json} holds; an IOException names what is malformed. */
  public static <T> T read(String json, Class<T> type) throws IOException {
    if (json == null) {
      throw new IOException("no value (a null message), expected a " + type.getSimpleName());
    }
    try {
      return MAPPER.readerFor(type).withAttribute(Raw.SOURCE, json).readValue(json);
    } catch (IllegalArgumentException e) { // a record's own check refused the fields
      throw new IOException("bad " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a JSON value as its text, the inverse of {@link JsonRawValue}. An object or array read from a message's text
   * ({@link KafkaMessages#read}, which gives it as the {@link #SOURCE} attribute) is that text's own characters from
   * its opening to its closing bracket, cut out as the parser skips it: the exact text the writer inlined (an analysis
   * is as {@link AnalysisJson#write} wrote it), not parsed into a tree and written again. Other values, and values
   * read without their source, are written again from their tree.
   */
  static final class Raw extends JsonDeserializer<String> {

    /** The attribute holding the text being read, a {@link String}. */
    static final Object SOURCE = new Object();

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      JsonToken t = p.currentToken();
      if (ctx.getAttribute(SOURCE) instanceof String source && (t == JsonToken.START_OBJECT
          || t == JsonToken.START_ARRAY)) {
        long start = p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        long end = p.currentLocation().getCharOffset();
        if (start < 0 || end > source.length() || end <= start || source.charAt((int) start) != (t == JsonToken
            .START_OBJECT ? '{' : '[') || source.charAt((int) end - 1) != (t == JsonToken.START_OBJECT ? '}' : ']')) {
          throw new IOException("cannot cut the raw value from its message: characters " + start + " to " + end + " of "
              + source.length());
        }
        return source.substring((int) start, (int) end);
      }
      return MAPPER.writeValueAsString(p.readValueAsTree());
    }
  }
}
