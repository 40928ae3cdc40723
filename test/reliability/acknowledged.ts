/**
 * What every crash round checks on the data folder a killed station left: the file is whole, every crossing it
 * acknowledged is there with its `crossing.recorded` audit row, every record matches the content its audit row
 * recorded (`checkAuditContent`, what `checkpoint db check` runs), and the audit chain verifies.
 */
import { StationStore, checkAuditContent, openStationDatabase } from '../../shared/node/db';

export interface AcknowledgedCheck {
  readonly integrity: string;
  /** Acknowledged ids not in `crossings`. */
  readonly lost: string[];
  /** Acknowledged ids without their `crossing.recorded` audit row. */
  readonly withoutAudit: string[];
  /** Records that differ from, lack or have no audit row's content (kind, entity, id). */
  readonly content: string[];
  readonly auditChain: boolean;
}

export function checkAcknowledged(dataDir: string, acknowledged: Iterable<string>): AcknowledgedCheck {
  const raw = openStationDatabase(dataDir, { readonly: true });
  let integrity: string;
  let content: string[];
  const audited = new Set<string>();
  try {
    integrity = String(raw.pragma('integrity_check', { simple: true }));
    for (const id of raw.prepare("SELECT entity_id FROM audit_log WHERE action = 'crossing.recorded'").pluck().all() as string[]) audited.add(id);
    content = checkAuditContent(raw).problems.map((problem) => `${problem.kind} ${problem.entity} ${problem.id}`);
  } finally {
    raw.close();
  }
  const store = StationStore.open(dataDir);
  try {
    const lost: string[] = [];
    const withoutAudit: string[] = [];
    for (const id of acknowledged) {
      if (!store.getCrossing(id)) lost.push(id);
      else if (!audited.has(id)) withoutAudit.push(id);
    }
    return { integrity, lost, withoutAudit, content, auditChain: store.verifyAudit().ok };
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
