-- 0008: reads bounded by today's work, not by history. Counters kept by triggers in the same transaction as the row
-- they count; the open entries of a corridor (crossed, no exit yet) kept as their own small table; covering and partial
-- indexes for the dashboard, the retention purge and the export's audit snapshot.

-- Totals the status bar shows after every crossing: all rows, and per current disposition (crossed, refused, held,
-- cancelled). A trigger runs inside the INSERT's or the correction's transaction, so a counter can never disagree with
-- its table (test/integration/db/bounded-reads.test.ts recounts).
CREATE TABLE counters (
  name  TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) STRICT;
INSERT INTO counters (name, value) SELECT 'crossings', count(*) FROM crossings;
INSERT INTO counters (name, value) VALUES ('disposition:crossed', 0), ('disposition:refused', 0), ('disposition:held', 0), ('disposition:cancelled', 0);
UPDATE counters SET value = (SELECT count(*) FROM crossing_state s WHERE 'disposition:' || s.disposition = counters.name) WHERE name LIKE 'disposition:%';
CREATE TRIGGER crossings_count_insert AFTER INSERT ON crossings
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'crossings'; END;
CREATE TRIGGER crossings_count_delete AFTER DELETE ON crossings
BEGIN UPDATE counters SET value = value - 1 WHERE name = 'crossings'; END;
CREATE TRIGGER dispositions_count_insert AFTER INSERT ON crossing_state
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'disposition:' || NEW.disposition; END;
CREATE TRIGGER dispositions_count_update AFTER UPDATE OF disposition ON crossing_state WHEN NEW.disposition <> OLD.disposition
BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'disposition:' || OLD.disposition;
  UPDATE counters SET value = value + 1 WHERE name = 'disposition:' || NEW.disposition;
END;

-- Entries of a corridor that crossed and have no exit paired yet, from either table: the overdue sweep and the "in the
-- corridor" count read these (the people on the road, a few hundred rows) instead of the corridor's whole history.
-- `alerted` = an overdue alert exists. A correction (direction, disposition) or a removed pairing puts a row back or
-- takes it out in the same transaction.
CREATE TABLE open_entries (
  entry_id       TEXT PRIMARY KEY NOT NULL,
  corridor_id    TEXT NOT NULL,
  recorded_at_ms INTEGER NOT NULL,
  alerted        INTEGER NOT NULL DEFAULT 0 CHECK (alerted IN (0, 1))
) STRICT;
CREATE INDEX open_entries_by_corridor ON open_entries (corridor_id, alerted, recorded_at_ms);
INSERT INTO open_entries (entry_id, corridor_id, recorded_at_ms, alerted)
  SELECT c.id, c.corridor_id, c.recorded_at_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'overdue:' || c.id)
  FROM crossings c JOIN crossing_state s ON s.crossing_id = c.id
  WHERE s.direction = 'entry' AND s.disposition = 'crossed' AND c.corridor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id)
  UNION ALL
  SELECT c.id, c.corridor_id, c.recorded_at_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'overdue:' || c.id)
  FROM imported_crossings c
  WHERE c.direction = 'entry' AND c.disposition = 'crossed' AND c.corridor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id);

CREATE TRIGGER open_entries_local_insert AFTER INSERT ON crossing_state WHEN NEW.direction = 'entry' AND NEW.disposition = 'crossed'
BEGIN
  INSERT OR IGNORE INTO open_entries (entry_id, corridor_id, recorded_at_ms, alerted)
    SELECT c.id, c.corridor_id, c.recorded_at_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'overdue:' || c.id)
    FROM crossings c WHERE c.id = NEW.crossing_id AND c.corridor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id);
END;
CREATE TRIGGER open_entries_local_update AFTER UPDATE OF direction, disposition ON crossing_state
BEGIN
  DELETE FROM open_entries WHERE entry_id = NEW.crossing_id;
  INSERT OR IGNORE INTO open_entries (entry_id, corridor_id, recorded_at_ms, alerted)
    SELECT c.id, c.corridor_id, c.recorded_at_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'overdue:' || c.id)
    FROM crossings c WHERE c.id = NEW.crossing_id AND NEW.direction = 'entry' AND NEW.disposition = 'crossed' AND c.corridor_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id);
