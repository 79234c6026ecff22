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

  /** The summary as {@code ingest --json} prints it; fields in this order. */
  record Shape(int stored, int updated, int duplicates, int skipped, int failed, int abandoned,
      boolean interrupted, List<Error> errors) {
    Shape {
      errors = List.copyOf(errors);
    }
  }

  String json() throws com.fasterxml.jackson.core.JsonProcessingException {
    return Json.MAPPER.writeValueAsString(
        new Shape(stored, updated, duplicates, skipped, errors.size(), abandoned, interrupted, errors));
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
