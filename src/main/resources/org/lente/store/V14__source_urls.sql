-- Lente knowledge base, schema version 14: the article URLs each polled source listed and that were
-- handled (stored, a duplicate, or not an article), so that a restarted lente serve or lente watch does
-- not fetch them again (they lived only in the polling process's memory). Written in the transaction
-- of the article they gave; the most recent SqliteSources.MAX_HANDLED per source are kept.
CREATE TABLE source_urls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order they were handled in: the lowest go first
  source_id INTEGER NOT NULL REFERENCES polled_sources (id) ON DELETE CASCADE,
  url TEXT NOT NULL,                     -- as the source listed it (before redirects and canonical links)
  handled_at TEXT NOT NULL,              -- ISO-8601 instant
  UNIQUE (source_id, url)
);
CREATE INDEX source_urls_in_order ON source_urls (source_id, id);  -- for dropping a source's oldest
