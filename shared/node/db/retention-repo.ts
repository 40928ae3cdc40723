import type Database from 'better-sqlite3';
import { SettingsRepo } from './settings-repo';

/** Stands in for a document number after the purge: never a valid MRZ number (brackets), so it matches nobody. */
export const PURGED_DOCUMENT_NUMBER = '(purged)';
/** Stands in for the free-text reason of an override or correction after the purge. */
export const PURGED_REASON = 'Reason removed after the retention period.';

export interface PurgeCounts {
  readonly crossings: number;
  readonly importedCrossings: number;
  readonly evidence: number;
  readonly overrides: number;
  readonly manifestEntries: number;
  readonly groups: number;
  readonly alerts: number;
  /** Queued bundles whose zip (kept in the database until the hub acknowledges it) was erased. */
  readonly outboxBundles: number;
  /** Travellers decided at the lane and never recorded (parked_travellers rows), deleted: they are no record. */
  readonly parkedTravellers: number;
}

export const purgedTotal = (counts: PurgeCounts): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

// Reasons keep their code and severity (what the counts and reports group by); messages can quote names.
const BLANK_REASONS = `(SELECT json_group_array(json_object('code', json_extract(value, '$.code'), 'severity', json_extract(value, '$.severity'), 'message', ''))
   FROM json_each(reasons_json))`;
// The document keeps its type, issuing state and nationality (statistics); who it was goes.
const BLANK_DOCUMENT = `json_set(document_json, '$.documentNumber', '${PURGED_DOCUMENT_NUMBER}', '$.surname', '', '$.givenNames', '',
   '$.birthDate', NULL, '$.sex', NULL, '$.expiryDate', NULL)`;

/**
 * A crossing a bundle holds: an export covers its time and it was recorded before the bundle was read (see
 * 0004_exports_outbox.sql). With a central link (`@acknowledged` = 1) only an export the hub acknowledged counts.
 * `@unexported` = 1 lifts the condition: an administrator confirmed erasing crossings no bundle holds.
 */
const EXPORTED = `(@unexported = 1 OR EXISTS (SELECT 1 FROM exports e
   WHERE c.recorded_at_ms >= e.period_from_ms AND c.recorded_at_ms < e.period_to_ms AND c.sequence <= e.snapshot_sequence
     AND (@acknowledged = 0 OR e.status = 'acknowledged')))`;

/** Which crossings a purge may erase: only those a bundle holds, unless an administrator confirmed the others. */
export interface PurgeScope {
  /** A central link is set up: a bundle counts once the hub acknowledged it. */
  readonly acknowledgedOnly: boolean;
  /** An administrator confirmed erasing crossings no bundle holds. */
  readonly unexported: boolean;
}

/** The crossings' time window of one batch, with the scope's parameters. */
type Window = { from: number; to: number; acknowledged: number; unexported: number };

const scopeParams = (scope: PurgeScope) => ({ acknowledged: scope.acknowledgedOnly ? 1 : 0, unexported: scope.unexported ? 1 : 0 });

/** Outbox bundles whose export period ended before the cutoff and none of whose crossings still holds personal data. */
const PURGEABLE_BUNDLES = `SELECT b.idempotency_key FROM outbox_bundles b JOIN outbox o USING (idempotency_key) JOIN exports e ON e.id = o.export_id
   WHERE e.period_to_ms <= @cutoff
     AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.recorded_at_ms >= e.period_from_ms AND c.recorded_at_ms < e.period_to_ms AND c.document_number <> @purged)`;

/**
 * Blanks the personal fields of records older than the retention cutoff, keeping every row (so counts,
 * pairings, exports and the audit chain, which holds only ids and hashes, stay as they were). Idempotent:
 * purged rows are recognised and skipped. Run inside one transaction with its audit row.
 */
