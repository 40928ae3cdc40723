import type { AnyCrossingExportRow } from './export-rows';

/** The PostgreSQL type the hub stores a column as (sent as an array of it). */
export type HubColumnType = 'text' | 'int4' | 'int8' | 'timestamptz' | 'jsonb';

export type CrossingCell = string | number | null;

/**
 * One column of a crossing row, as crossings.csv writes it and as the hub's crossings table stores it: the
 * one list both sides read, so the station's writer, the verifier and the hub's loader cannot drift apart.
 */
export interface CrossingColumn {
  /** The crossings.csv header; absent: not a CSV column. */
  readonly csv?: string;
  /** The hub's crossings column; absent: the hub does not store it. */
  readonly hub?: string;
  readonly type: HubColumnType;
  /** Null is a value of this column (an empty CSV cell); elsewhere a null can only be an edited row, written as "null". */
  readonly nullable?: boolean;
  /** The first bundle schema version that has this column. */
  readonly since: 1 | 2;
  /** The value as the hub stores it, and — unless `csvText` says otherwise — as the CSV cell holds it. */
  readonly value: (row: AnyCrossingExportRow) => CrossingCell;
  readonly csvText?: (row: AnyCrossingExportRow) => string;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export const CROSSING_COLUMNS: readonly CrossingColumn[] = [
  { csv: 'id', hub: 'crossing_id', type: 'text', since: 1, value: (r) => r.id },
  { csv: 'sequence', hub: 'sequence', type: 'int8', since: 1, value: (r) => r.sequence },
  { csv: 'recordedAt', hub: 'recorded_at', type: 'timestamptz', since: 1, value: (r) => r.recordedAt },
  { csv: 'stationId', hub: 'station_id', type: 'text', since: 1, value: (r) => r.stationId },
  { csv: 'checkpointId', nullable: true, hub: 'checkpoint_id', type: 'text', since: 1, value: (r) => r.checkpointId },
  { csv: 'corridorId', nullable: true, hub: 'corridor_id', type: 'text', since: 1, value: (r) => r.corridorId },
  { csv: 'groupId', nullable: true, hub: 'group_id', type: 'text', since: 1, value: (r) => r.groupId },
  { csv: 'operatorId', nullable: true, hub: 'operator_id', type: 'text', since: 1, value: (r) => r.operatorId },
  { csv: 'direction', hub: 'direction', type: 'text', since: 1, value: (r) => r.direction },
  { csv: 'outcome', hub: 'outcome', type: 'text', since: 1, value: (r) => r.outcome },
  { csv: 'reasonCodes', type: 'text', since: 1, value: (r) => r.reasons.map((x) => x.code).join(' ') },
  {
    csv: 'reasons',
    hub: 'reasons',
    type: 'jsonb',
    since: 1,
    value: (r) => JSON.stringify(r.reasons),
    csvText: (r) => r.reasons.map((x) => x.message).join(' | '),
  },
  { csv: 'documentFormat', hub: 'document_format', type: 'text', since: 1, value: (r) => r.document.format },
  { csv: 'documentCode', hub: 'document_code', type: 'text', since: 1, value: (r) => r.document.documentCode },
  { csv: 'issuingState', hub: 'issuing_state', type: 'text', since: 1, value: (r) => r.document.issuingState },
  { csv: 'documentNumber', hub: 'document_number', type: 'text', since: 1, value: (r) => r.document.documentNumber },
  { csv: 'nationality', hub: 'nationality', type: 'text', since: 1, value: (r) => r.document.nationality },
  { csv: 'surname', hub: 'surname', type: 'text', since: 1, value: (r) => r.document.surname },
  { csv: 'givenNames', hub: 'given_names', type: 'text', since: 1, value: (r) => r.document.givenNames },
  { csv: 'birthDate', nullable: true, hub: 'birth_date', type: 'text', since: 1, value: (r) => r.document.birthDate },
  { csv: 'sex', nullable: true, hub: 'sex', type: 'text', since: 1, value: (r) => r.document.sex },
  { csv: 'expiryDate', nullable: true, hub: 'expiry_date', type: 'text', since: 1, value: (r) => r.document.expiryDate },
  { csv: 'scanSource', hub: 'scan_source', type: 'text', since: 1, value: (r) => r.scanSource },
  { csv: 'note', nullable: true, hub: 'note', type: 'text', since: 1, value: (r) => r.note },
  { csv: 'ruleProfileId', nullable: true, hub: 'rule_profile_id', type: 'text', since: 1, value: (r) => r.ruleProfileId },
  { csv: 'ruleProfileVersion', nullable: true, hub: 'rule_profile_version', type: 'int4', since: 1, value: (r) => r.ruleProfileVersion },
  // Version 2: the disposition recorded at the lane, the state now, and how it came about.
  { csv: 'disposition', nullable: true, hub: 'disposition', type: 'text', since: 2, value: (r) => r.disposition ?? null },
  { csv: 'currentDisposition', nullable: true, hub: 'current_disposition', type: 'text', since: 2, value: (r) => r.current?.disposition ?? null },
  { csv: 'currentDirection', nullable: true, hub: 'current_direction', type: 'text', since: 2, value: (r) => r.current?.direction ?? null },
  { csv: 'currentOutcome', nullable: true, hub: 'current_outcome', type: 'text', since: 2, value: (r) => r.current?.outcome ?? null },
  { csv: 'currentGroupId', nullable: true, hub: 'current_group_id', type: 'text', since: 2, value: (r) => r.current?.groupId ?? null },
  { csv: 'pairedCrossingId', nullable: true, hub: 'paired_crossing_id', type: 'text', since: 2, value: (r) => r.pairing?.crossingId ?? null },
  { csv: 'pairingMethod', nullable: true, hub: 'pairing_method', type: 'text', since: 2, value: (r) => r.pairing?.method ?? null },
  { csv: 'transitMinutes', nullable: true, hub: 'transit_minutes', type: 'int4', since: 2, value: (r) => r.pairing?.transitMinutes ?? null },
  // JSON lists in one cell each: a spreadsheet shows them, a program parses them as in crossings.jsonl.
  { csv: 'overrides', nullable: true, hub: 'overrides', type: 'jsonb', since: 2, value: (r) => json(r.overrides) },
  { csv: 'corrections', nullable: true, hub: 'corrections', type: 'jsonb', since: 2, value: (r) => json(r.corrections) },
  { csv: 'evidence', nullable: true, hub: 'evidence', type: 'jsonb', since: 2, value: (r) => json(r.evidence) },
];

const csvColumnsOf = (version: number) => CROSSING_COLUMNS.filter((c): c is CrossingColumn & { csv: string } => c.csv !== undefined && c.since <= version);
const V1 = csvColumnsOf(1);
const V2 = csvColumnsOf(2);
const forVersion = (version: number) => (version >= 2 ? V2 : V1);

/** crossings.csv header of a schema version, in order. */
export const crossingCsvColumns = (version: number): readonly string[] => forVersion(version).map((c) => c.csv);

/** The columns of the current schema version (what a new bundle writes). */
export const CROSSING_CSV_COLUMNS: readonly string[] = crossingCsvColumns(2);


/** The CSV cells of a row (before CSV quoting): what crossings.csv must hold for that JSONL line. */
export function crossingCsvCells(row: AnyCrossingExportRow, version = 2): string[] {
  return forVersion(version).map((c) => {
    if (c.csvText) return c.csvText(row);
    const value = c.value(row);
    return value === null && c.nullable ? '' : String(value);
  });
}

/** The hub's stored columns, in order, with their types. */
export const HUB_CROSSING_COLUMNS: readonly (readonly [string, HubColumnType])[] = CROSSING_COLUMNS.filter((c) => c.hub !== undefined).map(
  (c) => [c.hub as string, c.type] as const,
);

const HUB = CROSSING_COLUMNS.filter((c) => c.hub !== undefined);

/** A row's cells for HUB_CROSSING_COLUMNS; columns a version 1 row does not have are null. */
export const hubCrossingCells = (row: AnyCrossingExportRow): CrossingCell[] => HUB.map((c) => c.value(row));
