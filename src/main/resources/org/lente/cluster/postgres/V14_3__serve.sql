-- Cluster-only (no embedded counterpart): what the instances of lente serve --cluster share, so that
-- any instance answers any request alike.
-- serve_secret: one row, the key every instance signs its CSRF tokens with (drawn by the first
-- instance to start; the others read it).
CREATE TABLE serve_secret (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret TEXT NOT NULL CHECK (length(secret) >= 32)
);
-- rate_limits: a token bucket per client address for write requests, updated in one statement
-- (INSERT ... ON CONFLICT DO UPDATE); a row untouched for long is a full bucket and is pruned.
CREATE TABLE rate_limits (
  client TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  allowed BOOLEAN NOT NULL
);
CREATE INDEX rate_limits_at ON rate_limits(at);
-- submissions: the articles added through the reader or the API of any instance, published to Kafka
-- (lente.fetch for a URL, lente.pages for pasted HTML or text); state queued until the article's key
-- is found in the store (then stored or duplicate), or failed.
CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  input TEXT NOT NULL,
  article_key TEXT NOT NULL,
  user_name TEXT,
  submitted_at TIMESTAMPTZ NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'stored', 'duplicate', 'failed')),
  article_id BIGINT,
  error TEXT
);
CREATE INDEX submissions_recent ON submissions(submitted_at, id);
CREATE INDEX submissions_queued ON submissions(article_key) WHERE state = 'queued';
