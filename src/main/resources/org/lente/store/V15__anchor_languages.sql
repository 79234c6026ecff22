-- Lente knowledge base, schema version 15: the anchor postings by term and language, so that lineage's
-- lookup of a term's articles in other languages (SqlStoryStore.anchorPostings: the languages below the
-- article's, then those above) reads only those, not every posting of the term; with the article id, the
-- index alone answers it.
CREATE INDEX anchor_postings_language ON anchor_postings (term, language, article_id);
