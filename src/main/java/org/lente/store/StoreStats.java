package org.lente.store;

/** Counts of what the knowledge base holds. */
public record StoreStats(long articles, long versions, long entities, long mentions, long quotes, long sources,
    long authors) {}
