-- Lente knowledge base, schema version 10: the entity resolver's state, written in each article's
-- transaction (it was entities.json beside the database, saved every 200 articles).

CREATE TABLE resolver_names (         -- each name the resolver has seen, in its namespace and normalised form
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,          -- 'P|vladimir putin' (persons), 'O|north korea' (the others)
  entity TEXT NOT NULL                -- the name of its knowledge-base entity now (kb_entities.name)
);
CREATE INDEX resolver_names_entity ON resolver_names(entity);

CREATE TABLE resolver_sightings (     -- how often each name was written each way, with each type, in each language
  name_id INTEGER NOT NULL REFERENCES resolver_names(id),
  written TEXT NOT NULL,
  type TEXT NOT NULL,
  language TEXT NOT NULL,             -- '' when unknown
  seen INTEGER NOT NULL,
  PRIMARY KEY (name_id, written, type, language)
) WITHOUT ROWID;

-- the resolver's name each mention was resolved from; NULL for mentions stored before version 10
ALTER TABLE mentions ADD COLUMN name_id INTEGER REFERENCES resolver_names(id);
CREATE INDEX mentions_name ON mentions(name_id);

CREATE TABLE kb_redirects (           -- an entity merged into another: its pages and API answer with the other
  old_id INTEGER PRIMARY KEY,
  new_id INTEGER NOT NULL
);
