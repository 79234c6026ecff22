-- Cluster-only (a point version of the newest script when it was written, as V14_1; PostgresSchema says why):
-- when each polled source is due, as a time that the poll workers' claim (store/PostgresSources.claimDue) finds
-- through an index instead of reading every row of polled_sources. next_poll stays the text the shared SQL
-- writes (an ISO-8601 instant, as in the embedded schema); due_at is computed from it by PostgreSQL, so neither
-- a writer nor lente export sets it, and the rows stored before this script get it as they are.
--
-- lente_instant reads an ISO-8601 date and time (with Z or an offset; with none, UTC) by arithmetic, not by
-- PostgreSQL's text input, whose result depends on the session's TimeZone and DateStyle: so it is IMMUTABLE, as
-- a generated column needs. Text that is no such time gives NULL (a day past the month's end carries into the
-- next month, as the text cannot be refused here).
CREATE FUNCTION lente_instant(t TEXT) RETURNS TIMESTAMPTZ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT to_timestamp((make_date(m[1]::int, m[2]::int, 1) + (m[3]::int - 1) - DATE '1970-01-01') * 86400.0
      + m[4]::int * 3600 + m[5]::int * 60 + m[6]::numeric
      - CASE WHEN m[7] IS NULL OR upper(m[7]) = 'Z' THEN 0
          ELSE (CASE WHEN left(m[7], 1) = '-' THEN -1 ELSE 1 END) * (substr(m[7], 2, 2)::int * 3600
              + right(m[7], 2)::int * 60) END)
  FROM regexp_match(t, '^([1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):'
      '([0-5][0-9]):([0-5][0-9](?:\.[0-9]+)?)([Zz]|[+-][0-9]{2}:?[0-9]{2})?$') AS r(m)
$$;
-- never polled (no next poll) or unreadable: due at once, first; the next poll writes a readable time
ALTER TABLE polled_sources ADD COLUMN due_at TIMESTAMPTZ NOT NULL
  GENERATED ALWAYS AS (coalesce(lente_instant(next_poll), '-infinity')) STORED;
-- the claim's order: the longest overdue first, then by id; the scan stops at the first source not yet due
CREATE INDEX polled_sources_due ON polled_sources (due_at, id);
