import type { RetentionPurge, RetentionStatus } from '../../contract';
import { RetentionRepo, purgedTotal, type StationStore } from '../../node/db';
import type { Logger } from '../logger';

export const RETENTION_DAYS_KEY = 'retention.days';
const LAST_PURGE_KEY = 'retention.lastPurge';
/** Default period: long enough for a corridor's entry/exit pairing and the daily exports, short for privacy. */
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionDeps {
  readonly store: StationStore;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Names who changed the period / ran the purge in the audit log ("station" for the scheduled run). */
  readonly actor: () => string;
}

/**
 * Retention: personal fields of records older than the period are blanked; rows, counts, the audit
 * chain (ids and hashes only) and bundles already exported stay verifiable. The purge runs with
 * secure_delete on and ends with a TRUNCATE checkpoint, so the old page versions leave the WAL file.
 */
export class RetentionService {
  private readonly repo: RetentionRepo;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: RetentionDeps) {
    this.repo = new RetentionRepo(deps.store.database);
  }

  days(): number {
    const saved = Number(this.repo.setting(RETENTION_DAYS_KEY));
    return Number.isInteger(saved) && saved >= 1 ? saved : DEFAULT_RETENTION_DAYS;
  }

  status(): RetentionStatus {
    const last = this.repo.setting(LAST_PURGE_KEY);
    return { days: this.days(), lastPurge: last ? (JSON.parse(last) as RetentionPurge) : null };
  }

  setDays(days: number): RetentionStatus {
    const { store } = this.deps;
    store.transaction(() => {
      const previous = this.days();
      this.repo.saveSetting(RETENTION_DAYS_KEY, String(days));
      store.appendAudit({ at: this.deps.now().toISOString(), actor: this.deps.actor(), action: 'retention.period-set', entity: 'settings', entityId: RETENTION_DAYS_KEY, payload: { from: previous, to: days } });
    });
    this.purge();
    return this.status();
  }

  /**
   * `compact`: rebuild the file afterwards (VACUUM). It blocks the core for its duration (measured: 3 s for a
   * 53 MB encrypted file on the shared build machine), so the daily timer skips it while the lane may be busy;
   * start-up and an administrator's purge do it.
   */
  purge(options: { compact?: boolean } = {}): RetentionPurge {
    const compact = options.compact ?? true;
    const { store } = this.deps;
    const now = this.deps.now();
    const cutoff = new Date(now.getTime() - this.days() * DAY_MS);
    this.repo.secureDelete(true);
    let purge: RetentionPurge;
    try {
      purge = store.transaction(() => {
        const counts = this.repo.purgeBefore(cutoff.getTime());
        // The audit row holds only the cutoff and counts; a purge that found nothing leaves no row.
        if (purgedTotal(counts) > 0) {
          store.appendAudit({ at: now.toISOString(), actor: this.deps.actor(), action: 'retention.purged', entity: 'station', entityId: 'retention', payload: { cutoff: cutoff.toISOString(), days: this.days(), ...counts } });
        }
        const result = { at: now.toISOString(), cutoff: cutoff.toISOString(), counts, compacted: false, checkpointBusy: false };
        this.repo.saveSetting(LAST_PURGE_KEY, JSON.stringify(result));
        return result;
      });
      if (compact && purgedTotal(purge.counts) > 0) purge = { ...purge, compacted: this.compact() };
    } finally {
      this.repo.secureDelete(false);
    }
    const busy = this.repo.checkpoint().busy;
    // Nothing is written after the checkpoint (the WAL stays empty) unless something differs from what was saved.
    if (busy || purge.compacted) {
      purge = { ...purge, checkpointBusy: busy };
      const saved = purge;
      store.transaction(() => this.repo.saveSetting(LAST_PURGE_KEY, JSON.stringify(saved)));
      if (!busy) this.repo.checkpoint();
    }
    return purge;
  }

  /** The purge has committed either way; a failed rebuild (e.g. no room for the copy) is logged and retried next run. */
  private compact(): boolean {
    try {
      this.repo.compact();
      return true;
    } catch (error) {
      this.deps.logger.warn('retention: rebuilding the database file after the purge failed; purged fields are blank but old bytes may remain until the next run', error);
      return false;
    }
  }

  /**
   * At start (with the file rebuilt) and then daily (blanking and checkpoint only; the freed bytes, encrypted,
   * stay in unused page space until the next start or an administrator's purge). A failing run is logged and
   * retried the next day (nothing half-purged: one transaction).
   */
  schedule(intervalMs = DAY_MS): void {
    const run = (compact: boolean) => {
      try {
        this.purge({ compact });
      } catch (error) {
        this.deps.logger.warn('retention purge failed; it runs again tomorrow', error);
      }
    };
    run(true);
    this.timer = setInterval(() => run(false), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
