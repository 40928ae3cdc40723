/**
 * What every crash round checks on the data folder a killed station left: the file is whole, every crossing it
 * acknowledged is there with its `crossing.recorded` audit row whose content hash matches the row, and the audit
 * chain verifies.
 */
import { contentHash } from '../../shared/app/audit';
import { StationStore, openStationDatabase } from '../../shared/node/db';

export interface AcknowledgedCheck {
  readonly integrity: string;
  /** Acknowledged ids not in `crossings`. */
  readonly lost: string[];
  /** Acknowledged ids without their `crossing.recorded` audit row. */
  readonly withoutAudit: string[];
  /** Acknowledged ids whose row no longer matches the content hash in its audit row. */
  readonly hashMismatch: string[];
  readonly auditChain: boolean;
}

export function checkAcknowledged(dataDir: string, acknowledged: Iterable<string>): AcknowledgedCheck {
  const raw = openStationDatabase(dataDir, { readonly: true });
  let integrity: string;
  const audited = new Map<string, string | undefined>();
  try {
    integrity = String(raw.pragma('integrity_check', { simple: true }));
    for (const row of raw.prepare("SELECT entity_id, payload_json FROM audit_log WHERE action = 'crossing.recorded'").all() as { entity_id: string; payload_json: string }[]) {
      audited.set(row.entity_id, (JSON.parse(row.payload_json) as { contentHash?: string }).contentHash);
    }
  } finally {
    raw.close();
  }
  const store = StationStore.open(dataDir);
  try {
    const lost: string[] = [];
    const withoutAudit: string[] = [];
    const hashMismatch: string[] = [];
    for (const id of acknowledged) {
      const crossing = store.getCrossing(id);
      if (!crossing) {
        lost.push(id);
        continue;
      }
      if (!audited.has(id)) withoutAudit.push(id);
      else if (audited.get(id) !== contentHash(crossing)) hashMismatch.push(id);
    }
    return { integrity, lost, withoutAudit, hashMismatch, auditChain: store.verifyAudit().ok };
  } finally {
    store.close();
  }
}

/** Rounds for a crash test: `name` in the environment, never fewer than `minimum` in CI. */
export function roundsFrom(name: string, minimum: number): number {
  const asked = Number(process.env[name] ?? minimum);
  const rounds = Number.isInteger(asked) && asked > 0 ? asked : minimum;
  return process.env.CI ? Math.max(minimum, rounds) : rounds;
}
