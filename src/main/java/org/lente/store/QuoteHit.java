package org.lente.store;

/** A quote found by {@link ArticleStore#quotes}, with the article it comes from. */
public record QuoteHit(long articleId, String title, String url, String published, String text, String kind,
    String speaker, String speakerCanonical, String cue) {}
