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
}

export const purgedTotal = (counts: PurgeCounts): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

// Reasons keep their code and severity (what the counts and reports group by); messages can quote names.
const BLANK_REASONS = `(SELECT json_group_array(json_object('code', json_extract(value, '$.code'), 'severity', json_extract(value, '$.severity'), 'message', ''))
   FROM json_each(reasons_json))`;
// The document keeps its type, issuing state and nationality (statistics); who it was goes.
const BLANK_DOCUMENT = `json_set(document_json, '$.documentNumber', '${PURGED_DOCUMENT_NUMBER}', '$.surname', '', '$.givenNames', '',
   '$.birthDate', NULL, '$.sex', NULL, '$.expiryDate', NULL)`;

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
    crossings: Database.Statement<[{ cutoff: number; purged: string }]>;
    imported: Database.Statement<[{ cutoff: number; purged: string }]>;
    evidence: Database.Statement<[{ cutoff: number }]>;
    overrides: Database.Statement<[{ cutoff: number }]>;
    corrections: Database.Statement<[{ cutoff: number }]>;
    alerts: Database.Statement<[{ cutoff: number }]>;
    closedGroups: Database.Statement<[], { id: string; departed_at: string | null; arrived_at: string | null }>;
    manifest: Database.Statement<[{ id: string; purged: string }]>;
    group: Database.Statement<[string]>;
    holdPurgedBundles: Database.Statement<[{ cutoff: number; purged: string }]>;
    outboxBundles: Database.Statement<[{ cutoff: number; purged: string }]>;
  };

  private readonly settings: SettingsRepo;

  constructor(private readonly db: Database.Database) {
    this.settings = new SettingsRepo(db);
    this.statements = {
      crossings: db.prepare(
        `UPDATE crossings SET document_json = ${BLANK_DOCUMENT}, document_number = @purged, birth_date = NULL, name_key = NULL, note = NULL,
           reasons_json = ${BLANK_REASONS}
         WHERE recorded_at_ms < @cutoff AND document_number <> @purged`,
      ),
      imported: db.prepare(
        `UPDATE imported_crossings SET document_json = ${BLANK_DOCUMENT}, document_number = @purged, birth_date = NULL, name_key = NULL,
           reasons_json = ${BLANK_REASONS}
         WHERE recorded_at_ms < @cutoff AND document_number <> @purged`,
      ),
      // The holder, the whole decoded certificate, certificate ids, scanned text and photos; outcome and kind stay.
      evidence: db.prepare(
        `UPDATE evidence SET photo = NULL, photo_type = NULL, summary_json = CASE json_extract(summary_json, '$.kind')
           WHEN 'dcc' THEN json_remove(summary_json, '$.holder', '$.hcert', '$.test.certificateId', '$.vaccination.certificateId', '$.recovery.certificateId')
           WHEN 'paper-lab' THEN json_set(summary_json, '$.certificateNumber', '', '$.hasPhoto', json('false'))
           WHEN 'other-qr' THEN json_set(summary_json, '$.text', '')
           ELSE '{}' END
         WHERE crossing_id IN (SELECT id FROM crossings WHERE recorded_at_ms < @cutoff)
           AND (photo IS NOT NULL OR json_extract(summary_json, '$.holder') IS NOT NULL OR json_extract(summary_json, '$.hcert') IS NOT NULL
             OR json_extract(summary_json, '$.test.certificateId') IS NOT NULL OR json_extract(summary_json, '$.vaccination.certificateId') IS NOT NULL
             OR json_extract(summary_json, '$.recovery.certificateId') IS NOT NULL
             OR json_extract(summary_json, '$.certificateNumber') <> '' OR json_extract(summary_json, '$.text') <> '')`,
      ),
      // Free text written about a person.
      overrides: db.prepare(
        `UPDATE overrides SET reason = '${PURGED_REASON}'
         WHERE crossing_id IN (SELECT id FROM crossings WHERE recorded_at_ms < @cutoff) AND reason <> '${PURGED_REASON}'`,
      ),
      // The reason of a correction is free text about a person too (the rest of the row is kept: it is the record).
      corrections: db.prepare(
        `UPDATE corrections SET reason = '${PURGED_REASON}'
         WHERE crossing_id IN (SELECT id FROM crossings WHERE recorded_at_ms < @cutoff) AND reason <> '${PURGED_REASON}'`,
      ),
      alerts: db.prepare('UPDATE alerts SET note = NULL WHERE raised_at_ms < @cutoff AND note IS NOT NULL'),
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
    };
  }

  setting(key: string): string | undefined {
    return this.settings.get(key);
  }

  saveSetting(key: string, value: string): void {
    this.settings.set(key, value);
  }

  /** Blanks what is older than `cutoffMs`; a group counts from when it was closed (departed or arrived). */
  purgeBefore(cutoffMs: number): PurgeCounts {
    const s = this.statements;
    // Evidence and overrides first: they find their crossings by time, not by a blanked field.
    const evidence = s.evidence.run({ cutoff: cutoffMs }).changes;
    const overrides = s.overrides.run({ cutoff: cutoffMs }).changes + s.corrections.run({ cutoff: cutoffMs }).changes;
    const crossings = s.crossings.run({ cutoff: cutoffMs, purged: PURGED_DOCUMENT_NUMBER }).changes;
    const importedCrossings = s.imported.run({ cutoff: cutoffMs, purged: PURGED_DOCUMENT_NUMBER }).changes;
    const alerts = s.alerts.run({ cutoff: cutoffMs }).changes;
    let manifestEntries = 0;
    let groups = 0;
    for (const group of s.closedGroups.all()) {
      const closedMs = Math.max(...[group.departed_at, group.arrived_at].map((at) => (at ? Date.parse(at) : Number.NaN)).filter(Number.isFinite));
      if (!Number.isFinite(closedMs) || closedMs >= cutoffMs) continue;
      manifestEntries += s.manifest.run({ id: group.id, purged: PURGED_DOCUMENT_NUMBER }).changes;
      s.group.run(group.id);
      groups += 1;
    }
    s.holdPurgedBundles.run({ cutoff: cutoffMs, purged: PURGED_DOCUMENT_NUMBER });
    const outboxBundles = s.outboxBundles.run({ cutoff: cutoffMs, purged: PURGED_DOCUMENT_NUMBER }).changes;
    return { crossings, importedCrossings, evidence, overrides, manifestEntries, groups, alerts, outboxBundles };
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
