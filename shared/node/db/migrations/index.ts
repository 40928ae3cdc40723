import init from './0001_init.sql';
import crossingLog from './0002_crossing_log.sql';
import covidEvidence from './0003_covid_evidence.sql';
import exportsOutbox from './0004_exports_outbox.sql';
import dispositions from './0005_dispositions.sql';
import outboxReceipts from './0006_outbox_receipts.sql';
import businessRules from './0007_business_rules.sql';
import boundedReads from './0008_bounded_reads.sql';
import groupRevisions from './0009_group_revisions.sql';
import outboxBundles from './0010_outbox_bundles.sql';
import nameSearch from './0011_name_search.sql';
import stationPackages from './0012_station_packages.sql';
import auditContent from './0013_audit_content.sql';
import userPins from './0014_user_pins.sql';
import exportDigests from './0015_export_digests.sql';
import parkedTravellers from './0016_parked_travellers.sql';
import boundedCounts from './0017_bounded_counts.sql';
import parkedOperator from './0018_parked_operator.sql';
import revocation from './0019_revocation.sql';
import labResults from './0020_lab_results.sql';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Numbered, append-only: never edit a shipped migration, add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_init', sql: init },
  { version: 2, name: '0002_crossing_log', sql: crossingLog },
  { version: 3, name: '0003_covid_evidence', sql: covidEvidence },
  { version: 4, name: '0004_exports_outbox', sql: exportsOutbox },
  { version: 5, name: '0005_dispositions', sql: dispositions },
  { version: 6, name: '0006_outbox_receipts', sql: outboxReceipts },
  { version: 7, name: '0007_business_rules', sql: businessRules },
  { version: 8, name: '0008_bounded_reads', sql: boundedReads },
  { version: 9, name: '0009_group_revisions', sql: groupRevisions },
  { version: 10, name: '0010_outbox_bundles', sql: outboxBundles },
  { version: 11, name: '0011_name_search', sql: nameSearch },
  { version: 12, name: '0012_station_packages', sql: stationPackages },
  { version: 13, name: '0013_audit_content', sql: auditContent },
  { version: 14, name: '0014_user_pins', sql: userPins },
  { version: 15, name: '0015_export_digests', sql: exportDigests },
  { version: 16, name: '0016_parked_travellers', sql: parkedTravellers },
  { version: 17, name: '0017_bounded_counts', sql: boundedCounts },
  { version: 18, name: '0018_parked_operator', sql: parkedOperator },
  { version: 19, name: '0019_revocation', sql: revocation },
  { version: 20, name: '0020_lab_results', sql: labResults },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
