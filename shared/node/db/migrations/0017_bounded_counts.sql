-- 0017: the status bar's and the alert list's totals cost what today's work costs, not what the history costs.

-- Crossings per hour of recording time, kept by triggers in the crossing's own transaction. "Saved, not yet sent"
-- counts the time no acknowledged bundle covers (the last days, a gap): through these rows that is one row an hour
-- plus the partial hours at the edges, instead of every index entry of those days (ExportsRepo.countBetween).
CREATE TABLE crossing_hours (
  hour INTEGER PRIMARY KEY NOT NULL, -- floor(recorded_at_ms / 3 600 000)
  n    INTEGER NOT NULL CHECK (n >= 0)
) STRICT;
INSERT INTO crossing_hours (hour, n) SELECT recorded_at_ms / 3600000, count(*) FROM crossings GROUP BY recorded_at_ms / 3600000;
CREATE TRIGGER crossing_hours_insert AFTER INSERT ON crossings
BEGIN
  INSERT INTO crossing_hours (hour, n) VALUES (NEW.recorded_at_ms / 3600000, 1) ON CONFLICT (hour) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER crossing_hours_delete AFTER DELETE ON crossings
BEGIN
  UPDATE crossing_hours SET n = n - 1 WHERE hour = OLD.recorded_at_ms / 3600000;
END;
CREATE TRIGGER crossing_hours_update AFTER UPDATE OF recorded_at_ms ON crossings WHEN NEW.recorded_at_ms / 3600000 <> OLD.recorded_at_ms / 3600000
BEGIN
  UPDATE crossing_hours SET n = n - 1 WHERE hour = OLD.recorded_at_ms / 3600000;
  INSERT INTO crossing_hours (hour, n) VALUES (NEW.recorded_at_ms / 3600000, 1) ON CONFLICT (hour) DO UPDATE SET n = n + 1;
END;

-- Alerts per status: the alert list's total without counting every open alert the station ever raised.
INSERT INTO counters (name, value) VALUES ('alerts:open', 0), ('alerts:acknowledged', 0), ('alerts:resolved', 0);
UPDATE counters SET value = (SELECT count(*) FROM alerts a WHERE 'alerts:' || a.status = counters.name) WHERE name LIKE 'alerts:%';
CREATE TRIGGER alerts_count_insert AFTER INSERT ON alerts
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'alerts:' || NEW.status; END;
CREATE TRIGGER alerts_count_delete AFTER DELETE ON alerts
BEGIN UPDATE counters SET value = value - 1 WHERE name = 'alerts:' || OLD.status; END;
CREATE TRIGGER alerts_count_update AFTER UPDATE OF status ON alerts WHEN NEW.status <> OLD.status
BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'alerts:' || OLD.status;
  UPDATE counters SET value = value + 1 WHERE name = 'alerts:' || NEW.status;
END;

-- "All alerts, newest first" pages through time instead of sorting every alert.
CREATE INDEX alerts_by_time ON alerts (raised_at_ms);
