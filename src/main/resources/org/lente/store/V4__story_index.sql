-- Lente knowledge base, schema version 4: what the story index (org.lente.story.Stories) needs to take
-- up where it left off after a restart, so that new articles join the stories stored before.

ALTER TABLE stories ADD COLUMN centroid TEXT;   -- JSON {"terms": {term: weight}, "names": {term: name}}, its heaviest terms; null before V4

CREATE TABLE story_terms (                      -- in how many stored articles each key term occurs: the idf of story assignment
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) WITHOUT ROWID;
