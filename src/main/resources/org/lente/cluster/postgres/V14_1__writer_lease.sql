-- Cluster-only (no embedded counterpart, hence a point version that never collides with the embedded
-- schema's numbers): the knowledge writer's lease and the Kafka offsets it has applied.
-- writer_lease: one row per single-writer role; epoch grows by one at each takeover, and every
-- transaction of the holder checks it (UPDATE ... WHERE epoch = :mine), so a stale writer cannot commit.
CREATE TABLE writer_lease (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  epoch BIGINT NOT NULL CHECK (epoch > 0),
  expires_at TIMESTAMPTZ NOT NULL
);
-- applied_offsets: per topic and partition, the offset of the next record to apply, written in the
-- same transaction as what the records did, so a redelivered record has no effect.
CREATE TABLE applied_offsets (
  topic TEXT NOT NULL,
  part INTEGER NOT NULL CHECK (part >= 0),
  next_offset BIGINT NOT NULL CHECK (next_offset >= 0),
  PRIMARY KEY (topic, part)
);