END;
CREATE TRIGGER open_entries_imported_insert AFTER INSERT ON imported_crossings
  WHEN NEW.direction = 'entry' AND NEW.disposition = 'crossed' AND NEW.corridor_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO open_entries (entry_id, corridor_id, recorded_at_ms, alerted)
    SELECT NEW.id, NEW.corridor_id, NEW.recorded_at_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'overdue:' || NEW.id)
    WHERE NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = NEW.id);
END;
CREATE TRIGGER open_entries_imported_update AFTER UPDATE OF direction, disposition, corridor_id ON imported_crossings
BEGIN
  DELETE FROM open_entries WHERE entry_id = NEW.id;
  INSERT OR IGNORE INTO open_entries (entry_id, corridor_id, recorded_at_ms, alerted)
    SELECT NEW.id, NEW.corridor_id, NEW.recorded_at_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'overdue:' || NEW.id)
    WHERE NEW.direction = 'entry' AND NEW.disposition = 'crossed' AND NEW.corridor_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = NEW.id);
END;
CREATE TRIGGER open_entries_paired AFTER INSERT ON pairings
BEGIN DELETE FROM open_entries WHERE entry_id = NEW.entry_id; END;
CREATE TRIGGER open_entries_unpaired AFTER DELETE ON pairings
BEGIN
  INSERT OR IGNORE INTO open_entries (entry_id, corridor_id, recorded_at_ms, alerted)
    SELECT c.id, c.corridor_id, c.recorded_at_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'overdue:' || c.id)
    FROM crossings c JOIN crossing_state s ON s.crossing_id = c.id
    WHERE c.id = OLD.entry_id AND s.direction = 'entry' AND s.disposition = 'crossed' AND c.corridor_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id)
    UNION ALL
    SELECT c.id, c.corridor_id, c.recorded_at_ms, EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'overdue:' || c.id)
    FROM imported_crossings c
    WHERE c.id = OLD.entry_id AND c.direction = 'entry' AND c.disposition = 'crossed' AND c.corridor_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id);
END;
CREATE TRIGGER open_entries_overdue AFTER INSERT ON alerts WHEN NEW.type = 'overdue' AND NEW.crossing_id IS NOT NULL
BEGIN UPDATE open_entries SET alerted = 1 WHERE entry_id = NEW.crossing_id; END;

-- The dashboard's hourly counts of a day read the index alone (no table rows).
CREATE INDEX crossings_by_time_covering ON crossings (recorded_at_ms, corridor_id, direction, outcome);
DROP INDEX crossings_by_time;

-- The retention purge finds what is due without walking what it already blanked.
CREATE INDEX crossings_unpurged ON crossings (recorded_at_ms) WHERE document_number <> '(purged)';
CREATE INDEX imported_unpurged ON imported_crossings (recorded_at_ms) WHERE document_number <> '(purged)';
CREATE INDEX alerts_with_note ON alerts (raised_at_ms) WHERE note IS NOT NULL;
CREATE INDEX manifest_unpurged ON manifest_entries (group_id) WHERE surname <> '';
CREATE INDEX travel_groups_by_departure ON travel_groups (departed_at) WHERE departed_at IS NOT NULL;
CREATE INDEX travel_groups_by_arrival ON travel_groups (arrived_at) WHERE arrived_at IS NOT NULL;

-- An export's audit snapshot reads its day through the time of the audit rows.
CREATE INDEX audit_log_by_time ON audit_log (at);

-- The lane's group list: the newest groups, not a sort of every group ever made.
CREATE INDEX travel_groups_by_creation ON travel_groups (created_at);

-- The alerts about one crossing (a correction or a pairing closes them): a lookup, not a walk of every alert.
CREATE INDEX alerts_by_crossing ON alerts (crossing_id);
