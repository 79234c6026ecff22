package org.lente.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import java.util.Objects;
import org.lente.nlp.quote.Quote;

/**
 * A quote found by {@link ArticleStore#quotes}, with the article it comes from. Also the JSON shape of a quote
 * in a listing, written as is by Jackson for {@code lente quotes --json}, {@code lente entity --json} and the
 * API's quotes ({@code GET /api/v1/quotes}, an entity's quotes and profile).
 *
 * @param kind {@code direct}, {@code indirect} or {@code partial} ({@link Quote.Kind#label()}); any case is accepted
 * @param position the quote's place in the order quotes are listed (newest first), opaque and
 *     URL-safe: a {@link QuoteQuery} with it as cursor lists the quotes after this one. Not in the JSON: the
 *     API's {@code next} URL carries it
 */
public record QuoteHit(long articleId, String title, String url, String published, String text, String kind,
    String speaker, String speakerCanonical, String cue, @JsonIgnore String position) {

  public QuoteHit {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    kind = Quote.Kind.valueOf(kind.toUpperCase(Locale.ROOT)).label(); // an unknown kind: IllegalArgumentException
  }

  /** True when the quote is the speaker's own words between quotation marks ({@link Quote.Kind#quoted()}). */
  public boolean quoted() {
    return Quote.Kind.valueOf(kind.toUpperCase(Locale.ROOT)).quoted();
  }
}
