package org.lente.store;

/** Counts of what the knowledge base holds; also the shape of {@code lente stats --json}, fields in this order. */
public record StoreStats(long articles, long versions, long entities, long mentions, long quotes, long sources,
    long authors) {}
