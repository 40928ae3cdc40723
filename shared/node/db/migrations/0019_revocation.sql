-- 0019: EU DCC revocation. Every import is kept as a row of revocation_lists (who, when, from which file); the entries
-- are those of the newest import, which replaces them whole in one transaction. A certificate is looked up at the lane
-- by (hash_type, hash, kid), hence the primary key.
CREATE TABLE revocation_lists (
  version         INTEGER PRIMARY KEY AUTOINCREMENT,
  imported_at     TEXT NOT NULL,
  actor           TEXT NOT NULL,
  source          TEXT NOT NULL,
  format          TEXT NOT NULL,
  content_sha256  TEXT NOT NULL,
  signed_by       TEXT,
  batches         INTEGER NOT NULL,
  entries         INTEGER NOT NULL CHECK (entries > 0)
);

CREATE TABLE revocation_entries (
  hash_type     TEXT NOT NULL CHECK (hash_type IN ('UCI', 'COUNTRYCODEUCI', 'SIGNATURE')),
  hash          TEXT NOT NULL,
  kid           TEXT NOT NULL,
  country       TEXT NOT NULL CHECK (length(country) = 2),
  expires       TEXT NOT NULL,
  list_version  INTEGER NOT NULL REFERENCES revocation_lists (version),
  PRIMARY KEY (hash_type, hash, kid)
) WITHOUT ROWID;
