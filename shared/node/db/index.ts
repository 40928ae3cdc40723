export { AuditLog, GENESIS_HASH, auditHash, type AuditEntry, type AuditVerification } from './audit-log';
export type { CrossingFilter, NewCrossing } from './crossings-repo';
export { MigrationError, migrate, schemaVersion } from './migrate';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
export { DATABASE_FILE_NAME, StorageUnavailableError, openDatabase } from './open-database';
export { StationStore, type IntegrityReport } from './station-store';
