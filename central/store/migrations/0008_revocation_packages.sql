-- 0008: the hub publishes EU DCC revocation lists to stations like trust lists (station kind 'revocation-list').
ALTER TABLE packages DROP CONSTRAINT packages_kind_check;
ALTER TABLE packages ADD CONSTRAINT packages_kind_check
  CHECK (kind IN ('trust-list', 'rule-profile', 'station-keys', 'bus-manifest', 'group-file', 'corridor', 'revocation-list'));