export class RetentionRepo {
  private readonly statements: {
    crossings: Database.Statement<[{ from: number; to: number; purged: string; acknowledged: number; unexported: number }]>;
    imported: Database.Statement<[{ cutoff: number; purged: string; batch: number }]>;
    evidence: Database.Statement<[Window]>;
    overrides: Database.Statement<[Window]>;
    corrections: Database.Statement<[Window]>;
    alerts: Database.Statement<[{ cutoff: number; batch: number }]>;
    oldestUnpurged: Database.Statement<[{ cutoff: number; purged: string; offset: number; acknowledged: number; unexported: number }]>;
    due: Database.Statement<[{ cutoff: number; purged: string; acknowledged: number }], { total: number; exported: number | null }>;
    newest: Database.Statement<[]>;
    closedGroups: Database.Statement<[], { id: string; departed_at: string | null; arrived_at: string | null }>;
    manifest: Database.Statement<[{ id: string; purged: string }]>;
    group: Database.Statement<[string]>;
    holdPurgedBundles: Database.Statement<[{ cutoff: number; purged: string }]>;
    outboxBundles: Database.Statement<[{ cutoff: number; purged: string }]>;
    parked: Database.Statement<[{ cutoff: number }]>;
  };

  private readonly settings: SettingsRepo;

  constructor(private readonly db: Database.Database) {
    this.settings = new SettingsRepo(db);
    this.statements = {
      crossings: db.prepare(
        `UPDATE crossings AS c SET document_json = ${BLANK_DOCUMENT}, document_number = @purged, birth_date = NULL, name_key = NULL, note = NULL,
           reasons_json = ${BLANK_REASONS}
         WHERE recorded_at_ms >= @from AND recorded_at_ms < @to AND document_number <> @purged AND ${EXPORTED}`,
      ),
      imported: db.prepare(
        `UPDATE imported_crossings SET document_json = ${BLANK_DOCUMENT}, document_number = @purged, birth_date = NULL, name_key = NULL,
           reasons_json = ${BLANK_REASONS}
         WHERE rowid IN (SELECT rowid FROM imported_crossings WHERE recorded_at_ms < @cutoff AND document_number <> @purged ORDER BY recorded_at_ms LIMIT @batch)`,
      ),
      // The holder, the whole decoded certificate, certificate ids, scanned text and photos; outcome and kind stay.
      evidence: db.prepare(
        `UPDATE evidence SET photo = NULL, photo_type = NULL, summary_json = CASE json_extract(summary_json, '$.kind')
           WHEN 'dcc' THEN json_remove(summary_json, '$.holder', '$.hcert', '$.test.certificateId', '$.vaccination.certificateId', '$.recovery.certificateId')
           WHEN 'paper-lab' THEN json_remove(json_set(summary_json, '$.certificateNumber', '', '$.hasPhoto', json('false')), '$.holder')
           WHEN 'other-qr' THEN json_set(summary_json, '$.text', '')
           WHEN 'lab-result' THEN json_remove(summary_json, '$.holder')
           ELSE '{}' END
         WHERE crossing_id IN (SELECT id FROM crossings c WHERE c.recorded_at_ms >= @from AND c.recorded_at_ms < @to AND ${EXPORTED})
           AND (photo IS NOT NULL OR json_extract(summary_json, '$.holder') IS NOT NULL OR json_extract(summary_json, '$.hcert') IS NOT NULL
             OR json_extract(summary_json, '$.test.certificateId') IS NOT NULL OR json_extract(summary_json, '$.vaccination.certificateId') IS NOT NULL
             OR json_extract(summary_json, '$.recovery.certificateId') IS NOT NULL
             OR json_extract(summary_json, '$.certificateNumber') <> '' OR json_extract(summary_json, '$.text') <> '')`,
      ),
      // Free text written about a person.
      overrides: db.prepare(
        `UPDATE overrides SET reason = '${PURGED_REASON}'
         WHERE crossing_id IN (SELECT id FROM crossings c WHERE c.recorded_at_ms >= @from AND c.recorded_at_ms < @to AND ${EXPORTED}) AND reason <> '${PURGED_REASON}'`,
      ),
      // The reason of a correction is free text about a person too (the rest of the row is kept: it is the record).
      corrections: db.prepare(
        `UPDATE corrections SET reason = '${PURGED_REASON}'
         WHERE crossing_id IN (SELECT id FROM crossings c WHERE c.recorded_at_ms >= @from AND c.recorded_at_ms < @to AND ${EXPORTED}) AND reason <> '${PURGED_REASON}'`,
      ),
      alerts: db.prepare('UPDATE alerts SET note = NULL WHERE rowid IN (SELECT rowid FROM alerts WHERE raised_at_ms < @cutoff AND note IS NOT NULL LIMIT @batch)'),
      oldestUnpurged: db.prepare(
        `SELECT recorded_at_ms FROM crossings c WHERE recorded_at_ms < @cutoff AND document_number <> @purged AND ${EXPORTED}
         ORDER BY recorded_at_ms LIMIT 1 OFFSET @offset`,
      ),
      due: db.prepare(
        `SELECT count(*) AS total, sum(${EXPORTED.replace('@unexported = 1', '0')}) AS exported FROM crossings c
         WHERE recorded_at_ms < @cutoff AND document_number <> @purged`,
      ),
      newest: db.prepare('SELECT max(recorded_at_ms) FROM crossings'),
      closedGroups: db.prepare(
        `SELECT id, departed_at, arrived_at FROM travel_groups
         WHERE (departed_at IS NOT NULL OR arrived_at IS NOT NULL)
           AND (driver_name IS NOT NULL OR escort_name IS NOT NULL OR EXISTS (SELECT 1 FROM manifest_entries m WHERE m.group_id = travel_groups.id AND m.surname <> ''))`,
      ),
      // rowid keeps (group, document number, nationality) unique; the line number and count stay.
      manifest: db.prepare(
        `UPDATE manifest_entries SET document_number = @purged || ' ' || rowid, surname = '', given_names = '', name_key = '', birth_date = NULL,
           sex = NULL, companion_document_number = NULL
         WHERE group_id = @id AND surname <> ''`,
      ),
      group: db.prepare('UPDATE travel_groups SET driver_name = NULL, escort_name = NULL WHERE id = ? AND (driver_name IS NOT NULL OR escort_name IS NOT NULL)'),
      // A queued bundle not yet acknowledged carries the same personal data: it goes once every crossing of its
      // period has been purged, and the outbox item is held with the reason (it can no longer be sent).
      holdPurgedBundles: db.prepare(
        `UPDATE outbox SET held = 1, last_error_code = 'outbox-copy-purged', last_error = 'the retention period ended before the central system acknowledged this bundle'
         WHERE state <> 'acknowledged' AND idempotency_key IN (${PURGEABLE_BUNDLES})`,
      ),
      outboxBundles: db.prepare(`DELETE FROM outbox_bundles WHERE idempotency_key IN (${PURGEABLE_BUNDLES})`),
      // A traveller waiting for Enter since before the cutoff is personal data kept past the period, and no record:
      // the row goes (a traveller still at the lane would have been scanned within the period).
      parked: db.prepare('DELETE FROM parked_travellers WHERE received_at_ms < @cutoff'),
    };
  }

