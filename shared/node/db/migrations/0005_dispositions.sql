-- 0005: the log of record. Every lane transaction ends in one disposition (crossed, refused, held for
-- consular, cancelled). The crossing row keeps what was recorded at the lane and is never edited; later
-- changes are append-only corrections that reference it, and `crossing_state` holds the current state
-- (the original plus its corrections), maintained in the same transaction so queries read one row.

ALTER TABLE crossings ADD COLUMN disposition TEXT NOT NULL DEFAULT 'crossed'
  CHECK (disposition IN ('crossed', 'refused', 'held', 'cancelled'));

-- Crossings carried in a group file arrive with the state they had at the recording station.
ALTER TABLE imported_crossings ADD COLUMN disposition TEXT NOT NULL DEFAULT 'crossed'
  CHECK (disposition IN ('crossed', 'refused', 'held', 'cancelled'));

-- Who let a NOT OK / NEEDS CROSS-CHECK traveller cross: the second, authorised person and the dispositions.
ALTER TABLE overrides ADD COLUMN authorised_by TEXT;
ALTER TABLE overrides ADD COLUMN authoriser_role TEXT CHECK (authoriser_role IS NULL OR authoriser_role IN ('consular', 'shift-lead'));
ALTER TABLE overrides ADD COLUMN previous_disposition TEXT CHECK (previous_disposition IS NULL OR previous_disposition IN ('crossed', 'refused', 'held', 'cancelled'));
ALTER TABLE overrides ADD COLUMN disposition TEXT CHECK (disposition IS NULL OR disposition IN ('crossed', 'refused', 'held', 'cancelled'));

CREATE TABLE corrections (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  crossing_id     TEXT NOT NULL REFERENCES crossings (id),
  kind            TEXT NOT NULL CHECK (kind IN ('void', 'direction', 'rejudge', 'admit', 'refuse', 'override', 'group')),
  -- The state after this correction; NULL where it does not change that part.
  disposition     TEXT CHECK (disposition IS NULL OR disposition IN ('crossed', 'refused', 'held', 'cancelled')),
  direction       TEXT CHECK (direction IS NULL OR direction IN ('entry', 'exit')),
  outcome         TEXT CHECK (outcome IS NULL OR outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  reasons_json    TEXT,
  group_id        TEXT,
  reason          TEXT NOT NULL,
  operator_id     TEXT,
  override_id     TEXT REFERENCES overrides (id),
  at              TEXT NOT NULL,
  at_ms           INTEGER NOT NULL
) STRICT;
CREATE INDEX corrections_by_crossing ON corrections (crossing_id, seq);
CREATE INDEX corrections_by_time ON corrections (at_ms);

-- Append-only: only the retention purge may blank a reason (personal data), nothing else changes.
CREATE TRIGGER corrections_no_update BEFORE UPDATE OF id, crossing_id, kind, disposition, direction, outcome, reasons_json,
  group_id, operator_id, override_id, at, at_ms ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;

-- The current state of each local crossing: derived from the crossing and its corrections, never the record.
CREATE TABLE crossing_state (
  crossing_id  TEXT PRIMARY KEY NOT NULL REFERENCES crossings (id),
  disposition  TEXT NOT NULL CHECK (disposition IN ('crossed', 'refused', 'held', 'cancelled')),
  direction    TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
  outcome      TEXT NOT NULL CHECK (outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  group_id     TEXT,
  corrections  INTEGER NOT NULL DEFAULT 0,
  updated_at   TEXT NOT NULL
) WITHOUT ROWID, STRICT;
CREATE INDEX crossing_state_by_disposition ON crossing_state (disposition);
CREATE INDEX crossing_state_by_group ON crossing_state (group_id, direction);

-- Rows recorded before dispositions existed were all recorded as crossings: that is what the log said.
INSERT INTO crossing_state (crossing_id, disposition, direction, outcome, group_id, corrections, updated_at)
  SELECT id, disposition, direction, outcome, group_id, 0, recorded_at FROM crossings;

-- A local crossing as queries see it: what was recorded, with the current state in the columns that change.
CREATE VIEW local_passages AS
  SELECT c.sequence, c.id, c.recorded_at, c.recorded_at_ms, c.station_id, c.operator_id, c.checkpoint_id, c.corridor_id,
         s.group_id, s.direction, s.disposition, c.outcome AS recorded_outcome, s.outcome AS outcome, c.direction AS recorded_direction,
         c.document_number, c.nationality, c.birth_date, c.name_key, c.reasons_json, c.document_json, c.scan_source, c.note,
         s.corrections
  FROM crossings c JOIN crossing_state s ON s.crossing_id = c.id;
