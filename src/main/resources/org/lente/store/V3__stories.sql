-- Lente knowledge base, schema version 3: stories and lineage (org.lente.story).
-- Written by SqliteStoryStore on its own connection to lente.db; articles(id) is the store's article id.

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  first_published TEXT,              -- ISO-8601, null when no article is dated
  last_published TEXT,
  updated_at TEXT NOT NULL,
  story TEXT NOT NULL                -- the Story as JSON: sources, languages, key entities, quotes, timeline
);
CREATE INDEX stories_last ON stories(last_published);

CREATE TABLE story_articles (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id),
  story_id INTEGER NOT NULL REFERENCES stories(id),
  score REAL NOT NULL                -- cosine with the story's centroid when it joined; 0 for the first
);
CREATE INDEX story_articles_story ON story_articles(story_id);

CREATE TABLE links (                 -- both directions are stored, each from its article's side
  article_id INTEGER NOT NULL REFERENCES articles(id),
  related_id INTEGER NOT NULL REFERENCES articles(id),
  relation TEXT NOT NULL CHECK (relation IN ('translation', 'near-duplicate', 'same-story')),
  direction TEXT NOT NULL CHECK (direction IN ('original', 'copy', 'unknown')),  -- the related article's role
  score REAL NOT NULL,
  evidence TEXT NOT NULL,            -- JSON array of {kind, here, there, note}
  PRIMARY KEY (article_id, related_id)
) WITHOUT ROWID;

CREATE TABLE lsh_bands (             -- MinHash LSH band keys of each article's text (MinHash: 32 bands of 4 rows)
  band_key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  language TEXT NOT NULL,            -- '' when unknown; near-duplicates are looked for in the same language
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_article ON lsh_bands(article_id);