  setting(key: string): string | undefined {
    return this.settings.get(key);
  }

  saveSetting(key: string, value: string): void {
    this.settings.set(key, value);
  }

  /** When the newest crossing was recorded (the time index's last entry), or null on an empty station. */
  newestCrossingMs(): number | null {
    return (this.statements.newest.pluck().get() as number | null) ?? null;
  }

  /**
   * Crossings older than `cutoffMs` whose personal data is still there: `exported` ones a purge erases, `unexported`
   * ones (no bundle holds them, or with a central link none the hub acknowledged) only with an administrator's
   * confirmation. Reads every such crossing: for the administrator's screen, not the lane.
   */
  dueCrossings(cutoffMs: number, acknowledgedOnly: boolean): { exported: number; unexported: number } {
    const row = this.statements.due.get({ cutoff: cutoffMs, purged: PURGED_DOCUMENT_NUMBER, acknowledged: acknowledgedOnly ? 1 : 0 });
    const exported = row?.exported ?? 0;
    return { exported, unexported: (row?.total ?? 0) - exported };
  }

  /**
   * Blanks one batch of what is older than `cutoffMs`: the oldest `batch` crossings not yet purged (found through the
   * partial index of unpurged rows, so earlier runs' work is never read again) with their evidence, overrides and
   * corrections, then up to `batch` imported crossings and alerts. Groups closed before the cutoff and outbox copies
   * go once the crossings are done. All zero: nothing older than the cutoff is left.
   */
  purgeBatch(cutoffMs: number, batch: number, scope: PurgeScope): PurgeCounts {
    const s = this.statements;
    const purged = PURGED_DOCUMENT_NUMBER;
    const params = scopeParams(scope);
    const from = s.oldestUnpurged.pluck().get({ cutoff: cutoffMs, purged, offset: 0, ...params }) as number | undefined;
    let evidence = 0;
    let overrides = 0;
    let crossings = 0;
    if (from !== undefined) {
      // The window ends at the time of the first crossing after the batch (all crossings of one millisecond stay together).
      const to = (s.oldestUnpurged.pluck().get({ cutoff: cutoffMs, purged, offset: batch, ...params }) as number | undefined) ?? cutoffMs;
      const window = { from, to: to > from ? to : from + 1, ...params };
      // Evidence and overrides first: they find their crossings by time, not by a blanked field.
      evidence = s.evidence.run(window).changes;
      overrides = s.overrides.run(window).changes + s.corrections.run(window).changes;
      crossings = s.crossings.run({ ...window, purged }).changes;
    }
    const importedCrossings = s.imported.run({ cutoff: cutoffMs, purged, batch }).changes;
    const alerts = s.alerts.run({ cutoff: cutoffMs, batch }).changes;
    let manifestEntries = 0;
    let groups = 0;
    let outboxBundles = 0;
    let parkedTravellers = 0;
    if (crossings === 0 && importedCrossings === 0 && alerts === 0) {
      for (const group of s.closedGroups.all()) {
        const closedMs = Math.max(...[group.departed_at, group.arrived_at].map((at) => (at ? Date.parse(at) : Number.NaN)).filter(Number.isFinite));
        if (!Number.isFinite(closedMs) || closedMs >= cutoffMs) continue;
        manifestEntries += s.manifest.run({ id: group.id, purged }).changes;
        s.group.run(group.id);
        groups += 1;
      }
      s.holdPurgedBundles.run({ cutoff: cutoffMs, purged });
      outboxBundles = s.outboxBundles.run({ cutoff: cutoffMs, purged }).changes;
      parkedTravellers = s.parked.run({ cutoff: cutoffMs }).changes;
    }
    return { crossings, importedCrossings, evidence, overrides, manifestEntries, groups, alerts, outboxBundles, parkedTravellers };
  }

