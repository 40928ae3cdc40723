-- 0010: a queued bundle's zip is kept inside the encrypted database until the hub acknowledges it, instead of as a
-- plaintext file under <data dir>/outbox. The row is deleted with the verified receipt (or by the retention purge);
-- outbox.file then only names a copy an earlier version left on disk, which the station takes in at start ('' after).

CREATE TABLE outbox_bundles (
  idempotency_key TEXT PRIMARY KEY NOT NULL REFERENCES outbox (idempotency_key),
  zip             BLOB NOT NULL
) STRICT;
