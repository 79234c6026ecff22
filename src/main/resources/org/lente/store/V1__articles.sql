-- Lente knowledge base, schema version 1: articles with their versions, and what was found in them.
-- Offsets (start_offset, end_offset) are character offsets into the article's text, end exclusive.
-- Dates: stored_at is an ISO-8601 UTC instant; published is the article's own ISO-8601 string;
-- quotes.published is its date part (yyyy-MM-dd), for periods and ordering.

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  host TEXT NOT NULL UNIQUE,         -- lower case, without "www."
  site TEXT                          -- the site's name as the page gives it, latest seen
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,          -- canonical URL, else source
  content_hash TEXT NOT NULL,        -- ContentHash of the latest text
  version INTEGER NOT NULL,
  stored_at TEXT NOT NULL,
  published TEXT,
  language TEXT,
  title TEXT,
  source TEXT NOT NULL,
  url TEXT,
  site TEXT,
  source_id INTEGER REFERENCES sources(id),
  indexed_version INTEGER NOT NULL DEFAULT 0,  -- the version the search index holds; 0 for none
  analysis TEXT NOT NULL             -- AnalysisJson of the latest version
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_unindexed ON articles(id) WHERE indexed_version < version;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source_id);

CREATE TABLE article_versions (     -- earlier versions; the latest is in articles
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  analysis TEXT NOT NULL,
  UNIQUE (article_id, version)
);

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE article_authors (
  article_id INTEGER NOT NULL REFERENCES articles(id),
  author_id INTEGER NOT NULL REFERENCES authors(id),
  position INTEGER NOT NULL,          -- 0 for the first byline name
  PRIMARY KEY (article_id, author_id)
) WITHOUT ROWID;
CREATE INDEX article_authors_author ON article_authors(author_id);

CREATE TABLE entities (             -- one row per canonical name, type and language, for now
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,                 -- PER, ORG, LOC, MISC
  canonical TEXT NOT NULL,
  language TEXT NOT NULL,             -- '' when the analysis has none
  canonical_words TEXT NOT NULL,      -- see Words: lower-case words between single spaces
  UNIQUE (type, canonical, language)
);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  role TEXT
);
CREATE INDEX mentions_article ON mentions(article_id, start_offset);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  text TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- DIRECT, INDIRECT
  speaker TEXT,
  speaker_start INTEGER,              -- null when there is no speaker
  speaker_canonical TEXT,
  speaker_words TEXT,                 -- the words of speaker and speaker_canonical, see Words
  text_words TEXT NOT NULL,           -- the words of text, see Words
  cue TEXT,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,    -- the span of the sentences the quote lies in
  sentence_end INTEGER NOT NULL,
  published TEXT                      -- the article's publication date, yyyy-MM-dd, or null
);
CREATE INDEX quotes_article ON quotes(article_id);
-- in the order quotes are listed, newest first, so that a search stops at its limit
CREATE INDEX quotes_newest ON quotes(published DESC, article_id DESC, start_offset);

CREATE TABLE times (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  text TEXT NOT NULL,
  type TEXT NOT NULL,                 -- DATE, TIME, DURATION, SET
  value TEXT NOT NULL,                -- TIMEX3 value
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL
);
CREATE INDEX times_article ON times(article_id);
CREATE INDEX times_value ON times(value);
