-- Cluster-only: the knowledge writer now ends a submission itself, in the transaction that stores its article,
-- with the store's outcome, as the embedded mode does: a resubmitted page whose text changed is 'updated'.
ALTER TABLE submissions DROP CONSTRAINT submissions_state_check;
ALTER TABLE submissions ADD CONSTRAINT submissions_state_check
  CHECK (state IN ('queued', 'stored', 'updated', 'duplicate', 'failed'));
-- Submissions are no longer looked up by the key their article was expected under (a canonical address or a
-- redirect's target differs from the URL typed): the writer marks them by id.
DROP INDEX submissions_queued;
