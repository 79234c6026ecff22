package org.lente.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A stage that failed for an article after the store kept it: the article stays stored, and the
 * stage is retried by {@code lente reindex} and the next ingest until it succeeds.
 *
 * @param article the stored article's id
 * @param reason why, at most {@link #MAX_REASON} characters
 * @param at when it failed
 */
public record ArticleFailure(long article, Stage stage, String reason, Instant at) {

  /** The longest reason kept: an exception's message may quote a whole article. */
  public static final int MAX_REASON = 1_000;

  /** What failed, after the article was stored. */
  public enum Stage {
    /** Adding it to the search index. */
    INDEX,
    /** Its story and lineage. */
    STORY;

    /** The stage as stored and shown: "index", "story". */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The stage with this {@link #label}. */
    public static Stage parse(String label) {
      for (Stage s : values()) {
        if (s.label().equals(label)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown stage '" + label + "'");
    }
  }

  public ArticleFailure {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    if (article < 1 || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("bad failure of article " + article + " at stage " + stage.label()
          + ": reason of " + reason.length() + " characters");
    }
  }

  /** The failure of {@code stage} for {@code article} now, because of {@code cause} (its message cut to fit). */
  public static ArticleFailure of(long article, Stage stage, Throwable cause) {
    return of(article, stage, cause.getMessage() == null || cause.getMessage().isBlank() ? cause.toString()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  /** The failure of {@code stage} for {@code article} now, for {@code reason} (not blank; cut to fit). */
  public static ArticleFailure of(long article, Stage stage, String reason) {
    String cut = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
    return new ArticleFailure(article, stage, cut, Instant.now());
  }
}
