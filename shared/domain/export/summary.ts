import type { AnyCrossingExportRow, ExportDisposition } from './export-rows';
import type { BundlePeriod } from './bundle-format';

export interface Tally {
  total: number;
  entry: number;
  exit: number;
  OK: number;
  NOT_OK: number;
  NEEDS_CROSS_CHECK: number;
  /** Version 2: rows by their disposition now; entry and exit then count only the travellers who crossed. */
  crossed?: number;
  refused?: number;
  held?: number;
  cancelled?: number;
}

/** A bus group the period's crossings belong to: expected (manifest / stated count) vs processed here. */
export interface GroupInfo {
  readonly groupId: string;
  readonly label: string;
  readonly corridorId: string | null;
  /** The group's stated head count, else its manifest size; null when neither is known. */
  readonly expected: number | null;
}

export interface GroupSummary extends GroupInfo {
  readonly processed: number;
  readonly entry: number;
  readonly exit: number;
}

export interface BundleSummary {
  readonly format: 'checkpoint-station/export-summary';
  readonly stationId: string;
  readonly period: BundlePeriod;
  readonly crossings: Tally;
  /** corridorId null = crossings recorded without a corridor. */
  readonly byCorridor: (Tally & { corridorId: string | null })[];
  /** Wall-clock hours at the station, only hours with crossings. */
  readonly byHour: (Tally & { hour: string })[];
  readonly groups: GroupSummary[];
  readonly alerts: { total: number; byType: Record<string, number> };
}

type Counted = Pick<AnyCrossingExportRow, 'direction' | 'outcome' | 'corridorId' | 'groupId' | 'recordedAt' | 'current'>;

/** A row as the summary counts it: version 1 as recorded; version 2 in its state now. */
interface CountedState {
  readonly direction: 'entry' | 'exit';
  readonly outcome: 'OK' | 'NOT_OK' | 'NEEDS_CROSS_CHECK';
  readonly groupId: string | null;
  /** null: a version 1 row (every row counts as an entry or exit). */
  readonly disposition: ExportDisposition | null;
}

const stateOf = (row: Counted, version: number): CountedState =>
  version >= 2 && row.current
    ? { direction: row.current.direction, outcome: row.current.outcome, groupId: row.current.groupId, disposition: row.current.disposition }
    : { direction: row.direction, outcome: row.outcome, groupId: row.groupId, disposition: null };

function count(tally: Tally, state: CountedState): void {
  tally.total += 1;
  if (state.disposition === null || state.disposition === 'crossed') tally[state.direction] += 1;
  tally[state.outcome] += 1;
  if (state.disposition !== null) tally[state.disposition] = (tally[state.disposition] ?? 0) + 1;
}

const hourKey = (recordedAt: string): string => `${recordedAt.slice(0, 13)}:00${recordedAt.slice(23)}`;

/**
 * Counts rows as they stream past, so a 100k-row export never holds them all. Version 2 counts each crossing
 * in its state now (direction, outcome, group after corrections) and only those who crossed as entries or
 * exits; version 1 counts rows as recorded.
 */
export class SummaryBuilder {
  private readonly version: number;
  private readonly total: Tally;
  private readonly corridors = new Map<string | null, Tally>();
  private readonly hours = new Map<string, Tally>();
  private readonly groups = new Map<string, { processed: number; entry: number; exit: number }>();
  private readonly alertTypes = new Map<string, number>();
  private alerts = 0;
  /** The last row's hour bucket: rows come in time order, so most share it (no key string, no lookup). */
  private lastHour: { head: string; tail: string; length: number; bucket: Tally } | null = null;

  /** `version`: the bundle schema version the summary is for (the writer's, or the manifest's when verifying). */
  constructor(version = 2) {
    this.version = version;
    this.total = this.emptyTally();
  }

  private emptyTally(): Tally {
    return this.version >= 2
      ? { total: 0, entry: 0, exit: 0, OK: 0, NOT_OK: 0, NEEDS_CROSS_CHECK: 0, crossed: 0, refused: 0, held: 0, cancelled: 0 }
      : { total: 0, entry: 0, exit: 0, OK: 0, NOT_OK: 0, NEEDS_CROSS_CHECK: 0 };
  }

  addCrossing(row: Counted): void {
    const state = stateOf(row, this.version);
    count(this.total, state);
    let corridor = this.corridors.get(row.corridorId);
    if (!corridor) this.corridors.set(row.corridorId, (corridor = this.emptyTally()));
    count(corridor, state);
    // recordedAt is already in the station zone ("…T14:05:03.120+05:00"): its hour is the wall-clock hour.
    count(this.hourBucket(row.recordedAt), state);
    if (state.groupId !== null) {
      let group = this.groups.get(state.groupId);
      if (!group) this.groups.set(state.groupId, (group = { processed: 0, entry: 0, exit: 0 }));
      group.processed += 1;
      if (state.disposition === null || state.disposition === 'crossed') group[state.direction] += 1;
    }
  }

  private hourBucket(recordedAt: string): Tally {
    const last = this.lastHour;
    // Same length, same first 13 and same characters from 23 on: the same hourKey.
    if (last && recordedAt.length === last.length && recordedAt.startsWith(last.head) && recordedAt.endsWith(last.tail)) return last.bucket;
    const hour = hourKey(recordedAt);
    let bucket = this.hours.get(hour);
    if (!bucket) this.hours.set(hour, (bucket = this.emptyTally()));
    this.lastHour = recordedAt.length >= 23 ? { head: recordedAt.slice(0, 13), tail: recordedAt.slice(23), length: recordedAt.length, bucket } : null;
    return bucket;
  }

  addAlert(alert: { type: string }): void {
    this.alerts += 1;
    this.alertTypes.set(alert.type, (this.alertTypes.get(alert.type) ?? 0) + 1);
  }

  /** The group ids seen so far (the writer looks up their labels and expected counts). */
  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  build(stationId: string, period: BundlePeriod, groupInfo: readonly GroupInfo[] = []): BundleSummary {
    const info = new Map(groupInfo.map((g) => [g.groupId, g]));
    const byCode = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
    return {
      format: 'checkpoint-station/export-summary',
      stationId,
      period,
      crossings: { ...this.total },
      byCorridor: [...this.corridors].sort(([a], [b]) => byCode(a, b)).map(([corridorId, tally]) => ({ corridorId, ...tally })),
      // Same-offset hours sort as text; across a DST change the instant decides.
      byHour: [...this.hours]
        .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
        .map(([hour, tally]) => ({ hour, ...tally })),
      groups: [...this.groups]
        .map(([groupId, counts]) => ({ ...(info.get(groupId) ?? { groupId, label: groupId, corridorId: null, expected: null }), groupId, ...counts }))
        .sort((a, b) => a.label.localeCompare(b.label) || a.groupId.localeCompare(b.groupId)),
      alerts: { total: this.alerts, byType: Object.fromEntries([...this.alertTypes].sort(([a], [b]) => a.localeCompare(b))) },
    };
  }
}
