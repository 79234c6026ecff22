package org.lente.store;

/**
 * A quote found by {@link ArticleStore#quotes}, with the article it comes from.
 *
 * @param position the quote's place in the order quotes are listed (newest first), opaque and
 *     URL-safe: a {@link QuoteQuery} with it as cursor lists the quotes after this one
 */
public record QuoteHit(long articleId, String title, String url, String published, String text, String kind,
    String speaker, String speakerCanonical, String cue, String position) {}
