-- Lente knowledge base, schema version 12: the sources that lente serve and lente watch poll, with
-- their state between polls (it lived only in the watching process's memory) and their health. Named
-- polled_sources: table sources holds the outlets articles come from (V1).
CREATE TABLE polled_sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never given again, even after a source is removed
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'page', 'file')),
  address TEXT NOT NULL UNIQUE,          -- an http(s) URL, or a file: URI for a local feed file
  title TEXT,                            -- a name for people (an OPML outline's title), or NULL
  every_seconds INTEGER NOT NULL CHECK (every_seconds > 0),  -- least time between two polls
  added_at TEXT NOT NULL,                -- ISO-8601 instants, as everywhere in this database
  last_poll TEXT,
  next_poll TEXT,                        -- NULL: due at once
  etag TEXT,                             -- the validators of the last 200, sent on the next poll
  last_modified TEXT,
  last_status INTEGER,                   -- HTTP status of the last poll; NULL for a file or no answer
  last_error TEXT,                       -- why the last poll failed; NULL when it succeeded
  articles_added INTEGER NOT NULL DEFAULT 0,  -- new articles stored from this source, in all
  failing_since TEXT                     -- the first of the polls failing in a row; NULL when the last succeeded
);
