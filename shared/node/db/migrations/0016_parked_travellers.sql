-- 0016: travellers decided at the lane and not recorded yet survive a restart of the station. A row is written when
-- a scan leaves a traveller waiting for Enter and deleted in the transaction that records (or cancels) them, or
-- re-judges a recorded crossing with their evidence. The traveller (passport part and the evidence shown, paper
-- photos base64) and the decision shown are JSON, as the core judged them: the lane records that decision, never one
-- sent by a screen.

CREATE TABLE parked_travellers (
  scan_id        TEXT PRIMARY KEY NOT NULL,
  -- nationality/document number: a later traveller with the same document recorded ends this one's wait
  document_key   TEXT NOT NULL,
  received_at_ms INTEGER NOT NULL,
  expires_at_ms  INTEGER NOT NULL,
  traveller_json TEXT NOT NULL,
  result_json    TEXT NOT NULL
) STRICT;

CREATE INDEX parked_travellers_document ON parked_travellers (document_key, received_at_ms);
