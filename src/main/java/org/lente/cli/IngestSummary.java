package org.lente.cli;

import java.util.ArrayList;
import java.util.List;
import org.lente.store.ArticleStore;

/** What an ingest did: counts by outcome and the reason for each failure. Not thread-safe. */
final class IngestSummary {

  /** One source that failed, and why. */
  record Error(String source, String reason) {}

  private int stored;
  private int updated;
  private int duplicates;
  private int skipped;
  private final List<Error> errors = new ArrayList<>();

  void count(ArticleStore.Put.Outcome outcome) {
    switch (outcome) {
      case STORED -> stored++;
      case UPDATED -> updated++;
      case DUPLICATE -> duplicates++;
    }
  }

  void skip() {
    skipped++;
  }

  void fail(String source, String reason) {
    errors.add(new Error(source, reason));
  }

  int failed() {
    return errors.size();
  }

  String json() throws com.fasterxml.jackson.core.JsonProcessingException {
    var o = Json.MAPPER.createObjectNode();
    o.put("stored", stored).put("updated", updated).put("duplicates", duplicates).put("skipped", skipped)
        .put("failed", errors.size());
    var arr = o.putArray("errors");
    for (Error e : errors) {
      arr.addObject().put("source", e.source()).put("reason", e.reason());
    }
    return Json.MAPPER.writeValueAsString(o);
  }

  String text() {
    StringBuilder sb = new StringBuilder(String.format(
        "stored %d, updated %d, duplicates %d, skipped %d, failed %d", stored, updated, duplicates, skipped,
        errors.size()));
    for (Error e : errors) {
      sb.append("\n  failed: ").append(e.source()).append(": ").append(e.reason());
    }
    return sb.toString();
  }
}
