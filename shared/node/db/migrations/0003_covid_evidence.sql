-- 0003: COVID evidence. The trust list of document signer certificates (DSCs) with the import each
-- came from; corridor rule profiles with their whole history; the evidence shown at each crossing;
-- and the rule profile (id + version) every crossing was judged by.

-- One row per successful import. The current list is the rows of trust_list_entries, all from the
-- latest import: an import replaces the list in one transaction, a failed one changes nothing.
CREATE TABLE trust_list_imports (
  id             TEXT PRIMARY KEY NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_at_ms INTEGER NOT NULL,
  source         TEXT NOT NULL,             -- file or folder name as the operator gave it
  format         TEXT NOT NULL CHECK (format IN ('eu-gateway', 'station', 'pem', 'der', 'folder')),
  signed_by      TEXT,                      -- key id of the verified trust-list signer; NULL = unsigned file
  content_sha256 TEXT NOT NULL,
  entries        INTEGER NOT NULL CHECK (entries > 0),
  actor          TEXT NOT NULL
) STRICT;
CREATE INDEX trust_list_imports_by_time ON trust_list_imports (imported_at_ms);

CREATE TABLE trust_list_entries (
  der_sha256     TEXT PRIMARY KEY NOT NULL, -- the same certificate twice is one entry
  kid            TEXT NOT NULL,             -- base64 of the first 8 bytes of SHA-256(DER); kids can collide
  country        TEXT NOT NULL,
  subject        TEXT NOT NULL,
  not_before     TEXT NOT NULL,
  not_after      TEXT NOT NULL,
  key_usage_json TEXT NOT NULL,             -- ["test","vaccination","recovery"] subset; [] = all types
  der            BLOB NOT NULL,
  import_id      TEXT NOT NULL REFERENCES trust_list_imports (id)
) STRICT;
CREATE INDEX trust_list_entries_by_kid ON trust_list_entries (kid);

-- Every saved version of every profile. History is never edited: a change is a new version.
CREATE TABLE rule_profiles (
  id                TEXT NOT NULL,
  version           INTEGER NOT NULL CHECK (version > 0),
  name              TEXT NOT NULL,
  corridor          TEXT NOT NULL,
  direction         TEXT NOT NULL CHECK (direction IN ('entry', 'exit', 'both')),
  effective_from    TEXT NOT NULL,
  effective_from_ms INTEGER NOT NULL,
  profile_json      TEXT NOT NULL,
  saved_at          TEXT NOT NULL,
  saved_by          TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;
CREATE INDEX rule_profiles_by_corridor ON rule_profiles (corridor, effective_from_ms);
CREATE TRIGGER rule_profiles_no_update BEFORE UPDATE ON rule_profiles
BEGIN SELECT RAISE(ABORT, 'rule_profiles keeps history: save a new version instead'); END;
CREATE TRIGGER rule_profiles_no_delete BEFORE DELETE ON rule_profiles
BEGIN SELECT RAISE(ABORT, 'rule_profiles keeps history: save a new version instead'); END;

-- The rules a crossing was judged by. NULL for crossings recorded before this migration.
ALTER TABLE crossings ADD COLUMN rule_profile_id TEXT;
ALTER TABLE crossings ADD COLUMN rule_profile_version INTEGER;

-- Evidence shown at a crossing: what it said and what it was worth. Personal data (names on the
-- certificate) lives in summary_json only, so a retention purge can clear it with the crossing.
CREATE TABLE evidence (
  id             TEXT PRIMARY KEY NOT NULL,
  crossing_id    TEXT NOT NULL REFERENCES crossings (id),
  kind           TEXT NOT NULL CHECK (kind IN ('dcc', 'paper-lab', 'other-qr')),
  captured_at    TEXT NOT NULL,
  payload_sha256 TEXT,                      -- scanned QR text hash; NULL for keyed-in paper certificates
  outcome        TEXT NOT NULL CHECK (outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  summary_json   TEXT NOT NULL,
  photo          BLOB,                      -- optional photo of a paper certificate
  photo_type     TEXT CHECK (photo_type IS NULL OR photo_type IN ('image/jpeg', 'image/png'))
) STRICT;
CREATE INDEX evidence_by_crossing ON evidence (crossing_id);
CREATE INDEX evidence_by_payload ON evidence (payload_sha256);