  /** Everything older than `cutoffMs` in one go (batch after batch in the caller's transaction). */
  purgeBefore(cutoffMs: number, scope: PurgeScope, batch = 2000): PurgeCounts {
    const total: Record<keyof PurgeCounts, number> = { crossings: 0, importedCrossings: 0, evidence: 0, overrides: 0, manifestEntries: 0, groups: 0, alerts: 0, outboxBundles: 0, parkedTravellers: 0 };
    for (;;) {
      const counts = this.purgeBatch(cutoffMs, batch, scope);
      for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += counts[key];
      if (counts.crossings === 0 && counts.importedCrossings === 0 && counts.alerts === 0) return total;
    }
  }

  /**
   * After the purge has committed: moves every page out of the WAL and truncates it, so the old page versions
   * (which still hold the names) leave the disk. `busy` when a reader kept part of the WAL; the next run retries.
   */
  checkpoint(): { busy: boolean } {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    return { busy: (result?.busy ?? 0) !== 0 };
  }

  /**
   * Rebuilds the file (VACUUM). secure_delete zeroes freed cells, but a b-tree page rebuilt by an UPDATE keeps
   * old bytes in its unallocated gap (measured: 21 of 40 purged names stayed on disk); a VACUUM writes every
   * page afresh. Seconds at most for a month of crossings; needs free space about the size of the file.
   */
  compact(): void {
    this.db.exec('VACUUM');
  }

  /** Overwrite freed content with zeros (for this connection): deleted names do not linger in free space. */
  secureDelete(on: boolean): void {
    this.db.pragma(`secure_delete = ${on ? 'ON' : 'OFF'}`);
  }
}
