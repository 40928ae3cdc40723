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

export type ExportDisposition = 'crossed' | 'refused' | 'held' | 'cancelled';
export type ExportOutcome = ExportableCrossing['outcome'];
export type ExportDirection = ExportableCrossing['direction'];

/** A person named in a row: the station's user id and the name it shows (null when the user is unknown here). */
export interface ExportPerson {
  readonly userId: string;
  readonly name: string | null;
  readonly role: string | null;
}

/** A crossing's state now: what it was recorded as, with its corrections and overrides applied. */
export interface ExportCurrentState {
  readonly disposition: ExportDisposition;
  readonly direction: ExportDirection;
  readonly outcome: ExportOutcome;
  readonly groupId: string | null;
}

/** An authorised decision to let a traveller cross despite the outcome. */
export interface ExportOverride {
  readonly id: string;
  readonly at: string;
  /** The authorised person who decided (consular officer or shift lead). */
  readonly by: ExportPerson;
  /** Who was signed in and entered it, when that was someone else (at the lane); null when the same person. */
  readonly enteredBy: ExportPerson | null;
  readonly reason: string;
  readonly from: { readonly outcome: ExportOutcome; readonly disposition: ExportDisposition | null };
  readonly to: { readonly outcome: ExportOutcome; readonly disposition: ExportDisposition | null };
}

/** One append-only correction: what it set (null: unchanged). */
export interface ExportCorrection {
  readonly id: string;
  readonly at: string;
  readonly kind: string;
  /** null: made by the station itself (a manifest import linking the crossing to its bus). */
  readonly by: ExportPerson | null;
  readonly reason: string;
  readonly set: {
    readonly disposition: ExportDisposition | null;
    readonly direction: ExportDirection | null;
    readonly outcome: ExportOutcome | null;
    readonly reasonCodes: readonly string[] | null;
    /** For kind "group": the group linked (null: unlinked); null for every other kind. */
    readonly groupId: string | null;
  };
  readonly overrideId: string | null;
}

/** What a certificate shown at the lane said, without the certificate: no payload, the id only as a hash. */
export interface ExportEvidence {
  readonly id: string;
  readonly kind: string;
  readonly capturedAt: string;
  readonly certificateType: string | null;
  readonly issuer: string | null;
  /** SHA-256 (hex) of the certificate identifier (UVCI, paper certificate number) as written; null when none. */
  readonly certificateIdSha256: string | null;
  readonly test: { readonly type: string | null; readonly sampleTime: string | null; readonly result: string | null } | null;
  /** The outcome this evidence was judged to at the lane. */
  readonly verdict: ExportOutcome;
}

/** The crossing at the other end of the corridor this one is matched with. */
export interface ExportPairing {
  readonly crossingId: string;
  readonly method: string;
  readonly transitMinutes: number;
}

/** What bundle format v2 adds to a stored crossing (read in the crossing's page, times still in UTC). */
export interface ExportableCrossingState {
  readonly disposition: ExportDisposition;
  readonly current: ExportCurrentState;
  readonly overrides: readonly ExportOverride[];
  readonly corrections: readonly ExportCorrection[];
  readonly evidence: readonly ExportEvidence[];
  readonly pairing: ExportPairing | null;
}

export type ExportableCrossingV2 = ExportableCrossing & ExportableCrossingState;

/** One line of a schema version 1 crossings.jsonl: the crossing as recorded, times in the station zone. */
export type CrossingExportRowV1 = ExportableCrossing;

/** One line of crossings.jsonl (schema version 2): the recorded crossing, then its disposition and history. */
export type CrossingExportRow = ExportableCrossingV2;

/** A line of either version, as a reader that takes both sees it. */
export type AnyCrossingExportRow = CrossingExportRowV1 & Partial<ExportableCrossingState>;

/** Builds the version 1 row with its keys in the order of the format (JSON.stringify keeps insertion order). */
export function crossingExportRow(c: ExportableCrossing, time: StationTime): CrossingExportRowV1 {
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

const person = (p: ExportPerson): ExportPerson => ({ userId: p.userId, name: p.name, role: p.role });

/**
 * The version 2 row: the version 1 fields exactly as before (the crossing as recorded at the lane; the row is
 * never edited), then the recorded disposition, the current state and how it came about, in a fixed order.
 */
export function crossingExportRowV2(c: ExportableCrossingV2, time: StationTime): CrossingExportRow {
  return {
    ...crossingExportRow(c, time),
    disposition: c.disposition,
    current: { disposition: c.current.disposition, direction: c.current.direction, outcome: c.current.outcome, groupId: c.current.groupId },
    overrides: c.overrides.map((o) => ({
      id: o.id,
      at: time.iso(Date.parse(o.at)),
      by: person(o.by),
      enteredBy: o.enteredBy === null ? null : person(o.enteredBy),
      reason: o.reason,
      from: { outcome: o.from.outcome, disposition: o.from.disposition },
      to: { outcome: o.to.outcome, disposition: o.to.disposition },
    })),
    corrections: c.corrections.map((k) => ({
      id: k.id,
      at: time.iso(Date.parse(k.at)),
      kind: k.kind,
      by: k.by === null ? null : person(k.by),
      reason: k.reason,
      set: {
        disposition: k.set.disposition,
        direction: k.set.direction,
        outcome: k.set.outcome,
        reasonCodes: k.set.reasonCodes === null ? null : [...k.set.reasonCodes],
        groupId: k.set.groupId,
      },
      overrideId: k.overrideId,
    })),
    evidence: c.evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      capturedAt: time.iso(Date.parse(e.capturedAt)),
      certificateType: e.certificateType,
      issuer: e.issuer,
      certificateIdSha256: e.certificateIdSha256,
      test: e.test === null ? null : { type: e.test.type, sampleTime: e.test.sampleTime, result: e.test.result },
      verdict: e.verdict,
    })),
    pairing: c.pairing === null ? null : { crossingId: c.pairing.crossingId, method: c.pairing.method, transitMinutes: c.pairing.transitMinutes },
  };
}

/** The line of crossings.jsonl (without the newline). */
export const crossingJsonLine = (row: CrossingExportRowV1 | CrossingExportRow): string => JSON.stringify(row);

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
