-- Cluster-only (a point version, as V14_1): the articles table is the search index's outbox
-- (indexed_version < version); this wakes the index workers (lente worker index), which LISTEN on
-- lente_index, when an article needs indexing: at its commit, once per transaction (PostgreSQL folds
-- equal notifications of one transaction into one). A notification is only a hint: the workers also
-- poll, so one missed delays an article, never loses it.
CREATE FUNCTION lente_index_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lente_index', '');
  RETURN NULL;
END;
$$;
-- a new article, a new version, or marks cleared for a rebuild
CREATE TRIGGER articles_index_outbox AFTER INSERT OR UPDATE ON articles
  FOR EACH ROW WHEN (NEW.indexed_version < NEW.version) EXECUTE FUNCTION lente_index_notify();
-- an index failure forgotten (a new version came): the article is to index again
CREATE TRIGGER article_failures_index_outbox AFTER DELETE ON article_failures
  FOR EACH ROW WHEN (OLD.stage = 'index') EXECUTE FUNCTION lente_index_notify();
