package org.lente.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchHitsTest {

  @Test
  void facetFieldsKeepTheOrderTheyWereGivenIn() {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    List<String> fields = List.of("year", "language", "author", "source", "type", "entity", "outlet", "section",
        "tag", "country", "month", "day");
    fields.forEach(f -> facets.put(f, Map.of("x", 1L)));

    SearchHits hits = new SearchHits(0, List.of(), facets, null);

    assertEquals(fields, List.copyOf(hits.facets().keySet()));
  }
}
