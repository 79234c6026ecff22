-- Cluster-only (a point version, as V14_1; PostgresSchema says why): the columns whose values are large enough for
-- PostgreSQL to compress them (above about 2 kB: TOAST) compress with lz4, not pglz, the default. The knowledge
-- writer writes them at every article (an article's analysis as JSON) and at every batch (each story it touched:
-- its whole JSON and centroid again), and pglz compresses some two to three times slower than lz4 for about the
-- same size (docs/cluster-writer.md, session 20). The values read are the same: only how PostgreSQL keeps them
-- changes, for values written from now on (those stored before stay as they are, and read as before).
--
-- lz4 needs PostgreSQL 14 or later built with it (the Debian and the official images are). Where it is not there,
-- the columns keep pglz, said in a notice, and the migration goes on: the store works the same, only slower.
DO $$
BEGIN
  EXECUTE 'ALTER TABLE articles ALTER COLUMN analysis SET COMPRESSION lz4';
  EXECUTE 'ALTER TABLE article_versions ALTER COLUMN analysis SET COMPRESSION lz4';
  EXECUTE 'ALTER TABLE stories ALTER COLUMN story SET COMPRESSION lz4, ALTER COLUMN centroid SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR syntax_error THEN
  RAISE NOTICE 'lz4 compression is not available here (%: %); the large columns keep pglz', SQLSTATE, SQLERRM;
END
$$;
