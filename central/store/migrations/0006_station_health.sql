-- 0006: the web UI's station health reads each station's last request and last bundle; these indexes make that
-- one probe per station instead of a scan of the request log.
CREATE INDEX request_log_station_at ON request_log (station_id, at DESC) WHERE station_id IS NOT NULL;
CREATE INDEX bundles_station_received ON bundles (station_id, received_at DESC);
