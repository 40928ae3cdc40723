// The daily export bundle's format and its verification: pure, runs in the browser and in Node.
export {
  ALERTS_JSONL,
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  BUNDLE_SCHEMA_VERSION,
  CROSSINGS_CSV,
  CROSSINGS_JSONL,
  DATA_FILES,
  MANIFEST_JSON,
  MANIFEST_SIG,
  SUMMARY_JSON,
  manifestShapeProblem,
  manifestText,
  type BundleManifest,
  type BundlePeriod,
  type DataFileName,
  type ManifestFile,
} from './bundle-format';
export { base64ToBytes, publicKeyFingerprint, sha256Hex, toHex, webCryptoEd25519, type SignatureVerifier } from './crypto';
export { CSV_RECORD_END, UTF8_BOM, csvCell, csvCellText, csvRecord, parseCsv, type CsvParseError } from './csv';
export {
  CROSSING_CSV_COLUMNS,
  alertJsonLine,
  crossingCsvCells,
  crossingExportRow,
  crossingJsonLine,
  type CrossingExportRow,
  type ExportableAlert,
  type ExportableCrossing,
} from './export-rows';
export { StationTime, isValidTimeZone, offsetText } from './station-time';
export { SummaryBuilder, type BundleSummary, type GroupInfo, type GroupSummary, type Tally } from './summary';
export {
  chainProblems,
  verifyBundle,
  type BundleProblem,
  type BundleProblemCode,
  type BundleVerification,
  type ExpectedSigner,
  type VerifyBundleInput,
} from './verify-bundle';
export { DEFAULT_BACKOFF, backoffDelayMs, type BackoffPolicy } from './backoff';
