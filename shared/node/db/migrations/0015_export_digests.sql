-- 0015: superseding bundles. A later export of a period already exported replaces the earlier bundle and names
-- the crossings that changed since. For that the station keeps, per bundle written, one digest of every
-- crossing row it carried: 16 bytes a row (the sequence as 8 bytes big-endian, then the first 8 bytes of the
-- SHA-256 of the row's crossings.jsonl line), in sequence order. No personal data: a digest cannot be read back.
CREATE TABLE export_digests (
  export_id TEXT PRIMARY KEY NOT NULL REFERENCES exports (id),
  digests   BLOB NOT NULL
) STRICT;

-- The bundle a later export of the same period replaced (the SHA-256 of its manifest.json), for the history.
ALTER TABLE exports ADD COLUMN supersedes TEXT;
