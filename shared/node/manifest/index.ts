export { MAX_MANIFEST_ROWS, ManifestReadError, readCsvTable, readXlsxTable } from './read-manifest';
export { MANIFEST_WORKER_FILE, readManifestRows, type ManifestReadLimits } from './read-in-worker';
