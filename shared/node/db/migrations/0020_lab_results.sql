-- 0020: lab result lists (the mass testing of a bus at the border) and the registry of lab result links.
-- Labs are registered with their public key by an administrator (or a hub package); every list a lab signed
-- is kept as its own version, nothing is replaced or deleted, so a crossing can name the list it was judged by.
CREATE TABLE lab_keys (
  key_id         TEXT PRIMARY KEY,
  lab_id         TEXT NOT NULL,
  lab_name       TEXT NOT NULL,
  country        TEXT NOT NULL CHECK (length(country) = 2),
  algorithm      TEXT NOT NULL CHECK (algorithm IN ('Ed25519', 'ES256')),
  public_key_pem TEXT NOT NULL,
  registered_at  TEXT NOT NULL,
  actor          TEXT NOT NULL,
  source         TEXT NOT NULL
);
CREATE INDEX lab_keys_lab ON lab_keys (lab_id);

CREATE TABLE lab_lists (
  version        INTEGER PRIMARY KEY AUTOINCREMENT,
  lab_id         TEXT NOT NULL,
  key_id         TEXT NOT NULL REFERENCES lab_keys (key_id),
  imported_at    TEXT NOT NULL,
  actor          TEXT NOT NULL,
  source         TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  -- The detached signature as it came (JSON), so the list can be checked again later.
  signature_json TEXT NOT NULL,
  rows           INTEGER NOT NULL CHECK (rows > 0),
  problems_json  TEXT NOT NULL
);

-- One person's result; found at the lane by document number, else by birth date and name, or by a link's id.
CREATE TABLE lab_results (
  list_version   INTEGER NOT NULL REFERENCES lab_lists (version),
  line           INTEGER NOT NULL,
  document_key   TEXT NOT NULL,
  nationality    TEXT NOT NULL,
  birth_date     TEXT NOT NULL,
  lab_id         TEXT NOT NULL,
  reference      TEXT NOT NULL,
  sample_time    TEXT NOT NULL,
  test_kind      TEXT NOT NULL CHECK (test_kind IN ('pcr', 'rat')),
  result         TEXT NOT NULL CHECK (result IN ('negative', 'positive')),
  holder_json    TEXT NOT NULL,
  PRIMARY KEY (list_version, line)
);
CREATE INDEX lab_results_document ON lab_results (document_key);
CREATE INDEX lab_results_birth_date ON lab_results (birth_date);
CREATE INDEX lab_results_reference ON lab_results (lab_id, reference);

CREATE TRIGGER lab_lists_no_update BEFORE UPDATE ON lab_lists BEGIN SELECT RAISE(ABORT, 'lab lists are kept as imported'); END;
CREATE TRIGGER lab_lists_no_delete BEFORE DELETE ON lab_lists BEGIN SELECT RAISE(ABORT, 'lab lists are kept as imported'); END;
CREATE TRIGGER lab_results_no_update BEFORE UPDATE ON lab_results BEGIN SELECT RAISE(ABORT, 'lab results are kept as imported'); END;

-- The lab-link registry, administered like the trust list: each import replaces the one in use, every import kept.
CREATE TABLE lab_link_registries (
  version        INTEGER PRIMARY KEY AUTOINCREMENT,
  imported_at    TEXT NOT NULL,
  actor          TEXT NOT NULL,
  source         TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  patterns       INTEGER NOT NULL,
  registry_json  TEXT NOT NULL
);

-- A crossing's evidence may now be a result found on a lab list: the kind check is widened (SQLite rebuilds the
-- table to change a CHECK; every row is copied as it was).
CREATE TABLE evidence_0020 (
  id             TEXT PRIMARY KEY NOT NULL,
  crossing_id    TEXT NOT NULL REFERENCES crossings (id),
  kind           TEXT NOT NULL CHECK (kind IN ('dcc', 'paper-lab', 'other-qr', 'lab-result')),
  captured_at    TEXT NOT NULL,
  payload_sha256 TEXT,
  outcome        TEXT NOT NULL CHECK (outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  summary_json   TEXT NOT NULL,
  photo          BLOB,
  photo_type     TEXT CHECK (photo_type IS NULL OR photo_type IN ('image/jpeg', 'image/png'))
) STRICT;
INSERT INTO evidence_0020 (id, crossing_id, kind, captured_at, payload_sha256, outcome, summary_json, photo, photo_type)
  SELECT id, crossing_id, kind, captured_at, payload_sha256, outcome, summary_json, photo, photo_type FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_0020 RENAME TO evidence;
CREATE INDEX evidence_by_crossing ON evidence (crossing_id);
CREATE INDEX evidence_by_payload ON evidence (payload_sha256);
