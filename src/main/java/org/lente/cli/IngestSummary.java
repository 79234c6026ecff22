package org.lente.cli;

import java.util.ArrayList;
import java.util.List;
import org.lente.store.ArticleStore;

/**
 * What an ingest did: counts by outcome, the reason for each failure, and whether a signal cut it
 * short (then {@code abandoned} pages were in flight and dropped unstored). Not thread-safe.
 */
final class IngestSummary {

  /** One source that failed, and why. */
  record Error(String source, String reason) {}

  private int stored;
  private int updated;
  private int duplicates;
  private int skipped;
  private int abandoned;
  private boolean interrupted;
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

  /** A page in flight that was dropped, unstored, because the run was stopped. */
  void abandon() {
    abandoned++;
  }

  /** Marks the run as cut short by a signal. */
  void markInterrupted() {
    interrupted = true;
  }

  boolean interrupted() {
    return interrupted;
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
        .put("failed", errors.size()).put("abandoned", abandoned).put("interrupted", interrupted);
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
    if (interrupted) {
      sb.append(String.format(", abandoned %d (interrupted: the remaining sources were not read)", abandoned));
    }
    for (Error e : errors) {
      sb.append("\n  failed: ").append(e.source()).append(": ").append(e.reason());
    }
    return sb.toString();
  }
}
