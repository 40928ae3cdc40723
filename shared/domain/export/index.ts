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
  SCHEMA_VERSIONS,
  SUMMARY_JSON,
  manifestShapeProblem,
  manifestText,
  type BundleManifest,
  type BundlePeriod,
  type DataFileName,
  type ManifestFile,
  type Supersedes,
} from './bundle-format';
export { base64ToBytes, publicKeyFingerprint, sha256Hex, toHex, webCryptoEd25519, type SignatureVerifier } from './crypto';
export { CSV_RECORD_END, UTF8_BOM, csvCell, csvCellText, csvRecord, parseCsv, type CsvParseError } from './csv';
export {
  alertJsonLine,
  crossingExportRow,
  crossingExportRowV2,
  crossingJsonLine,
  type AnyCrossingExportRow,
  type CrossingExportRow,
  type CrossingExportRowV1,
  type ExportCorrection,
  type ExportCurrentState,
  type ExportDisposition,
  type ExportEvidence,
  type ExportOverride,
  type ExportPairing,
  type ExportPerson,
  type ExportableAlert,
  type ExportableCrossing,
  type ExportableCrossingState,
  type ExportableCrossingV2,
} from './export-rows';
export {
  CROSSING_COLUMNS,
  CROSSING_CSV_COLUMNS,
  HUB_CROSSING_COLUMNS,
  crossingCsvCells,
  crossingCsvColumns,
  hubCrossingCells,
  type CrossingCell,
  type CrossingColumn,
  type HubColumnType,
} from './crossing-columns';
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
export { verifyBundleSet, type BundleSetVerification, type NamedBundle } from './verify-bundle-set';
export { linesBySequence, replacementProblems, supersessionProblems, type LinesBySequence, type SupersessionInput } from './verify-supersession';
export { DEFAULT_BACKOFF, backoffDelayMs, type BackoffPolicy } from './backoff';
