-- Users get an id that is never given again (AUTOINCREMENT keeps the highest id ever given in
-- sqlite_sequence, even after that user is deleted), and API tokens and sessions belong to that id,
-- no longer to a name: a user removed and a name added again is a new user, whom no old token or
-- session fits. Tokens get an id to list and revoke them by, and their last use in epoch
-- milliseconds (NULL until used). Removing a user removes their tokens and sessions (ON DELETE
-- CASCADE, for connections that enforce foreign keys, as Lente's do).
--
-- Rows are copied in their order. Tokens and sessions whose user row is gone (deleted by hand: no
-- command could) are not copied: before this version they came back to life when the name was added again.
ALTER TABLE users RENAME TO users_v7;
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  password TEXT NOT NULL,
  created_at TEXT NOT NULL
);
INSERT INTO users (name, password, created_at) SELECT name, password, created_at FROM users_v7 ORDER BY rowid;

ALTER TABLE api_tokens RENAME TO api_tokens_v7;
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_used_at INTEGER
);
INSERT INTO api_tokens (hash, user_id, created_at)
  SELECT t.hash, u.id, t.created_at FROM api_tokens_v7 t JOIN users u ON u.name = t.user_name ORDER BY t.rowid;
CREATE INDEX api_tokens_user ON api_tokens(user_id);

ALTER TABLE sessions RENAME TO sessions_v7;
DROP INDEX sessions_expiry;
CREATE TABLE sessions (
  hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
INSERT INTO sessions (hash, user_id, expires_at, created_at)
  SELECT s.hash, u.id, s.expires_at, s.created_at FROM sessions_v7 s JOIN users u ON u.name = s.user_name;
CREATE INDEX sessions_expiry ON sessions(expires_at);
CREATE INDEX sessions_user ON sessions(user_id);

DROP TABLE users_v7;
DROP TABLE api_tokens_v7;
DROP TABLE sessions_v7;
