-- 0004: daily export bundles. `exports` is the history the Export screen shows; `outbox` the
-- queue of bundles waiting for the central system. A crossing counts as delivered once an acknowledged
-- export covers it: recorded in the export's period, with a sequence no higher than the export's snapshot.

CREATE TABLE exports (
  id                TEXT PRIMARY KEY NOT NULL,
  manifest_sha256   TEXT NOT NULL,               -- SHA-256 of manifest.json: the bundle's identity
  station_id        TEXT NOT NULL,
  period_from       TEXT NOT NULL,               -- ISO with the station's offset
  period_to         TEXT NOT NULL,
  period_from_ms    INTEGER NOT NULL,
  period_to_ms      INTEGER NOT NULL CHECK (period_to_ms > period_from_ms),
  time_zone         TEXT NOT NULL,
  snapshot_sequence INTEGER NOT NULL,            -- highest crossing sequence when the bundle was read
  crossings         INTEGER NOT NULL CHECK (crossings >= 0),
  alerts            INTEGER NOT NULL CHECK (alerts >= 0),
  audit_last        TEXT NOT NULL,               -- audit chain head at the end of the period
  destination       TEXT,                        -- folder or .zip the shift lead chose; NULL = central system only
  format            TEXT NOT NULL CHECK (format IN ('folder', 'zip')),
  status            TEXT NOT NULL CHECK (status IN ('written', 'queued', 'sent', 'acknowledged')),
  created_at        TEXT NOT NULL,
  created_by        TEXT,
  acknowledged_at   TEXT
) STRICT;
CREATE INDEX exports_by_period ON exports (period_from_ms, period_to_ms);
CREATE INDEX exports_by_status ON exports (status, period_from_ms);

CREATE TABLE outbox (
  idempotency_key TEXT PRIMARY KEY NOT NULL,     -- = exports.manifest_sha256: the same bundle is queued once
  export_id       TEXT NOT NULL REFERENCES exports (id),
  file            TEXT NOT NULL,                 -- the bundle's .zip under <data dir>/outbox
  state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'acknowledged')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL,
  last_attempt_at TEXT,
  last_error      TEXT,
  queued_at       TEXT NOT NULL,
  acknowledged_at TEXT
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_ms);
