-- 0007: the receiving state's EU business rules (CertLogic), one row per imported rule file. Every version is kept;
-- the newest applies at the lane, and the crossing's reasons name the version it was judged by.
CREATE TABLE business_rule_sets (
  version         INTEGER PRIMARY KEY AUTOINCREMENT,
  country         TEXT NOT NULL CHECK (length(country) = 2),
  imported_at     TEXT NOT NULL,
  actor           TEXT NOT NULL,
  source          TEXT NOT NULL,
  content_sha256  TEXT NOT NULL,
  rules           INTEGER NOT NULL CHECK (rules > 0),
  -- The rules as parsed (JSON array of EU rules), so a later version of the station reads what was imported.
  rules_json      TEXT NOT NULL
);
