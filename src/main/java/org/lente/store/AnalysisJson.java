package org.lente.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.lente.nlp.Analysis;

/**
 * How the store writes an {@link Analysis}: the records as JSON objects with their component
 * names as fields and enums by name; null fields are left out. {@code read(write(a))} equals
 * {@code a}. Unknown fields are ignored when read, so that a field added later does not make older
 * rows unreadable. Thread-safe.
 *
 * <p>This is the stored shape, not the one {@code lente analyze --json} prints (which adds the
 * derived {@code text} and speaker end offsets, and writes kinds in lower case).
 */
public final class AnalysisJson {

  private static final ObjectMapper MAPPER = StoredJson.builder()
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private AnalysisJson() {}

  public static String write(Analysis analysis) {
    try {
      return MAPPER.writeValueAsString(analysis);
    } catch (JsonProcessingException e) {
      // records of strings, numbers, enums and lists always serialize
      throw new UncheckedIOException("cannot write the analysis of " + analysis.article().source(), e);
    }
  }

  /** The analysis {@code json} holds; an IOException names what is malformed or missing. */
  public static Analysis read(String json) throws IOException {
    return MAPPER.readValue(json, Analysis.class);
  }
}
