-- Cluster-only (a point version, as V14_1; PostgresSchema says why): PostgreSQL no longer checks the references
-- between the knowledge tables. No statement deletes a row they refer to (an article, an author, an entity row, a
-- knowledge-base entity, a name, a story or a source); the knowledge writer writes the referring rows with ids its
-- own transaction's inserts and lookups gave, or ids it keeps in memory from earlier committed batches, which it
-- forgets after every rollback (KnowledgeBase.rolledBack; a failure to forget stops it, or, the connection lost,
-- it resumes and forgets again); the index workers,
-- `lente reindex --cluster` and `lente export --to-cluster` write article failures or copies with ids of rows they
-- read. Each check was one more lookup and row lock in the parent table for every row written (some 120 an article:
-- its mentions three times, its bands, its anchor postings, its links twice), about a quarter of PostgreSQL's CPU an
-- article in the writer's bench (docs/cluster-writer.md, session 30). The embedded store keeps them (SQLite checks
-- them in process, for little); the cluster's tests count the rows that refer to none by the references the
-- embedded schema declares.
--
-- The references of accounts and polled sources stay: their ON DELETE CASCADE removes a deleted user's tokens and
-- sessions and a removed source's claim and addresses.
ALTER TABLE articles DROP CONSTRAINT articles_source_id_fkey;
ALTER TABLE article_versions DROP CONSTRAINT article_versions_article_id_fkey;
ALTER TABLE article_authors DROP CONSTRAINT article_authors_article_id_fkey,
  DROP CONSTRAINT article_authors_author_id_fkey;
ALTER TABLE entities DROP CONSTRAINT entities_kb_id_fkey;
ALTER TABLE resolver_sightings DROP CONSTRAINT resolver_sightings_name_id_fkey;
ALTER TABLE mentions DROP CONSTRAINT mentions_article_id_fkey, DROP CONSTRAINT mentions_entity_id_fkey,
  DROP CONSTRAINT mentions_name_id_fkey;
ALTER TABLE quotes DROP CONSTRAINT quotes_article_id_fkey;
ALTER TABLE times DROP CONSTRAINT times_article_id_fkey;
ALTER TABLE story_articles DROP CONSTRAINT story_articles_article_id_fkey,
  DROP CONSTRAINT story_articles_story_id_fkey;
ALTER TABLE links DROP CONSTRAINT links_article_id_fkey, DROP CONSTRAINT links_related_id_fkey;
ALTER TABLE lsh_bands DROP CONSTRAINT lsh_bands_article_id_fkey;
ALTER TABLE anchor_postings DROP CONSTRAINT anchor_postings_article_id_fkey;
ALTER TABLE article_failures DROP CONSTRAINT article_failures_article_id_fkey;
