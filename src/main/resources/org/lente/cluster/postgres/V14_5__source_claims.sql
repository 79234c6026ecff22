-- Cluster-only (no embedded counterpart): which poll worker (lente worker poll) is polling a source,
-- until when. A worker claims a due source whose claim is absent or expired; polling it, handing its
-- new URLs on and recording the poll, it then deletes its claim in the poll's transaction. A worker
-- that dies leaves its claim, which expires at claimed_until: then another worker takes the source.
CREATE TABLE source_claims (
  source_id BIGINT PRIMARY KEY REFERENCES polled_sources (id) ON DELETE CASCADE,
  holder TEXT NOT NULL,
  claimed_until TIMESTAMPTZ NOT NULL
);
