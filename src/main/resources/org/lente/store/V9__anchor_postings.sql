-- Lente knowledge base, schema version 9: an inverted index over the anchors of each article
-- (org.lente.story.Anchor: names, numbers, dates, speakers in a language-independent form), where
-- lineage looks for an article's versions in other languages without publication dates.
CREATE TABLE anchor_postings (
  term TEXT NOT NULL,                -- Anchor.term(): "n:airbus", "#:4.6", "d:2005-06-13"
  article_id INTEGER NOT NULL REFERENCES articles(id),
  language TEXT NOT NULL,            -- '' when unknown
  PRIMARY KEY (term, article_id)
) WITHOUT ROWID;
CREATE INDEX anchor_postings_article ON anchor_postings(article_id);

CREATE TABLE anchor_terms (          -- how many articles hold each term of anchor_postings, read in one step
  term TEXT PRIMARY KEY,
  articles INTEGER NOT NULL
) WITHOUT ROWID;
