-- Login sessions of the web interface, so that a restart does not log anyone out. A session is kept
-- by the SHA-256 of its id (the cookie's value is never stored), with its end in epoch milliseconds.
CREATE TABLE sessions (
  hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expires_at);
