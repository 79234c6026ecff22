-- Stages that failed for an article after it was stored (indexing it, its story and lineage): the
-- article is kept, and the stage retried by `lente reindex` and the next ingest. A row is deleted when
-- the retry succeeds, so the table lists what is still to repair (`lente check`).
CREATE TABLE article_failures (
  article_id INTEGER NOT NULL REFERENCES articles(id),
  stage TEXT NOT NULL CHECK (stage IN ('index', 'story')),
  reason TEXT NOT NULL,
  failed_at TEXT NOT NULL,
  PRIMARY KEY (article_id, stage)
);
