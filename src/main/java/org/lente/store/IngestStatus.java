package org.lente.store;

import java.time.Instant;

/** How much the knowledge base holds, and when it last stored an article (null when empty). */
public record IngestStatus(long articles, long entities, long quotes, long sources, long authors,
    Instant lastStored) {}
