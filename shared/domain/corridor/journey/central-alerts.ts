import type { AlertSeverity } from '../types';
import type { CorridorChain } from './chain';
import { groupPassedSteps, journeyStateAt } from './summary';
import type { JourneySummary } from './types';

export const CENTRAL_ALERT_CODES = ['journey.overdue', 'journey.missing', 'journey.exit-without-entry', 'station.silent', 'station.continuity-gap'] as const;
export type CentralAlertCode = (typeof CENTRAL_ALERT_CODES)[number];

export const CENTRAL_ALERT_SEVERITY: Record<CentralAlertCode, AlertSeverity> = {
  'journey.overdue': 'warning',
  'journey.missing': 'critical',
  'journey.exit-without-entry': 'critical',
  'station.silent': 'warning',
  'station.continuity-gap': 'critical',
};

/**
 * An alert the hub raises, as a code with parameters (the UI words it in the reader's language). `key` names
 * the situation, so the same situation seen again is the same alert: raised once, resolved when it ends.
 */
export interface CentralAlert {
  readonly key: string;
  readonly code: CentralAlertCode;
  readonly severity: AlertSeverity;
  readonly corridorId: string | null;
  readonly groupId: string | null;
  /** The checkpoint that should act on it (where the people are expected, or the silent station's): it travels in that station's package. */
  readonly checkpointId: string | null;
  readonly stationId: string | null;
  readonly journeyKeys: readonly string[];
  readonly sinceMs: number;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Journey alerts of one corridor at `nowMs`: per bus and checkpoint, the people overdue there and the people
 * missing there (the rest of the bus went on); and every person who passed an exit with no entry upstream.
 */
export function journeyAlerts(chain: CorridorChain, summaries: readonly JourneySummary[], nowMs: number): CentralAlert[] {
  const groups = new Map<string, JourneySummary[]>();
  for (const s of summaries) {
    const k = s.groupId ?? `\u0000${s.key}`;
    const list = groups.get(k);
    if (list) list.push(s);
    else groups.set(k, [s]);
  }
  const alerts: CentralAlert[] = [];
  for (const members of groups.values()) {
    const passed = groupPassedSteps(members);
    const late = new Map<string, { code: CentralAlertCode; step: number; keys: string[]; since: number }>();
    for (const m of members) {
      const state = journeyStateAt(m, nowMs, passed);
      if ((state === 'overdue' || state === 'missing') && m.nextStep !== null && m.deadlineMs !== null) {
        const code: CentralAlertCode = state === 'missing' ? 'journey.missing' : 'journey.overdue';
        const k = `${code}:${m.nextStep}`;
        const entry = late.get(k) ?? { code, step: m.nextStep, keys: [], since: m.deadlineMs };
        entry.keys.push(m.key);
        entry.since = Math.min(entry.since, m.deadlineMs);
        late.set(k, entry);
      }
      if (m.unexpectedAt !== null) {
        const step = chain.steps[m.unexpectedAt]!;
        alerts.push({
          key: `journey.exit-without-entry:${chain.id}:${m.unexpectedAt}:${m.documents.join(',')}`,
          code: 'journey.exit-without-entry',
          severity: CENTRAL_ALERT_SEVERITY['journey.exit-without-entry'],
          corridorId: chain.id,
          groupId: m.groupId,
          checkpointId: step.checkpointId,
          stationId: null,
          journeyKeys: [m.key],
          sinceMs: m.lastSeen.atMs,
          params: { checkpointId: step.checkpointId },
        });
      }
    }
    const groupId = members[0]!.groupId;
    for (const entry of late.values()) {
      const step = chain.steps[entry.step]!;
      alerts.push({
        key: `${entry.code}:${chain.id}:${groupId ?? entry.keys[0]}:${entry.step}`,
        code: entry.code,
        severity: CENTRAL_ALERT_SEVERITY[entry.code],
        corridorId: chain.id,
        groupId,
        checkpointId: step.checkpointId,
        stationId: null,
        journeyKeys: entry.keys.sort(),
        sinceMs: entry.since,
        params: { count: entry.keys.length, groupSize: members.length, checkpointId: step.checkpointId, atEnd: entry.step === chain.steps.length - 1 ? 1 : 0 },
      });
    }
  }
  return alerts.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** What the hub knows of a station's sending: when it last sent a bundle and how often it promised to. */
export interface StationContact {
  readonly stationId: string;
  readonly checkpointId: string | null;
  readonly registeredAtMs: number;
  readonly lastBundleAtMs: number | null;
  readonly expectedEveryMinutes: number;
}

/** A hole the hub found in a station's log while ingesting: the bundle that did not follow on from the one before it. */
export interface ContinuityGap {
  readonly stationId: string;
  readonly checkpointId: string | null;
  /** The manifest SHA-256 of the bundle that revealed the gap (refused until the missing one arrives). */
  readonly manifestSha256: string;
  readonly detectedAtMs: number;
}

/** Stations silent past their expected send time, and every continuity gap not yet filled. */
export function stationAlerts(contacts: readonly StationContact[], gaps: readonly ContinuityGap[], nowMs: number): CentralAlert[] {
  const alerts: CentralAlert[] = [];
  for (const s of contacts) {
    const since = s.lastBundleAtMs ?? s.registeredAtMs;
    const dueAt = since + s.expectedEveryMinutes * 60_000;
    if (nowMs <= dueAt) continue;
    alerts.push({
      key: `station.silent:${s.stationId}`,
      code: 'station.silent',
      severity: CENTRAL_ALERT_SEVERITY['station.silent'],
      corridorId: null,
      groupId: null,
      checkpointId: s.checkpointId,
      stationId: s.stationId,
      journeyKeys: [],
      sinceMs: dueAt,
      params: { stationId: s.stationId, minutes: Math.floor((nowMs - since) / 60_000), lastBundleAtMs: s.lastBundleAtMs ?? 0 },
    });
  }
  for (const g of gaps) {
    alerts.push({
      key: `station.continuity-gap:${g.stationId}:${g.manifestSha256}`,
      code: 'station.continuity-gap',
      severity: CENTRAL_ALERT_SEVERITY['station.continuity-gap'],
      corridorId: null,
      groupId: null,
      checkpointId: g.checkpointId,
      stationId: g.stationId,
      journeyKeys: [],
      sinceMs: g.detectedAtMs,
      params: { stationId: g.stationId, manifestSha256: g.manifestSha256 },
    });
  }
  return alerts.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** An alert the hub has open, with what a person did about it. */
export interface OpenAlert {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * What to write after recomputing alerts: new situations to raise, open ones whose numbers changed (the
 * acknowledgement stays), and open ones that no longer hold to resolve.
 */
export function diffAlerts(open: readonly OpenAlert[], current: readonly CentralAlert[]): { raise: CentralAlert[]; update: CentralAlert[]; resolve: string[] } {
  const openByKey = new Map(open.map((a) => [a.key, a]));
  const currentKeys = new Set(current.map((a) => a.key));
  const raise: CentralAlert[] = [];
  const update: CentralAlert[] = [];
  for (const alert of current) {
    const was = openByKey.get(alert.key);
    if (!was) raise.push(alert);
    else if (!sameParams(was.params, alert.params)) update.push(alert);
  }
  return { raise, update, resolve: open.filter((a) => !currentKeys.has(a.key)).map((a) => a.key) };
}

/** Parameters compared by value, whatever order the keys come in (jsonb keeps its own order). */
function sameParams(a: Readonly<Record<string, string | number>>, b: Readonly<Record<string, string | number>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** The alerts a station's next package carries: those about the station itself or addressed to one of its checkpoints. */
export const alertsForStation = (alerts: readonly CentralAlert[], stationId: string, checkpointIds: ReadonlySet<string>): CentralAlert[] =>
  alerts.filter((a) => a.stationId === stationId || (a.checkpointId !== null && checkpointIds.has(a.checkpointId)));
