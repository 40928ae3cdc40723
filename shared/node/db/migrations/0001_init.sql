-- 0001: station settings, crossings and the append-only, hash-chained audit log.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE crossings (
  sequence        INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT    NOT NULL UNIQUE,
  recorded_at     TEXT    NOT NULL,            -- ISO 8601 with offset, as shown to people
  recorded_at_ms  INTEGER NOT NULL,            -- the same instant in epoch ms, for range queries
  station_id      TEXT    NOT NULL,
  operator_id     TEXT,
  direction       TEXT    NOT NULL CHECK (direction IN ('entry', 'exit')),
  outcome         TEXT    NOT NULL CHECK (outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  reasons_json    TEXT    NOT NULL,
  document_json   TEXT    NOT NULL,
  document_number TEXT    NOT NULL,
  nationality     TEXT    NOT NULL,
  scan_source     TEXT    NOT NULL,
  note            TEXT
) STRICT;

CREATE INDEX crossings_by_time ON crossings (recorded_at_ms);
CREATE INDEX crossings_by_document ON crossings (document_number, nationality);

CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
) STRICT;

-- Append-only: the database itself refuses edits, so a bug cannot rewrite history quietly.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
