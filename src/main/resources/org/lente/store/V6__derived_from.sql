-- Lineage as derived-from links: a copy is derived from its original. One row for each near-duplicate
-- or translation whose original was found, from the copy's side: article_id was derived from
-- original_id. Links whose direction is unknown, and same-story links, are not derivations. A view
-- over links (V3), so that it is always what lineage decided, for SQL users of lente.db and for Lente.
CREATE VIEW derived_from AS
  SELECT article_id, related_id AS original_id, relation, score, evidence
  FROM links
  WHERE direction = 'original' AND relation IN ('translation', 'near-duplicate');
