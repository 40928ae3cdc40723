import type { AlertView } from '../../shared/contract/hub-web';
import { diffAlerts, journeyAlerts, stationAlerts, type CentralAlert, type CentralAlertCode } from '../../shared/domain/corridor/journey';
import { err, ok, type Problem, type Result } from '../../shared/domain/result';
import { type BoardSql, isoOf, msOf } from './board-sql';
import { appendCentralAudit } from './central-audit';
import type { RegisteredCorridor } from './corridor-repo';
import { JOURNEY_COLUMNS, summaryOfRow, type StoredJourneyRow } from './journey-summary-row';

/** How far back the overdue sweep looks: a journey due longer ago than this has long been raised. */
const SWEEP_DAYS = 14;
const DAY = 86_400_000;

/**
 * Recomputes the journey alerts at `nowMs` and writes the difference: new situations raised, changed numbers
 * updated (an acknowledgement stays), situations that ended resolved. Reads only journeys past their deadline
 * or seen at an exit without entry, and the buses they belong to.
 */
export async function refreshJourneyAlerts(sql: BoardSql, corridors: readonly RegisteredCorridor[], nowMs: number): Promise<{ raised: number; updated: number; resolved: number }> {
  const since = isoOf(nowMs - SWEEP_DAYS * DAY);
  const flagged = await sql.query<StoredJourneyRow>(
    `SELECT ${JOURNEY_COLUMNS} FROM journeys
      WHERE first_seen_at >= $2 AND ((state IN ('in-transit', 'unexpected') AND deadline_at < $1) OR unexpected_at IS NOT NULL)`,
    [isoOf(nowMs), since],
  );
  const groups = new Map<string, { corridorId: string; groupId: string }>();
  for (const r of flagged) if (r.group_id !== null) groups.set(`${r.corridor_id}\u0000${r.group_id}`, { corridorId: r.corridor_id, groupId: r.group_id });
  const members =
    groups.size === 0
      ? []
      : await sql.query<StoredJourneyRow>(
          `SELECT ${JOURNEY_COLUMNS} FROM journeys
            WHERE first_seen_at >= $1 AND (corridor_id, group_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
          [since, [...groups.values()].map((g) => g.corridorId), [...groups.values()].map((g) => g.groupId)],
        );
  const rows = new Map<string, StoredJourneyRow>();
  for (const r of [...members, ...flagged]) rows.set(`${r.corridor_id}\u0000${r.journey_key}`, r);
  const current: CentralAlert[] = [];
  for (const { chain } of corridors) {
    const index = (checkpointId: string): number => Math.max(0, chain.steps.findIndex((s) => s.checkpointId === checkpointId));
    const summaries = [...rows.values()].filter((r) => r.corridor_id === chain.id).map((r) => summaryOfRow(r, index));
    current.push(...journeyAlerts(chain, summaries, nowMs));
  }
  return writeAlertDiff(sql, current, 'journey.%');
}

/** Stations export a bundle a day: a station is silent once a day and two hours have passed since its last one. */
export const DEFAULT_SEND_EVERY_MINUTES = 26 * 60;

/**
 * Recomputes the station alerts at `nowMs`: every station in service silent past its expected send time, and
 * every continuity gap the ingest recorded and the missing bundle has not yet closed.
 */
export async function refreshStationAlerts(sql: BoardSql, nowMs: number, expectedEveryMinutes = DEFAULT_SEND_EVERY_MINUTES): Promise<{ raised: number; updated: number; resolved: number }> {
  const contacts = await sql.query<{ station_id: string; created_at: Date | string; last_bundle: Date | string | null }>(
    `SELECT s.station_id, s.created_at, (SELECT max(b.received_at) FROM bundles b WHERE b.station_id = s.station_id) AS last_bundle
       FROM stations s WHERE s.revoked_at IS NULL`,
  );
  const gaps = await sql.query<{ station_id: string; manifest_sha256: string; raised_at: Date | string }>(
    `SELECT station_id, manifest_sha256, raised_at FROM station_alerts WHERE kind = 'gap' AND resolved_at IS NULL`,
  );
  const current = stationAlerts(
    contacts.map((c) => ({ stationId: c.station_id, checkpointId: null, registeredAtMs: msOf(c.created_at), lastBundleAtMs: c.last_bundle === null ? null : msOf(c.last_bundle), expectedEveryMinutes })),
    gaps.map((g) => ({ stationId: g.station_id, checkpointId: null, manifestSha256: g.manifest_sha256, detectedAtMs: msOf(g.raised_at) })),
    nowMs,
  );
  return writeAlertDiff(sql, current, 'station.%');
}

/** Writes `current` against the open alerts whose code matches `codePattern` (a LIKE pattern). */
export async function writeAlertDiff(sql: BoardSql, current: readonly CentralAlert[], codePattern: string): Promise<{ raised: number; updated: number; resolved: number }> {
  const open = await sql.query<{ alert_key: string; params: Record<string, string | number> }>(`SELECT alert_key, params FROM central_alerts WHERE resolved_at IS NULL AND code LIKE $1`, [codePattern]);
  const diff = diffAlerts(open.map((o) => ({ key: o.alert_key, params: o.params })), current);
  for (const a of diff.raise) {
    await sql.query(
      `INSERT INTO central_alerts (alert_key, code, severity, corridor_id, group_id, checkpoint_id, station_id, journey_keys, params, since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::jsonb, $10)`,
      [a.key, a.code, a.severity, a.corridorId, a.groupId, a.checkpointId, a.stationId, a.journeyKeys, JSON.stringify(a.params), isoOf(a.sinceMs)],
    );
  }
  for (const a of diff.update) {
    await sql.query(`UPDATE central_alerts SET params = $2::jsonb, journey_keys = $3::text[], since = $4, updated_at = now() WHERE alert_key = $1 AND resolved_at IS NULL`, [
      a.key,
      JSON.stringify(a.params),
      a.journeyKeys,
      isoOf(a.sinceMs),
    ]);
  }
  if (diff.resolve.length > 0) await sql.query(`UPDATE central_alerts SET resolved_at = now() WHERE alert_key = ANY($1::text[]) AND resolved_at IS NULL`, [diff.resolve]);
  return { raised: diff.raise.length, updated: diff.update.length, resolved: diff.resolve.length };
}

/** An alert as the read API shows it, with the key it is raised and resolved by. */
export type StoredAlert = AlertView & { readonly key: string };

interface AlertRow {
  id: string | number;
  alert_key: string;
  code: CentralAlertCode;
  severity: 'warning' | 'critical';
  corridor_id: string | null;
  group_id: string | null;
  checkpoint_id: string | null;
  station_id: string | null;
  params: Record<string, string | number>;
  since: Date | string;
  acknowledged_at: Date | string | null;
  acknowledged_by: string | null;
  acknowledgement_note: string | null;
}

const storedOf = (r: AlertRow): StoredAlert => ({
  id: Number(r.id),
  key: r.alert_key,
  code: r.code,
  severity: r.severity,
  corridorId: r.corridor_id,
  groupId: r.group_id,
  checkpointId: r.checkpoint_id,
  stationId: r.station_id,
  params: r.params,
  sinceMs: msOf(r.since),
  acknowledged: r.acknowledged_at === null ? null : { by: r.acknowledged_by ?? '', atMs: msOf(r.acknowledged_at), note: r.acknowledgement_note },
});

/**
 * Open alerts, most severe and oldest first. With `forStation`, only those a station's next package carries:
 * about the station itself or addressed to one of its checkpoints.
 */
export async function openAlerts(sql: BoardSql, forStation?: { readonly stationId: string; readonly checkpointIds: readonly string[] }): Promise<StoredAlert[]> {
  const rows = await sql.query<AlertRow>(
    `SELECT id, alert_key, code, severity, corridor_id, group_id, checkpoint_id, station_id, params, since, acknowledged_at, acknowledged_by, acknowledgement_note
       FROM central_alerts
      WHERE resolved_at IS NULL AND ($1::text IS NULL OR station_id = $1 OR checkpoint_id = ANY($2::text[]))
      ORDER BY severity = 'critical' DESC, since, id`,
    [forStation?.stationId ?? null, forStation?.checkpointIds ?? []],
  );
  return rows.map(storedOf);
}

export type AcknowledgeProblemCode = 'alert.not-found' | 'alert.already-acknowledged' | 'alert.note-too-long';

/** Acknowledges an open alert with a note; the act goes into the central audit trail. */
export async function acknowledgeAlert(sql: BoardSql, id: number, actor: string, note: string | null): Promise<Result<StoredAlert, Problem<AcknowledgeProblemCode>>> {
  if (note !== null && note.length > 2000) return err({ code: 'alert.note-too-long', message: 'The note is longer than 2000 characters.' });
  const [row] = await sql.query<AlertRow>(
    `UPDATE central_alerts SET acknowledged_at = now(), acknowledged_by = $2, acknowledgement_note = $3
      WHERE id = $1 AND acknowledged_at IS NULL
      RETURNING id, alert_key, code, severity, corridor_id, group_id, checkpoint_id, station_id, params, since, acknowledged_at, acknowledged_by, acknowledgement_note`,
    [id, actor, note],
  );
  if (!row) {
    const [exists] = await sql.query<{ id: string }>('SELECT id FROM central_alerts WHERE id = $1', [id]);
    return err(exists ? { code: 'alert.already-acknowledged', message: `Alert ${id} is already acknowledged.` } : { code: 'alert.not-found', message: `There is no alert ${id}.` });
  }
  await appendCentralAudit(sql, { actor, action: 'alert.acknowledged', subject: `alert:${row.alert_key}`, details: { id, code: row.code, note } });
  return ok(storedOf(row));
}
