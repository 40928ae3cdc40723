import type { StationTime } from './station-time';

/**
 * A crossing as the station stores it (structurally the contract's Crossing; the domain does not import
 * the contract). shared/node/export proves at compile time that every Crossing field is listed here, so a
 * field added to the crossing shape fails the build until the export format says where it goes.
 */
export interface ExportableCrossing {
  readonly id: string;
  readonly sequence: number;
  readonly recordedAt: string;
  readonly stationId: string;
  readonly checkpointId: string | null;
  readonly corridorId: string | null;
  readonly groupId: string | null;
  readonly operatorId: string | null;
  readonly direction: 'entry' | 'exit';
  readonly outcome: 'OK' | 'NOT_OK' | 'NEEDS_CROSS_CHECK';
  readonly reasons: readonly { readonly code: string; readonly severity: string; readonly message: string }[];
  readonly document: {
    readonly format: string;
    readonly documentCode: string;
    readonly issuingState: string;
    readonly documentNumber: string;
    readonly nationality: string;
    readonly surname: string;
    readonly givenNames: string;
    readonly birthDate: string | null;
    readonly sex: string | null;
    readonly expiryDate: string | null;
  };
  readonly scanSource: string;
  readonly note: string | null;
  readonly ruleProfileId: string | null;
  readonly ruleProfileVersion: number | null;
}

/** One line of crossings.jsonl: the crossing in a fixed field order, times in the station zone. */
export type CrossingExportRow = ExportableCrossing;

/** Builds the row with its keys in the order of the format (JSON.stringify keeps insertion order). */
export function crossingExportRow(c: ExportableCrossing, time: StationTime): CrossingExportRow {
  const d = c.document;
  return {
    id: c.id,
    sequence: c.sequence,
    recordedAt: time.iso(Date.parse(c.recordedAt)),
    stationId: c.stationId,
    checkpointId: c.checkpointId,
    corridorId: c.corridorId,
    groupId: c.groupId,
    operatorId: c.operatorId,
    direction: c.direction,
    outcome: c.outcome,
    reasons: c.reasons.map((r) => ({ code: r.code, severity: r.severity, message: r.message })),
    document: {
      format: d.format,
      documentCode: d.documentCode,
      issuingState: d.issuingState,
      documentNumber: d.documentNumber,
      nationality: d.nationality,
      surname: d.surname,
      givenNames: d.givenNames,
      birthDate: d.birthDate,
      sex: d.sex,
      expiryDate: d.expiryDate,
    },
    scanSource: c.scanSource,
    note: c.note,
    ruleProfileId: c.ruleProfileId,
    ruleProfileVersion: c.ruleProfileVersion,
  };
}

/** The line of crossings.jsonl (without the newline). */
export const crossingJsonLine = (row: CrossingExportRow): string => JSON.stringify(row);

const text = (value: string | number | null): string => (value === null ? '' : String(value));

/** crossings.csv columns, in order: the same rows as crossings.jsonl, flattened for a spreadsheet. */
export const CROSSING_CSV_COLUMNS = [
  'id',
  'sequence',
  'recordedAt',
  'stationId',
  'checkpointId',
  'corridorId',
  'groupId',
  'operatorId',
  'direction',
  'outcome',
  'reasonCodes',
  'reasons',
  'documentFormat',
  'documentCode',
  'issuingState',
  'documentNumber',
  'nationality',
  'surname',
  'givenNames',
  'birthDate',
  'sex',
  'expiryDate',
  'scanSource',
  'note',
  'ruleProfileId',
  'ruleProfileVersion',
] as const;

/** The CSV cells of a row (before CSV quoting): what crossings.csv must hold for that JSONL line. */
export function crossingCsvCells(row: CrossingExportRow): string[] {
  const d = row.document;
  return [
    row.id,
    text(row.sequence),
    row.recordedAt,
    row.stationId,
    text(row.checkpointId),
    text(row.corridorId),
    text(row.groupId),
    text(row.operatorId),
    row.direction,
    row.outcome,
    row.reasons.map((r) => r.code).join(' '),
    row.reasons.map((r) => r.message).join(' | '),
    d.format,
    d.documentCode,
    d.issuingState,
    d.documentNumber,
    d.nationality,
    d.surname,
    d.givenNames,
    text(d.birthDate),
    text(d.sex),
    text(d.expiryDate),
    row.scanSource,
    text(row.note),
    text(row.ruleProfileId),
    text(row.ruleProfileVersion),
  ];
}

/** An alert as stored (structurally the node layer's AlertRow). */
export interface ExportableAlert {
  readonly id: string;
  readonly type: string;
  readonly severity: string;
  readonly status: string;
  readonly raisedAt: string;
  readonly corridorId: string | null;
  readonly groupId: string | null;
  readonly crossingId: string | null;
  readonly subjectIds: readonly string[];
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly note: string | null;
  readonly resolvedAt: string | null;
}

/** One line of alerts.jsonl: ids only (no names), times in the station zone, status as of the export. */
export function alertJsonLine(a: ExportableAlert, time: StationTime): string {
  return JSON.stringify({
    id: a.id,
    type: a.type,
    severity: a.severity,
    status: a.status,
    raisedAt: time.iso(Date.parse(a.raisedAt)),
    corridorId: a.corridorId,
    groupId: a.groupId,
    crossingId: a.crossingId,
    subjectIds: [...a.subjectIds],
    acknowledgedAt: time.isoOf(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    note: a.note,
    resolvedAt: time.isoOf(a.resolvedAt),
  });
}
