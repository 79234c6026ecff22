package org.lente.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON that Lente writes for itself and reads back: analyses, stories, centroids, links, the entity
 * resolver's state. Jackson's default read limits (names of 50,000 characters, strings of 20 million,
 * numbers of 1,000 digits) guard a reader of outside input, but its writer has no such limits: a
 * stored row within them when written could not be read again, and the article it belongs to would
 * stop whatever reads it. Lente bounds what it stores at the source (story terms, names, tokens); a
 * reader of stored JSON accepts whatever the writer wrote. Outside input (requests, feeds, pages)
 * keeps Jackson's limits. Thread-safe.
 */
public final class StoredJson {

  /** A mapper that reads back anything a mapper of {@link #builder} writes. */
  public static final ObjectMapper MAPPER = builder().build();

  private StoredJson() {}

  /** A mapper builder without the length limits of reading; the nesting limit is the writer's too. */
  public static JsonMapper.Builder builder() {
    StreamReadConstraints unbounded = StreamReadConstraints.builder()
        .maxNameLength(Integer.MAX_VALUE)
        .maxStringLength(Integer.MAX_VALUE)
        .maxNumberLength(Integer.MAX_VALUE)
        .build();
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(unbounded).build());
  }
}
