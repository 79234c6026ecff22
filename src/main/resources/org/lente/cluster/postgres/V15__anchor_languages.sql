-- The embedded schema's version 15 (store/V15__anchor_languages.sql): the anchor postings by term and
-- language, so that lineage's lookup of a term's articles in other languages reads only those.
CREATE INDEX anchor_postings_language ON anchor_postings (term, language, article_id);
