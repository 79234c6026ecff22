-- The embedded schema's version 13 (store/V13): the snippet a listing shows for an article, made
-- when the article is written; NULL until made.
ALTER TABLE articles ADD COLUMN snippet TEXT;
