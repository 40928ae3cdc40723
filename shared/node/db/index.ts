export { AuditLog, GENESIS_HASH, auditHash, type AuditEntry, type AuditVerification, type ChainPoint } from './audit-log';
export type { CrossingFilter, NewCrossing } from './crossings-repo';
export { MigrationError, migrate, schemaVersion } from './migrate';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
export { DATABASE_FILE_NAME, ENCRYPTING_SUFFIX, StorageUnavailableError, databaseFileState, openDatabase, openStationDatabase, type SqliteDatabase } from './open-database';
export {
  DATABASE_KEY_FILE,
  DatabaseKeyError,
  PROTECTED_DATABASE_KEY_FILE,
  fileDatabaseKeyStore,
  newDatabaseKey,
  parseHexKey,
  type DatabaseKeyStore,
} from './database-key';
export { StationStore, type IntegrityOptions, type IntegrityReport } from './station-store';
export { DatabaseDamagedError, damagedRecentPages } from './page-check';
export type { AlertRow, AlertStatus, NewAlert } from './alerts-repo';
export type { CheckpointRow, CorridorRow, StationRow } from './corridors-repo';
export { CrossingLogStore } from './crossing-log-store';
export type { GroupRow, ManifestEntryRow } from './groups-repo';
export type { OperatorRow } from './operators-repo';
export type { OverrideRow } from './overrides-repo';
export type { ParkedTravellerRow } from './parked-travellers-repo';
export type { CorrectionRow } from './corrections-repo';
export type { ImportedCrossingRow, PairingRow, PassageRecordRow } from './passages-repo';
export { EXPORT_CROSSING_COLUMNS, ExportsRepo, type CrossingExportColumns, type ExportRow, type ExportSnapshot, type ExportStatus } from './exports-repo';
export { ExportDetails, type CrossingDetails, type ExportCorrectionRow, type ExportEvidenceRow, type ExportOverrideRow, type ExportPairingRow, type ExportUserRow } from './export-details';
export { OutboxRepo, type OutboxRow, type OutboxState } from './outbox-repo';
export { PURGED_DOCUMENT_NUMBER, RetentionRepo, purgedTotal, type PurgeCounts, type PurgeScope } from './retention-repo';
export { StationPackagesRepo, type PackageOutcome, type StationPackageRow } from './station-packages-repo';
export { correctionSeal, crossingSeal, overrideSeal, readCrossingRecord, type ContentSeal, type CrossingRecord } from './content-seal';
export { checkAuditContent, type ContentCheck, type ContentProblem } from './content-check';
export { checkSchema, type SchemaCheck } from './schema-check';
