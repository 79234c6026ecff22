-- Lente knowledge base, schema version 13: the snippet a listing shows for an article
-- (ArticleSummary.snippet), made when the article is written instead of being parsed out of the
-- stored analysis at every listing. '' when the article has no text to show; NULL until made: the
-- rows stored before this version are filled in when a writing Lente opens the store
-- (SqliteStore.open), in batches, each batch in its own transaction.
ALTER TABLE articles ADD COLUMN snippet TEXT;
