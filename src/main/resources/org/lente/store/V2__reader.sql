-- Lente knowledge base, schema version 2: what the reader (web pages, API) lists and counts, kept
-- small and up to date on every put so that no page scans all the mentions of a frequent entity.
-- A "day" is the first ten characters of articles.published (yyyy-MM-dd), '' when undated.

-- the publication day as a column, for listings newest first and their cursors
ALTER TABLE articles ADD COLUMN day TEXT GENERATED ALWAYS AS (coalesce(substr(published, 1, 10), '')) VIRTUAL;
CREATE INDEX articles_newest ON articles(day, id);
CREATE INDEX articles_source_newest ON articles(source_id, day, id);
CREATE INDEX articles_language_newest ON articles(language, day, id);

-- sources and authors with their article counts, for listings by size
ALTER TABLE sources ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sources_by_articles ON sources(articles, id);
CREATE INDEX sources_site ON sources(site COLLATE NOCASE);
ALTER TABLE authors ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE authors ADD COLUMN bio TEXT;  -- of the latest single-author article that has one
CREATE INDEX authors_by_articles ON authors(articles, id);
CREATE INDEX authors_name_nocase ON authors(name COLLATE NOCASE);

CREATE TABLE author_articles (        -- each author's articles, in listing order
  author_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (author_id, day, article_id)
) WITHOUT ROWID;

CREATE TABLE author_sources (         -- how many articles each author has on each site
  author_id INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (author_id, source_id)
) WITHOUT ROWID;

-- knowledge-base entities: one per resolved canonical name, across types and languages
CREATE TABLE kb_entities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,                 -- the type most of its mentions have
  articles INTEGER NOT NULL,          -- articles that mention it
  mentions INTEGER NOT NULL
);
CREATE INDEX kb_entities_name_nocase ON kb_entities(name COLLATE NOCASE);
CREATE INDEX kb_entities_by_articles ON kb_entities(articles, id);
ALTER TABLE entities ADD COLUMN kb_id INTEGER REFERENCES kb_entities(id);
CREATE INDEX entities_kb ON entities(kb_id);

CREATE TABLE kb_entity_types (        -- mentions of each entity by type, to choose its type
  entity_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (entity_id, type)
) WITHOUT ROWID;

CREATE TABLE article_entities (       -- which entities each article mentions, in listing order
  entity_id INTEGER NOT NULL,         -- kb_entities.id
  day TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (entity_id, day, article_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_article ON article_entities(article_id, entity_id);

CREATE TABLE entity_days (            -- articles and mentions of each entity per publication day
  entity_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  articles INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (entity_id, day)
) WITHOUT ROWID;
CREATE INDEX entity_days_day ON entity_days(day, entity_id, articles);

CREATE TABLE entity_aliases (         -- the ways articles write each entity
  entity_id INTEGER NOT NULL,
  alias TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE);

CREATE TABLE entity_roles (           -- the roles articles give each entity; days never shrink
  entity_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  first_day TEXT,
  last_day TEXT,
  PRIMARY KEY (entity_id, role)
) WITHOUT ROWID;

-- quotes by an entity: its canonical name is the speaker's
CREATE INDEX quotes_speaker ON quotes(speaker_canonical, published, article_id);

-- users and API tokens of the server (passwords as Argon2id strings, tokens as SHA-256 hex)
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  password TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE api_tokens (
  hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- backfill from the rows of version 1: each large table is read once, in one pass
CREATE TEMP TABLE article_day (id INTEGER PRIMARY KEY, day TEXT NOT NULL);
INSERT INTO article_day (id, day) SELECT id, day FROM articles;

INSERT INTO kb_entities (name, type, articles, mentions)
  SELECT e.canonical, 'MISC', 0, 0 FROM entities e GROUP BY e.canonical;
UPDATE entities SET kb_id = (SELECT k.id FROM kb_entities k WHERE k.name = entities.canonical);

-- mentions grouped by entity row and article, then by knowledge-base entity
CREATE TEMP TABLE found (entity_id INTEGER NOT NULL, article_id INTEGER NOT NULL, mentions INTEGER NOT NULL);
INSERT INTO found SELECT entity_id, article_id, count(*) FROM mentions GROUP BY entity_id, article_id;

INSERT INTO kb_entity_types (entity_id, type, mentions)
  SELECT e.kb_id, e.type, sum(f.mentions) FROM found f JOIN entities e ON e.id = f.entity_id GROUP BY e.kb_id, e.type;

INSERT INTO article_entities (entity_id, day, article_id, mentions)
  SELECT e.kb_id, d.day, f.article_id, sum(f.mentions) FROM found f JOIN entities e ON e.id = f.entity_id
  JOIN article_day d ON d.id = f.article_id GROUP BY e.kb_id, f.article_id;
DROP TABLE found;

INSERT INTO entity_days (entity_id, day, articles, mentions)
  SELECT entity_id, day, count(*), sum(mentions) FROM article_entities GROUP BY entity_id, day;

INSERT INTO entity_aliases (entity_id, alias, mentions)
  SELECT e.kb_id, m.text, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id GROUP BY e.kb_id, m.text;

INSERT INTO entity_roles (entity_id, role, mentions, first_day, last_day)
  SELECT e.kb_id, m.role, count(*), min(nullif(d.day, '')), max(nullif(d.day, '')) FROM mentions m
  JOIN entities e ON e.id = m.entity_id JOIN article_day d ON d.id = m.article_id
  WHERE m.role IS NOT NULL GROUP BY e.kb_id, m.role;

UPDATE kb_entities SET
  articles = (SELECT coalesce(sum(d.articles), 0) FROM entity_days d WHERE d.entity_id = kb_entities.id),
  mentions = (SELECT coalesce(sum(d.mentions), 0) FROM entity_days d WHERE d.entity_id = kb_entities.id),
  type = coalesce((SELECT t.type FROM kb_entity_types t WHERE t.entity_id = kb_entities.id
                   ORDER BY t.mentions DESC, t.type LIMIT 1), 'MISC');

UPDATE sources SET articles = (SELECT count(*) FROM articles a WHERE a.source_id = sources.id);

INSERT INTO author_articles (author_id, day, article_id)
  SELECT aa.author_id, d.day, d.id FROM article_authors aa JOIN article_day d ON d.id = aa.article_id;
UPDATE authors SET articles = (SELECT count(*) FROM article_authors aa WHERE aa.author_id = authors.id);
INSERT INTO author_sources (author_id, source_id, articles)
  SELECT aa.author_id, a.source_id, count(*) FROM article_authors aa JOIN articles a ON a.id = aa.article_id
  WHERE a.source_id IS NOT NULL GROUP BY aa.author_id, a.source_id;

-- each author's latest single-author article with a bio, newest first: stops at the first found
UPDATE authors SET bio = (
  SELECT json_extract(a.analysis, '$.article.authorBio') FROM author_articles x JOIN articles a ON a.id = x.article_id
  WHERE x.author_id = authors.id AND json_extract(a.analysis, '$.article.authorBio') IS NOT NULL
    AND (SELECT count(*) FROM article_authors y WHERE y.article_id = x.article_id) = 1
  ORDER BY x.day DESC, x.article_id DESC LIMIT 1);
DROP TABLE article_day;
