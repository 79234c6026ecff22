-- Lente knowledge base, schema version 11: story ids allocated by the database (they were the highest
-- stored id + 1 in each process's memory, so two processes could give one id to two stories).
CREATE TABLE story_ids (              -- one row per id handed out; AUTOINCREMENT never hands one out twice
  id INTEGER PRIMARY KEY AUTOINCREMENT
);
-- continue after the stories already stored
INSERT INTO story_ids (id) SELECT max(id) FROM stories WHERE id IS NOT NULL;
DELETE FROM story_ids;
