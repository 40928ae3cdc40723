-- 0006: the central hub's answers. An acknowledgement is a receipt signed by the hub (kept as the proof
-- the hub holds the bundle); a refusal has a code the Export screen translates; a bundle the hub can never
-- accept as it is (invalid, another key, overlapping) is held instead of being sent again and again.

ALTER TABLE outbox ADD COLUMN receipt TEXT;                                  -- JSON {receipt, signature}, verified with the hub key
ALTER TABLE outbox ADD COLUMN last_error_code TEXT;                          -- e.g. unreachable, gap, wrong-key, receipt-signature-invalid
ALTER TABLE outbox ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)); -- 1: not retried (a person must act)
